"""Syllable tokens with offsets: Vietnamese writes words as space-separated syllables.

A token is a run of letters/digits (with any combining marks) or one other
non-space character, so punctuation is always its own token and every token
maps back to an exact slice of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|\S")
_LINE_BREAK = re.compile(r"\n+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def sequences(text: str) -> list[list[Token]]:
    """Token sequences, one per line/paragraph: the CRF labels one paragraph at a time."""
    result, pos = [], 0
    for brk in list(_LINE_BREAK.finditer(text)) + [None]:
        stop = brk.start() if brk else len(text)
        tokens = tokenize(text, pos, stop)
        if tokens:
            result.append(tokens)
        if brk:
            pos = brk.end()
    return result


def bio_tags(tokens: list[Token], spans) -> list[str]:
    """BIO tags for `tokens` from non-crossing (start, end, label) spans; a token belongs to
    the span its first character is in."""
    tags = ["O"] * len(tokens)
    ordered = sorted(spans)
    j = 0
    for i, tok in enumerate(tokens):
        while j < len(ordered) and ordered[j][1] <= tok.start:
            j += 1
        if j < len(ordered) and ordered[j][0] <= tok.start < ordered[j][1]:
            start, _, label = ordered[j]
            first = i == 0 or tokens[i - 1].start < start
            tags[i] = ("B-" if first else "I-") + label
    return tags


def spans_from_tags(tokens: list[Token], tags: list[str]) -> list[tuple[int, int, str, int, int]]:
    """(start, end, label, first token index, last token index + 1) for each B/I run."""
    found, i = [], 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        found.append((tokens[i].start, tokens[j - 1].end, label, i, j))
        i = j
    return found
