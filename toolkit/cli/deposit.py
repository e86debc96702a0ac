"""CLI for the deposit stage: `teikit deposit make` and `teikit deposit verify`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import List, Optional

import typer

from ..deposit import DepositOptions, InvalidTEIError, OutputError, make_package, verify_package
from ..deposit.limits import DEFAULT_LIMITS
from .common import (EXIT_FAILED, EXIT_USAGE, PackageFormat, command_group, day_option, error_line, guarded, usage_error,
                     say, warning_line)

deposit_app = command_group("deposit", "Package TEI as a BagIt 1.0 archival deposit, and verify such a package.")


# --format's choices are the deposit's own archive.FORMATS, so the help shows them as [dir|zip|tar.gz].


@deposit_app.command("make")
def make(
    paths: List[Path] = typer.Argument(..., help="TEI files (*.xml, *.tei), or directories searched for them."),
    output: Path = typer.Option(..., "--output", "-o", help="The package to write: a directory, NAME.zip or NAME.tar.gz (.tgz). Any other suffix is refused; an existing file only replaced with --replace."),
    fmt: Optional[PackageFormat] = typer.Option(None, "--format", help="dir, zip or tar.gz (default: from the --output suffix, else dir; dir also allows a dotted directory name)."),
    sources: Optional[List[Path]] = typer.Option(None, "--sources", metavar="DIR", help="Folder (or file) holding the articles' source files, found by the sha256 in each TEI header and packaged under data/sources/. Repeatable. Without it the package holds no sources (a warning)."),
    replace: bool = typer.Option(False, "--replace", help="Replace an existing package at --output (a file, or a directory holding bagit.txt), atomically, once the new package is complete; any other directory is never replaced."),
    editions: bool = typer.Option(True, "--editions/--no-editions", help="Include HTML and plain-text editions under data/editions/."),
    allow_invalid: bool = typer.Option(False, "--allow-invalid", help="Package TEI that fails validation; recorded in bag-info.txt and the validation report."),
    bagging_date: Optional[str] = day_option("--bagging-date", "Bagging-Date YYYY-MM-DD, the day the bag is made (default: the UTC day of $SOURCE_DATE_EPOCH when set, else today in UTC). Either keeps rebuilds byte-identical."),
    source_organization: Optional[str] = typer.Option(None, "--source-organization", help="Source-Organization in bag-info.txt."),
    contact_name: Optional[str] = typer.Option(None, "--contact-name", help="Contact-Name in bag-info.txt."),
    contact_email: Optional[str] = typer.Option(None, "--contact-email", help="Contact-Email in bag-info.txt."),
    external_identifier: Optional[str] = typer.Option(None, "--external-identifier", help="External-Identifier in bag-info.txt (default: the package name)."),
    external_description: Optional[str] = typer.Option(None, "--external-description", help="External-Description in bag-info.txt (default: a sentence on what the package holds)."),
) -> None:
    """Make a BagIt 1.0 package of TEI, schema, editions, Dublin Core metadata and a validation report."""
    options = DepositOptions(
        format=fmt.value if fmt else None, editions=editions, allow_invalid=allow_invalid, bagging_date=bagging_date,
        sources=tuple(sources or ()), replace=replace,
        source_organization=source_organization, contact_name=contact_name, contact_email=contact_email,
        external_identifier=external_identifier, external_description=external_description,
    )
    with guarded():
        try:
            result = make_package(paths, output, options)
        except InvalidTEIError as exc:
            for finding in exc.findings:
                say(str(finding), err=True)
            raise
        except OutputError as exc:  # the output path is refused before anything is done: a usage error
            error_line(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    for warning in result.warnings:
        warning_line(warning)
    if result.invalid_files:
        warning_line(f"packaged {len(result.invalid_files)} invalid TEI file(s) (--allow-invalid): {', '.join(result.invalid_files)}")
    if result.replaced:
        say(f"{result.package}: replaced the package that was there")
    say(
        f"{result.package}: {result.format} package of {result.articles} article(s) and {result.source_files} source file(s), "
        f"{result.payload_files} payload files ({result.payload_bytes} bytes), Bagging-Date {result.bagging_date}"
    )


def _limit(name: str, field: str, what: str):
    default = getattr(DEFAULT_LIMITS, field)
    return typer.Option(default, name, min=1, metavar="N", help=f"{what} (default {default}).")


@deposit_app.command("verify")
def verify(
    package: Path = typer.Argument(..., help="A package made by `deposit make`: a directory, .zip or .tar.gz."),
    schema: Optional[Path] = typer.Option(None, "--schema", metavar="DIR", help="Check the TEI against the teikit.rng and teikit.sch in DIR (a package of another schema version) instead of this teikit's own schema. The package's own schema is never run."),
    max_member_bytes: int = _limit("--max-member-bytes", "member_bytes", "Largest archive member or TEI file, in bytes, unpacked"),
    max_total_bytes: int = _limit("--max-total-bytes", "total_bytes", "Largest unpacked size of an archive, in bytes"),
    max_members: int = _limit("--max-members", "members", "Most members an archive may hold"),
    max_ratio: int = _limit("--max-ratio", "ratio", "Highest compression ratio of a member or the archive (past its first MiB)"),
    max_manifest_bytes: int = _limit("--max-manifest-bytes", "manifest_bytes", "Largest manifest, tag file or metadata.csv, in bytes"),
) -> None:
    """Check completeness, fixity (sha256, sha512), TEI validity against teikit's own schema (a packaged schema that differs from it is a problem), and each TEI header's sha256 against its packaged source."""
    limits = replace(DEFAULT_LIMITS, member_bytes=max_member_bytes, total_bytes=max_total_bytes, members=max_members,
                     ratio=max_ratio, manifest_bytes=max_manifest_bytes)
    if schema is not None and not schema.is_dir():
        usage_error(f"{schema}: no such folder (--schema)")
    with guarded():
        result = verify_package(package, schema_dir=schema, limits=limits)
    if not result.ok:
        for problem in result.problems:
            error_line(f"{package}: {problem}")
        say(f"{package}: {len(result.problems)} problem(s)", err=True)
        raise typer.Exit(EXIT_FAILED)
    for note in result.notes:
        say(f"note: {package}: {note}", err=True)
    sources = f"; {result.sources_checked} TEI header(s) match their packaged source's sha256" if result.sources_checked else ""
    say(
        f"{package}: intact: {result.payload_files} payload files match their sha256 and sha512 checksums; "
        f"{result.tei_files} TEI file(s) valid against {result.schema}{sources}"
    )


def register(app) -> None:
    app.add_typer(deposit_app, name="deposit")
