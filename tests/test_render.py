"""Render stage: article HTML and text editions through the library API."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree

from teikit.errors import RenderError
from teikit.render import Renderer, default_renderer, render_paths
from teikit.render.batch import tei_href
from teikit.validate import validate_paths

from render_helpers import SAMPLE, body_blocks, canonical_html, check_golden, parse_html, H

SEED_TEI = Path(__file__).resolve().parents[1] / "tei" / "000_03d31ed0a32cd011.xml"
REPO_XSLT = Path(__file__).resolve().parents[1] / "xslt"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return default_renderer()


@pytest.fixture(scope="module")
def page(renderer):
    return renderer.html(SAMPLE, tei_href="../../tei/sample.xml")


@pytest.fixture(scope="module")
def tree(page):
    return parse_html(page, "sample.html")


def _by_id(tree, ident):
    found = tree.xpath(f"//*[@id='{ident}']")
    assert len(found) == 1, f"id {ident} occurs {len(found)} times"
    return found[0]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


# -- HTML -------------------------------------------------------------------

def test_fixture_is_valid_tei(assert_tei_all_valid):
    assert_tei_all_valid(SAMPLE)


def test_default_renderer_is_compiled_once():
    assert default_renderer() is default_renderer()


def test_html_is_html5_with_language_and_charset(page, tree):
    assert page.startswith("<!DOCTYPE html>\n")
    assert page.endswith("\n")
    root = tree.getroot()
    assert root.get("lang") == "vi"
    assert tree.xpath("//h:meta[@charset='utf-8']", namespaces={"h": H[1:-1]})


def test_html_has_no_network_resources(page, tree):
    # The one resource a page loads is its own script, by a relative path into assets/ (its icon is in the page).
    from test_safe_links import ICON

    scripts = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in (f"{H}script", f"{H}img", f"{H}link", f"{H}iframe"):
            if el.tag == f"{H}link" and el.get("rel") == "icon" and el.get("href") == ICON:
                continue
            if el.tag == f"{H}script":
                scripts.append(el.get("src"))
                assert not (el.text or "").strip() and not el.get("href"), etree.tostring(el)
                continue
            assert not el.get("src") and not el.get("href"), etree.tostring(el)
    assert scripts == ["assets/highlight.js"]
    assert "@import" not in page and "url(" not in page
    assert "@media print" in page and "@media (max-width" in page


def test_html_metadata(tree):
    ns = {"h": H[1:-1]}
    assert _text(tree.xpath("//h:title", namespaces=ns)[0]) == "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"
    time = tree.xpath("//h:time[@class='pubdate']", namespaces=ns)[0]
    assert time.get("datetime") == "2013-07-31" and _text(time) == "ngày 31 tháng 7 năm 2013"
    assert _text(tree.xpath("//h:dd[@class='author']", namespaces=ns)[0]) == "Phạm Linh"
    source = tree.xpath("//h:a[@class='source-link']", namespaces=ns)[0]
    assert source.get("href") == "https://example.org/news/sample"
    assert tree.xpath("//h:code[@class='checksum']", namespaces=ns)[0].text.startswith("3f1c0e0b")
    assert tree.xpath("//h:a[@rel='license']", namespaces=ns)[0].get("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert tree.xpath("//h:a[@class='tei-link']", namespaces=ns)[0].get("href") == "../../tei/sample.xml"


def test_tei_link_left_out_without_href(renderer):
    assert "tei-link" not in renderer.html(SAMPLE)


def test_names_are_typed_linked_and_identified(tree):
    first = _by_id(tree, "pers-tran-dai-quang-m1")
    assert first.tag == f"{H}a" and "ent-person" in first.get("class").split()
    assert first.get("href") == "registers/persons/pers-tran-dai-quang.html"
    assert _by_id(tree, "place-ha-noi-m1").get("href") == "registers/places/place-ha-noi.html"
    assert _by_id(tree, "org-bo-cong-an-m2").get("href") == "registers/organisations/org-bo-cong-an.html"
    # A name inside a name cannot be a second link (HTML forbids nested links).
    inner = _by_id(tree, "org-uy-ban-trung-uong-mat-tran-to-quoc-viet-nam-m1")
    assert inner.tag == f"{H}span" and inner.getparent().get("id") == "org-ban-thuong-truc-m1"
    role = _by_id(tree, "role-2")
    assert "ent-role" in role.get("class") and "role-office" in role.get("class")
    date = _by_id(tree, "date-1")
    assert date.tag == f"{H}time" and date.get("datetime") == "2013-07-31"
    assert date.get("title") == "ngày 31 tháng 7 năm 2013"
    duration = _by_id(tree, "date-3")
    assert duration.tag == f"{H}span" and duration.get("title") == "10 năm"


def test_abbreviation_expansion_only_in_title(tree):
    abbrs = tree.xpath("//h:abbr", namespaces={"h": H[1:-1]})
    assert {(a.text, a.get("title")) for a in abbrs} >= {("MTTQVN", "Mặt trận Tổ quốc Việt Nam"), ("CAND", "Công an nhân dân")}
    text = _text(tree.xpath("//*[@class='text']")[0])
    assert "Ủy ban Trung ương MTTQVN." in text
    assert "MTTQVNMặt" not in text and "Thông tấn xã" not in text  # TTXVN's expansion is never printed


def test_text_spacing_is_untouched(tree):
    text = _text(tree.xpath("//*[@class='text']")[0])
    assert "Dự buổi làm việc có Đại tướng Trần Đại Quang, Bộ trưởng Bộ Công an; đồng chí Vũ Trọng Kim," in text
    assert "“bảo vệ ANTQ” & giữ gìn trật tự <an toàn> xã hội./." in text


def test_page_contains_every_block(tree):
    text = _text(tree.getroot())
    for block in body_blocks(SAMPLE):
        assert block in text


def test_blocks_figure_byline_credit(tree):
    ns = {"h": H[1:-1]}
    caption = tree.xpath("//h:figure/h:figcaption", namespaces=ns)[0]
    assert _text(caption) == "Ảnh: Đại tướng Trần Đại Quang và đồng chí Vũ Trọng Kim ký Chương trình phối hợp."
    assert _text(tree.xpath("//h:p[@class='byline']", namespaces=ns)[0]) == "Phạm Linh"
    assert _text(tree.xpath("//h:p[contains(@class,'credit')]", namespaces=ns)[0]) == "Theo TTXVN"
    assert tree.xpath("//h:p[@class='lead']", namespaces=ns)


def test_entity_index_counts_and_links(tree):
    section = _by_id(tree, "entities")
    items = {(_text(li.xpath("./*[1]")[0])): li for li in section.iter(f"{H}li")}
    quang = items["Trần Đại Quang"]
    assert "(3 lần nhắc)" in _text(quang)
    assert [a.get("href") for a in quang.xpath(".//*[@class='mention-links']/*")] == [
        "#pers-tran-dai-quang-m1", "#pers-tran-dai-quang-m2", "#pers-tran-dai-quang-m3"]
    assert "(1 lần nhắc)" in _text(items["Việt Nam"])
    assert "(1 lần nhắc)" in _text(items["ngày 31 tháng 7 năm 2013"])
    assert "(2 lần nhắc)" in _text(items["Đại tướng"])
    ids = {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    for a in section.iter(f"{H}a"):
        if a.get("href", "").startswith("#"):
            assert a.get("href")[1:] in ids


def test_mention_ids_are_unique(tree):
    ids = [el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))


def test_highlight_controls_hidden_without_script(tree):
    form = tree.xpath("//*[@class='hl-controls']")[0]
    assert form.get("hidden") is not None
    types = [i.get("data-type") for i in form.iter(f"{H}input")]
    assert types == ["person", "org", "place", "date", "role"]
    article = _by_id(tree, "article")
    assert {"hl-person", "hl-org", "hl-place", "hl-date", "hl-role"} <= set(article.get("class").split())


def test_links_can_be_switched_off(renderer):
    page = renderer.html(SAMPLE, registers_href="", index_href="")
    tree = parse_html(page)
    assert not tree.xpath("//*[contains(@href, 'registers/')]")
    assert _by_id(tree, "pers-tran-dai-quang-m1").tag == f"{H}span"


def test_html_golden(page):
    check_golden("sample.html.txt", canonical_html(page))


def test_html_is_deterministic(renderer, page):
    assert renderer.html(SAMPLE, tei_href="../../tei/sample.xml") == page


def test_html_from_lxml_tree_equals_from_path(renderer, page):
    tree = etree.parse(str(SAMPLE))
    assert renderer.html(tree, tei_href="../../tei/sample.xml") == page
    assert renderer.html(tree.getroot(), tei_href="../../tei/sample.xml") == page


def test_one_load_serves_both_outputs(renderer, page):
    doc = renderer.load(SAMPLE)
    assert renderer.html(doc, tei_href="../../tei/sample.xml") == page
    assert renderer.text(doc) == renderer.text(SAMPLE)


# -- text -------------------------------------------------------------------

def _body(text: str) -> str:
    """The text edition after its front matter."""
    assert text.startswith("---\n"), text[:80]
    return text.split("\n---\n\n", 1)[1]


def test_text_edition_shape(renderer):
    text = renderer.text(SAMPLE)
    lines = _body(text).split("\n")
    assert lines[0] == "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"
    # No label repeats its value's first word ("Ngày: ngày 31 …").
    assert lines[1] == "Ngày 31 tháng 7 năm 2013"
    assert lines[2] == "Tác giả: Phạm Linh"
    assert lines[3] == ""
    assert text.endswith("Theo TTXVN\n") and not text.endswith("\n\n")
    assert "\n\n[Ảnh: Đại tướng Trần Đại Quang và đồng chí Vũ Trọng Kim ký Chương trình phối hợp.]\n\n" in text
    assert "<" not in text.replace("<an toàn>", "")
    assert "  " not in text and "\n\n\n" not in text


def test_text_carries_every_block(renderer):
    text = renderer.text(SAMPLE)
    for block in body_blocks(SAMPLE):
        assert block in text
    assert "Mặt trận Tổ quốc Việt Nam (MTTQVN)" in text
    assert "Thông tấn xã" not in text


def test_text_expand(renderer):
    text = renderer.text(SAMPLE, abbr="expand")
    assert "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam." in text
    assert "lực lượng Công an nhân dân luôn “bảo vệ an ninh Tổ quốc”" in text
    assert "Theo Thông tấn xã Việt Nam\n" in text
    # Where the abbreviation is being defined it stays as written.
    assert "Công an nhân dân (CAND) phối hợp" in text
    assert "Mặt trận Tổ quốc Việt Nam (MTTQVN) đã họp" in text


def test_text_front_matter_is_yaml_with_every_key(renderer):
    text = renderer.text(SAMPLE)
    head = text.split("\n---\n", 1)[0] + "\n"
    assert yaml.safe_load(head.removeprefix("---\n")) == {
        "title": "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
        "author": ["Phạm Linh"], "date": "2013-07-31", "url": "https://example.org/news/sample",
        "sitename": "Cổng Thông tin điện tử Chính phủ", "identifier": "doc-sample",
        "licence": None, "licence_url": None,  # the text's licence is unknown (availability/@status)
        "markup_licence": "CC BY 4.0", "markup_licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "language": "vi"}


def test_text_front_matter_gives_a_stated_text_licence(renderer, tmp_path):
    data = SAMPLE.read_text(encoding="utf-8").replace('<availability status="unknown">', "<availability>", 1)
    data = re.sub(r'<licence n="text">[^<]*</licence>',
                  '<licence n="text" target="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</licence>', data)
    path = tmp_path / "stated.xml"
    path.write_text(data, encoding="utf-8")
    meta = yaml.safe_load(renderer.text(path).split("\n---\n", 1)[0].removeprefix("---\n"))
    assert (meta["licence"], meta["licence_url"]) == ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    assert meta["markup_licence"] == "CC BY 4.0"


def test_text_front_matter_quotes_and_nulls(renderer, tmp_path):
    # Quotes, backslashes and colons survive as data; what the header lacks is null, never left out.
    data = SAMPLE.read_text(encoding="utf-8").replace(
        '<title type="main" xml:lang="vi">Đẩy mạnh', '<title type="main" xml:lang="vi">"Bảo vệ": a\\b # Đẩy mạnh', 1)
    data = data.replace('<ref target="https://example.org/news/sample">https://example.org/news/sample</ref>', "")
    data = data.replace("<author>Phạm Linh</author>", "<author>A, B</author><author>C</author>", 1)
    data = re.sub(r"<availability[ >].*?</availability>", "", data, flags=re.S)
    path = tmp_path / "odd.xml"
    path.write_text(data, encoding="utf-8")
    meta = yaml.safe_load(renderer.text(path).split("\n---\n", 1)[0].removeprefix("---\n"))
    assert meta["title"].startswith('"Bảo vệ": a\\b # Đẩy mạnh')
    assert meta["author"] == ["A, B", "C"]
    assert meta["url"] is None and meta["licence"] is None and meta["licence_url"] is None
    assert meta["markup_licence"] is None and meta["markup_licence_url"] is None
    assert list(meta) == ["title", "author", "date", "url", "sitename", "identifier", "licence", "licence_url",
                          "markup_licence", "markup_licence_url", "language"]


def _expanded(renderer, tmp_path, paragraph: str) -> str:
    """The expanded text edition's paragraph of the sample with its first paragraph replaced."""
    data = re.sub(r'<p rend="lead">.*?</p>', f"<p>{paragraph}</p>", SAMPLE.read_text(encoding="utf-8"), count=1, flags=re.S)
    path = tmp_path / "abbr.xml"
    path.write_text(data, encoding="utf-8")
    return _body(renderer.text(path, abbr="expand")).split("\n\n")[1]


