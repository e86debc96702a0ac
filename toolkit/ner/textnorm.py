"""Normalise text to NFC while carrying entity offsets along (white space: whitespace.fold_spans).

Gold sets and corrected TEI are not always NFC or tidy in their spacing, but
recognisers see NFC text (see teikit.model), so offsets must be remapped, not
just the string replaced.
"""

from __future__ import annotations

import unicodedata

from .spans import Span

def _nfc_pieces(text: str) -> list[tuple[int, str]]:
    """(offset in `text`, NFC of the piece) for pieces that start at a combining-class-0 character.

    NFC composes a base character with the marks that follow it, so normalising
    piece by piece gives the same string as normalising the whole, and each
    piece's start is where an entity boundary may sit.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            pieces.append((start, unicodedata.normalize("NFC", text[start:i])))
            start = i
    return pieces


def nfc_with_offsets(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """The NFC text and `spans` moved to match it; a no-op for text already in NFC."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(spans)
    pieces = _nfc_pieces(text)
    new_pos = [0] * (len(text) + 1)
    out, pos = [], 0
    for (start, piece), nxt in zip(pieces, [p[0] for p in pieces[1:]] + [len(text)]):
        for i in range(start, nxt):
            new_pos[i] = pos  # an offset inside a composed piece snaps to its start
        out.append(piece)
        pos += len(piece)
    new_pos[len(text)] = pos
    joined = "".join(out)
    if joined != unicodedata.normalize("NFC", text):  # a composition across pieces: keep offsets honest
        raise ValueError("text cannot be normalised to NFC piecewise")
    return joined, [(new_pos[s], new_pos[e], label) for s, e, label in spans]
