"""High-precision rules plus a trained model: the recogniser `teikit convert --model DIR` uses.

The rules are trusted where they are nearly always right: dates (with their
normalised values), roles, abbreviations, and names they are sure of
(gazetteer places, names defined in the text) -- see `trusted`. Persons,
organisations and places otherwise come from the CRF model. A model span is
added only where it fits the trusted markup: it may not cross a trusted span,
repeat one, or nest with a trusted name of the same kind, and it may nest
only in the ways the encoding allows (`NESTABLE`). Every mention keeps the
resp of the recogniser that found it and its cert.
"""

from __future__ import annotations

from .. import __version__
from ..model import ABBR, DATE, ORG, PERSON, PLACE, ROLE, Mention
from .base import Context, Recogniser

# Below this cert a rules person/org/place is a guess the model should make instead.
TRUSTED_NAME_CERT = 0.85
ALWAYS_TRUSTED = (DATE, ROLE, ABBR)
# A model org/place at least this sure replaces the trusted names strictly inside it.
WIDER_MODEL_CERT = 0.6
# (outer type, inner type) pairs a model span may form with a trusted span.
NESTABLE = {
    (ROLE, ORG), (ROLE, PLACE), (ORG, PLACE),
    (PERSON, ABBR), (ORG, ABBR), (PLACE, ABBR), (ROLE, ABBR),
}


def trusted(mention: Mention) -> bool:
    """Rules mentions kept whatever the model says."""
    return mention.type in ALWAYS_TRUSTED or mention.cert >= TRUSTED_NAME_CERT


def _fits(candidate: Mention, kept: list[Mention]) -> bool:
    for other in kept:
        if candidate.end <= other.start or other.end <= candidate.start:
            continue
        if (candidate.start, candidate.end) == (other.start, other.end):
            return False
        if candidate.start <= other.start and other.end <= candidate.end:
            pair = (candidate.type, other.type)
        elif other.start <= candidate.start and candidate.end <= other.end:
            pair = (other.type, candidate.type)
        else:
            return False  # crossing
        if pair not in NESTABLE:
            return False
    return True


def _swallowed(candidate: Mention, kept: list[Mention]) -> list[Mention]:
    """Trusted rules names strictly inside a model name that the encoding would not let it nest.

    Names run longer than the rules' lists: `Ngân hàng Nhà nước chi nhánh tỉnh X`
    around the listed `Ngân hàng Nhà nước`, `Trường Tiểu học X Y` around a name
    the rules took for a person. When the model is sure of the longer name it
    wins (the annotation keeps the outermost name); measured on
    tests/data/ner2 (benchmarks/ner.py --curve).
    """
    if candidate.type not in (ORG, PLACE) or candidate.cert < WIDER_MODEL_CERT:
        return []
    inside = []
    for other in kept:
        if other.type not in (PERSON, ORG, PLACE) or other.resp == candidate.resp:
            continue
        if candidate.end <= other.start or other.end <= candidate.start:
            continue
        if not (candidate.start <= other.start and other.end <= candidate.end) or \
                (candidate.start, candidate.end) == (other.start, other.end):
            return []  # crossing or repeating: the trusted span stands
        if (candidate.type, other.type) not in NESTABLE:
            inside.append(other)
    return inside


def combine(rule_mentions: list[Mention], model_mentions: list[Mention]) -> list[Mention]:
    """Trusted rules mentions plus the model's names that fit them, in (start, -end) order."""
    kept = [m for m in rule_mentions if trusted(m)]
    for mention in sorted(model_mentions, key=lambda m: (m.start, -m.end, m.type)):
        if mention.type not in (PERSON, ORG, PLACE):
            continue
        swallowed = _swallowed(mention, kept)
        trial = [m for m in kept if m not in swallowed] if swallowed else kept
        if _fits(mention, trial):
            kept = trial
            kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, -m.end, m.type))


class CombinedRecogniser:
    name = "combined"
    version = __version__

    def __init__(self, rules: Recogniser, model):
        """`model` is a CrfRecogniser (it needs the rules' mentions as features)."""
        self.rules = rules
        self.model = model

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        rule_mentions = self.rules.find(text, context)
        return combine(rule_mentions, self.model.find_with_rules(text, rule_mentions))
