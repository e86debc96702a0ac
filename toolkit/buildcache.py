"""`teikit build`'s steps over the whole corpus, done again only when their inputs changed.

Contract (the records: teikit.buildrecord):
- Validation (`validate_unchanged`, record `<dist>/.teikit-build.json`, stage "validate"):
  a TEI file's result is kept by the digest of its path and bytes, the schema files and
  teikit itself, and given again while those are the same; a file that names its own
  schema (an `<?xml-model?>` an editor added) is always validated, as is one whose result
  was an internal error. A file the build's convert has just written, validated as it wrote
  it and found without an issue, is not validated again while it holds those bytes
  (batch.Report.validated). The results come in the order of the files given.
- The deposit package (`deposit_unchanged`, record beside it in `<dist>/deposit/`, stage
  "deposit") is made again unless its key is the one recorded and the package is still
  the bytes recorded (a folder: every file in it), or those a build was placing when it was
  killed (the entry's "pending": the new package's digest is recorded once it is whole, just
  before it takes the package's name). Its key: every TEI file's path and
  bytes, the corpus register beside them (register.register_digest: the package holds its files), the source
  folders' files, the deposit options (the bagging date as resolved: a package made on
  another day differs), the schema, the stylesheets (the editions it
  holds) and teikit itself. What the package held is recorded, so the build says the
  same line for a package it did not make again. A package there that no build made (one
  `deposit make` made at that name, or one changed since) is never replaced: DepositError,
  the package kept; under --force too (but not when the record cannot be read: it says so). A package made again takes the
  validation findings and editions of the articles it held before from its payload
  cache (deposit.payloadcache, in `<dist>/deposit/.teikit-payload/`).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, replace
from pathlib import Path

from . import buildrecord
from .errors import DepositError
from .validate.issues import FileResult, Issue, Report as ValidationReport

VALIDATE, DEPOSIT = "validate", "deposit"
HOLDS = ("articles", "source_files", "payload_files", "bagging_date", "warnings")  # of a deposit.PackageResult
_OWN_SCHEMA = b"<?xml-model"


def validate_unchanged(validator, paths, folder, *, engine=None, follow_symlinks: bool = False,
                       force: bool = False, warn=None, validated=None) -> tuple[ValidationReport, int]:
    """validator.validate_paths(paths) but for the files validated before as they are: (the
    report, how many results were taken from the record). `warn(line)` says a damaged record.
    `validated`: the Report.validated of the convert that wrote them with this validator (build:
    both the default one); a file still the bytes it names is found without an issue, as
    validating it would find it, and counts as validated, not as unchanged."""
    record = buildrecord.Record(folder, VALIDATE, force=force)
    if record.warning and warn is not None:
        warn(record.warning)
    environment = buildrecord.digest(VALIDATE, buildrecord.code_digest(), buildrecord.file_sha(validator.rng_path),
                                     buildrecord.file_sha(validator.sch_path))
    keys, known, clean = {}, {}, {}
    validated = validated or {}
    for path in map(str, paths):
        try:
            data = Path(path).read_bytes()
        except OSError:
            continue  # validate_paths reports it
        if _OWN_SCHEMA in data:
            continue
        keys[path] = key = buildrecord.digest(environment, path, data)
        if validated.get(path) == buildrecord.data_sha(data):
            clean[path] = FileResult(path, ())
            continue
        entry = record.entries.get(path)
        if entry is not None and entry.get("key") == key:
            try:
                known[path] = FileResult(path, tuple(Issue(**issue) for issue in entry["issues"]))
            except (KeyError, TypeError):
                pass  # a record edited by hand: validated again
    todo = [path for path in map(str, paths) if path not in known and path not in clean]
    fresh = (validator.validate_paths(todo, engine=engine, follow_symlinks=follow_symlinks) if todo
             else ValidationReport(()))
    results = {**clean, **{result.file: result for result in fresh.files}}
    record.entries = {}  # the corpus's files only
    for path, result in {**results, **known}.items():
        if path in keys and not any(issue.rule == "internal-error" for issue in result.issues):
            record.put(path, keys[path], None, issues=[asdict(issue) for issue in result.issues])
    results.update(known)
    report = ValidationReport(tuple(results[path] for path in map(str, paths) if path in results), fresh.warnings)
    _save(record, warn)
    return report, len(known)


def _package_sha(package: Path) -> str | None:
    """The package's digest (a folder: every file in it, hidden ones too: a .git an archivist added
    makes it another package than the one made)."""
    if package.is_dir():
        return buildrecord.folder_digest(package, hidden=True)
    return buildrecord.file_sha(package)


def deposit_unchanged(tei, package: Path, options, make, *, force: bool = False, warn=None,
                      others=()) -> tuple[dict, bool]:
    """make(tei, package, options) (deposit.make_package) unless the package there is what it
    would make: (what the package holds: articles, source_files, payload_files, bagging_date,
    warnings; whether it was made again). `others`: the same package in the other formats, the
    one a build made and no one changed since removed once this one is made (said)."""
    from .deposit.dates import bagging_day
    from .deposit.make import settle
    from .deposit.payloadcache import PayloadCache
    from .deposit.stages import schema_dir
    from .register import register_digest, registers_beside

    package = Path(package)
    settle(package)  # a killed run's package aside goes back, its staging folder goes: the package as it stands is judged
    record = buildrecord.Record(package.parent, DEPOSIT, force=force)
    if record.warning and warn is not None:
        warn(record.warning)
    resolved = replace(options, bagging_date=bagging_day(options.bagging_date))
    environment = buildrecord.digest(DEPOSIT, buildrecord.code_digest(), buildrecord.stylesheets_digest(),
                                     buildrecord.folder_digest(options.schema_dir or schema_dir()))
    key = buildrecord.digest(environment, repr(resolved),
                             [(str(path), buildrecord.file_sha(path)) for path in tei],
                             [(str(folder), register_digest(folder)) for folder in registers_beside(tei)],
                             [(str(folder), buildrecord.folder_digest(folder) if Path(folder).is_dir()
                               else buildrecord.file_sha(folder)) for folder in options.sources])
    entry = record.entries.get(package.name) or {}
    holds = entry.get("holds")
    standing = _package_sha(package) if entry.get("key") == key else None
    if standing is not None and isinstance(holds, dict) and set(holds) == set(HOLDS) and standing == entry.get("sha256"):
        return holds, False
    before = record.before(package.name) or {}  # --force forgot the entry, not what it said
    made_here = {before.get("sha256"), before.get("pending")} - {None}
    a_package = (package.is_file() or (package / "bagit.txt").is_file()) and not package.is_symlink()  # else make() refuses it
    # a record that cannot be read says nothing of it: the package is taken for the build's (the record's warning is said)
    if (a_package and record.read_warning is None
            and (standing if standing is not None else _package_sha(package)) not in made_here):
        raise DepositError("kept: it is not the package a build made here (one `deposit make` made, or changed since "
                           "a build made it); move it away, or remove it yourself, and build again", path=str(package))
    new = []

    def staged(path: Path) -> None:
        """The new package is whole: its digest recorded beside the old one's before it takes the name."""
        new.append(_package_sha(path))
        record.entries[package.name] = {**(record.entries.get(package.name) or before or {"key": ""}), "pending": new[0]}
        _save(record, warn)

    result = make(tei, package, resolved, cache=PayloadCache(package.parent, environment), staged=staged)
    holds = {field: getattr(result, field) for field in HOLDS}
    holds["warnings"] = list(holds["warnings"])
    record.drop(package.name)
    record.put(package.name, key, new[0] if new else _package_sha(package), holds=holds)
    _save(record, warn)  # the new package is the build's before any other goes
    for other in map(Path, others):  # a build of another --package-format: stale beside this one
        made_there = (record.before(other.name) or {}).get("sha256")
        if made_there is not None and not other.is_symlink() and _package_sha(other) == made_there:
            try:
                shutil.rmtree(other) if other.is_dir() else other.unlink()
            except OSError as exc:
                if warn is not None:
                    warn(f"{other}: cannot remove: {exc.strerror or exc} (an earlier build's package, in another format)")
                continue
            record.drop(other.name)
            _save(record, warn)
            if warn is not None:
                warn(f"{other}: removed: the build's package is now {package.name}")
    return holds, True


def _save(record, warn) -> None:
    try:
        record.save()
    except OSError as exc:
        if warn is not None:
            warn(f"{record.path}: cannot write: {exc.strerror or exc} (the build record)")
