"""`verify_package`: completeness, fixity and TEI validity of a deposit, trusting nothing in it.

bagit.Bag.validate() stops at the first kind of failure and reports in its own
words, so the manifests are also checked here, one Problem per damaged file:
a changed byte, a missing file, an extra file, a changed tag file, a manifest
of an unknown hash algorithm. Then the TEI is validated against teikit's own
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
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from ..errors import DepositError, MissingInputError, ToolkitError
from ..fsutil import staging_dir, walk
from ..names import REGISTER_DIR
from ..register.files import KINDS, parse_register_bytes
from ..xmlsafe import NotWellFormedError, parse_bytes
from .archive import format_of
from .bagread import member_digests, read_member
from .baginfo import CHECKSUMS, parse_info, quiet_bagit
from .extract import extract
from .limits import DEFAULT_LIMITS, Limits
from .metadata import register_links, source_ref
from .reference import reference_schema
from .safenames import one_line, shown
from .sources import check_sources

_MANIFEST = re.compile(r"^(tag)?manifest-([a-z0-9]+)\.txt$")


@dataclass(frozen=True)
class Problem:
    path: str | None  # inside the bag (data/tei/x.xml), with :line:col for TEI errors
    message: str

    def __str__(self) -> str:  # names from the package escaped: one problem, one line
        return f"{shown(self.path)}: {one_line(self.message)}" if self.path else one_line(self.message)


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
        return _verify_bag(package, package, {}, schema_dir, limits)
    if format_of(package) == "dir" or not stat.S_ISREG(mode):
        raise DepositError("not a package: expected a directory, a .zip or a .tar.gz", path=str(package))
    # Unpacked beside other teikit temporaries, under a name the next run recognises if this one is killed.
    unpacked = staging_dir(Path(tempfile.gettempdir()), "teikit-verify")
    try:
        got = extract(package, unpacked, limits, zip_format=format_of(package) == "zip")
        return _verify_bag(got.root, package, got.digests, schema_dir, limits)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)


def _verify_bag(root: Path, package: Path, known: dict, schema_dir, limits: Limits) -> VerifyResult:
    result = VerifyResult(package)
    try:
        read_member(root, "bagit.txt", limits.manifest_bytes)
    except DepositError as exc:
        message = "missing: not a BagIt package" if exc.message == "missing" else exc.message
        result.problems.append(Problem("bagit.txt", message))
        return result
    fixity, result.payload_files = check_fixity(root, known, limits)
    result.problems += fixity
    if not fixity:  # an independent second opinion; its failures are already reported above otherwise
        text = check_tag_text(root, limits)  # bagit reads tag files in the encoding bagit.txt names
        result.problems += text or _bagit_opinion(root)
    already = {p.path for p in fixity}
    reference, schema_problems = reference_schema(root, _info(root, limits), schema_dir, limits, already)
    result.problems += [Problem(path, message) for path, message in schema_problems]
    result.schema = reference.label if reference else ""
    same_as: dict = {}
    tei, result.tei_files, refs = check_tei(root, already, reference.validator if reference else None, limits, same_as)
    result.problems += tei
    result.problems += check_register(root, same_as, already, limits)
    sources = check_sources(root, refs, already, known, limits)
    result.problems += [Problem(path, message) for path, message in sources.problems]
    result.notes += sources.notes
    result.sources_checked = sources.checked
    return result


def _info(root: Path, limits: Limits) -> dict:
    try:
        return parse_info(read_member(root, "bag-info.txt", limits.manifest_bytes).decode("utf-8", "replace"))
    except DepositError:
        return {}  # fixity reports it (missing, a link, too large)


def _files(root: Path, under: str | None = None):
    """Relative POSIX paths of files below root (or root/under), not following links."""
    base = root / under if under else root
    found = []
    for dirpath, dirnames, filenames in walk(base):
        dirnames.sort()
        for name in sorted(filenames) + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            found.append(Path(dirpath, name).relative_to(root).as_posix())
    return found


def _read_manifest(root: Path, name: str, problems: list[Problem], limits: Limits) -> dict[str, str] | None:
    entries = {}
    try:
        text = read_member(root, name, limits.manifest_bytes).decode("utf-8", errors="replace")
    except DepositError as exc:
        problems.append(Problem(name, exc.message))
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.strip().split(None, 1)
        if len(parts) != 2:
            problems.append(Problem(name, f"line {number}: malformed entry"))
            continue
        digest, path = parts[0].lower(), parts[1].lstrip("*")
        if path.startswith("/") or ".." in path.split("/"):
            problems.append(Problem(name, f"line {number}: unsafe path '{shown(path)}'"))
            continue
        entries[path] = digest
    return entries


def _known_algorithm(alg: str) -> bool:
    try:
        hashlib.new(alg)
    except (ValueError, TypeError):
        return False
    return True


def check_fixity(root: Path, known: dict | None = None, limits: Limits = DEFAULT_LIMITS) -> tuple[list[Problem], int]:
    """One Problem per damaged, missing or extra file; and the number of payload files present.
    `known`: digests already computed while unpacking (path -> {alg: hex})."""
    problems: list[Problem] = []
    manifests: dict[str, dict[str, dict[str, str]]] = {"": {}, "tag": {}}  # kind -> alg -> path -> digest
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        match = _MANIFEST.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue  # a link or other non-file is reported with every other file below
        if not _known_algorithm(match.group(2)):
            problems.append(Problem(entry.name, f"unknown hash algorithm '{match.group(2)}': this manifest cannot be checked"))
            continue
        entries = _read_manifest(root, entry.name, problems, limits)
        if entries is not None:
            manifests[match.group(1) or ""][match.group(2)] = entries
    on_disk, refused = [], set()
    for path in _files(root):
        # Never hash through a link or from a FIFO/device: it could read outside the bag or block.
        if (root / path).is_symlink():
            problems.append(Problem(path, "symbolic link: not allowed in a package"))
        elif not (root / path).is_file():
            problems.append(Problem(path, "not a regular file: not allowed in a package"))
        else:
            on_disk.append(path)
            continue
        refused.add(path)
    payload = {p for p in on_disk if p.startswith("data/")}
    tags = {p for p in on_disk if not p.startswith("data/") and not p.startswith("tagmanifest-")}
    digests = _Digests(root, known or {}, refused)
    problems += _compare(digests, manifests[""], payload, "", "checksum mismatch", "the file changed since packaging")
    if manifests["tag"]:
        problems += _compare(digests, manifests["tag"], tags, "tag ", "tag manifest mismatch", "the tag file changed since packaging")
    reported = {p.path for p in problems}
    for kind in manifests:  # a teikit deposit always carries both algorithms for payload and tags
        for alg in CHECKSUMS:
            name = f"{kind}manifest-{alg}.txt"
            if alg not in manifests[kind] and name not in reported:
                problems.append(Problem(name, "missing: a teikit package has sha256 and sha512 manifests"))
    if not any(p.path and p.path.startswith("data/") for p in problems):
        problems += _check_oxum(root, payload, limits)
    return problems, len(payload)


class _Digests:
    """A member's digests: those computed while unpacking, else read now (never through a link)."""

    def __init__(self, root: Path, known: dict, refused: set):
        self.root, self.known = root, known
        self.refused = refused  # links and special files, already reported: never read, never "missing"

    def __call__(self, path: str, algs) -> dict[str, str]:
        have = self.known.get(path, {})
        missing = [alg for alg in algs if alg not in have]
        return {**have, **(member_digests(self.root, path, missing) if missing else {})}


