"""Which recogniser runs: by language, by name, by model directory. The one entry point convert and ner use.

Recognisers are chosen per language (`for_language`): LANGUAGES is the registry,
keyed by the primary language subtag (teikit.language.primary), and each entry
says which mention types its recogniser finds. Vietnamese ("vi") has the rules
(and, with a model folder, the rules plus the model); any other language gets
the language-neutral DatesRecogniser ("dates": dates only, recognise/anydates.py),
and convert says once per language which types were not recognised
(`not_recognised`). A recogniser for another language is one more entry here:
the pipeline asks only this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import RecogniseError
from ..language import primary
from ..model import ABBR, DATE, MENTION_TYPES, ORG, PERSON, PLACE, ROLE
from .anydates import DatesRecogniser
from .base import Recogniser
from .capitals import CapitalsRecogniser
from .capitalwords import languages as capitals_languages
from .combined import CombinedRecogniser
from .crf import CrfRecogniser
from .model_dir import read_meta
from .rules import default_recogniser

RECOGNISER_NAMES = ("rules", "crf", "combined")
# How the types are named in messages, in the order they are listed.
TYPE_NAMES = {PERSON: "persons", ORG: "organisations", PLACE: "places", ROLE: "roles", ABBR: "abbreviations",
              DATE: "dates"}


def load_recogniser(model_dir: str | None = None, *, name: str | None = None) -> Recogniser:
    """The Vietnamese recogniser: the default rules when `model_dir` is None, else rules + model ("combined").

    `name` picks one explicitly: "rules", "crf" (the model alone) or "combined";
    the last two need a model directory. RecogniseError for a missing or corrupt model.
    "combined" follows the per-label policy recorded in the model folder (see
    teikit.recognise.combined; a folder without one combines as before).
    """
    name = name or ("combined" if model_dir else "rules")
    if name not in RECOGNISER_NAMES:
        raise RecogniseError(f"unknown recogniser {name!r} (choose from {', '.join(RECOGNISER_NAMES)})")
    if name != "rules" and not model_dir:
        raise RecogniseError(f"the {name} recogniser needs a model directory")
    if name != "rules":
        read_meta(model_dir)  # a broken model folder is reported before anything else is loaded
    rules = default_recogniser()
    if name == "rules":
        return rules
    model = CrfRecogniser(model_dir, rules=rules)
    if name == "crf":
        return model
    return CombinedRecogniser(rules, model)


@dataclass(frozen=True)
class LanguageRecognition:
    """What runs on text of one language: `load(model_dir)` makes the recogniser, which finds `types`."""

    load: Callable[[str | None], Recogniser]
    types: frozenset[str]


LANGUAGES: dict[str, LanguageRecognition] = {
    # a language with word lists (data/languages/names/<code>.tsv): names by capitals (recognise/capitals.py)
    **{code: LanguageRecognition(lambda model_dir, code=code: CapitalsRecogniser(code),
                                 frozenset({PERSON, ORG, PLACE, DATE})) for code in capitals_languages()},
    "vi": LanguageRecognition(lambda model_dir: load_recogniser(model_dir), frozenset(MENTION_TYPES)),
}
# Every language without an entry of its own.
NEUTRAL = LanguageRecognition(lambda model_dir: DatesRecogniser(), frozenset({DATE}))


def recognition_for(language: str) -> LanguageRecognition:
    return LANGUAGES.get(primary(language), NEUTRAL)


def load_for_language(language: str, model_dir: str | None = None) -> Recogniser:
    """The recogniser of text in `language` (its registry entry's; a model folder serves Vietnamese only)."""
    return recognition_for(language).load(model_dir)


def not_recognised(language: str) -> tuple[str, ...]:
    """The mention types no recogniser finds in text of this language, in TYPE_NAMES order."""
    found = recognition_for(language).types
    return tuple(t for t in TYPE_NAMES if t not in found)


class ByLanguage:
    """The recogniser for each language of a batch, made once per registry entry.

    `given`, when not None, stands in for the Vietnamese recogniser (a caller's own, e.g. a test's).
    """

    def __init__(self, model_dir: str | None = None, given: Recogniser | None = None):
        self.model_dir = model_dir
        self.made: dict[int, Recogniser] = {}
        if given is not None:
            self.made[id(LANGUAGES["vi"])] = given

    def __call__(self, language: str) -> Recogniser:
        entry = recognition_for(language)
        key = id(entry)
        if key not in self.made:
            self.made[key] = entry.load(self.model_dir)
        return self.made[key]
