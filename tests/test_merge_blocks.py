"""`--merge` reads the text's blocks as encode writes them (docs/editing.md, "What `--merge` does").

Every block encode writes (a section's head and paragraphs, a caption, a list's items, a
quotation, a table's caption and cells, the byline and the credit) is one block of the text,
in the order of the article's blocks: teitext.blocks_in is the one definition, which merge's
textindex.blocks and the NER readers share. So a web page with sub-headings, lists, quotes
and tables merges like a flat one, and when a merge cannot be done the error names the first
block that differs and where it stands. A record written before (version 1) placed markup past
the top-level blocks wrongly: for such a file the merge is one without a record, and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit import names as N
from teikit import teitext
from teikit.cli import app
from teikit.editing.merge import check_text, merge
from teikit.editing.textindex import block_place, blocks, text_of
from teikit.encode import encode
from teikit.errors import EditingError
from teikit.model import (BLOCK_KINDS, BYLINE, CAPTION, CAPTION_ROW, CELL, CREDIT, HEAD, ITEM, LEAD, PARAGRAPH, QUOTE,
                          SUBHEAD, Article, Cell, join_blocks)

DATA = Path(__file__).resolve().parent / "data" / "editing"
EVERY = DATA / "every_block.html"
FLAT = DATA / "flat.html"
runner = CliRunner()

# One article of every block kind, a table with a caption, label cells and an empty cell.
KINDS = [(HEAD, "Harbour plan approved"), (LEAD, "The council voted on Monday."),
         (PARAGRAPH, "Fishermen welcomed the vote."), (CAPTION, "The old harbour wall."),
         (SUBHEAD, "Reactions"), (PARAGRAPH, "The mayor spoke."), (ITEM, "a breakwater,"), (ITEM, "a market."),
         (QUOTE, "We waited forty years."), (CELL, "Costs by stage", Cell(0, CAPTION_ROW, 0)),
         (CELL, "Stage", Cell(0, 0, 0, True, True)), (CELL, "Cost", Cell(0, 0, 1, True, True)),
         (CELL, "Dredging", Cell(0, 1, 0)),  # its row's second cell is empty: a padding cell, no block
         (BYLINE, "By Ann Lowe"), (CREDIT, "Source: Harbour News")]
PLACES = ["head", "p", "p", "figure/head", "div[@type='section']/head", "div[@type='section']/p",
          "div[@type='section']/list/item", "div[@type='section']/list/item", "div[@type='section']/quote",
          "div[@type='section']/table/head", "div[@type='section']/table/row/cell",
          "div[@type='section']/table/row/cell", "div[@type='section']/table/row/cell", "byline", "trailer"]


def article_of_every_kind() -> Article:
    return Article(name="every.html", stem="every", sha256="0" * 64, title=KINDS[0][1], date=None, date_text=None,
                   author="Ann Lowe", blocks=join_blocks(KINDS))


def convert(source: Path, out: Path, *flags: str):
    return runner.invoke(app, ["convert", str(source), "-o", str(out), *flags])


def edit(path: Path, *changes) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("warning:") and "not recognised" not in line]


@pytest.fixture
def converted(tmp_path) -> Path:
    out = tmp_path / "tei"
    result = convert(EVERY, out)
    assert result.exit_code == 0, result.output
    return out / "every_block.xml"


# --- one definition of the text's blocks ------------------------------------------

def test_the_article_covers_every_block_kind():
    assert {kind for kind, *_ in KINDS} == set(BLOCK_KINDS), "a new block kind: add it to KINDS (and to PLACES)"


def test_every_block_encode_writes_reads_back_as_the_articles_block_in_order():
    article = article_of_every_kind()
    tree = encode(article, [])
    elements = blocks(tree)
    assert [text_of(e) for e in elements] == [b.text for b in article.blocks]
    assert [block_place(e) for e in elements] == PLACES
    assert teitext.reading_text(tree.getroot()) == article.text  # what the NER readers read: the same blocks
    check_text(tree, article, "every.xml")  # nothing differs


def test_a_tree_of_every_block_kind_merges_around_an_editors_element_in_a_section():
    article = article_of_every_kind()
    fresh = encode(article, [])
    edited = encode(article, [])
    (item,) = [e for e in blocks(edited) if text_of(e) == "a market."]
    item.text = "a "
    etree.SubElement(item, N.PLACE_NAME, resp="#editor").text = "market"
    item[0].tail = "."
    merged, summary = merge(edited, fresh, article, None)
    assert summary.kept == 1
    assert [text_of(e) for e in blocks(merged)] == [b.text for b in article.blocks]
    (kept,) = merged.getroot().iterfind(f".//{N.TEXT}//{N.PLACE_NAME}")
    assert kept.get("resp") == "#editor" and kept.getparent().tag == N.ITEM


# --- convert --merge on a web page with sections, a list, a quote and a table -----

def test_merge_keeps_the_editors_markup_in_sections_lists_quotes_and_tables(converted):
    edit(converted,
         ('the mayor <persName ref="#pers-robert-chen" resp="#ner-capitals" cert="0.85">Robert Chen</persName>',
          'the mayor <persName ref="#pers-robert-chen" resp="#editor">Robert Chen</persName>'),  # confirmed
         ("beside the ferry terminal.", 'beside the <placeName resp="#editor">ferry terminal</placeName>.'),  # added
         ('paid by the <orgName ref="#org-marine-works-agency" resp="#ner-capitals" cert="0.80">Marine Works '
          'Agency</orgName>', "paid by the Marine Works Agency"),  # removed, in a cell
         ("<quote>This harbour", "<quote><!-- checked with the council -->This harbour"))
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 0, result.output
    assert errors(result) == [] and warnings(result) == []
    assert "1 of 1 converted into" in result.stderr and "(1 merged with its edits)" in result.stderr
    root = etree.parse(str(converted)).getroot()
    (chen,) = root.iterfind(f".//{N.TEXT}//{N.PERS_NAME}")
    assert chen.get("resp") == "#editor" and chen.getparent().getparent().get("type") == "section"
    (terminal,) = root.iterfind(f".//{N.TEXT}//{N.PLACE_NAME}[@resp='#editor']")
    assert terminal.text == "ferry terminal" and terminal.get("ref")  # tidied: it points to a register entry
    agency = [e.getparent().tag for e in root.iterfind(f".//{N.TEXT}//{N.ORG_NAME}")]
    assert agency == [N.ITEM]  # recognised again in the list, not in the cell the editor unwrapped
    assert "checked with the council" in converted.read_text(encoding="utf-8")
    change = root.findall(f".//{N.REVISION_DESC}/{N.CHANGE}")[-1]
    assert change.text.startswith("Merged with a new recognition of every_block.html")
    assert "kept 2 elements of the editor's" in change.text and "1 left unmarked" in change.text
    once = converted.read_bytes()
    again = convert(EVERY, converted.parent, "--merge")
    assert again.exit_code == 0 and converted.read_bytes() == once  # merging again changes nothing


def test_merge_refuses_a_changed_word_in_a_section_naming_the_block_and_where_it_stands(converted):
    edit(converted, ("Fishermen said", "Fishers said"))
    before = converted.read_bytes()
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 1
    assert errors(result) == [
        f"error: {converted}: the text of block 5 (div[@type='section']/p) differs from every_block.html at character 7 "
        "('s said the plan woul' vs 'men said the plan wo'); merge keeps the words and changes only the markup, "
        "so the file is kept as it is: to keep its edits, correct every_block.html the same way and merge again "
        "(--overwrite replaces the file, its edits gone)"]
    assert converted.read_bytes() == before


def test_merge_refuses_a_removed_list_item_naming_the_first_block_that_differs(converted):
    edit(converted, ("<item>a new breakwater on the north side of the bay,</item>\n", ""))
    before = converted.read_bytes()
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert line.startswith(f"error: {converted}: the text of block 9 (div[@type='section']/list/item) differs from "
                           "every_block.html at character 1 ('dredging of the inne' vs 'a new breakwater on ')")
    assert "(the file has 20 text blocks, every_block.html 21)" in line
    assert converted.read_bytes() == before


def test_merge_refuses_a_file_missing_the_last_block_or_holding_one_more(converted):
    text = converted.read_text(encoding="utf-8")
    last = "<p>Work is to begin in the spring, the council said.</p>\n"
    edit(converted, (last, ""))
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 1
    assert errors(result) == [
        f"error: {converted}: has 20 text blocks where every_block.html has 21: block 21 of every_block.html "
        "('Work is to begin in ') is not in the file; merge keeps the words and changes only the markup, so the "
        "file is kept as it is: to keep its edits, correct every_block.html the same way and merge again "
        "(--overwrite replaces the file, its edits gone)"]
    converted.write_text(text.replace(last, last + "<p>A line of my own.</p>\n"), encoding="utf-8")
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert "has 22 text blocks where every_block.html has 21: block 22 (div[@type='section']/p: 'A line of my own.') " \
           "is not in every_block.html" in line
    assert "A line of my own." in converted.read_text(encoding="utf-8")  # kept as it is


# --- records written before blocks were read this way (version 1) ------------------

def _as_version_1(target: Path) -> None:
    record = target.parent / ".teikit" / f"{target.stem}.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["version"] == 2
    data["version"] = 1
    record.write_text(json.dumps(data), encoding="utf-8")


def test_a_version_1_record_of_a_file_with_sections_is_not_trusted_and_the_merge_says_so(converted):
    edit(converted, ("beside the ferry terminal.", 'beside the <placeName resp="#editor">ferry terminal</placeName>.'))
    _as_version_1(converted)
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 0, result.output
    assert warnings(result) == [f"warning: {converted}: merged without a record of what teikit wrote, so names removed "
                                "by hand may be marked again"]
    root = etree.parse(str(converted)).getroot()
    assert [e.text for e in root.iterfind(f".//{N.TEXT}//{N.PLACE_NAME}[@resp='#editor']")] == ["ferry terminal"]
    record = json.loads((converted.parent / ".teikit" / "every_block.json").read_text(encoding="utf-8"))
    assert record["version"] == 2 and record["edited"] is True  # the next merge has a record again


def test_a_version_1_record_of_a_flat_file_still_holds_its_removals(tmp_path):
    out = tmp_path / "tei"
    assert convert(FLAT, out).exit_code == 0
    target = out / "flat.xml"
    edit(target, ('<persName ref="#pers-robert-chen" resp="#ner-capitals" cert="0.85">Robert Chen</persName>',
                  "Robert Chen"))
    _as_version_1(target)
    result = convert(FLAT, out, "--merge")
    assert result.exit_code == 0, result.output
    assert warnings(result) == []
    root = etree.parse(str(target)).getroot()
    assert list(root.iterfind(f".//{N.TEXT}//{N.PERS_NAME}")) == []  # the editor's removal holds


def test_a_version_1_record_not_trusted_still_keeps_the_names_the_editor_removed_before(converted):
    # its places are not known, but the removals it holds are the editor's: by their text, they hold
    name = '<persName ref="#pers-robert-chen" resp="#ner-capitals" cert="0.85">Robert Chen</persName>'
    edit(converted, (name, "Robert Chen"))
    assert convert(EVERY, converted.parent, "--merge").exit_code == 0  # the removal is on record
    record = json.loads((converted.parent / ".teikit" / "every_block.json").read_text(encoding="utf-8"))
    assert [r[2:] for r in record["removed"]] == [["persName", "Robert Chen"]]
    _as_version_1(converted)  # a record of before, and an edit since, so that the file is merged again
    edit(converted, ("beside the ferry terminal.", 'beside the <placeName resp="#editor">ferry terminal</placeName>.'))
    result = convert(EVERY, converted.parent, "--merge")
    assert result.exit_code == 0, result.output
    assert "(1 merged with its edits)" in result.stderr
    root = etree.parse(str(converted)).getroot()
    assert list(root.iterfind(f".//{N.TEXT}//{N.PERS_NAME}[@resp='#ner-capitals']")) == []  # not marked again
    record = json.loads((converted.parent / ".teikit" / "every_block.json").read_text(encoding="utf-8"))
    assert [r[2:] for r in record["removed"]] == [["persName", "Robert Chen"]]  # nor forgotten


def test_a_record_in_a_newer_format_is_none(converted):
    """A record teikit cannot read counts as none: the file is judged by its bytes alone (kept)."""
    record = converted.parent / ".teikit" / "every_block.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["version"] = 3
    record.write_text(json.dumps(data), encoding="utf-8")
    edit(converted, ("Fishermen said", "Fishermen said"))  # unchanged bytes: still teikit's own
    from teikit.editing.record import load
    assert load(converted) is None


def test_check_text_raises_an_editing_error_naming_the_file():
    article = article_of_every_kind()
    tree = encode(article, [])
    (quote,) = tree.getroot().iter(N.QUOTE)
    quote.text = "We waited fifty years."
    with pytest.raises(EditingError) as caught:
        check_text(tree, article, "every.xml")
    assert caught.value.path == "every.xml"
    assert "block 9 (div[@type='section']/quote)" in str(caught.value)
