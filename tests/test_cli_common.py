"""The CLI's shared behaviour: progress only on a terminal for larger batches, error lines,
the checks of output paths and dates, choices taken from the stages."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from teikit.batch import Counted
from teikit.cli import app, common
from teikit.errors import IngestError
from teikit.errors import MissingInputError


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert list(common.progress(range(50), "x")) == list(range(50))
    assert sys.stderr.getvalue() == ""


def test_no_bar_for_a_few_files_even_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    assert list(common.progress(range(common.PROGRESS_THRESHOLD), "x")) == list(range(common.PROGRESS_THRESHOLD))
    assert sys.stderr.getvalue() == ""


def test_a_bar_on_a_terminal_for_a_batch(monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(common.progress(range(40), "converting")) == list(range(40))
    assert "converting" in terminal.getvalue()


@pytest.mark.parametrize("terminal", [False, True])
def test_counted_items_are_not_listed_to_be_counted(monkeypatch, terminal):
    """A stage's last pass hands its items one at a time with their number (batch.Counted): the
    bar takes its length from it, so no more than the item being worked on is held."""
    stream = FakeTerminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    made = []

    def items():
        for i in range(40):
            made.append(i)
            yield i

    seen = []
    for item in common.progress(Counted(items(), 40), "converting"):
        seen.append((item, len(made)))
    assert seen == [(i, i + 1) for i in range(40)]
    assert ("converting" in stream.getvalue()) == terminal


@pytest.mark.parametrize("error, code", [(IngestError("empty file", path="a.txt"), 1),
                                         (MissingInputError("no such file or directory", path="b"), 2)])
def test_guarded_turns_errors_into_one_line_and_an_exit_code(capsys, error, code):
    with pytest.raises(typer.Exit) as exit_info:
        with common.guarded():
            raise error
    assert exit_info.value.exit_code == code
    assert capsys.readouterr().err == f"error: {error}\n"


# --- `-o` and other output paths: an existing file where a directory is written --

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEI = ROOT / "tests" / "data" / "validate" / "valid.xml"
NER_SAMPLE = ROOT / "tests" / "data" / "ner" / "train_sample.jsonl"
runner = CliRunner()

DIRECTORY_OUTPUTS = {
    "convert -o": lambda out: ["convert", SEEDS, "-o", out],
    "render -o": lambda out: ["render", TEI, "-o", out],
    "render -f txt -o": lambda out: ["render", TEI, "-f", "txt", "-o", out],
    "ner train -o": lambda out: ["ner", "train", NER_SAMPLE, "-o", out],
    "build --tei": lambda out: ["build", "--seeds", SEEDS, "--tei", out],
    "build --dist": lambda out: ["build", "--seeds", SEEDS, "--dist", out],
}


@pytest.mark.parametrize("case", sorted(DIRECTORY_OUTPUTS))
def test_an_existing_file_where_a_directory_goes_is_a_usage_error(tmp_path, monkeypatch, case):
    monkeypatch.chdir(tmp_path)  # build's other outputs (tei/, dist/) would land here
    out = tmp_path / "taken.txt"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, [str(a) for a in DIRECTORY_OUTPUTS[case](out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: exists and is not a directory\n"
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.txt"]  # nothing was done


def test_an_existing_directory_where_a_file_goes_is_a_usage_error(tmp_path):
    out = tmp_path / "out.jsonl"
    out.mkdir()
    result = runner.invoke(app, ["ner", "extract", str(NER_SAMPLE), "--input-format", "jsonl", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: is a directory, not a file\n"
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("day", ["2013-7-31", "2013-02-30", "31/07/2013", "today"])
def test_a_date_that_is_not_yyyy_mm_dd_is_a_usage_error(tmp_path, day):
    result = runner.invoke(app, ["convert", str(SEEDS), "-o", str(tmp_path / "tei"), "--date", day])
    assert result.exit_code == 2
    assert result.stderr == f"error: --date {day}: not a date YYYY-MM-DD\n"
    assert not (tmp_path / "tei").exists()


def test_choices_are_the_stages_own():
    from teikit.cli.build import PackageFormat
    from teikit.cli.ner import InputFormat, RecogniserName
    from teikit.cli.render import Format
    from teikit.deposit.archive import FORMATS
    from teikit.ner.extract import INPUT_FORMATS
    from teikit.recognise.registry import RECOGNISER_NAMES
    from teikit.render import ABBR_MODES, FORMATS as RENDER_FORMATS

    for enum, values in ((PackageFormat, FORMATS), (Format, RENDER_FORMATS), (common.AbbrMode, ABBR_MODES),
                         (InputFormat, INPUT_FORMATS), (RecogniserName, RECOGNISER_NAMES)):
        assert tuple(member.value for member in enum) == tuple(values)


def test_an_output_under_a_file_is_one_error_line_not_a_traceback(tmp_path):
    from teikit.cli import app

    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("Ông Nguyễn Văn An đến Hà Nội.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ner", "extract", str(src), "-o", str(afile / "x.jsonl")])
    assert result.exit_code == 1
    assert result.output == f"error: {afile}: is a file where a folder is needed\n"
    result = CliRunner().invoke(app, ["deposit", "make", str(ROOT / "tei"), "-o", str(afile / "x.zip")])
    assert (result.exit_code, result.output) == (1, (
        f"error: {afile / 'x.zip'}: cannot be made: {afile} is a file where a folder is needed\n"))


def test_os_error_message_names_the_path_and_the_problem():
    assert common.os_error_message(PermissionError(13, "Permission denied", "/x/y")) == "/x/y: permission denied"
    assert common.os_error_message(OSError(28, "No space left on device")) == "no space left on device"


EMPTY_FOLDER_RUNS = {  # (command line, what it would write, the inputs it looks for; convert says what it leaves out)
    "convert": (["convert", "{in}", "-o", "{out}"], "{out}", "*.html.gz, *.htm.gz, *.warc.gz, *.txt, *.html, *.htm, *.warc) "
                "in it; 1 .md file (unsupported input type) left out; nothing done"),
    "validate": (["validate", "{in}"], None, "*.xml, *.tei"),
    "render txt": (["render", "{in}", "-f", "txt", "-o", "{out}"], "{out}", "*.xml, *.tei"),
    "render html": (["render", "{in}", "-o", "{out}"], "{out}", "*.xml, *.tei"),
    "ner extract": (["ner", "extract", "{in}", "-o", "{out}/x.jsonl"], "{out}/x.jsonl", "*.txt"),
    "tidy": (["tidy", "{in}"], None, "*.xml, *.tei"),
}


@pytest.mark.parametrize("command", sorted(EMPTY_FOLDER_RUNS))
def test_a_folder_without_inputs_is_one_error_line_exit_1_and_nothing_written(command, tmp_path):
    args, output, said = EMPTY_FOLDER_RUNS[command]
    said = said if said.endswith("nothing done") else said + ") in it; nothing done"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    fill = {"in": str(folder), "out": str(tmp_path / "out")}
    result = CliRunner().invoke(app, [arg.format(**fill) for arg in args])
    assert result.exit_code == 1
    assert result.stderr == f"error: {folder}: no input files ({said}\n"
    assert output is None or not Path(output.format(**fill)).exists()
