"""Web pages (.html, .htm, gzipped) as a source of convert: main text without the site around it,
structure kept, metadata in the header, the page's encoding read right, every output valid."""

from __future__ import annotations

import gzip
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.convert import convert_paths
from teikit.ingest import ingest_file
from teikit.ingest.charset import decode_page
from teikit.names import XPATH_NS
from teikit.teitext import reading_text

HTML = Path(__file__).resolve().parent / "data" / "html"
CASES = HTML / "cases"
EXPECTED = json.loads((HTML / "expected.json").read_text(encoding="utf-8"))
runner = CliRunner()


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    # a folder of the pages expected.json describes (cases/ holds the small pages of single defects)
    pages, out = tmp_path_factory.mktemp("pages"), tmp_path_factory.mktemp("tei")
    for name in EXPECTED:
        shutil.copy(HTML / name, pages / name)
    report = convert_paths([pages], out)
    assert not report.failures, report.failures
    return out


def _tei(out: Path, name: str):
    return etree.parse(str(out / (name.split(".")[0] + ".xml"))).getroot()


def _edited_page(tmp_path, name: str, edit):
    """The TEI root of the page `name` of CASES converted, with `edit` (old, new) made first (it must apply)."""
    page = (CASES / name).read_text(encoding="utf-8")
    if edit:
        assert edit[0] in page
        page = page.replace(*edit)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page, encoding="utf-8")
    assert not convert_paths([tmp_path / "in"], tmp_path / "out").failures
    return _tei(tmp_path / "out", "p.html")


def _texts(root, path):
    return ["".join(e.xpath(".//text()[not(ancestor::tei:expan)]", namespaces=XPATH_NS)) for e in root.xpath(f".//tei:div[@type='article']//{_qualify(path)}", namespaces=XPATH_NS)]


def _qualify(path: str) -> str:
    return "/".join(step if step.startswith("tei:") else "tei:" + step for step in path.split("/"))


def test_a_folder_of_pages_converts_one_tei_each(converted):
    assert sorted(p.name for p in converted.glob("*.xml")) == sorted(n.split(".")[0] + ".xml" for n in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_text_holds_the_article_and_none_of_the_site(converted, name):
    expected, root = EXPECTED[name], _tei(converted, name)
    text = reading_text(root)
    for passage in expected["text"]:
        assert passage in text
    for boilerplate in expected["boilerplate"]:
        assert boilerplate.lower() not in text.lower(), boilerplate


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_structure_of_the_page_is_kept(converted, name):
    root = _tei(converted, name)
    for path, texts in EXPECTED[name]["structure"].items():
        assert _texts(root, path) == texts, path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_header_holds_the_pages_metadata(converted, name):
    expected, root = EXPECTED[name], _tei(converted, name)

    def one(path):
        return str(root.xpath(path, namespaces=XPATH_NS))

    bibl = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source']"
    assert one(f"string({bibl}/tei:title)") == expected["title"]
    assert one("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)") == expected["title"]
    assert one(f"string({bibl}/tei:date/@when)") == expected["date"]
    assert one(f"string({bibl}/tei:ref/@target)") == expected["url"]
    assert one(f"string({bibl}/tei:publisher)") == expected["publisher"]
    assert (one(f"string({bibl}/tei:author)") or None) == expected["author"]
    assert one(f"string({bibl}/tei:idno[@type='filename'])") == name
    assert one(f"string({bibl}/tei:note[@type='description'])")
    if expected["lang"]:  # a page that declares its language; the others are the language detector's
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == expected["lang"]
    assert not root.xpath(".//tei:bibl[@type='capture']", namespaces=XPATH_NS)  # not from a web archive


def test_every_page_is_valid_tei_all(converted, assert_tei_all_valid):
    for path in sorted(converted.glob("*.xml")):
        assert_tei_all_valid(path)


def test_a_sidecar_overrides_what_the_page_says(tmp_path):
    shutil.copy(HTML / "vnexpress_buyt_dien.html", tmp_path / "page.html")
    (tmp_path / "page.meta.json").write_text(json.dumps({
        "title": "Tiêu đề khác", "date": "2024-03-06", "author": "Lê Minh", "publisher": "Báo A",
        "url": "https://example.org/a", "licence": "CC BY-SA 4.0", "language": "vi"}), encoding="utf-8")
    article = ingest_file(tmp_path / "page.html")
    assert (article.title, article.date, article.date_text, article.author) == ("Tiêu đề khác", "2024-03-06", None, "Lê Minh")
    # the page's own title is still its head (it was the sidecar's, and the page's a section heading)
    plain = ingest_file(HTML / "vnexpress_buyt_dien.html")
    assert article.blocks[0].text == plain.title != "Tiêu đề khác" and article.text == plain.text
    assert (article.meta.publisher, article.meta.url, article.meta.licence) == ("Báo A", "https://example.org/a", "CC BY-SA 4.0")


def test_a_gzipped_page_is_the_same_page(tmp_path):
    data = (HTML / "tuoitre_sot_xuat_huyet.html").read_bytes()
    (tmp_path / "p.htm.gz").write_bytes(gzip.compress(data, mtime=0))
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "p.htm").write_bytes(data)
    zipped, plain = ingest_file(tmp_path / "p.htm.gz"), ingest_file(tmp_path / "plain" / "p.htm")
    assert (zipped.stem, zipped.text, zipped.title) == ("p", plain.text, plain.title)
    assert zipped.name == "p.htm.gz"


def test_a_broken_gzip_file_is_one_error_line(tmp_path):
    (tmp_path / "bad.html.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    result = runner.invoke(app, ["convert", str(tmp_path / "bad.html.gz"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"error: {tmp_path / 'bad.html.gz'}: not a readable gzip file (")


# --- figures --------------------------------------------------------------------------------

PLAIN_CAPTION = "<figcaption>The new bridge seen from above.</figcaption>"


@pytest.mark.parametrize("caption, heads", [
    (PLAIN_CAPTION, ["The new bridge seen from above."]),                     # a sentence, no credit
    ("<figcaption>The <em>new</em> bridge seen from above.</figcaption>", ["The new bridge seen from above."]),
    ("<figcaption>The new bridge<br>seen from above.</figcaption>", ["The new bridge seen from above."]),
    ("<figcaption><p>The new bridge seen from above.</p><p>It links two districts.</p></figcaption>",
     ["The new bridge seen from above.", "It links two districts."]),
])
def test_a_figcaption_is_the_figures_head(tmp_path, caption, heads):
    page = (CASES / "en_figcaption_plain.html").read_text(encoding="utf-8")
    assert PLAIN_CAPTION in page
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page.replace(PLAIN_CAPTION, caption), encoding="utf-8")
    assert not convert_paths([tmp_path / "in"], tmp_path / "out").failures
    root = _tei(tmp_path / "out", "p.html")
    assert _texts(root, "figure/head") == heads
    assert [t for t in _texts(root, "p") if "bridge seen" in t or "districts." in t] == []


def test_a_paragraph_saying_what_a_caption_says_is_a_caption_only_as_often_as_the_page_has_that_caption(tmp_path):
    # Every paragraph equal to a figcaption's text was a caption, the body's own sentence too.
    page = (CASES / "en_figcaption_plain.html").read_text(encoding="utf-8")
    again = "<p>The new bridge seen from above.</p></article>"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page.replace("</article>", again), encoding="utf-8")
    assert not convert_paths([tmp_path / "in"], tmp_path / "out").failures
    root = _tei(tmp_path / "out", "p.html")
    assert _texts(root, "figure/head") == ["The new bridge seen from above."]
    assert [t for t in _texts(root, "p") if "bridge seen" in t] == ["The new bridge seen from above."]


# --- the title -------------------------------------------------------------------------------

