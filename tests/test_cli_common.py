"""The CLI's shared behaviour: progress only on a terminal for larger batches, error lines."""

from __future__ import annotations

import io
import sys

import pytest
import typer

from teikit.cli import common
from teikit.errors import IngestError
from teikit.fsutil import MissingInputError


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


@pytest.mark.parametrize("error, code", [(IngestError("empty file", path="a.txt"), 1),
                                         (MissingInputError("no such file or directory", path="b"), 2)])
def test_guarded_turns_errors_into_one_line_and_an_exit_code(capsys, error, code):
    with pytest.raises(typer.Exit) as exit_info:
        with common.guarded():
            raise error
    assert exit_info.value.exit_code == code
    assert capsys.readouterr().err == f"error: {error}\n"
