"""Where a package may be written, and how it gets there without losing one.

    package_format(output, fmt)            -> "dir" | "zip" | "tar.gz"   (OutputError if the name and format disagree)
    check_target(output, fmt, replace)     -> True when an existing package file will be replaced
    place(staged, output, replace)         the finished package into place, in one rename (or exchange)
    recover(output)                        put back what a run killed inside place() left aside

Rules (each refusal is an OutputError, a usage error: exit 2 in the CLI):
- the name says the format: NAME.zip, NAME.tar.gz / NAME.tgz, or a directory
  name without an archive suffix. Any other dot-suffix (x.7z, x.rar,
  x.tar.bz2) is refused, unless the format is given as dir explicitly;
  an explicit format the name contradicts (--format zip -o x.tar.gz) is refused.
- an existing directory is never written over; with `replace`, a directory
  that is a package (it holds bagit.txt) is replaced by the new one, finished
  first and swapped in with one atomic exchange of the two names (Linux
  renameat2 RENAME_EXCHANGE; elsewhere two renames, the old one waiting as
  .NAME.previous beside it in between), then the old one removed;
  any other directory is never replaced. A run killed between those two
  renames leaves the old package as .NAME.previous and none at NAME: the next
  `recover(output)` (every make of that package, under its lock, before
  anything else) renames it back; one killed after the second rename leaves
  the new package at NAME and the old one aside, which the next removes;
- an existing file is refused unless `replace`; then the new package is
  finished first and renamed over the old one (os.replace: atomic), so at
  every moment one whole package is there;
- a symbolic link or special file at the output is never replaced.
Without `replace`, the final step is a hard link (fails if the name was
taken meanwhile) where the file system has them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import stat
from pathlib import Path

from ..errors import OutputError
from .archive import FORMATS, SUFFIXES, format_of

_TAR_SUFFIX = re.compile(r"\.tar\.[^.]+$", re.IGNORECASE)
SUFFIX_OF = {"zip": ".zip", "tar.gz": ".tar.gz"}


def _suffix(name: str) -> str:
    tar = _TAR_SUFFIX.search(name)
    return tar.group(0) if tar else Path(name).suffix


def package_format(output: Path, fmt: str | None) -> str:
    """The format to write: `fmt` when given, else the one the name implies; refusals as above."""
    name = Path(output).name
    implied = format_of(output)
    if fmt is not None and fmt not in FORMATS:
        raise OutputError(f"unknown package format {fmt!r} (choose {', '.join(FORMATS)})", path=str(output))
    if implied == "dir" and _suffix(name) and fmt != "dir":
        if fmt is None:
            raise OutputError(
                f"unknown archive suffix {_suffix(name)!r}: name the package NAME.zip, NAME.tar.gz or NAME.tgz "
                "(or give --format dir for a directory of this name)", path=str(output))
        raise OutputError(f"a {fmt} package must be named NAME{SUFFIX_OF[fmt]}, not {_suffix(name)!r}", path=str(output))
    if fmt is not None and fmt != implied:
        if fmt == "dir":
            suffix = next(s for s in SUFFIXES if name.lower().endswith(s))
            raise OutputError(f"--format dir contradicts the name's {suffix!r} suffix (a directory named like an archive)", path=str(output))
        raise OutputError(f"a {fmt} package must be named NAME{SUFFIX_OF[fmt]}", path=str(output))
    return fmt or implied


def check_target(output: Path, fmt: str, replace: bool) -> bool:
    """Refuse what must not be overwritten; True when `output` is a package file to be replaced."""
    output = Path(output)
    if not os.path.lexists(output):
        return False
    mode = os.lstat(output).st_mode
    if stat.S_ISDIR(mode) and replace and fmt == "dir" and (output / "bagit.txt").is_file():
        return True  # an earlier package: replaced whole by place()
    if stat.S_ISDIR(mode) or output.is_dir():
        raise OutputError("already exists as a directory; a package never writes over a directory (choose another name, or remove it)", path=str(output))
    if stat.S_ISLNK(mode):
        raise OutputError("already exists as a symbolic link; it is never replaced (name the file itself, or choose another name)", path=str(output))
    if not stat.S_ISREG(mode):
        raise OutputError("already exists and is not a regular file; it is never replaced", path=str(output))
    if not replace:
        raise OutputError("already exists; give --replace to replace it with the new package, or choose another name", path=str(output))
    if fmt == "dir":
        raise OutputError("already exists as a file; a directory package cannot replace it (remove it, or choose another name)", path=str(output))
    return True


def _taken(output: Path) -> OutputError:
    return OutputError("already exists (it appeared while the package was being made); nothing was replaced", path=str(output))


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names of `a` and `b` in one atomic step (Linux renameat2); False where not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS):  # file system or kernel without it
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def aside_path(output: Path) -> Path:
    """Where place() keeps the old directory package for a moment when it cannot exchange."""
    output = Path(output)
    return output.with_name(f".{output.name}.previous")


def recover(output: Path) -> str | None:
    """Undo what a run killed inside place() left: the old directory package standing aside
    with none at `output` is put back ("restored"); aside with a package at `output` it is
    the replaced one, removed ("removed"). None when there is nothing aside. Call it holding
    the package's lock (fsutil.exclusive_lock), so no live place() is interrupted."""
    aside = aside_path(output)
    try:
        mode = os.lstat(aside).st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISDIR(mode):
        return None  # not what place() leaves: not teikit's to touch
    if os.path.lexists(output):
        shutil.rmtree(aside)
        return "removed"
    os.rename(aside, output)
    return "restored"


def place(staged: Path, output: Path, replace: bool) -> None:
    """Move the finished package `staged` (same file system) to `output` in one step."""
    if replace and staged.is_dir() and Path(output).is_dir():
        if not _exchange(staged, output):
            # Two renames: for a moment the old package stands beside the output as
            # .NAME.previous (a name no clean-up of temporaries touches), and is put
            # back if the new one cannot take its place.
            aside = aside_path(output)
            os.rename(output, aside)
            try:
                os.rename(staged, output)
            except OSError:
                os.rename(aside, output)
                raise
            staged = aside
        shutil.rmtree(staged)  # the old package, now under the staged (or the aside) name
        return
    if replace:
        os.replace(staged, output)
        return
    if staged.is_dir():
        if os.path.lexists(output):
            raise _taken(output)
        try:
            os.rename(staged, output)
        except OSError:
            raise _taken(output) from None
        return
    try:
        os.link(staged, output)
    except FileExistsError:
        raise _taken(output) from None
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(output):
            raise _taken(output) from None
        os.replace(staged, output)