TP = '<choice resp="#ner-rules"><abbr>TP</abbr><expan>thành phố</expan></choice>'
HN = '<placeName ref="#place-ha-noi">Hà Nội</placeName>'


def test_text_expand_takes_the_point_and_a_capital_before_a_name(renderer, tmp_path):
    assert _expanded(renderer, tmp_path, f"Lãnh đạo {TP}. {HN} nói.") == "Lãnh đạo Thành phố Hà Nội nói."
    assert _expanded(renderer, tmp_path, f"{TP}. {HN} là thủ đô.") == "Thành phố Hà Nội là thủ đô."
    assert _expanded(renderer, tmp_path, f"Ở {TP}.{HN}.") == "Ở Thành phố Hà Nội."
    # A title before a person: the point goes, the case stays (mid-sentence).
    gs = '<roleName type="honorific"><choice resp="#ner-rules"><abbr>GS</abbr><expan>giáo sư</expan></choice></roleName>'
    ts = '<choice resp="#ner-rules"><abbr>TS</abbr><expan>tiến sĩ</expan></choice>'
    person = '<persName ref="#pers-vu-trong-kim">Vũ Trọng Kim</persName>'
    assert _expanded(renderer, tmp_path, f"Có {gs}. {ts}. {person} dự.") == "Có giáo sư tiến sĩ Vũ Trọng Kim dự."
    assert _expanded(renderer, tmp_path, f"Họp xong. {gs}. {person} dự.") == "Họp xong. Giáo sư Vũ Trọng Kim dự."


