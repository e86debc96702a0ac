"""Editions of any TEI: the HTML and text editions of documents teikit did not write
(letters, inscriptions, a novel with verse, a manuscript, a test file) lose no text.

The reading text is defined in tests/edition_helpers.py, apart from the stylesheets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.render import default_renderer
from teikit.xmlsafe import parse_file

from edition_helpers import TEI, coverage, html_text, reading, words
from render_helpers import H, SAMPLE, parse_html

REPO = Path(__file__).resolve().parents[1]
EDITIONS = REPO / "tests" / "data" / "editions"
THIRD_PARTY = sorted(EDITIONS.glob("*.xml"))
ALL = [*THIRD_PARTY, SAMPLE, REPO / "tei" / "000_03d31ed0a32cd011.xml"]
NOTES_LABELS = ("Notes", "Chú thích")
APPARATUS_LABELS = ("Apparatus", "Dị bản")


@pytest.fixture(scope="module")
def renderer():
    return default_renderer()


@pytest.fixture(scope="module")
def editions(renderer):
    """path -> (html main text, html notes text, html tree, text main, text notes)."""
    out = {}
    for path in ALL:
        tree = parse_html(renderer.html(path), path.name)
        text_div = tree.find(f".//{H}div[@class='text']")
        notes = tree.find(f".//{H}section[@id='notes']")
        front, txt = renderer.text(path).split("\n---\n\n", 1)  # the front matter is metadata, not text
        assert front.startswith("---\n")
        for label in APPARATUS_LABELS:
            txt = txt.rsplit(f"\n\n{label}\n", 1)[0]
        main_txt, notes_txt = txt, ""
        for label in NOTES_LABELS:
            if f"\n\n{label}\n" in txt:
                main_txt, notes_txt = txt.rsplit(f"\n\n{label}\n", 1)
        h1 = tree.find(f".//{H}h1")
        out[path] = (html_text(h1) + " " + html_text(text_div), html_text(notes) if notes is not None else "", tree, main_txt, notes_txt)
    return out


def test_fixtures_are_tei_all_valid(assert_tei_all_valid):
    assert len(THIRD_PARTY) >= 6
    for path in THIRD_PARTY:
        assert_tei_all_valid(path)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_editions_hold_the_reading_text(editions, path):
    text, notes = reading(path)
    html_main, html_notes, _, txt_main, txt_notes = editions[path]
    assert coverage(text, html_main) >= 0.99, "HTML"
    assert coverage(text, txt_main) >= 0.99, "text"
    assert coverage(" ".join(notes), html_notes) >= 0.99
    assert coverage(" ".join(notes), txt_notes) >= 0.99


def _alternatives(path):
    """Words of the branches of choice and app that are not read (and occur nowhere in the reading text)."""
    text, notes = reading(path)
    have = words(text + " " + " ".join(notes))
    root = parse_file(path).getroot()
    unread = []
    for alt in root.iter(f"{TEI}choice", f"{TEI}app"):
        kids = [k for k in alt if isinstance(k.tag, str)]
        names = [etree.QName(k).localname for k in kids]
        if alt.tag == f"{TEI}app":
            read = names.index("lem") if "lem" in names else names.index("rdg")
        elif "abbr" in names and (alt.get("resp") or "").startswith("#ner"):
            read = names.index("abbr")
        else:
            read = next((names.index(n) for n in ("corr", "reg", "expan") if n in names), 0)
        for i, kid in enumerate(kids):
            if i != read:
                unread += [w for w in words("".join(kid.itertext())) if not have[w]]
    return unread


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_one_branch_per_choice(editions, path):
    html_main, _, _, txt_main, _ = editions[path]
    for word in _alternatives(path):
        assert word not in words(html_main), f"HTML shows the unread branch word {word!r}"
        assert word not in words(txt_main), f"text shows the unread branch word {word!r}"


def test_the_preferred_branch_is_read(editions):
    html_main, _, tree, txt_main, _ = editions[EDITIONS / "letter_dta.xml"]
    for shown in (html_main, txt_main):
        assert "Die Zeitschrift geht" in shown and "Zeitschrfit" not in shown
        assert "an Beiträgen, die der Leser" in shown and "Beyträgen" not in shown
    assert tree.find(f".//{H}span[@title='sic: Zeitschrfit']").text == "Zeitschrift"
    html_main, _, tree, txt_main, _ = editions[EDITIONS / "inscription_epidoc.xml"]
    for shown in (html_main, txt_main):
        assert "Augustorum liberti vixit annos" in shown and "Agustorum" not in shown
    assert tree.find(f".//{H}span[@class='tei-app tei-lem']").get("title") == "rdg: Agustorum (#CIL)"


def test_the_other_branches_are_in_the_apparatus(renderer, editions):
    tree = editions[EDITIONS / "inscription_epidoc.xml"][2]
    entries = [li.text for li in tree.findall(f".//{H}section[@id='apparatus']/{H}ol/{H}li")]
    assert entries == ["Augustorum] rdg: Agustorum (#CIL)", "vixit] sic: vixsit"]
    text = renderer.text(EDITIONS / "letter_dta.xml")
    assert text.endswith("\n\nApparatus\nZeitschrift] sic: Zeitschrfit\nBeiträgen] orig: Beyträgen\nder] abbr: d.\n")
    text = renderer.text(EDITIONS / "manuscript_msdesc.xml")
    assert "\nmother] del: moder\n" in text
    # teikit's own abbreviations are machine markup, not readings: no apparatus.
    assert "Dị bản" not in renderer.text(SAMPLE)
    assert tree.find(f".//{H}section[@id='apparatus']") is not None


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_word_glued_at_a_line_break(editions, path):
    html_main, _, _, txt_main, _ = editions[path]
    root = parse_file(path).getroot()
    for lb in root.iter(f"{TEI}lb", f"{TEI}pb", f"{TEI}cb"):
        before = lb.getprevious().tail if lb.getprevious() is not None else lb.getparent().text
        a, b = re.search(r"(\w+)$", before or ""), re.search(r"^(\w+)", lb.tail or "")
        if not (a and b):
            continue
        glued = a.group(1) + b.group(1)
        for shown in (html_main, txt_main):
            if lb.get("break") == "no":
                assert glued in words(shown), glued
            else:
                assert glued not in words(shown), glued


def test_words_run_on_across_a_break_without_a_space(editions):
    html_main, _, _, txt_main, _ = editions[EDITIONS / "letter_dta.xml"]
    for shown in (html_main, txt_main):
        assert "hat mich recht herzlich" in shown and "die der Leser wirklich erfreuen." in shown
    html_main, _, _, txt_main, _ = editions[EDITIONS / "inscription_epidoc.xml"]
    for shown in (html_main, txt_main):
        assert "Titi Flavi Felicis" in shown


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_notes_are_set_apart(editions, path):
    _, notes = reading(path)
    html_main, html_notes, _, txt_main, txt_notes = editions[path]
    for note in notes:
        assert note not in html_main and note in html_notes
        assert note not in txt_main and note in txt_notes


def test_a_note_leaves_a_marker_linking_to_its_footnote(editions):
    _, _, tree, txt_main, txt_notes = editions[EDITIONS / "letter_dta.xml"]
    marker = tree.find(f".//{H}sup[@class='note-ref']/{H}a")
    assert marker.get("href") == "#note-1" and marker.text == "1"
    assert "dreißigstes Jahr[1], und noch" in txt_main
    assert "[1] Gemeint ist der Gesellschafter, seit 1817." in txt_notes


def test_every_note_of_the_text_edition_has_its_mark(editions):
    # A register entry's note leaves its mark on the entry's line, as one in a sentence does.
    _, _, _, txt_main, txt_notes = editions[EDITIONS / "letter_dta.xml"]
    assert "\nAmalie Lindner [2]\n" in txt_main and "[2] Empfängerin, Schriftstellerin in Weimar." in txt_notes
    for path in ALL:
        main, notes = editions[path][3], editions[path][4]
        for mark in re.findall(r"^(\[[^\]]+\]) ", notes, flags=re.M):
            assert mark in main, (path.name, mark)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_dangling_link(editions, path):
    tree = editions[path][2]
    ids = [el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for el in tree.iter(f"{H}a"):
        href = el.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert re.match(r"(https?://|mailto:|registers/|index\.html)", href), href


def test_names_link_to_the_documents_register_or_the_authority(editions):
    tree = editions[EDITIONS / "letter_dta.xml"][2]
    links = {a.text: a.get("href") for a in tree.iter(f"{H}a")}
    assert links["Devrient"] == "#tei:devrient"                              # listPerson in back
    assert links["Goethe"] == "https://d-nb.info/gnd/118540238"          # prefixDef expanded
    assert links["Ihre verehrte Frau Mutter"] == "#tei:lindner"              # rs
    assert tree.find(f".//{H}div[@id='tei:devrient']") is not None
    tree = editions[EDITIONS / "tei_test_mixed.xml"][2]
    links = {a.text: a.get("href") for a in tree.iter(f"{H}a")}
    assert links["the duke"] == "#tei:orsino"                                # listPerson in the header
    assert links["the company"] == "#tei:globe"
    assert links["the full text"] == "https://example.org/twelfth-night"
    assert tree.find(f".//{H}section[@id='registers']//{H}div[@id='tei:orsino']") is not None


def test_verse_lines_stand_on_their_own_lines(editions):
    txt_main = editions[EDITIONS / "novel_verse.xml"][3]
    assert "\nO, blow the wind southerly,\nsoutherly, southerly,\nblow bonny breeze,\nmy lover to me.\n" in txt_main
    assert "\nThe sea is calm to-night,\nThe tide is full, the moon lies fair\n" in txt_main
    assert "\n1. a ship's bell, cracked;\n2. three casks of Madeira;\n" in txt_main
    assert "\nHigh water | 4.12 | 17 feet\n" in txt_main
    tree = editions[EDITIONS / "novel_verse.xml"][2]
    assert len(tree.findall(f".//{H}div[@class='tei-l']")) == 8
    assert tree.find(f".//{H}table/{H}caption").text == "Tides at Whitby, 12 March"


def test_front_and_back_are_rendered(editions):
    html_main, _, _, txt_main, _ = editions[EDITIONS / "novel_verse.xml"]
    for shown in (html_main, txt_main):
        assert shown.index("A Tale of the Northern Coast") < shown.index("Nobody in the village") < shown.index("Whitby lighthouse")


def test_expansions_show_the_supplied_letters(editions):
    html_main, _, tree, txt_main, _ = editions[EDITIONS / "inscription_epidoc.xml"]
    for shown in (html_main, txt_main):
        assert "Dis Manibus Titi Flavi Felicis Augustorum liberti" in shown
    assert [el.text for el in tree.iter(f"{H}span") if el.get("class") == "tei-ex"][:2] == ["is", "anibus"]


def test_header_metadata_of_letters_and_manuscripts(editions):
    _, _, tree, txt_main, _ = editions[EDITIONS / "letter_cmif.xml"]
    sent = tree.find(f".//{H}dd[@class='corresp corresp-sent']")
    assert html_text(sent) == "Goethe, Johann Wolfgang von , Weimar , 3. Mai 1827".replace(" ,", ",")
    assert sent.find(f"{H}a").get("href") == "https://d-nb.info/gnd/118540238"
    assert "Sent by: Goethe, Johann Wolfgang von, Weimar, 3. Mai 1827\nSent to: Schiller, Charlotte von, Jena\n" in txt_main
    _, _, tree, txt_main, _ = editions[EDITIONS / "manuscript_msdesc.xml"]
    assert tree.find(f".//{H}dd[@class='ms-identifier']").text == "Oxford, Example College Library, MS 42, MS Arch. B. 7"
    assert "Contents: A book of hours with the Hours of the Virgin" in txt_main
    # the text edition says what the page says of it: its origin and physical form were left out
    page = [f"{html_text(dt)}: {html_text(dt.getnext())}" for dt in tree.iterfind(f".//{H}dl[@class='meta']/{H}dt")
            if (dt.getnext().get("class") or "").startswith("ms-")]
    assert [line.split(":")[0] for line in page] == ["Manuscript", "Contents", "Origin", "Physical description"]
    assert all(line in txt_main for line in page)


def test_unknown_elements_keep_their_text_and_name(renderer, tmp_path, editions):
    tree = editions[EDITIONS / "tei_test_mixed.xml"][2]
    assert tree.find(f".//{H}span[@class='tei-distinct tei-distinct-archaic']").text == "alien text kept"
    doc = tmp_path / "foreign.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><p>Kept <x:odd xmlns:x="https://example.org/x">foreign words</x:odd> and'
                   ' <ref target="javascript:alert(1)">no script</ref>.</p></body></text></TEI>', encoding="utf-8")
    page = parse_html(renderer.html(doc))
    assert page.find(f".//{H}span[@class='tei-odd']").text == "foreign words"
    assert not [a for a in page.iter(f"{H}a") if "javascript" in (a.get("href") or "")]
    assert "Kept foreign words and no script." in renderer.text(doc)


def test_render_warns_once_per_document_that_is_not_teikits_and_goes_on(tmp_path):
    from teikit.render import build_site, render_paths

    letter = EDITIONS / "letter_dta.xml"
    report = render_paths([letter, SAMPLE], tmp_path / "txt", "txt")
    assert report.ok and len(report.written) == 2
    assert report.warnings == [f"{letter}: not a teikit document (its header declares no teikit application): "
                               "rendered as generic TEI"]
    report = build_site([letter, SAMPLE], tmp_path / "site")
    assert report.ok and (tmp_path / "site" / "letter_dta.html").is_file()
    assert [w for w in report.warnings if "not a teikit document" in w] == report.warnings[:1]
    assert len(report.warnings) == 1


def test_a_tei_nested_after_the_text_is_left_out_of_the_edition_and_said_to_be(tmp_path):
    from teikit.render import render_paths

    head = ('<teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
            '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>')
    outer = tmp_path / "outer.xml"
    outer.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{head.format("Outer")}<text><body><p>Outer text.</p>'
                     f'</body></text><TEI>{head.format("Inner")}<text><body><p>Inner text.</p></body></text></TEI></TEI>',
                     encoding="utf-8")
    report = render_paths([outer], tmp_path / "txt", "txt")
    assert report.ok and "Outer text." in (tmp_path / "txt" / "outer.txt").read_text(encoding="utf-8")
    assert report.warnings[1:] == [f"{outer}: a TEI document nested in it left out of its edition (an edition is made "
                                   "of one TEI document a file): make it a file of its own to publish it"]


def test_is_teikit_document():
    from teikit import names

    assert names.is_teikit_document(parse_file(SAMPLE).getroot())
    assert not names.is_teikit_document(parse_file(EDITIONS / "letter_cmif.xml").getroot())


def _main(editions, name):
    """(the HTML page's reading text, the text edition's main text without its header lines) of a fixture."""
    html_main, _, _, txt_main, _ = editions[EDITIONS / name]
    return html_main, txt_main.split("\n\n", 1)[1]


def test_forme_work_is_not_read(editions):
    # Running heads, catchwords and page numbers (fw) are the printer's, not words of the text:
    # read, they doubled words and glued to them ("Die Heimkehr.12", "dasHaus").
    html_main, txt_main = _main(editions, "forme_work.xml")
    assert html_main == "Forme work und nun heim¬ kehrte er. Er sah das Haus."
    assert txt_main == "und nun heim¬\n\nkehrte er.\n\nEr sah das Haus.\n"
    tree = editions[EDITIONS / "forme_work.xml"][2]
    assert not [el for el in tree.iter() if "tei-fw" in (el.get("class") or "")]


def test_blocks_inside_a_note_a_cell_or_an_item_are_a_space_apart_in_the_text_edition(editions):
    # A note, a table cell and a list item are one line of the text edition: the paragraphs or
    # verse lines inside them were glued ("Note para one.Note para two.", "Cell para ACell para B").
    _, txt_main = _main(editions, "blocks_in_notes_cells.xml")
    assert txt_main == "Text[1] and more[2] end.\n\nCell para A Cell para B | two\n\n- Item para A Item para B\n- three"
    assert editions[EDITIONS / "blocks_in_notes_cells.xml"][4] == "[1] Note para one. Note para two.\n[2] note verse a note verse b\n"
    html_main, html_notes, *_ = editions[EDITIONS / "blocks_in_notes_cells.xml"]
    assert html_main.endswith(" Cell para A Cell para B two Item para A Item para B three")
    assert html_notes == "Notes 1 Note para one. Note para two. 2 note verse a note verse b"


def test_the_apparatus_reads_lemma_and_alternatives_as_the_text_reads_them(renderer, editions):
    # Not every branch of a nested choice ("wrodword] rdg: verb", "sic: MsManuscript"), nor a
    # note's words, nor forme work; a word going on across a break is one word.
    entries = ["word] rdg: verb (#B)", "word] sic: wrod", "Codex] sic: Manuscript", "Manuscript] abbr: Ms",
               "old great house] rdg: new", "word] rdg: term", "doorway] rdg: gate"]
    text = renderer.text(EDITIONS / "apparatus_nested.xml")
    assert text.endswith("\n\nApparatus\n" + "\n".join(entries) + "\n")
    tree = editions[EDITIONS / "apparatus_nested.xml"][2]
    assert [li.text for li in tree.findall(f".//{H}section[@id='apparatus']/{H}ol/{H}li")] == entries
    assert [el.get("title") for el in tree.iter(f"{H}span") if el.get("title")] == [
        "rdg: verb (#B)", "sic: wrod", "sic: Manuscript", "rdg: new", "rdg: term", "rdg: gate"]


def test_a_pointer_reads_what_it_points_at_and_links_to_it(editions):
    # ptr has no words: the text edition dropped it ("See and ."), the HTML showed "#fig1" unlinked.
    html_main, txt_main = _main(editions, "pointers.xml")
    assert txt_main.startswith(
        "See The harbour and https://example.org/x.\n\n[Photo: The harbour]\n\n"
        "Compare Part two, [1] and the second part[1].\n\n"
        "Never links: javascript:alert(1), data:text/html,x, #nowhere.\n\nBy number: 3.\n\n")
    assert html_main == ("Pointers See The harbour and https://example.org/x. Photo: The harbour "
                                "Compare Part two, [1] and the second part 1 . "
                                "Never links: javascript:alert(1), data:text/html,x, #nowhere. By number: 3. A numbered line. Part two Second part.")
    tree = editions[EDITIONS / "pointers.xml"][2]
    links = [(a.text, a.get("href")) for a in tree.iter(f"{H}a") if "tei-ptr" in (a.get("class") or "")]
    assert links == [("The harbour", "#tei:fig1"), ("https://example.org/x", "https://example.org/x"),
                     ("Part two", "#tei:s2"), ("[1]", "#note-1"), ("3", "#tei:l3")]
    assert [el.get("class") for el in tree.iter() if el.get("id") in ("tei:fig1", "tei:s2", "tei:l3")] == ["photo", "tei-l", "div"]
    assert [el.text for el in tree.iter(f"{H}span") if el.get("class") == "tei-ptr"] == [
        "javascript:alert(1)", "data:text/html,x", "#nowhere"]


def test_a_caesura_parts_the_half_lines(renderer, editions):
    # Read as nothing, it glued them ("First halfsecond half").
    html_main, txt_main = _main(editions, "verse_caesura.xml")
    assert txt_main == "First half second half\nHwæt we Gar-Dena in geardagum\n\nAn old house stood."
    assert html_main == "Caesura First half second half Hwæt we Gar-Dena in geardagum An old house stood."
    assert renderer.text(EDITIONS / "verse_caesura.xml").endswith("\n\nApparatus\nold house] rdg: inn\n")


def test_blocks_holding_what_is_not_read_are_read_all_the_same(renderer, editions):
    # A line or item holding a del or an index entry was itself taken for unread (the text edition
    # lost it), two of them made Saxon fail, and a ref holding a del lost its link.
    html_main, txt_main = _main(editions, "hidden_inside_blocks.xml")
    assert txt_main.splitlines()[:6] == ["First verse line stays", "Second line with word kept", "Third line indexed",
                                         "Fourth line whole", "", "- Item one plain"]
    assert "Item two new" in txt_main and "Fourth a line b whole" in html_main  # the HTML shows a del struck through
    page = editions[EDITIONS / "hidden_inside_blocks.xml"][2]
    assert any(a.get("href") == "#tei:fig1" and "figure" in "".join(a.itertext()) for a in page.iter(f"{H}a"))


def test_languages_and_writing_direction_reach_the_html(editions):
    # An Arabic page had no dir="rtl"; the xml:lang of a paragraph or a foreign word was dropped.
    tree = editions[EDITIONS / "rtl_languages.xml"][2]
    assert tree.getroot().attrib == {"lang": "ar", "dir": "rtl"}
    marked = [(el.tag.replace(H, ""), el.get("lang"), el.get("dir"), "".join(el.itertext()))
              for el in tree.iter() if isinstance(el.tag, str) and el.get("lang") and el is not tree.getroot()]
    # (and the words the edition prints, English on an Arabic page, are marked so: docs/editions.md, "Languages")
    nav = "ArticlesPersonsOrganisationsPlacesDatesSearchSearch"
    assert marked == [("a", "en", "ltr", "Skip to the content"), ("nav", "en", "ltr", nav), ("dl", "en", "ltr", "EditorTest Editor"),
                      ("p", "zh", "ltr", "北京是中国的首都。"), ("span", "he", None, "שלום"),
                      ("span", "az-Latn", "ltr", "salam"), ("h2", "en", "ltr", "Notes"), ("li", "en", "ltr", "1 An English note.")]
    # Pages in a left-to-right language say nothing of direction.
    assert all(el.get("dir") is None for el in editions[EDITIONS / "letter_dta.xml"][2].iter() if isinstance(el.tag, str))


def test_the_language_of_a_body_covers_all_of_it(renderer, tmp_path):
    # The lang of <body xml:lang="fr"> went to its first paragraph only; after white space, to none.
    doc = tmp_path / "body_lang.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>T</title>'
                   '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body xml:lang="fr">\n <p>Premier paragraphe.</p>\n <p>Second paragraphe.</p>\n</body></text></TEI>',
                   encoding="utf-8")
    page = parse_html(renderer.html(doc))
    body = page.find(f".//{H}div[@class='text']/{H}div[@class='tei-body']")
    assert body.get("lang") == "fr" and body.get("dir") is None
    assert [p.get("lang") for p in body.iter(f"{H}p")] == [None, None]
    assert "".join(body.itertext()).split() == ["Premier", "paragraphe.", "Second", "paragraphe."]


def test_the_page_links_to_an_element_of_the_text_by_an_id_no_other_element_has(renderer, tmp_path):
    # A pointer to <p xml:id="notes"> linked to the page's own notes section; the page then had two
    # elements with id="notes" (likewise "article", "note-1", a mention's "person-1").
    doc = tmp_path / "ids.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><p xml:id="notes">First, see <ptr target="#article"/>.<note>A note.</note></p>'
                   '<p xml:id="article">Second, back to <ref target="#notes">the first</ref>.</p>'
                   '<listPerson><person xml:id="note-1"><persName>Ada</persName></person></listPerson>'
                   '<p><persName ref="#note-1">Ada</persName> wrote it.</p></body></text></TEI>', encoding="utf-8")
    page = parse_html(renderer.html(doc))
    ids = [el.get("id") for el in page.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids)) and {"article", "notes", "note-1"} <= set(ids)
    hrefs = {"".join(a.itertext()): a.get("href") for a in page.iter(f"{H}a")}
    assert (hrefs["article"], hrefs["the first"], hrefs["Ada"]) == ("#tei:article", "#tei:notes", "#tei:note-1")
    assert [page.find(f".//*[@id='{i}']").tag.replace(H, "") for i in ("tei:notes", "tei:article", "tei:note-1")] == ["p", "p", "div"]


def test_parts_written_without_spaces_read_apart_in_every_edition_and_keep_their_text(renderer, tmp_path):
    # The HTML dropped the text between a cast item's parts (", Duke of Illyria"); the apparatus glued
    # an address's lines and the words around a <space/>, which both editions part.
    doc = tmp_path / "parts.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><castList><castItem><role>ORSINO</role>, Duke of Illyria</castItem></castList>'
                   '<p>Sent to <app><lem><address><addrLine>1 Quay</addrLine><addrLine>Hull</addrLine></address></lem>'
                   '<rdg wit="#B">Hull<space/>docks</rdg></app>.</p>'
                   # a part that is a choice reads one branch, a gap its mark (both branches were read)
                   '<p>To <address><choice><abbr>Rd</abbr><expan>Road</expan></choice><addrLine>York</addrLine><gap/></address>.</p>'
                   '</body></text></TEI>', encoding="utf-8")
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == "ORSINO, Duke of Illyria Sent to 1 Quay Hull. To Road York […]."
    assert html_text(page.find(f".//{H}section[@id='apparatus']//{H}li")) == "1 Quay Hull] rdg: Hull docks (#B)"
    text = renderer.text(doc)
    assert "\n\nORSINO, Duke of Illyria\n\nSent to 1 Quay Hull.\n\nTo Road York […].\n\n" in text
    assert "\n1 Quay Hull] rdg: Hull docks (#B)\n" in text and "\nRoad] abbr: Rd\n" in text


def test_a_caption_that_opens_with_its_label_gets_no_second_one(renderer, tmp_path):
    # "Ảnh: Hoa dã quỳ …" read "[Ảnh: Ảnh: Hoa dã quỳ …]" in the text edition, "Ảnh: Ảnh: …" in the HTML.
    doc = tmp_path / "caption.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"><teiHeader><fileDesc><titleStmt><title>T</title>'
                   '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><p>Đoạn.</p><figure><head>Ảnh: Hoa dã quỳ nở rộ</head></figure>'
                   '<figure><head>Hồ Xuân Hương</head></figure><figure><head>ẢNH : TTXVN</head></figure>'
                   '<figure><head>(Ảnh: TTXVN)</head></figure></body></text></TEI>', encoding="utf-8")
    text = renderer.text(doc)
    assert "\n[Ảnh: Hoa dã quỳ nở rộ]\n" in text and "\n[Ảnh: Hồ Xuân Hương]\n" in text
    assert "\n[ẢNH : TTXVN]\n" in text and "\n[(Ảnh: TTXVN)]\n" in text  # French spacing, in brackets: no second label
    page = parse_html(renderer.html(doc))
    assert [html_text(c) for c in page.iter(f"{H}figcaption")] == ["Ảnh: Hoa dã quỳ nở rộ", "Ảnh: Hồ Xuân Hương",
                                                                    "ẢNH : TTXVN", "(Ảnh: TTXVN)"]


def _tei(tmp_path, body, header="", name="doc.xml"):
    """A small TEI file of this body (and header parts after fileDesc)."""
    doc = tmp_path / name
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
                   '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>' + header
                   + '</teiHeader><text><body>' + body + '</body></text></TEI>', encoding="utf-8")
    return doc


@pytest.mark.parametrize("header, text_lang, language, page_lang", [
    ('<profileDesc><langUsage><language ident="deu">German</language></langUsage></profileDesc>', "", '"de"', "de"),
    ('<profileDesc><langUsage><language ident="fr-CA"/></langUsage></profileDesc>', "", '"fr-CA"', "fr-CA"),
    ("", ' xml:lang="it"', '"it"', "it"),      # the text's own, for what its xml:lang does not cover
    ("", "", "null", "en"),                      # nothing says: the front matter says nothing, the page speaks English
])
def test_a_document_without_xml_lang_is_in_the_language_its_text_or_header_declares(renderer, tmp_path, header,
                                                                                   text_lang, language, page_lang):
    # a DTA-style document named its language in langUsage only, and was published as English
    doc = _tei(tmp_path, "<p>Wie froh bin ich, daß ich weg bin!</p>", header)
    doc.write_text(doc.read_text(encoding="utf-8").replace("<text>", f"<text{text_lang}>"), encoding="utf-8")
    assert f"\nlanguage: {language}\n" in renderer.text(doc)
    assert parse_html(renderer.html(doc)).getroot().get("lang") == page_lang


def test_an_app_of_reading_groups_reads_its_lemma_and_lists_each_reading(renderer, tmp_path):
    # <app><rdgGrp><lem/><rdg/></rdgGrp></app>: the text lost the word, the apparatus said
    # "∅] rdgGrp: bravobrava" (the group read as one glued reading, no witnesses).
    doc = _tei(tmp_path, '<p>Alpha <app><rdgGrp type="substantive"><lem wit="#A #B">bravo</lem><rdg wit="#C">brava</rdg>'
               '</rdgGrp></app> charlie.</p><p>Papa <app><rdgGrp><rdg wit="#A">quebec</rdg><rdg wit="#B">kebek</rdg></rdgGrp>'
               '<rdgGrp><rdg wit="#D">kvebek</rdg></rdgGrp></app> romeo.</p>')
    entries = ["bravo] rdg: brava (#C)", "quebec] rdg: kebek (#B) · rdg: kvebek (#D)"]
    text = renderer.text(doc)
    assert "\n\nAlpha bravo charlie.\n\nPapa quebec romeo.\n\nApparatus\n" + "\n".join(entries) + "\n" in text
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == "Alpha bravo charlie. Papa quebec romeo."
    assert [li.text for li in page.findall(f".//{H}section[@id='apparatus']/{H}ol/{H}li")] == entries
    assert [el.get("title") for el in page.iter(f"{H}span") if el.get("title")] == ["rdg: brava (#C)", entries[1][8:]]


def test_a_document_without_a_text_reads_its_source_transcription_or_is_refused_in_one_line(renderer, tmp_path):
    # No <text>: the HTML edition failed with Saxon's trace (tk:lang of an empty text), the text
    # edition printed the header alone and said nothing of the lines it lost.
    from teikit.errors import RenderError

    head = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>')
    genetic = tmp_path / "genetic.xml"
    genetic.write_text(head + '<sourceDoc><surface><graphic url="p1.jpg"/><zone><line>First line of the leaf</line>'
                       '<line>and <del>struck</del><add>the second</add><note>A note.</note></line></zone>'
                       '<zone type="margin"><line>In the margin</line></zone></surface></sourceDoc></TEI>', encoding="utf-8")
    text = renderer.text(genetic)
    assert "\n\nFirst line of the leaf\nand the second[1]\n\nIn the margin\n\nNotes\n[1] A note.\n" in text
    page = parse_html(renderer.html(genetic))
    assert [html_text(el) for el in page.iter(f"{H}div") if el.get("class") == "tei-line"] == [
        "First line of the leaf", "and struckthe second 1", "In the margin"]  # (del struck through, then ins)
    assert html_text(page.find(f".//{H}section[@id='notes']")) == "Notes 1 A note."
    facsimile = tmp_path / "facsimile.xml"
    facsimile.write_text(head + '<facsimile><surface><graphic url="p1.jpg"/></surface></facsimile></TEI>', encoding="utf-8")
    nested = tmp_path / "nested.xml"
    nested.write_text(head + '<facsimile/>' + head.replace(' xmlns="http://www.tei-c.org/ns/1.0"', '')
                      + '<text><body><p>Inner text.</p></body></text></TEI></TEI>', encoding="utf-8")
    for doc, why in ((facsimile, ""), (nested, " (its text is in a nested TEI")):
        for edition in (renderer.text, renderer.html, renderer.site_record):
            with pytest.raises(RenderError) as caught:
                edition(doc)
            assert caught.value.message.startswith("no text to publish: the document has neither a text nor a sourceDoc" + why)


def test_an_empty_g_reads_the_character_its_declaration_maps_it_to(renderer, tmp_path):
    # <g ref="#hedera"/> read nothing, and glued the words around it ("wordword").
    doc = _tei(tmp_path, '<p>A word<g ref="#hedera"/>word, <g ref="#us"/>, <g ref="#bare"/>, <g ref="#nowhere"/>, '
               '<g ref="#hedera">❦</g>, <app><lem>a<g ref="#us"/></lem><rdg>b</rdg></app>.</p>',
               '<encodingDesc><charDecl><glyph xml:id="hedera"><glyphName>HEDERA</glyphName><mapping type="diplomatic">x'
               '</mapping><mapping type="standard">❦</mapping></glyph><char xml:id="us"><charName>US</charName>'
               '<mapping type="diplomatic">ꝰ</mapping></char><char xml:id="bare"><charName>BARE</charName></char>'
               '</charDecl></encodingDesc>')
    read = "A word❦word, ꝰ, \ufffd, \ufffd, ❦, aꝰ."
    text = renderer.text(doc)
    assert f"\n\n{read}\n\n" in text and text.endswith("\nApparatus\naꝰ] rdg: b\n")
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == read
    assert [el.text for el in page.iter(f"{H}span") if el.get("class") == "tei-g"] == ["❦", "ꝰ", "\ufffd", "\ufffd", "❦", "ꝰ"]


def test_a_restored_deletion_is_read_and_shown_as_restored(renderer, tmp_path):
    # <restore><del>…</del></restore>: the deletion was cancelled, yet the text edition left the words
    # out ("Eleven: c inserted .") and the HTML struck them through.
    doc = _tei(tmp_path, '<p>Eleven: <restore type="unerase"><del>restored word</del></restore> and <del>gone</del>'
               ' <app><lem>kept <restore><del>again</del></restore></lem><rdg>other</rdg></app>.</p>')
    text = renderer.text(doc)
    assert "\n\nEleven: restored word and kept again.\n\n" in text and text.endswith("\nkept again] rdg: other\n")
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == "Eleven: restored word and gone kept again."
    restored = page.find(f".//{H}span[@class='tei-restore tei-restore-unerase']/{H}span")
    assert (restored.get("class"), restored.text) == ("tei-del tei-restored", "restored word")
    assert [el.text for el in page.iter(f"{H}del")] == ["gone"]


def test_every_note_in_a_table_a_list_or_an_unread_branch_has_its_marker_and_a_gap_in_a_row_is_kept(renderer, tmp_path):
    # A note in a row, between a table's rows or a list's items, in a sic, a del, a rdg or fw, or a
    # child of an app, was listed with no marker in the text (the HTML's list one a sup directly in
    # the ul); a gap or pb in a table was dropped. Each now goes with the cell or item before it, and a
    # note of what is not read leaves its marker where that stands.
    doc = _tei(tmp_path, '<table><row><cell>R1C1</cell><cell>R1C2</cell><note>In a row.</note></row><pb n="12"/>'
               '<row><cell>R2C1</cell><gap reason="illegible"/><cell>R2C2</cell></row><note>After the rows.</note></table>'
               '<list><item>Item one</item><note>Between items.</note><item>Item two</item></list>'
               '<p>A <choice><sic>wrod<note>In a sic.</note></sic><corr>word</corr></choice>, <del>gone<note>In a del.</note></del>,'
               ' <app><lem>lemma</lem><rdg>reading<note>In a rdg.</note></rdg><note>On the variant.</note></app>'
               ' <fw>12<note>In fw.</note></fw>.</p>')
    text = renderer.text(doc)
    assert ("\n\nR1C1 | R1C2[1]\nR2C1[…] | R2C2[2]\n\n- Item one[3]\n- Item two\n\n"
            "A word[4], [5], lemma[6][7] [8].\n\nNotes\n[1] In a row.\n") in text
    page = parse_html(renderer.html(doc))
    cells = page.findall(f".//{H}table/{H}tbody/{H}tr/{H}td")
    assert [html_text(td) for td in cells] == ["R1C1", "R1C2 1", "R2C1[…]", "R2C2 2"]
    assert cells[1].find(f"{H}span[@class='tei-pb']").get("data-n") == "12"
    ul = page.find(f".//{H}div[@class='text']//{H}ul")
    assert [child.tag for child in ul] == [f"{H}li", f"{H}li"] and html_text(ul) == "Item one 3 Item two"
    markers = [sup.find(f"{H}a").get("href") for sup in page.find(f".//{H}div[@class='text']").iter(f"{H}sup")]
    assert markers == [f"#note-{n}" for n in range(1, 9)]


def test_parts_written_one_against_the_other_are_read_a_space_apart(renderer, tmp_path):
    # cit's quote and bibl, a bibl's author, title and date, a name's forename and surname, a date's
    # parts, ruby were glued ("QUOTEBIBL", "AUTHTITLE1900", "FORESUR", "3May1901"), in the text, the
    # HTML and the header's lines and YAML; a note in the main title was read into the title.
    doc = tmp_path / "abut.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Main <hi>Title</hi>'
        '<note>A title note.</note></title><author><persName><surname>Schiller</surname><forename>Friedrich</forename>'
        '</persName></author><editor><persName><forename>Ann</forename><surname>Editor</surname></persName></editor>'
        '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
        '<text><body><p><cit><quote>To be</quote><bibl>Hamlet</bibl></cit>; <bibl><author>Auth</author><title>Book</title>'
        '<date>1900</date></bibl>; <bibl>(<date>1901</date>)</bibl>; <persName><forename>Fore</forename><surname>Sur</surname>'
        '</persName>; <date><day>3</day><month>May</month><year>1901</year></date>; <ruby><rb>漢字</rb><rt>かんじ</rt></ruby>;'
        ' <app><lem><persName><forename>A</forename><surname>B</surname></persName></lem><rdg>C</rdg></app>.</p>'
        '</body></text></TEI>', encoding="utf-8")
    read = "To be Hamlet; Auth Book 1900; (1901); Fore Sur; 3 May 1901; 漢字 かんじ; A B."
    text = renderer.text(doc)
    assert 'title: "Main Title"\nauthor: ["Schiller Friedrich"]\n' in text
    assert "\n\nMain Title\nAuthor: Schiller Friedrich\nEditor: Ann Editor\n\n" + read + "\n\n" in text
    assert text.endswith("\nApparatus\nA B] rdg: C\n")
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == read
    assert (page.find(f".//{H}title").text, html_text(page.find(f".//{H}h1"))) == ("Main Title", "Main Title")
    assert (page.find(f".//{H}dd[@class='author']").text, page.find(f".//{H}dd[@class='editor']").text) == (
        "Schiller Friedrich", "Ann Editor")


def test_tokens_written_one_against_the_other_are_read_a_space_apart_but_where_they_join(renderer, tmp_path):
    # <w>Der</w><w>Hund</w><w>bellt</w><pc>.</pc> read "DerHundbellt." in the text edition, the page
    # (and so the search) and the site's contexts. A space now parts two tokens with nothing between
    # them, but where @join joins them, before closing punctuation and after opening punctuation; white
    # space that stands between them, a break, a note's mark are as before (docs/editions.md, "Tokens").
    doc = _tei(tmp_path, '<p><s><w>Der</w><w>Hund</w><w>bellt</w><pc>.</pc></s><s><w>Die</w><persName ref="https://d-nb.info'
               '/gnd/118540238"><w>Katze</w></persName><w>schläft</w><pc>,</pc><w>oder</w><pc>?</pc></s></p>'
               '<p><w join="right">l\'</w><w>homme</w><w>New</w><pc join="both">-</pc><w>York</w><pc>(</pc><w>Klammer</w>'
               '<pc>)</pc><pc>„</pc><w>Ja</w><pc join="left">“</pc><pc pre="true">—</pc><w>so</w><w>x</w><pc>-</pc><w>y</w>'
               '<pc join="no">.</pc></p>'
               '<p><w>schon</w> <w>getrennt</w><w>zu</w><lb break="no"/><w>sammen</w><w>vor</w><lb/><w>nach</w><w>Wort</w>'
               '<note>Eine Notiz.</note><w>lies</w><choice><sic><w>teh</w></sic><corr><w>the</w></corr></choice>'
               '<w>weg</w><del><w>nicht</w></del><w>da</w></p>')
    read = ["Der Hund bellt. Die Katze schläft, oder?", "l'homme New-York (Klammer) „Ja“ —so x - y .",
            "schon getrennt zusammen vor nach Wort[1] lies the weg da"]
    text = renderer.text(doc)
    assert "\n\n" + "\n\n".join(read) + "\n\nNotes\n[1] Eine Notiz.\n\nApparatus\nthe] sic: teh\n" in text
    page = parse_html(renderer.html(doc))
    paragraphs = page.findall(f".//{H}div[@class='text']/{H}p")
    assert [html_text(p) for p in paragraphs] == [*read[:2], "schon getrennt zusammen vor nach Wort 1 lies the weg nicht da"]
    assert not [p for p in paragraphs if "  " in "".join(p.itertext())]  # (the del is shown, struck through)
    link = page.find(f".//{H}a[@class='ent ent-person']")
    assert (link.text, link.getprevious().tail, link.tail) == (None, " ", " ")  # the space outside the link
    mention = etree.fromstring(renderer.site_record(doc)).find("m")
    assert (mention.get("before"), mention.get("text"), mention.get("after")) == ("Der Hund bellt. Die ", "Katze", " schläft, oder?")


def test_an_epigraphs_quotation_and_its_source_are_read_apart(renderer, tmp_path):
    # <epigraph><quote>Call me Ishmael.</quote><bibl>Melville</bibl></epigraph> read "Call me Ishmael.Melville".
    doc = _tei(tmp_path, '<div><epigraph><quote>Call me Ishmael.</quote><bibl>Melville</bibl></epigraph>'
               '<epigraph><cit><quote>To be</quote><bibl>Hamlet</bibl></cit></epigraph><p>Text.</p></div>')
    assert renderer.text(doc).endswith("\n\nCall me Ishmael. Melville\n\nTo be Hamlet\n\nText.\n")
    page = parse_html(renderer.html(doc))
    assert [html_text(e) for e in page.iter(f"{H}div") if e.get("class") == "tei-epigraph"] == [
        "Call me Ishmael. Melville", "To be Hamlet"]


def test_a_dictionarys_entries_are_blocks_and_their_parts_read_apart(renderer, tmp_path):
    # <entry><form><orth>chat</orth><pron>ʃa</pron></form><gramGrp><pos>n</pos><gen>m</gen></gramGrp><sense>…
    # read "chatʃanmPetit mammifère.Le chat dort.renardAnimal rusé.": every part of an entry, and the
    # entries themselves, glued, in both editions. Each entry is a block now, its parts a space apart.
    doc = _tei(tmp_path, '<entry><form type="lemma"><orth>chat</orth><pron>ʃa</pron></form><gramGrp><pos>n</pos><gen>m</gen>'
               '</gramGrp><sense n="1"><def>Petit mammifère.</def><cit type="example"><quote>Le chat dort.</quote></cit>'
               '<cit type="translation" xml:lang="en"><quote>cat</quote></cit></sense><sense n="2"><usg type="reg">fam.</usg>'
               '<def>Personne rusée.</def><sense n="2a"><def>Un malin.</def></sense><xr type="syn"><lbl>Syn.</lbl>'
               '<ref target="#renard">renard</ref></xr></sense><etym><lang>lat.</lang><mentioned>cattus</mentioned></etym></entry>'
               '<entry xml:id="renard"><form><orth>renard</orth></form><sense><def>Animal rusé de <placeName'
               ' ref="https://www.geonames.org/2988507">Paris</placeName>.</def></sense></entry>'
               '<superEntry><entry><form><orth>livre</orth></form><gramGrp><gen>m</gen></gramGrp><sense><def>ouvrage</def>'
               '</sense></entry><entry><form><orth>livre</orth></form><gramGrp><gen>f</gen></gramGrp><sense><def>unité de'
               ' poids</def></sense></entry></superEntry><entryFree><orth>bon</orth>, <pos>adj.</pos><def>Qui a de la bonté.'
               '</def></entryFree>')
    read = ["chat ʃa n m Petit mammifère. Le chat dort. cat fam. Personne rusée. Un malin. Syn. renard lat. cattus",
            "renard Animal rusé de Paris.", "livre m ouvrage", "livre f unité de poids", "bon, adj. Qui a de la bonté."]
    assert renderer.text(doc).endswith("\n\n" + "\n\n".join(read) + "\n")
    page = parse_html(renderer.html(doc))
    entries = [e for e in page.iter(f"{H}div") if e.get("class") in ("tei-entry", "tei-entryFree")]
    assert [html_text(e) for e in entries] == read
    assert [html_text(e) for e in page.iter(f"{H}div") if e.get("class") == "tei-superEntry"] == [" ".join(read[2:4])]
    mention = etree.fromstring(renderer.site_record(doc)).find("m")
    assert (mention.get("before"), mention.get("text"), mention.get("after")) == ("renard Animal rusé de ", "Paris", ".")


def _meta(page):
    """The page's metadata list as (label, value) pairs."""
    dl = page.find(f".//{H}dl[@class='meta']")
    return [(dt.text, html_text(dd)) for dt, dd in zip(dl.findall(f"{H}dt"), dl.findall(f"{H}dd"))]