TITLE_PAGE, HEADLINE, SITE = "en_title_site_first.html", "Flood barrier finished a year early", "Valley Gazette"
SITE_META = '<meta property="og:site_name" content="Valley Gazette">'


@pytest.mark.parametrize("title, site_meta, h1", [
    (f"{SITE} - {HEADLINE}", True, None),         # the site's name first: trafilatura took it for the title
    (f"{SITE} | {HEADLINE}", True, None),
    (f"{SITE} - {HEADLINE}", False, None),        # no og:site_name: the longer part
    (f"{HEADLINE} | {SITE}", False, None),
    (f"{HEADLINE} - Local | {SITE}", True, None),  # the rest as printed when the site's name is one end
    (f"{SITE} - Home - {HEADLINE}", False, HEADLINE),  # the page's h1 is the headline (two h1: trafilatura took none)
])
def test_the_headline_is_the_title_not_the_sites_name(tmp_path, title, site_meta, h1):
    page = (CASES / TITLE_PAGE).read_text(encoding="utf-8").replace(f"{SITE} - {HEADLINE}", title)
    if not site_meta:
        page = page.replace(SITE_META, "")
    if h1:
        page = page.replace('<div class="content">', f'<h1>{SITE}</h1><div class="content"><h1>{h1}</h1>')
    root = _converted_page(tmp_path, page)
    expected = HEADLINE + " - Local" if "Local" in title else HEADLINE
    assert root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=XPATH_NS) == expected
    assert _texts(root, "head")[0] == expected


@pytest.mark.parametrize("title, h1, expected", [
    ("Water - the new gold", None, "Water - the new gold"),                            # og:title: taken as it is
    (f"{SITE} - {HEADLINE}", "Barrier done", "Barrier done"),                           # one h1: the title
    ("Kiev – the city that never sleeps", "Kiev – the city that never sleeps",          # the <title> is the h1,
     "Kiev – the city that never sleeps"),                                              # its own dash in it
])
def test_a_title_trafilatura_takes_from_the_page_stays_whole(tmp_path, title, h1, expected):
    page = (CASES / TITLE_PAGE).read_text(encoding="utf-8").replace(SITE_META, "")
    if h1:
        page = page.replace('<div class="content">', f'<div class="content"><h1>{h1}</h1>')
        if h1 == title:
            page = page.replace(f"<title>{SITE} - {HEADLINE}</title>", f"<title>{title}</title>")
    else:
        page = page.replace("</title>", f'</title><meta property="og:title" content="{title}">')
    root = _converted_page(tmp_path, page)
    assert root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=XPATH_NS) == expected


# --- the author -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, author", [("en_author_label.html", "John Smith"),     # <p class="author">Author: …
                                          ("ru_author_label.html", "Иван Петров"),    # <p class="author">Автор: …
                                          # <p class="byline">記者：…, 기자: … (trafilatura drops a meta author without a space)
                                          ("ja_author_label.html", "佐藤花子"), ("ko_author_label.html", "이서연")])
def test_the_authors_label_is_not_part_of_the_name(tmp_path, name, author):
    out = tmp_path / "out"
    assert not convert_paths([CASES / name], out).failures
    root = _tei(out, name)
    bibl = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source']"
    assert root.xpath(f"string({bibl}/tei:author)", namespaces=XPATH_NS) == author


@pytest.mark.parametrize("given, name", [
    ("Author John Smith", "John Smith"), ("Written by John Smith", "John Smith"), ("Автор: Иван Петров", "Иван Петров"),
    ("Par Marie Dupont", "Marie Dupont"), ("Autorin: Anna Weber", "Anna Weber"), ("作者：张三", "张三"),
    ("Oleh Budi Santoso", "Budi Santoso"), ("Bài và ảnh: Minh Anh", "Minh Anh"),
    ("Authority Smith", "Authority Smith"), ("Byron Smith", "Byron Smith"), ("Author", "Author"),
    # a label word opening a name of two words, without a colon, is the name's (it was cut off)
    ("Oleh Sentsov", "Oleh Sentsov"), ("Von Miller", "Von Miller"), ("Par Lagerkvist", "Par Lagerkvist"),
    ("Texto Ruiz", "Texto Ruiz"), ("Author: Smith", "Smith"),
    # a reporter's label in Chinese, Japanese, Korean; a name in their scripts is one word
    ("記者：陳志明", "陳志明"), ("记者：张伟", "张伟"), ("記者：山田太郎", "山田太郎"), ("기자 김민수", "김민수"),
    ("기자", "기자"), ("記者会見", "記者会見"), ("Von Müller", "Von Müller"),
])
def test_every_languages_author_labels_are_taken_off(given, name):
    from teikit.ingest.layout import without_author_label

    assert without_author_label(given) == name


AUTHORS_PAGE = "en_two_authors_jsonld.html"  # JSON-LD "author": [{"name": "Tomas Berger"}, {"name": "Ines Halloran"}]


def test_each_of_a_pages_authors_is_an_author_element_in_the_header_and_the_deposits_metadata(tmp_path):
    from teikit.deposit.metadata import read_record

    out = tmp_path / "out"
    assert not convert_paths([CASES / AUTHORS_PAGE], out).failures
    root = _tei(out, AUTHORS_PAGE)
    for where in ("tei:titleStmt", "tei:sourceDesc/tei:bibl[@type='source']"):
        authors = root.xpath(f"tei:teiHeader/tei:fileDesc/{where}/tei:author/text()", namespaces=XPATH_NS)
        assert authors == ["Tomas Berger", "Ines Halloran"], where
    assert read_record(etree.ElementTree(root), "x.xml")["dc.creator"] == "Tomas Berger; Ines Halloran"


@pytest.mark.parametrize("author", ["Berger, Tomas", "Tomas Berger"])
def test_one_author_is_one_author_element_a_comma_in_the_name_or_not(tmp_path, author):
    shutil.copy(CASES / AUTHORS_PAGE, tmp_path / "p.html")
    (tmp_path / "p.meta.json").write_text(json.dumps({"author": author}), encoding="utf-8")
    assert not convert_paths([tmp_path / "p.html"], tmp_path / "out").failures
    root = _tei(tmp_path / "out", "p.html")
    assert root.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author/text()", namespaces=XPATH_NS) == [author]


# --- boxes that are not the article ------------------------------------------------------------

ZH_PARAGRAPHS = ["新华社北京10月15日电 国务院总理李强15日在人民大会堂主持召开国务院常务会议，研究部署进一步推动城市公共交通发展的政策措施。",
                 "会议指出，要加快新能源公交车的推广应用，优化城市轨道交通网络布局，提升群众出行的便利程度和满意度。",
                 "ENDPARA会议强调，各地区各部门要抓好政策落实，确保在2025年底前完成阶段性目标任务。"]
EN_PARAGRAPHS = ["Stock markets in London and Frankfurt fell sharply on Monday as the price of Brent crude rose above 95 "
                 "dollars a barrel for the first time this year.",
                 "MIDPARA Analysts at Deutsche Bank said the rise was driven by supply cuts announced by producers in the "
                 "Gulf region over the weekend.",
                 "ENDPARA Traders expect volatility to continue until the next OPEC meeting in Vienna at the start of "
                 "December."]


HEADED = "<article><h1>Markets fall as oil prices climb</h1>"  # en_inline_ad.html's heading, in its article


