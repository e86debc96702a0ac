"""Hand edits survive every re-run (docs/editing.md).

The edits are made the way docs/editing.md tells an editor to: declare
yourself in a respStmt, confirm a name (resp="#editor"), retype an element,
unwrap a wrong organisation, wrap a missed name without @ref, add a comment.
Then convert, convert --merge, convert --overwrite, build and tidy run on the
edited file: every edit is still there (but with --overwrite), removals are
honoured, the result validates (teikit's schema and tei_all), and each
outcome is said in exactly one line.
"""

from __future__ import annotations

import re

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit import names as N
from teikit.cli import app
from teikit.validate import iter_errors

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_03d31ed0a32cd011.txt"
COMMITTED = ROOT / "tei" / "000_03d31ed0a32cd011.xml"
NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
runner = CliRunner()

EDITOR = """          <name ref="#app-ner-rules">rules and gazetteers</name>
        </respStmt>
        <respStmt xml:id="editor">
          <resp>checked the entity markup</resp>
          <name>Lan Nguyễn</name>
        </respStmt>"""
# The persName holds the roles that qualify the person (docs/encoding.md): the editor confirms
# the name; the machine's roleNames inside it stay the machine's.
CONFIRM = ('<persName ref="#pers-tran62-dai95-quang" resp="#ner-rules" cert="0.90"><roleName type="rank"',
           '<persName ref="#pers-tran62-dai95-quang" resp="#editor"><roleName type="rank"')
CONFIRMED = "Đại tướng Trần Đại Quang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an"
RETYPE = ('<orgName ref="#org-ban-bi1-thu7" resp="#ner-rules" cert="0.90">Ban Bí thư</orgName>',
          '<persName ref="#org-ban-bi1-thu7" resp="#editor">Ban Bí thư</persName>')
UNWRAP = ('<orgName ref="#org-dang93-uy3-cong6-an-trung-uong77" resp="#ner-rules" cert="0.80">Đảng ủy Công an Trung ương</orgName>',
          "Đảng ủy Công an Trung ương")
ADD = ('<orgName ref="#org-bo65-cong6-an" resp="#ner-rules" cert="0.90">Bộ Công an</orgName> và Ban Thường trực',
       '<orgName ref="#org-bo65-cong6-an" resp="#ner-rules" cert="0.90">Bộ Công an</orgName> và <orgName resp="#editor">Ban Thường trực</orgName>')
COMMENT = ("<p>Dự buổi làm việc", "<p><!-- checked against the print edition -->Dự buổi làm việc")
DESCRIBED = "3 elements marked by hand, 3 of teikit's elements unwrapped or changed, 1 comment"


