"""The articles' source files in a deposit: found by sha256, packaged, checked.

Each TEI header records its source file's name and the sha256 of its bytes
(metadata.source_ref). `deposit make` with sources (folders or files):

    finder = SourceFinder(roots, scratch) # MissingInputError for a root that does not exist
    planner = SourcePlanner(finder)       # planner.add(tree, article): DepositError naming the TEI whose source is not there

A source is the file under the roots whose sha256 equals the header's: the
sha256 decides, the recorded name is only a hint of which file to hash first
(files of that name are hashed first; only when none matches is every other
candidate hashed, each file at most once). Candidates are regular files;
symbolic links are not followed. Two articles with one source (the same
sha256) share one packaged file. The file is packaged under
data/sources/<safe name of the recorded name> (safenames.safe_name), and
metadata.csv links each TEI row to it (metadata.SOURCE_COLUMN). The candidates,
their sha256 and the names given are kept in a deposit.scratch.Scratch, on disk:
memory does not grow with the number of sources.

`deposit verify` (check_sources) re-hashes each linked file against the sha256
in its TEI header: a missing or changed source, a TEI without a source in a
package that has sources, or a packaged source no TEI links to is a Problem.
A package made without sources gets a note, not a problem. Given a Scratch,
what it keeps per article (metadata.csv's links, the packaged sources) is on
disk there, read back sorted; metadata.csv is read as it streams, and
data/sources/ entry by entry.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DepositError, MissingInputError
from ..fsutil import scan
from ..ingest import source_stem
from ..names import SIDECAR_SUFFIX
from .bagread import member_digests, open_bounded
from .baginfo import digests
from .limits import DEFAULT_LIMITS, Limits
from .metadata import SOURCE_COLUMN, source_ref
from .safenames import safe_name, safe_parts
from .scratch import Records, Scratch, blob_path, decode, encode, path_blob, sorted_tree, walk_key

SOURCES_DIR = "sources"  # under data/
NO_SOURCES_NOTE = "no source files packaged: the sha256 in the TEI headers could not be checked against their sources"


def sha256_of(path: Path) -> str:
    return digests(path, ("sha256",))["sha256"]


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


class SourceFinder:
    """The candidate files under `roots`, hashed lazily and at most once each. What it knows of
    each file (its path, name and sha256) is kept in `scratch` (a deposit.scratch.Scratch: on
    disk), so memory does not grow with the number of files."""

    def __init__(self, roots, scratch: Scratch):
        self.roots = [Path(r) for r in roots]
        self.scratch = scratch
        self._db = scratch.db
        listed = scratch.table("seq INTEGER PRIMARY KEY, path BLOB UNIQUE")
        for root in self.roots:
            if root.is_dir():
                # os.walk order with sorted names, as fsutil.walk gives it; a linked folder is never entered
                for relative, _ in sorted_tree(self.scratch, root, walk_key, folders=False):
                    self._db.execute(f"INSERT OR IGNORE INTO {listed} (path) VALUES (?)", (path_blob(Path(root, relative)),))
            elif root.exists():
                self._db.execute(f"INSERT OR IGNORE INTO {listed} (path) VALUES (?)", (path_blob(root),))
            else:
                raise MissingInputError("no such file or directory (--sources)", path=str(root))
        self._files = self.scratch.table("seq INTEGER PRIMARY KEY, path BLOB, name BLOB, sum TEXT", index="name")
        for (raw,) in self._db.execute(f"SELECT path FROM {listed} ORDER BY seq"):
            path = blob_path(raw)
            if path.is_file() and not path.is_symlink():
                self._db.execute(f"INSERT INTO {self._files} (path, name) VALUES (?, ?)", (raw, encode(_nfc(path.name))))
        self._db.execute(f"DELETE FROM {listed}")
        self._count = self._db.execute(f"SELECT count(*) FROM {self._files}").fetchone()[0]
        self._by_sum = self.scratch.table("sum TEXT PRIMARY KEY, seq INTEGER")  # sha256 -> the first file hashed with it
        self._scanned = 0  # the files of seq <= _scanned are hashed

    @property
    def searched(self) -> str:
        return f"{self._count} file(s) in {', '.join(str(r) for r in self.roots)}"

    def _sum(self, seq: int) -> str:
        raw, known = self._db.execute(f"SELECT path, sum FROM {self._files} WHERE seq = ?", (seq,)).fetchone()
        if known is not None:
            return known
        try:
            known = sha256_of(blob_path(raw))
        except OSError:
            known = ""  # unreadable: matches nothing
        self._db.execute(f"UPDATE {self._files} SET sum = ? WHERE seq = ?", (known, seq))
        self._db.execute(f"INSERT OR IGNORE INTO {self._by_sum} VALUES (?, ?)", (known, seq))
        return known

    def _first_with(self, sha256: str) -> Path | None:
        row = self._db.execute(f"SELECT f.path FROM {self._by_sum} s JOIN {self._files} f ON f.seq = s.seq WHERE s.sum = ?",
                               (sha256,)).fetchone()
        return blob_path(row[0]) if row else None

    def find(self, name: str | None, sha256: str) -> Path | None:
        """A candidate whose bytes have `sha256`: same-named files are hashed first, then the
        others in order until one matches; no file is hashed twice."""
        for seq, path in self._named(name):
            if self._sum(seq) == sha256:
                return path
        while self._first_with(sha256) is None and self._scanned < self._count:
            self._scanned += 1
            self._sum(self._scanned)
        return self._first_with(sha256)

    def _named(self, name: str | None) -> list[tuple[int, Path]]:
        if not name:
            return []
        rows = self._db.execute(f"SELECT seq, path FROM {self._files} WHERE name = ? ORDER BY seq", (encode(_nfc(name)),))
        return [(seq, blob_path(raw)) for seq, raw in rows.fetchall()]

    def named(self, name: str | None) -> list[Path]:
        return [path for _, path in self._named(name)]


class SourcePlanner:
    """What data/sources/ holds, found article by article (deposit make streams its articles):
    `add` gives the payload path of an article's source, finding and naming it the first time
    its sha256 is asked for; `count` is how many files data/sources/ holds. What it has planned
    is kept in the finder's scratch (on disk)."""

    def __init__(self, finder: SourceFinder):
        self.finder = finder
        self.count = 0
        self._db = finder.scratch.db
        self._by_sum = finder.scratch.table("sum TEXT PRIMARY KEY, payload TEXT")
        self._taken = finder.scratch.name_set()
        self.sidecars = 0  # how many of them have a sidecar, packaged beside them

    def add(self, tree, article: Path, tei_name: str = "") -> tuple[str, tuple[Path, str, Path | None] | None]:
        """(payload path of the source, (file found, its sha256, its sidecar or None) when it is new:
        to be copied now, else None); DepositError if not found. The sidecar (NAME.meta.json beside
        the file found, `sidecar`) is packaged beside it as convert would find it there: named after
        the packaged source's stem (`sidecar_payload`), a name no other packaged source's stem
        shares (the source is then named NAME-2.txt, …). A source of the name its TEI's payload
        name `tei_name` was made from (Ha-Noi-1-2.xml, of "Hà Nội 1?.txt" beside "Ha Noi 1.txt") is
        named as that TEI is (Ha-Noi-1-2.txt), so that a name pairs a TEI with its source."""
        name, sha256 = source_ref(tree)
        if sha256 is None:
            raise DepositError(
                "its header records no sha256 of its source (sourceDesc/bibl/idno[@type='sha256'], 64 hex digits), "
                "so its source cannot be found", path=str(article))
        row = self._db.execute(f"SELECT payload FROM {self._by_sum} WHERE sum = ?", (sha256,)).fetchone()
        if row is not None:
            return row[0], None
        path = self.finder.find(name, sha256)
        if path is None:
            raise DepositError(_not_found(name, sha256, self.finder), path=str(article))
        packaged = self._paired(name or path.name, tei_name) or safe_name(name or path.name, self._taken)
        while sidecar_payload(packaged).lower() in self._taken:  # another source's stem: its sidecar's name
            packaged = safe_name(name or path.name, self._taken)
        self._taken.add(sidecar_payload(packaged).lower())
        payload = f"data/{SOURCES_DIR}/{packaged}"
        self._db.execute(f"INSERT INTO {self._by_sum} VALUES (?, ?)", (sha256, payload))
        self.count += 1
        side = sidecar(path)
        self.sidecars += side is not None
        return payload, (path, sha256, side)

    def _paired(self, recorded: str, tei_name: str) -> str | None:
        """The TEI's stem with the source's suffix, when the TEI was named after this source's name
        (its stem, or its stem-N: a collision's) and that name and its sidecar's are free; else None."""
        stem, suffix = safe_parts(recorded)
        tei_stem = tei_name.removesuffix(".xml")
        if not re.fullmatch(re.escape(stem) + r"(-[0-9]+)?", tei_stem, re.IGNORECASE):
            return None
        packaged = tei_stem + suffix
        if packaged.lower() in self._taken or sidecar_payload(packaged).lower() in self._taken:
            return None
        self._taken.add(packaged.lower())
        return packaged


