"""Abbreviations: learned from "Full Name (ABBR)" in the text, plus a curated list.

An AbbreviationTable is made once per text (scan.Scan) and never changed
afterwards; the definitions another stage finds come back as a new table
(`with_definitions`). Its lookups are memoised (`found`), which is no change
of what it answers.

A definition is accepted when the capital letters of ABBR are the initials of
the syllables just before the parenthesis (case ignored, "Đ" and "D" equal,
the words of abbreviation_skips.tsv, "và", "các", "của", may be skipped and
may not start the name): "Mặt trận Tổ quốc Việt Nam (MTTQVN)", "an ninh Tổ
quốc (ANTQ)", "Giáo dục và Đào tạo (GD&ĐT)". The shortest run of syllables that fits is the expansion. Every
later use of ABBR as a whole written unit (not glued to other letters by "/",
"-" or ".") is an abbr mention keyed by its expansion: cert 0.95 when learned
from the text, 0.9 from the curated list. A text definition overrides the list.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import ABBR
from .gazetteers import Gazetteers, PhraseIndex
from .ruletable import priority
from .spans import Candidate
from .tokens import Tokens

PRIORITY = priority("abbr")
_DEFINITION = re.compile(r"\(\s*([A-ZĐ][\w.&\-]*[\wĐ])\s*\)")
_CLOSERS = "”\"»’'"
MAX_EXPANSION = 14


@dataclass(frozen=True)
class Defined:
    abbr: str
    expansion: str
    kind: str          # org | place | other
    learned: bool      # from this text, not the curated list
    exp_start: int = -1  # token span of the expansion in the text, when learned
    exp_end: int = -1


def _letters(abbr: str) -> list[str]:
    return [c for c in abbr if c.isupper()]


def _initial(word: str) -> str:
    c = word[0].upper()
    return "D" if c == "Đ" else c


def _fits(words: list[str], letters: list[str], skips: frozenset[str]) -> bool:
    """Do the syllables' initials spell the letters, skipping function words but not the first?"""
    want = ["D" if c == "Đ" else c for c in letters]

    def walk(w: int, k: int) -> bool:
        if k == len(want):
            return w == len(words)
        if w == len(words):
            return False
        if _initial(words[w]) == want[k] and walk(w + 1, k + 1):
            return True
        return w > 0 and words[w].lower() in skips and walk(w + 1, k)

    return walk(0, 0)