@pytest.mark.parametrize("name, edit, paragraphs", [
    ("zh_ad_box.html", None, ZH_PARAGRAPHS),           # <div class="ad advertisement">ADVERT Buy now!</div>
    ("en_inline_ad.html", None, EN_PARAGRAPHS),        # <div class="inline-ad advert">ADVERT_INLINE Sponsored: …
    ("en_inline_ad.html", ('class="inline-ad advert"', 'id="sponsored_box"'), EN_PARAGRAPHS),
    # a class naming ads on what holds the article removes nothing of it
    ("en_inline_ad.html", ("<body><article>", '<body class="has-ads"><div class="ads-layout"><article class="ad-free">'),
     EN_PARAGRAPHS),
    # no article element, and the body's wrapper named ad-free or with ad slots: its paragraphs were removed
    ("en_inline_ad.html", (HEADED, HEADED.replace("<article><h1>", "<h1>") + '<div class="article-body ad-free">'),
     EN_PARAGRAPHS),
    ("en_inline_ad.html", (HEADED, HEADED.replace("<article><h1>", "<h1>") + '<div class="story has-ad-slots">'),
     EN_PARAGRAPHS),
])
def test_an_ad_box_is_left_out_by_its_class_or_id(tmp_path, name, edit, paragraphs):
    root = _edited_page(tmp_path, name, edit)
    assert _texts(root, "p") == paragraphs
    assert "ADVERT" not in reading_text(root)


COMMENTS_PAGE, PAYWALL_PAGE = "en_comments_section.html", "en_paywall_prompt.html"
LIBRARY = ["The town library in Eastwick will open on Sundays from next month, after a survey found that most of its "
           "readers work on weekdays.",
           "The longer hours will be paid for by a grant from the county, and two new librarians will be hired in the spring."]
COMMENT_SECTION = '<section class="field--name-comment">'


@pytest.mark.parametrize("edit", [
    None,                                                    # <section class="field--name-comment"> holding <article class="comment">
    (COMMENT_SECTION, '<section id="kommentare">'),          # its id names them, in German
    (COMMENT_SECTION, '<section class="extra">'),            # nothing in its class: its heading names them
    ("<h2>Comments</h2>", "<h2>Kommentare (1)</h2>"),        # German, a count beside it
])
def test_readers_comments_are_never_text(tmp_path, edit):
    page = (CASES / COMMENTS_PAGE).read_text(encoding="utf-8")
    if edit:
        assert edit[0] in page
        page = page.replace(*edit)
    if edit and edit[0] == "<h2>Comments</h2>":
        page = page.replace(COMMENT_SECTION, '<section class="extra">')
    root = _converted_page(tmp_path, page)
    assert _texts(root, "p") == LIBRARY
    assert "READERCOMMENT" not in reading_text(root)
    assert not root.xpath(".//tei:div[@type='section']", namespaces=XPATH_NS)


@pytest.mark.parametrize("edit", [
    ('<section class="field--name-comment"><h2>Comments</h2>', '<section class="extra"><h2>Comment and analysis</h2>'),
    ('<section class="field--name-comment">', '<section class="has-comments">'),  # a part denies it
])
def test_a_section_only_seemingly_of_comments_stays_text(tmp_path, edit):
    page = (CASES / COMMENTS_PAGE).read_text(encoding="utf-8")
    assert edit[0] in page
    page = page.replace(*edit).replace('<article class="comment">', '<article class="note">')
    if "has-comments" in edit[1]:
        page = page.replace("<h2>Comments</h2>", "<h2>What readers say</h2>")
    root = _converted_page(tmp_path, page)
    assert "READERCOMMENT" in reading_text(root)


def test_a_box_whose_class_names_comments_but_holds_the_texts_start_stays_text(tmp_path):
    # an opinion piece's body box: "tone-comment" names comments, yet the text begins in it
    page = (CASES / COMMENTS_PAGE).read_text(encoding="utf-8")
    body = '<div class="field field--name-body">'
    assert body in page
    root = _converted_page(tmp_path, page.replace(body, '<div class="content__main tonal__main--tone-comment">'))
    assert _texts(root, "p")[:2] == LIBRARY
    assert "READERCOMMENT" not in reading_text(root)  # the comments after it still go


def test_a_paywalls_prompt_is_not_text(tmp_path):
    root = _converted_page(tmp_path, (CASES / PAYWALL_PAGE).read_text(encoding="utf-8"))
    assert len(_texts(root, "p")) == 2
    assert "PAYWALL" not in reading_text(root) and "Subscribe" not in reading_text(root)


def test_a_long_box_named_paywall_is_the_text_behind_it(tmp_path):
    page = (CASES / PAYWALL_PAGE).read_text(encoding="utf-8")
    behind = "".join(f"<p>BEHIND The harbour master said the {n} crossing would run as planned, whatever the weather "
                     f"and whatever the number of passengers waiting on the pier.</p>" for n in ("first", "second", "third"))
    page = page.replace('<a class="button">Start trial</a></div>', behind + "</div>")
    root = _converted_page(tmp_path, page)
    assert reading_text(root).count("BEHIND") == 3


ASIDE_PAGE = "en_aside_in_text.html"


def test_paragraphs_beside_an_aside_stay_paragraphs_and_the_aside_is_not_text(tmp_path):
    # trafilatura gave the page's <div> whole, and its three paragraphs were one
    root = _converted_page(tmp_path, (CASES / ASIDE_PAGE).read_text(encoding="utf-8"))
    assert _texts(root, "p") == [
        "Single bus fares in the county will fall by a fifth from June, the transport authority announced on Thursday.",
        "The cut is paid for by a national fund meant to bring passengers back after the pandemic.",
        "Operators said they would add buses on the busiest routes."]
    assert "ASIDE" not in reading_text(root)


def test_a_box_in_trafilaturas_tree_is_its_blocks_and_a_paragraph_stays_whole():
    from teikit.ingest.htmlblocks import unwrap_boxes

    body = etree.fromstring("<body><div><p>One.</p>Loose <hi>text</hi>.<div><p>Two.</p></div></div>"
                            "<p>Three <hi>and</hi> more.</p></body>")
    unwrap_boxes(body)
    assert [(e.tag, "".join(e.itertext())) for e in body] == [
        ("p", "One."), ("p", "Loose text."), ("p", "Two."), ("p", "Three and more.")]


LIVEBLOG_PAGE = "en_liveblog.html"


def test_a_live_blogs_updates_are_sections_headed_by_their_time(tmp_path):
    # trafilatura dropped each update's <time>, and an update without a heading ran into the one before
    root = _converted_page(tmp_path, (CASES / LIVEBLOG_PAGE).read_text(encoding="utf-8"))
    sections = root.xpath(".//tei:div[@type='section']", namespaces=XPATH_NS)
    assert [("".join(s.xpath("string(tei:head)", namespaces=XPATH_NS)), len(s.xpath("tei:p", namespaces=XPATH_NS)))
            for s in sections] == [("11:40 A new course record", 1), ("10:15", 1), ("09:00", 1)]


def test_an_updates_time_heads_it_and_the_text_after_the_time_stays_after_the_heading():
    from lxml import html as page_html

    from teikit.ingest.htmlmarks import stamp_updates

    tree = page_html.fromstring("<div><div><time>03:10</time> Labour passes the line<p>More.</p></div>"
                                "<div><time>02:50</time><h3>Polls close</h3><p>Counting.</p></div></div>")
    stamp_updates(tree)
    assert [" ".join(" ".join(box.itertext()).split()) for box in tree] == ["03:10 Labour passes the line More.",
                                                                      "02:50 Polls close Counting."]
    assert [box[0].tag for box in tree] == ["h3", "h3"]


def test_one_time_above_a_text_is_no_update(tmp_path):
    page = (CASES / LIVEBLOG_PAGE).read_text(encoding="utf-8")
    start, end = page.index('<div class="live-update"><time datetime="2024-04-21T10:15'), page.index("</article>")
    root = _converted_page(tmp_path, page[:start] + page[end:])
    assert _texts(root, "head") == ["Marathon day live: the race as it happens", "A new course record"]


STRUCTURES_PAGE = "en_structures.html"


