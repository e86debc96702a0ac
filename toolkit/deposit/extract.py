"""Unpacking a zip or tar.gz package for `deposit verify`: streamed, bounded, nothing but files and folders.

    extract(package, dest, scratch, limits) -> Extracted(root, digests)

Members are read one block at a time and written by hand (never extractall,
never a whole member in memory), hashed (sha256, sha512) while they stream, so
verify need not read them again. Before a byte of a member is written its
name and kind are checked: absolute paths, '..', control characters, names
too long for a file system, symbolic and hard links, device files, encrypted
or unsupported zip members, a name that is both a file and a folder, a member
twice are refused. The limits (limits.py) are checked on the sizes the archive
declares and again on the bytes it really produces: member count, one
member's size, the total, the compression ratio. A damaged member (bad CRC,
truncated stream) is refused too. Every refusal is one DepositError naming
the package; member names in it are escaped (safenames.quoted). What is kept
per member (the names seen, each file's digests) is kept in the caller's
scratch.Scratch, on disk, and a zip's central directory is read one record at
a time (zipdir.py; zipfile.ZipFile would hold a ZipInfo per member): memory
does not grow with the number of members. The directory is read twice: once
whole, record by record, for its structure and the sizes it declares (before
any member is unpacked), then again as the members are unpacked, in its order.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tarfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DepositError
from .baginfo import CHECKSUMS
from .limits import DEFAULT_LIMITS, Limits, exceeded
from .safenames import contained_name, one_line, quoted
from .scratch import Records, Scratch, encode
from .zipdir import CentralDirectory

BLOCK = 1 << 20
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_READ_ERRORS = (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError, LookupError)


@dataclass
class Extracted:
    root: Path
    digests: Records | dict = field(default_factory=dict)  # path under root -> {alg: hex} (a Records: on disk)


class _Budget:
    """What the archive has produced so far, against the limits."""

    def __init__(self, package: Path, limits: Limits, compressed_size: int, scratch: Scratch):
        self.package, self.limits, self.compressed = package, limits, max(compressed_size, 1)
        self.total = 0
        self.members = 0
        self._db = scratch.db
        self._names = scratch.table("name BLOB PRIMARY KEY, is_dir INTEGER")  # every file and folder claimed

    def fail(self, message: str) -> DepositError:
        return DepositError(message, path=str(self.package))

    def count(self) -> None:
        self.members += 1
        if self.members > self.limits.members:
            raise self.fail(exceeded("the number of archive members", self.limits.members, "members"))

    def claim(self, name: str, raw: str, is_dir: bool) -> None:
        """Record `name` as a file or folder; refuse a name that is both, or a file twice."""
        parts = name.split("/")
        parents = ["/".join(parts[:i]) for i in range(1, len(parts))]
        clash = next((p for p in parents if self._kind(p) == "file"), None)
        kind = self._kind(name)
        if clash is not None or (kind == "folder" and not is_dir) or (is_dir and kind == "file"):
            raise self.fail(f"archive member {quoted(raw)}: a file and a folder with one name ({quoted(clash or name)})")
        if not is_dir and kind == "file":
            raise self.fail(f"archive member {quoted(raw)} appears twice")
        insert = f"INSERT OR IGNORE INTO {self._names} VALUES (?, ?)"
        self._db.executemany(insert, [(encode(parent), 1) for parent in parents] + [(encode(name), int(is_dir))])

    def _kind(self, name: str) -> str | None:
        row = self._db.execute(f"SELECT is_dir FROM {self._names} WHERE name = ?", (encode(name),)).fetchone()
        return None if row is None else "folder" if row[0] else "file"

    def produced(self, raw: str, member_bytes: int, member_compressed: int | None, consumed: int | None) -> None:
        """Check the limits after `member_bytes` of one member were unpacked (one more block)."""
        limits = self.limits
        if member_bytes > limits.member_bytes:
            raise self.fail(exceeded(f"archive member {quoted(raw)} unpacks to more than {limits.member_bytes} bytes: it",
                                     limits.member_bytes, "member_bytes"))
        if self.total > limits.total_bytes:
            raise self.fail(exceeded("the unpacked size of the archive", limits.total_bytes, "total_bytes"))
        if member_compressed is not None and member_bytes > limits.ratio_floor and member_bytes > limits.ratio * max(member_compressed, 1):
            raise self.fail(exceeded(f"archive member {quoted(raw)}: its compression ratio", limits.ratio, "ratio"))
        whole = consumed if consumed is not None else self.compressed
        if self.total > limits.ratio_floor and self.total > limits.ratio * max(whole, 1):
            raise self.fail(exceeded("the compression ratio of the archive", limits.ratio, "ratio"))


def check_member_name(raw: str, package: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The member's name as a relative path ('./' and doubled slashes dropped); DepositError if unsafe."""
    def unsafe(why: str) -> DepositError:
        return DepositError(f"unsafe archive member {quoted(raw)}: {why}", path=str(package))

    clean = raw.rstrip("/")
    if clean.startswith("/") or "\\" in clean or (len(clean) > 1 and clean[1] == ":"):
        raise unsafe("absolute path")
    if ".." in clean.split("/"):
        raise unsafe("'..' in path")
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in clean):
        raise unsafe("control character in its name")
    encoded = clean.encode("utf-8", "surrogateescape")
    if len(encoded) > limits.path_bytes or any(len(p) > limits.name_bytes for p in encoded.split(b"/")):
        raise unsafe(f"name too long (more than {limits.name_bytes} bytes in one part or {limits.path_bytes} in all)")
    # "./bag/x" as written by `tar czf x.tar.gz ./bag` is the same member as "bag/x".
    return "/".join(part for part in clean.split("/") if part not in ("", "."))


