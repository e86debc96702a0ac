"""`teikit validate`: RELAX NG + Schematron over files and directories, one line per error.

--schema (repeatable) names what to validate against: teikit (the default), tei_all,
auto (each document's <?xml-model?>), or a .rng/.sch file; several combine (a
RELAX NG and a Schematron, say). A schema that cannot be found or compiled is a usage
error (exit 2), reported before any document is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ToolkitError, one_line
from ..validate import Validator
from .common import (EXIT_FAILED, EXIT_OK, EXIT_USAGE, ReportFormat, engine_for, error_line, guarded, jobs_option,
                     follow_symlinks_option, warning_line,
                     progress, scheduler_option)


def validate(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="TEI files, or directories searched for *.xml and *.tei (recursively).", show_default=False
    ),
    schema: Optional[List[str]] = typer.Option(
        None, "--schema", metavar="SCHEMA",
        help="teikit (default), tei_all, auto (the document's <?xml-model?>, local files only), or a .rng or .sch "
             "file; repeat to combine (e.g. a .rng and a .sch).", show_default=False,
    ),
    report_format: ReportFormat = typer.Option(
        ReportFormat.text, "--format", help="text: one line per error and a summary; json: a per-file report."
    ),
    jobs: Optional[int] = jobs_option(),
    follow_symlinks: bool = follow_symlinks_option(),
    scheduler: Optional[str] = scheduler_option(),
) -> None:
    """Validate TEI documents against the teikit schema (RELAX NG and Schematron) or the one given.

    Exit status: 0 all valid, 1 any invalid or not well-formed, 2 usage error.
    """
    try:
        validator = Validator(schemas=schema or None)
    except ToolkitError as exc:
        error_line(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    with guarded():
        with engine_for(jobs, scheduler) as engine:
            report = validator.validate_paths(paths, progress=progress, jobs=jobs, engine=engine,
                                              follow_symlinks=follow_symlinks)
    for message in report.warnings:
        warning_line(message)
    if report_format is ReportFormat.json:
        typer.echo(report.to_json(), nl=False)
    else:
        for issue in report.issues:
            typer.echo(one_line(str(issue)))  # one line, whatever the file's name holds
        typer.echo(report.summary())
    raise typer.Exit(EXIT_OK if report.valid else EXIT_FAILED)


def register(app) -> None:
    app.command("validate")(validate)