def test_a_pages_inline_marks_are_kept_in_its_text(tmp_path, assert_tei_all_valid):
    root = _converted_page(tmp_path, (CASES / STRUCTURES_PAGE).read_text(encoding="utf-8"))
    paragraphs = _texts(root, "p")
    # a note's reference set off, not glued to the word ("June.1 Here"); a superscript of a unit stays one
    assert paragraphs[0].startswith("The council changes its recycling collections from June.[1] Here is")
    assert "10 m2 of the depot" in paragraphs[1]
    # an inline quotation keeps its quotation marks (the page's language's)
    assert "called it “the biggest change in twenty years” and" in paragraphs[1]
    # a list in an item: its items are items, after the item's own text
    assert _texts(root, "item") == ["Paper and card of every kind:", "newspapers,", "flattened boxes.",
                                    "Glass bottles and jars, rinsed.",
                                    "The change was agreed at the council meeting in March."]  # no "↩" back-link


@pytest.mark.parametrize("lang, quoted", [("fr", "«the biggest change in twenty years»"),
                                          ("de", "„the biggest change in twenty years“"),
                                          ("de-DE", "„the biggest change in twenty years“"),  # a page's whole tag
                                          ("xx", "“the biggest change in twenty years”")])
def test_an_inline_quotation_has_its_languages_marks(lang, quoted):
    from lxml import html as page_html

    from teikit.ingest.htmlmarks import mark_quotations

    tree = page_html.fromstring("<p>It was <q>the biggest change in twenty years</q>.</p>")
    mark_quotations(tree, lang)
    assert "".join(tree.itertext()) == f"It was {quoted}."


# --- encodings ----------------------------------------------------------------------------