def test_text_expand_keeps_a_full_stop_and_lower_case_mid_sentence(renderer, tmp_path):
    # The point before a word that is no name is a full stop: kept, and the next sentence starts.
    assert _expanded(renderer, tmp_path, f"Họ về {TP}. Sau đó {TP} mở cửa.") == "Họ về thành phố. Sau đó thành phố mở cửa."
    assert _expanded(renderer, tmp_path, f"Họ về {TP}.") == "Họ về thành phố."
    # --abbr keep prints the abbreviation and its point as written.
    data = re.sub(r'<p rend="lead">.*?</p>', f"<p>Ở {TP}. {HN}.</p>", SAMPLE.read_text(encoding="utf-8"), count=1, flags=re.S)
    path = tmp_path / "keep.xml"
    path.write_text(data, encoding="utf-8")
    assert "\n\nỞ TP. Hà Nội.\n\n" in renderer.text(path)


def test_text_goldens(renderer):
    check_golden("sample.txt", renderer.text(SAMPLE))


def test_text_expand_golden(renderer):
    check_golden("sample.expand.txt", renderer.text(SAMPLE, abbr="expand"))


def test_text_rejects_unknown_abbr_mode(renderer):
    with pytest.raises(ValueError, match="abbr must be one of"):
        renderer.text(SAMPLE, abbr="shout")


