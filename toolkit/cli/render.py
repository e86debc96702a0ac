"""CLI for the render stage: `teikit render PATH... --format html|txt -o DIR`.

The formats and abbreviation modes are the render stage's own (render.FORMATS,
render.ABBR_MODES). Exit 0 when every file rendered, 1 when some failed (the
others are still written), 2 for a usage error.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..render import FORMATS, render_paths
from .common import (AbbrMode, EXIT_FAILED, abbr_option, choices, guarded, output_dir_option, print_report,
                     progress, stage_default)

Format = choices("Format", FORMATS)


def render(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="TEI files, or directories searched for *.xml."),
    fmt: Format = typer.Option(Format(stage_default(render_paths, "fmt")), "--format", "-f",
                               help="html: an article page per file plus index.html and registers/ "
                                    "(the corpus site of the given files); txt: a text file per file."),
    out_dir: Path = output_dir_option("Directory for DIR/<stem>.html or DIR/<stem>.txt."),
    abbr: AbbrMode = abbr_option(),
) -> None:
    """Render TEI to HTML (article pages and corpus pages) or plain text."""
    from ..render import build_site

    with guarded():
        if fmt.value == "html":
            report = build_site(paths, out_dir, progress=progress)
        else:
            report = render_paths(paths, out_dir, fmt.value, abbr=abbr.value, progress=progress)
    if print_report(report, f"rendered {len(report.written)} file(s) into {out_dir}"
                    + (f", {len(report.failures)} failed" if report.failures else "")):
        raise typer.Exit(EXIT_FAILED)


def register(app) -> None:
    app.command("render")(render)
