"""`verify_package`: completeness, fixity and TEI validity of a deposit, trusting nothing in it.

bagit.Bag.validate() stops at the first kind of failure and reports in its own
words, so the manifests are also checked by teikit (fixity.py), one Problem
per damaged file: a changed byte, a missing file, an extra file, a changed tag
file, a manifest of an unknown hash algorithm. Then the TEI is validated against teikit's own
schema for the version the package records, or the one the user names
(reference.py: the package's schema is compared, never run), and each TEI
header's source sha256 is checked against the packaged source file
(sources.check_sources). A package made without sources passes with a note.
The corpus register under data/tei/register/ must read as one (toolkit/register),
and every @sameAs of an article's register entry must name an entry it holds.

Nothing is read through a symbolic link (bagread.py), tag files and
manifests are read only up to a limit, an archive is unpacked streamed and
bounded (extract.py, limits.py) into a staging folder that a killed run's
successor removes (fsutil.clean_stale_temps). Names from the package are
printed escaped (Problem.__str__), so one problem is one line.

Memory is flat in the number of files: what verify must know per file or per
article (the manifests' entries, the listing of the bag, the digests taken
while unpacking, each TEI header's source and register links, metadata.csv's
links) is kept in a deposit.scratch.Scratch (on disk), compared there and
read back sorted (ORDER BY) with cursors; only the problems found are kept in
memory. Manifests are read line by line, folders entry by entry, a zip's
central directory record by record (zipdir.py). bagit's second opinion
(opinion.py), whose bagit.Bag holds every entry it checks, runs on one slice
of the bag at a time (docs/deposit.md gives what it costs).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DepositError, MissingInputError, ToolkitError
from ..fsutil import staging_dir
from ..names import REGISTER_DIR
from ..register.files import KINDS, parse_register_bytes
from ..xmlsafe import POSITION, NotWellFormedError, parse_bytes
from .archive import format_of
from .bagread import read_member
from .extract import extract
from .fixity import _MANIFEST, Problem, _info, check_fixity
from .limits import DEFAULT_LIMITS, Limits
from .metadata import register_links, source_ref
from .opinion import bagit_opinion
from .reference import reference_schema
from .safenames import shown
from .scratch import Records, Scratch, decode, encode
from .sources import check_sources

@dataclass
class VerifyResult:
    package: Path
    problems: list[Problem] = field(default_factory=list)
    payload_files: int = 0
    tei_files: int = 0
    sources_checked: int = 0  # TEI files whose packaged source has the sha256 their header records
    notes: list[str] = field(default_factory=list)  # worth saying, but not a failure
    schema: str = ""  # what the TEI was checked against ("teikit's schema 0.1.0")

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(package, schema_dir=None, limits: Limits = DEFAULT_LIMITS) -> VerifyResult:
    """Verify a bag given as a directory, a .zip or a .tar.gz, against teikit's schema
    (or the one in `schema_dir`), within `limits`."""
    package = Path(package)
    if not os.path.lexists(package):
        raise MissingInputError("no such file or directory", path=str(package))
    mode = os.lstat(package).st_mode
    if stat.S_ISLNK(mode):
        raise DepositError("is a symbolic link; name the package itself", path=str(package))
    if stat.S_ISDIR(mode):
        with Scratch() as scratch:
            return _verify_bag(package, package, {}, schema_dir, limits, scratch)
    if format_of(package) == "dir" or not stat.S_ISREG(mode):
        raise DepositError("not a package: expected a directory, a .zip or a .tar.gz", path=str(package))
    # Unpacked beside other teikit temporaries, under a name the next run recognises if this one is killed.
    unpacked = staging_dir(Path(tempfile.gettempdir()), "teikit-verify")
    try:
        with Scratch() as scratch:
            got = extract(package, unpacked, scratch, limits, zip_format=format_of(package) == "zip")
            return _verify_bag(got.root, package, got.digests, schema_dir, limits, scratch)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)


def _verify_bag(root: Path, package: Path, known, schema_dir, limits: Limits, scratch: Scratch) -> VerifyResult:
    result = VerifyResult(package)
    try:
        read_member(root, "bagit.txt", limits.manifest_bytes)
    except DepositError as exc:
        message = "missing: not a BagIt package" if exc.message == "missing" else exc.message
        result.problems.append(Problem("bagit.txt", message))
        return result
    fixity, result.payload_files = check_fixity(root, known, limits, scratch)
    result.problems += fixity
    if not fixity:  # an independent second opinion; its failures are already reported above otherwise
        text = check_tag_text(root, limits)  # bagit reads tag files in the encoding bagit.txt names
        result.problems += text or bagit_opinion(root, result.payload_files)
    already = {p.path for p in fixity}
    reference, schema_problems = reference_schema(root, _info(root, limits), schema_dir, limits, already)
    result.problems += [Problem(path, message) for path, message in schema_problems]
    result.schema = reference.label if reference else ""
    same_as = Records(scratch)
    tei, result.tei_files, refs = check_tei(root, already, reference.validator if reference else None, limits, same_as,
                                            scratch)
    result.problems += tei
    result.problems += check_register(root, same_as, already, limits)
    sources = check_sources(root, refs, already, known, limits, scratch)
    result.problems += [Problem(path, message) for path, message in sources.problems]
    result.notes += sources.notes
    result.sources_checked = sources.checked
    return result


_ENCODING = re.compile(r"^Tag-File-Character-Encoding:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def check_tag_text(root: Path, limits: Limits = DEFAULT_LIMITS) -> list[Problem]:
    """A teikit package's tag files are UTF-8 text: bagit.txt must declare UTF-8 (bagit would
    decode every tag file with whatever codec it names: utf-16, zlib_codec, rot13 …), and
    bag-info.txt, fetch.txt and the manifests must decode as UTF-8. One Problem per file that
    is not; those that cannot be read at all are check_fixity's to report."""
    problems = []
    names = sorted(e.name for e in os.scandir(root) if e.is_file(follow_symlinks=False)
                   and (e.name in ("bagit.txt", "bag-info.txt", "fetch.txt") or _MANIFEST.match(e.name)))
    for name in names:
        try:
            text = read_member(root, name, limits.manifest_bytes).decode("utf-8")
        except DepositError:
            continue
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, f"not UTF-8 text (byte {exc.start}): a teikit package's tag files are UTF-8"))
            continue
        declared = _ENCODING.search(text) if name == "bagit.txt" else None
        if declared and declared.group(1).lower() not in ("utf-8", "utf8"):
            problems.append(Problem(name, f"declares Tag-File-Character-Encoding '{shown(declared.group(1))}': "
                                          "a teikit package's tag files are UTF-8"))
    return problems