def sidecar(source: Path) -> Path | None:
    """The sidecar of metadata beside a source (NAME.meta.json, as convert reads it: ingest.sidecar),
    when it is a regular file (never followed through a link); else None."""
    found = source.with_name(source_stem(source.name) + SIDECAR_SUFFIX)
    return found if found.is_file() and not found.is_symlink() else None


def sidecar_payload(packaged: str) -> str:
    """The name of a sidecar beside the packaged source `packaged` (a name or a payload path)."""
    head, _, name = packaged.rpartition("/")
    return (f"{head}/" if head else "") + source_stem(name) + SIDECAR_SUFFIX


def _not_found(name: str | None, sha256: str, finder: SourceFinder) -> str:
    message = f"its source {name or '(unnamed)'} (sha256 {sha256}) is not among the {finder.searched}"
    changed = finder.named(name)
    if changed:
        message += f"; {', '.join(str(p) for p in changed)} has that name but other bytes (changed since conversion?)"
    return message


def copy_source(path: Path, sha256: str, target: Path) -> None:
    """Copy a planned source to `target` in blocks, hashing as it goes: a file changed since
    it was found is refused."""
    hasher = hashlib.sha256()
    try:
        with open(path, "rb") as source, open(target, "xb") as out:
            for block in iter(lambda: source.read(1 << 20), b""):
                hasher.update(block)
                out.write(block)
    except OSError as exc:
        if exc.filename is not None and Path(exc.filename) == Path(target):
            raise  # the package cannot be written: the caller's to report
        raise DepositError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if hasher.hexdigest() != sha256:
        raise DepositError("changed while the package was being made", path=str(path))


