"""File-system helpers shared by every stage: walking folders and atomic writes (which files
are a stage's inputs: teikit.inputfiles).

Every output teikit writes goes through `atomic_path` (or `atomic_writer`,
`write_atomic`, `staging_dir` for a folder built whole): it is written under a
temporary name beside the target, `.NAME.<pid>.<random>.tmp` (a folder:
`.NAME.<pid>.<random>.staging`), and renamed over the target only when
complete, so the target is always the old file or the new one. A process
killed mid-write leaves its temporary behind; the first write a later run
makes into that folder removes it (`clean_stale_temps`: only names of that
pattern whose process no longer runs on this machine, a zombie's included,
never anything else).

Scratch data no output keeps (a site's SQLite store, a worker pool's shared
files, training's fold models) lives in a `ScratchDir`, a staging folder of
that pattern in the system's temporary folder, so a killed run's scratch is
removed by the next run's as well.

Two runs writing one output at once would interleave: `exclusive_lock(target)`
holds an advisory lock (flock) on `.NAME.lock` beside `target` for the whole
write, and a second writer gets `BusyError` (one line) instead of a mixed or
half-replaced output. The lock file is removed when released; one left by a
killed process is reused (the kernel drops a dead process's locks).
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import BusyError


def scan(folder):
    """The entries of `folder`, one at a time, each with whether it is a folder (a link to one is;
    an entry whose type cannot be read is not), the listing never held; OSError, raised here, when
    the folder cannot be listed."""
    return _typed(os.scandir(folder))


def _typed(entries):
    with entries:
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            yield entry, is_dir


def walk(top):
    """os.walk(top) (top-down; a linked folder is listed among the folders, never entered), without
    recursion: Python 3.11's os.walk and Path.rglob recurse once per level, so a folder nested
    about a thousand deep (an input folder, a package) ended in RecursionError. Like os.walk,
    sorting or pruning the folder list in place decides what is entered, and in what order."""
    stack = [os.fspath(top)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(scan(folder))
        except OSError:
            continue
        folders, files, linked = [], [], set()
        for entry, is_dir in entries:
            (folders if is_dir else files).append(entry.name)
            if is_dir and entry.is_symlink():
                linked.add(entry.name)
        yield folder, folders, files
        stack.extend(os.path.join(folder, name) for name in reversed(folders) if name not in linked)


@contextmanager
def atomic_path(path: Path):
    """A temporary file name beside `path`, for a writer that wants a name rather than
    a handle (a library that writes the file itself); the file becomes `path` only
    if the block completes, and is removed on any error. The one temp-and-rename."""
    with _atomic(path, opened=False) as (tmp, _):
        yield tmp


def _naming(exc: OSError, path: Path, tmp) -> OSError:
    """`exc` naming the output `path` when it named nothing or only the temporary (a full
    or read-only disk while writing): the one line the user sees names what was written."""
    if exc.filename is not None and exc.filename != tmp and not TEMP_NAME.match(Path(os.fsdecode(exc.filename)).name):
        return exc
    return OSError(exc.errno, exc.strerror or str(exc), str(path)) if exc.errno else exc


@contextmanager
def atomic_writer(path: Path):
    """An open binary file that becomes `path` only if the block completes (atomic_path)."""
    with _atomic(path, opened=True) as (_, handle):
        yield handle


@contextmanager
def _atomic(path: Path, *, opened: bool):
    """(temporary path, its open binary handle or None) beside `path`; renamed to `path`
    (closed first) if the block completes, removed on any error. The handle is the very
    descriptor mkstemp made (not closed and opened again: one file written per page)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep_once(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path.name), suffix=".tmp")
    except OSError as exc:
        raise _naming(exc, path, None) from None
    handle = None
    try:
        if opened:
            handle = os.fdopen(fd, "wb")
        else:
            os.close(fd)
        yield Path(tmp), handle
        if handle is not None:
            handle.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        if handle is not None:
            try:
                handle.close()
            except OSError:
                pass  # a full disk again: the temporary goes all the same
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _naming(exc, path, tmp) from None
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    with atomic_writer(path) as handle:
        handle.write(data)


def staging_dir(parent: Path, name: str) -> Path:
    """A new empty folder `.NAME.<pid>.<random>.staging` in `parent`, for an output built
    whole and then renamed into place; the caller removes it when done."""
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    _sweep_once(parent)
    return Path(tempfile.mkdtemp(dir=parent, prefix=temp_prefix(name), suffix=".staging"))


