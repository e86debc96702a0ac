"""`teikit tidy`: bring edited TEI files back into the encoding (teikit.editing.tidy).

Contract: each file is tidied in place, written (atomically) only when
something changed; each change is one line `FILE: what changed` on stderr,
each file that cannot be read or parsed one `error:` line, then the summary
`N of M files tidied`. A change that needs the editor (a register entry that
holds the editor's data but that no name points to) is said as a `warning:`.
Exit 0 when every file could be tidied, 1 when some could not, 2 for a usage
error (no such path).
"""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from ..editing import tidy_paths
from ..editing.tidy import NEEDS_EDITOR
from .common import EXIT_FAILED, follow_symlinks_option, guarded, print_report, progress, say, warning_line


def print_changes(changes: dict, prefix: str = "") -> None:
    """One line per change: `FILE: change` (a warning when the editor must decide)."""
    for path, lines in changes.items():
        for line in lines:
            if NEEDS_EDITOR in line:
                warning_line(f"{prefix}{path}: {line}")
            else:
                say(f"{prefix}{path}: {line}", err=True)


def tidy_summary(report, changes: dict) -> str:
    total = len(changes) + len(report.failures)
    return f"{len(report.written)} of {total} file{'s' if total != 1 else ''} tidied"


def tidy(
    paths: List[Path] = typer.Argument(..., metavar="PATH", help="TEI files (.xml) or folders holding them."),
    follow_symlinks: bool = follow_symlinks_option(),
) -> None:
    """Bring edited TEI back into the encoding: registers rebuilt from the names, @refs made to resolve.

    Every name gets a @ref to a register entry of its kind (added when new);
    entries no name points to are removed, unless they hold your own data;
    nothing you wrote in the text or the register is lost. Files are changed
    in place, only when something changes. Exit 0 when every file could be
    tidied, 1 when some could not, 2 for a usage error.
    """
    with guarded():
        report, changes = tidy_paths(paths, progress=progress, follow_symlinks=follow_symlinks)
    print_changes(changes)
    if print_report(report, tidy_summary(report, changes)):
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.command("tidy")(tidy)