def check_tei(root: Path, already: set, checker, limits: Limits = DEFAULT_LIMITS,
              same_as=None, scratch: Scratch | None = None) -> tuple[list[Problem], int, dict]:
    """Validate data/tei/*.xml with `checker` (the reference schema's Validator; None: not checked).

    Returns the problems, the number of TEI files and what each header records of
    its source (payload path -> (name, sha256)): a scratch.Records in `scratch` when given
    (the listing of data/tei is sorted there too), else a dict; one document is held at a
    time. `same_as`, when given, gets each file's register links (payload path -> [@sameAs])."""
    folder = root / "data" / "tei"
    listing = (e.name for e in os.scandir(folder) if e.name.endswith(".xml") and e.is_file(follow_symlinks=False)) \
        if folder.is_dir() and not folder.is_symlink() else iter(())
    names = _sorted_names(listing, scratch)
    problems, refs, count = [], {} if scratch is None else Records(scratch), 0
    for name in names:
        count += 1
        rel = f"data/tei/{name}"
        try:
            tree = parse_bytes(read_member(root, rel, limits.member_bytes, "--max-member-bytes"), path=rel)
        except NotWellFormedError as exc:
            problems.append(Problem(f"{rel}:{exc.line}:{exc.column}", f"invalid TEI: {POSITION.sub('', exc.message)}"))
            continue
        except ToolkitError as exc:
            problems.append(Problem(rel, f"invalid TEI: {exc.message}"))
            continue
        refs[rel] = source_ref(tree)
        if same_as is not None:
            same_as[rel] = register_links(tree)
        for finding in checker.iter_errors(tree, name=rel) if checker else ():
            problems.append(Problem(f"{rel}:{finding.line}:{finding.column}", f"invalid TEI: [{finding.rule}] {finding.message}"))
    return problems, count, refs


def _sorted_names(names, scratch: Scratch | None):
    """sorted(names), sorted in `scratch` (on disk) when given."""
    if scratch is None:
        yield from sorted(names)
        return
    table = scratch.table("name BLOB")
    scratch.db.executemany(f"INSERT INTO {table} VALUES (?)", ((encode(name),) for name in names))
    for (raw,) in scratch.db.execute(f"SELECT name FROM {table} ORDER BY name"):
        yield decode(raw)


def check_register(root: Path, same_as: dict, already: set, limits: Limits = DEFAULT_LIMITS) -> list[Problem]:
    """The corpus register under data/tei/register/: each file reads as one, and every article's
    @sameAs (register/FILE#id) names an entry of a packaged file."""
    problems, ids, damaged = [], {}, set()
    for spec in KINDS.values():
        rel = f"data/tei/{REGISTER_DIR}/{spec.file}"
        if rel in already:  # its fixity failure is reported: its links are not checked against it
            damaged.add(f"{REGISTER_DIR}/{spec.file}")
            continue
        if not (root / rel).is_file() or (root / rel).is_symlink():
            continue
        try:
            data = read_member(root, rel, limits.member_bytes, "--max-member-bytes")
            _, entries = parse_register_bytes(data, rel, spec)
        except ToolkitError as exc:
            problems.append(Problem(rel, exc.message))
            damaged.add(f"{REGISTER_DIR}/{spec.file}")
            continue
        ids[f"{REGISTER_DIR}/{spec.file}"] = {entry[0] for entry in entries}
    for rel, links in same_as.items() if isinstance(same_as, Records) else sorted(same_as.items()):
        for link in links:
            file, _, ident = link.partition("#")
            if file not in damaged and ident not in ids.get(file, ()):
                problems.append(Problem(rel, f"@sameAs=\"{link}\" names no entry of the packaged corpus register"))
    return problems
