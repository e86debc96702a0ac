"""Every command and option of `teikit` is documented; the CLI frame behaves."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from teikit import __version__
from teikit.cli import app

runner = CliRunner()


def walk(command, path=()):
    """Every command under `command` (typer's click-style command objects, duck-typed:
    newer typer versions carry their own copy of click)."""
    yield path, command
    if getattr(command, "commands", None):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, path + (name,))


COMMANDS = list(walk(typer.main.get_command(app)))


def test_the_expected_commands_exist():
    names = {" ".join(path) for path, _ in COMMANDS}
    for expected in ("convert", "validate", "render", "build", "deposit make", "deposit verify",
                     "ner train", "ner extract", "ner evaluate"):
        assert expected in names


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) or "teikit" for p, _ in COMMANDS])
def test_command_has_help_and_every_option_is_documented(path, command):
    assert (command.help or "").strip(), f"`teikit {' '.join(path)}` has no help text"
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden and param.name != "help":
            assert (param.help or "").strip(), f"`teikit {' '.join(path)}` option {param.opts[0]} has no help"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"teikit {__version__}\n"


def test_unknown_command_is_a_usage_error():
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2
