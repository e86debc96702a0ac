"""The rules' gazetteers: TSV files under toolkit/data/gazetteers/, loaded once per process.

Each file starts with `#` comment lines (what it holds and where it comes
from), then a header line naming the columns, then one entry per line. A
phrase is looked up by its first syllable and then compared syllable by
syllable, longest entry first (`PhraseIndex.match_at`), so a lookup costs one
dict access for the vast majority of tokens.

Every word list a rule consults is one of these files, read here into the
attributes of `Gazetteers` (names and places — places.tsv, and countries.tsv made
from CLDR by tools/make_countries.py —, heads and roles, and the closed word
classes: admin_words, function_words, firm_cues, place_cues, place_nouns,
place_generics, place_blockers, place_word_compounds, org_lower_heads, org_head_compounds,
org_generic_bodies, org_words, credit_cues, storm_words, foreign_function_words, work_words, acronym_stoplist, school_words, name_tails, name_stops,
saying_verbs, abbreviation_skips, date_cues); the rule modules hold grammar,
not vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import resources
from ..errors import RecogniseError
from ..resources import gazetteer_dir
from .tokens import Tokens, exact_key, phrase_key

DATA_DIR = gazetteer_dir()


def read_tsv(name: str, directory: Path = DATA_DIR) -> list[dict[str, str]]:
    """Rows of a gazetteer file as dicts keyed by the header's column names (resources.read_tsv)."""
    return resources.read_tsv(directory / name, error=RecogniseError, what="gazetteer")


