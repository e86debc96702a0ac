"""The corpus registers of anyone's TEI (docs/site.md, "Registers of other projects' TEI").

A document teikit did not write has register ids of its own: its entries are those of any
listPerson, listOrg or listPlace in it (the header's, the back matter's, standOff's), each
one a register entry of the site, the document's own ("<stem>.<xml:id>": two documents'
"p2" are two persons), unless it carries an authority URI; a name whose @ref is an
authority URI is an entry too. One URI is one entry in every document that names it, so
the register page of a person lists every article that names them, by entry or by URI.
"""

from __future__ import annotations

import re

import pytest

from teikit.render import build_site
from teikit.render.siteids import site_id

from render_helpers import H, broken_links, parse_html

NS = {"h": H[1:-1]}
GND = "https://d-nb.info/gnd/118540238"
HEADER = """<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
  <publicationStmt><p>Unpublished.</p></publicationStmt><sourceDesc>{source}</sourceDesc></fileDesc></teiHeader>"""
LETTER = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(title="Letter to Schiller", source=f'''
  <listPerson>
    <person xml:id="p1"><persName>Johann Wolfgang von Goethe</persName><idno type="GND">{GND}</idno></person>
    <person xml:id="p2"><persName>Anna Brandt</persName></person>
  </listPerson>
  <listPlace><place xml:id="pl1"><placeName>Weimar</placeName></place></listPlace>''')}
  <text><body><p><persName ref="#p1">Goethe</persName> wrote from <placeName ref="#pl1">Weimar</placeName>
    to <persName ref="#p2">Anna</persName>.</p></body></text></TEI>"""
DIARY = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(title="Diary entry", source="<p>A diary.</p>")}
  <text><body><p>Today <persName ref="{GND}">the privy councillor Goethe</persName> came to see
    <persName ref="#p2">Anna Weber</persName>, and <persName ref="#nobody">a guest</persName>.</p></body>
  <back><listPerson><person xml:id="p2"><persName>Anna Weber</persName></person></listPerson></back></text></TEI>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("anyones")
    (tmp / "tei").mkdir()
    (tmp / "tei" / "letter.xml").write_text(LETTER, encoding="utf-8")
    (tmp / "tei" / "diary.xml").write_text(DIARY, encoding="utf-8")
    report = build_site([tmp / "tei"], tmp / "site")
    assert report.ok, report.failures
    return tmp / "site"


def text_of(path) -> str:
    tree = parse_html(path.read_text(encoding="utf-8"), str(path))
    return " ".join(" ".join(tree.xpath("//h:main", namespaces=NS)[0].itertext()).split())


def test_every_listed_entry_is_a_register_entry_of_its_document(site):
    persons = sorted(p.name for p in (site / "registers" / "persons").iterdir())
    assert persons == ["diary.p2.html", "letter.p2.html", f"{site_id('', '', GND)}.html"]
    assert sorted(p.name for p in (site / "registers" / "places").iterdir()) == ["letter.pl1.html"]
    register = text_of(site / "registers" / "persons.html")
    assert "Anna Brandt (1 mention, 1 article)" in register and "Anna Weber (1 mention, 1 article)" in register
    assert "a guest" not in register  # a @ref to no entry and no authority: no register entry


def test_one_authority_uri_is_one_entry_in_every_document_that_names_it(site):
    page = text_of(site / "registers" / "persons" / f"{site_id('', '', GND)}.html")
    assert page.startswith("Johann Wolfgang von Goethe Persons · 2 mentions, 2 articles")
    assert f"GND {GND}" in page
    assert "Today the privy councillor Goethe came to see Anna Weber, and a guest." in page
    assert "Goethe wrote from Weimar to Anna." in page


def test_the_registers_of_anyones_tei_have_no_broken_link(site):
    assert broken_links(site) == []


def test_an_entrys_site_id_is_its_uris_or_its_documents():
    uri = site_id("letter", "p1", GND)
    assert re.fullmatch(r"uri-d-nb-info-gnd-118540238-[0-9a-f]{10}", uri)
    assert site_id("diary", "x", GND) == uri  # the same entry in every document
    assert site_id("diary", "x", GND + "0") != uri
    assert site_id("letter", "p2", "") == "letter.p2"
    long = site_id("a", "b", "https://example.org/" + "x" * 300)
    assert len(long) < 90 and long != site_id("a", "b", "https://example.org/" + "x" * 299)