def _windows_1258(text: str) -> bytes:
    """Vietnamese in Windows-1258: base letters precomposed where the code page has them, tones combining."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323"))
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def test_a_windows_1258_page_reads_as_the_utf8_page(tmp_path):
    page = (HTML / "vnexpress_buyt_dien.html").read_text(encoding="utf-8")
    (tmp_path / "legacy.html").write_bytes(_windows_1258(page.replace('<meta charset="utf-8">', '<meta charset="windows-1258">')))
    (tmp_path / "utf8.html").write_text(page, encoding="utf-8")
    legacy, utf8 = ingest_file(tmp_path / "legacy.html"), ingest_file(tmp_path / "utf8.html")
    assert legacy.title == utf8.title == "Hà Nội mở thêm tuyến buýt điện"
    assert legacy.text == utf8.text
    assert unicodedata.is_normalized("NFC", legacy.text)


def test_a_gb2312_page_without_a_declaration_is_detected(tmp_path):
    data = (HTML / "xinhua_metro.html").read_bytes()
    undeclared = data.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', b"")
    assert undeclared != data
    (tmp_path / "zh.html").write_bytes(undeclared)
    article = ingest_file(tmp_path / "zh.html")
    assert article.title == "上海地铁新线路开通运营"
    assert "目前上海地铁运营线路总长度已超过八百公里，居全国前列。" in article.text


@pytest.mark.parametrize("data, http, expected", [
    ("<meta charset=gb2312>中文".encode("gb18030"), None, "gb18030"),        # a label as WHATWG reads it
    ("<meta charset='ISO-8859-1'>é €".encode("cp1252"), None, "cp1252"),
    ("<meta charset=utf-8>Vi\u00eat d\u01b0\u01a1ng".encode("cp1258"), "windows-1258", "cp1258"),  # HTTP beats meta
    (b"\xef\xbb\xbf<meta charset=gb2312>Vi\xe1\xbb\x87t", "gbk", "utf-8"),  # a BOM beats both
    ("<meta charset=klingon>Việt".encode("utf-8"), None, "utf-8"),           # an unknown label is ignored
])
def test_the_encoding_is_decided_in_order(data, http, expected):
    text, encoding = decode_page(data, http)
    assert encoding == expected
    assert "\ufffd" not in text


def test_a_page_whose_declared_charset_does_not_decode_it_is_read_in_one_that_does(tmp_path):
    # A Windows-1252 page that says <meta charset="utf-8">: its é were U+FFFD, silently.
    page = CASES / "fr_cp1252_labelled_utf8.html"
    article = ingest_file(page)
    assert article.title == "Lyon veut réduire la place de la voiture"
    assert "\ufffd" not in article.text
    result = runner.invoke(app, ["convert", str(page), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {page}: its <meta> declares utf-8, but byte 0xe9 at offset 78 is not valid utf-8; "
        "read as cp1252 (detected)")


def test_a_web_archive_page_whose_http_charset_is_wrong_is_read_as_its_meta_says(tmp_path):
    # HTTP says utf-8, the page's http-equiv Shift_JIS, the bytes are Shift_JIS.
    archive = CASES / "ja_sjis_labelled_utf8.warc.gz"
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(archive), "-o", str(out)])
    assert result.exit_code == 0
    stem = "example-com-sjis-says-utf8-799546a13f"
    assert result.stderr.splitlines()[0] == (
        f"warning: {archive}#{stem}: its HTTP header declares utf-8, but byte 0x93 at offset 116 is not valid "
        "utf-8; read as Shift_JIS, as its <meta> declares")
    root = etree.parse(str(out / f"{stem}.xml")).getroot()
    assert root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=XPATH_NS) == (
        "東京都、給食費を無償化へ")
    assert "\ufffd" not in reading_text(root)


@pytest.mark.parametrize("spoil", [lambda data: data[:300] + b"\x92" + data[300:],   # a stray Windows-1252 quote
                                   lambda data: data + "é".encode()[:1]])             # a record cut mid-character
def test_a_utf8_page_with_a_bad_byte_stays_utf8(spoil):
    """It was read whole in whatever charset decoded every byte (iso8859_10: 'prÃĐsident')."""
    from teikit.ingest.charset import read_page

    body = "<p>" + "Le président a visité l’école élémentaire de Lyon. " * 12 + "</p>"
    data = spoil(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode())
    decoded = read_page(data)
    assert decoded.encoding == "utf-8" and decoded.text.count("président") == 12
    assert decoded.warning.startswith("its <meta> declares utf-8, but byte 0x") and "(the rest is)" in decoded.warning


def test_a_page_no_charset_decodes_is_read_as_declared_with_a_warning(tmp_path):
    page = (CASES / "en_copyright_no_date.html").read_bytes()
    broken = page.replace(b"two years", b"two " + bytes(range(0x80, 0x100)) + b" years")
    (tmp_path / "p.html").write_bytes(broken)
    offset = broken.index(b"\x80")
    result = runner.invoke(app, ["convert", str(tmp_path / "p.html"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {tmp_path / 'p.html'}: its <meta> declares utf-8, but byte 0x80 at offset {offset} is not valid "
        "utf-8, and no other charset reads it; read as utf-8, each byte that does not decode a U+FFFD")
    assert "two \ufffd" in ingest_file(tmp_path / "p.html").text


@pytest.mark.parametrize("data, http, expected", [
    # valid UTF-8 beyond ASCII labelled a legacy charset (it decodes there too, as mojibake): UTF-8, said
    ('<meta charset="windows-1252"><p>Hà Nội</p>'.encode("utf-8"), None,
     ("utf-8", "its <meta> declares windows-1252, but the page is valid UTF-8; read as utf-8")),
    ("<meta charset=utf-8><p>日本</p>".encode("utf-8"), "shift_jis",
     ("utf-8", "its HTTP header declares shift_jis, but the page is valid UTF-8; read as utf-8")),
    ('<meta charset="windows-1252"><p>Hà Noi</p>'.encode("cp1252"), None, ("cp1252", None)),  # decodes: as declared
    ("<p>日本</p>".encode("cp932"), "shift_jis", ("cp932", None)),
    ('<?xml version="1.0" encoding="ISO-8859-1"?><p>réduire</p>'.encode("cp1252"), None, ("cp1252", None)),
    ("<meta charset=utf-8><meta charset=windows-1251><p>Москва</p>".encode("cp1251"), None,
     ("windows-1251", "its <meta> declares utf-8, but byte 0xcc at offset 50 is not valid utf-8; read as "
                      "windows-1251, as its <meta> declares")),
])
def test_the_charset_is_the_first_declared_that_decodes_the_page(data, http, expected):
    from teikit.ingest.charset import read_page

    assert read_page(data, http)[1:] == expected


# --- what convert refuses -----------------------------------------------------------------

def test_a_page_with_no_article_text_is_one_error_line(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                                          encoding="utf-8")
    result = runner.invoke(app, ["convert", str(tmp_path / "empty.html"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'empty.html'}: " in result.stderr
    assert not (tmp_path / "out" / "empty.xml").exists()


def test_a_page_with_text_and_no_title_says_the_title_is_missing(tmp_path):
    # <html><body><article><p>Tin ngắn: trời mưa.</p></article></body></html>: "no title and no text"
    (tmp_path / "in").mkdir()
    shutil.copy(CASES / "vi_no_title.html", tmp_path / "in" / "short.html")
    result = runner.invoke(app, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {tmp_path / 'in' / 'short.html'}: no title (the page has no <title>, title meta tag or heading); "
        'give one as "title" in short.meta.json')
    (tmp_path / "in" / "short.meta.json").write_text('{"title": "Tin ngắn"}', encoding="utf-8")
    article = ingest_file(tmp_path / "in" / "short.html")
    assert (article.title, article.text) == ("Tin ngắn", "Tin ngắn\n\nTin ngắn: trời mưa.")



def test_a_web_archive_page_with_no_title_is_not_told_of_a_sidecar():
    from teikit.errors import EmptyArticleError
    from teikit.ingest.html import article_from_html
    from teikit.model import Capture

    capture = Capture(uri="https://example.org/short.html", date="2024-03-21T00:00:00Z", record_id="<urn:uuid:1>",
                      payload_digest="sha1:X")
    with pytest.raises(EmptyArticleError) as caught:
        article_from_html((CASES / "vi_no_title.html").read_bytes(), "a.warc", "p", "0" * 64, meta={}, where="a.warc#p",
                          capture=capture)
    assert caught.value.message == "no title (the page has no <title>, title meta tag or heading)"


def test_an_html_page_and_a_text_of_one_stem_clash(tmp_path):
    shutil.copy(HTML / "bbc_river_cleanup.html", tmp_path / "same.html")
    (tmp_path / "same.txt").write_text("Tiêu đề\n\nMột đoạn văn của bài báo.\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(tmp_path / "same.html"), str(tmp_path / "same.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (f"error: {tmp_path / 'same.txt'}: same output name as {tmp_path / 'same.html'}: same.xml"
            in result.stderr.splitlines())


# --- every file accounted for -------------------------------------------------------------

READS = ".txt, .htm, .html, .htm.gz, .html.gz, .warc, .warc.gz"


def test_a_folder_says_what_it_skipped_by_type(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(HTML / "vnexpress_buyt_dien.html", folder / "page.html")
    for name in ("a.docx", "b.docx", "c.pdf", "notes", ".DS_Store"):
        (folder / name).write_bytes(b"PK\x03\x04 something")
    (folder / "page.meta.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"1 of 1 converted into {tmp_path / 'out'}; skipped: 1 (no suffix) file (unsupported input type), "
        "2 .docx files (unsupported input type), 1 .pdf file (unsupported input type)")


@pytest.mark.parametrize("name, kind", [("report.docx", ".docx"), ("scan.pdf", ".pdf"), ("page.html.bz2", ".bz2"),
                                        ("README", "(no suffix)")])
def test_a_named_file_convert_cannot_read_is_one_error_line(tmp_path, name, kind):
    (tmp_path / name).write_bytes(b"%PDF-1.4 or anything")
    shutil.copy(HTML / "vnexpress_buyt_dien.html", tmp_path / "page.html")
    result = runner.invoke(app, ["convert", str(tmp_path / name), str(tmp_path / "page.html"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / name}: unsupported input type {kind} (convert reads {READS})",
        f"1 of 2 converted into {tmp_path / 'out'}"]


@pytest.mark.parametrize("label", ["zlib_codec", "rot13", "base64", "hex", "uu", "bz2", "quopri", "idna", "punycode",
                                   "undefined"])
def test_a_label_python_knows_as_no_page_encoding_is_ignored(tmp_path, label):
    # Python's codec registry knows these names, so they were used: "internal error (LookupError:
    # 'zlib_codec' is not a text encoding …)" or a UnicodeError for that page.
    page = "<p>Hà Nội</p>".encode("utf-8")
    assert decode_page(b'<meta charset="' + label.encode() + b'">' + page)[1] == "utf-8"
    assert decode_page(page, http_charset=label) == (page.decode("utf-8"), "utf-8")
    src = tmp_path / "in"
    src.mkdir()
    source = (HTML / "vnexpress_buyt_dien.html").read_bytes()
    (src / "p.html").write_bytes(source.replace(b"<head>", b'<head><meta charset="' + label.encode() + b'">', 1))
    result = CliRunner().invoke(app, ["convert", str(src), "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (0, f"1 of 1 converted into {tmp_path / 'out'}\n"), result.output


# --- the publication date is what the page declares ---------------------------------------

@pytest.mark.parametrize("name", ["en_copyright_no_date.html",          # only a "© 2024" footer
                                  "de_date_in_text.html",               # a deadline "bis zum 31. März 2025"
                                  "en_election_date_in_text.html"])     # "The general election on 4 July 2024"
def test_a_page_that_declares_no_date_has_none(tmp_path, name):
    article = ingest_file(CASES / name)
    assert (article.date, article.date_text) == (None, None)
    out = tmp_path / "out"
    assert not convert_paths([CASES / name], out).failures
    root = etree.parse(str(out / name.replace(".html", ".xml"))).getroot()
    assert root.xpath("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source']/tei:date",
                      namespaces=XPATH_NS) == []


@pytest.mark.parametrize("head, body, expected", [
    ('<meta property="article:published_time" content="2024-07-02T07:15:00+07:00">', "", "2024-07-02"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-02-03"}</script>', "",
     "2024-02-03"),
    ("", '<time datetime="2024-10-15">15 October 2024</time>', "2024-10-15"),
    ("", "<p>12/05/2024</p>", "2024-05-12"),                       # a date line opening the text
    # later than the day of the run: taken all the same (htmldate dropped it, so the TEI changed with the day)
    ('<meta property="article:published_time" content="2099-05-06T08:00:00Z">', "", "2099-05-06"),
])
def test_a_declared_date_is_the_publication_date(tmp_path, head, body, expected):
    page = (CASES / "en_copyright_no_date.html").read_text(encoding="utf-8")
    page = page.replace("</head>", head + "</head>").replace("</h1>", "</h1>" + body)
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert ingest_file(tmp_path / "p.html").date == expected


def test_a_date_in_the_url_is_the_publication_date():
    from teikit.ingest.html import article_from_html
    from teikit.model import Capture

    data = (CASES / "de_date_in_text.html").read_bytes()
    capture = Capture(uri="https://example.org/2024/03/20/klima.html", date="2024-03-21T00:00:00Z",
                      record_id="<urn:uuid:1>", payload_digest="sha1:X")
    article = article_from_html(data, "p.html", "p", "0" * 64, meta={}, where="p.html", capture=capture)
    assert article.date == "2024-03-20"


def test_a_quotations_text_beside_its_paragraphs_is_kept(tmp_path):
    # Only a blockquote's <p> children were read: an embedded tweet lost its "— Name (@handle) date",
    # and text between two quoted paragraphs was dropped.
    page = tmp_path / "q.html"
    page.write_text(
        "<html><head><title>Minister resigns over expenses row</title></head><body><article>"
        "<h1>Minister resigns over expenses row</h1>"
        "<p>Transport Minister Peter Clarke resigned on Thursday after a newspaper investigation into his claims.</p>"
        '<blockquote class="twitter-tweet"><p>I have today tendered my resignation to the Prime Minister.</p>'
        '&mdash; Peter Clarke MP (@PeterClarkeMP) <a href="https://twitter.com/x/status/1">May 30, 2024</a></blockquote>'
        "<p>Prime Minister Susan Wright accepted the resignation and thanked him for his years of service.</p>"
        "<blockquote><p>First quoted paragraph of the letter.</p>Bare text between the quoted paragraphs."
        "<p>Second quoted paragraph of the letter.</p></blockquote>"
        "<p>Opposition leader Tom Hardy called for a full inquiry into ministerial expenses.</p>"
        "</article></body></html>", encoding="utf-8")
    quotes = [b.text for b in ingest_file(page).blocks if b.kind == "quote"]
    assert quotes == ["I have today tendered my resignation to the Prime Minister.",
                      "— Peter Clarke MP (@PeterClarkeMP) May 30, 2024", "First quoted paragraph of the letter.",
                      "Bare text between the quoted paragraphs.", "Second quoted paragraph of the letter."]


@pytest.mark.parametrize("reference", ["&#xFFFE;", "&#65535;", "&#x1;", "&#xD800;", "&#x110000;"])
def test_a_reference_to_a_character_no_xml_holds_costs_the_page_nothing(tmp_path, reference):
    # One &#xFFFE; made the page "no article text found in the page": its tree unreadable.
    page = tmp_path / "ref.html"
    page.write_text(
        "<html><head><title>Bilbao opens its new tram line</title></head><body><article>"
        f"<p>The city of Bilbao opened a new electric tram line on Monday{reference} after four years of works.</p>"
        "<p>The line links the old town with the new districts on the river and runs every seven minutes.</p>"
        "</article></body></html>", encoding="utf-8")
    text = " ".join(b.text for b in ingest_file(page).blocks)
    assert "on Monday after four years of works." in text and "every seven minutes" in text


def test_a_date_line_of_another_day_than_the_pages_date_stays_in_the_text(tmp_path):
    # "Updated: March 7, 2024" on a page dated 2024-03-05 was taken out of the text and kept nowhere.
    page = tmp_path / "upd.html"
    page.write_text(
        '<html><head><title>Stadium plan approved</title><meta property="article:published_time" content="2024-03-05">'
        "</head><body><article><h1>Stadium plan approved</h1><p>Updated: March 7, 2024</p>"
        "<p>The city planning committee approved the new football stadium on Tuesday after a long meeting.</p>"
        "<p>The club says construction will begin next year and the stadium will seat sixty thousand fans.</p>"
        "</article></body></html>", encoding="utf-8")
    article = ingest_file(page)
    assert article.date == "2024-03-05" and article.blocks[1].text == "Updated: March 7, 2024"


def test_a_line_end_in_a_paragraph_is_a_space_of_its_text(tmp_path):
    # "cyclists \nacross" stayed in the article's text, which the TEI's reading text folds: their offsets differed
    page = tmp_path / "nl.html"
    page.write_text(
        "<html><head><title>Harbour ferry runs again</title></head><body><article><h1>Harbour ferry runs again</h1>"
        "<p>The harbour ferry carries walkers and cyclists<br>\nacross the water again, the operator\nsaid on Monday.</p>"
        "<p>It runs every twenty minutes during the day and every hour in the evening until midnight.</p>"
        "</article></body></html>", encoding="utf-8")
    article = ingest_file(page)
    assert article.blocks[1].text == ("The harbour ferry carries walkers and cyclists across the water again, the operator "
                                      "said on Monday.")
    assert not convert_paths([page], tmp_path / "out").failures
    assert reading_text(_tei(tmp_path / "out", "nl.html")) == article.text


# --- old pages: paragraphs parted by <br><br> --------------------------------------------------

BR_PAGE = "en_br_paragraphs.html"  # a layout table's one cell: the title again in bold, then <br><br> between paragraphs
BR_TITLE = "Harbour bridge to close for repairs"
BR_PARAGRAPHS = [
    "PORTSMOUTH (Coast News) - The old harbour bridge will close for six weeks from Monday while engineers "
    "replace its worn steel cables, the city council said.",
    # a single <br> inside the paragraph stays a line break (a space of the text)
    "Drivers will be sent along the ring road, and a free ferry will carry walkers and cyclists across the harbour "
    "every twenty minutes during the day.",
    "The bridge was opened in 1931 and carries about twelve thousand vehicles a day."]
BR_BOX = ('<table width="600" border="0"><tr><td class="content">', "</td></tr></table>")


def _converted_page(tmp_path, page: str):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page, encoding="utf-8")
    report = convert_paths([tmp_path / "in"], tmp_path / "out")
    assert not report.failures, report.failures
    return _tei(tmp_path / "out", "p.html")


@pytest.mark.parametrize("box", [
    None,                                                               # the table's one cell
    ("<div>", "</div>"),                                                # a box
    ("<p>", "</p>"),                                                    # one paragraph: its <br><br> were one line break
    ("<div><font face=\"Arial\">", "</font></div>"),                    # inline markup around it all
    (BR_BOX[0] + "<table><tr><td>", "</td></tr></table>" + BR_BOX[1]),  # nested layout tables
])
def test_paragraphs_parted_by_two_line_breaks_are_paragraphs_and_the_title_is_not_repeated(tmp_path, box):
    # The three paragraphs were one <p>, opening with the title again: "Harbour bridge to close for repairs PORTSMOUTH …"
    page = (CASES / BR_PAGE).read_text(encoding="utf-8")
    if box:
        assert page.count(BR_BOX[0]) == page.count(BR_BOX[1]) == 1
        page = page.replace(BR_BOX[0], box[0]).replace(BR_BOX[1], box[1])
    root = _converted_page(tmp_path, page)
    assert _texts(root, "head") == [BR_TITLE]
    assert _texts(root, "p") == BR_PARAGRAPHS
    assert root.xpath("string(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)", namespaces=XPATH_NS) == BR_TITLE
    assert not root.xpath(".//tei:table", namespaces=XPATH_NS)  # a layout table is text


@pytest.mark.parametrize("edit", [
    ("</b></font><br><br>", "</b></font><br>"),      # the title the first line of the first paragraph
    ("<b>Harbour bridge to close for repairs</b>", "<b>HARBOUR BRIDGE TO CLOSE FOR REPAIRS</b>"),  # in capitals
])
def test_the_title_as_the_texts_first_line_is_not_text(tmp_path, edit):
    page = (CASES / BR_PAGE).read_text(encoding="utf-8")
    assert edit[0] in page
    root = _converted_page(tmp_path, page.replace(*edit))
    assert _texts(root, "head") == [BR_TITLE]
    assert _texts(root, "p") == BR_PARAGRAPHS


def test_a_line_that_is_not_the_title_stays_the_first_line(tmp_path):
    page = (CASES / BR_PAGE).read_text(encoding="utf-8").replace("<b>Harbour bridge to close for repairs</b>",
                                                                  "<b>Harbour bridge news</b>")
    root = _converted_page(tmp_path, page)
    assert _texts(root, "p") == ["Harbour bridge news", *BR_PARAGRAPHS]


def test_a_run_of_line_breaks_parts_a_boxs_text_into_paragraphs_and_a_headings_not():
    from lxml import html as lxml_html

    from teikit.ingest.htmlblocks import split_break_runs

    tree = lxml_html.fromstring("<div><h2>One<br><br>Two</h2>Three<br> <br>\n<b>Four</b> and<br><br><br>five"
                                "<ul><li>item</li></ul>six</div>")
    split_break_runs(tree)
    assert lxml_html.tostring(tree, encoding="unicode") == (
        "<div><h2>One<br><br>Two</h2><p>Three</p><p>\n<b>Four</b> and</p><p>five</p><ul><li>item</li></ul>"
        "<p>six</p></div>")


# --- layout tables -------------------------------------------------------------------------------

def _plain(element) -> str:
    return "".join(element.xpath(".//text()[not(ancestor::tei:expan)]", namespaces=XPATH_NS))


def _tables(root) -> list[dict]:
    """Each table of the article: its @rows and @cols, its heads' texts, and its rows' roles with their cells'."""
    return [{"rows": table.get("rows"), "cols": table.get("cols"),
             "head": [_plain(head) for head in table.xpath("tei:head", namespaces=XPATH_NS)],
             "cells": [(row.get("role"), [(cell.get("role"), _plain(cell)) for cell in row.xpath("tei:cell", namespaces=XPATH_NS)])
                       for row in table.xpath("tei:row", namespaces=XPATH_NS)]}
            for table in root.xpath(".//tei:div[@type='article']//tei:table", namespaces=XPATH_NS)]


