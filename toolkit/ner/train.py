"""Train a CRF entity model from annotated documents (python-crfsuite, no pretrained weights).

With enough documents, training also chooses per label where the combined
recogniser takes that label from (rules, model or both): the documents are
split in two halves (alternate documents), a model trained on each half tags
the other, and the candidate policies are scored on every document by a model
that never saw it (`choose_policy`); then the model is trained on all of them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import pycrfsuite

from .. import __version__
from ..errors import NerInputError, RecogniseError, ToolkitError
from ..fsutil import ScratchDir, atomic_path, write_atomic
from ..recognise.base import Context, Recogniser
from ..recognise.combined import combine
from ..recognise.crf import CrfRecogniser
from ..recognise.features import (FEATURE_SET_VERSION, Gazetteers, lowercase_words, mentions_per_sequence,
                                  sequence_features)
from ..recognise.labels import LABELS, MENTION_TYPE_TO_LABEL
from ..recognise.model_dir import (DEFAULT_POLICY, LABEL_POLICIES, META_FILE, MODEL_FILE, MODEL_FORMAT,
                                   MODEL_FORMAT_VERSION, file_sha256)
from ..recognise.tokens import bio_tags, sequences
from .evaluate import Score, exact_score
from .extract import mentions_to_entities
from .jsonl import NerDoc
from .limits import DEFAULT_LIMITS, NerLimits, check_text_size
from .spans import outermost

# Syllables the training texts write in lower case (a feature: see recognise.features.sequence_features).
WORDS_FILE = "lowercase-words.txt"
WORDS_MIN_COUNT = 2  # a word seen once may be a typo or a name's stray syllable

# Below this many documents the held-out halves are too small to choose a policy on.
POLICY_MIN_DOCUMENTS = 20
# Document i (in the order given) is held out in fold i % POLICY_FOLDS. Two folds
# score every document for about the cost of one more training; one held-out
# fifth (36 of 180 ner2 texts, 14 persons) was too small: it chose the model for
# places, which then lost on the test set.
POLICY_FOLDS = 2
# On equal dev F1: today's behaviour first, then the rules; for dates the rules
# first (a model date carries no normalised @when).
TIE_ORDER = {"persName": ("combined", "rules", "model"), "orgName": ("combined", "rules", "model"),
             "placeName": ("combined", "rules", "model"), "date": ("rules", "combined")}


@dataclass(frozen=True)
class TrainOptions:
    max_iterations: int = 150
    c1: float = 0.05   # L1: keeps the model small
    c2: float = 0.01   # L2
    min_freq: int = 1


@dataclass(frozen=True)
class TrainReport:
    model_dir: str
    documents: int
    sequences: int
    tokens: int
    entities: dict = field(default_factory=dict)  # label -> count
    tags: tuple[str, ...] = ()
    policy: dict = field(default_factory=dict)   # label -> "rules" | "model" | "combined"
    policy_chosen: bool = False                   # False: too few documents, the default policy
    left_out: tuple[str, ...] = ()                # "ID: why", one per document not trained on

    def policy_line(self) -> str:
        """One line for the user: which source `combined` takes each label from, and why."""
        chosen = ", ".join(f"{label} {source}" for label, source in self.policy.items())
        how = (f"chosen by {POLICY_FOLDS}-fold cross-validation" if self.policy_chosen
               else "default: " + ("one cross-validation half has no entities" if self.documents >= POLICY_MIN_DOCUMENTS
                                   else f"fewer than {POLICY_MIN_DOCUMENTS} documents"))
        return f"combined policy: {chosen} ({how})"


def _corpus_sha256(docs: list[NerDoc]) -> str:
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(doc.to_json().encode("utf-8") + b"\n")
    return digest.hexdigest()


def build_items(doc: NerDoc, rules: Recogniser, gaz: Gazetteers, common: frozenset = frozenset(), mentions=None):
    """(features, tags) per paragraph of one document (`mentions`: the rules' on it, if already found)."""
    if mentions is None:
        mentions = rules.find(doc.text, Context())
    spans = outermost(doc.entities)
    token_sequences = sequences(doc.text)
    known = common | lowercase_words(token_sequences)
    for tokens, near in zip(token_sequences, mentions_per_sequence(token_sequences, mentions)):
        yield sequence_features(tokens, near, gaz, known), bio_tags(tokens, spans)


def common_words(docs: list[NerDoc]) -> frozenset:
    """Syllables written in lower case in at least WORDS_MIN_COUNT training documents."""
    counts = Counter()
    for doc in docs:
        counts.update(lowercase_words(sequences(doc.text)))
    return frozenset(word for word, n in counts.items() if n >= WORDS_MIN_COUNT)


def _folds(n: int) -> list[tuple[list[int], list[int]]]:
    """(training indices, held-out indices) per fold: alternate documents."""
    return [([i for i in range(n) if i % POLICY_FOLDS != fold], [i for i in range(n) if i % POLICY_FOLDS == fold])
            for fold in range(POLICY_FOLDS)]


def _f1(score) -> Fraction:
    """Exact F1 as a fraction, so equal scores tie exactly."""
    denominator = 2 * score.tp + score.fp + score.fn
    return Fraction(2 * score.tp, denominator) if denominator else Fraction(0)


# A kind of rules span (label, cert) is distrusted when the annotations mark fewer than this
# share of its spans exactly, over at least DISTRUST_MIN_SPANS of them.
DISTRUST_BELOW = Fraction(1, 2)
DISTRUST_MIN_SPANS = 5


def distrusted_kinds(docs: list[NerDoc], mentions: list) -> tuple[frozenset, dict]:
    """((label, cert) kinds of rules name span the annotations do not bear out, their counts).

    A rules span counts where `ner extract` would write it (outermost); it is borne out when
    a gold span has its exact extent and label. The cert stands for the rule family, so
    this learns, per label and per kind of rule, what the user's annotators mark: a
    convention that never marks bare generic bodies or cue-word places makes those kinds
    distrusted, and `combined` leaves them to the model.
    """
    counts: dict[tuple[str, float], list[int]] = {}
    for doc, doc_mentions in zip(docs, mentions):
        gold = set(outermost(doc.entities))
        flat = set(mentions_to_entities(doc_mentions, doc.text))
        for m in doc_mentions:
            label = MENTION_TYPE_TO_LABEL.get(m.type)
            if label is None or label == "date" or (m.start, m.end, label) not in flat:
                continue
            seen = counts.setdefault((label, m.cert), [0, 0])
            seen[0] += 1
            seen[1] += (m.start, m.end, label) in gold
    kinds = frozenset(kind for kind, (n, right) in counts.items()
                      if n >= DISTRUST_MIN_SPANS and Fraction(right, n) < DISTRUST_BELOW)
    table = {f"{label} {cert}": {"spans": n, "marked": right, "distrusted": (label, cert) in kinds}
             for (label, cert), (n, right) in sorted(counts.items())}
    return kinds, table


def choose_policy(docs: list[NerDoc], mentions: list, *, rules: Recogniser, gazetteers: Gazetteers,
                  options: TrainOptions) -> tuple[dict, dict]:
    """(label -> policy, label -> policy -> held-out scores), by cross-validation over `_folds`.

    Each candidate policy of a label is scored (exact span and label, counts
    summed over the folds) on that label alone, the other labels following
    DEFAULT_POLICY, on what `ner extract` would write; the best F1 wins, ties
    by TIE_ORDER. `mentions` are the rules' mentions of each document.
    """
    totals = {(label, c): Score() for label, candidates in LABEL_POLICIES.items() for c in candidates}
    for train_idx, dev_idx in _folds(len(docs)):
        dev_docs = [docs[i] for i in dev_idx]
        golds = [outermost(doc.entities) for doc in dev_docs]
        train_docs = [docs[i] for i in train_idx]
        distrusted, _ = distrusted_kinds(train_docs, [mentions[i] for i in train_idx])  # from the training half only
        with ScratchDir("teikit-policy") as tmp:  # a killed run's is removed by the next
            _train_model(train_docs, [mentions[i] for i in train_idx], Path(tmp),
                         rules=rules, gazetteers=gazetteers, options=options)
            model = CrfRecogniser(tmp, rules=rules, gazetteers=gazetteers)
            found = [(mentions[i], model.find_with_rules(docs[i].text, mentions[i])) for i in dev_idx]
        for label, candidate in totals:
            trial = {**DEFAULT_POLICY, label: candidate}
            for doc, gold, (r, m) in zip(dev_docs, golds, found):
                predicted = mentions_to_entities(combine(r, m, trial, distrusted), doc.text)  # outermost already
                totals[label, candidate] += exact_score(gold, predicted, label)
    policy, scores = {}, {}
    for label, candidates in LABEL_POLICIES.items():
        order = TIE_ORDER[label]
        policy[label] = max(order, key=lambda c: (_f1(totals[label, c]), -order.index(c)))
        scores[label] = {c: totals[label, c].to_dict() for c in candidates}
    return policy, scores


def train(docs: list[NerDoc], model_dir, *, rules: Recogniser, gazetteers: Gazetteers,
          options: TrainOptions = TrainOptions(), limits: NerLimits = DEFAULT_LIMITS) -> TrainReport:
    """Train on `docs` and write model.crfsuite + meta.json into `model_dir` (created if needed).

    The text of `docs` together may hold limits.train_chars characters (NerInputError beyond:
    the trainer holds every token's features, about 200 bytes per character).

    With POLICY_MIN_DOCUMENTS or more documents meta.json also records the
    per-label policy `choose_policy` picks and the scores that picked it.
    """
    model_dir = Path(model_dir)
    if not docs:
        raise NerInputError("no training documents", path=str(model_dir))
    check_text_size(docs, limits, "train_chars", "the training data")
    if model_dir.exists() and not model_dir.is_dir():
        raise RecogniseError("exists and is not a directory", path=str(model_dir))
    if not any(outermost(doc.entities) for doc in docs):
        raise NerInputError("the training data has no persName/orgName/placeName/date entities", path=str(model_dir))
    docs, mentions, left_out = _rules_mentions(docs, rules)  # once: the dev model uses them too
    if not docs:
        raise NerInputError(f"no training documents left ({left_out[0]})", path=str(model_dir))
    # A fold model needs entities to learn from (crfsuite crashes on no sequences at all).
    halves_annotated = all(any(outermost(docs[i].entities) for i in train_idx) for train_idx, _ in _folds(len(docs)))
    if len(docs) >= POLICY_MIN_DOCUMENTS and halves_annotated:
        policy, scores = choose_policy(docs, mentions, rules=rules, gazetteers=gazetteers, options=options)
        selection = {"method": "cross-validation", "folds": POLICY_FOLDS, "fold_of_document": f"index % {POLICY_FOLDS}",
                     "measure": "exact F1 of the label over the held-out documents",
                     "ties": {label: list(order) for label, order in TIE_ORDER.items()}}
    else:
        policy, scores = dict(DEFAULT_POLICY), {}
        why = (f"fewer than {POLICY_MIN_DOCUMENTS} documents: too few to hold any out" if len(docs) < POLICY_MIN_DOCUMENTS
               else "the documents of one cross-validation half have no entities")
        selection = {"method": "default", "reason": f"{why}; names combined, dates from the rules"}
    distrusted, kinds = distrusted_kinds(docs, mentions)
    extra = {"policy": policy, "policy_scores": scores, "policy_selection": selection,
             "distrusted_rules": sorted([label, cert] for label, cert in distrusted), "rules_kinds": kinds}
    report = _train_model(docs, mentions, model_dir, rules=rules, gazetteers=gazetteers, options=options, extra=extra)
    return TrainReport(**{**report.__dict__, "policy": policy, "policy_chosen": bool(scores), "left_out": left_out})


def _rules_mentions(docs: list[NerDoc], rules: Recogniser) -> tuple[list[NerDoc], list, tuple[str, ...]]:
    """(the documents the rules run on, their mentions, one message per document left out): a
    document the rules fail on costs that document only."""
    kept, mentions, left_out = [], [], []
    for doc in docs:
        try:
            found = rules.find(doc.text, Context())
        except ToolkitError:
            raise  # the rules cannot run at all (a gazetteer, a model): no document would do
        except Exception as exc:  # noqa: BLE001 - a recogniser bug must cost one document, not the model
            left_out.append(f"{doc.id}: internal error, please report it (the {rules.name} recogniser failed: "
                            f"{type(exc).__name__}: {exc}); not trained on")
            continue
        kept.append(doc)
        mentions.append(found)
    return kept, mentions, tuple(left_out)


def _train_model(docs: list[NerDoc], mentions: list, model_dir: Path, *, rules: Recogniser, gazetteers: Gazetteers,
                 options: TrainOptions, extra: dict | None = None) -> TrainReport:
    """Write model.crfsuite, the word list and meta.json (with `extra` keys) trained on `docs`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                        "feature.minfreq": options.min_freq, "feature.possible_transitions": True})
    n_seq = n_tok = 0
    tag_set: set[str] = set()
    entity_counts = Counter()
    common = common_words(docs)
    for doc, doc_mentions in zip(docs, mentions):
        entity_counts.update(label for _, _, label in outermost(doc.entities))
        for xseq, yseq in build_items(doc, rules, gazetteers, common, doc_mentions):
            trainer.append(xseq, yseq)
            n_seq += 1
            n_tok += len(yseq)
            tag_set.update(yseq)
    try:
        with atomic_path(model_dir / MODEL_FILE) as tmp:
            trainer.train(str(tmp))
            sha = file_sha256(tmp)
    except OSError as exc:
        raise RecogniseError(f"cannot write the model: {exc.strerror}", path=str(model_dir)) from None
    words_bytes = "".join(word + "\n" for word in sorted(common)).encode("utf-8")
    write_atomic(model_dir / WORDS_FILE, words_bytes)
    tags = tuple(sorted(tag_set))
    meta = {
        "format": MODEL_FORMAT,
        "format_version": MODEL_FORMAT_VERSION,
        "feature_set_version": FEATURE_SET_VERSION,
        "teikit_version": __version__,
        "model_sha256": sha,
        "labels": [label for label in LABELS if entity_counts[label]],
        "tags": list(tags),
        "rules": {"name": rules.name, "version": rules.version},
        "gazetteers": gazetteers.size(),
        "lowercase_words": {"file": WORDS_FILE, "count": len(common), "min_documents": WORDS_MIN_COUNT,
                            "sha256": hashlib.sha256(words_bytes).hexdigest()},
        "params": {"algorithm": "lbfgs", "c1": options.c1, "c2": options.c2,
                   "max_iterations": options.max_iterations, "min_freq": options.min_freq},
        "training": {"documents": len(docs), "sequences": n_seq, "tokens": n_tok,
                     "entities": dict(sorted(entity_counts.items())), "data_sha256": _corpus_sha256(docs)},
        **(extra or {}),
    }
    write_atomic(model_dir / META_FILE, (json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode())
    return TrainReport(str(model_dir), len(docs), n_seq, n_tok, dict(sorted(entity_counts.items())), tags)
