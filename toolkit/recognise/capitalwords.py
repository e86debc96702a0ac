"""The word lists of a language that writes names with capitals, and the words of a text,
for the "capitals" recogniser (recognise/capitals.py).

A language's lists are data/languages/names/<code>.tsv (one row: a kind, comma-separated
entries; the kinds in KINDS, said in the file's header) and, beside it, <code>_places.tsv
(CLDR's countries and regions, tools/make_name_places.py). `words(code)` reads them once;
`read_words(path)` reads one file, a RecogniseError naming it for a wrong one. `Tokens` are
the words of a text with their offsets: a possessive ending (possessive: "'s") left outside, the dot of a listed
abbreviation ("Mr.", "Calif.") or of an initial ("A.") kept inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import RecogniseError
from ..resources import language_dir, read_tsv

KINDS = ("title", "connector", "particle", "article", "org_head", "org_first", "place_head", "place_first",
         "org", "place", "given", "org_connector", "org_noun", "place_after", "place_of", "person_after", "org_after",
         "year_cue", "saying", "place_cue", "not_name", "not_alone", "possessive")
# A word: letters, then letters or digits, hyphened or apostrophed parts; or initials "U.S.".
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*")
SPACES = (" ", "\u00a0")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*\s*[\"“‘'(\[]*\s*$")


def names_dir() -> Path:
    return language_dir() / "names"


def languages() -> tuple[str, ...]:
    """The languages with word lists (data/languages/names/<code>.tsv), sorted."""
    return tuple(sorted(p.stem for p in names_dir().glob("*.tsv") if "_" not in p.stem))


@dataclass(frozen=True)
class Words:
    """One language's word lists (see the module's note), each a frozenset; titles as word tuples."""

    code: str
    kinds: dict
    titles: frozenset  # tuples of case-folded words
    dotted: frozenset  # the listed words written with a final dot ("Mr.", "Calif."): a token keeps its dot
    function_words: frozenset  # case-folded not_name, article and connector words ("in 2026 and …": still a year)
    place_before: frozenset  # place_of as word tuples ("suburbs", "of")

    def __getitem__(self, kind: str) -> frozenset:
        return self.kinds[kind]


@lru_cache(maxsize=8)
def words(code: str) -> Words:
    """The word lists of language `code` (cached; see read_words)."""
    return read_words(names_dir() / f"{code}.tsv")


def read_words(path: Path) -> Words:
    """The word lists in `path` and, beside it, <code>_places.tsv (RecogniseError naming the file
    for one that cannot be read, lacks a column or names an unknown kind)."""
    code = path.stem
    found: dict[str, set] = {kind: set() for kind in KINDS}
    for row in read_tsv(path, error=RecogniseError, what="word list"):
        kind, entries = row.get("kind"), row.get("entries")
        if kind not in found or entries is None:
            raise RecogniseError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})" if entries is not None
                                 else "no entries column (the header is: kind, entries)", path=str(path))
        found[kind].update(e.strip() for e in entries.split(",") if e.strip())
    places = path.with_name(f"{code}_places.tsv")
    if places.is_file():
        found["place"].update(row["name"] for row in read_tsv(places, error=RecogniseError, what="place list"))
    found["title"] = {t.casefold() for t in found["title"]}
    found["saying"] = {s.casefold() for s in found["saying"]}
    found["place_cue"] = {s.casefold() for s in found["place_cue"]}
    titles = frozenset(tuple(t.split()) for t in found["title"])
    dotted = frozenset(w.casefold() for kind in KINDS for entry in found[kind] for w in entry.split() if w.endswith("."))
    function_words = frozenset(w.casefold() for kind in ("not_name", "article", "connector") for w in found[kind])
    place_before = frozenset(tuple(entry.split()) for entry in found["place_of"])
    return Words(code, {kind: frozenset(v) for kind, v in found.items()}, titles, dotted, function_words, place_before)


class Tokens:
    """The words of a text: (start, end) each, the word, and where sentences and lines begin."""

    def __init__(self, text: str, lists: Words):
        self.text = text
        self.possessive = tuple(sorted(lists["possessive"], key=len, reverse=True))  # "Newsom's": "Newsom"
        spans = []
        for m in _WORD.finditer(text):
            start, end = m.span()
            word = m.group()
            ending = next((e for e in self.possessive if word.endswith(e) and len(word) > len(e)), None)
            if ending:
                end -= len(ending)
            elif text.startswith(".", end) and ((word + ".").casefold() in lists.dotted
                                                or (len(word) == 1 and word.isupper())):
                end += 1  # "Mr.", "Calif.", "Inc.", an initial "A.": the dot is the word's
            spans.append((start, end))
        self.spans = spans
        self.words = [text[a:b] for a, b in spans]
        self.n = len(spans)

    def gap(self, i: int) -> str:
        """The text between word i-1 and word i (from the text's start for the first)."""
        return self.text[self.spans[i - 1][1] if i else 0:self.spans[i][0]]

    def joined(self, i: int) -> bool:
        """Whether word i follows word i-1 after one space and nothing else."""
        return i > 0 and self.gap(i) in SPACES

    def sentence_start(self, i: int) -> bool:
        gap = self.gap(i)
        return i == 0 or "\n" in gap or bool(_SENTENCE_END.search(gap))  # "Mr. Biden": the dot is the title's

    def line_start(self, i: int) -> bool:
        return i == 0 or "\n" in self.gap(i)

    def capitalised(self, i: int) -> bool:
        return self.words[i][0].isupper()

    def surface(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0]:self.spans[last][1]]
