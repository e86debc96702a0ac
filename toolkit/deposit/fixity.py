"""Completeness and fixity of a bag folder, for `deposit verify`: one Problem per damaged, missing or extra file.

    problems, payload_files = check_fixity(root, known, limits, scratch)

The manifests (payload and tag, every hash algorithm present) are checked
here rather than by bagit.Bag.validate(), which stops at the first kind of
failure: a changed byte, a missing file, an extra file, a changed tag file, a
manifest of an unknown hash algorithm, a missing sha256 or sha512 manifest,
a wrong Payload-Oxum. Nothing is read through a link; links and special
files are reported, never hashed. `known` holds the digests extract.py took
while unpacking (path -> {alg: hex}), so an unpacked file is not read again.

Memory is flat in the number of files: the manifests' entries (read line by
line, bagread.member_lines) and the listing of the bag (each folder read entry
by entry, never held whole) are kept in a deposit.scratch.Scratch, on disk, and
compared there, path by path in sorted order (ORDER BY, read back with a
cursor); in memory stay the problems found.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import DepositError
from ..fsutil import scan
from .bagread import member_digests, member_lines, read_member
from .baginfo import CHECKSUMS, parse_info
from .limits import DEFAULT_LIMITS, Limits
from .safenames import one_line, shown
from .scratch import Scratch, decode, encode

_MANIFEST = re.compile(r"^(tag)?manifest-([a-z0-9]+)\.txt$")


@dataclass(frozen=True)
class Problem:
    path: str | None  # inside the bag (data/tei/x.xml), with :line:col for TEI errors
    message: str

    def __str__(self) -> str:  # names from the package escaped: one problem, one line
        return f"{shown(self.path)}: {one_line(self.message)}" if self.path else one_line(self.message)



def _files(root: Path, scratch: Scratch):
    """Relative POSIX paths of the files below root, not following links, in fsutil.walk's order with
    sorted names (a folder's files, then the links among its folders, then each folder's contents);
    folders are read entry by entry into `scratch` and the paths read back sorted: no folder's
    listing is held. A folder that cannot be listed is passed over, as walk passes it."""
    table = scratch.table("key BLOB, rel BLOB")
    insert = f"INSERT INTO {table} VALUES (?, ?)"
    stack = [()]
    while stack:
        parts = stack.pop()
        prefix = b"".join(b"1" + encode(part) + b"\0" for part in parts)
        try:
            entries = scan(os.path.join(root, *parts))
        except OSError:
            continue
        for entry, is_dir in entries:
            if is_dir and not entry.is_symlink():
                stack.append((*parts, entry.name))
                continue
            # 0: a file; 0xFF after it (no UTF-8 byte): a linked folder, after every file of its folder
            kind = b"0\xff" if is_dir else b"0"
            scratch.db.execute(insert, (prefix + kind + encode(entry.name) + b"\0", encode("/".join((*parts, entry.name)))))
    for (raw,) in scratch.db.execute(f"SELECT rel FROM {table} ORDER BY key"):
        yield decode(raw)


class _Manifests:
    """The manifests' entries, on disk: (kind, alg, path) -> digest; `algs[kind]`: the algorithms
    whose manifest was read ("" payload, "tag")."""

    def __init__(self, scratch: Scratch):
        self.db = scratch.db
        self.table = scratch.table("kind TEXT, alg TEXT, path BLOB, digest TEXT, PRIMARY KEY (kind, path, alg)")
        self.algs: dict[str, set[str]] = {"": set(), "tag": set()}

    def read(self, root: Path, name: str, kind: str, alg: str, problems: list[Problem], limits: Limits) -> None:
        found, insert = [], f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?, ?)"
        try:
            for number, line in enumerate(member_lines(root, name, limits.manifest_bytes), 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.strip().split(None, 1)
                if len(parts) != 2:
                    found.append(Problem(name, f"line {number}: malformed entry"))
                    continue
                digest, path = parts[0].lower(), parts[1].lstrip("*")
                if path.startswith("/") or ".." in path.split("/"):
                    found.append(Problem(name, f"line {number}: unsafe path '{shown(path)}'"))
                    continue
                self.db.execute(insert, (kind, alg, encode(path), digest))  # a later line for a path wins
        except DepositError as exc:  # unreadable or too large: none of its entries count
            self.db.execute(f"DELETE FROM {self.table} WHERE kind = ? AND alg = ?", (kind, alg))
            problems.append(Problem(name, exc.message))
            return
        problems += found
        self.algs[kind].add(alg)

    def listed(self, kind: str, on_disk: str, where: int):
        """(path, {alg: digest}, on disk as `where`) of every path `kind`'s manifests list, sorted."""
        rows = self.db.execute(f"SELECT m.path, m.alg, m.digest, d.kind IS ? FROM {self.table} m "
                               f"LEFT JOIN {on_disk} d ON d.path = m.path WHERE m.kind = ? ORDER BY m.path, m.alg",
                               (where, kind))
        path, sums, present = None, {}, False
        for raw, alg, digest, here in rows:
            if raw != path:
                if path is not None:
                    yield decode(path), sums, present
                path, sums, present = raw, {}, bool(here)
            sums[alg] = digest
        if path is not None:
            yield decode(path), sums, present

    def extra(self, kind: str, on_disk: str, where: int):
        """The paths on disk as `where` that no manifest of `kind` lists, sorted."""
        rows = self.db.execute(f"SELECT path FROM {on_disk} d WHERE kind = ? AND NOT EXISTS "
                               f"(SELECT 1 FROM {self.table} m WHERE m.kind = ? AND m.path = d.path) ORDER BY path",
                               (where, kind))
        for (raw,) in rows:
            yield decode(raw)


