"""Reading the files of a bag folder without trusting it.

    open_member(root, "data/tei/a.xml")        -> a binary file object
    read_member(root, "manifest-sha256.txt", limit) -> bytes (at most `limit`)
    open_bounded(root, "data/metadata/metadata.csv", limit) -> a binary file object that refuses to give more than `limit` bytes
    member_lines(root, "manifest-sha256.txt", limit) -> its lines, read in blocks (at most `limit` bytes)
    member_digests(root, relative, algorithms)  -> {alg: hex}

Every component below `root` is opened with O_NOFOLLOW relative to its parent
folder's descriptor, so no symbolic link anywhere in the path is followed
(a link is an error, never read through); the file must be a regular file
(a FIFO or device would block or never end), opened non-blocking. Errors are
DepositError with the member's relative path, for verify to turn into a Problem.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import stat
from pathlib import Path

from ..errors import DepositError

_DIR_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
BLOCK = 1 << 20


def open_member(root: Path, relative: str):
    """`root/relative` opened for reading, no link followed on the way; DepositError otherwise."""
    parts = [p for p in relative.split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise DepositError("unsafe path in package", path=relative)
    fd = _open(os.fspath(root), _DIR_FLAGS, None, relative)
    try:
        for part in parts[:-1]:
            parent, fd = fd, _open(part, _DIR_FLAGS, fd, relative)
            os.close(parent)
        leaf = _open(parts[-1], _FILE_FLAGS, fd, relative)
    finally:
        os.close(fd)
    if not stat.S_ISREG(os.fstat(leaf).st_mode):
        os.close(leaf)
        raise DepositError("not a regular file: not allowed in a package", path=relative)
    os.set_blocking(leaf, True)
    return os.fdopen(leaf, "rb")


def _open(name: str, flags: int, dir_fd: int | None, relative: str) -> int:
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):
            raise DepositError("symbolic link: not allowed in a package", path=relative) from None
        if exc.errno == errno.ENOTDIR:
            raise DepositError("not a regular file or folder where one is expected (a symbolic link?)", path=relative) from None
        if exc.errno == errno.ENOENT:
            raise DepositError("missing", path=relative) from None
        raise DepositError(f"cannot read: {(exc.strerror or str(exc)).lower()}", path=relative) from None


def read_member(root: Path, relative: str, limit: int, option: str = "--max-manifest-bytes") -> bytes:
    """The bytes of a tag file or manifest, refused when longer than `limit`."""
    chunks, size = [], 0
    with open_member(root, relative) as handle:  # in blocks: read(limit + 1) reserves the whole limit at once
        while size <= limit and (block := handle.read(min(BLOCK, limit + 1 - size))):
            chunks.append(block)
            size += len(block)
    data = b"".join(chunks)
    if len(data) > limit:
        raise DepositError(f"larger than the limit of {limit} bytes for a file read whole (raise it with {option})", path=relative)
    return data


def _too_large(relative: str, limit: int, option: str) -> DepositError:
    return DepositError(f"larger than the limit of {limit} bytes for a file read whole (raise it with {option})", path=relative)


def open_bounded(root: Path, relative: str, limit: int, option: str = "--max-manifest-bytes"):
    """open_member, for a file read as it streams that read_member would read whole: refused as
    read_member refuses it (its size over `limit`, before any byte is read), and a DepositError
    from the read that would go past `limit` (a file that grew)."""
    handle = open_member(root, relative)
    if os.fstat(handle.fileno()).st_size > limit:
        handle.close()
        raise _too_large(relative, limit, option)
    return io.BufferedReader(_Bounded(handle, limit, lambda: _too_large(relative, limit, option)), BLOCK)


class _Bounded(io.RawIOBase):
    def __init__(self, handle, limit: int, error):
        self._handle, self._left, self._error = handle, limit, error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._handle.readinto(buffer)
        self._left -= count or 0
        if self._left < 0:
            raise self._error()
        return count

    def close(self) -> None:
        self._handle.close()
        super().close()


def member_lines(root: Path, relative: str, limit: int, option: str = "--max-manifest-bytes"):
    """The lines of a tag file, as read_member(...).decode("utf-8", "replace").splitlines() gives
    them, read one block at a time (never whole). The DepositError of a file longer than `limit`
    comes once that many bytes are read: the lines given before it are the caller's to discard."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    size, carried = 0, []  # the text of the line not ended yet, block by block (joined once it ends)
    with open_member(root, relative) as handle:
        while True:
            block = handle.read(BLOCK)
            size += len(block)
            if size > limit:
                raise DepositError(f"larger than the limit of {limit} bytes for a file read whole (raise it with {option})",
                                   path=relative)
            text = decoder.decode(block, final=not block)
            if block and "\n" not in text and "\r" not in text:
                carried.append(text)  # a long line goes on: never copied again for each block
                continue
            pieces = ("".join(carried) + text).splitlines(keepends=True)
            # The last piece may be cut short (or end in a CR whose LF is in the next block): held back.
            carried = [pieces.pop()] if block and pieces else []
            for piece in pieces:
                yield piece.splitlines()[0]
            if not block:
                return


def member_digests(root: Path, relative: str, algorithms) -> dict[str, str]:
    """The digests of one member, read in blocks (never whole) and never through a link."""
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    with open_member(root, relative) as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            for hasher in hashers.values():
                hasher.update(block)
    return {alg: h.hexdigest() for alg, h in hashers.items()}