def _compare(digests: _Digests, by_alg: dict[str, dict[str, str]], present: set[str], kind: str, mismatch: str, why: str) -> list[Problem]:
    problems = []
    listed = sorted(set().union(*by_alg.values())) if by_alg else []
    label = {alg: f"{kind.strip()}manifest-{alg}.txt" for alg in by_alg}
    for path in listed:
        if path in digests.refused:
            continue
        missing_from = [label[alg] for alg in sorted(by_alg) if path not in by_alg[alg]]
        if missing_from:
            problems.append(Problem(path, f"not listed in {', '.join(missing_from)}"))
        if path not in present:
            problems.append(Problem(path, f"missing {kind}file listed in {', '.join(label[a] for a in sorted(by_alg) if path in by_alg[a])}"))
            continue
        algs = sorted(alg for alg in by_alg if path in by_alg[alg])
        try:
            found = digests(path, algs)
        except DepositError as exc:
            problems.append(Problem(path, exc.message))
            continue
        bad = [alg for alg in algs if found[alg] != by_alg[alg][path]]
        if bad:
            problems.append(Problem(path, f"{mismatch} ({', '.join(bad)}): {why}"))
    for path in sorted(present - set(listed)):
        problems.append(Problem(path, f"extra {kind}file not in {kind}manifest"))
    return problems