def test_english_document_gets_english_words(renderer, tmp_path):
    data = SAMPLE.read_text(encoding="utf-8").replace('xml:lang="vi"', 'xml:lang="en"')
    path = tmp_path / "en.xml"
    path.write_text(data, encoding="utf-8")
    text = renderer.text(path)
    assert _body(text).split("\n")[1:3] == ["Date: 31 July 2013", "Author: Phạm Linh"]
    assert "[Photo: " in text
    assert '<html lang="en">' in renderer.html(path)


def test_names_in_a_passage_of_another_language_get_its_labels(renderer, tmp_path):
    # Labels are shared by the whole page only when the text is in one language.
    header, text = SAMPLE.read_text(encoding="utf-8").split("<text>", 1)
    data = header + "<text>" + text.replace("<p>", '<p xml:lang="en">', 1)
    assert 'xml:lang="en"' in data
    path = tmp_path / "mixed.xml"
    path.write_text(data, encoding="utf-8")
    tree = parse_html(renderer.html(path))
    first_p = tree.xpath("//h:div[@class='text']/h:p[not(@class)][1]", namespaces={"h": H[1:-1]})[0]
    titles = [a.get("title") for a in first_p.iter(f"{H}a") if a.get("title")]
    assert titles and all(t.endswith((" · Persons", " · Organisations", " · Places")) for t in titles)
    others = [a.get("title") for a in tree.iter(f"{H}a") if "ent" in (a.get("class") or "").split()
              and a.get("title") not in titles]
    assert others and all(t.endswith((" · Nhân vật", " · Tổ chức", " · Địa danh")) for t in others)