class PhraseIndex:
    """Phrases keyed by first syllable; the longest one matching at a token wins.

    `first` maps a first syllable to its entries grouped by length, longest
    first: [(token count, {key: value})], each key a tuple alternating
    syllables and gap classes like Tokens.low_seq(), so the entries of one
    length match at a token when one slice of that list is a key.
    """

    def __init__(self, case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self.first: dict[str, list[tuple[int, dict[tuple, object]]]] = {}

    def add(self, phrase: str, value) -> None:
        """Add (or replace) the entry for `phrase`."""
        key = exact_key(phrase) if self.case_sensitive else phrase_key(phrase)
        if not key:
            return
        size = (len(key) + 1) // 2
        groups = self.first.setdefault(key[0], [])
        for length, entries in groups:
            if length == size:
                entries.pop(key, None)
                entries[key] = value
                return
        groups.append((size, {key: value}))
        groups.sort(key=lambda g: -g[0])

    def copy(self) -> "PhraseIndex":
        """An index with the same entries that later `add`s to either leave the other as it is."""
        other = PhraseIndex(self.case_sensitive)
        other.first = {w: [(size, dict(entries)) for size, entries in groups] for w, groups in self.first.items()}
        return other

    def __contains__(self, first: str) -> bool:
        return first in self.first

    def matches_at(self, toks: Tokens, i: int) -> list:
        """(token count, value) of every entry matching at token i, longest first."""
        groups = self.first.get((toks.words if self.case_sensitive else toks.low)[i])
        if not groups:
            return []
        seq = toks.word_seq() if self.case_sensitive else toks.low_seq()
        a = 2 * i
        out = []
        for size, entries in groups:
            value = entries.get(tuple(seq[a:a + 2 * size - 1]), _NONE)
            if value is not _NONE:
                out.append((size, value))
        return out

    def match_at(self, toks: Tokens, i: int):
        """(token count, value) of the longest entry matching at token i, or None."""
        groups = self.first.get((toks.words if self.case_sensitive else toks.low)[i])
        if not groups:
            return None
        seq = toks.word_seq() if self.case_sensitive else toks.low_seq()
        a = 2 * i
        for size, entries in groups:
            value = entries.get(tuple(seq[a:a + 2 * size - 1]), _NONE)
            if value is not _NONE:
                return size, value
        return None


_NONE = object()
TITLE_CHARS = 200  # the longest quoted title (Gazetteers.quoted_title)
TITLE_QUOTES = "\"“«”»"  # its opening and closing quotes


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    wikidata: str


@dataclass(frozen=True)
class Org:
    name: str
    wikidata: str


@dataclass(frozen=True)
class Role:
    name: str
    kind: str          # rank | office | honorific
    needs_org: bool


@dataclass(frozen=True)
class Head:
    name: str
    nest: bool
    lone: bool
    ambiguous: bool
    person_named: bool
    long: bool = False  # may be followed by a long, partly lower-case name (longnames.py)
    levelled: bool = False  # exists at each administrative level: "Hội Nông dân tỉnh" is a name
    naming: bool = False  # a firm's or agency's head: a listed name after it is its own ("Tập đoàn Samsung")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    kind: str          # org | place | other


class Gazetteers:
    """Every list the rules use, indexed for matching at a token."""

    def __init__(self, directory: Path = DATA_DIR):
        # as listed (features of trainable recognisers, gazetteer_lists) and as folded first syllables
        self.family_name_list = [r["name"] for r in read_tsv("family_names.tsv", directory)]
        self.family_names = frozenset(phrase_key(name)[0] for name in self.family_name_list)
        self.person_cues = PhraseIndex()
        self.address_words: list[str] = []  # cues matched in any case: words of address (ông, bà, ...)
        self.alone_cues = PhraseIndex()  # one word after these is a name even if a place's ("chị Nga")
        self.address_cues = PhraseIndex()  # the words of address among them (ông, bà, anh …)
        # a pattern for a quoted title after a word of work_words.tsv ("triển lãm “Hà Nội xưa”")
        words = sorted((r["word"] for r in read_tsv("work_words.tsv", directory)), key=len, reverse=True)
        self.quoted_title = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\s*[\"“«]([^\"”»\n]{1,"
                                       + str(TITLE_CHARS) + r"})[\"”»]", re.IGNORECASE)
        # how far before the white space before its opening quote a match begins at most (its word;
        # places.quoted_titles), None when a word holds a quote (the pattern is then run over the text)
        self.quoted_title_word = max(map(len, words)) if words and not any(set(w) & set(TITLE_QUOTES) for w in words) \
            else None
        self.acronym_stoplist = frozenset(r["word"] for r in read_tsv("acronym_stoplist.tsv", directory))
        self.storm_words = PhraseIndex()   # "bão", "áp thấp nhiệt đới" before a storm's name
        for row in read_tsv("storm_words.tsv", directory):
            self.storm_words.add(row["word"], True)
        self.credit_cues = PhraseIndex()   # "Ảnh:", "Phóng viên:" before the person credited
        for row in read_tsv("credit_cues.tsv", directory):
            self.credit_cues.add(row["word"], True)
        for row in read_tsv("person_cues.tsv", directory):
            self.person_cues.add(row["cue"], row["case"] == "any")
            if row["alone"] == "yes":
                self.alone_cues.add(row["cue"], True)
            if row["kind"] == "address":
                self.address_cues.add(row["cue"], True)
            if row["case"] == "any" and row["kind"] == "address":
                self.address_words.append(row["cue"])
        self.places = PhraseIndex()
        self.place_list: list[Place] = []
        for row in read_tsv("places.tsv", directory):
            place = Place(row["name"], row["kind"], row["wikidata"])
            self.place_list.append(place)
            for surface in [row["name"]] + _aliases(row["aliases"]):
                self.places.add(surface, place)
        for row in read_tsv("countries.tsv", directory):  # the other countries (CLDR names)
            place = Place(row["name"], "country", "")
            self.place_list.append(place)
            for surface in [row["name"]] + _aliases(row["aliases"]):
                self.places.add(surface, place)
        self.orgs = PhraseIndex()
        self.org_list: list[Org] = []
        for row in read_tsv("orgs.tsv", directory):
            org = Org(row["name"], row["wikidata"])
            self.org_list.append(org)
            for surface in [row["name"]] + _aliases(row["aliases"]):
                self.orgs.add(surface, org)
        self.org_names = {phrase_key(o.name): o for o in self.org_list}
        self.heads = PhraseIndex()
        self.head_list: list[Head] = []
        for row in read_tsv("org_heads.tsv", directory):
            head = Head(row["head"], row["nest"] == "yes", row["lone"] == "yes", row["ambiguous"] == "yes",
                        row["person_named"] == "yes", row.get("long") == "yes",
                        row.get("levelled") == "yes", row.get("naming") == "yes")
            self.head_list.append(head)
            self.heads.add(head.name, head)
        self.roles = PhraseIndex()
        self.role_list: list[Role] = []
        for row in read_tsv("roles.tsv", directory):
            role = Role(row["role"], row["kind"], row["needs_org"] == "yes")
            self.role_list.append(role)
            self.roles.add(role.name, role)
        self.abbreviations = PhraseIndex(case_sensitive=True)
        for row in read_tsv("abbreviations.tsv", directory):
            entry = Abbreviation(row["abbr"], row["expansion"], row["kind"] or "other")
            self.abbreviations.add(entry.abbr, entry)
        # lower-cased first words of the abbreviations, to find them with Tokens.where
        self.abbreviation_firsts = frozenset(w.lower() for w in self.abbreviations.first)
        self.org_fields = frozenset(_syllables(r["field"]) for r in read_tsv("org_fields.tsv", directory))
        self.org_words = PhraseIndex()  # words of three syllables or more inside names ("Bất động sản")
        for row in read_tsv("org_words.tsv", directory):
            self.org_words.add(row["word"], row["word"])
        self.not_names = frozenset(r["word"].lower() for r in read_tsv("not_names.tsv", directory))
        self.foreign_function_words = frozenset(r["word"].lower()
                                                for r in read_tsv("foreign_function_words.tsv", directory))
        self.admin_words = PhraseIndex()
        for row in read_tsv("admin_words.tsv", directory):
            self.admin_words.add(row["word"], row["word"])
        self.function_words = _words(directory, "function_words.tsv")
        self.name_function_words = _words(directory, "function_words.tsv", where="in_name")
        # lower-case cues before a firm's name ("hãng tin AFP"), as syllable tuples
        self.firm_cues = tuple(_syllables(r["cue"]) for r in read_tsv("firm_cues.tsv", directory))
        self.place_cues = _words(directory, "place_cues.tsv")
        self.place_name_cues = _words(directory, "place_cues.tsv", where="names_place")
        self.place_nouns = _words(directory, "place_nouns.tsv", "noun")
        # every generic word that belongs to a place's mention written right before its name
        self.place_levels = PhraseIndex()
        for name, column in (("admin_words.tsv", "word"), ("place_nouns.tsv", "noun"),
                             ("place_generics.tsv", "word")):
            for row in read_tsv(name, directory):
                self.place_levels.add(row[column], row[column])
        # the other generic words, also announcing a name; value: (a number may be the name
        # "quốc lộ 51", the name may be a route's two ends "cao tốc Cam Lộ – La Sơn")
        self.place_generics = PhraseIndex()
        for row in read_tsv("place_generics.tsv", directory):
            self.place_generics.add(row["word"], (row["numbered"] == "yes", row["ends"] == "yes"))
        self.place_blockers = _words(directory, "place_blockers.tsv")
        self.place_word_compounds = frozenset(phrase_key(r["word"]) for r in read_tsv("place_word_compounds.tsv", directory))
        self.org_lower_heads = PhraseIndex()  # value: the head needs a place after it
        for row in read_tsv("org_lower_heads.tsv", directory):
            self.org_lower_heads.add(row["head"], row["needs_place"] == "yes")
        self.org_head_compounds = frozenset(phrase_key(r["word"]) for r in read_tsv("org_head_compounds.tsv", directory))
        self.generic_bodies = frozenset(phrase_key(r["name"]) for r in read_tsv("org_generic_bodies.tsv", directory))
        self.generic_body_firsts = frozenset(key[0] for key in self.generic_bodies)
        self.street_nouns = _words(directory, "place_nouns.tsv", "noun", where="street")
        self.school_words = _words(directory, "school_words.tsv")
        self.name_tails = _pairs(directory, "name_tails.tsv")
        self.name_stops = _pairs(directory, "name_stops.tsv")
        self.saying_verbs = _words(directory, "saying_verbs.tsv")
        self.abbreviation_skips = _words(directory, "abbreviation_skips.tsv")
        dates = read_tsv("date_cues.tsv", directory)
        self.partial_date_cues = tuple(r["word"] for r in dates if r["partial_date"] == "yes")
        self.no_duration_cues = tuple(r["word"] for r in dates if r["no_duration"] == "yes")


def _syllables(phrase: str) -> tuple[str, ...]:
    """A phrase's syllables as Tokens.low has them (lower case, tone placement folded)."""
    return tuple(phrase_key(phrase)[::2])


def _words(directory: Path, name: str, column: str = "word", where: str | None = None) -> frozenset[str]:
    """The one-syllable words of a file's column (the rows marked yes in `where`, if given), as
    Tokens.low has them: the rules compare them with one token."""
    out = set()
    for row in read_tsv(name, directory):
        if where and row[where] != "yes":
            continue
        key = phrase_key(row[column])
        if len(key) != 1:
            raise RecogniseError(f"{row[column]!r} is not one word", path=str(directory / name))
        out.add(key[0])
    return frozenset(out)


def _pairs(directory: Path, name: str) -> frozenset[tuple[str, ...]]:
    """The two-syllable phrases of a file (the rules compare two tokens joined by a space)."""
    out = set()
    for row in read_tsv(name, directory):
        key = phrase_key(row["phrase"])
        if len(key) != 3 or key[1] != " ":
            raise RecogniseError(f"{row['phrase']!r} is not two words", path=str(directory / name))
        out.add(key[::2])
    return frozenset(out)


def _aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


@lru_cache(maxsize=1)
def default_gazetteers() -> Gazetteers:
    return Gazetteers()


def gazetteer_lists() -> dict[str, list[str]]:
    """Plain phrase lists per kind, for features of trainable recognisers (recognise/features.py)."""
    gaz = default_gazetteers()
    places = [p.name for p in gaz.place_list]
    return {
        "family": sorted(set(gaz.family_name_list)),
        "place": places,
        "orghead": [h.name for h in gaz.head_list],
        "role": [r.name for r in gaz.role_list],
        "address": list(gaz.address_words),
    }
