"""`teikit validate`: RELAX NG + Schematron over files and directories, one line per error."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import one_line
from ..validate import validate_paths
from .common import EXIT_FAILED, EXIT_OK, ReportFormat, guarded, jobs_option, progress


def validate(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="TEI files, or directories searched for *.xml (recursively).", show_default=False
    ),
    report_format: ReportFormat = typer.Option(
        ReportFormat.text, "--format", help="text: one line per error and a summary; json: a per-file report."
    ),
    jobs: Optional[int] = jobs_option(),
) -> None:
    """Validate TEI documents against the teikit schema (RELAX NG) and rules (Schematron).

    Exit status: 0 all valid, 1 any invalid or not well-formed, 2 usage error.
    """
    with guarded():
        report = validate_paths(paths, progress=progress, jobs=jobs)
    if report_format is ReportFormat.json:
        typer.echo(report.to_json(), nl=False)
    else:
        for issue in report.issues:
            typer.echo(one_line(str(issue)))  # one line, whatever the file's name holds
        typer.echo(report.summary())
    raise typer.Exit(EXIT_OK if report.valid else EXIT_FAILED)


def register(app) -> None:
    app.command("validate")(validate)