def _check_oxum(root: Path, payload: set[str], limits: Limits) -> list[Problem]:
    oxum = _info(root, limits).get("Payload-Oxum")
    if not oxum:
        return []
    found = f"{sum((root / p).stat().st_size for p in payload)}.{len(payload)}"
    if oxum[0] != found:
        return [Problem("bag-info.txt", f"Payload-Oxum {oxum[0]} does not match the payload ({found})")]
    return []


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


def _bagit_opinion(root: Path) -> list[Problem]:
    try:
        with quiet_bagit():
            bagit.Bag(str(root)).validate(processes=1)
    except bagit.BagError as exc:
        return [Problem(None, f"bagit: {exc}")]
    except (ValueError, LookupError) as exc:  # bagit's own reading of a hostile tag file
        return [Problem(None, f"bagit: cannot read the bag ({exc.__class__.__name__}: {exc})")]
    return []


def check_tei(root: Path, already: set, checker, limits: Limits = DEFAULT_LIMITS,
              same_as: dict | None = None) -> tuple[list[Problem], int, dict]:
    """Validate data/tei/*.xml with `checker` (the reference schema's Validator; None: not checked).

    Returns the problems, the number of TEI files and what each header records of
    its source (payload path -> (name, sha256)); one document is held at a time.
    `same_as`, when given, gets each file's register links (payload path -> [@sameAs])."""
    folder = root / "data" / "tei"
    names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".xml") and e.is_file(follow_symlinks=False)) \
        if folder.is_dir() and not folder.is_symlink() else []
    problems, refs = [], {}
    for name in names:
        rel = f"data/tei/{name}"
        try:
            tree = parse_bytes(read_member(root, rel, limits.member_bytes, "--max-member-bytes"), path=rel)
        except NotWellFormedError as exc:
            problems.append(Problem(f"{rel}:{exc.line}:{exc.column}", f"invalid TEI: {exc.message}"))
            continue
        except ToolkitError as exc:
            problems.append(Problem(rel, f"invalid TEI: {exc.message}"))
            continue
        refs[rel] = source_ref(tree)
        if same_as is not None:
            same_as[rel] = register_links(tree)
        for finding in checker.iter_errors(tree, name=rel) if checker else ():
            problems.append(Problem(f"{rel}:{finding.line}:{finding.column}", f"invalid TEI: [{finding.rule}] {finding.message}"))
    return problems, len(names), refs


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
    for rel in sorted(same_as):
        for link in same_as[rel]:
            file, _, ident = link.partition("#")
            if file not in damaged and ident not in ids.get(file, ()):
                problems.append(Problem(rel, f"@sameAs=\"{link}\" names no entry of the packaged corpus register"))
    return problems
