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
    to <persName ref="#p2">Anna</persName>; <persName ref="{GND}">the old councillor</persName> signed.</p></body></text></TEI>"""
DIARY = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(title="Diary entry", source="<p>A diary.</p>")}
  <text><body><p>Today <persName ref="{GND}">the privy councillor Goethe</persName> came to see
    <persName ref="#p2">Anna Weber</persName>, and <persName ref="#nobody">a guest</persName>.</p></body>
  <back><listPerson><person xml:id="p2"><persName>Anna Weber</persName></person></listPerson></back></text></TEI>"""


NOTE = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER.format(title="A note", source="<p>A note.</p>")}
  <standOff><listPerson><person xml:id="p1"><persName>Carl Otto</persName></person></listPerson></standOff>
  <text><body><p><persName ref="#p1">Otto</persName> wrote it.</p></body></text></TEI>"""


def write_corpus(folder, **texts) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in texts.items():
        (folder / f"{stem}.xml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("anyones")
    write_corpus(tmp / "tei", letter=LETTER, diary=DIARY, note=NOTE)
    report = build_site([tmp / "tei"], tmp / "site")
    assert report.ok, report.failures
    return tmp / "site"


def text_of(path) -> str:
    tree = parse_html(path.read_text(encoding="utf-8"), str(path))
    return " ".join(" ".join(tree.xpath("//h:main", namespaces=NS)[0].itertext()).split())


def test_every_listed_entry_is_a_register_entry_of_its_document(site):
    persons = sorted(p.name for p in (site / "registers" / "persons").iterdir())
    assert persons == sorted(f"{ident}.html" for ident in (site_id("diary", "p2", ""), site_id("letter", "p2", ""),
                                                          site_id("note", "p1", ""), site_id("", "", GND)))
    assert [p.name for p in (site / "registers" / "places").iterdir()] == [f"{site_id('letter', 'pl1', '')}.html"]
    register = text_of(site / "registers" / "persons.html")
    for entry in ("Anna Brandt (1 mention, 1 article)", "Anna Weber (1 mention, 1 article)",
                  "Carl Otto (1 mention, 1 article)"):
        assert entry in register
    assert "a guest" not in register  # a @ref to no entry and no authority: no register entry


def test_a_page_links_no_name_to_a_register_page_by_its_xml_id(site):
    # the note's standOff entry is the site's doc-… page, which the article page does not know
    page = (site / "note.html").read_text(encoding="utf-8")
    assert "registers/persons/" not in page


def test_one_authority_uri_is_one_entry_in_every_document_that_names_it(site):
    # the diary (first by stem) cites the URI alone; the letter by its entry and by the URI: the entry names it
    page = text_of(site / "registers" / "persons" / f"{site_id('', '', GND)}.html")
    assert page.startswith("Johann Wolfgang von Goethe Persons · 3 mentions, 2 articles")
    assert f"GND {GND}" in page
    assert "Today the privy councillor Goethe came to see Anna Weber, and a guest." in page
    assert "Goethe wrote from Weimar to Anna; the old councillor signed." in page


def test_an_incremental_site_makes_anyones_register_pages_again_as_from_scratch(tmp_path):
    write_corpus(tmp_path / "tei", letter=LETTER, diary=DIARY, note=NOTE)
    assert build_site([tmp_path / "tei"], tmp_path / "site").ok
    write_corpus(tmp_path / "tei", letter=LETTER.replace("wrote from", "wrote again from"),
                 note=NOTE.replace("wrote it", "signed it"))
    assert build_site([tmp_path / "tei"], tmp_path / "site").ok
    assert build_site([tmp_path / "tei"], tmp_path / "fresh").ok
    registers = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh" / "registers").rglob("*.html"))
    assert registers == sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site" / "registers").rglob("*.html"))
    for rel in registers:
        assert (tmp_path / "site" / rel).read_bytes() == (tmp_path / "fresh" / rel).read_bytes(), rel
    assert "Otto signed it." in text_of(tmp_path / "site" / "registers" / "persons" / f"{site_id('note', 'p1', '')}.html")


def test_the_registers_of_anyones_tei_have_no_broken_link(site):
    assert broken_links(site) == []


def test_an_entrys_site_id_is_its_uris_or_its_documents():
    uri = site_id("letter", "p1", GND)
    assert re.fullmatch(r"uri-d-nb-info-gnd-118540238-[0-9a-f]{10}", uri)
    assert site_id("diary", "x", GND) == uri  # the same entry in every document
    assert site_id("diary", "x", GND + "0") != uri
    assert re.fullmatch(r"doc-letter-p2-[0-9a-f]{10}", site_id("letter", "p2", ""))


@pytest.mark.parametrize("one, other", [
    (("a.b", "c", ""), ("a", "b.c", "")),                  # a dot in a stem or an id
    (("case", "P1", ""), ("case", "p1", "")),              # case: one file on macOS and Windows otherwise
    (("a", "x" * 300, ""), ("a", "x" * 299, "")),          # long ids, cut to a readable part
    (("a", "b", "https://example.org/" + "x" * 300), ("a", "b", "https://example.org/" + "x" * 299)),
])
def test_two_entries_never_share_a_site_id_and_each_is_a_safe_page_name(one, other):
    assert site_id(*one) != site_id(*other)
    for ident in (site_id(*one), site_id(*other)):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident) and len(ident) <= 80


def facets(page) -> list[tuple[str, str]]:
    tree = parse_html(page.read_text(encoding="utf-8"), str(page))
    return [(span.get("data-pagefind-filter"), span.text)
            for span in tree.xpath("//h:div[@class='search-facets']/h:span[@data-pagefind-filter]", namespaces=NS)]


def test_the_search_files_anyones_page_under_the_entries_it_names_as_its_site_record_has_them(site):
    # the entries of its lists it names, by their names; an authority URI by the entry carrying it ...
    assert facets(site / "letter.html") == [("person", "Johann Wolfgang von Goethe"), ("person", "Anna Brandt"),
                                            ("place", "Weimar")]
    # ... else by its first mention; a @ref to no entry and no authority files it under nothing
    assert facets(site / "diary.html") == [("person", "the privy councillor Goethe"), ("person", "Anna Weber")]
    assert facets(site / "note.html") == [("person", "Carl Otto")]
