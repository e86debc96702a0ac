"""The one reader of JSON teikit did not write (sidecars, JSON lines), and what its strings may hold.

`loads(text)` parses one JSON text with limits no input can get past:
- nesting deeper than `max_depth` is refused on the text itself, before the
  parser sees it (the parser recurses: a few thousand brackets would raise
  RecursionError);
- a number of more than MAX_NUMBER_CHARS characters is refused, never converted
  (Python refuses to convert a 4,300-digit integer with a ValueError);
- NaN and Infinity (which Python's parser accepts and JSON does not) are refused;
- a key given twice in one object is refused (the parser would keep the last).
Each refusal is an InputError without a path: the caller names the file.

`bad_character(value)` says what is wrong with the first character of a string
that no XML file can hold or a one-line field should not: a lone surrogate (a
JSON "\\ud800" escape: it cannot even be written as UTF-8), a non-character
(U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) and, unless `controls=False`, a C0 or C1
control character (tab and line breaks included).
"""

from __future__ import annotations

import json
import re

from .errors import InputError

MAX_DEPTH = 16
MAX_NUMBER_CHARS = 24

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}" for plane in range(1, 17))
_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")
_BAD_NOT_CONTROLS = re.compile("[\ud800-\udfff" + _NONCHARACTERS + "]")


def bad_character(value: str, *, controls: bool = True) -> str | None:
    """'a control character (U+0007) at character 4' for the first bad character of `value`, or None."""
    match = (_BAD if controls else _BAD_NOT_CONTROLS).search(value)
    if match is None:
        return None
    code = ord(match.group())
    kind = ("a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character" if code < 0xA0
            else "a non-character")
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


def _number(convert):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise InputError(f"a number of {len(text):,} characters (at most {MAX_NUMBER_CHARS})")
        return convert(text)
    return parse


def _constant(name: str):
    raise InputError(f"{name} is not JSON")


def _object(pairs) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"key {key!r} is given twice")
        out[key] = value
    return out


def loads(text: str, *, max_depth: int = MAX_DEPTH):
    """One JSON value from `text`, within the limits above; InputError (no path) if refused."""
    if nesting_depth(text, max_depth) > max_depth:
        raise InputError(f"nested deeper than {max_depth} levels")
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_number(int), parse_float=_number(float),
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # the parser's own limits, should a check above miss one
        raise InputError(f"not valid JSON ({type(exc).__name__})") from None
