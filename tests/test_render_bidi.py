"""Text in another language than the page's carries its own lang (and dir where the direction
differs): an Arabic article's English labels and dates are laid out left to right, not garbled
("25 January 2024" read as "January 2024 (2024-01-25) 25"); a Vietnamese page's English licence
sentence is marked English; the index and the register pages mark each article's title (and an
entry's contexts) with its language, the search page each result (assets/search.js, from the
page's data-pagefind-meta).
"""

from __future__ import annotations

import shutil

import pytest

from teikit.render import build_site, default_renderer

from render_helpers import DATA, SAMPLE, H, parse_html

ARABIC = DATA / "ar01_cairo.xml"  # a TEI teikit made of an Arabic article (no names recognised: only dates)
NS = {"h": H[1:-1]}


def _attrs(el):
    return el.get("lang"), el.get("dir")


@pytest.fixture(scope="module")
def arabic():
    return parse_html(default_renderer().html(ARABIC, tei_href="tei/ar01_cairo.xml"))


def test_an_arabic_pages_english_labels_and_dates_are_marked_and_left_to_right(arabic):
    assert _attrs(arabic.getroot()) == ("ar", "rtl")
    meta = arabic.xpath("//h:dl[@class='meta']", namespaces=NS)[0]
    assert _attrs(meta) == ("en", "ltr")
    assert [dt.text for dt in meta.xpath("h:dt", namespaces=NS)] == ["Date", "Source", "SHA-256 of the source", "Publisher",
                                                                     "Licence", "TEI file"]
    time = meta.xpath(".//h:time", namespaces=NS)[0]
    assert (time.text, _attrs(time)) == ("25 January 2024", (None, None))  # the list's English, left to right
    printed = meta.xpath(".//h:span[@class='printed']", namespaces=NS)[0]
    assert (printed.text, _attrs(printed)) == ("(2024-01-25)", ("ar", "rtl"))  # the source's own, isolated
    cite = meta.xpath(".//h:cite", namespaces=NS)[0]
    assert (cite.text, _attrs(cite)) == ("افتتاح معرض القاهرة الدولي للكتاب", ("ar", "rtl"))
    nav = arabic.xpath("//h:nav[@class='site-nav']", namespaces=NS)[0]
    assert _attrs(nav) == ("en", "ltr") and nav.get("aria-label") == "Articles"
    assert [(s.get("data-pagefind-meta"), s.text) for s in arabic.xpath("//*[@data-pagefind-meta]", namespaces=NS)] == [
        ("date", "25 January 2024"), ("datelanguage", "en"), ("language", "ar"), ("direction", "rtl")]


def test_a_vietnamese_pages_english_licence_sentence_is_marked_english():
    page = parse_html(default_renderer().html(SAMPLE))
    meta = page.xpath("//h:dl[@class='meta']", namespaces=NS)[0]
    assert _attrs(meta) == (None, None)
    licence = meta.xpath("h:dd[@class='licence']", namespaces=NS)[0]
    marked = [(el.tag.split("}")[1], "".join(el.itertext()), _attrs(el)) for el in licence]
    assert marked == [  # the header's English (its xml:lang): the text's licence, the markup's
        ("span", "Unknown: the publisher of the source has stated no licence for the text.", ("en", None)),
        ("a", "CC BY 4.0", ("en", None))]
    publisher = meta.xpath("h:dd[@class='publisher']", namespaces=NS)[0]  # a row of its own, no licence
    assert [("".join(el.itertext()), _attrs(el)) for el in publisher] == [("teikit digital edition", ("en", None))]
    assert "".join(licence.itertext()).startswith("Văn bản: Unknown")  # its labels the page's Vietnamese
    nav = page.xpath("//h:nav[@class='site-nav']", namespaces=NS)[0]
    assert _attrs(nav) == (None, None)


def test_the_index_and_registers_mark_each_articles_language(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(SAMPLE, tei / "a_sample.xml")  # first by stem: the site's language is its (Vietnamese)
    shutil.copy(ARABIC, tei / "b_ar01_cairo.xml")
    out = tmp_path / "html"
    report = build_site([tei], out, search_index=False)
    assert report.ok, report.failures
    index = parse_html((out / "index.html").read_text(encoding="utf-8"))
    assert _attrs(index.getroot()) == ("vi", None)
    rows = {"".join(a.itertext()): (a, a.getparent().getparent())
            for a in index.xpath("//h:td[@class='title']/h:a", namespaces=NS)}
    title, row = rows["افتتاح معرض القاهرة الدولي للكتاب"]
    assert _attrs(title) == ("ar", "rtl")
    date = row.xpath("h:td[@class='date']", namespaces=NS)[0]  # in the site's language: "ngày 25 tháng 1 năm 2024"
    assert _attrs(date) == (None, None) and "".join(date.itertext()) == "ngày 25 tháng 1 năm 2024"
    vi_title, vi_row = next(v for k, v in rows.items() if k != "افتتاح معرض القاهرة الدولي للكتاب")
    assert _attrs(vi_title) == (None, None) and _attrs(vi_row.xpath("h:td[@class='date']", namespaces=NS)[0]) == (None, None)
    # An entry's page: the article's title and the words around each mention in its language.
    person = parse_html((out / "registers" / "persons" / "pers-tran-dai-quang.html").read_text(encoding="utf-8"))
    assert [_attrs(a) for a in person.xpath("//h:a[@class='article']", namespaces=NS)] == [(None, None)]
