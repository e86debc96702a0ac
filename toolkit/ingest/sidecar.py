"""The optional NAME.meta.json sidecar beside NAME.txt: read within limits, every value checked.

Contract: `read_sidecar(path)` returns {} when there is no sidecar, else a dict
of the known keys (SIDECAR_KEYS) whose values are non-empty strings; anything
else raises IngestError naming the sidecar, one line, so that article fails
and the rest of the batch converts. A sidecar is small by nature (seven
strings), so it is refused:

- larger than MAX_SIDECAR_BYTES (read no further than that);
- nested deeper than MAX_SIDECAR_DEPTH (checked on the text before the JSON
  parser sees it, so no input can exhaust the parser's recursion);
- not a JSON object of strings (numbers are never converted, so a
  100,000-digit number costs nothing), with a key given twice, or an unknown key;
- with a value holding a character no TEI file may hold or a user would not
  want there (`bad_character`): C0 and C1 control characters (line breaks and
  tabs too: every value is one line of the header), lone surrogates (a JSON
  "\\ud800" escape), non-characters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF);
- with a language that is no language tag, a date that is no ISO date.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path

from ..errors import IngestError
from ..language import valid_tag

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = ("author", "date", "language", "licence", "publisher", "title", "url")
MAX_SIDECAR_BYTES = 65_536
MAX_SIDECAR_DEPTH = 16

_BAD_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                             + "".join(f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}"
                                       for plane in range(1, 17)) + "]")


class _NotAString:
    """What a JSON number or constant is parsed into: never converted, always refused."""


def bad_character(value: str) -> str | None:
    """What is wrong with the first character of `value` a sidecar value may not hold, or None."""
    match = _BAD_CHARACTERS.search(value)
    if match is None:
        return None
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif code < 0xA0:
        kind = "a control character"
    else:
        kind = "a non-character"
    return f"{kind} (U+{code:04X}) at character {match.start() + 1}"


def nesting_depth(text: str, limit: int) -> int:
    """The deepest nesting of [ and { outside strings in JSON `text`, counted up to limit + 1."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


def _read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"too large for a sidecar (more than {limit:,} bytes)", path=str(path))
    return data


def _object(pairs) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise IngestError(f"key {key!r} is given twice")
        out[key] = value
    return out


def read_sidecar(path: Path, *, max_bytes: int = MAX_SIDECAR_BYTES, max_depth: int = MAX_SIDECAR_DEPTH) -> dict:
    """The checked sidecar at `path` as {key: non-empty string}; {} when there is none."""
    path = Path(path)
    if not os.path.isfile(path):
        return {}
    where = str(path)
    try:
        text = _read_limited(path, max_bytes).decode("utf-8")
    except OSError as exc:
        raise IngestError(f"cannot read sidecar: {(exc.strerror or str(exc)).lower()}", path=where) from None
    except UnicodeDecodeError as exc:
        raise IngestError(f"sidecar is not UTF-8 (byte {exc.start})", path=where) from None
    if nesting_depth(text, max_depth) > max_depth:
        raise IngestError(f"nested deeper than {max_depth} levels (a sidecar is one object of strings)", path=where)
    try:
        meta = json.loads(text, object_pairs_hook=_object, parse_int=lambda _: _NotAString,
                          parse_float=lambda _: _NotAString, parse_constant=lambda _: _NotAString)
    except IngestError as exc:
        raise IngestError(exc.message, path=where) from None
    except json.JSONDecodeError as exc:
        raise IngestError(f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}", path=where) from None
    except (ValueError, RecursionError) as exc:  # the parser's own limits, should the depth check miss one
        raise IngestError(f"not valid JSON ({type(exc).__name__})", path=where) from None
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
    if meta.get("language") and not valid_tag(meta["language"]):
        raise IngestError(f"'language' must be a language tag such as vi, en or zh-TW, not {meta['language']!r}",
                          path=where)
    if meta.get("date"):
        try:
            datetime.date.fromisoformat(meta["date"])
        except ValueError:
            raise IngestError(f"'date' must be an ISO date YYYY-MM-DD, not {meta['date']!r}", path=where) from None
    return {key: value for key, value in meta.items() if value}
