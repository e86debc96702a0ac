"""Every command and option of `teikit` is documented, and its help is readable:
`-h` is `--help`, types read PATH/DIR/TEXT/INTEGER, a flag shows no type, an
argument shows no braces, and a closed list of values shows its real choices,
the ones the owning stage defines."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from teikit import __version__
from teikit.cli import app
from teikit.cli.common import ReportFormat
from teikit.deposit.archive import FORMATS as PACKAGE_FORMATS
from teikit.ner.extract import INPUT_FORMATS
from teikit.recognise.registry import RECOGNISER_NAMES
from teikit.render import ABBR_MODES, FORMATS as RENDER_FORMATS

runner = CliRunner()
WIDE = {"COLUMNS": "250"}  # one help row per line


def walk(command, path=()):
    """Every command under `command` (typer's click-style command objects, duck-typed:
    newer typer versions carry their own copy of click)."""
    yield path, command
    if getattr(command, "commands", None):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, path + (name,))


COMMANDS = list(walk(typer.main.get_command(app)))
IDS = [" ".join(p) or "teikit" for p, _ in COMMANDS]

# Options whose values are a closed list, with the list's owner. Any option
# spelled like one of these must be listed here (so a new one is checked too).
CLOSED = {
    ("render", "--format"): RENDER_FORMATS,
    ("render", "--abbr"): ABBR_MODES,
    ("build", "--abbr"): ABBR_MODES,
    ("build", "--package-format"): PACKAGE_FORMATS,
    ("deposit make", "--format"): PACKAGE_FORMATS,
    ("validate", "--format"): tuple(f.value for f in ReportFormat),
    ("ner evaluate", "--format"): tuple(f.value for f in ReportFormat),
    ("ner extract", "--input-format"): INPUT_FORMATS,
    ("ner extract", "--recogniser"): RECOGNISER_NAMES,
}
CLOSED_NAMES = {"--format", "--abbr", "--package-format", "--input-format", "--recogniser"}
# typer's own type labels (<bool>, <str>, <path>, <list[Path]>, <int range>, <a|b>); not help text like DIR/<stem>.xml
TYPER_LABEL = re.compile(r"<(?:bool|str|path|file|directory|int|float|int range|float range|datetime|list\[[^>]*\])>"
                         r"|<[\w.]+(?:\|[\w.]+)+>")


def help_of(path, flag="--help"):
    result = runner.invoke(app, [*path, flag], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_expected_commands_exist():
    names = {" ".join(path) for path, _ in COMMANDS}
    for expected in ("convert", "validate", "render", "build", "deposit make", "deposit verify",
                     "ner train", "ner extract", "ner evaluate"):
        assert expected in names


@pytest.mark.parametrize("path, command", COMMANDS, ids=IDS)
def test_command_has_help_and_every_option_is_documented(path, command):
    assert (command.help or "").strip(), f"`teikit {' '.join(path)}` has no help text"
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden and param.name != "help":
            assert (param.help or "").strip(), f"`teikit {' '.join(path)}` option {param.opts[0]} has no help"
    assert "Usage:" in help_of(path)


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=IDS)
def test_dash_h_is_help(path):
    assert help_of(path, "-h") == help_of(path, "--help")


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=IDS)
def test_help_shows_readable_types(path):
    text = help_of(path)
    assert not TYPER_LABEL.findall(text), f"`teikit {' '.join(path)} --help` shows {TYPER_LABEL.findall(text)}"
    (usage,) = [line for line in text.splitlines() if "Usage:" in line]
    assert "{" not in usage and "<" not in usage, usage


def _closed_cases():
    for path, command in COMMANDS:
        for param in command.params:
            for opt in getattr(param, "opts", ()):
                if opt in CLOSED_NAMES:
                    yield " ".join(path), opt


@pytest.mark.parametrize("name, option", sorted(set(_closed_cases()) | set(CLOSED)))
def test_a_closed_list_shows_its_real_choices(name, option):
    assert (name, option) in CLOSED, f"`teikit {name} {option}`: add it to CLOSED with the stage's own choices"
    rows = [line for line in help_of(name.split()).splitlines()
            if re.match(rf"│\s+(?:\*\s+)?{re.escape(option)}\s", line)]
    assert len(rows) == 1, rows
    shown = re.match(rf"│\s+(?:\*\s+)?{re.escape(option)}\s+(?:-\w\s+)?(\S+)", rows[0]).group(1)
    assert shown == "[" + "|".join(CLOSED[name, option]) + "]", rows[0]


def test_every_closed_list_is_checked():
    """The table above names only options that exist."""
    assert set(CLOSED) <= set(_closed_cases())


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"teikit {__version__}\n"


def test_unknown_command_is_a_usage_error():
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2
