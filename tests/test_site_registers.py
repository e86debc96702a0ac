"""Registers that scale: Vietnamese order, the A–Z bar, a page per letter beyond a size,
a page per entry, counts in the singular and plural, the date register."""

from __future__ import annotations

import re

import pytest

from teikit.render import build_site

from render_helpers import H, SAMPLE, broken_links, parse_html

NS = {"h": H[1:-1]}
NAMES = ["Zidane", "Đặng Văn Lâm", "Dương Văn Minh", "Ăng Sơn", "Âu Cơ", "An Khê", "Ánh Viên", "Yến Nhi", "Êban"]


def _article(folder, n: int, name: str, *, lang: str = "vi", year: int = 2013):
    """The sample with its person Phạm Linh renamed `name` (id pers-x<n>) and its date moved to `year`."""
    data = SAMPLE.read_text(encoding="utf-8")
    data = data.replace("Phạm Linh", name).replace("pers-pham-linh", f"pers-x{n}")
    data = data.replace('<date when="2013-07-31">31/07/2013</date>', f'<date when="{year}-0{1 + n % 9}-02">x</date>', 1)
    data = data.replace('xml:lang="vi"', f'xml:lang="{lang}"')
    path = folder / f"a{n:02d}.xml"
    path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("registers")
    tei = tmp / "tei"
    tei.mkdir()
    for n, name in enumerate(NAMES):
        _article(tei, n, name, year=2013 + n % 2)
    return tmp, tei


def _page(path):
    return parse_html(path.read_text(encoding="utf-8"), str(path))


def _names(tree):
    return [" ".join("".join(a.itertext()).split()) for a in tree.xpath("//h:ul[@class='register']/h:li/h:a", namespaces=NS)]


def test_register_is_in_vietnamese_order_with_a_jump_bar(corpus):
    tmp, tei = corpus
    out = tmp / "small"
    assert build_site([tei], out).ok
    tree = _page(out / "registers" / "persons.html")
    names = [n for n in _names(tree) if n in NAMES]
    assert names == ["An Khê", "Ánh Viên", "Ăng Sơn", "Âu Cơ", "Dương Văn Minh", "Đặng Văn Lâm", "Êban", "Yến Nhi", "Zidane"]
    bar = tree.xpath("//h:nav[@class='jump-bar']//h:li", namespaces=NS)
    letters = ["".join(li.itertext()) for li in bar]
    # The whole Vietnamese alphabet, Z (a foreign letter) only because a name starts with it.
    assert letters == list("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYZ")
    linked = {a.text: a.get("href") for a in tree.xpath("//h:nav[@class='jump-bar']//h:a", namespaces=NS)}
    assert linked["Đ"] == "#letter-dd" and "B" not in linked
    assert tree.xpath("//h:h2[@id='letter-dd']/text()", namespaces=NS) == ["Đ"]
    assert broken_links(out) == []


def test_a_register_beyond_the_size_gets_a_page_per_letter(corpus):
    tmp, tei = corpus
    out = tmp / "paged"
    report = build_site([tei], out, register_page_size=5)
    assert report.ok
    overview = _page(out / "registers" / "persons.html")
    assert _names(overview) == []  # the letters only
    letter_pages = sorted(p.name for p in (out / "registers").glob("persons-*.html"))
    assert letter_pages == ["persons-a.html", "persons-aa.html", "persons-aw.html", "persons-d.html", "persons-dd.html",
                            "persons-ee.html", "persons-t.html", "persons-v.html", "persons-y.html", "persons-z.html"]
    a = _page(out / "registers" / "persons-a.html")
    assert _names(a) == ["An Khê", "Ánh Viên"]
    current = a.xpath("//h:nav[@class='jump-bar']//h:a[@aria-current='page']", namespaces=NS)
    assert [c.text for c in current] == ["A"]
    # Walk the bar: every letter link leads to the page of that letter.
    for link in overview.xpath("//h:nav[@class='jump-bar']//h:a", namespaces=NS):
        target = _page(out / "registers" / link.get("href").removeprefix("../registers/"))
        assert target.xpath("string(//h:h1)", namespaces=NS).endswith(": " + link.text)
    assert broken_links(out) == []


def test_counts_are_singular_and_plural(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    _article(tei, 1, "Ann Lee", lang="en")
    out = tmp_path / "out"
    assert build_site([tei], out).ok
    tree = _page(out / "registers" / "persons.html")
    counts = {" ".join("".join(li.xpath("h:a", namespaces=NS)[0].itertext()).split()):
              li.xpath("string(h:span[@class='count'])", namespaces=NS) for li in tree.xpath("//h:ul[@class='register']/h:li", namespaces=NS)}
    assert counts["Ann Lee"] == "(1 mention, 1 article)"  # the byline
    assert counts["Vũ Trọng Kim"] == "(2 mentions, 1 article)"
    assert "(1 mention)" in (out / "a01.html").read_text(encoding="utf-8")
    assert "(1 mentions)" not in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))


def test_date_register_by_year_and_month(corpus):
    tmp, tei = corpus
    out = tmp / "small"
    tree = _page(out / "registers" / "dates.html")
    rows = [(" ".join("".join(r.xpath("h:th", namespaces=NS)[0].itertext()).split()),
             [td.text for td in r.xpath("h:td", namespaces=NS)]) for r in tree.xpath("//h:table[@class='timeline']/h:tbody/h:tr", namespaces=NS)]
    years = [r for r in rows if re.fullmatch(r"\d{4}", r[0])]
    # Articles by their date (5 in 2013, 4 in 2014); the sample's dated mentions (2011, 2012, 2013) per article.
    assert years == [("2011", ["0", "9"]), ("2012", ["0", "9"]), ("2013", ["5", "18"]), ("2014", ["4", "0"])]
    assert ("tháng 1 năm 2013", ["1", "0"]) in rows
    year = _page(out / "registers" / "dates" / "2014.html")
    assert len(year.xpath("//h:a[@class='article']", namespaces=NS)) == 4
    mentions = _page(out / "registers" / "dates" / "2011.html").xpath("//h:a[@class='mention']/@href", namespaces=NS)
    assert len(mentions) == 9 and all(re.fullmatch(r"\.\./\.\./a0\d\.html#date-\d+", m) for m in mentions)
