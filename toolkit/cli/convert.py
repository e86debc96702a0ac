"""`teikit convert`: articles → TEI files.

Exit 0 when every article converted (or its edited TEI was kept), 1 when some
failed (the others are still written; each failure is one `error:` line, each
loss of markup and each edited file kept or replaced one `warning:` line), 2 for
a usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..batch import counted
from ..convert import convert_paths
from ..options import ConvertOptions
from .common import (EXIT_FAILED, day_option, edit_policy, engine_for, follow_symlinks_option, guarded,
                     force_option, jobs_option,
                     language_option, licence_option, markup_licence_option, merge_option, model_option,
                     output_dir_option, overwrite_option, print_report, progress, publisher_option, scheduler_option)


def convert(
    paths: List[Path] = typer.Argument(..., metavar="PATH", help="Articles (.txt), web pages (.html, .htm, .html.gz, .htm.gz), web archives (.warc, .warc.gz), or folders holding them."),
    out_dir: Path = output_dir_option("Folder for the TEI files (DIR/<stem>.xml)."),
    model: Optional[Path] = model_option("A model folder from `teikit ner train`; rules only without it."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Write without validating against the project schema."),
    publisher: str = publisher_option(),
    licence: Optional[str] = licence_option(),
    markup_licence: str = markup_licence_option(),
    conversion_date: Optional[str] = day_option("--date", "Date of this conversion for revisionDesc; none by default, so rebuilds are byte-identical."),
    language: Optional[str] = language_option(),
    merge: bool = merge_option(),
    overwrite: bool = overwrite_option(),
    jobs: Optional[int] = jobs_option(),
    follow_symlinks: bool = follow_symlinks_option(),
    scheduler: Optional[str] = scheduler_option(),
    force: bool = force_option(),
) -> None:
    """Convert news articles to TEI P5 with entity markup and a register.

    A TEI file edited since teikit wrote it is kept as it is (one warning),
    unless --merge or --overwrite says otherwise (docs/editing.md). Into a
    folder converted before, only the articles whose TEI would change are
    converted again (--force: every one; docs/scale.md).

    Exit 0 when every article converted or was kept, 1 when some failed (the
    others are still written), 2 for a usage error.
    """
    edited = edit_policy(merge, overwrite)
    options = ConvertOptions(publisher=publisher, licence=licence, markup_licence=markup_licence, conversion_date=conversion_date,
                             model_dir=str(model) if model else None, validate=not no_validate,
                             language=language, follow_symlinks=follow_symlinks)
    with guarded():
        with engine_for(jobs, scheduler) as engine:
            report = convert_paths(paths, out_dir, options, progress=progress, edited=edited, jobs=jobs,
                                   engine=engine, force=force)
    failed = {failure.path for failure in report.failures}
    degraded = sum(1 for source in report.degraded if source not in failed)
    dropped = f" ({degraded} with markup dropped)" if degraded else ""
    if print_report(report, convert_summary(report, out_dir, dropped)):
        raise typer.Exit(EXIT_FAILED)


def convert_summary(report, out_dir, note: str = "") -> str:
    """`N of M converted into DIR` (+ `note`), with the edited files merged and kept counted apart."""
    unchanged = len(getattr(report, "unchanged", ()))
    total = len(report.written) + len(report.failures) + len(report.kept) + unchanged
    line = f"{len(report.written)} of {total} converted into {out_dir}{note}"
    if unchanged:
        line += f", {unchanged} unchanged"
    if report.merged:
        line += f" ({len(report.merged)} merged with {'its' if len(report.merged) == 1 else 'their'} edits)"
    if refreshed := len(getattr(report, "refreshed", ())):  # a web archive's unchanged pages (convertrecord)
        line += f" ({counted(refreshed, 'unchanged page')} given {'its' if refreshed == 1 else 'their'} archive's new sha256)"
    if report.kept:
        kept = len(report.kept)
        line += f", {kept} edited file{'s' if kept != 1 else ''} kept as {'it was' if kept == 1 else 'they were'}"
    if getattr(report, "skipped", None):
        line += "; skipped: " + ", ".join(counted(report.skipped[reason], reason) for reason in sorted(report.skipped))
    return line


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
