"""Train a CRF entity model from annotated documents (python-crfsuite, no pretrained weights)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from .. import __version__
from ..errors import RecogniseError
from ..fsutil import write_atomic
from ..recognise.base import Context, Recogniser
from .features import FEATURE_SET_VERSION, Gazetteers, lowercase_words, sequence_features
from .jsonl import NerDoc
from .labels import LABELS
from .model_dir import META_FILE, MODEL_FILE, MODEL_FORMAT, MODEL_FORMAT_VERSION, file_sha256

# Syllables the training texts write in lower case (a feature: see features.sequence_features).
WORDS_FILE = "lowercase-words.txt"
WORDS_MIN_COUNT = 2  # a word seen once may be a typo or a name's stray syllable
from .spans import outermost
from .tokens import bio_tags, sequences


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


def _corpus_sha256(docs: list[NerDoc]) -> str:
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(doc.to_json().encode("utf-8") + b"\n")
    return digest.hexdigest()


def build_items(doc: NerDoc, rules: Recogniser, gaz: Gazetteers, common: frozenset = frozenset()):
    """(features, tags) per paragraph of one document."""
    mentions = rules.find(doc.text, Context())
    spans = outermost(doc.entities)
    known = common | lowercase_words([doc.text])
    for tokens in sequences(doc.text):
        yield sequence_features(tokens, mentions, gaz, known), bio_tags(tokens, spans)


def common_words(docs: list[NerDoc]) -> frozenset:
    """Syllables written in lower case in at least WORDS_MIN_COUNT training documents."""
    counts = Counter()
    for doc in docs:
        counts.update(lowercase_words([doc.text]))
    return frozenset(word for word, n in counts.items() if n >= WORDS_MIN_COUNT)


def train(docs: list[NerDoc], model_dir, *, rules: Recogniser, gazetteers: Gazetteers,
          options: TrainOptions = TrainOptions()) -> TrainReport:
    """Train on `docs` and write model.crfsuite + meta.json into `model_dir` (created if needed)."""
    model_dir = Path(model_dir)
    if not docs:
        raise RecogniseError("no training documents", path=str(model_dir))
    if model_dir.exists() and not model_dir.is_dir():
        raise RecogniseError("exists and is not a directory", path=str(model_dir))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": options.c1, "c2": options.c2, "max_iterations": options.max_iterations,
                        "feature.minfreq": options.min_freq, "feature.possible_transitions": True})
    n_seq = n_tok = 0
    tag_set: set[str] = set()
    entity_counts = Counter()
    common = common_words(docs)
    for doc in docs:
        entity_counts.update(label for _, _, label in outermost(doc.entities))
        for xseq, yseq in build_items(doc, rules, gazetteers, common):
            trainer.append(xseq, yseq)
            n_seq += 1
            n_tok += len(yseq)
            tag_set.update(yseq)
    if not entity_counts:
        raise RecogniseError("the training data has no persName/orgName/placeName/date entities", path=str(model_dir))
    try:
        model_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=model_dir, prefix=f".{MODEL_FILE}.", suffix=".tmp")
    except OSError as exc:
        raise RecogniseError(f"cannot write the model: {exc.strerror}", path=str(model_dir)) from None
    os.close(fd)
    try:
        trainer.train(tmp)
        os.chmod(tmp, 0o644)
        sha = file_sha256(Path(tmp))
        os.replace(tmp, model_dir / MODEL_FILE)
    finally:
        Path(tmp).unlink(missing_ok=True)
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
    }
    write_atomic(model_dir / META_FILE, (json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode())
    return TrainReport(str(model_dir), len(docs), n_seq, n_tok, dict(sorted(entity_counts.items())), tags)
