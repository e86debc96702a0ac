"""Persons, organisations and places in text of a language that writes names with capitals
(English), from the language's word lists: the "capitals" recogniser.

Its data are data/languages/names/<code>.tsv (the kinds of words, said in that file's header)
and <code>_places.tsv (CLDR's countries and world regions, tools/make_name_places.py); a
language with such a file has this recogniser (registry.LANGUAGES). Its dates are the
language-neutral ones (anydates.find_any_dates), in the language's month names.

A name is a run of words each written with a capital (or all in capitals), one space between
them, a connector allowed inside ("University of California"); an article before it ("the White
House"), a possessive ending ("Newsom's") and words that never open a name (days, months,
pronouns: not_name) stay outside. What a run names, first rule that holds:

1. the whole run is listed (org, place): cert 0.9;
2. a title opens it or stands right before it ("President Joe Biden", "Gov. Gavin Newsom",
   "spokesman John Kirby"): a person, the title outside the span: 0.85;
3. an org head ends it, or an org_first and a connector open it ("Federal Emergency Management
   Agency", "Bank of America"): an organisation: 0.8;
4. a place head ends it or a place_first opens it ("Sacramento County", "Lake Tahoe"), or a
   comma and a listed place follow it ("Elk Grove, California"): a place: 0.75; a run in
   capitals opening a paragraph before a comma is a dateline's place ("SACRAMENTO, Calif."): 0.7;
5. two to four words opening with a given name: a person: 0.8; two or three words next to a
   verb of saying ("…, Maria Lopez said"): 0.7;
6. one or two words after a place cue ("in Fresno"): a place: 0.5;
7. else a run with connectors is looked at again in its parts; nothing else is marked. A
   capitalised word alone opening a sentence is a name only by rule 1 or as below.

Then the later mentions: a word that is the last of a person's name found (and no other's) is
that person ("Newsom", "Mr. Newsom": key "Gavin Newsom"), cert 0.75; an acronym in brackets
right after an organisation's name ("Federal Emergency Management Agency (FEMA)") and its
later uses are that organisation. A line written in title case (a headline: most of its words
capitalised) gets rule 1 and the later mentions only. The byline's author (Context.author) is
a person wherever written (0.95). Keys: a person's full name as first written, an organisation's
or a place's name as written (its acronym shares it). Corpus names (Context.known_names) are
not looked for: the text's own rules decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import RecogniseError
from ..model import ORG, PERSON, PLACE, Mention
from ..resources import language_dir, read_tsv
from .anydates import find_any_dates
from .base import Context
from .ruletable import priority
from .spans import Candidate, resolve

KINDS = ("title", "connector", "particle", "article", "org_head", "org_first", "place_head", "place_first",
         "org", "place", "given", "saying", "place_cue", "not_name", "not_alone")
AUTHOR, ORG_PRIORITY, PERSON_PRIORITY, PLACE_PRIORITY = (priority(f) for f in ("author", "org", "person", "place"))
# A word: letters, then letters or digits, hyphened or apostrophed parts; or initials "U.S.".
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*")
_POSSESSIVE = ("'s", "’s")
_SPACES = (" ", "\u00a0")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*\s*[\"“‘'(\[]*\s*$")
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")
_TITLE_CASE_SHARE, _TITLE_CASE_WORDS = 0.6, 4
_DATELINE_ENDS = (",", " —", " –", " -", " (")
_CLOSING = (".", "!", "?", ":", ";", '"', "”", "’", ")")


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
    return Words(code, {kind: frozenset(v) for kind, v in found.items()}, titles, dotted)


class Tokens:
    """The words of a text: (start, end) each, the word, and where sentences and lines begin."""

    def __init__(self, text: str, lists: Words):
        self.text = text
        spans = []
        for m in _WORD.finditer(text):
            start, end = m.span()
            word = m.group()
            if word.endswith(_POSSESSIVE):
                end -= 2
            elif text.startswith(".", end) and (word + ".").casefold() in lists.dotted:
                end += 1  # "Mr.", "Calif.", "Inc.": the dot is the word's
            spans.append((start, end))
        self.spans = spans
        self.words = [text[a:b] for a, b in spans]
        self.n = len(spans)

    def gap(self, i: int) -> str:
        """The text between word i-1 and word i (from the text's start for the first)."""
        return self.text[self.spans[i - 1][1] if i else 0:self.spans[i][0]]

    def joined(self, i: int) -> bool:
        """Whether word i follows word i-1 after one space and nothing else."""
        return i > 0 and self.gap(i) in _SPACES

    def sentence_start(self, i: int) -> bool:
        gap = self.gap(i)
        return i == 0 or "\n" in gap or bool(_SENTENCE_END.search(gap))  # "Mr. Biden": the dot is the title's

    def line_start(self, i: int) -> bool:
        return i == 0 or "\n" in self.gap(i)

    def capitalised(self, i: int) -> bool:
        return self.words[i][0].isupper()

    def surface(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0]:self.spans[last][1]]