# ---------------------------------------------------------------- verify


@dataclass
class SourceCheck:
    problems: list = field(default_factory=list)  # (path, message)
    notes: list[str] = field(default_factory=list)
    checked: int = 0  # source files that match their TEI headers


def check_sources(root: Path, refs, already: set, known=None,
                  limits: Limits = DEFAULT_LIMITS, scratch: Scratch | None = None) -> SourceCheck:
    """Each TEI's packaged source against its header's sha256. `refs`: payload path -> (name, sha256)
    its header records (those that parsed; a dict, or a scratch.Records); `already`: paths fixity has
    reported, not reported again as missing; `known`: digests computed while unpacking. Nothing is
    read through a link. metadata.csv's links and the packaged files are kept in `scratch`."""
    if scratch is None:
        with Scratch() as own:
            return check_sources(root, refs, already, known, limits, own)
    result = SourceCheck()
    table = "data/metadata/metadata.csv"
    links = Records(scratch)  # TEI payload path -> the source it is linked to
    try:
        with open_bounded(root, table, limits.manifest_bytes) as handle:
            for tei, source in _links(handle):
                links[tei] = source
    except csv.Error as exc:
        result.problems.append((table, f"not a readable CSV table: {exc}"))
        return result
    except DepositError as exc:
        if table not in already:
            reason = "missing: the packaged sources cannot be checked" if exc.message == "missing" else exc.message
            result.problems.append((table, reason))
        return result
    base = root / "data" / SOURCES_DIR
    packaged = scratch.table("path BLOB PRIMARY KEY")
    if base.is_dir() and not base.is_symlink():
        scratch.db.executemany(f"INSERT OR IGNORE INTO {packaged} VALUES (?)", ((encode(p),) for p in _regular_files(root, base)))
    if not scratch.db.execute(f"SELECT 1 FROM {packaged}").fetchone() and not any(links.values()):
        result.notes.append(NO_SOURCES_NOTE)
        return result
    linked = scratch.table("path BLOB PRIMARY KEY")  # the sources some TEI is linked to
    scratch.db.executemany(f"INSERT OR IGNORE INTO {linked} VALUES (?)", ((encode(v),) for v in links.values()))
    # a linked source's sidecar beside it is part of it (SourcePlanner.add), not a source of no TEI
    scratch.db.executemany(f"INSERT OR IGNORE INTO {linked} VALUES (?)",
                           ((encode(sidecar_payload(v)),) for v in links.values() if v))
    for tei, (_, sha256) in refs.items() if isinstance(refs, Records) else sorted(refs.items()):
        source = links.get(tei, "")
        if not source:
            result.problems.append((tei, f"no source file packaged for it ({table} links none)"))
            continue
        if not source.startswith(f"data/{SOURCES_DIR}/") or ".." in source.split("/"):
            result.problems.append((tei, f"{table} links it to {source!r}, not a file under data/{SOURCES_DIR}/"))
        elif not scratch.db.execute(f"SELECT 1 FROM {packaged} WHERE path = ?", (encode(source),)).fetchone():
            result.problems.append((tei, f"its source {source} is missing from the package"))
        elif sha256 is None:
            result.problems.append((tei, "its header records no sha256 of its source to check"))
        elif (found := _sha256(root, source, known or {})) != sha256:
            result.problems.append((tei, f"its source {source} has sha256 {found}, the TEI header records {sha256}"))
        else:
            result.checked += 1
    orphans = scratch.db.execute(f"SELECT path FROM {packaged} p WHERE NOT EXISTS "
                                 f"(SELECT 1 FROM {linked} l WHERE l.path = p.path) ORDER BY path")
    for (raw,) in orphans:  # a missing TEI is fixity's to report
        orphan = decode(raw)
        result.problems.append((orphan, f"packaged source of no TEI file ({table} links none to it)"))
    return result


def _regular_files(root: Path, base: Path):
    """The regular files below `base`, as paths relative to `root`: folders read entry by entry
    (no listing held), never entered through a link."""
    stack = [os.fspath(base)]
    while stack:
        try:
            entries = scan(stack.pop())
        except OSError:
            continue
        for entry, is_dir in entries:
            if is_dir:
                if not entry.is_symlink():
                    stack.append(entry.path)
                continue
            if entry.is_file(follow_symlinks=False):  # a regular file, not a link to one
                yield Path(entry.path).relative_to(root).as_posix()


def _sha256(root: Path, relative: str, known: dict) -> str:
    sums = known.get(relative, {})
    if "sha256" in sums:
        return sums["sha256"]
    try:
        return member_digests(root, relative, ("sha256",))["sha256"]
    except DepositError:
        return "(unreadable)"


def _links(handle):
    """(filename, source) of each row of metadata.csv (a binary file), in order (a later row for a
    file wins), read as it streams: decoded as the bytes read whole were (UTF-8, errors replaced,
    lines ended by LF only)."""
    text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="\n")
    for row in csv.DictReader(text):
        yield row.get("filename") or "", row.get(SOURCE_COLUMN) or ""