LAYOUT_LEAD = "<p>The city council met on Tuesday evening to vote on the new budget for the coming year.</p>"
LAYOUT_CLOSE = "<p>The budget takes effect in January, after a last reading by the council in December.</p>"


@pytest.mark.parametrize("table, paragraphs", [
    # one cell a row: text, a paragraph a cell
    ("<table><tr><td>Schools will get more money for their buildings.</td></tr>"
     "<tr><td>Bus fares will stay as they are.</td></tr></table>",
     ["Schools will get more money for their buildings.", "Bus fares will stay as they are."]),
    # one row: text
    ("<table><tr><td>Schools will get more money.</td><td>Bus fares will stay as they are.</td></tr></table>",
     ["Schools will get more money.", "Bus fares will stay as they are."]),
    # a cell holding the paragraphs of the text
    ("<table><tr><td>News</td><td><p>Schools will get more money.</p><p>Bus fares will stay as they are.</p></td></tr>"
     "<tr><td>Sport</td><td>Results</td></tr></table>",
     ["News", "Schools will get more money.", "Bus fares will stay as they are.", "Sport", "Results"]),
])
def test_a_layout_table_is_text(tmp_path, table, paragraphs):
    page = ("<html><head><title>Council votes on the budget</title></head><body><article><h1>Council votes on the budget</h1>"
            f"{LAYOUT_LEAD}{table}{LAYOUT_CLOSE}</article></body></html>")
    root = _converted_page(tmp_path, page)
    assert _tables(root) == []
    assert _texts(root, "p") == [LAYOUT_LEAD[3:-4], *paragraphs, LAYOUT_CLOSE[3:-4]]


