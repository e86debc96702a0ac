"""`teikit validate`: exact output lines, summary, JSON report, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from teikit.cli import app

DATA = Path(__file__).parent / "data" / "validate"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["validate", *map(str, args)])


def test_all_valid_exits_0():
    result = run(DATA / "valid.xml")
    assert result.exit_code == 0
    assert result.stdout == "1 file, 1 valid, 0 invalid, 0 errors\n"


def test_invalid_file_lines_and_exit_1():
    bad = DATA / "invalid" / "date-range-reversed.xml"
    result = run(DATA / "valid.xml", bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{bad}:58:243: error: [date-range-order] The range from="2013-07" to="2003-07" ends before it starts: '
        "@from must not be later than @to.",
        "2 files, 1 valid, 1 invalid, 1 error",
    ]


def test_not_well_formed_exits_1():
    bad = DATA / "invalid" / "xml-syntax-mismatched-tag.xml"
    result = run(bad)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{bad}:60:51: error: [xml-syntax] not well-formed: ")


def test_directory_walk_takes_xml_only(tmp_path):
    shutil.copy(DATA / "valid.xml", tmp_path / "a.xml")
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "invalid" / "cert-missing.xml", tmp_path / "sub" / "b.xml")
    (tmp_path / "notes.txt").write_text("not xml")
    result = run(tmp_path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{tmp_path / 'sub' / 'b.xml'}:56:32: error: [cert-missing] ")
    assert lines[-1] == "2 files, 1 valid, 1 invalid, 1 error"


def test_missing_path_is_usage_error():
    result = run(DATA / "valid.xml", DATA / "no-such.xml")
    assert result.exit_code == 2
    assert result.stderr == f"error: {DATA / 'no-such.xml'}: no such file or directory\n"
    assert result.stdout == ""


def test_bad_format_is_usage_error():
    result = runner.invoke(app, ["validate", "--format", "xml", str(DATA / "valid.xml")])
    assert result.exit_code == 2


def test_json_format():
    bad = DATA / "invalid" / "ref-wrong-kind.xml"
    result = runner.invoke(app, ["validate", "--format", "json", str(DATA / "valid.xml"), str(bad)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 1}
    assert data["files"][0] == {"file": str(DATA / "valid.xml"), "valid": True, "errors": []}
    (error,) = data["files"][1]["errors"]
    assert (error["rule"], error["line"], error["column"]) == ("ref-kind", 56, 260)


def test_json_format_all_valid_exits_0():
    result = runner.invoke(app, ["validate", "--format", "json", str(DATA / "valid.xml")])
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["invalid"] == 0


def test_help_describes_command_and_options():
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Validate TEI documents" in result.stdout and "--format" in result.stdout
