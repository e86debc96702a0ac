"""Syllable tokens of a text, with what the rules ask of them: case, gaps, sentence starts.

Vietnamese writes one syllable per space-separated token, so the rules work on
runs of tokens. Before tokenising, tone-mark placement is folded to one
convention ("hoà" → "hòa", "Uỷ" → "Ủy", "khoẻ" → "khỏe"): both are in print
and must match the same gazetteer entry and give the same key. Folding swaps
two characters and never changes the length, so offsets into the folded text
are offsets into the original.

Between two tokens lies a *gap*; its class is " " for plain spaces, "" for
nothing at all, "-" for a dash with or without spaces, None when the gap holds
a line break (a name never runs across blocks), else the punctuation without
its spaces ("." in "TP.HCM" and in "TP. HCM", "," after a comma).
"""

from __future__ import annotations

import re
import unicodedata

_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _fold_table() -> dict[str, str]:
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            new = unicodedata.normalize("NFC", first + tone) + second
            for case in (str.lower, str.capitalize, str.upper):
                table[case(old)] = case(new)
    return table


_FOLD = _fold_table()
# Only at the end of a syllable ("hoàn" keeps its mark on a) and never after q
# ("quý": u belongs to the consonant).
_FOLD_RE = re.compile(r"(?<![qQ])(?:" + "|".join(sorted(_FOLD, key=len, reverse=True)) + r")(?!\w)")
_TOKEN_RE = re.compile(r"\w+")
_DASHES = frozenset("-–—")
# Gap text that glues two tokens into one written unit ("TP.HCM", "GD&ĐT", "09-CT/TW").
_GLUE = frozenset({"", ".", "-", "/", "&", "_", "'", "’"})
_SENTENCE_END = frozenset(".!?…:;“\"«(")


def fold(text: str) -> str:
    """`text` with one tone-mark placement (same length, same offsets)."""
    return _FOLD_RE.sub(lambda m: _FOLD[m.group()], text)


def gap_class(gap: str) -> str | None:
    if gap == " ":
        return " "
    if "\n" in gap:
        return None
    stripped = gap.strip()
    if not stripped:
        return " " if gap else ""
    if stripped in _DASHES:
        return "-"
    return stripped


class Tokens:
    """The syllable tokens of one text: parallel lists indexed by token number."""

    __slots__ = ("text", "folded", "starts", "ends", "words", "low", "gaps", "glue", "n")

    def __init__(self, text: str):
        self.text = text
        self.folded = folded = fold(text)
        matches = list(_TOKEN_RE.finditer(folded))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group() for m in matches]
        self.low = [w.lower() for w in self.words]
        self.n = n = len(matches)
        starts, ends = self.starts, self.ends
        raw = [folded[ends[i]:starts[i + 1]] for i in range(n - 1)]
        self.gaps = [gap_class(g) for g in raw] + [None]
        self.glue = [g in _GLUE for g in raw] + [False]

    # --- questions the rules ask -------------------------------------------------

    def cap(self, i: int) -> bool:
        """Starts with a capital letter."""
        return self.words[i][0].isupper()

    def title(self, i: int) -> bool:
        """Capitalised like a name syllable: "Quang", "Đại" (not "MTTQVN", not "31")."""
        w = self.words[i]
        return w[0].isupper() and (len(w) == 1 or w[1:].islower())

    def acronym(self, i: int) -> bool:
        w = self.words[i]
        return len(w) > 1 and w.isupper()

    def lower(self, i: int) -> bool:
        return self.words[i].islower()

    def joined(self, i: int) -> bool:
        """Token i and token i+1 are separated by plain spaces only."""
        return self.gaps[i] == " "

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.gaps[i - 1]
        return gap is None or any(c in _SENTENCE_END for c in gap)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens i..j-1."""
        return self.starts[i], self.ends[j - 1]

    def surface(self, i: int, j: int) -> str:
        """The folded text of tokens i..j-1 with runs of white space made one space."""
        return " ".join(self.folded[self.starts[i]:self.ends[j - 1]].split())


def phrase_key(phrase: str) -> tuple:
    """A phrase as (syllable, gap, syllable, …), lower-cased and folded, for gazetteer lookups."""
    toks = Tokens(unicodedata.normalize("NFC", phrase))
    key: list = []
    for i in range(toks.n):
        if i:
            key.append(toks.gaps[i - 1])
        key.append(toks.low[i])
    return tuple(key)


def exact_key(phrase: str) -> tuple:
    """Like phrase_key but keeping case (for abbreviations: "TP" is not "tp")."""
    toks = Tokens(unicodedata.normalize("NFC", phrase))
    key: list = []
    for i in range(toks.n):
        if i:
            key.append(toks.gaps[i - 1])
        key.append(toks.words[i])
    return tuple(key)
