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
- `listed_form`: a listed name with a genitive ending (genitive) is that name ("Deutschlands", "des
  Bundestags"), and so is one whose adjectives are declined otherwise (adjective_ending: "der Europäischen
  Union", "dem Statistischen Bundesamt").

A language without the setting, and without entries of title_suffix, place_ending, genitive and
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


def place_ended(lists: Words, word: str) -> bool:
    """Whether the word ends as a place's name does (place_ending), longer than the ending."""
    return any(word.endswith(ending) and len(word) > len(ending) + 2 for ending in lists["place_ending"])


_LISTED = ("org", "place", "other_name")


def listed_form(lists: Words, surface: str) -> str | None:
    """The listed name `surface` is written for, with a genitive ending (genitive_stem) or its adjectives
    declined otherwise (declined), or None (for a listed name itself too)."""
    if not (lists["genitive"] or lists["adjective_ending"]) or any(surface in lists[kind] for kind in _LISTED):
        return None
    forms = [surface] + [stem for stem in [genitive_stem(lists, surface)] if stem]
    return next((found for form in forms if (found := form if form != surface else None) or (
        found := declined(lists, form))), None)


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


def genitive_stem(lists: Words, surface: str) -> str | None:
    """The listed organisation or place that `surface` is with a genitive ending ("Deutschlands":
    "Deutschland", "Bundestages": "Bundestag"), or None."""
    for ending in lists["genitive"]:
        stem = surface[:-len(ending)]
        if surface.endswith(ending) and len(stem) > 1 and not (len(ending) == 1 and stem.endswith(_NO_GENITIVE_AFTER)) \
                and (stem in lists["org"] or stem in lists["place"]):
            return stem
    return None
