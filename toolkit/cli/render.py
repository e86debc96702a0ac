"""CLI for the render stage: `teikit render PATH... --format html|txt -o DIR`.

The formats and abbreviation modes are the render stage's own (render.FORMATS,
render.ABBR_MODES). Exit 0 when every file rendered, 1 when some failed (the
others are still written), 2 for a usage error.

HTML into a folder that already holds a teikit site updates it: the given
articles' pages are rewritten or added and the index and registers still cover
every article the site holds (render.site); `--replace-site` rebuilds it from
the given files only. A render the site would not survive whole (a kept
article's TEI gone, no input files, an index.html teikit did not make) is
refused with one `error:` line, exit 1, and nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..render import FORMATS, build_site, render_paths, site_size
from .common import (AbbrMode, EXIT_FAILED, abbr_option, choices, guarded, engine_for, follow_symlinks_option, force_option, jobs_option, scheduler_option,
                     output_dir_option, print_report, progress, stage_default)

Format = choices("Format", FORMATS)


def render(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="TEI files, or directories searched for *.xml and *.tei."),
    fmt: Format = typer.Option(Format(stage_default(render_paths, "fmt")), "--format", "-f",
                               help="html: an article page per file plus index.html and registers/ "
                                    "(a site already in DIR is updated, never shrunk); txt: a text file per file."),
    out_dir: Path = output_dir_option("Directory for DIR/<stem>.html or DIR/<stem>.txt."),
    abbr: AbbrMode = abbr_option(),
    replace_site: bool = typer.Option(False, "--replace-site",
                                      help="html: rebuild the site in DIR from the given files only (by default "
                                           "an existing site is updated and keeps every article it holds)."),
    jobs: Optional[int] = jobs_option(),
    follow_symlinks: bool = follow_symlinks_option(),
    scheduler: Optional[str] = scheduler_option(),
    force: bool = force_option(),
) -> None:
    """Render TEI to HTML (article pages and corpus pages) or plain text."""
    holds = ""
    with guarded(), engine_for(jobs, scheduler) as engine:
        if fmt.value == "html":
            report = build_site(paths, out_dir, progress=progress, replace_site=replace_site, jobs=jobs,
                                engine=engine, follow_symlinks=follow_symlinks, force=force)
            size = site_size(out_dir)  # None: no manifest could be written (a full or read-only disk)
            holds = f"; the site holds {size} article(s)" if size is not None else ""
        else:
            report = render_paths(paths, out_dir, fmt.value, abbr=abbr.value, progress=progress, jobs=jobs,
                                  engine=engine, follow_symlinks=follow_symlinks, force=force)
    if print_report(report, f"rendered {report.written_count} file(s) into {out_dir}"
                    + (f", {report.unchanged_count} unchanged" if report.unchanged_count else "")
                    + (f", {len(report.failures)} failed" if report.failures else "") + holds):
        raise typer.Exit(EXIT_FAILED)


def register(app) -> None:
    app.command("render")(render)