def test_non_ascii_ids_and_paths_are_escaped_in_links_only(renderer, tmp_path):
    # The page escapes URI attributes itself (the serializer is told not to).
    data = SAMPLE.read_text(encoding="utf-8").replace("pers-tran-dai-quang", "pers-trần")
    path = tmp_path / "ids.xml"
    path.write_text(data, encoding="utf-8")
    page = renderer.html(path, tei_href="../tei/bài 1.xml", registers_href="../sổ/")
    tree = parse_html(page)
    mention = _by_id(tree, "pers-trần-m1")
    assert mention.get("href") == "../s%E1%BB%95/persons/pers-tr%E1%BA%A7n.html"
    assert tree.xpath("//h:a[@class='tei-link']", namespaces={"h": H[1:-1]})[0].get("href") == "../tei/b%C3%A0i%201.xml"
    index_links = [a.get("href") for a in _by_id(tree, "entities").iter(f"{H}a")]
    assert "#pers-tr%E1%BA%A7n-m2" in index_links


def test_style_is_written_as_it_is_and_script_by_file(page):
    # Written with the xhtml method, the style would otherwise have "&", "<", ">" escaped;
    # the script is never inline (the page's Content-Security-Policy allows only files).
    css = (REPO_XSLT / "html" / "assets" / "edition.css").read_text(encoding="utf-8")
    assert f"<style>{css}</style>" in page
    assert '<script src="assets/highlight.js"></script>' in page and "<script>" not in page


