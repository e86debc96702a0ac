"""What every command shares: error lines, exit codes, progress bars, the --format choice."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum

import typer

from ..errors import ToolkitError
from ..fsutil import MissingInputError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROGRESS_THRESHOLD = 5  # show a bar only for batches larger than this


class ReportFormat(str, Enum):
    """--format of a command that reports: text for people, json for programs."""

    text = "text"
    json = "json"


def error_line(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


@contextmanager
def guarded():
    """Turn a ToolkitError into one `error:` line and exit 1 (2 for a missing path)."""
    try:
        yield
    except MissingInputError as exc:
        error_line(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except ToolkitError as exc:
        error_line(str(exc))
        raise typer.Exit(EXIT_FAILED) from None


def progress(items, description: str):
    """Iterate, with a progress bar on stderr only when it is a terminal and the batch is large."""
    items = list(items)
    if len(items) <= PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(items, description=description, console=Console(stderr=True), transient=True)
