"""`teikit convert`: articles → TEI files."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..convert import convert_paths
from ..options import ConvertOptions
from .common import EXIT_FAILED, error_line, guarded, progress


def convert(
    paths: List[Path] = typer.Argument(..., help="Article files (.txt) or folders holding them."),
    out_dir: Path = typer.Option(..., "--output", "-o", help="Folder for the TEI files (DIR/<stem>.xml)."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model folder from `teikit ner train`; rules only without it."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Write without validating against the project schema."),
    publisher: str = typer.Option(ConvertOptions.publisher, "--publisher", help="Publisher of this edition, for the TEI header."),
    licence: str = typer.Option(ConvertOptions.licence, "--licence", help="Licence of this edition, for the TEI header."),
    conversion_date: Optional[str] = typer.Option(None, "--date", help="Date of this conversion (YYYY-MM-DD) for revisionDesc; none by default, so rebuilds are byte-identical."),
) -> None:
    """Convert news articles to TEI P5 with entity markup and a register.

    Exit 0 when every article converted, 1 when some failed (the others are
    still written), 2 for a usage error.
    """
    options = ConvertOptions(publisher=publisher, licence=licence, conversion_date=conversion_date,
                             model_dir=str(model) if model else None, validate=not no_validate)
    with guarded():
        report = convert_paths(paths, out_dir, options, progress=progress)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for failure in report.failures:
        error_line(failure.message)
    total = len(report.written) + len(report.failures)
    typer.echo(f"{len(report.written)} of {total} converted into {out_dir}", err=True)
    if report.failures:
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
