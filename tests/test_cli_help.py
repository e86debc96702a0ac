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
    newer typer versions carry their own copy of click), asked for by name as click does
    (the root loads its commands on first use)."""
    yield path, command
    if hasattr(command, "list_commands"):
        for name in sorted(command.list_commands(None)):
            yield from walk(command.get_command(None, name), path + (name,))


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


# --- start-up: the root loads a command's module only when that command is used ---------------

# What only some commands need; `teikit --help` and `--version` must not pay for them.
HEAVY_MODULES = ("saxonche", "lxml.isoschematron", "trafilatura", "py3langid", "numpy", "dask", "distributed",
                 "pycrfsuite", "sqlite3", "bagit", "multiprocessing")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    import json
    import subprocess
    import sys

    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def heavy_in(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if m.split(".")[0] in HEAVY_MODULES or m in HEAVY_MODULES)


def test_importing_the_cli_loads_no_heavy_module_and_no_command():
    loaded = modules_after("import teikit.cli")
    assert heavy_in(loaded) == []
    assert sorted(m for m in loaded if m.startswith("teikit.cli.") and m != "teikit.cli.common") == []


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_the_root_help_and_version_load_no_heavy_module(flag):
    loaded = modules_after(f"from teikit.cli import app\ntry:\n    app([{flag!r}])\nexcept SystemExit:\n    pass")
    assert heavy_in(loaded) == []


def test_a_command_loads_what_it_needs():
    """The probe itself can fail: running a command does load its stage."""
    loaded = modules_after("from teikit.cli import app\ntry:\n    app(['validate', '--help'])\nexcept SystemExit:\n"
                           "    pass")
    assert "lxml.isoschematron" in heavy_in(loaded)


def test_the_root_help_lists_each_command_by_its_own_help():
    from teikit.cli import COMMANDS as LISTED, load_command

    for name, (_, line) in LISTED.items():
        assert load_command(name).help.split("\n\n")[0].strip() == line, name
    assert [name for name, _ in typer_commands_in_root_help()] == list(LISTED)


def typer_commands_in_root_help():
    output = help_of([])
    rows = [line.strip("│ ").split(None, 1) for line in output.splitlines() if line.startswith("│ ")]
    return [row for row in rows if row and not row[0].startswith("-") and row[0].islower()]
