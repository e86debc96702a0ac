"""How much annotated input `ner train` and `ner evaluate` take in (docs/ner.md, "Limits").

Training holds every token's features in the CRF trainer at once (python-crfsuite
needs the whole corpus for each L-BFGS pass): measured about 200 bytes of memory
per character of text, so the text a training run may take is bounded, and so is
each TEI file, which is parsed whole. Evaluation holds only texts and spans (a
few bytes per character) and gets a larger text limit. An exceeded limit is one
NerInputError naming the file (or the inputs) and the option that raises it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import NerInputError

MIB = 1 << 20


@dataclass(frozen=True)
class NerLimits:
    tei_bytes: int = 64 * MIB          # one TEI file, parsed whole
    train_chars: int = 10_000_000      # all training text together (~2 GB of trainer memory)
    evaluate_chars: int = 200_000_000  # all gold (and all predicted) text together


DEFAULT_LIMITS = NerLimits()
OPTION = {"tei_bytes": "--max-tei-bytes", "train_chars": "--max-text-chars", "evaluate_chars": "--max-text-chars"}


def check_tei_size(path, limits: NerLimits = DEFAULT_LIMITS) -> None:
    """Refuse a TEI file larger than limits.tei_bytes before it is parsed."""
    size = os.stat(path).st_size
    if size > limits.tei_bytes:
        raise NerInputError(f"{size} bytes, over the limit of {limits.tei_bytes} for one TEI file "
                            f"(raise it with {OPTION['tei_bytes']})", path=str(path))


def check_text_size(docs, limits: NerLimits, field: str, what: str) -> None:
    """Refuse documents whose texts together hold more characters than the limit `field`
    (train_chars, evaluate_chars) allows; `what` names them ("the training data")."""
    limit = getattr(limits, field)
    total = sum(len(doc.text) for doc in docs)
    if total > limit:
        raise NerInputError(f"{what} holds {total} characters of text, over the limit of {limit} "
                            f"(raise it with {OPTION[field]})")