@pytest.mark.parametrize("statement, rows, licence", [
    # A publisher and no availability: a publisher, no licence (the page said "Licence: Example University Press").
    ("<publisher>Example University Press</publisher><pubPlace>Oxford</pubPlace><date when='2020'>2020</date>",
     [("Publisher", "Example University Press")], "null"),
    ("<publisher><orgName>CLARIN ERIC</orgName></publisher><date when='2021-06-01'>2021-06-01</date>",
     [("Publisher", "CLARIN ERIC")], "null"),
    # Terms stated in prose: the availability's p is the licence.
    ("<publisher>P</publisher><availability><p>Public domain.</p></availability>",
     [("Publisher", "P"), ("Licence", "Public domain.")], '"Public domain."'),
    # A licence and a publisher: each in its own row, the licence the availability's.
    ("<publisher>P</publisher><availability status='free'><licence target='https://creativecommons.org/licenses/by/4.0/'>"
     "CC BY 4.0</licence><p>Some words.</p></availability>",
     [("Publisher", "P"), ("Licence", "CC BY 4.0")], '"CC BY 4.0"'),
    ("<p>Unpublished.</p>", [], "null"),
])
def test_the_licence_is_the_availabilitys_and_the_publisher_is_labelled_publisher(renderer, tmp_path, statement, rows,
                                                                                    licence):
    doc = _tei(tmp_path, "<p>Some text.</p>")
    doc.write_text(doc.read_text(encoding="utf-8").replace("<publicationStmt><p/></publicationStmt>",
                                                           f"<publicationStmt>{statement}</publicationStmt>"), encoding="utf-8")
    assert [row for row in _meta(parse_html(renderer.html(doc))) if row[0] != "TEI file"] == rows
    assert f"\nlicence: {licence}\n" in renderer.text(doc)