def extract(package: Path, dest: Path, scratch: Scratch, limits: Limits = DEFAULT_LIMITS, zip_format: bool = True) -> Extracted:
    """Unpack `package` (zip when `zip_format`, else tar, any compression) into the empty folder `dest`;
    the names and digests it keeps are in `scratch`."""
    package, dest = Path(package), Path(dest)
    folder = os.fspath(dest)
    budget = _Budget(package, limits, os.stat(package).st_size, scratch)
    digests = Records(scratch)  # path below the top folder -> {alg: hex}
    try:
        members = _zip_members(package, budget) if zip_format else _tar_members(package, budget)
        for name, raw, is_dir, source, compressed, consumed in members:
            budget.claim(name, raw, is_dir)
            target = contained_name(folder, name)  # a string: no Path a member (safenames.contained_name)
            with _unpacking(dest):
                os.makedirs(target if is_dir else os.path.dirname(target), exist_ok=True)
            if not is_dir:
                sums = _copy(source(), target, raw, budget, compressed, consumed, dest)
                if "/" in name:  # a file at the top makes the package refused below
                    digests[name.partition("/")[2]] = sums  # under the one top folder checked below
    except DepositError:
        raise
    except _READ_ERRORS as exc:
        what = "zip file" if zip_format else "tar archive"
        raise DepositError(f"not a readable {what}: {_reason(exc)}", path=str(package)) from None
    tops = sorted(dest.iterdir())
    if len(tops) != 1 or not tops[0].is_dir():
        raise DepositError("a serialised bag must hold exactly one top-level directory", path=str(package))
    return Extracted(tops[0], digests)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return one_line(str(exc) or type(exc).__name__)


@contextmanager
def _unpacking(dest: Path):
    """An OSError writing the unpacked copy (a full or read-only temporary folder) is said as such."""
    try:
        yield
    except OSError as exc:
        raise DepositError(f"cannot unpack the package to check it: {_reason(exc)}", path=str(dest)) from None


