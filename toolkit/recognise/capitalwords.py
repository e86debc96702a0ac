"""The word lists of a language that writes names with capitals, and the words of a text,
for the "capitals" recogniser (recognise/capitals.py).

A language's lists are data/languages/names/<code>.tsv (one row: a kind, comma-separated
entries; the kinds in KINDS, said in the file's header) and, beside it, <code>_places.tsv
(CLDR's countries and regions, tools/make_name_places.py). `words(code)` reads them once, a
language's given names with every other's and the world's (world_given.tsv) that is no word of its own
(world_given);
`read_words(path)` reads one file, a RecogniseError naming it for a wrong one. `Tokens` are
the words of a text with their offsets: a possessive ending (possessive: "'s") left outside, the dot of a listed
abbreviation ("Mr.", "Calif.") or of an initial ("A.") kept inside, initials one word ("U.S.", "EE.UU."), a listed
word with a dot, an ampersand or a slash inside one word ("Sig.ra", "Dott.ssa", "CD&V", "GL/PvdA"), and one opening
with an apostrophe kept whole ("'t" of "Gerard 't Hooft"),
an elided article or preposition (elision: "l'", "d'", "qu'") a word of its own, joined to the next
with no space ("l'ONU": "l'", "ONU"), a listed word in brackets one word with them (bracketed: "(Persero)").
The entries of several words (titles, verbs of saying, place cues, heads) are split into words the
way a text is (`entry_words`), and matched as word tuples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..errors import RecogniseError
from ..model import ORG, PLACE
from ..resources import language_dir, read_tsv

KINDS = ("title", "connector", "particle", "article", "org_head", "org_first", "place_head", "place_first",
         "org_lower_first", "place_lower_first", "org", "place", "given", "org_connector", "org_noun", "place_after",
         "place_of", "person_after", "org_after", "year_cue", "saying", "place_cue", "not_name", "not_alone",
         "possessive", "elision", "title_adjective", "org_of", "event", "other_name", "title_complement",
         "saying_alone", "later_mention", "year_word", "bracketed", "setting", "title_suffix", "place_ending",
         "genitive", "adjective_ending", "org_suffix")
# The kinds matched ignoring case, as word tuples.
_FOLDED = ("title", "saying", "place_cue", "title_complement", "saying_alone", "title_suffix")
# A word: letters, then letters or digits, hyphened or apostrophed parts; or initials "U.S.", a letter
# doubled for a plural ("EE.UU.", "CC.OO.").
# A letter, with the combining marks after it (text not in NFC: "José" as J o s e + U+0301).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"(?:([^\W\d_])[{_MARKS}]*(?:\1[{_MARKS}]*)?\.){{2,}}|[^\W\d_][{_MARKS}]*(?:[^\W_]|[{_MARKS}])*"
                   rf"(?:['’\-](?:[^\W_]|[{_MARKS}])+)*")
SPACES = (" ", "\u00a0")
_NAMED = ("org", "place", "other_name")  # the kinds of whole names (other_name: an event's, no entity)
_INNER = re.compile(r"[.&/]")  # inside a listed word that is one word of a text ("Sig.ra", "CD&V", "GL/PvdA")
_APOSTROPHES = ("'", "’")
_INNER_GAPS = ("", ".", "&", "/")
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
    org_before: frozenset  # org_of as word tuples ("partido",)
    sayings: frozenset  # saying as case-folded word tuples ("according", "to")
    place_cues: frozenset  # place_cue as case-folded word tuples ("près", "de")
    heads: tuple  # (word tuple, ORG or PLACE) of org_lower_first and place_lower_first, longest first
    long_names: dict  # first word -> word tuples of the listed names a run of capitals does not reach
    elisions: tuple  # elision, longest first
    longest: int  # words of the longest listed org or place name
    inner_dotted: frozenset = frozenset()  # case-folded listed words with a dot, "&" or "/" inside ("sig.ra", "cd&v")
    apostrophed: frozenset = frozenset()  # case-folded listed words opening with an apostrophe ("'t"): one word
    complement_titles: frozenset = frozenset()  # title_complement as word tuples ("gubernur",): titles too
    sayings_alone: frozenset = frozenset()  # saying_alone as case-folded word tuples ("kata",): sayings too

    def __getitem__(self, kind: str) -> frozenset:
        return self.kinds[kind]


@lru_cache(maxsize=16)
def words(code: str) -> Words:
    """The word lists of language `code` (cached; see read_words), its given names with every other
    language's (world_given)."""
    own = _listed(f"{code}.tsv")
    others = [_listed(f"{other}.tsv") for other in languages() if other != code] + [_listed(WORLD_GIVEN)]
    return replace(own, kinds={**own.kinds, "given": own.kinds["given"] | world_given(own, others)})


