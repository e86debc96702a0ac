"""What the "capitals" recogniser (recognise/capitals.py) reads of a language that writes every noun with a
capital, as German does (Regierung, Haushalt, Wirtschaft): the language's lists say so (setting
"nouns_capitalised", data/languages/names/<code>.tsv), and then a run of capitalised words is no name by
itself, a capitalised word no name for standing beside a cue that other languages' nouns, written in lower
case, never stand beside. capitals.py asks `nouns_capitalised` where a rule takes an unknown word for a name
from the words around it, and these functions say what such a language's words say instead:

- `suffixed_title`: a compound word ending in a title_suffix is a title ("Bundesinnenminister",
  "Regierungssprecherin", "Vorstandschef");
- `noun_head`: a capitalised org_of or place_of word opening a run names what follows it ("Autobauer
  Volkswagen", "Stadt Gütersloh": German writes the noun before a name with a capital, inside the run);
- `given_after_noun`: a given name after a capitalised noun opens a person's name there ("Vorstandsmitglied
  Anna Berger": the noun is no part of it);
- `place_ended`: a word a place cue makes a place must end as a place's name does (place_ending: "in
  Kleinostheim"; "in Zukunft", "aus Angst" are none);
- `org_ended`: a run of two words or more ending in a word of an org_suffix is an organisation ("der
  Österreichische Skiverband", "die Wiener Staatsoper");
- `genitive_inside`: a listed name with a genitive ending parts a run from the noun beside it
  ("Deutschlands Wirtschaft", "die Rolle Frankreichs");
- `compound_parts`: a listed name opening a compound with a hyphen is marked inside it ("Nato-Ostflanke",
  "US-Zöllen");
- `genitive_of`: a person's surname with a genitive ending is that person again ("Söders Plan");
- `listed_form`: a listed name with a genitive ending (genitive) is that name ("Deutschlands", "des
  Bundestags"), and so is one whose adjectives are declined otherwise (adjective_ending: "der Europäischen
  Union", "dem Statistischen Bundesamt").

A language without the setting, and without entries of title_suffix, place_ending, org_suffix, genitive and
adjective_ending, reads as before:
each function answers as if the kind were empty. Each reads the Tokens of a text and the language's Words
(recognise/capitalwords.py) and changes nothing.
"""

from __future__ import annotations

from ..model import ORG, PLACE
from .capitalwords import Tokens, Words

NOUNS = "nouns_capitalised"
# "Paris", "Merz": a name ending so takes an apostrophe or "-es", never a bare "-s"
_NO_GENITIVE_AFTER = ("s", "ß", "x", "z")


def nouns_capitalised(lists: Words) -> bool:
    """Whether the language writes every noun with a capital (its lists' setting)."""
    return NOUNS in lists["setting"]


def suffixed_title(lists: Words, word: str) -> bool:
    """A capitalised word longer than a title_suffix it ends with ("Verkehrsministerin": "ministerin")."""
    if not lists["title_suffix"] or not word[:1].isupper():
        return False
    folded = word.casefold()
    return any(folded.endswith(suffix) and len(folded) > len(suffix) for suffix in lists["title_suffix"])


def noun_head(toks: Tokens, lists: Words, run: list[int]) -> tuple[int, str] | None:
    """(how many words, ORG or PLACE) of the org_of or place_of words, as written, that open the run before
    more words ("Autobauer Volkswagen": (1, ORG); "Stadt Gütersloh": (1, PLACE)), or None."""
    for phrases, kind in ((lists.org_before, ORG), (lists.place_before, PLACE)):
        for size in (2, 1):
            if len(run) > size and toks.capitalised(run[0]) and tuple(toks.words[i] for i in run[:size]) in phrases:
                return size, kind
    return None


def given_after_noun(toks: Tokens, lists: Words, run: list[int], given) -> int:
    """Where in the run a person's name opens at a given name after capitalised words that open none
    ("Vorstandsmitglied Anna Berger": 1), two words at least left for the name; 0 for none. `given` is
    capitalcues.given."""
    words = toks.words
    if given(lists, words[run[0]]):
        return 0
    for k in range(1, len(run) - 1):
        if words[run[k - 1]] in lists["connector"] or words[run[k - 1]] in lists["particle"]:
            return 0  # "Bundesamt für …": a name's connector before it
        if given(lists, words[run[k]]) and toks.capitalised(run[k + 1]):
            return k
    return 0


