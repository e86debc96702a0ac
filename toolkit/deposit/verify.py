"""`verify_package`: completeness, fixity and TEI validity of a deposit.

bagit.Bag.validate() stops at the first kind of failure and reports in its own
words, so the manifests are also checked here, one Problem per damaged file:
a changed byte, a missing file, an extra file, a changed tag file. Then the TEI
is re-validated against the schema the package itself carries, and each TEI
header's source sha256 is checked against the packaged source file
(sources.check_sources). A package made without sources passes with a note.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from ..errors import DepositError, ToolkitError
from ..fsutil import MissingInputError
from ..validate import Validator
from ..xmlsafe import NotWellFormedError, parse_file
from .archive import extract_safely, format_of
from .baginfo import CHECKSUMS, digests, parse_info, quiet_bagit
from .sources import check_sources

_MANIFEST = re.compile(r"^(tag)?manifest-([a-z0-9]+)\.txt$")


@dataclass(frozen=True)
class Problem:
    path: str | None  # inside the bag (data/tei/x.xml), with :line:col for TEI errors
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class VerifyResult:
    package: Path
    problems: list[Problem] = field(default_factory=list)
    payload_files: int = 0
    tei_files: int = 0
    sources_checked: int = 0  # TEI files whose packaged source has the sha256 their header records
    notes: list[str] = field(default_factory=list)  # worth saying, but not a failure

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(package) -> VerifyResult:
    """Verify a bag given as a directory, a .zip or a .tar.gz."""
    package = Path(package)
    if not package.exists():
        raise MissingInputError("no such file or directory", path=str(package))
    if package.is_dir():
        return _verify_bag(package, package)
    if format_of(package) == "dir":
        raise DepositError("not a package: expected a directory, a .zip or a .tar.gz", path=str(package))
    with tempfile.TemporaryDirectory(prefix="teikit-verify-") as tmp:
        return _verify_bag(extract_safely(package, Path(tmp)), package)


def _verify_bag(root: Path, package: Path) -> VerifyResult:
    result = VerifyResult(package)
    if not (root / "bagit.txt").is_file():
        result.problems.append(Problem("bagit.txt", "missing: not a BagIt package"))
        return result
    fixity, result.payload_files = check_fixity(root)
    result.problems += fixity
    if not fixity:  # an independent second opinion; its failures are already reported above otherwise
        result.problems += _bagit_opinion(root)
    already = {p.path for p in fixity}
    tei, result.tei_files, trees = check_tei(root, already)
    result.problems += tei
    sources = check_sources(root, trees, already)
    result.problems += [Problem(path, message) for path, message in sources.problems]
    result.notes += sources.notes
    result.sources_checked = sources.checked
    return result


def _files(root: Path, under: str | None = None):
    """Relative POSIX paths of files below root (or root/under), not following links."""
    base = root / under if under else root
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames) + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            found.append(Path(dirpath, name).relative_to(root).as_posix())
    return found


def _read_manifest(root: Path, name: str, problems: list[Problem]) -> dict[str, str]:
    entries = {}
    text = (root / name).read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.strip().split(None, 1)
        if len(parts) != 2:
            problems.append(Problem(name, f"line {number}: malformed entry"))
            continue
        digest, path = parts[0].lower(), parts[1].lstrip("*")
        if path.startswith("/") or ".." in path.split("/"):
            problems.append(Problem(name, f"line {number}: unsafe path {path!r}"))
            continue
        entries[path] = digest
    return entries


def check_fixity(root: Path) -> tuple[list[Problem], int]:
    """One Problem per damaged, missing or extra file; and the number of payload files present."""
    problems: list[Problem] = []
    manifests: dict[str, dict[str, dict[str, str]]] = {"": {}, "tag": {}}  # kind -> alg -> path -> digest
    for name in sorted(p.name for p in root.iterdir() if p.is_file()):
        match = _MANIFEST.match(name)
        if match:
            manifests[match.group(1) or ""][match.group(2)] = _read_manifest(root, name, problems)
    on_disk = []
    for path in _files(root):
        # Never hash through a link or from a FIFO/device: it could read outside the bag or block.
        if (root / path).is_symlink():
            problems.append(Problem(path, "symbolic link: not allowed in a package"))
        elif not (root / path).is_file():
            problems.append(Problem(path, "not a regular file: not allowed in a package"))
        else:
            on_disk.append(path)
    payload = {p for p in on_disk if p.startswith("data/")}
    tags = {p for p in on_disk if not p.startswith("data/") and not p.startswith("tagmanifest-")}
    problems += _compare(root, manifests[""], payload, "", "checksum mismatch", "the file changed since packaging")
    if manifests["tag"]:
        problems += _compare(root, manifests["tag"], tags, "tag ", "tag manifest mismatch", "the tag file changed since packaging")
    reported = {p.path for p in problems}
    for kind in manifests:  # a teikit deposit always carries both algorithms for payload and tags
        for alg in CHECKSUMS:
            name = f"{kind}manifest-{alg}.txt"
            if alg not in manifests[kind] and name not in reported:
                problems.append(Problem(name, "missing: a teikit package has sha256 and sha512 manifests"))
    if not any(p.path and p.path.startswith("data/") for p in problems):
        problems += _check_oxum(root, payload)
    return problems, len(payload)


def _compare(root: Path, by_alg: dict[str, dict[str, str]], present: set[str], kind: str, mismatch: str, why: str) -> list[Problem]:
    problems = []
    listed = sorted(set().union(*by_alg.values())) if by_alg else []
    label = {alg: f"{kind.strip()}manifest-{alg}.txt" for alg in by_alg}
    for path in listed:
        missing_from = [label[alg] for alg in sorted(by_alg) if path not in by_alg[alg]]
        if missing_from:
            problems.append(Problem(path, f"not listed in {', '.join(missing_from)}"))
        if path not in present:
            problems.append(Problem(path, f"missing {kind}file listed in {', '.join(label[a] for a in sorted(by_alg) if path in by_alg[a])}"))
            continue
        algs = sorted(alg for alg in by_alg if path in by_alg[alg])
        found = digests(root / path, algs)
        bad = [alg for alg in algs if found[alg] != by_alg[alg][path]]
        if bad:
            problems.append(Problem(path, f"{mismatch} ({', '.join(bad)}): {why}"))
    for path in sorted(present - set(listed)):
        problems.append(Problem(path, f"extra {kind}file not in {kind}manifest"))
    return problems


def _check_oxum(root: Path, payload: set[str]) -> list[Problem]:
    info_path = root / "bag-info.txt"
    if not info_path.is_file():
        return []
    oxum = parse_info(info_path.read_text(encoding="utf-8", errors="replace")).get("Payload-Oxum")
    if not oxum:
        return []
    found = f"{sum((root / p).stat().st_size for p in payload)}.{len(payload)}"
    if oxum[0] != found:
        return [Problem("bag-info.txt", f"Payload-Oxum {oxum[0]} does not match the payload ({found})")]
    return []


def _bagit_opinion(root: Path) -> list[Problem]:
    try:
        with quiet_bagit():
            bagit.Bag(str(root)).validate(processes=1)
    except bagit.BagError as exc:
        return [Problem(None, f"bagit: {exc}")]
    return []


def check_tei(root: Path, already: set) -> tuple[list[Problem], int, dict]:
    """Re-validate data/tei/*.xml against data/schema/teikit.rng and teikit.sch inside the bag.

    Returns the problems, the number of TEI files and the parsed trees (payload path -> tree)."""
    tei = sorted(p for p in (root / "data" / "tei").glob("*.xml") if p.is_file() and not p.is_symlink()) if (root / "data" / "tei").is_dir() else []
    problems, trees = [], {}
    rng, sch = root / "data/schema/teikit.rng", root / "data/schema/teikit.sch"
    absent = [p for p in (rng, sch) if not p.is_file()]
    problems += [Problem(p.relative_to(root).as_posix(), "missing: the TEI cannot be re-validated")
                 for p in absent if p.relative_to(root).as_posix() not in already]
    checker = None
    if not absent:
        try:
            checker = Validator(rng_path=rng, sch_path=sch)
        except ToolkitError as exc:
            problems.append(Problem("data/schema", f"cannot use the packaged schema: {exc.message}"))
    for path in tei:
        rel = path.relative_to(root).as_posix()
        try:
            trees[rel] = tree = parse_file(path)
        except NotWellFormedError as exc:
            problems.append(Problem(f"{rel}:{exc.line}:{exc.column}", f"invalid TEI: {exc.message}"))
            continue
        except ToolkitError as exc:
            problems.append(Problem(rel, f"invalid TEI: {exc.message}"))
            continue
        for finding in checker.iter_errors(tree, name=rel) if checker else ():
            problems.append(Problem(f"{rel}:{finding.line}:{finding.column}", f"invalid TEI: [{finding.rule}] {finding.message}"))
    return problems, len(tei), trees
