"""`teikit build`: the main job, the seed corpus end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..convert import convert_paths
from ..options import ConvertOptions
from .common import EXIT_FAILED, error_line, guarded, progress


def _labelled(label: str):
    return lambda items, _description="": progress(items, label)


def build(
    seeds: Path = typer.Option(Path("seeds"), "--seeds", help="Folder of source articles."),
    tei_dir: Path = typer.Option(Path("tei"), "--tei", help="Folder for the TEI master files."),
    dist: Path = typer.Option(Path("dist"), "--dist", help="Folder for editions and the deposit package."),
    deposit: bool = typer.Option(True, "--deposit/--no-deposit", help="Also make the BagIt deposit package."),
    package_format: str = typer.Option("zip", "--package-format", help="Deposit package format: dir, zip or tar.gz."),
    publisher: str = typer.Option(ConvertOptions.publisher, "--publisher", help="Publisher of the edition: TEI header and the package's Source-Organization."),
    contact_name: Optional[str] = typer.Option(None, "--contact-name", help="Contact-Name for the deposit package's bag-info.txt."),
    contact_email: Optional[str] = typer.Option(None, "--contact-email", help="Contact-Email for the deposit package's bag-info.txt."),
) -> None:
    """Convert, validate, render and package a corpus: SEEDS → TEI → dist/html, dist/txt, dist/deposit.

    Exit 0 when every step succeeded for every article, 1 otherwise (what could
    be done is still done).
    """
    from ..deposit import DepositOptions, make_package
    from ..render import build_site, render_paths
    from ..validate import default_validator

    failures: list[str] = []
    with guarded():
        converted = convert_paths([seeds], tei_dir, ConvertOptions(publisher=publisher), progress=progress)
        failures += [f.message for f in converted.failures]
        typer.echo(f"convert:  {len(converted.written)} TEI files in {tei_dir}", err=True)

        report = default_validator().validate_paths([tei_dir])
        failures += [str(issue) for issue in report.issues]
        typer.echo(f"validate: {report.summary()}", err=True)

        site = build_site([tei_dir], dist / "html", progress=_labelled("html"))
        texts = render_paths([tei_dir], dist / "txt", "txt", progress=_labelled("text"))
        failures += [f.message for f in site.failures + texts.failures]
        typer.echo(f"render:   {len(site.written)} HTML pages in {dist / 'html'}, "
                   f"{len(texts.written)} text files in {dist / 'txt'}", err=True)

        if deposit:
            suffix = "" if package_format == "dir" else f".{package_format}"
            target = dist / "deposit" / f"{seeds.resolve().name}-corpus{suffix}"
            if package_format == "dir" and target.exists():
                import shutil

                shutil.rmtree(target)
            result = make_package([tei_dir], target, DepositOptions(
                format=package_format, source_organization=publisher,
                contact_name=contact_name, contact_email=contact_email))
            typer.echo(f"deposit:  {result.package} ({result.articles} articles, "
                       f"{result.payload_files} files, bagged {result.bagging_date})", err=True)
    for message in failures:
        error_line(message)
    if failures:
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.command("build")(build)
