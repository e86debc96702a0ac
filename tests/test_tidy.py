"""`teikit tidy` and `build` on edited TEI: back into the encoding in one command, nothing lost.

The edits are test_editing's (made as docs/editing.md tells an editor).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.validate import iter_errors
from test_editing import COMMITTED, NS, SEED, assert_edits_kept, assert_valid, convert, edit, edit_all, lines, names

runner = CliRunner()


@pytest.fixture
def edited(tmp_path) -> Path:
    target = tmp_path / COMMITTED.name
    shutil.copy(COMMITTED, target)
    edit_all(target)
    return target


def tidy(*paths):
    return runner.invoke(app, ["tidy", *map(str, paths)])


def test_validation_of_the_edited_file_says_to_run_tidy_on_it(edited):
    TIDY = f"`teikit tidy {edited}`"
    issues = {i.rule: i.message for i in iter_errors(edited)}
    assert set(issues) == {"ref-missing", "ref-kind", "register-referenced"}
    assert issues["ref-missing"] == ('orgName "Ban Thường trực" has no @ref: every name in the text points to its '
                                     f"register entry; run {TIDY} to give it one (and add the entry).")
    assert all(TIDY in message for message in issues.values())


def test_tidy_brings_the_edited_file_back_into_the_encoding(edited, assert_tei_all_valid):
    result = tidy(edited)
    assert result.exit_code == 0
    assert lines(result) == [
        f'{edited}: orgName "Ban Thường trực" had no @ref: now ref="#org-ban-thuong772-truc75" (register entry added)',
        f'{edited}: persName "Ban Bí thư" pointed to #org-ban-bi1-thu7, which is not a person: '
        'now ref="#pers-ban-bi1-thu7" (register entry added)',
        f"{edited}: removed register entry #org-dang93-uy3-cong6-an-trung-uong77 (Đảng ủy Công an Trung ương): "
        "no name points to it",
        f"{edited}: removed register entry #org-ban-bi1-thu7 (Ban Bí thư): no name points to it",
        "1 of 1 file tidied",
    ]
    assert_edits_kept(edited)
    assert_valid(edited, assert_tei_all_valid)
    before = edited.read_bytes()
    again = tidy(edited)
    assert again.exit_code == 0 and lines(again) == ["0 of 1 file tidied"]
    assert edited.read_bytes() == before


def test_tidy_keeps_the_editors_register_data_and_declares_the_editor(edited, assert_tei_all_valid):
    edit(edited,
         # (an article's entries are copies of the corpus register's: @sameAs points to it)
         ('<person xml:id="pers-tran62-dai95-quang" sameAs="register/persons.xml#pers-tran62-dai95-quang">\n'
          '        <persName>Trần Đại Quang</persName>',
          '<person xml:id="pers-tran62-dai95-quang" sex="M">\n        <persName>Trần Đại Quang</persName>\n'
          '        <idno type="viaf">12345</idno>'),
         ('<person xml:id="pers-vu4-trong5-kim"', '<person xml:id="pers-nobody">\n        <persName>Nobody</persName>\n'
          '        <idno type="viaf">999</idno>\n      </person>\n      <person xml:id="pers-vu4-trong5-kim"'),
         ('<roleName type="rank" resp="#ner-rules" cert="0.90">Thượng tướng</roleName>',
          '<roleName type="rank" resp="#ed2">Thượng tướng</roleName>'))
    result = tidy(edited)
    assert result.exit_code == 0
    assert (f"warning: {edited}: kept register entry #pers-nobody: no name points to it, but it holds data teikit did "
            'not write; point a name at it (ref="#pers-nobody") or delete it') in lines(result)
    assert (f"{edited}: declared #ed2 as an editor (a respStmt in titleStmt: put the editor's name in it)"
            in lines(result))
    tree = etree.parse(str(edited))
    entry = tree.find(".//t:person[@xml:id='pers-tran62-dai95-quang']", NS)
    assert entry.get("sex") == "M" and entry.find("t:idno[@type='viaf']", NS).text == "12345"
    assert tree.find(".//t:person[@xml:id='pers-nobody']/t:idno", NS).text == "999"
    # the editor's to decide: the entry kept without mentions, and @sex, which the encoding does not have
    assert sorted(i.rule for i in iter_errors(edited)) == ["register-referenced", "rng-attribute"]
    edit(edited, ('      <person xml:id="pers-nobody">\n        <persName>Nobody</persName>\n'
                  '        <idno type="viaf">999</idno>\n      </person>\n', ""), (' sex="M"', ""))
    assert_valid(edited, assert_tei_all_valid)


def test_tidy_reports_a_file_it_cannot_read_in_one_line(tmp_path, edited):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text></TEI>", encoding="utf-8")
    result = tidy(broken, edited)
    assert result.exit_code == 1
    errors = [line for line in lines(result) if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {broken}: not well-formed:")
    assert lines(result)[-1] == "1 of 2 files tidied"
    assert broken.read_text(encoding="utf-8") == "<TEI><text></TEI>"


# --- build ---------------------------------------------------------------------

def build(tmp: Path, *flags: str):
    return runner.invoke(app, ["build", "--seeds", str(tmp / "seeds"), "--tei", str(tmp / "tei"),
                               "--dist", str(tmp / "dist"), "--no-deposit", *flags])


@pytest.fixture
def built(tmp_path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds")
    assert build(tmp_path).exit_code == 0
    target = tmp_path / "tei" / COMMITTED.name
    edit_all(target)
    return target


def test_build_keeps_an_edited_file_tidies_it_and_validates_it(built, assert_tei_all_valid):
    tmp = built.parent.parent
    result = build(tmp)
    assert result.exit_code == 0, result.output
    out = lines(result)
    assert out[0].startswith(f"warning: {built}: edited since teikit wrote it (3 elements marked by hand, 3 of teikit's elements "
                             "unwrapped or changed, 1 comment)")
    assert out[1] == f"convert:  0 TEI files in {tmp / 'tei'}, 1 edited file kept"
    assert f"tidy:     {built}: removed register entry #org-ban-bi1-thu7 (Ban Bí thư): no name points to it" in out
    assert "tidy:     1 of 1 file tidied" in out
    assert "validate: 1 file, 1 valid, 0 invalid, 0 errors" in out
    assert_edits_kept(built)
    assert_valid(built, assert_tei_all_valid)
    assert "Ban Thường trực" in (tmp / "dist" / "html" / f"{COMMITTED.stem}.html").read_text(encoding="utf-8")


def test_build_merge_re_recognises_around_the_edits(built, assert_tei_all_valid):
    tmp = built.parent.parent
    result = build(tmp, "--merge")
    assert result.exit_code == 0, result.output
    assert lines(result)[0] == f"convert:  1 TEI files in {tmp / 'tei'}, 1 merged with its edits"
    assert "validate: 1 file, 1 valid, 0 invalid, 0 errors" in lines(result)
    tree = assert_edits_kept(built)
    assert tree.findall(".//t:revisionDesc/t:change", NS)[-1].text.startswith("Merged with a new recognition")
    assert_valid(built, assert_tei_all_valid)


def test_build_overwrite_replaces_the_edited_file(built):
    tmp = built.parent.parent
    result = build(tmp, "--overwrite")
    assert result.exit_code == 0
    assert lines(result)[0].startswith(f"warning: {built}: replaced a file edited since teikit wrote it")
    assert built.read_bytes() == COMMITTED.read_bytes()
    assert not any(text == "Ban Thường trực" for text, _ in names(etree.parse(str(built)), "orgName"))


def test_convert_summary_counts_kept_files_apart(built, tmp_path):
    second = tmp_path / "seeds" / "second.txt"
    shutil.copy(SEED, second)
    result = convert(tmp_path / "tei", source=tmp_path / "seeds")
    assert result.exit_code == 0
    assert lines(result)[-1] == f"1 of 2 converted into {tmp_path / 'tei'}, 1 edited file kept as it was"


def test_tidy_drops_a_cert_left_without_resp_and_types_a_bare_role(edited, assert_tei_all_valid):
    edit(edited, ('<persName ref="#pers-vu4-trong5-kim" resp="#ner-rules" cert="0.90">',
                  '<persName ref="#pers-vu4-trong5-kim" cert="0.90">'),
         ("kiêm <roleName type=\"office\" resp=\"#ner-rules\" cert=\"0.90\">", "kiêm <roleName>"))
    result = tidy(edited)
    assert result.exit_code == 0
    assert lines(result)[:2] == [f'{edited}: persName "Vũ Trọng Kim": dropped @cert, left without @resp',
                                 f'{edited}: roleName "Tổng thư ký Ủy ban Trung ương MTTQVN" had no @type: '
                                 'now type="office"']
    assert_valid(edited, assert_tei_all_valid)


def test_tidy_rebuilds_a_register_deleted_by_hand(tmp_path, assert_tei_all_valid):
    target = tmp_path / COMMITTED.name
    text = COMMITTED.read_text(encoding="utf-8")
    start, end = text.index("  <standOff>"), text.index("</standOff>\n") + len("</standOff>\n")
    target.write_text(text[:start] + text[end:], encoding="utf-8")
    result = tidy(target)
    assert result.exit_code == 0 and lines(result)[-1] == "1 of 1 file tidied"
    ids = lambda path: [e.get("{http://www.w3.org/XML/1998/namespace}id")  # noqa: E731
                        for e in etree.parse(str(path)).iterfind(".//t:standOff/*/*", NS)]
    assert ids(target) == ids(COMMITTED)  # the same entries, in the same order (abbreviations spelt out)
    assert_valid(target, assert_tei_all_valid)


def test_a_document_with_no_path_is_named_file_in_what_to_run(edited):
    from teikit.xmlsafe import parse_bytes

    tree = parse_bytes(edited.read_bytes())  # in memory: no file name to put in the message
    messages = [i.message for i in iter_errors(tree, name="<tree>") if i.rule == "ref-missing"]
    assert messages and all("`teikit tidy FILE`" in m for m in messages)


# --- regressions -----------------------------------------------------------------

def _no_space(*args, **kwargs):
    raise OSError(28, "No space left on device")


def test_a_file_tidy_cannot_write_is_one_error_not_an_internal_one(edited, monkeypatch):
    before = edited.read_bytes()
    monkeypatch.setattr("teikit.editing.tidy.write_atomic", _no_space)
    result = tidy(edited)
    assert result.exit_code == 1
    assert f"error: {edited}: cannot write: No space left on device" in lines(result)
    assert not any("internal error" in line for line in lines(result))
    assert edited.read_bytes() == before


def test_a_tei_file_convert_cannot_write_is_one_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr("teikit.editing.record.write_atomic", _no_space)
    out = tmp_path / "tei"
    result = convert(out)
    assert result.exit_code == 1
    assert f"error: {out / COMMITTED.name}: cannot write: No space left on device" in lines(result)
    assert not any("internal error" in line for line in lines(result))


NOBODY = "<person>\n        <persName>Nguyễn Văn A</persName>\n        <note>a reader, not in the text</note>\n      </person>"


def test_tidy_keeps_a_register_entry_with_no_id(edited):
    edit(edited, ("    <listPerson>\n", f"    <listPerson>\n      {NOBODY}\n"))
    result = tidy(edited)
    assert result.exit_code == 0 and lines(result)[-1] == "1 of 1 file tidied"  # written: Ban Thường trực etc.
    tree = assert_edits_kept(edited)
    assert [p.findtext("t:note", namespaces=NS) for p in tree.iterfind(".//t:listPerson/t:person", NS)
            if p.get("{http://www.w3.org/XML/1998/namespace}id") is None] == ["a reader, not in the text"]
    assert lines(tidy(edited)) == ["0 of 1 file tidied"]


def test_tidy_keeps_a_second_register_entry_with_a_taken_id(edited):
    from teikit.editing.tidy import tidy_tree
    from teikit.xmlsafe import parse_file

    tree = parse_file(edited)  # in memory: a file with two equal xml:ids is not well-formed
    second = etree.SubElement(tree.find(".//t:listOrg", NS), "{%s}org" % NS["t"])
    second.set("{http://www.w3.org/XML/1998/namespace}id", "org-bo65-cong6-an")
    etree.SubElement(second, "{%s}orgName" % NS["t"]).text = "Bộ Công an"
    etree.SubElement(second, "{%s}note" % NS["t"]).text = "the ministry"
    changes = tidy_tree(tree)
    assert ("kept a second register entry #org-bo65-cong6-an: an entry above has that id, and it holds data teikit did "
            "not write; give it an id of its own or merge it into the other") in changes
    orgs = tree.findall(".//t:listOrg/t:org[@xml:id='org-bo65-cong6-an']", NS)
    assert len(orgs) == 2 and orgs[0].find("t:note", NS) is None and orgs[1].findtext("t:note", namespaces=NS) == "the ministry"


def test_tidy_leaves_another_list_in_the_standoff_alone(edited, assert_tei_all_valid):
    bibl = '<listBibl>\n      <bibl xml:id="bibl-print">Nhân Dân, 1/8/2013</bibl>\n    </listBibl>'
    edit(edited, ("  <standOff>\n", f"  <standOff>\n    {bibl}\n"))
    result = tidy(edited)
    assert result.exit_code == 0, result.output
    assert not any("error" in line for line in lines(result)) and lines(result)[-1] == "1 of 1 file tidied"
    tree = etree.parse(str(edited))
    assert [etree.QName(e).localname for e in tree.find(".//t:standOff", NS)] == [
        "listBibl", "listPerson", "listOrg", "listPlace"]
    assert tree.find(".//t:listBibl/t:bibl[@xml:id='bibl-print']", NS).text == "Nhân Dân, 1/8/2013"
    assert_edits_kept(edited)
    assert_tei_all_valid(edited)  # (teikit's own schema has no listBibl: the editor's to decide)


BAN_CHI_DAO = "org-ban-chi3-dao95-thuc75-hien65-phong-trao2-toan2-dan6-a4ecd154"


def test_a_name_whose_ref_was_removed_gets_its_entry_back_not_a_second_one(edited, assert_tei_all_valid):
    edit(edited,  # the encoder's key of both is "Ban Chỉ đạo Thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc"
         (f'<orgName ref="#{BAN_CHI_DAO}" resp="#ner-rules" cert="0.80">Ban chỉ đạo “Thực hiện',
          '<orgName resp="#editor">Ban chỉ đạo “Thực hiện'),  # no twin: the entry of that name, loosely
         (f'Phó trưởng <orgName ref="#{BAN_CHI_DAO}" resp="#ner-rules" cert="0.60">Ban chỉ đạo</orgName>',
          'Phó trưởng <orgName resp="#editor">Ban chỉ đạo</orgName>'))  # a twin later in the text: its entry
    result = tidy(edited)
    assert result.exit_code == 0
    assert (f'{edited}: orgName "Ban chỉ đạo “Thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc”" had no @ref: '
            f'now ref="#{BAN_CHI_DAO}"') in lines(result)
    assert f'{edited}: orgName "Ban chỉ đạo" had no @ref: now ref="#{BAN_CHI_DAO}"' in lines(result)
    assert not any("register entry added" in line for line in lines(result) if "Ban chỉ đạo" in line)
    ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in etree.parse(str(edited)).iterfind(".//t:org", NS)]
    assert ids.count(BAN_CHI_DAO) == 1 and not any(i.startswith("org-ban-chi-dao") and i != BAN_CHI_DAO for i in ids)
    assert_edits_kept(edited)
    assert_valid(edited, assert_tei_all_valid)


def test_a_persname_holding_its_roles_is_named_and_registered_by_the_name_alone(edited, assert_tei_all_valid):
    """The roles inside a persName qualify the person and are no part of its name
    (docs/encoding.md): tidy names it, finds its entry and adds one by the name only."""
    edit(edited,
         ('<persName ref="#pers-le6-quy1-vuong77" resp="#ner-rules" cert="0.90"><roleName type="rank"',
          '<persName resp="#editor"><roleName type="rank"'),  # its entry is found by the name
         ('<persName ref="#pers-ha2-thi5-lien6" resp="#ner-rules" cert="0.90"><roleName type="honorific"',
          '<persName ref="#pers-ha2-thi5-lien6x" resp="#editor"><roleName type="honorific"'))  # an entry to add
    result = tidy(edited)
    assert result.exit_code == 0
    assert f'{edited}: persName "Lê Quý Vương" had no @ref: now ref="#pers-le6-quy1-vuong77"' in lines(result)
    assert f'{edited}: persName "Hà Thị Liên": added register entry #pers-ha2-thi5-lien6x' in lines(result)
    tree = etree.parse(str(edited))
    assert tree.find(".//t:person[@xml:id='pers-ha2-thi5-lien6x']/t:persName", NS).text == "Hà Thị Liên"
    assert_edits_kept(edited)
    assert_valid(edited, assert_tei_all_valid)


def test_another_projects_tei_is_left_as_it_is_with_one_error(tmp_path, edited):
    """Its names are not in teikit's article div, where tidy reads them: tidying it would remove
    register entries its text points to."""
    other = tmp_path / "other.xml"
    other.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
        '<standOff><listPerson><person xml:id="p2"><persName>Charles Babbage</persName></person></listPerson></standOff>'
        '<text><body><p>Ada wrote to <persName ref="#p2">Babbage</persName>.</p></body></text></TEI>', encoding="utf-8")
    before = other.read_bytes()
    result = tidy(other, edited)
    assert result.exit_code == 1
    assert [line for line in lines(result) if not line.startswith(f"{edited}:")] == [
        f"error: {other}: not in teikit's encoding (its text is no text/body/div[@type=\"article\"]), so which "
        "names point to its register cannot be told; tidy leaves it as it is",
        "1 of 2 files tidied"]
    assert other.read_bytes() == before


def test_a_person_retyped_as_an_organisation_is_said_in_words(tmp_path):
    target = tmp_path / COMMITTED.name
    shutil.copy(COMMITTED, target)
    edit(target, ('<persName ref="#pers-pham5-linh" resp="#ner-rules" cert="0.95">Phạm Linh</persName>',
                  '<orgName ref="#pers-pham5-linh" resp="#editor">Phạm Linh</orgName>'))
    result = tidy(target)
    assert result.exit_code == 0, result.output
    assert (f'{target}: orgName "Phạm Linh" pointed to #pers-pham5-linh, which is not an organisation: '
            'now ref="#org-pham5-linh" (register entry added)') in lines(result)