def test_verse_lines_outside_a_stanza_are_one_a_line_as_in_a_stanza(renderer, tmp_path):
    # Lines in a quote without lg were blocks of their own, a blank line between each two.
    doc = _tei(tmp_path, "<p>Prose before.</p><lg><l>The boy stood on the burning deck,</l><l>Whence all but him had fled;</l></lg>"
               "<quote>\n<l>Line one in quote,</l>\n<l>Line two in quote.</l>\n</quote><sp><speaker>A</speaker><l>One,</l><l>two.</l></sp>"
               "<quote><l>Lone line.</l><p>A paragraph.</p><l>Another.</l></quote><p>Prose after.</p>")
    text = renderer.text(doc).split("\n---\n\n", 1)[1]
    assert text == ("T\n\nProse before.\n\nThe boy stood on the burning deck,\nWhence all but him had fled;\n\n"
                    "Line one in quote,\nLine two in quote.\n\nA\n\nOne,\ntwo.\n\n"
                    # not a run: lines a paragraph parts stay blocks apart
                    "Lone line.\n\nA paragraph.\n\nAnother.\n\nProse after.\n")
    page = parse_html(renderer.html(doc))
    quote = page.find(f".//{H}blockquote")
    assert [html_text(l) for l in quote.findall(f"{H}div[@class='tei-l']")] == ["Line one in quote,", "Line two in quote."]


