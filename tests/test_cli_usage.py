"""Usage errors (unknown command or option, missing argument, bad value) are one line on
stderr, `error: MESSAGE (see 'teikit CMD -h')`, exit 2, and nothing on stdout."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from teikit.cli import app

runner = CliRunner()

CASES = {
    "unknown command": (["frobnicate"], "No such command 'frobnicate' (see 'teikit -h')"),
    "unknown subcommand": (["ner", "frobnicate"], "No such command 'frobnicate' (see 'teikit ner -h')"),
    "unknown option": (["validate", "--frobnicate", "x.xml"],
                       "No such option: --frobnicate (Possible options: --format) (see 'teikit validate -h')"),
    "missing argument": (["convert"], "Missing argument 'PATH' (see 'teikit convert -h')"),
    "missing argument of a subcommand": (["ner", "extract"], "Missing argument 'PATH' (see 'teikit ner extract -h')"),
    "option without its value": (["render", "x.xml", "-o"], "Option '-o' requires an argument (see 'teikit -h')"),
    "bad integer": (["render", "--jobs", "many", "x.xml"],
                    "Invalid value for '--jobs' / '-j': Input should be a valid integer, unable to parse string "
                    "as an integer (see 'teikit render -h')"),
    "bad choice": (["render", "-f", "pdf", "x.xml"],
                   "Invalid value for '--format' / '-f': Value error, 'pdf' is not one of 'html', 'txt' "
                   "(see 'teikit render -h')"),
    "a name that forges a line": (["validate", "--a\nerror: forged", "x.xml"],
                                  "No such option: --a\\x0aerror: forged (see 'teikit validate -h')"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_usage_error_is_one_line_and_exit_2(case):
    args, message = CASES[case]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"
    assert result.stdout == ""


def test_the_installed_command_says_the_same():
    """Through the real entry point (sys.exit, not the test runner)."""
    done = subprocess.run([sys.executable, "-c", "from teikit.cli import main; main()", "convert", "--bogus", "x"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].startswith("error: No such option: --bogus")
    assert len(done.stderr.splitlines()) == 1 and done.stdout == ""


def test_a_group_named_without_its_command_shows_its_help_and_exits_2():
    result = runner.invoke(app, ["ner"])
    assert result.exit_code == 2
    assert "train" in result.output and "extract" in result.output and "error:" not in result.output


def test_help_and_version_still_exit_0():
    assert runner.invoke(app, ["--version"]).exit_code == 0
    assert runner.invoke(app, ["convert", "-h"]).exit_code == 0
