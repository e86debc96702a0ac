"""The optional NAME.meta.json sidecar beside NAME.txt: read within limits, every value checked.

Contract: `read_sidecar(path)` returns {} when there is no sidecar, else a dict
of the known keys (SIDECAR_KEYS) whose values are non-empty strings; anything
else raises IngestError naming the sidecar, one line, so that article fails
and the rest of the batch converts. A sidecar is small by nature (seven
strings), so it is refused:

- larger than MAX_SIDECAR_BYTES (read no further than that);
- if JSON the one reader (jsonsafe.loads) refuses: nested deeper than
  MAX_SIDECAR_DEPTH, a number too long to convert, NaN, a key given twice;
- not a JSON object of strings, or with an unknown key;
- with a value holding a character no TEI file may hold or a user would not
  want there (jsonsafe.bad_character): C0 and C1 control characters (line
  breaks and tabs too: every value is one line of the header), lone surrogates
  (a JSON "\\ud800" escape), non-characters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF);
- with a language that is no language tag, a date that is no ISO date YYYY-MM-DD.
White space around a value is dropped; a value of white space only counts as not given
(like an empty one), so it never reaches the header as an empty title or URL.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from ..errors import IngestError, InputError
from ..jsonsafe import MAX_DEPTH, bad_character, loads
from ..language import valid_tag

SIDECAR_KEYS = ("author", "date", "language", "licence", "publisher", "title", "url")
MAX_SIDECAR_BYTES = 65_536
MAX_SIDECAR_DEPTH = MAX_DEPTH
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"too large for a sidecar (more than {limit:,} bytes)", path=str(path))
    return data


def read_sidecar(path: Path, *, max_bytes: int = MAX_SIDECAR_BYTES, max_depth: int = MAX_SIDECAR_DEPTH,
                 follow_symlinks: bool = True) -> dict:
    """The checked sidecar at `path` as {key: non-empty string}; {} when there is none.
    With follow_symlinks=False a sidecar that is a symbolic link is refused (it may lead anywhere),
    like the inputs themselves (batch.py)."""
    path = Path(path)
    if not follow_symlinks and path.is_symlink():
        raise IngestError("a symbolic link, not read (--follow-symlinks reads it)", path=str(path))
    if not os.path.isfile(path):
        return {}
    where = str(path)
    try:
        text = _read_limited(path, max_bytes).decode("utf-8-sig")  # a byte-order mark, as Notepad writes, allowed
    except OSError as exc:
        raise IngestError(f"cannot read sidecar: {(exc.strerror or str(exc)).lower()}", path=where) from None
    except UnicodeDecodeError as exc:
        raise IngestError(f"sidecar is not UTF-8 (byte {exc.start})", path=where) from None
    try:
        meta = loads(text, max_depth=max_depth)
    except InputError as exc:
        raise IngestError(exc.message, path=where) from None
    if not isinstance(meta, dict):
        raise IngestError("must hold a JSON object", path=where)
    unknown = sorted(set(meta) - set(SIDECAR_KEYS))
    if unknown:
        raise IngestError(f"unknown key {unknown[0]!r} (known: {', '.join(SIDECAR_KEYS)})", path=where)
    for key in SIDECAR_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise IngestError(f"{key!r} must be a string", path=where)
        problem = bad_character(value)
        if problem:
            raise IngestError(f"{key!r} holds {problem}", path=where)
        meta[key] = value.strip()  # white space around a value is not part of it; all white space: not given
    if meta.get("language") and not valid_tag(meta["language"]):
        raise IngestError(f"'language' must be a language tag such as vi, en or zh-TW, not {meta['language']!r}",
                          path=where)
    if meta.get("date") and not _is_iso_date(meta["date"]):
        raise IngestError(f"'date' must be an ISO date YYYY-MM-DD, not {meta['date']!r}", path=where)
    return {key: value for key, value in meta.items() if value}


def _is_iso_date(value: str) -> bool:
    """YYYY-MM-DD in ASCII digits, a real day (Python's fromisoformat alone also takes
    20240605 and 2024-W23-3, which no TEI @when is)."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
