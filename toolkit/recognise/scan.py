"""What the rules may read about one text, and the organisations stage's result.

`Scan` holds the facts every rule family may read: the tokens, the listed
places and the abbreviation table, with the questions the rules ask of a token
(head_at, role_at, person_at, is_org_name). It is read-only: no stage assigns
to it or changes what it holds. A stage that learns more (the organisations
stage learns acronyms named in brackets, "Hiệp hội Lương thực Việt Nam (VFA)")
returns what it learned, and rules.py gives the later stages a new Scan
holding it (`with_abbreviations`).

`OrgSpans` is the organisations stage's result, read by the roles, persons and
places stages (a role takes in the body after it; no person or place starts
inside one).
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from dataclasses import dataclass

from .abbreviations import AbbreviationTable
from .gazetteers import Gazetteers
from .tokens import Tokens, phrase_key


# No organisation's name is longer than this many tokens (a quoted name runs to 300 characters).
MAX_ORG_TOKENS = 120


@dataclass(frozen=True)
class Span:
    """A name found by a rule, in tokens [i, j) and characters [start, end)."""

    i: int
    j: int
    start: int
    end: int
    key: str
    cert: float
    priority: int
    kind: str = ""


def written_as_level(toks, j: int, size: int) -> bool:
    """Are tokens j..j+size-1 written as a level or generic word: in lower case, in capitals as an
    abbreviation is ("TP Đà Lạt"), or with only the first of several syllables capitalised, as an
    official name writes it ("Thành phố Đà Nẵng", "Khu di tích Kim Liên"; not "Tỉnh" alone, which
    is also "Tỉnh ủy")?"""
    if toks.lower(j) or (size == 1 and toks.acronym(j)):
        return True
    return size > 1 and toks.title(j) and all(toks.lower(x) for x in range(j + 1, j + size))


class Scan:
    def __init__(self, text: str, gaz: Gazetteers):
        self.text = text
        self.gaz = gaz
        self.toks = toks = Tokens(text)
        self.places_at = self._places(toks, gaz)
        self._shouted = []  # made on the first question (shouted), for this Scan's copies too (with_abbreviations)
        # the abbreviations defined in the text as "Full Name (ABBR)", over the curated list
        self.abbrs = AbbreviationTable(toks, gaz, self.is_org_name, self.places_at)

    @classmethod
    def again(cls, text: str, gaz: Gazetteers, definitions) -> "Scan":
        """What the corpus-name step reads of a text recognised before (rules.RulesRecogniser.finish):
        its tokens, made again, and its final abbreviation table, made again from that table's
        `definitions`, so that every abbreviation lookup answers as it did. The listed places are
        not looked up again: nothing that step asks reads them (places_at is None, so a question
        that would read them fails rather than answer wrongly)."""
        scan = cls.__new__(cls)
        scan.text = text
        scan.gaz = gaz
        scan.toks = Tokens(text)
        scan.places_at = None
        scan._shouted = []
        scan.abbrs = AbbreviationTable.of(scan.toks, gaz, definitions)
        return scan

    def with_abbreviations(self, abbrs: AbbreviationTable) -> "Scan":
        """The same facts with another abbreviation table (this Scan is left as it was)."""
        other = copy.copy(self)
        other.abbrs = abbrs
        return other

    @staticmethod
    def _places(toks: Tokens, gaz: Gazetteers) -> dict:
        """token -> (size, Place) of the longest gazetteer place starting there."""
        found = {}
        places = gaz.places
        for i in toks.where(places.first):
            for size, place in places.matches_at(toks, i):
                if not toks.cap(i + size - 1):
                    continue  # a proper name ends capitalised ("thành phố Hồ Chí Minh", "châu Âu")
                if size == 1 and toks.sentence_start(i) and i + 1 < toks.n and toks.joined(i) and toks.lower(i + 1) \
                        and (toks.low[i + 1] not in gaz.function_words or toks.low[i] in gaz.address_cues):
                    continue  # "Pháp luật …", "Anh cho biết …": a common word opening a sentence
                if size == 1 and toks.low[i] in gaz.address_cues and i + 2 < toks.n and toks.joined(i) \
                        and toks.low[i + 1] in gaz.family_names and toks.title(i + 1) and toks.title(i + 2):
                    continue  # "Anh Nguyễn Văn Nam": "anh" (brother) before a name, not England
                found[i] = (size, place)
                break
        return found

    # --- questions about a token ---------------------------------------------------

    def head_at(self, i: int):
        """(size, Head) when token i begins an organisation head word, else None."""
        toks = self.toks
        if not toks.cap(i) or toks.low[i] not in self.gaz.heads:
            return None
        hit = self.gaz.heads.match_at(toks, i)
        if hit is None:
            return None
        if i and toks.joined(i - 1) and toks.cap(i - 1) and toks.words[i - 1].isupper() == toks.words[i].isupper() \
                and phrase_key(toks.surface(i - 1, i + 1)) in self.gaz.org_head_compounds:
            return None  # "CẢNH BÁO", "Thông Báo": the word "cảnh báo" (warning), written in capitals
        role = self.role_at(i)
        if role and role[0] > hit[0]:
            return None  # "Bộ trưởng" is an office, not the ministry "Bộ …"
        place = self.places_at.get(i)
        if place and place[0] > hit[0]:
            return None  # "Hội An" is a listed town, not an association "Hội …"
        return hit

    def titled_level(self, i: int) -> bool:
        """Does a level word of several syllables written with only its first capitalised ("Thành
        phố", "Thị xã": written_as_level) begin at token i, a capitalised name right after it?"""
        toks = self.toks
        hit = self.gaz.admin_words.match_at(toks, i) if toks.title(i) and toks.low[i] in self.gaz.admin_words else None
        if not hit or hit[0] < 2 or not written_as_level(toks, i, hit[0]):
            return False
        k = i + hit[0]
        return k < toks.n and toks.joined(k - 1) and toks.cap(k)

    def shouted(self, i: int) -> bool:
        """Is token i in capitals inside a run of three or more words in capitals ("SỞ Y TẾ HÀ NỘI
        THÔNG BÁO"), where capitals mark no name's beginning or end?"""
        if not self._shouted:
            toks = self.toks
            words, runs, k = toks.words, bytearray(toks.n), 0
            while k < toks.n:
                j = k
                while j < toks.n and words[j].isupper() and words[j].isalpha() and (j == k or toks.joined(j - 1)):
                    j += 1
                if j - k >= 3:
                    runs[k:j] = b"\x01" * (j - k)
                k = max(j, k + 1)
            self._shouted.append(runs)  # in place: a copy made before this question shares it
        return bool(self._shouted[0][i])

    def role_at(self, i: int):
        if self.toks.low[i] not in self.gaz.roles:
            return None
        return self.gaz.roles.match_at(self.toks, i)

    def person_at(self, i: int) -> bool:
        """Does a Vietnamese personal name (family name + capitalised syllable) start at token i?"""
        toks = self.toks
        if toks.low[i] not in self.gaz.family_names or not toks.title(i):
            return False
        if i + 1 >= toks.n or not toks.joined(i) or not toks.title(i + 1):
            return False
        place = self.places_at.get(i)
        return not (place and place[0] >= 2)

    def is_org_name(self, toks: Tokens, i: int, j: int) -> bool:
        """Is tokens[i:j] an organisation's name (a listed one, or a head word and a name)?"""
        hit = self.gaz.orgs.match_at(toks, i)
        if hit and hit[0] == j - i:
            return True
        head = self.head_at(i) if toks is self.toks else None
        return bool(head) and head[0] < j - i


class OrgSpans:
    """The organisations found in one text, in the order found, with the lookups later stages make."""

    def __init__(self, spans):
        self.spans: tuple[Span, ...] = tuple(spans)
        at: dict[int, Span] = {}
        for span in self.spans:
            best = at.get(span.i)
            if best is None or span.end > best.end:
                at[span.i] = span
        self.at = at  # token -> the longest organisation starting there (the first found of equals)
        self._sorted = sorted(self.spans, key=lambda s: (s.i, s.j))
        self._starts = [s.i for s in self._sorted]

    def overlapping(self, i: int, j: int) -> list[Span]:
        """Organisations sharing a token with tokens [i, j)."""
        lo = bisect_left(self._starts, i - MAX_ORG_TOKENS)
        hi = bisect_left(self._starts, j)
        return [s for s in self._sorted[lo:hi] if s.j > i]