class CapitalsRecogniser:
    """Names by capitals and word lists, and the language-neutral dates (the module's contract)."""

    name = "capitals"
    version = "0.1.0"

    def __init__(self, code: str):
        self.code = code
        self.lists = words(code)

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        candidates = find_names(text, self.lists, context.author)
        candidates += find_any_dates(text, context.language or self.code, context.reference_date)
        return resolve(candidates, self.name)


def find_names(text: str, lists: Words, author: str | None = None) -> list[Candidate]:
    toks = Tokens(text, lists)
    headline = _title_case_lines(toks)
    found: list[tuple[int, int, str, str, float]] = []  # (first, last, type, key, cert)
    for run in _runs(toks, lists):
        _classify(toks, lists, run, headline, found)
    return _later_mentions(toks, lists, found, author)


def _title_case_lines(toks: Tokens) -> set[int]:
    """The words of lines written in title case (a headline), whose runs only a list names."""
    lines, current = [], []
    for i in range(toks.n):
        if toks.line_start(i) and current:
            lines.append(current)
            current = []
        current.append(i)
    lines.append(current)
    out: set[int] = set()
    for line in lines:
        ends = toks.text[toks.spans[line[-1]][1]:].split("\n", 1)[0].strip()
        if len(line) >= _TITLE_CASE_WORDS and not ends.endswith(_CLOSING) \
                and sum(toks.capitalised(i) for i in line) >= _TITLE_CASE_SHARE * len(line):
            out.update(line)  # a sentence ends with its stop: a line of names that does is no headline
    return out


def _runs(toks: Tokens, lists: Words):
    """Runs of capitalised words (a connector inside), as lists of word indices."""
    i = 0
    while i < toks.n:
        if not toks.capitalised(i):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < toks.n and toks.joined(j):
            if toks.capitalised(j):
                run.append(j)
            elif toks.words[j] in lists["connector"] and j + 1 < toks.n and toks.joined(j + 1) and toks.capitalised(j + 1):
                run += [j, j + 1]
                j += 1
            else:
                break
            j += 1
        yield run
        i = j


def _classify(toks: Tokens, lists: Words, run: list[int], headline: set[int], found: list) -> None:
    words = toks.words
    while run and (words[run[0]] in lists["not_name"] or words[run[0]] in lists["article"]
                   or words[run[0]] in lists["connector"]):
        run = run[1:]
    while run and words[run[-1]] in lists["connector"]:
        run = run[:-1]
    if not run:
        return
    inner = [k for k, i in enumerate(run) if words[i] in lists["not_name"]]
    if inner:  # "Tuesday" inside: the parts are looked at on their own
        for part in _split(run, inner):
            _classify(toks, lists, part, headline, found)
        return
    first, last = run[0], run[-1]
    whole = toks.surface(first, last)

    def add(a: int, b: int, kind: str, cert: float) -> None:
        found.append((a, b, kind, toks.surface(a, b), cert))

    if whole in lists["org"]:
        return add(first, last, ORG, 0.9)
    if whole in lists["place"]:
        return add(first, last, PLACE, 0.9)
    if first in headline:  # only what is listed, in the run's parts too ("Flood in Ohio Town")
        return _listed_parts(toks, lists, run, add)
    connectors = [k for k, i in enumerate(run) if words[i] in lists["connector"]]
    titled = _title_length(toks, lists, run)
    if titled or _lower_title_before(toks, lists, first):
        rest = run[titled:]
        if rest and not any(words[i] in lists["connector"] and words[i] not in lists["particle"] for i in rest) \
                and len(rest) <= 4:
            return add(rest[0], rest[-1], PERSON, 0.85)
        if not rest:
            return
        run, first = rest, rest[0]
        connectors = [k for k, i in enumerate(run) if words[i] in lists["connector"]]
    single = len(run) == 1
    if not single and (words[last] in lists["org_head"] or (words[first] in lists["org_first"] and 1 in connectors)
                       or any(words[run[k - 1]] in lists["org_head"] for k in connectors)):  # "Federation of America"
        return add(first, last, ORG, 0.8)
    if not single and (words[last] in lists["place_head"] or words[first] in lists["place_first"]):
        return add(first, last, PLACE, 0.75)
    if _listed_place_after(toks, lists, last):
        return add(first, last, PLACE, 0.75)
    if toks.line_start(first) and all(words[i].isupper() for i in run) and toks.text.startswith(_DATELINE_ENDS,
                                                                                                toks.spans[last][1]):
        return add(first, last, PLACE, 0.7)  # a dateline: "SACRAMENTO, Calif. —", "BRUSSELS —"
    plain = not connectors or all(words[run[k]] in lists["particle"] for k in connectors)
    if plain and 2 <= len(run) <= 4 and words[first] in lists["given"]:
        return add(first, last, PERSON, 0.8)
    if not connectors and 2 <= len(run) <= 3 and _saying_beside(toks, lists, first, last):
        return add(first, last, PERSON, 0.7)
    if not connectors and len(run) <= 2 and first > 0 and toks.joined(first) and not _possessive(toks, last) \
            and words[first - 1].casefold() in lists["place_cue"] and not (single and words[first] in lists["not_alone"]):
        return add(first, last, PLACE, 0.5)
    if connectors:
        for part in _split(run, connectors):
            _classify(toks, lists, part, headline, found)