def _known_algorithm(alg: str) -> bool:
    try:
        hashlib.new(alg)
    except (ValueError, TypeError):
        return False
    return True


_PAYLOAD, _TAG, _OTHER = 1, 0, 2  # what a file on disk is to the manifests (a tag manifest: neither)


def check_fixity(root: Path, known=None, limits: Limits = DEFAULT_LIMITS,
                 scratch: Scratch | None = None) -> tuple[list[Problem], int]:
    """One Problem per damaged, missing or extra file; and the number of payload files present.
    `known`: digests already computed while unpacking (path -> {alg: hex}). The manifests and
    the listing are kept in `scratch` (one of its own if None)."""
    if scratch is None:
        with Scratch() as own:
            return check_fixity(root, known, limits, own)
    problems: list[Problem] = []
    manifests = _Manifests(scratch)
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        match = _MANIFEST.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue  # a link or other non-file is reported with every other file below
        if not _known_algorithm(match.group(2)):
            problems.append(Problem(entry.name, f"unknown hash algorithm '{match.group(2)}': this manifest cannot be checked"))
            continue
        manifests.read(root, entry.name, match.group(1) or "", match.group(2), problems, limits)
    on_disk, refused = scratch.table("path BLOB PRIMARY KEY, kind INTEGER"), set()  # refused: reported, so few
    insert = f"INSERT OR IGNORE INTO {on_disk} VALUES (?, ?)"
    top = os.fspath(root)
    for path in _files(root, scratch):
        # Never hash through a link or from a FIFO/device: it could read outside the bag or block.
        # (One lstat a file, no Path made: a bag of many files is not its names held in memory.)
        mode = _lmode(os.path.join(top, path))
        if stat.S_ISLNK(mode):
            problems.append(Problem(path, "symbolic link: not allowed in a package"))
        elif not stat.S_ISREG(mode):
            problems.append(Problem(path, "not a regular file: not allowed in a package"))
        else:
            kind = _PAYLOAD if path.startswith("data/") else _OTHER if path.startswith("tagmanifest-") else _TAG
            scratch.db.execute(insert, (encode(path), kind))
            continue
        refused.add(path)
    digests = _Digests(root, known or {}, refused)
    problems += _compare(digests, manifests, "", on_disk, _PAYLOAD, "checksum mismatch", "the file changed since packaging")
    if manifests.algs["tag"]:
        problems += _compare(digests, manifests, "tag", on_disk, _TAG, "tag manifest mismatch", "the tag file changed since packaging")
    reported = {p.path for p in problems}
    for kind, algs in manifests.algs.items():  # a teikit deposit always carries both algorithms for payload and tags
        for alg in CHECKSUMS:
            name = f"{kind}manifest-{alg}.txt"
            if alg not in algs and name not in reported:
                problems.append(Problem(name, "missing: a teikit package has sha256 and sha512 manifests"))
    payload = scratch.db.execute(f"SELECT count(*) FROM {on_disk} WHERE kind = ?", (_PAYLOAD,)).fetchone()[0]
    if not any(p.path and p.path.startswith("data/") for p in problems):
        problems += _check_oxum(root, scratch, on_disk, payload, limits)
    return problems, payload


