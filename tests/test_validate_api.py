"""The library API: sources (path, bytes, tree), results, reports, errors."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import ToolkitError, ValidationError
from teikit.errors import MissingInputError
from teikit.names import PERSON, XML_ID
from teikit.validate import (
    FileResult,
    Issue,
    Report,
    Validator,
    default_validator,
    is_valid,
    iter_errors,
    schema_dir,
    validate,
    validate_paths,
)
from teikit.xmlsafe import parse_file

DATA = Path(__file__).parent / "data" / "validate"
VALID = DATA / "valid.xml"
BAD_DATE = DATA / "invalid" / "date-month-first.xml"


def test_issue_str_and_dict():
    issue = Issue("a.xml", 3, 7, "ref-kind", "bad ref")
    assert str(issue) == "a.xml:3:7: error: [ref-kind] bad ref"
    assert issue.to_dict() == {"line": 3, "column": 7, "rule": "ref-kind", "message": "bad ref"}
    with pytest.raises(AttributeError):
        issue.line = 4  # frozen


def test_default_validator_is_compiled_once():
    assert default_validator() is default_validator()
    assert default_validator().compile_seconds > 0


def test_path_str_bytes_and_tree_agree():
    tree = parse_file(BAD_DATE)
    by_path = list(iter_errors(BAD_DATE))
    by_str = list(iter_errors(str(BAD_DATE)))
    by_tree = list(iter_errors(tree))
    by_bytes = list(iter_errors(BAD_DATE.read_bytes(), name=str(BAD_DATE)))
    assert by_path == by_str == by_bytes
    # a tree has no text to find columns in: the same issues, columns 0
    assert by_tree == [dataclasses.replace(issue, column=0) for issue in by_path] and by_path[0].column == 98
    assert [(i.rule, i.line) for i in by_path] == [("date-text-agrees", 58)]
    assert by_path[0].message == (
        'The date "01/12/2011" is day first, so its value is when="2011-12-01", but the element has when="2011-01-12".'
    )
    assert list(iter_errors(tree.getroot())) == by_tree


def test_is_valid_and_validate():
    assert is_valid(VALID) and is_valid(parse_file(VALID))
    assert not is_valid(BAD_DATE)
    validate(VALID)
    with pytest.raises(ValidationError) as caught:
        validate(BAD_DATE)
    err = caught.value
    assert [i.rule for i in err.errors] == ["date-text-agrees"]
    assert str(err).startswith(f"{BAD_DATE}: not valid: 1 error, first at line 58: [date-text-agrees] The date")


def test_tree_built_in_memory_with_duplicate_ids_is_caught_by_schematron():
    # a file with a repeated xml:id is refused by the parser; a tree the encoder builds is not
    tree = parse_file(VALID)
    persons = tree.getroot().findall(f".//{PERSON}")
    persons[1].set(XML_ID, persons[0].get(XML_ID))
    rules = {i.rule for i in iter_errors(tree)}
    assert "id-unique" in rules


def test_tree_without_file_name_and_unparsed_lines():
    root = copy.deepcopy(parse_file(BAD_DATE).getroot())
    built = etree.fromstring(etree.tostring(root))  # no URL, lines from the reserialised text
    (issue,) = iter_errors(built)
    assert issue.file == "<tree>" and issue.rule == "date-text-agrees"
    (named,) = iter_errors(built, name="out/x.xml")
    assert named.file == "out/x.xml"


def test_unreadable_and_unsafe_sources(tmp_path):
    (missing,) = iter_errors(tmp_path / "nope.xml")
    assert missing.rule == "io-error" and missing.message.startswith("cannot read:")
    (unsafe,) = iter_errors(b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>')
    assert (unsafe.file, unsafe.line, unsafe.column, unsafe.rule) == ("<bytes>", 2, 1, "xml-unsafe")
    (broken,) = iter_errors(b"<TEI>\n  <p>\n</TEI>")
    assert (broken.rule, broken.line) == ("xml-syntax", 3)


def test_validate_paths_report(tmp_path):
    report = validate_paths([VALID, BAD_DATE])
    assert isinstance(report, Report) and not report.valid
    assert [f.valid for f in report.files] == [True, False]
    assert report.summary() == "2 files, 1 valid, 1 invalid, 1 error"
    data = json.loads(report.to_json())
    assert data["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1}
    assert data["files"][0] == {"file": str(VALID), "valid": True, "errors": []}
    assert data["files"][1]["errors"][0]["rule"] == "date-text-agrees"
    assert report.to_json() == validate_paths([VALID, BAD_DATE]).to_json()  # deterministic
    assert FileResult("x", ()).valid


def test_validate_paths_walks_directories_and_refuses_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_bytes(BAD_DATE.read_bytes())
    (tmp_path / "a.xml").write_bytes(VALID.read_bytes())
    (tmp_path / "notes.txt").write_text("not TEI")
    report = validate_paths([tmp_path])
    assert [Path(f.file).relative_to(tmp_path).as_posix() for f in report.files] == ["a.xml", "sub/b.xml"]
    assert report.summary() == "2 files, 1 valid, 1 invalid, 1 error"
    shown = []  # a progress wrapper sees the collected files, and the report is the same
    assert validate_paths([tmp_path], progress=lambda files, _label: shown.extend(files) or files) == report
    assert shown == [tmp_path / "a.xml", tmp_path / "sub" / "b.xml"]
    with pytest.raises(MissingInputError):
        validate_paths([tmp_path / "missing"])


def test_schema_dir_is_the_repository_schema_unless_overridden(tmp_path, monkeypatch):
    monkeypatch.delenv("TEIKIT_SCHEMA_DIR", raising=False)
    assert schema_dir() == Path(__file__).resolve().parents[1] / "schema"
    assert Validator().rng_path == schema_dir() / "teikit.rng"
    monkeypatch.setenv("TEIKIT_SCHEMA_DIR", str(tmp_path))
    assert schema_dir() == tmp_path
    with pytest.raises(ToolkitError, match="cannot compile the RELAX NG schema"):
        Validator()  # tmp_path holds no schema


def test_broken_schema_paths_raise_toolkit_error(tmp_path):
    with pytest.raises(ToolkitError, match="cannot compile the RELAX NG schema"):
        Validator(rng_path=tmp_path / "missing.rng")
    bad_sch = tmp_path / "bad.sch"
    bad_sch.write_text(
        "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='xslt'><pattern>"
        "<rule context='tei:p['><assert test='1'>x</assert></rule></pattern></schema>"
    )
    with pytest.raises(ToolkitError, match="cannot compile the Schematron rules"):
        Validator(sch_path=bad_sch)


def test_an_issue_stands_at_its_element_or_attribute_on_its_line(tmp_path):
    # Every RELAX NG and Schematron issue said column 0. The second roleName of line 56 gets an
    # attribute the schema does not have, and a date its Schematron refuses.
    text = (DATA / "valid.xml").read_text(encoding="utf-8")
    text = text.replace('<roleName type="office"', '<roleName type="office" colour="red"', 1)
    lines = text.split("\n")
    path = tmp_path / "columns.xml"
    path.write_text(text, encoding="utf-8")
    (issue,) = iter_errors(path)
    assert (issue.rule, issue.line, issue.message) == ("rng-attribute", 56, "Invalid attribute colour for element roleName")
    assert issue.column == lines[55].index("colour=") + 1 > lines[55].index('<roleName type="office"') + 1
    assert lines[55].count("<roleName") >= 2


def test_columns_count_on_the_lines_the_issue_names(tmp_path):
    # libxml2 numbers lines by LF: in a file of CR line ends every issue is on line 1, and its
    # column is then counted on that one line (not on the CR-ended line it seems to stand on).
    text = (DATA / "valid.xml").read_text(encoding="utf-8").replace('<roleName type="office"', '<roleName type="office" colour="red"', 1)
    lines = text.split("\n")
    path = tmp_path / "cr.xml"
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    (issue,) = iter_errors(path)
    assert (issue.line, issue.column) == (1, "\r".join(lines).index("colour=") + 1)


def test_a_value_its_datatype_refuses_names_its_attribute_and_stands_at_it(tmp_path):
    # libxml2 says "Type date doesn't allow value '2023-14-01'" at the element: the attribute is named, its column given
    text = VALID.read_text(encoding="utf-8")
    start = text.index("<date ")
    head, tail = text[:start], text[start:]
    value = tail[tail.index('when="') + 6:tail.index('"', tail.index('when="') + 6)]
    bad = tmp_path / "bad.xml"
    written = head + tail.replace(f'when="{value}"', 'when="2023-14-01"', 1)
    bad.write_text(written, encoding="utf-8")
    issue = next(i for i in iter_errors(bad) if i.rule == "rng-value")
    assert issue.message == "Type date doesn't allow value '2023-14-01' (attribute when of date)"
    line = written.splitlines()[issue.line - 1]
    assert line[issue.column - 1:].startswith('when="2023-14-01"') and issue.path.endswith("/@when")
