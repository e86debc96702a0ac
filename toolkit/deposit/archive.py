"""Reproducible zip / tar.gz serialisation of a bag, and safe extraction.

Reproducible means: the same tree gives the same bytes. Members are sorted,
timestamps fixed, permissions 0644/0755, owner 0:0 with no user names, the
gzip header has mtime 0 and no file name, compression level fixed.
Archives are written to a temporary file beside the target and renamed.
"""

from __future__ import annotations

import gzip
import io
import stat
import tarfile
import zipfile
from pathlib import Path

from ..errors import DepositError
from ..fsutil import atomic_writer
from .safenames import contained

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date zip can store
COMPRESSLEVEL = 9
FILE_MODE, DIR_MODE = 0o644, 0o755
FORMATS = ("dir", "zip", "tar.gz")
SUFFIXES = {".zip": "zip", ".tar.gz": "tar.gz", ".tgz": "tar.gz"}


def format_of(path: Path) -> str:
    """The archive format a file name implies ('dir' when it has no archive suffix)."""
    name = Path(path).name.lower()
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), "dir")


def base_name(path: Path) -> str:
    """The bag's top-level directory name: the package name without an archive suffix."""
    name = Path(path).name
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _members(root: Path):
    """(archive name, path, is_dir) under `root`'s own name, sorted, directories first in their parent."""
    top = root.name
    entries = [(top, root, True)]
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        if path.is_symlink():
            raise DepositError("refusing to archive a symbolic link", path=str(path))
        entries.append((f"{top}/{path.relative_to(root).as_posix()}", path, path.is_dir()))
    return entries


def write_archive(root: Path, target: Path, fmt: str, mtime: int) -> None:
    """Serialise the bag directory `root` into `target` atomically."""
    if fmt not in ("zip", "tar.gz"):
        raise DepositError(f"unknown archive format {fmt!r}", path=str(target))
    with atomic_writer(Path(target)) as raw:
        if fmt == "zip":
            _write_zip(root, raw)
        else:
            _write_targz(root, raw, mtime)


def _write_zip(root: Path, raw) -> None:
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL) as archive:
        for name, path, is_dir in _members(root):
            info = zipfile.ZipInfo(name + "/" if is_dir else name, date_time=ZIP_DATE)
            info.create_system = 3  # Unix, so the mode bits below are honoured
            if is_dir:
                info.external_attr = ((stat.S_IFDIR | DIR_MODE) << 16) | 0x10
                archive.writestr(info, b"")
            else:
                info.external_attr = (stat.S_IFREG | FILE_MODE) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL)


def _write_targz(root: Path, raw, mtime: int) -> None:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=COMPRESSLEVEL) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name, path, is_dir in _members(root):
                info = tarfile.TarInfo(name)
                info.mtime, info.uid, info.gid, info.uname, info.gname = int(mtime), 0, 0, "", ""
                if is_dir:
                    info.type, info.mode = tarfile.DIRTYPE, DIR_MODE
                    archive.addfile(info)
                else:
                    data = path.read_bytes()
                    info.type, info.mode, info.size = tarfile.REGTYPE, FILE_MODE, len(data)
                    archive.addfile(info, io.BytesIO(data))


def _check_member_name(name: str, package: Path) -> str:
    clean = name.rstrip("/")
    if clean.startswith("/") or "\\" in clean or (len(clean) > 1 and clean[1] == ":"):
        raise DepositError(f"unsafe archive member {name!r}: absolute path", path=str(package))
    if ".." in clean.split("/"):
        raise DepositError(f"unsafe archive member {name!r}: '..' in path", path=str(package))
    # "./bag/x" as written by `tar czf x.tar.gz ./bag` is the same member as "bag/x".
    return "/".join(part for part in clean.split("/") if part not in ("", "."))


def extract_safely(package: Path, dest: Path) -> Path:
    """Extract a zip or tar.gz bag into `dest`; return the bag's root directory.

    Members are written by hand (never by extractall), so nothing but regular
    files and directories under `dest` can come out: absolute paths, '..',
    symbolic and hard links and device files are refused before anything is written.
    """
    package, dest = Path(package), Path(dest)
    entries = list(_zip_entries(package) if format_of(package) == "zip" else _tar_entries(package))
    entries = [entry for entry in entries if entry[0]]  # "./" itself
    for name, is_dir, _ in entries:
        target = contained(dest, name)
        if is_dir:
            target.mkdir(parents=True, exist_ok=True)
    for name, is_dir, read in entries:
        if not is_dir:
            target = contained(dest, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                raise DepositError(f"archive member {name!r} appears twice", path=str(package))
            target.write_bytes(read())
    tops = sorted(p for p in dest.iterdir())
    if len(tops) != 1 or not tops[0].is_dir():
        raise DepositError("a serialised bag must hold exactly one top-level directory", path=str(package))
    return tops[0]


def _zip_entries(package: Path):
    try:
        archive = zipfile.ZipFile(package)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DepositError(f"not a readable zip file: {exc}", path=str(package)) from None
    entries = []
    for info in archive.infolist():
        name = _check_member_name(info.filename, package)
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if info.create_system == 3 and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            what = "symbolic link" if kind == stat.S_IFLNK else "special file"
            raise DepositError(f"unsafe archive member {info.filename!r}: {what}", path=str(package))
        entries.append((name, info.is_dir(), lambda info=info: archive.read(info)))
    return entries


def _tar_entries(package: Path):
    try:
        archive = tarfile.open(package, mode="r:*")
        members = archive.getmembers()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise DepositError(f"not a readable tar archive: {exc}", path=str(package)) from None
    entries = []
    for member in members:
        name = _check_member_name(member.name, package)
        if member.issym() or member.islnk():
            raise DepositError(f"unsafe archive member {member.name!r}: {'symbolic' if member.issym() else 'hard'} link", path=str(package))
        if not (member.isfile() or member.isdir()):
            raise DepositError(f"unsafe archive member {member.name!r}: special file", path=str(package))
        entries.append((name, member.isdir(), lambda m=member: archive.extractfile(m).read()))
    return entries