class AbbreviationTable:
    """The abbreviations of one article: learned definitions over the curated list."""

    def __init__(self, toks: Tokens, gaz: Gazetteers, is_org_name, places_at=None):
        self.gaz = gaz
        self.toks = toks
        self._at: dict | None = None  # token -> match_at's answer for self.toks, made on first use
        self.places_at = places_at or {}
        self.learned = PhraseIndex(case_sensitive=True)
        self.definitions: list[Defined] = []
        seen: set[str] = set()
        text = toks.folded
        for m in _DEFINITION.finditer(text):
            abbr = m.group(1)
            letters = _letters(abbr)
            if len(letters) < 2 or abbr in seen:
                continue
            found = self._expansion_before(toks, m.start(), letters, gaz.abbreviation_skips, self.places_at)
            if found is None:
                continue
            i, j = found
            expansion = toks.surface(i, j)
            curated = self.gaz.abbreviations.match_at(Tokens(abbr), 0)
            if is_org_name(toks, i, j):
                kind = "org"
            elif curated and curated[1].expansion.lower() == expansion.lower():
                kind = curated[1].kind
            else:
                kind = "other"
            seen.add(abbr)
            entry = Defined(abbr, expansion, kind, True, i, j)
            self.definitions.append(entry)
            self.learned.add(abbr, entry)

    @classmethod
    def of(cls, toks: Tokens, gaz: Gazetteers, definitions) -> "AbbreviationTable":
        """The table of `toks` whose definitions are `definitions` (another table's, in its order:
        the text's, then those with_definitions added), without reading the text for them again;
        it answers every lookup as that table does."""
        table = cls.__new__(cls)
        table.gaz = gaz
        table.toks = toks
        table._at = None
        table.places_at = {}
        table.learned = PhraseIndex(case_sensitive=True)
        table.definitions = list(definitions)
        for entry in table.definitions:
            table.learned.add(entry.abbr, entry)
        return table

    @staticmethod
    def _expansion_before(toks: Tokens, paren: int, letters: list[str], skips: frozenset[str], places_at=None):
        """Token span (i, j) of the syllables right before `paren` whose initials spell `letters`.

        A trailing country or place may stand outside the letters: "Ngân hàng Nhà
        nước Việt Nam (NHNN)" expands to the whole name.
        """
        j = bisect_right(toks.ends, paren)  # tokens 0..j-1 end before the parenthesis
        if j == 0:
            return None
        between = toks.folded[toks.ends[j - 1]:paren]
        if between.strip(" " + _CLOSERS):
            return None
        ends = [(j, j)]
        for start, (size, _) in (places_at or {}).items():
            if start + size == j and start > 0 and toks.joined(start - 1):
                ends.append((start, j))
        for last, whole in ends:
            for size in range(len(letters), min(MAX_EXPANSION, last) + 1):
                i = last - size
                if size > 1 and toks.gaps[i] not in (" ", "-"):
                    break
                if _fits(toks.words[i:last], letters, skips):
                    return i, whole
        return None

    def with_definitions(self, entries: list[Defined]) -> "AbbreviationTable":
        """A new table: this one and definitions another stage found ("Hiệp hội Lương thực
        Việt Nam (VFA)", orgs.py); this table is left as it was."""
        table = copy.copy(self)
        table.learned = self.learned.copy()
        table.definitions = self.definitions + list(entries)
        for entry in entries:
            table.learned.add(entry.abbr, entry)
        table._at = None
        return table

    def match_at(self, toks: Tokens, i: int):
        """(token count, Defined) of the abbreviation written at token i, or None."""
        if toks is self.toks:
            return self.found().get(i)
        return self._match(toks, i)

    def found(self) -> dict:
        """token -> (token count, Defined) for every abbreviation written in the text.

        Worked out once (and again after `learn`): the rules ask about the same
        tokens many times, and only tokens that begin a listed or learned
        abbreviation need a look.
        """
        if self._at is None:
            toks, learned, listed = self.toks, self.learned.first, self.gaz.abbreviations.first
            self._at = {}
            words = toks.words
            lowered = self.gaz.abbreviation_firsts.union(w.lower() for w in learned)
            for i in [i for i in toks.where(lowered) if words[i] in learned or words[i] in listed]:
                hit = self._match(toks, i)
                if hit:
                    self._at[i] = hit
        return self._at

    def _match(self, toks: Tokens, i: int):
        if not toks.words[i][0].isupper():
            return None
        if i > 0 and toks.glue[i - 1]:
            return None
        best = None
        for index, learned in ((self.learned, True), (self.gaz.abbreviations, False)):
            hit = index.match_at(toks, i)
            if hit is None:
                continue
            size, entry = hit
            if toks.glue[i + size - 1] and i + size < toks.n:
                continue
            if not learned:
                entry = self._curated(entry)
            if best is None or size > best[0]:
                best = (size, entry)
        return best

    def _curated(self, entry) -> Defined:
        for d in self.definitions:  # a text definition of the same letters wins
            if d.abbr == entry.abbr:
                return d
        return Defined(entry.abbr, entry.expansion, entry.kind, False)

    def candidates(self, toks: Tokens) -> list[Candidate]:
        out = []
        after = 0
        found = self.found() if toks is self.toks else {i: self._match(toks, i) for i in range(toks.n)}
        for i in sorted(found):
            hit = found[i]
            if hit is None or i < after:
                continue
            size, entry = hit
            start, end = toks.span(i, i + size)
            out.append(Candidate(start, end, ABBR, entry.expansion, 0.95 if entry.learned else 0.9, PRIORITY))
            after = i + size
        return out

    def expand(self, toks: Tokens, i: int, j: int) -> str:
        """The folded text of tokens i..j-1 with every abbreviation in it written out."""
        if toks is self.toks and toks.gaps[i:j - 1].count(" ") == j - 1 - i:
            found = self.found()
            if not any(k in found for k in range(i, j)):
                return " ".join(toks.words[i:j])  # the usual case: plain words and spaces
        parts: list[str] = []
        k = i
        while k < j:
            hit = self.match_at(toks, k)
            if hit and k + hit[0] <= j:
                size, entry = hit
                word = entry.expansion
                # a name starts with a capital even when the expansion is listed in lower case
                parts.append(word[:1].upper() + word[1:] if not parts else word)
                k += size
            else:
                parts.append(toks.words[k])
                k += 1
            if k < j:
                gap = toks.gaps[k - 1]
                spaced = " " in toks.folded[toks.ends[k - 1]:toks.starts[k]]
                if gap in (" ", None):
                    parts.append(" ")
                elif gap in (",", ";", ":"):
                    parts.append(gap + " ")
                else:
                    parts.append(f" {gap} " if spaced and gap == "-" else gap)
        return re.sub(r"\s+", " ", "".join(parts)).strip()
