"""Reproducible zip / tar.gz serialisation of a bag (unpacking one to check it: extract.py).

Reproducible means: the same tree gives the same bytes. Members are sorted,
timestamps fixed, permissions 0644/0755, owner 0:0 with no user names, the
gzip header has mtime 0 and no file name, compression level fixed.
Archives are written to a temporary file beside the target and renamed;
members are streamed from their files, never read whole.

Memory does not grow with the number of members: the bag's listing is sorted
on disk (scratch.sorted_tree), and what an archive writer keeps per member
goes to disk too. A zip's central directory needs every member's record at the
end: zipfile keeps a ZipInfo per member (about 500 bytes each), so here each
finished member's ZipInfo is written to an unnamed temporary file (_SpooledInfos,
ZipFile.filelist) and read back one at a time for the central directory; the
name index ZipFile keeps only to warn of a duplicate name is not kept (names
come from one listing of a folder: never twice). tarfile's list of members,
used only for reading, is not kept either. The bytes are those zipfile and
tarfile write.
"""

from __future__ import annotations

import gzip
import os
import pickle
import re
import shutil
import stat
import tarfile
import tempfile
import zipfile
from pathlib import Path

from ..errors import DepositError
from ..fsutil import atomic_writer
from .scratch import Scratch, name_key, sorted_tree

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


def _members(root: Path, scratch: Scratch):
    """(archive name, path, is_dir) under `root`'s own name, in the order of their relative posix
    paths (`root` first), one at a time."""
    top = root.name
    yield top, root, True
    for relative, is_dir in sorted_tree(scratch, root, name_key):
        path = root / relative
        if path.is_symlink():
            raise DepositError("refusing to archive a symbolic link", path=str(path))
        yield f"{top}/{relative}", path, is_dir


def write_archive(root: Path, target: Path, fmt: str, mtime: int) -> None:
    """Serialise the bag directory `root` into `target` atomically."""
    if fmt not in ("zip", "tar.gz"):
        raise DepositError(f"unknown archive format {fmt!r}", path=str(target))
    with atomic_writer(Path(target)) as raw, Scratch() as scratch:
        if fmt == "zip":
            _write_zip(root, raw, scratch, Path(target).parent)
        else:
            _write_targz(root, raw, mtime, scratch)


class _SpooledInfos:
    """ZipFile.filelist while writing: each finished member's ZipInfo is pickled to an unnamed
    temporary file in `folder` (gone with the process, however it ends), and read back in order,
    one at a time, when the central directory is written."""

    def __init__(self, folder: Path):
        self._file = tempfile.TemporaryFile(dir=folder)
        self._count = 0

    def append(self, info: zipfile.ZipInfo) -> None:
        self._file.seek(0, os.SEEK_END)
        pickle.dump(info, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()


class _NoNames(dict):
    """ZipFile.NameToInfo while writing: kept only to warn of a name given twice, which a listing
    of one folder never does; nothing is kept."""

    def __setitem__(self, key, value) -> None:
        pass


class _NoMembers(list):
    """TarFile.members while writing: read only when reading an archive; nothing is kept."""

    def append(self, member) -> None:
        pass


def _write_zip(root: Path, raw, scratch: Scratch, folder: Path) -> None:
    infos = _SpooledInfos(folder)
    try:
        with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL) as archive:
            archive.filelist, archive.NameToInfo = infos, _NoNames()
            _zip_members(archive, root, scratch)
    finally:
        infos.close()


def _zip_members(archive: zipfile.ZipFile, root: Path, scratch: Scratch) -> None:
    for name, path, is_dir in _members(root, scratch):
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


def _write_targz(root: Path, raw, mtime: int, scratch: Scratch) -> None:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=COMPRESSLEVEL) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as archive:
            archive.members = _NoMembers()
            for name, path, is_dir in _members(root, scratch):
                info = tarfile.TarInfo(name)
                info.mtime, info.uid, info.gid, info.uname, info.gname = int(mtime), 0, 0, "", ""
                if is_dir:
                    info.type, info.mode = tarfile.DIRTYPE, DIR_MODE
                    archive.addfile(info)
                else:
                    with open(path, "rb") as source:
                        info.type, info.mode, info.size = tarfile.REGTYPE, FILE_MODE, os.fstat(source.fileno()).st_size
                        archive.addfile(info, source)
