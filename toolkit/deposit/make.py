"""`make_package`: TEI files (and their sources) -> a BagIt 1.0 deposit (directory, zip or tar.gz).

The output is checked first (output.py: the name says the format; an existing
directory is never touched, an existing file only with `replace`). The bag is
assembled in a staging directory beside the target, bagged with
bagit.make_bag, its tag files rewritten for BagIt 1.0 and reproducibility
(baginfo.py), serialised there when it is an archive, and only then moved to
the output in one rename (output.place): a failure at any step leaves no
package behind and the previous one, if any, untouched.

Bagging-Date is the day the bag is made (dates.py). With `sources`, each
article's source file is found by the sha256 its header records and packaged
under data/sources/ (sources.py); without, the package holds none and the
result carries a warning saying so.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

import bagit

from .. import __version__
from ..errors import DepositError, InvalidTEIError
from ..fsutil import collect_files, staging_dir
from ..validate import FileResult, Report, Validator
from ..xmlsafe import parse_bytes
from . import stages
from .archive import base_name, write_archive
from .baginfo import CHECKSUMS, finish_tag_files, human_size, quiet_bagit
from .dates import bagging_day, day_epoch
from .metadata import metadata_csv, read_record
from .options import DepositOptions
from .reference import SCHEMA_VERSION, VERSION_KEY
from .output import check_target, package_format, place
from .safenames import assign_names, contained
from .sources import SourceFinder, SourcePlan, plan_sources, read_source

TEI_DIR, SCHEMA_DIR, METADATA_DIR = "tei", "schema", "metadata"
HTML_DIR, TXT_DIR = "editions/html", "editions/txt"


@dataclass(frozen=True)
class PackageResult:
    package: Path
    format: str
    articles: int
    payload_files: int
    payload_bytes: int
    bagging_date: str
    invalid_files: tuple[str, ...]  # inputs packaged although invalid (only with allow_invalid)
    source_files: int = 0           # files under data/sources/
    replaced: bool = False          # an existing package file at `package` was replaced
    warnings: tuple[str, ...] = ()  # what the caller should tell the user (e.g. no sources packaged)


NO_SOURCES_WARNING = (
    "no sources given: the package holds no source files, so the sha256 in its TEI headers "
    "cannot be checked inside it (give --sources FOLDER)"
)


@dataclass(frozen=True)
class _Article:
    source: Path
    name: str  # the safe file name inside data/tei/
    data: bytes
    tree: object
    findings: tuple

    @property
    def payload_path(self) -> str:
        return f"data/{TEI_DIR}/{self.name}"


def gather_inputs(paths) -> list[Path]:
    """Regular *.xml files named or found under directories; never a symlink, never twice."""
    found, seen = [], set()
    for raw in paths:
        root = Path(raw)
        for path in collect_files([root], (".xml",)):
            if path.is_symlink():
                raise DepositError("is a symbolic link; a deposit takes only regular files (name the file it points to)", path=str(path))
            real = path.resolve()
            if root.is_dir() and not real.is_relative_to(root.resolve()):
                raise DepositError(f"resolves outside {root}", path=str(path))
            if real not in seen:
                seen.add(real)
                found.append(path)
    if not found:
        raise DepositError("no TEI files (*.xml) found", path=", ".join(str(p) for p in paths))
    return found


def make_package(paths, output, options: DepositOptions = DepositOptions()) -> PackageResult:
    """Package the TEI files under `paths` as a BagIt deposit at `output`."""
    output = Path(output)
    fmt = package_format(output, options.format)
    replacing = check_target(output, fmt, options.replace)
    bagging_date = bagging_day(options.bagging_date)
    schema = Path(options.schema_dir) if options.schema_dir else stages.schema_dir()
    inputs = gather_inputs(paths)
    finder = SourceFinder(options.sources) if options.sources else None
    names = assign_names(inputs, ".xml")

    name = base_name(output)
    staging = staging_dir(output.parent, name)
    try:
        bag = staging / name  # written at the bag root: make_bag moves everything into data/
        _copy_schema(schema, bag)
        # Validate against the very bytes being packaged, so the report and the schema agree.
        checker = Validator(rng_path=bag / SCHEMA_DIR / "teikit.rng", sch_path=bag / SCHEMA_DIR / "teikit.sch")
        articles = []
        for path in inputs:
            data = _read(path)  # read once: what is validated is what is packaged
            tree = parse_bytes(data, path=str(path))
            articles.append(_Article(path, names[path], data, tree, tuple(checker.iter_errors(tree, name=str(path)))))
        articles.sort(key=lambda a: a.name)
        invalid = [a for a in articles if a.findings]
        if invalid and not options.allow_invalid:
            files = ", ".join(str(a.source) for a in invalid)
            raise InvalidTEIError(
                f"refusing to package {len(invalid)} invalid TEI file(s) of {len(articles)}: {files} (fix them, or use --allow-invalid)",
                [f for a in invalid for f in a.findings],
            )
        plan = plan_sources(articles, finder) if finder else SourcePlan()
        records = [read_record(a.tree, a.payload_path, plan.source_file(a.payload_path)) for a in articles]

        _write_payload(bag, articles, records, plan, options)
        info = _bag_info(output, articles, invalid, bagging_date, plan, options)
        with quiet_bagit():
            made = bagit.make_bag(str(bag), bag_info=dict(info), checksums=list(CHECKSUMS), processes=1)
        info["Payload-Oxum"] = made.info["Payload-Oxum"]
        payload_bytes, payload_files = (int(n) for n in info["Payload-Oxum"].split("."))
        info["Bag-Size"] = human_size(payload_bytes)
        finish_tag_files(bag, info)
        staged = bag
        if fmt != "dir":
            staged = staging / output.name
            write_archive(bag, staged, fmt, day_epoch(bagging_date))
        place(staged, output, replacing)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PackageResult(
        output, fmt, len(articles), payload_files, payload_bytes, bagging_date, tuple(str(a.source) for a in invalid),
        source_files=len(plan.files), replaced=replacing, warnings=() if finder else (NO_SOURCES_WARNING,),
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DepositError(f"cannot read: {exc.strerror}", path=str(path)) from None


def _write(bag: Path, relative: str, data: bytes) -> None:
    target = contained(bag, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _copy_schema(schema: Path, bag: Path) -> None:
    for schema_file in stages.SCHEMA_FILES:
        source = schema / schema_file
        if not source.is_file():
            raise DepositError("schema file missing", path=str(source))
        _write(bag, f"{SCHEMA_DIR}/{schema_file}", source.read_bytes())


def _write_payload(bag: Path, articles, records, plan: SourcePlan, options: DepositOptions) -> None:
    for article in articles:
        _write(bag, f"{TEI_DIR}/{article.name}", article.data)  # the master, byte for byte
    for payload, (found, sha256) in plan.files.items():
        _write(bag, payload.removeprefix("data/"), read_source(found, sha256))  # the source, byte for byte
    if options.editions:
        editions = stages.Editions()
        for article in articles:
            stem = article.name.removesuffix(".xml")
            tei_href = posixpath.relpath(f"{TEI_DIR}/{article.name}", HTML_DIR)  # from the page to its master
            html, text = editions.render(article.tree, article.source, tei_href=tei_href)
            _write(bag, f"{HTML_DIR}/{stem}.html", html)
            _write(bag, f"{TXT_DIR}/{stem}.txt", text)
    _write(bag, f"{METADATA_DIR}/metadata.csv", metadata_csv(records))
    _write(bag, f"{METADATA_DIR}/validation-report.json", validation_report(articles, options.allow_invalid, plan))


def validation_report(articles, allow_invalid: bool, plan: SourcePlan = SourcePlan()) -> bytes:
    """The validation of every TEI file at packaging time, named by its place in the bag.

    The validate stage's report (summary, files with errors), plus where the
    schema is in the bag, whether --allow-invalid was given, each file's
    original name and the path of its packaged source (null when none).
    """
    body = Report(tuple(FileResult(a.payload_path, a.findings) for a in articles)).to_dict()
    for entry, article in zip(body["files"], articles):
        entry["source_name"] = article.source.name
        entry["source_file"] = plan.source_file(article.payload_path) or None
    report = {
        "generator": f"teikit {__version__}",
        "schema": {"relaxng": f"data/{SCHEMA_DIR}/teikit.rng", "schematron": f"data/{SCHEMA_DIR}/teikit.sch"},
        "allow_invalid": allow_invalid,
        **body,
    }
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _bag_info(output: Path, articles, invalid, bagging_date: str, plan: SourcePlan, options: DepositOptions) -> dict:
    holds = "TEI P5 masters, the project schema (ODD, RELAX NG, Schematron)"
    if plan.files:
        holds = f"TEI P5 masters with their {len(plan.files)} source file(s), the project schema (ODD, RELAX NG, Schematron)"
    if options.editions:
        holds += ", HTML and plain-text editions"
    description = options.external_description or (
        f"{len(articles)} news article(s) as TEI P5 made with teikit {__version__}: {holds}, "
        "Dublin Core metadata (metadata.csv) and a validation report."
    )
    info = {
        "Source-Organization": options.source_organization,
        "Contact-Name": options.contact_name,
        "Contact-Email": options.contact_email,
        "External-Description": description,
        "External-Identifier": options.external_identifier or base_name(output),
        "Bagging-Date": bagging_date,
        "Bag-Software-Agent": [f"teikit {__version__}", f"bagit.py v{bagit.VERSION} <{bagit.PROJECT_URL}>"],
        "Teikit-Source-Files": str(len(plan.files)),
        VERSION_KEY: SCHEMA_VERSION,
    }
    if options.allow_invalid:
        info["Teikit-Allow-Invalid"] = "true"
        info["Teikit-Invalid-Files"] = str(len(invalid))
    return {k: v for k, v in info.items() if v}