# -- errors -----------------------------------------------------------------

def test_not_well_formed_names_the_file(renderer, tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    with pytest.raises(RenderError) as info:
        renderer.html(bad)
    assert str(info.value).startswith(f"{bad}: not well-formed:")


def test_doctype_is_refused(renderer, tmp_path):
    bad = tmp_path / "dtd.xml"
    bad.write_text('<!DOCTYPE TEI [<!ENTITY x "y">]><TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    with pytest.raises(RenderError, match=re.escape(f"{bad}: line 1: DOCTYPE or entity declarations are refused")):
        renderer.text(bad)


def test_not_tei_is_refused(renderer, tmp_path):
    bad = tmp_path / "other.xml"
    bad.write_text("<html/>", encoding="utf-8")
    with pytest.raises(RenderError) as info:
        renderer.text(bad)
    assert str(info.value) == f"{bad}: not a TEI document: the root element is html, not {{http://www.tei-c.org/ns/1.0}}TEI"


def test_a_tei_corpus_is_refused_saying_what_it_holds(renderer, tmp_path):
    corpus = tmp_path / "corpus.xml"
    member = '<TEI><teiHeader/><text><body><p>x</p></body></text></TEI>'
    corpus.write_text(f'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>{member}{member}</teiCorpus>',
                      encoding="utf-8")
    with pytest.raises(RenderError) as info:
        renderer.html(corpus)
    assert str(info.value) == (f"{corpus}: a teiCorpus of 2 TEI documents: an edition is made of one TEI document "
                               "a file; split it into one file per TEI")


def test_missing_file(renderer, tmp_path):
    with pytest.raises(RenderError, match=re.escape(f"{tmp_path / 'gone.xml'}: cannot read: No such file or directory")):
        renderer.html(tmp_path / "gone.xml")


def test_bad_stylesheet_directory(tmp_path):
    with pytest.raises(RenderError, match="stylesheet not found"):
        Renderer(tmp_path)


def test_broken_stylesheet_names_it(tmp_path):
    xslt = tmp_path / "xslt"
    shutil.copytree(Path(__file__).resolve().parents[1] / "xslt", xslt)
    (xslt / "txt" / "tei-to-txt.xsl").write_text("<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'><xsl:bogus/></xsl:stylesheet>")
    with pytest.raises(RenderError, match=re.escape(f"{xslt / 'txt' / 'tei-to-txt.xsl'}: cannot compile stylesheet:")):
        Renderer(xslt)


# -- batch ------------------------------------------------------------------

def test_render_paths_continues_past_bad_files(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.xml")
    (src / "b.xml").write_text("<nope", encoding="utf-8")
    shutil.copy(SAMPLE, src / "c.xml")
    out = tmp_path / "out"
    report = render_paths([src], out, "txt")
    assert [p.name for p in report.written] == ["a.txt", "c.txt"]
    assert len(report.failures) == 1 and report.failures[0].path == src / "b.xml"
    assert report.failures[0].message.startswith(f"{src / 'b.xml'}: not well-formed:")
    assert not report.ok
    assert (out / "a.txt").read_text(encoding="utf-8") == default_renderer().text(SAMPLE)
    assert not list(out.glob(".*.tmp"))


def test_a_document_whose_xml_id_is_repeated_is_rendered_whole(tmp_path):
    # It was refused as "not well-formed" (libxml2's ID check), its whole text unpublished; it is
    # well-formed, and validation says what is wrong with it.
    src = tmp_path / "dup.xml"
    src.write_text(SAMPLE.read_text(encoding="utf-8").replace("<p>", '<p xml:id="dup">', 2), encoding="utf-8")
    for fmt in ("txt", "html"):
        report = render_paths([src], tmp_path / fmt, fmt)
        assert report.ok and report.written == [tmp_path / fmt / f"dup.{fmt}"]
    assert (tmp_path / "txt" / "dup.txt").read_text(encoding="utf-8") == default_renderer().text(SAMPLE)


def test_a_text_changed_since_teikit_wrote_it_is_said_when_it_is_written_again(tmp_path):
    out = tmp_path / "txt"
    assert render_paths([SAMPLE], out, "txt").ok
    (out / "sample.txt").write_text("an editor's text", encoding="utf-8")
    report = render_paths([SAMPLE], out, "txt")
    assert report.warnings == [f"{out / 'sample.txt'}: replaced: changed since teikit wrote it (its pages are made "
                               "from the TEI: an edit belongs there)"]
    assert (out / "sample.txt").read_text(encoding="utf-8") == default_renderer().text(SAMPLE)


def test_a_folders_tei_files_are_found_by_either_suffix_in_any_case(tmp_path):
    # Other projects name TEI files *.tei: a folder's were skipped without a word.
    src = tmp_path / "tei"
    src.mkdir()
    for name in ("a.tei", "B.XML", "c.tei.xml"):
        shutil.copy(SAMPLE, src / name)
    report = render_paths([src], tmp_path / "txt", "txt")
    assert report.ok and sorted(p.name for p in report.written) == ["B.txt", "a.txt", "c.tei.txt"]
    assert sorted(Path(r.file).name for r in validate_paths([src]).files) == ["B.XML", "a.tei", "c.tei.xml"]


def test_render_paths_html_links_tei_relatively(tmp_path):
    out = tmp_path / "dist" / "html"
    report = render_paths([SAMPLE], out, "html")
    assert report.ok and report.written == [out / "sample.html"]
    page = (out / "sample.html").read_text(encoding="utf-8")
    assert f'href="{tei_href(SAMPLE, out)}"' in page
    assert (out / tei_href(SAMPLE, out)).resolve() == SAMPLE.resolve()


def test_render_paths_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="fmt must be one of"):
        render_paths([SAMPLE], tmp_path, "pdf")


def test_seed_tei_renders_completely(renderer):
    text = renderer.text(SEED_TEI)
    for block in body_blocks(SEED_TEI):
        assert block in text
    assert "<" not in text
    page = renderer.html(SEED_TEI)
    parse_html(page, str(SEED_TEI))


def test_render_paths_never_lets_one_stem_overwrite_another(tmp_path):
    from teikit.render import render_paths

    sample = Path(__file__).parent / "data" / "render" / "sample.xml"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(sample, tmp_path / folder / "same.xml")
    report = render_paths([tmp_path / "a", tmp_path / "b"], tmp_path / "out", "txt")
    assert [p.name for p in report.written] == ["same.txt"]
    assert [f.message for f in report.failures] == [
        f"{tmp_path / 'b' / 'same.xml'}: same output name as {tmp_path / 'a' / 'same.xml'}: same.txt"]


def test_every_page_has_its_icon_in_the_page_and_no_search_box_without_scripts(tree):
    from test_safe_links import ICON

    ns = {"h": H[1:-1]}
    assert [link.get("href") for link in tree.xpath("//h:link[@rel='icon']", namespaces=ns)] == [ICON]
    assert tree.xpath("//h:head/h:noscript/h:style/text()", namespaces=ns) == [".site-search { display: none; }"]
    assert len(tree.xpath("//h:form[@class='site-search']", namespaces=ns)) == 1


def test_an_article_with_nothing_to_highlight_has_no_highlight_box(renderer):
    doc = etree.parse(str(SAMPLE))
    text = doc.find("{http://www.tei-c.org/ns/1.0}text")
    etree.strip_tags(text, *(f"{{http://www.tei-c.org/ns/1.0}}{name}" for name in
                             ("persName", "orgName", "placeName", "roleName", "date")))
    page = parse_html(renderer.html(doc))
    assert page.xpath("//*[@class='hl-controls']") == [] and page.xpath("//h:legend", namespaces={"h": H[1:-1]}) == []
    article = page.xpath("//*[@id='article']")[0]
    assert "hl-person" in article.get("class").split()  # (no switch: nothing to switch)