def test_a_line_end_hyphen_joins_the_word_and_goes(editions):
    # "Men¬<lb/>ſchen" read "Men¬ ſchen", "Verbin-<lb break="no"/>dungen" kept its hyphen.
    html_main, txt_main = _main(editions, "hyphenation_dta.xml")
    for shown in (html_main, txt_main):
        # the DTA's ¬ before any break: the word goes on, the ¬ goes (white space and a page break between too)
        assert "das Herz des Menſchen, von dem ich unzertrennlich war, und die Geſellſchaft?" in shown
        # a hyphen before a break with @break="no": - and ‐ go as ¬ does
        assert "Nicht meine übrigen Verbindungen, noch die Abreiſe, noch ein Wortende." in shown
        assert "Ein Erzbischof blieb." in shown
        # Not without @break="no": a "-" there may be a compound's ("Baden-Württemberg"), kept, the break a space;
        # nor a ¬ that ends no line.
        assert "Von Baden- Württemberg bis Nord- rhein, und a ¬ b im Satz; Schluss¬" in shown
    tree = editions[EDITIONS / "hyphenation_dta.xml"][2]
    first = tree.find(f".//{H}div[@class='text']//{H}p")
    assert first.find(f"{H}br") is None and "¬" not in html_text(first)


def test_each_utterance_is_a_block_headed_by_who_speaks(editions):
    # ParlaMint: every u of a div was one paragraph, each speaker note a footnote ("[1] I beg to move the motion.").
    html_main, txt_main = _main(editions, "speech_parlamint.xml")
    _, _, tree, _, txt_notes = editions[EDITIONS / "speech_parlamint.xml"]
    assert ("\n\nMarta Rowe\nI beg to move that the Bill be read a second time. It is overdue.\n\n"  # @who, from listPerson
            "Mr Tunde Okafor (Eastport) (Ind):\nI oppose it. [Interruption] Strongly.\n\n"           # the speaker note before it
            "[Applause]\n\n"
            "Order, order. [The Member withdrew]\n\n") in txt_main  # a @who the document does not list: no speaker, no id
    utterances = tree.findall(f".//{H}div[@class='tei-u']")
    assert [[html_text(p) for p in u.findall(f"{H}p")] for u in utterances] == [
        ["Marta Rowe", "I beg to move that the Bill be read a second time. It is overdue."],
        ["Mr Tunde Okafor (Eastport) (Ind):", "I oppose it. [Interruption] Strongly."],
        ["Order, order. [The Member withdrew]"],
        ["The question is that the Bill be read a second time. […] [Laughter]"]]
    assert [p.get("class") for p in utterances[0].findall(f"{H}p")] == ["tei-speaker", None]
    assert "I oppose it. [Interruption] Strongly." in html_main
    # A speaker note is no footnote; another note still is.
    assert txt_notes.strip() == "[1] 14:02:00"
    assert [html_text(li) for li in tree.findall(f".//{H}ol[@class='footnotes']/{H}li")] == ["1 14:02:00"]
    assert "Okafor (Eastport)" not in txt_notes
    # A speaker note before no utterance is read where it stands; a gap's desc is its description.
    assert "\n\nThe Speaker: [procedural text omitted]\n\n" in txt_main
    assert "The Speaker: [procedural text omitted]" in html_main


def test_an_event_of_a_speech_is_read_as_the_editors_description_never_glued_to_the_words(renderer, tmp_path):
    doc = _tei(tmp_path, "<p>Before<vocal><desc>coughs</desc></vocal>after, <kinesic/>then<incident><desc>a bell</desc>"
               "</incident>end; a lost let<gap/>er, one <gap reason='illegible'><desc>illegible</desc></gap>word.</p>")
    text = renderer.text(doc).split("\n---\n\n", 1)[1]
    assert "\n\nBefore [coughs] after, then [a bell] end; a lost let[…]er, one [illegible]word.\n" in text
    page = parse_html(renderer.html(doc))
    assert html_text(page.find(f".//{H}div[@class='text']")) == "Before [coughs] after, then [a bell] end; a lost let[…]er, one [illegible]word."
    assert page.find(f".//{H}span[@class='tei-vocal']/{H}span[@class='tei-desc']").text == "[coughs]"
