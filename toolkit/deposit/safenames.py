"""Payload file names: NFC, ASCII-safe, collision-free, and never outside the package.

An input's name comes from whoever made the file; it must not decide where a
package writes. Names are reduced to `[A-Za-z0-9._-]` (diacritics stripped
after NFC/NFKD), and every write goes through `contained()` which resolves the
target and checks that it stays under the package root.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..asciifold import FILE_CHARS, slug
from ..errors import DepositError

MAX_STEM = 100  # keeps archive member names well inside tar's 255-byte limit


def slugify_stem(name: str, *, fallback: str = "article") -> str:
    """An ASCII-safe stem for a file name (without its suffix): asciifold.slug over file-name characters."""
    text = slug(name, allowed=FILE_CHARS, lower=False)
    text = re.sub(r"-{2,}", "-", text)
    # No hidden files, no '.'/'..', no leading option-like dash.
    text = text.strip(".-_ ")
    text = re.sub(r"\.{2,}", ".", text)
    return text[:MAX_STEM].rstrip(".-") or fallback


def assign_names(paths, suffix: str) -> dict[Path, str]:
    """Input path -> unique safe file name (stem + `suffix`), in input order.

    Collisions are resolved in the order the inputs were given (`name-2`,
    `name-3`, …), compared case-insensitively so the package also unpacks on
    case-insensitive file systems.
    """
    taken: set[str] = set()
    return {Path(path): assign_name(path, suffix, taken) for path in paths}


def assign_name(path, suffix: str, taken) -> str:
    """One name of assign_names, unique among (and recorded in) `taken` (a set, or any object
    with `in` and `add`, such as scratch.NameSet): paths given one by one in input order get
    what assign_names gives them all at once."""
    stem = slugify_stem(Path(path).name.removesuffix(suffix) if Path(path).name.endswith(suffix) else Path(path).stem)
    return _unique(stem, suffix, taken)


def safe_names(names) -> list[str]:
    """Unique safe file names for arbitrary `names`, in order, each keeping its own last suffix.

    `Bài một.TXT` -> `Bai-mot.TXT`; a suffix is kept only as `.` + up to 16 of
    `[A-Za-z0-9]`. Collisions resolve as in assign_names (`name-2.txt`).
    """
    taken: set[str] = set()
    return [safe_name(name, taken) for name in names]


def safe_name(name, taken: set[str]) -> str:
    """One name of safe_names, unique among (and recorded in) `taken`: names given one by one
    get what safe_names gives them all at once."""
    return _unique(*safe_parts(name), taken)


def safe_parts(name) -> tuple[str, str]:
    """(stem, suffix) of safe_name's name for `name` before any collision: `Bài một.TXT` -> ("Bai-mot", ".TXT")."""
    last = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    suffix = Path(last).suffix
    clean = re.sub(r"[^A-Za-z0-9]+", "", suffix[1:])[:16]
    stem = slugify_stem(str(name)[: len(str(name)) - len(suffix)] if suffix else str(name), fallback="source")
    return stem, f".{clean}" if clean else ""


def _unique(stem: str, suffix: str, taken: set[str]) -> str:
    """`stem + suffix`, or `stem-N + suffix` for the first N >= 2 not yet in `taken` (case-insensitively); recorded in `taken`."""
    candidate, n = stem, 1
    while (candidate + suffix).lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add((candidate + suffix).lower())
    return candidate + suffix


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\\\\]")
_UNPRINTABLE_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(match) -> str:
    char = match.group(0)
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def shown(name: str) -> str:
    """A name from a package (member, manifest path) as printed: control characters, line
    separators, lone surrogates and backslashes escaped (\\n, \\x1b, \\udc80, \\\\), so one
    error is always one line and a name cannot forge another."""
    return _UNPRINTABLE.sub(_escape, str(name))


def quoted(name: str) -> str:
    """'NAME', escaped as shown()."""
    return f"'{shown(name)}'"


def one_line(text: str) -> str:
    """A message that may hold names from a package: control characters and line separators
    escaped (backslashes kept as they are)."""
    return _UNPRINTABLE_TEXT.sub(_escape, str(text))


def contained(root: Path, relative: str) -> Path:
    """`root/relative`, refusing absolute paths, '..' and anything resolving outside `root`."""
    return Path(contained_name(os.fspath(root), relative))


def contained_name(root: str, relative: str) -> str:
    """contained() as a string, with no Path made: pathlib interns every part of a path it
    parses, so unpacking a package of many members through Paths grew the interpreter's
    table of interned strings (extract makes one target a member)."""
    if not relative or os.path.isabs(relative) or "\\" in relative or any(p in ("", ".", "..") for p in relative.split("/")):
        raise DepositError(f"unsafe path in package: {relative!r}", path=root)
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath((base, target)) != base:
        raise DepositError(f"path escapes the package: {relative!r}", path=root)
    return target