def test_a_layout_table_trafilatura_gives_is_its_cells_text():
    from lxml import etree as et

    from teikit.ingest.html import _text_of
    from teikit.ingest.htmlblocks import flatten_layout_tables

    body = et.fromstring("<body><table><row><cell>Menu</cell></row><row><cell><head>Title</head>Loose text"
                         "<p>A paragraph.</p>tail text</cell></row></table><p>After.</p></body>")
    flatten_layout_tables(body, _text_of)
    assert et.tostring(body, encoding="unicode") == (
        "<body><p>Menu</p><head>Title</head><p>Loose text</p><p>A paragraph.</p><p>tail text</p><p>After.</p></body>")


# --- tables --------------------------------------------------------------------------------------

TABLE_PAGE = "en_results_table.html"
RESULTS = {"rows": "4", "cols": "3", "head": ["Matchday 12"], "cells": [
    ("label", [("label", "Home"), ("label", "Score"), ("label", "Away")]),          # th cells in thead
    (None, [(None, "Arsenal"), (None, "2–1"), (None, "Chelsea")]),
    (None, [(None, "Liverpool"), (None, "0–0"), (None, "Everton")]),
    (None, [(None, "Manchester United"), (None, "3–2"), (None, "Tottenham Hotspur")])]}
STANDINGS = {"rows": "4", "cols": "3", "head": [], "cells": [
    ("label", [(None, ""), (None, "Played"), (None, "Points")]),                     # td cells in thead, one empty
    (None, [("label", "Arsenal"), (None, "12"), (None, "28")]),                      # a th that heads its row
    (None, [("label", "Chelsea"), (None, "12"), (None, "28")]),
    (None, [("label", "Liverpool"), (None, "12"), (None, "")])]}
TABLE_PARAGRAPHS = [
    "Here are all the results of the twelfth matchday, played on Saturday and Sunday in front of full stadiums.",
    "After the matchday the two London clubs lead the league, with Liverpool a point behind them.",
    "The next matchday is played after the international break, at the end of the month."]


def test_a_data_table_is_a_tei_table_with_its_header_rows_and_cells(tmp_path, assert_tei_all_valid):
    # Each row was a paragraph of its cells joined by " ; " ("Arsenal ; 2–1 ; Chelsea"), its header row one more.
    out = tmp_path / "out"
    assert not convert_paths([CASES / TABLE_PAGE], out).failures
    root = _tei(out, TABLE_PAGE)
    assert _tables(root) == [RESULTS, STANDINGS]
    assert _texts(root, "p") == TABLE_PARAGRAPHS  # in reading order, between the tables
    assert [e.tag.rpartition("}")[2] for e in root.xpath(".//tei:div[@type='article']/*", namespaces=XPATH_NS)] == [
        "head", "p", "table", "p", "table", "p"]
    assert " ; " not in reading_text(root)
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert_tei_all_valid(out / "en_results_table.xml")


def test_the_names_in_a_tables_cells_are_recognised(tmp_path):
    out = tmp_path / "out"
    assert not convert_paths([CASES / TABLE_PAGE], out).failures
    root = _tei(out, TABLE_PAGE)
    named = {_plain(name) for name in root.xpath(".//tei:cell/tei:persName | .//tei:cell/tei:orgName | .//tei:cell/tei:placeName",
                                                 namespaces=XPATH_NS)}
    assert {"Liverpool", "Manchester United"} <= named
    # each cell's name is the whole cell: a cell is a block of its own, never glued to the next one
    for name in root.xpath(".//tei:cell/*", namespaces=XPATH_NS):
        assert _plain(name) == _plain(name.getparent())