def _listed_parts(toks: Tokens, lists: Words, run: list[int], add) -> None:
    """The longest listed names inside the run, from its start on."""
    k = 0
    while k < len(run):
        for end in range(len(run) - 1, k - 1, -1):
            surface = toks.surface(run[k], run[end])
            kind = ORG if surface in lists["org"] else PLACE if surface in lists["place"] else None
            if kind and toks.words[run[k]] not in lists["connector"]:
                add(run[k], run[end], kind, 0.9)
                k = end
                break
        k += 1


def _split(run: list[int], at: list[int]) -> list[list[int]]:
    parts, begin = [], 0
    for k in at:
        parts.append(run[begin:k])
        begin = k + 1
    parts.append(run[begin:])
    return [p for p in parts if p]


def _title_length(toks: Tokens, lists: Words, run: list[int]) -> int:
    """How many words of the run a title is ("Secretary of State Antony Blinken": 3), 0 for none."""
    folded = [toks.words[i].casefold() for i in run]
    for size in range(min(len(run) - 1, 4), 0, -1):
        if tuple(folded[:size]) in lists.titles:
            return size
    return 0


def _lower_title_before(toks: Tokens, lists: Words, first: int) -> bool:
    """A title in lower case right before the run ("spokesman John Kirby")."""
    return first > 0 and toks.joined(first) and toks.words[first - 1].islower() \
        and (toks.words[first - 1],) in lists.titles


def _listed_place_after(toks: Tokens, lists: Words, last: int) -> bool:
    """", California" right after the run (the whole of the next run, not "California's"): the run
    is a place in that listed one."""
    if last + 1 >= toks.n or toks.gap(last + 1) not in (", ", ",\u00a0"):
        return False
    end = last + 1
    while end + 1 < toks.n and toks.joined(end + 1) and toks.capitalised(end + 1):
        end += 1
    return toks.surface(last + 1, end) in lists["place"] and not _possessive(toks, end)


def _possessive(toks: Tokens, i: int) -> bool:
    return toks.text.startswith(_POSSESSIVE, toks.spans[i][1])


def _saying_beside(toks: Tokens, lists: Words, first: int, last: int) -> bool:
    before = first > 0 and toks.words[first - 1].casefold() in lists["saying"] and toks.gap(first) in _SPACES
    after = last + 1 < toks.n and toks.words[last + 1].casefold() in lists["saying"] and toks.gap(last + 1) in _SPACES
    return before or after


def _later_mentions(toks: Tokens, lists: Words, found: list, author: str | None) -> list[Candidate]:
    """The candidates of the runs found, the later mentions of their persons and acronyms, the author's."""
    surnames: dict[str, str | None] = {}
    for first, last, kind, key, _ in found:
        if kind == PERSON and last > first:
            word = toks.words[last]
            surnames[word] = key if surnames.get(word, key) == key else None  # two persons of one surname: neither
    acronyms: dict[str, str] = {}
    for first, last, kind, key, _ in found:
        if kind == ORG and (m := _ACRONYM.match(toks.text, toks.spans[last][1] + 1)) and toks.text[toks.spans[last][1]] == " ":
            acronyms.setdefault(m.group(1), key)
    taken = {i for first, last, *_ in found for i in range(first, last + 1)}
    out = []
    for first, last, kind, key, cert in found:
        if kind == PERSON and first == last and surnames.get(toks.words[first]):
            key = surnames[toks.words[first]]
        start, end = toks.spans[first][0], toks.spans[last][1]
        out.append(Candidate(start, end, kind, key, cert, _PRIORITY[kind]))
    for i, word in enumerate(toks.words):
        if i in taken:
            continue
        if surnames.get(word) and toks.capitalised(i):
            out.append(Candidate(*toks.spans[i], PERSON, surnames[word], 0.75, PERSON_PRIORITY))
        elif word in acronyms:
            out.append(Candidate(*toks.spans[i], ORG, acronyms[word], 0.8, ORG_PRIORITY))
    if author and author.strip():
        for m in re.finditer(rf"(?<![^\W_]){re.escape(author.strip())}(?![^\W_])", toks.text):
            out.append(Candidate(m.start(), m.end(), PERSON, author.strip(), 0.95, AUTHOR))
    return out


_PRIORITY = {ORG: ORG_PRIORITY, PERSON: PERSON_PRIORITY, PLACE: PLACE_PRIORITY}