def _copy(stream, target: str, raw: str, budget: _Budget, compressed: int | None, consumed, dest: Path) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in CHECKSUMS}
    written = 0
    with _unpacking(dest):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with stream, _Closing(fd):
        while True:
            try:
                block = stream.read(BLOCK)
            except zipfile.BadZipFile as exc:  # e.g. "Bad CRC-32 for file ..."
                why = "bad CRC-32" if "CRC" in str(exc) else "damaged"
                raise budget.fail(f"archive member {quoted(raw)}: {why}: the archive is damaged") from None
            if not block:
                break
            written += len(block)
            budget.total += len(block)
            budget.produced(raw, written, compressed, consumed() if consumed else None)
            with _unpacking(dest):
                view = memoryview(block)
                while view:
                    view = view[os.write(fd, view):]
            for hasher in hashers.values():
                hasher.update(block)
    return {alg: h.hexdigest() for alg, h in hashers.items()}


class _Closing:
    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        return self.fd

    def __exit__(self, *exc):
        os.close(self.fd)


def _zip_members(package: Path, budget: _Budget):
    try:
        handle = open(package, "rb")
    except OSError as exc:
        raise budget.fail(f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    with handle:
        try:
            directory = CentralDirectory(handle)  # the end record: the member count, before any record is read
        except _READ_ERRORS as exc:
            raise budget.fail(f"not a readable zip file: {_reason(exc)}") from None
        if directory.entries > budget.limits.members:
            raise budget.fail(exceeded("the number of archive members", budget.limits.members, "members"))
        try:  # the whole directory read once, record by record, before any member is unpacked
            declared = sum(info.file_size for info in directory.records())
        except _READ_ERRORS as exc:
            raise budget.fail(f"not a readable zip file: {_reason(exc)}") from None
        if declared > budget.limits.total_bytes:
            raise budget.fail(exceeded(f"the unpacked size the archive declares ({declared} bytes)", budget.limits.total_bytes, "total_bytes"))
        for info in directory.records():  # and again, one member at a time
            budget.count()
            raw = info.filename
            name = check_member_name(raw, package, budget.limits)
            kind = stat.S_IFMT(info.external_attr >> 16)
            if info.create_system == 3 and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                what = "symbolic link" if kind == stat.S_IFLNK else "special file"
                raise budget.fail(f"unsafe archive member {quoted(raw)}: {what}")
            if info.flag_bits & 0x1:
                raise budget.fail(f"archive member {quoted(raw)}: encrypted, which a package never is")
            if info.compress_type not in ZIP_METHODS:
                raise budget.fail(f"archive member {quoted(raw)}: compression method {info.compress_type} is not supported")
            if info.file_size > budget.limits.member_bytes:
                raise budget.fail(exceeded(f"archive member {quoted(raw)} declares {info.file_size} bytes: it",
                                           budget.limits.member_bytes, "member_bytes"))
            if name:
                yield name, raw, info.is_dir(), (lambda info=info: directory.open(info)), info.compress_size, None


def _tar_members(package: Path, budget: _Budget):
    with open(package, "rb") as raw_file:
        try:
            archive = tarfile.open(fileobj=raw_file, mode="r|*")
        except _READ_ERRORS as exc:
            raise budget.fail(f"not a readable tar archive: {_reason(exc)}") from None
        with archive:
            while (member := archive.next()) is not None:
                archive.members.clear()  # a streamed archive keeps no list of what it has passed
                budget.count()
                raw = member.name
                name = check_member_name(raw, package, budget.limits)
                if member.issym() or member.islnk():
                    raise budget.fail(f"unsafe archive member {quoted(raw)}: {'symbolic' if member.issym() else 'hard'} link")
                if not (member.isfile() or member.isdir()):
                    raise budget.fail(f"unsafe archive member {quoted(raw)}: special file")
                if member.size > budget.limits.member_bytes:
                    raise budget.fail(exceeded(f"archive member {quoted(raw)} declares {member.size} bytes: it",
                                               budget.limits.member_bytes, "member_bytes"))
                if name:
                    yield (name, raw, member.isdir(), (lambda m=member: archive.extractfile(m)), None, raw_file.tell)