def test_the_text_edition_prints_a_table_a_line_a_row_its_cells_a_bar_apart(tmp_path):
    out = tmp_path / "out"
    assert not convert_paths([CASES / TABLE_PAGE], out).failures
    result = runner.invoke(app, ["render", str(out / "en_results_table.xml"), "-f", "txt", "-o", str(tmp_path / "txt")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "txt" / "en_results_table.txt").read_text(encoding="utf-8")
    assert ("\n\nMatchday 12\nHome | Score | Away\nArsenal | 2–1 | Chelsea\nLiverpool | 0–0 | Everton\n"
            "Manchester United | 3–2 | Tottenham Hotspur\n\n") in text
    assert "\n\n | Played | Points\nArsenal | 12 | 28\nChelsea | 12 | 28\nLiverpool | 12 | \n\n" in text


def test_a_data_table_inside_a_layout_table_is_a_table_where_it_stands(tmp_path):
    # trafilatura puts a table nested in another after the outer one: the votes came after the last paragraph
    page = ("<html><head><title>Council votes on the budget</title></head><body>"
            "<table><tr><td><table><tr><td><a href='/'>Home</a></td></tr></table></td></tr><tr><td>"
            f"<h1>Council votes on the budget</h1>{LAYOUT_LEAD}"
            "<table><tr><th>Party</th><th>Votes</th></tr><tr><td>Greens</td><td>12</td></tr>"
            f"<tr><td>Liberals</td><td>9</td></tr></table>{LAYOUT_CLOSE}</td></tr></table></body></html>")
    root = _converted_page(tmp_path, page)
    assert _tables(root) == [{"rows": "3", "cols": "2", "head": [], "cells": [
        ("label", [("label", "Party"), ("label", "Votes")]), (None, [(None, "Greens"), (None, "12")]),
        (None, [(None, "Liberals"), (None, "9")])]}]
    assert [e.tag.rpartition("}")[2] for e in root.xpath(".//tei:div[@type='article']/*", namespaces=XPATH_NS)] == [
        "head", "p", "table", "p"]


def test_a_table_that_opens_the_article_is_a_paragraph_a_row(tmp_path):
    # an article opens with a paragraph (rule div-structure): before one, a table is its rows' text
    page = ("<html><head><title>Council votes on the budget</title></head><body><article><h1>Council votes on the budget</h1>"
            "<table><tr><th>Party</th><th>Votes</th></tr><tr><td>Greens</td><td>12</td></tr>"
            f"<tr><td>Liberals</td><td>9</td></tr></table>{LAYOUT_CLOSE}</article></body></html>")
    root = _converted_page(tmp_path, page)
    assert _tables(root) == []
    assert _texts(root, "p") == ["Party Votes", "Greens 12", "Liberals 9", LAYOUT_CLOSE[3:-4]]


def test_a_table_trafilatura_gives_without_its_shape_keeps_trafilaturas_header_cells():
    from lxml import etree as et

    from teikit.ingest.html import _text_of
    from teikit.ingest.htmlblocks import table_blocks
    from teikit.model import CELL, Cell

    table = et.fromstring('<table><row><cell role="head">Party</cell><cell role="head">Votes</cell></row>'
                          "<row><cell>Greens</cell><cell/></row></table>")
    assert table_blocks(table, {}, 2, _text_of) == [
        (CELL, "Party", Cell(2, 0, 0, True, True)), (CELL, "Votes", Cell(2, 0, 1, True, True)),
        (CELL, "Greens", Cell(2, 1, 0, False, False))]




SAPO_PAGE = "vi_sapo.html"
SAPO = ('<h2 class="sapo">Thư viện mới của thị trấn Hòa Lạc sẽ mở cửa cả ngày chủ nhật, sau khi một cuộc '
        'khảo sát cho thấy bạn đọc muốn vậy.</h2>')
SAPO_TEXT = ("Thư viện mới của thị trấn Hòa Lạc sẽ mở cửa cả ngày chủ nhật, sau khi một cuộc khảo sát cho thấy "
             "bạn đọc muốn vậy.")
LIBRARY_VI = ["Ban quản lý cho biết thư viện có ba tầng, phòng đọc dành cho thiếu nhi ở tầng một và phòng máy tính ở tầng hai.",
              "Kinh phí xây dựng do huyện cấp, hai thủ thư mới sẽ được tuyển vào mùa xuân năm sau."]


def _sapo_paragraphs(tmp_path, edit):
    return _texts(_edited_page(tmp_path, SAPO_PAGE, edit), "p")


@pytest.mark.parametrize("edit", [
    None,                                                                            # <h2 class="sapo">
    (SAPO, f'<h2 class="content-detail-sapo sm-mb-0">{SAPO_TEXT}</h2>'),             # a part of a class word
    (SAPO, f'<p class="description">{SAPO_TEXT}</p>'),                               # a whole class word
    (SAPO, f'<section class="the-article-summary">{SAPO_TEXT}</section>'),           # bare text in a section
    (SAPO, f'<p>{SAPO_TEXT}</p>'),                                                   # kept by trafilatura: once
    (SAPO, f'<p class="description">{SAPO_TEXT.replace("bạn đọc muốn vậy", "<q>bạn đọc muốn vậy</q>")}</p>'),
])
def test_a_lead_set_apart_above_the_text_is_its_first_paragraph_once(tmp_path, edit):
    quoted = edit is not None and "<q>" in edit[1]  # the lead as the text reads it, its quotation marked
    lead = SAPO_TEXT.replace("bạn đọc muốn vậy", "“bạn đọc muốn vậy”") if quoted else SAPO_TEXT
    assert _sapo_paragraphs(tmp_path, edit) == [lead, *LIBRARY_VI]


def test_a_teasers_lead_after_the_text_is_not_the_articles(tmp_path):
    # no lead box above the text: the related list's <p class="sapo"> (after the text's paragraphs) is not taken
    assert _sapo_paragraphs(tmp_path, (SAPO, "")) == LIBRARY_VI


CAPTION_TABLE_PAGE = "vi_caption_table.html"
CAPTION_CELL = '<td class="image-caption">Cầu treo mới bắc qua suối Lác. Ảnh: Hoàng Lam</td>'


def _caption_table(tmp_path, edit=None):
    page = (CASES / CAPTION_TABLE_PAGE).read_text(encoding="utf-8")
    assert CAPTION_CELL in page
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(page.replace(*edit) if edit else page, encoding="utf-8")
    assert not convert_paths([tmp_path / "in"], tmp_path / "out").failures
    return _tei(tmp_path / "out", "p.html")


def test_the_caption_in_a_layout_tables_cell_under_a_photo_is_the_figures_head(tmp_path):
    # the cell's bare text: trafilatura left it out of the box the layout table became
    root = _caption_table(tmp_path)
    assert _texts(root, "figure/head") == ["Cầu treo mới bắc qua suối Lác. Ảnh: Hoàng Lam"]
    assert len(_texts(root, "p")) == 4


def test_a_sentence_in_a_layout_tables_cell_is_a_paragraph_not_a_caption(tmp_path):
    sentence = "Người dân trong bản đã chờ cây cầu này suốt nhiều năm, từ khi chiếc cầu tre đầu tiên bị lũ cuốn đi."
    root = _caption_table(tmp_path, (CAPTION_CELL, f"<td>{sentence}</td>"))
    assert _texts(root, "figure/head") == []
    assert sentence in _texts(root, "p")


H3_PAGE = "vi_h3_section.html"


def test_a_sub_heading_trafilatura_made_a_paragraph_heads_its_section(tmp_path):
    # its main extraction gave the page's <h3> as a <p>: the text's second section ran into the first
    root = _edited_page(tmp_path, H3_PAGE, None)
    sections = root.xpath(".//tei:div[@type='section']", namespaces=XPATH_NS)
    assert [s.xpath("string(tei:head)", namespaces=XPATH_NS) for s in sections] == ["Giờ mở cửa kéo dài vào cuối tuần"]
    assert "Giờ mở cửa kéo dài vào cuối tuần" not in _texts(root, "p")


def test_a_paragraph_saying_what_a_heading_says_is_a_heading_once_only(tmp_path):
    heading = "<h3>Giờ mở cửa kéo dài vào cuối tuần</h3>"
    again = heading + "\n<p>Giờ mở cửa kéo dài vào cuối tuần</p>"  # the page says it twice: once a heading
    root = _edited_page(tmp_path, H3_PAGE, (heading, again))
    assert [h.xpath("string()") for h in root.xpath(".//tei:div[@type='section']/tei:head", namespaces=XPATH_NS)] == [
        "Giờ mở cửa kéo dài vào cuối tuần"]
    assert _texts(root, "p").count("Giờ mở cửa kéo dài vào cuối tuần") == 1  # the second time a paragraph