def genitive_inside(toks: Tokens, lists: Words, run: list[int]) -> int | None:
    """The place in a run of two words or more of a word that is a listed name with a genitive ending
    ("Deutschlands Wirtschaft": 0, "die Rolle Frankreichs": 1), where the run is no listed name; None for none.
    German writes the genitive name beside the noun it qualifies, both capitalised."""
    if not lists["genitive"] or len(run) < 2:
        return None
    return next((k for k, i in enumerate(run) if toks.words[i] not in lists["org"] and toks.words[i] not in
                 lists["place"] and any((stem := _without_genitive(toks.words[i], e)) and (
                     stem in lists["org"] or stem in lists["place"]) for e in lists["genitive"])), None)


def place_ended(lists: Words, word: str) -> bool:
    """Whether the word ends as a place's name does (place_ending), longer than the ending."""
    return any(word.endswith(ending) and len(word) > len(ending) + 2 for ending in lists["place_ending"])


_LISTED = ("org", "place", "other_name")


def listed_form(lists: Words, surface: str) -> str | None:
    """The listed name `surface` is written for, with a genitive ending (genitive) on its last word or on its
    first ("des Bundesamts für Migration und Flüchtlinge"), or its adjectives declined otherwise (declined), or
    both ("des Technischen Hilfswerks": "Technisches Hilfswerk"); None for none (for a listed name itself too)."""
    if not (lists["genitive"] or lists["adjective_ending"]) or any(surface in lists[kind] for kind in _LISTED):
        return None
    first, _, rest = surface.partition(" ")  # the genitive ends the head noun: "des Bundesamts für Migration …"
    stems = [surface] + [stem for ending in lists["genitive"] if (stem := _without_genitive(surface, ending))] + [
        f"{stem} {rest}" for ending in lists["genitive"] if rest and (stem := _without_genitive(first, ending))]
    for form in stems:
        if form != surface and any(form in lists[kind] for kind in _LISTED):
            return form
        if found := declined(lists, form):
            return found
    return None


def declined(lists: Words, surface: str) -> str | None:
    """The listed name whose words before the last end in another adjective_ending than `surface`'s do, all
    the same one ("Europäischen Union": "Europäische Union"), or None."""
    words = surface.split(" ")
    if len(words) < 2:
        return None
    endings = sorted(lists["adjective_ending"], key=len, reverse=True)
    stems = []
    for word in words[:-1]:
        ending = next((e for e in endings if word.endswith(e) and len(word) > len(e) + 2 and word[0].isupper()), None)
        if ending is None:
            return None
        stems.append(word[:-len(ending)])
    for ending in endings:
        form = " ".join([stem + ending for stem in stems] + words[-1:])
        if form != surface and any(form in lists[kind] for kind in _LISTED):
            return form
    return None


def genitive_of(lists: Words, word: str, names: dict) -> str | None:
    """The word of `names` that `word` is with a genitive ending ("Söders" of "Söder"), or None."""
    return next((stem for ending in lists["genitive"] if (stem := _without_genitive(word, ending)) in names), None)


def _without_genitive(surface: str, ending: str) -> str | None:
    """`surface` without the genitive ending, or None where it has none (a bare "-s" never follows s, ß, x, z)."""
    stem = surface[:-len(ending)]
    if not surface.endswith(ending) or len(stem) < 2 or (len(ending) == 1 and stem.endswith(_NO_GENITIVE_AFTER)):
        return None
    return stem


def org_ended(lists: Words, word: str) -> bool:
    """Whether the word ends as an organisation's name does (org_suffix: "Skiverband", "Staatsoper"),
    longer than the ending."""
    return any(word.endswith(ending) and len(word) > len(ending) for ending in lists["org_suffix"])


def compound_parts(toks: Tokens, lists: Words, taken: set) -> list[tuple[int, int, str]]:
    """(start, end, ORG or PLACE) of a listed name opening a capitalised compound with a hyphen, in a word no
    name found holds ("Nato-Ostflanke": Nato, "US-Zöllen": US, "Asien-Tournee": Asien)."""
    out = []
    for i, word in enumerate(toks.words):
        at = word.find("-")
        if i in taken or at < 1 or not word[at + 1:at + 2].isupper():
            continue
        name = word[:at]
        kind = ORG if name in lists["org"] else PLACE if name in lists["place"] else None
        if kind:
            out.append((toks.spans[i][0], toks.spans[i][0] + at, kind))
    return out