def edit(path: Path, *changes) -> None:
    """Edit a TEI file as text, the way an editor does (each change must apply exactly once)."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def edit_all(path: Path) -> None:
    edit(path, ('          <name ref="#app-ner-rules">rules and gazetteers</name>\n        </respStmt>', EDITOR), CONFIRM, RETYPE, UNWRAP, ADD,
         COMMENT)


def convert(out: Path, *flags: str, source: Path = SEED):
    return runner.invoke(app, ["convert", str(source), "-o", str(out), *flags])


def lines(result) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture
def edited(tmp_path) -> Path:
    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    target = out / COMMITTED.name
    edit_all(target)
    return target


def names(tree, tag: str) -> list[tuple[str, dict]]:
    return [(" ".join("".join(e.itertext()).split()), dict(e.attrib))
            for e in tree.iterfind(f".//t:text//t:{tag}", NS)]


def assert_edits_kept(path: Path) -> etree._ElementTree:
    tree = etree.parse(str(path))
    persons = names(tree, "persName")
    assert (CONFIRMED, {"ref": "#pers-tran62-dai95-quang", "resp": "#editor"}) in persons         # confirmed
    assert any(text == "Ban Bí thư" and a.get("resp") == "#editor" for text, a in persons)         # retyped
    assert not any(text == "Ban Bí thư" for text, _ in names(tree, "orgName"))
    assert not any(text == "Đảng ủy Công an Trung ương" for text, _ in names(tree, "orgName"))     # unwrapped
    assert any(text == "Ban Thường trực" and a.get("resp") == "#editor" for text, a in names(tree, "orgName"))  # added
    assert " checked against the print edition " in [c.text for c in tree.iter(etree.Comment)]     # comment
    assert tree.find(".//t:titleStmt/t:respStmt[@xml:id='editor']/t:name", NS).text == "Lan Nguyễn"
    return tree


def assert_valid(path: Path, assert_tei_all_valid) -> None:
    assert [str(i) for i in iter_errors(path)] == []
    assert_tei_all_valid(path)


# --- convert: keep, merge, overwrite ------------------------------------------------

def test_the_committed_seed_tei_comes_with_its_record():
    """tei/ is made by `teikit build`, which writes tei/.teikit/ too: commit both, or the next
    build takes the TEI for an edited file and keeps it."""
    from teikit.editing.record import load, sha256

    record = load(COMMITTED)
    assert record is not None, "tei/.teikit/ is missing: run `teikit build` and commit tei/.teikit/ with tei/"
    assert record.sha256 == sha256(COMMITTED.read_bytes()) and not record.edited, \
        "tei/.teikit/ does not record the committed TEI: run `teikit build` and commit tei/.teikit/ with tei/"


def test_an_unedited_file_is_replaced_silently_and_stays_byte_identical(tmp_path):
    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    result = convert(out)
    assert result.exit_code == 0
    assert lines(result) == [f"0 of 1 converted into {out}, 1 unchanged"]  # the build record: nothing changed
    result = convert(out, "--force")
    assert result.exit_code == 0
    assert lines(result) == [f"1 of 1 converted into {out}"]
    assert (out / COMMITTED.name).read_bytes() == COMMITTED.read_bytes()


def test_convert_keeps_an_edited_file_and_says_so_in_one_line(edited):
    before = edited.read_bytes()
    result = convert(edited.parent)
    assert result.exit_code == 0
    assert lines(result) == [
        f"warning: {edited}: edited since teikit wrote it ({DESCRIBED}); kept as it is "
        "(--merge re-recognises around the edits, --overwrite replaces them)",
        f"0 of 1 converted into {edited.parent}, 1 edited file kept as it was",
    ]
    assert edited.read_bytes() == before


def test_a_merge_again_with_nothing_changed_says_the_file_unchanged_not_merged(edited):
    assert convert(edited.parent, "--merge").exit_code == 0
    merged = edited.read_bytes()
    result = convert(edited.parent, "--merge")
    assert result.exit_code == 0, result.output
    assert lines(result)[-1] == f"0 of 1 converted into {edited.parent}, 1 unchanged"
    assert edited.read_bytes() == merged


def test_the_text_an_editor_changed_is_said_and_a_changed_source_is_not_taken_for_it(tmp_path):
    out, source = tmp_path / "tei", tmp_path / "src" / SEED.name
    source.parent.mkdir()
    source.write_bytes(SEED.read_bytes())
    assert convert(out, source=source).exit_code == 0
    target = out / f"{source.stem}.xml"
    edit(target, ("Dự buổi làm việc có", "Dự buổi làm việc, có"))  # the editor's own change of the text
    assert f"edited since teikit wrote it (its text changed); kept as it is" in convert(out, source=source).stderr
    edit(target, ("Dự buổi làm việc, có", "Dự buổi làm việc có"), ("</body>", "<!-- checked --></body>"))
    source.write_text(SEED.read_text(encoding="utf-8").replace("Dự buổi làm việc có", "Tham dự buổi làm việc có"),
                      encoding="utf-8")  # the source changed since, the editor only added a comment
    said = convert(out, source=source).stderr
    assert "edited since teikit wrote it (its source changed since, 1 comment)" in said, said


def test_merge_keeps_every_edit_honours_removals_and_validates(edited, assert_tei_all_valid):
    result = convert(edited.parent, "--merge")
    assert result.exit_code == 0, result.output
    assert lines(result) == [f"1 of 1 converted into {edited.parent} (1 merged with its edits)"]
    tree = assert_edits_kept(edited)
    assert_valid(edited, assert_tei_all_valid)
    # the machine markup around the edits is back, and the merge is on record
    assert ("Hà Nội", {"ref": "#place-ha2-noi65", "resp": "#ner-rules", "cert": "0.90"}) in names(tree, "placeName")
    changes = [c.text for c in tree.iterfind(".//t:revisionDesc/t:change", NS)]
    assert changes[1:] == [f"Merged with a new recognition of {SEED.name} by teikit 0.1.0: kept 3 elements of the "
                           "editor's, 79 recognised again, 2 left unmarked as the editor removed them."]
    # the editor's new name and retyped name point to register entries of their kind
    assert tree.find(".//t:listOrg/t:org[@xml:id='org-ban-thuong772-truc75']/t:orgName", NS).text == "Ban Thường trực"
    assert tree.find(".//t:listPerson/t:person[@xml:id='pers-ban-bi1-thu7']", NS) is not None
    assert tree.find(".//t:org[@xml:id='org-dang93-uy3-cong6-an-trung-uong77']", NS) is None


def test_merging_again_changes_nothing_and_plain_convert_still_keeps_the_merged_file(edited):
    assert convert(edited.parent, "--merge").exit_code == 0
    merged = edited.read_bytes()
    again = convert(edited.parent, "--merge")
    assert again.exit_code == 0 and edited.read_bytes() == merged
    plain = convert(edited.parent)
    assert plain.exit_code == 0
    assert lines(plain)[0].startswith(f"warning: {edited}: edited since teikit wrote it (3 elements marked by hand")
    assert edited.read_bytes() == merged


def test_a_merge_that_changes_nothing_writes_nothing_says_so_and_records_the_removal(tmp_path):
    """An editor who only unwrapped a name and added a comment: the fresh recognition, the removed
    name withheld, puts back what was there, so the merge would write the same bytes. Nothing is
    written or counted as merged; the file is kept, and its record learns the removal (a later
    merge over a changed source still knows it)."""
    from teikit.editing.record import load, sha256

    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    target = out / COMMITTED.name
    machine = '<orgName ref="#org-bo65-cong6-an" resp="#ner-rules" cert="0.90">Bộ Công an</orgName>'
    text = target.read_text(encoding="utf-8")  # the last of its seven unwrapped: its register entry stays as it is
    target.write_text("Bộ Công an".join(text.rsplit(machine, 1)), encoding="utf-8")
    edit(target, COMMENT)
    before = target.read_bytes()
    result = convert(out, "--merge")
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        f"warning: {target}: edited since teikit wrote it; merging a new recognition of {SEED.name} changes nothing "
        "in it (kept 0 elements of the editor's, 81 recognised again, 1 left unmarked as the editor removed them), "
        "so it is kept as it is",
        f"0 of 1 converted into {out}, 1 edited file kept as it was"]
    assert target.read_bytes() == before  # and so no <change> in revisionDesc either
    record = load(target)
    assert (record.sha256, record.edited) == (sha256(before), True)
    assert record.removed == [[record.removed[0][0], record.removed[0][1], "orgName", "Bộ Công an"]]
    plain = convert(out)  # the file is the editor's, as after any merge: kept
    assert plain.exit_code == 0 and target.read_bytes() == before
    assert lines(plain) == [
        f"warning: {target}: edited since teikit wrote it (1 name the editor removed, left unmarked by merges, "
        "1 comment); kept as it is (--merge re-recognises around the edits, --overwrite replaces them)",
        f"0 of 1 converted into {out}, 1 edited file kept as it was"]


def test_a_removed_name_stays_removed_through_later_merges(edited, assert_tei_all_valid):
    assert convert(edited.parent, "--merge").exit_code == 0
    edit(edited, ("<p>Thực hiện", "<p><!-- second pass -->Thực hiện"))
    assert convert(edited.parent, "--merge").exit_code == 0
    tree = assert_edits_kept(edited)
    assert not any(text == "Đảng ủy Công an Trung ương" for text, _ in names(tree, "orgName"))
    assert not any(text == "Ban Bí thư" for text, _ in names(tree, "orgName"))
    # the second merge found nothing to change (the removals held), so it added no change of its own
    assert len(tree.findall(".//t:revisionDesc/t:change", NS)) == 2
    assert_valid(edited, assert_tei_all_valid)


def test_overwrite_replaces_the_edited_file_and_says_what_it_replaced(edited):
    result = convert(edited.parent, "--overwrite")
    assert result.exit_code == 0
    assert lines(result) == [
        f"warning: {edited}: replaced a file edited since teikit wrote it ({DESCRIBED}); those edits are gone",
        f"1 of 1 converted into {edited.parent}",
    ]
    assert edited.read_bytes() == COMMITTED.read_bytes()
    # teikit's own again: converted again (the run that replaced it left no entry, so its warning is not
    # said again), silently, then reused
    assert lines(convert(edited.parent)) == [f"1 of 1 converted into {edited.parent}"]
    assert lines(convert(edited.parent)) == [f"0 of 1 converted into {edited.parent}, 1 unchanged"]
    again = convert(edited.parent, "--overwrite")  # nothing edited: the policy changes nothing
    assert lines(again) == [f"0 of 1 converted into {edited.parent}, 1 unchanged"]


def test_a_kept_file_says_every_kind_of_edit_found_in_it(tmp_path):
    """A name unwrapped, a typo fixed in the text, a comment: each is said (none marked by hand)."""
    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    target = out / COMMITTED.name
    edit(target, UNWRAP, COMMENT, ("Dự buổi làm việc có", "Dự buổi họp có"))
    result = convert(out)
    assert result.exit_code == 0
    assert lines(result)[0] == (
        f"warning: {target}: edited since teikit wrote it (1 of teikit's elements unwrapped or changed, its text "
        "changed, 1 comment); kept as it is (--merge re-recognises around the edits, --overwrite replaces them)")


def test_merge_and_overwrite_together_is_a_usage_error(tmp_path):
    result = convert(tmp_path, "--merge", "--overwrite")
    assert result.exit_code == 2
    assert lines(result) == ["error: --merge and --overwrite exclude each other: choose one"]


def test_a_file_teikit_has_no_record_of_is_kept_unless_it_is_what_teikit_writes(tmp_path):
    out = tmp_path / "tei"
    out.mkdir()
    shutil.copy(COMMITTED, out / COMMITTED.name)  # as a checkout holds it: no record beside it
    assert lines(convert(out)) == [f"1 of 1 converted into {out}"]
    shutil.rmtree(out / ".teikit")
    edit(out / COMMITTED.name, COMMENT)
    result = convert(out)
    assert result.exit_code == 0
    assert lines(result)[0] == (f"warning: {out / COMMITTED.name}: edited since teikit wrote it (1 comment, no record "
                                "that teikit wrote it); kept as it is (--merge re-recognises around the edits, "
                                "--overwrite replaces them)")


# --- failure paths ---------------------------------------------------------------

def test_an_edited_file_that_is_not_well_formed_is_kept_with_one_error(edited):
    text = edited.read_text(encoding="utf-8").replace("</trailer>", "</trailr>").replace("</byline>", "</bylin>")
    edited.write_text(text, encoding="utf-8")
    before = edited.read_bytes()
    for flags in ((), ("--merge",)):
        result = convert(edited.parent, *flags)
        assert result.exit_code == 1
        errors = [line for line in lines(result) if line.startswith("error:")]
        assert len(errors) == 1 and len(lines(result)) == 2
        assert re.match(rf"error: {re.escape(str(edited))}: not well-formed: the end tag </bylin> does not close "
                        r"<byline>, opened on line \d+ \(line \d+, column \d+\);", errors[0]), errors[0]
        assert errors[0].endswith("; the file was edited and is kept as it is: correct it, "
                                  "or convert with --overwrite to replace it")
        assert edited.read_bytes() == before
    replaced = convert(edited.parent, "--overwrite")
    assert replaced.exit_code == 0
    assert lines(replaced)[0] == (f"warning: {edited}: replaced a file edited since teikit wrote it (not well-formed); "
                                  "those edits are gone")


def test_merge_needs_the_source(edited):
    result = convert(edited.parent, "--merge", source=edited.parent / "missing.txt")
    assert result.exit_code == 2
    assert lines(result) == [f"error: {edited.parent / 'missing.txt'}: no such file or directory"]


def test_a_lunar_date_merged_into_a_header_that_declares_no_calendar_brings_its_calendar(tmp_path):
    # an edited file whose header declares no lunar calendar (written before lunar dates were kept, or
    # edited so) and a fresh lunar date: the merge was refused as invalid (date-calendar)
    source = tmp_path / "le-hoi.txt"
    source.write_text("Lễ khai hội\n\nTối rằm tháng Giêng, hội thơ mở màn tại Văn Miếu. Ông Nguyễn Văn An phát biểu.\n",
                      encoding="utf-8")
    out = tmp_path / "tei"
    assert convert(out, source=source).exit_code == 0
    target = out / "le-hoi.xml"
    text = target.read_text(encoding="utf-8")
    calendars = text[text.index("      <calendarDesc>"):text.index("</calendarDesc>") + len("</calendarDesc>\n")]
    edit(target, (calendars, ""), ("phát biểu.", "phát biểu.<!-- checked -->"))
    result = convert(out, "--merge", source=source)
    assert result.exit_code == 0, result.output
    merged = etree.parse(str(target)).getroot()
    (calendar,) = merged.iterfind(f".//{N.PROFILE_DESC}/{N.CALENDAR_DESC}/{N.CALENDAR}")
    assert calendar.get(N.XML_ID) == "lunar-calendar"
    assert [d.get("calendar") for d in merged.iterfind(f".//{N.TEXT}//{N.DATE}")] == ["#lunar-calendar"]


def test_merge_refuses_an_edited_text_and_keeps_the_file(edited):
    edit(edited, ("Dự buổi làm việc có", "Dự buổi họp có"))
    before = edited.read_bytes()
    result = convert(edited.parent, "--merge")
    assert result.exit_code == 1
    assert lines(result)[0] == (
        f"error: {edited}: the text of block 3 (p) differs from {SEED.name} at character 9 ('họp có Đại tướng Trầ' "
        "vs 'làm việc có Đại tướn'); merge keeps the words and changes only the markup, so the file is kept as it is: "
        f"to keep its edits, correct {SEED.name} the same way and merge again (--overwrite replaces the file, its "
        "edits gone)")
    assert edited.read_bytes() == before


def test_a_typo_fixed_in_the_source_and_the_tei_alike_is_merged_with_the_new_sources_sha256(edited, tmp_path):
    """The merged text is the new source's, so its header says so (the deposit checks the source
    against it). The record's places are the old text's: the markup is told by @resp, a name removed
    in an earlier merge stays unmarked where the new text writes it, and the warning says that one
    removed since may come back. A plain convert keeps the edited file and says its source changed."""
    import hashlib

    assert convert(edited.parent, "--merge").exit_code == 0  # the unwrapped organisation is on record as removed
    source = tmp_path / SEED.name
    source.write_text(SEED.read_text(encoding="utf-8").replace("Dự buổi làm việc có", "Dự buổi họp có", 1),
                      encoding="utf-8")
    machine = '<persName ref="#pers-pham5-linh" resp="#ner-rules" cert="0.95">'
    edit(edited, ("Dự buổi làm việc có", "Dự buổi họp có"),  # and an attribute of a machine element changed
         (machine, machine.replace('"0.95"', '"0.99"')))
    kept = convert(edited.parent, source=source)
    assert kept.exit_code == 0
    assert lines(kept)[0].startswith(f"warning: {edited}: edited since teikit wrote it (")
    assert lines(kept)[0].endswith(f"); kept as it is, though its source {SEED.name} changed since (--merge "
                                   "re-recognises around the edits, --overwrite replaces them)")
    result = convert(edited.parent, "--merge", source=source)
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        f"warning: {edited}: merged with a source changed since teikit wrote the file, so where its markup was "
        "cannot be told: names removed by hand since then may be marked again (those removed before stay unmarked)",
        f"1 of 1 converted into {edited.parent} (1 merged with its edits)"]
    tree = assert_edits_kept(edited)  # the unwrapped organisation among them
    assert ("Phạm Linh", {"ref": "#pers-pham5-linh", "resp": "#ner-rules", "cert": "0.99"}) in names(tree, "persName")
    assert tree.find(".//t:sourceDesc/t:bibl[@type='source']/t:idno[@type='sha256']", NS).text == \
        hashlib.sha256(source.read_bytes()).hexdigest()
    merged = edited.read_bytes()
    again = convert(edited.parent, "--merge", "--force", source=source)  # merged again (not the last run's lines)
    assert again.exit_code == 0 and lines(again) == [
        f"warning: {edited}: edited since teikit wrote it; merging a new recognition of {SEED.name} changes nothing "
        "in it (kept 4 elements of the editor's, 78 recognised again, 2 left unmarked as the editor removed them), "
        "so it is kept as it is",  # the Phạm Linh whose @cert the editor changed is the editor's now
        f"0 of 1 converted into {edited.parent}, 1 edited file kept as it was"]
    assert edited.read_bytes() == merged
    assert "changed since" not in convert(edited.parent, "--force", source=source).stderr


def test_removed_names_of_another_text_are_looked_for_where_the_new_one_writes_them():
    from teikit.editing.merge import relocated

    text = "Ông Lê Văn A gặp Lê Văn A. Hà Nội"
    assert relocated([[4, 12, "persName", "Lê Văn A"]], text) == [[4, 12, "persName", "Lê Văn A"]]  # in place
    assert relocated([[20, 28, "persName", "Lê Văn A"]], text) == [[17, 25, "persName", "Lê Văn A"]]  # nearest
    assert relocated([[0, 8, "placeName", "Đà Nẵng"], [30, 36, "placeName", "Hà Nội"]], text) == \
        [[27, 33, "placeName", "Hà Nội"]]  # a name no longer written is left out
    assert relocated([[4, 12, "persName", "Lê Văn A"], [5, 13, "persName", "Lê Văn A"]], text) == \
        [[4, 12, "persName", "Lê Văn A"]]  # found at one place twice: once


def test_merge_without_a_record_says_that_removed_names_may_come_back(edited):
    shutil.rmtree(edited.parent / ".teikit")
    result = convert(edited.parent, "--merge")
    assert result.exit_code == 0
    assert lines(result) == [
        f"warning: {edited}: merged without a record of what teikit wrote, so names removed by hand may be marked again",
        f"1 of 1 converted into {edited.parent} (1 merged with its edits)",
    ]
    tree = etree.parse(str(edited))
    persons = names(tree, "persName")  # what the @resp convention alone keeps
    assert (CONFIRMED, {"ref": "#pers-tran62-dai95-quang", "resp": "#editor"}) in persons
    assert any(text == "Ban Bí thư" and a.get("resp") == "#editor" for text, a in persons)
    assert any(text == "Ban Thường trực" and a.get("resp") == "#editor" for text, a in names(tree, "orgName"))


@pytest.mark.parametrize("text", ["{not json", '{"a": ' * 100_000 + "1" + "}" * 100_000])  # or nested past recursion
def test_a_damaged_record_counts_as_none(edited, text):
    record = edited.parent / ".teikit" / f"{edited.stem}.json"
    record.write_text(text, encoding="utf-8")
    result = convert(edited.parent)
    assert result.exit_code == 0
    assert "no record that teikit wrote it" in lines(result)[0]


def test_a_file_equal_to_what_teikit_writes_now_is_teikits_whatever_its_record_says(tmp_path):
    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    record = out / ".teikit" / f"{COMMITTED.stem}.json"
    record.write_text(record.read_text(encoding="utf-8").replace('"sha256": "', '"sha256": "0'), encoding="utf-8")
    assert lines(convert(out, "--force")) == [f"1 of 1 converted into {out}"]  # the same bytes: nothing to lose


def test_merge_keeps_an_editors_comment_inside_a_machine_choice(tmp_path, assert_tei_all_valid):
    out = tmp_path / "tei"
    assert convert(out).exit_code == 0
    target = out / COMMITTED.name
    edit(target, ('<choice resp="#ner-rules" cert="0.95"><abbr>MTTQVN</abbr>',
                  '<choice resp="#ner-rules" cert="0.95"><abbr>MTTQVN</abbr><!-- expansion checked -->'))
    result = convert(out, "--merge")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(target))
    assert " expansion checked " in [c.text for c in tree.iter(etree.Comment)]
    assert_valid(target, assert_tei_all_valid)
