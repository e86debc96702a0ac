"""CLI for the render stage: `teikit render PATH... --format html|txt -o DIR`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .common import EXIT_FAILED, error_line, guarded, progress


class Format(str, Enum):
    html = "html"
    txt = "txt"


class AbbrMode(str, Enum):
    keep = "keep"
    expand = "expand"


def render(
    paths: list[Path] = typer.Argument(..., help="TEI files, or directories searched for *.xml."),
    fmt: Format = typer.Option(Format.html, "--format", "-f",
                               help="html: an article page per file plus index.html and registers/ "
                                    "(the corpus site of the given files); txt: a text file per file."),
    out_dir: Path = typer.Option(..., "--output", "-o", help="Directory for DIR/<stem>.html or DIR/<stem>.txt."),
    abbr: AbbrMode = typer.Option(AbbrMode.keep, "--abbr",
                                  help="Text edition: keep abbreviations as written, or expand them "
                                       "(the expansion replaces the abbreviation, except where it is defined "
                                       "in parentheses)."),
) -> None:
    """Render TEI to HTML (article pages and corpus pages) or plain text."""
    from ..render import build_site, render_paths

    with guarded():
        if fmt is Format.html:
            report = build_site(paths, out_dir, progress=lambda items: progress(items, "render html"))
        else:
            report = render_paths(paths, out_dir, "txt", abbr=abbr.value,
                                  progress=lambda items: progress(items, "render txt"))
    for failure in report.failures:
        error_line(failure.message)
    typer.echo(f"rendered {len(report.written)} file(s) into {out_dir}"
               + (f", {len(report.failures)} failed" if report.failures else ""), err=True)
    if report.failures:
        raise typer.Exit(EXIT_FAILED)


def register(app) -> None:
    app.command("render")(render)
