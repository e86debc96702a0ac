"""High-precision rules plus a trained model: the recogniser `teikit convert --model DIR` uses.

The rules are trusted where they are nearly always right: dates (with their
normalised values), roles, abbreviations, and names they are sure of
(gazetteer places, names defined in the text) -- see `trusted`. Persons,
organisations and places otherwise come from the CRF model. A model span is
added only where it fits the trusted markup: it may not cross a trusted span,
repeat one, and it may nest only in the ways the encoding allows
(model.MAY_CONTAIN, the one nesting policy). Every mention keeps the
resp of the recogniser that found it and its cert.

That is the "combined" policy. A model folder may record another per label,
chosen at training time on held-out annotated data (teikit.ner.train): a
user's conventions may differ from the rules' (what is an organisation,
whether "thành phố" belongs to a place), and then the rules' sure names are
the wrong ones to trust. "rules" keeps every rules span of the label and no
model span of it; "model" keeps the model's spans of the label and none of
the rules'. The other labels go on as before, so the result still nests
without crossing and does not depend on the order of the input.

A model folder may also name kinds of rules span (label and cert: the cert
stands for the rule family) that the user's annotations do not bear out
(model_dir.read_distrusted): those are never kept, under any policy, and the
model's spans may take their place.
"""

from __future__ import annotations

from .. import __version__
from ..model import ABBR, DATE, DURATION, ORG, PERSON, PLACE, ROLE, Mention, may_contain
from .base import Context, Recogniser, TwoStep
from .labels import MENTION_TYPE_TO_LABEL
from .model_dir import DEFAULT_POLICY, read_distrusted, read_policy

# Below this cert a rules person/org/place is a guess the model should make instead.
TRUSTED_NAME_CERT = 0.85
ALWAYS_TRUSTED = (DATE, DURATION, ROLE, ABBR)
# A model org/place at least this sure replaces the trusted names strictly inside it.
WIDER_MODEL_CERT = 0.6


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
        if not may_contain(*pair):
            return False
    return True


def _swallowed(candidate: Mention, kept: list[Mention], pinned: frozenset = frozenset()) -> list[Mention]:
    """Trusted rules names strictly inside a model name that the encoding would not let it nest.

    Names run longer than the rules' lists: `Ngân hàng Nhà nước chi nhánh tỉnh X`
    around the listed `Ngân hàng Nhà nước`, `Trường Tiểu học X Y` around a name
    the rules took for a person. When the model is sure of the longer name it
    wins (the annotation keeps the outermost name); measured on
    tests/data/ner2 (benchmarks/ner.py --curve). Names of a `pinned` type
    (policy "rules") are never replaced: the model span must fit around them.
    """
    if candidate.type not in (ORG, PLACE) or candidate.cert < WIDER_MODEL_CERT:
        return []
    inside = []
    for other in kept:
        if other.type not in (PERSON, ORG, PLACE) or other.resp == candidate.resp:
            continue
        if candidate.end <= other.start or other.end <= candidate.start:
            continue
        if other.type in pinned or not (candidate.start <= other.start and other.end <= candidate.end) or \
                (candidate.start, candidate.end) == (other.start, other.end):
            return []  # crossing or repeating: the trusted span stands
        if not may_contain(candidate.type, other.type):
            inside.append(other)
    return inside


def _by_type(policy: dict | None) -> dict:
    """Mention type -> policy, from a label -> policy dict (DEFAULT_POLICY for None)."""
    policy = DEFAULT_POLICY if policy is None else {**DEFAULT_POLICY, **policy}
    return {mtype: policy[label] for mtype, label in MENTION_TYPE_TO_LABEL.items()}


def _kept_rule(mention: Mention, policy: str | None, distrusted: frozenset = frozenset()) -> bool:
    if distrusted and (MENTION_TYPE_TO_LABEL.get(mention.type), mention.cert) in distrusted:
        return False
    if policy is None or policy == "combined":  # roles and abbreviations have no policy: trusted
        return trusted(mention)
    return policy == "rules"


def combine(rule_mentions: list[Mention], model_mentions: list[Mention], policy: dict | None = None,
            distrusted: frozenset = frozenset()) -> list[Mention]:
    """Rules mentions the policy keeps plus the model's names that fit them, in (start, -end) order.

    `policy`: label -> "rules" | "model" | "combined" (model_dir.LABEL_POLICIES);
    labels it leaves out, or None, follow DEFAULT_POLICY. `distrusted`: (label, cert)
    kinds of rules span never kept.
    """
    by_type = _by_type(policy)
    pinned = frozenset(mtype for mtype, p in by_type.items() if p == "rules")
    kept = [m for m in rule_mentions if _kept_rule(m, by_type.get(m.type), distrusted)]
    for mention in sorted(model_mentions, key=lambda m: (m.start, -m.end, m.type)):
        if by_type.get(mention.type) not in ("model", "combined"):
            continue
        swallowed = _swallowed(mention, kept, pinned)
        trial = [m for m in kept if m not in swallowed] if swallowed else kept
        if _fits(mention, trial):
            kept = trial
            kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, -m.end, m.type))


class CombinedRecogniser:
    name = "combined"
    version = __version__

    def __init__(self, rules: Recogniser, model, policy: dict | None = None):
        """`model` is a CrfRecogniser (it needs the rules' mentions as features).

        `policy` (label -> "rules" | "model" | "combined") defaults to the one the
        model folder records (model.meta), else DEFAULT_POLICY.
        """
        self.rules = rules
        self.model = model
        meta = getattr(model, "meta", None) or {}
        where = str(getattr(model, "model_dir", ""))
        if policy is None:
            policy = read_policy(meta, where)
        self.policy = {**DEFAULT_POLICY, **policy}
        self.distrusted = read_distrusted(meta, where)

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        return self._combined(text, self.rules.find(text, context))

    # A TwoStep (recognise.base) keeping its rules' work when they are one (else nothing: None).
    # The model reads the rules' mentions, which depend on the corpus names: it runs in `finish`.
    def prepare(self, text: str, context: Context = Context()):
        return self.rules.prepare(text, context) if isinstance(self.rules, TwoStep) else None

    def finish(self, text: str, prepared, context: Context = Context()) -> list[Mention]:
        rules = self.rules.find(text, context) if prepared is None else self.rules.finish(text, prepared, context)
        return self._combined(text, rules)

    def _combined(self, text: str, rule_mentions: list[Mention]) -> list[Mention]:
        return combine(rule_mentions, self.model.find_with_rules(text, rule_mentions), self.policy, self.distrusted)