class _Digests:
    """A member's digests: those computed while unpacking, else read now (never through a link)."""

    def __init__(self, root: Path, known: dict, refused: set):
        self.root, self.known = root, known
        self.refused = refused  # links and special files, already reported: never read, never "missing"

    def __call__(self, path: str, algs) -> dict[str, str]:
        have = self.known.get(path, {})
        missing = [alg for alg in algs if alg not in have]
        return {**have, **(member_digests(self.root, path, missing) if missing else {})}


def _lmode(path: str) -> int:
    """The file's mode, not following a link (0: it cannot be read, taken for no regular file)."""
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0


def _compare(digests: _Digests, manifests: _Manifests, manifest_kind: str, on_disk: str, where: int,
             mismatch: str, why: str) -> list[Problem]:
    """The files `manifest_kind`'s manifests list against those on disk as `where`, path by path in
    sorted order (read back from the scratch), then the extra files, sorted."""
    problems = []
    kind = f"{manifest_kind} " if manifest_kind else ""
    by_alg = sorted(manifests.algs[manifest_kind])
    label = {alg: f"{manifest_kind}manifest-{alg}.txt" for alg in by_alg}
    for path, listed, present in manifests.listed(manifest_kind, on_disk, where):
        if path in digests.refused:
            continue
        missing_from = [label[alg] for alg in by_alg if alg not in listed]
        if missing_from:
            problems.append(Problem(path, f"not listed in {', '.join(missing_from)}"))
        if not present:
            problems.append(Problem(path, f"missing {kind}file listed in {', '.join(label[a] for a in by_alg if a in listed)}"))
            continue
        algs = sorted(listed)
        try:
            found = digests(path, algs)
        except DepositError as exc:
            problems.append(Problem(path, exc.message))
            continue
        bad = [alg for alg in algs if found[alg] != listed[alg]]
        if bad:
            problems.append(Problem(path, f"{mismatch} ({', '.join(bad)}): {why}"))
    for path in manifests.extra(manifest_kind, on_disk, where):
        problems.append(Problem(path, f"extra {kind}file not in {kind}manifest"))
    return problems


def _check_oxum(root: Path, scratch: Scratch, on_disk: str, count: int, limits: Limits) -> list[Problem]:
    oxum = _info(root, limits).get("Payload-Oxum")
    if not oxum:
        return []
    rows = scratch.db.execute(f"SELECT path FROM {on_disk} WHERE kind = ?", (_PAYLOAD,))
    found = f"{sum((root / decode(raw)).stat().st_size for (raw,) in rows)}.{count}"
    if oxum[0] != found:
        return [Problem("bag-info.txt", f"Payload-Oxum {oxum[0]} does not match the payload ({found})")]
    return []


def _info(root: Path, limits: Limits) -> dict:
    try:
        return parse_info(read_member(root, "bag-info.txt", limits.manifest_bytes).decode("utf-8", "replace"))
    except DepositError:
        return {}  # fixity reports it (missing, a link, too large)