@lru_cache(maxsize=16)
def _listed(name: str) -> Words:
    """One file of names_dir() read (read_words) once a process, however many languages read its given names."""
    return read_words(names_dir() / name)


# The given names of the world as Latin-script news writes them, every language's besides its own
# (a file of given rows, whose name no language's lists take: languages() reads no name with "_").
WORLD_GIVEN = "world_given.tsv"


# The kinds whose words a language's text writes with a capital for what they are: another language's
# given name that is one of them is none in this language (Spanish "Ella", she; English "Victoria", a place).
_OWN_WORDS = ("not_name", "not_alone", "article", "connector", "particle", "org_first", "place_first", "org_head",
              "place_head", "org", "place")


def world_given(own: Words, others: list[Words]) -> frozenset:
    """The given names of the other languages' lists and of WORLD_GIVEN that are no word of `own`'s lists
    (_OWN_WORDS, titles): news writes a foreign person's name as the person's language does ("Lando Norris",
    "Primož Roglič" in Italian text), so a language's given names are also every other's."""
    blocked = frozenset().union(*(own.kinds[kind] for kind in _OWN_WORDS))
    return frozenset(word for other in others for word in other.kinds["given"]
                     if word not in blocked and (word.casefold(),) not in own.titles)


def read_words(path: Path) -> Words:
    """The word lists in `path` and, beside it, <code>_places.tsv (RecogniseError naming the file
    for one that cannot be read, lacks a column, names an unknown kind or an elision without its
    apostrophe)."""
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
    found["not_name"] |= found["event"]  # an event's first word is no name of its own either
    if wrong := sorted(e for e in found["elision"] if not e.endswith(("'", "’"))):  # "l" would cut every word
        raise RecogniseError(f"elision {wrong[0]!r} does not end with an apostrophe", path=str(path))
    for kind in _FOLDED:
        found[kind] = {entry.casefold() for entry in found[kind]}
    found["title"] |= found["title_complement"]  # a title taking a complement is a title
    found["saying"] |= found["saying_alone"]
    found["year_cue"] |= found["year_word"]
    elisions = tuple(sorted(found["elision"], key=len, reverse=True))

    def tuples(kind: str) -> frozenset:
        return frozenset(entry_words(entry, elisions) for entry in found[kind])

    dotted = frozenset(w.casefold() for kind in KINDS for entry in found[kind] for w in entry.split() if w.endswith("."))
    inner_dotted = frozenset(w.casefold() for kind in KINDS for entry in found[kind] for w in entry.split()
                             if _INNER.search(w.rstrip(".")) and w[0].isalpha() and not re.fullmatch(r"(?:\w\.)+", w))
    apostrophed = frozenset(w.casefold() for kind in KINDS if kind != "possessive" for entry in found[kind]
                            for w in entry.split() if w[0] in _APOSTROPHES and len(w) > 1 and w[1].isalpha())
    function_words = frozenset(w.casefold() for kind in ("not_name", "article", "connector") for w in found[kind])
    heads = tuple(sorted(((entry_words(e, elisions), kind) for key, kind in (("org_lower_first", ORG),
                                                                             ("place_lower_first", PLACE))
                          for e in found[key]), key=lambda head: -len(head[0])))
    return Words(code, {kind: frozenset(v) for kind, v in found.items()}, tuples("title"), dotted, function_words,
                 tuples("place_of"), tuples("org_of"), tuples("saying"), tuples("place_cue"), heads,
                 _long_names(found, elisions),
                 elisions, 1 + max((max(len(entry_words(e, elisions)), len(e.split())) for kind in _NAMED
                                    for e in found[kind]), default=0), inner_dotted, apostrophed,
                 tuples("title_complement"), tuples("saying_alone"))


