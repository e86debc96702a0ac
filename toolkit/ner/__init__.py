"""Trainable, measurable entity recognition: read annotations, train a CRF, extract, evaluate.

Documents travel as NerDoc (id, text, flat (start, end, label) spans) with the
labels persName/orgName/placeName/date; see docs/ner.md. What runs a model
(features, tokens, the model folder, the labels, the CRF and its combination
with the rules) is teikit.recognise; this package trains and measures it and
depends on it, never the reverse.
"""

from ..recognise.labels import LABELS, normalise_label
from .evaluate import EvalReport, Score, evaluate, format_report
from .extract import extract, mentions_to_entities, read_inputs
from .jsonl import NerDoc, read_jsonl, write_jsonl
from .sources import load_annotated
from .teiread import read_tei
from .train import TrainOptions, TrainReport, train

__all__ = [
    "EvalReport", "NerDoc", "LABELS", "Score", "TrainOptions", "TrainReport", "evaluate", "extract",
    "format_report", "load_annotated", "mentions_to_entities", "normalise_label", "read_inputs",
    "read_jsonl", "read_tei", "train", "write_jsonl",
]
