"""Reproducible zip / tar.gz serialisation of a bag (unpacking one to check it: extract.py).

Reproducible means: the same tree gives the same bytes. Members are sorted,
timestamps fixed, permissions 0644/0755, owner 0:0 with no user names, the
gzip header has mtime 0 and no file name, compression level fixed.
Archives are written to a temporary file beside the target and renamed;
members are streamed from their files, never read whole.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import stat
import tarfile
import zipfile
from pathlib import Path

from ..errors import DepositError
from ..fsutil import atomic_writer

BLOCK = 1 << 20
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


_NOT_IN_A_MEMBER_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\\\\]")


def archive_top_name(path: Path) -> str:
    """The bag's top-level directory inside a zip or tar.gz: base_name, with each character
    an archive member's name may not hold (what verify refuses: control characters, line
    separators, backslashes, and bytes of a name that is not UTF-8) made '_', so a package
    named "p\\nk.zip" is one verify accepts."""
    return _NOT_IN_A_MEMBER_NAME.sub("_", base_name(path))


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
                info.file_size = path.stat().st_size  # decides zip64 before the first byte, as writestr does
                # the member's level, as writestr sets it (named _compresslevel before Python 3.13)
                setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", COMPRESSLEVEL)
                with open(path, "rb") as source, archive.open(info, "w") as member:
                    shutil.copyfileobj(source, member, BLOCK)


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
                    with open(path, "rb") as source:
                        info.type, info.mode, info.size = tarfile.REGTYPE, FILE_MODE, os.fstat(source.fileno()).st_size
                        archive.addfile(info, source)