def entry_words(entry: str, elisions: tuple = ()) -> tuple:
    """The words of a list's entry as Tokens splits a text ("cour d'appel": "cour", "d'", "appel")."""
    return tuple(part for word in entry.split() for part in _elided(word, elisions))


def _elided(word: str, elisions: tuple) -> tuple:
    """("l'", "ONU") for "l'ONU" when "l'" is an elision, else (word,)."""
    for e in elisions:
        if word.startswith(e) and len(word) > len(e) and word[len(e)].isalpha():
            return word[:len(e)], word[len(e):]
    return (word,)


def _long_names(found: dict, elisions: tuple) -> dict:
    """The listed names holding a word in lower case that is no connector ("Assemblée nationale"),
    which a run of capitals stops before, by their first word."""
    out: dict[str, list] = {}
    for kind in _NAMED:
        for entry in found[kind]:
            parts = entry_words(entry, elisions)
            inside = found["connector"] | found["particle"]  # a run reaches these
            if len(parts) > 1 and any(not w[0].isupper() and w not in inside for w in parts[1:]):
                out.setdefault(parts[0], []).append(parts)
    return {first: sorted(names, key=len, reverse=True) for first, names in out.items()}


class Tokens:
    """The words of a text: (start, end) each, the word, and where sentences and lines begin."""

    def __init__(self, text: str, lists: Words):
        self.text = text
        self.possessive = tuple(sorted(lists["possessive"], key=len, reverse=True))  # "Newsom's": "Newsom"
        spans, self.elided = [], set()  # elided: the words right after an elision ("ONU" in "l'ONU")
        for m in _WORD.finditer(text):
            start, end = m.span()
            word = m.group()
            parts = _elided(word, lists.elisions)
            if len(parts) > 1:
                spans.append((start, start + len(parts[0])))
                self.elided.add(len(spans))
                start, word = start + len(parts[0]), parts[1]
            ending = next((e for e in self.possessive if word.endswith(e) and len(word) > len(e)), None)
            if ending:
                end -= len(ending)
            elif text.startswith(".", end) and ((word + ".").casefold() in lists.dotted
                                                or (len(word) == 1 and word.isupper())):
                end += 1  # "Mr.", "Calif.", "Inc.", an initial "A.": the dot is the word's
            if word in lists["bracketed"] and text[start - 1:start] == "(" and text[end:end + 1] == ")":
                start, end = start - 1, end + 1  # "PT Pertamina (Persero)": a listed word in brackets, one word
            if spans and text[spans[-1][1]:start] in _INNER_GAPS \
                    and text[spans[-1][0]:end].casefold() in lists.inner_dotted:
                spans[-1] = (spans[-1][0], end)  # "Sig.ra", "CD&V": a listed word with a dot or "&" inside is one
                continue
            if start and text[start - 1] in _APOSTROPHES and text[start - 1:end].casefold() in lists.apostrophed:
                start -= 1  # "'t": a listed word opening with an apostrophe keeps it
            spans.append((start, end))
        self.spans = spans
        self.words = [text[a:b] for a, b in spans]
        self.n = len(spans)

    def gap(self, i: int) -> str:
        """The text between word i-1 and word i (from the text's start for the first)."""
        return self.text[self.spans[i - 1][1] if i else 0:self.spans[i][0]]

    def joined(self, i: int) -> bool:
        """Whether word i follows word i-1 after one space and nothing else, or right after an elision."""
        return i > 0 and (self.gap(i) in SPACES or i in self.elided)

    def sentence_start(self, i: int) -> bool:
        gap = self.gap(i)
        return i == 0 or "\n" in gap or bool(_SENTENCE_END.search(gap))  # "Mr. Biden": the dot is the title's

    def line_start(self, i: int) -> bool:
        return i == 0 or "\n" in self.gap(i)

    def capitalised(self, i: int) -> bool:
        return self.words[i].lstrip("(")[0].isupper()  # "(Persero)": a bracketed word's first letter

    def surface(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0]:self.spans[last][1]]
