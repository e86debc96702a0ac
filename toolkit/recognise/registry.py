"""Load a recogniser by name or model directory: the one entry point convert and ner use."""

from __future__ import annotations

from ..errors import RecogniseError
from .base import Recogniser
from .combined import CombinedRecogniser
from .crf import CrfRecogniser
from .model_dir import read_meta
from .rules import default_recogniser

RECOGNISER_NAMES = ("rules", "crf", "combined")


def load_recogniser(model_dir: str | None = None, *, name: str | None = None) -> Recogniser:
    """The default rules recogniser when `model_dir` is None, else rules + model ("combined").

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