def file_in_the_way(path: Path) -> Path | None:
    """The first folder on the way to `path` (itself excluded) that is a file, if any: why
    writing `path` fails with "not a directory"."""
    return next((parent for parent in reversed(Path(path).parents) if parent.is_file()), None)


def cannot_write(exc: OSError, path: Path) -> str:
    """Why `path` could not be written, in words: the OS's ("No space left on device",
    "Read-only file system", "Permission denied"), or the file in the way of its folder."""
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        in_the_way = file_in_the_way(path)
        if in_the_way is not None:
            return f"{in_the_way} is a file where a folder is needed"
    return exc.strerror or str(exc)


class ScratchDir:
    """A private working folder of this process in the system's temporary folder (a
    staging_dir named `.NAME.<pid>.<random>.staging`), for data no output keeps: `.name`
    is its path, `cleanup()` removes it (also as a context manager). A run killed while
    it exists leaves it behind; the next ScratchDir of any teikit process removes it
    (clean_stale_temps), so killed runs do not pile up scratch data in /tmp."""

    def __init__(self, name: str):
        self.name = str(staging_dir(Path(tempfile.gettempdir()), name))

    def cleanup(self) -> None:
        shutil.rmtree(self.name, ignore_errors=True)

    def __enter__(self) -> str:
        return self.name

    def __exit__(self, *exc) -> None:
        self.cleanup()


# --- one writer per output ----------------------------------------------------

LOCK_NAME = re.compile(r"^\.(?P<name>.+)\.lock$")  # what lock_path names; a killed writer leaves it empty


def lock_path(target: Path) -> Path:
    """The lock file of `target`: `.NAME.lock` in the folder that holds it."""
    target = Path(target)
    return target.parent / f".{target.name}.lock"


@contextmanager
def exclusive_lock(target: Path):
    """Hold the lock of `target` (a file or folder to be written) for the block.

    Raises BusyError at once if another process holds it. Creates the parent
    folder if missing (an OSError there is the caller's to report). The lock
    file is unlinked on release while still held; a writer that opened a lock
    file since unlinked sees that its inode is no longer the path's and tries
    again, so two writers never both hold the lock."""
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BusyError("busy: another teikit process is writing it; try again when it has finished",
                                path=str(target)) from None
            raise
        try:
            same = os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # released and unlinked by its holder meanwhile: take the new one
    try:
        yield path
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
        os.close(fd)


# --- teikit's own temporaries, and cleaning up after a killed run --------------

TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}\.(?:tmp|staging)$")
_swept: set[str] = set()


# A file name may hold 255 bytes; the temporary's adds a dot, the pid, 8 random characters and
# ".staging" to the name, so a long name is cut (at a character) to leave room for them.
MAX_NAME_BYTES = 255
_TEMP_EXTRA = len(".") + len(".") + 10 + len(".") + 8 + len(".staging")


def temp_prefix(name: str) -> str:
    """The start of a temporary name for `name` written by this process (see TEMP_NAME); the
    whole temporary name stays within MAX_NAME_BYTES however long `name` is."""
    encoded = os.fsencode(name)
    room = MAX_NAME_BYTES - _TEMP_EXTRA
    if len(encoded) > room:
        name = os.fsdecode(encoded[:room])
    return f".{name}.{os.getpid()}."


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or not ours to judge: keep its files
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether `pid` has ended and only waits to be reaped (Linux's /proc; elsewhere: not known, no).
    A killed worker's adopter may be slow to reap it, or never (a container's PID 1 that does not)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:].startswith(b"Z")


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove, directly in `folder`, the temporary files and staging folders teikit
    left there in a process that no longer runs; return what was removed.
    A name that does not match TEMP_NAME is never touched."""
    folder = Path(folder)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = TEMP_NAME.match(entry.name)
        if not match or _running(int(match.group("pid"))):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue  # not ours to remove after all (permissions): left as it is
        removed.append(path)
    return removed


def _sweep_once(folder: Path) -> None:
    """clean_stale_temps(folder), the first time this process writes into it."""
    key = os.path.abspath(folder)
    if key not in _swept:
        _swept.add(key)
        clean_stale_temps(folder)
