"""`teikit render`: exit codes, messages, files written."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from teikit.cli import app
from teikit.render import default_renderer

from render_helpers import SAMPLE

runner = CliRunner()


def test_render_txt(tmp_path):
    result = runner.invoke(app, ["render", str(SAMPLE), "--format", "txt", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sample.txt").read_text(encoding="utf-8") == default_renderer().text(SAMPLE)


def test_render_txt_expand(tmp_path):
    result = runner.invoke(app, ["render", str(SAMPLE), "-f", "txt", "--abbr", "expand", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Theo Thông tấn xã Việt Nam" in (tmp_path / "sample.txt").read_text(encoding="utf-8")


def test_render_html_writes_site(tmp_path):
    result = runner.invoke(app, ["render", str(SAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("sample.html", "index.html", "registers/persons.html", "registers/organisations.html", "registers/places.html"):
        assert (tmp_path / name).is_file(), name


def test_bad_file_exit_1_and_others_rendered(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "good.xml")
    (src / "bad.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(src), "-f", "txt", "-o", str(out)])
    assert result.exit_code == 1
    assert f"error: {src / 'bad.xml'}: not well-formed:" in result.stderr
    assert (out / "good.txt").is_file()


def test_missing_path_exit_2(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "nope.xml"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.xml'}: no such file or directory"


def test_bad_option_is_usage_error(tmp_path):
    result = runner.invoke(app, ["render", str(SAMPLE), "-f", "pdf", "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_help_texts():
    result = runner.invoke(app, ["render", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--output", "--abbr"):
        assert option in result.output
