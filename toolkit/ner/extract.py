"""Run a recogniser over texts and keep the four scored labels as flat spans."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from ..errors import RecogniseError
from ..fsutil import collect_files
from ..model import DATE, Mention
from ..recognise.base import Context, Recogniser
from ..recognise.dates import range_ends
from .jsonl import NerDoc, doc_from_record
from .labels import MENTION_TYPE_TO_LABEL
from .spans import Span, outermost

INPUT_FORMATS = ("text", "jsonl")


def mentions_to_entities(mentions: list[Mention], split_ranges: bool = False) -> list[Span]:
    """person/org/place/date mentions as persName/orgName/placeName/date spans, outermost only;
    roles and abbreviations are dropped.

    split_ranges: a date range written as two dates ("từ 1/1/2020 đến 31/12/2020",
    "từ ngày 12 đến 13/12/2023") gives its two dates, without "từ"/"đến", as gold
    annotations mark it (TEI keeps it one <date from= to=>); a range written as one
    expression ("2021–2025", "quý I/2024") stays one span.
    """
    spans = []
    for m in mentions:
        label = MENTION_TYPE_TO_LABEL.get(m.type)
        if label is None:
            continue
        ends = range_ends(m.attrs) if split_ranges and m.type == DATE else []
        if ends:
            spans += [(m.start + a, m.start + b, label) for a, b in ends]
        else:
            spans.append((m.start, m.end, label))
    return outermost(spans)


def extract_doc(doc: NerDoc, recogniser: Recogniser) -> NerDoc:
    mentions = recogniser.find(doc.text, Context())
    return NerDoc(doc.id, doc.text, tuple(mentions_to_entities(mentions, split_ranges=True)))


def extract(docs, recogniser: Recogniser) -> list[NerDoc]:
    return [extract_doc(doc, recogniser) for doc in docs]


def read_text_inputs(paths) -> list[NerDoc]:
    """Each file's whole text (UTF-8, NFC) as one document whose id is the file name; directories give their .txt files."""
    docs = []
    for path in collect_files(paths, (".txt",)):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RecogniseError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None
        except OSError as exc:
            raise RecogniseError(f"cannot read: {exc.strerror}", path=str(path)) from None
        docs.append(NerDoc(path.name, unicodedata.normalize("NFC", text)))
    return docs


def read_jsonl_inputs(paths) -> list[NerDoc]:
    """Documents from JSON lines {"id", "text"}; a line without id gets FILE:LINE; entities are ignored."""
    docs = []
    for path in collect_files(paths, (".jsonl",)):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, OSError):
            raise RecogniseError("cannot read as UTF-8 text", path=str(path)) from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecogniseError(f"line {number}: not JSON ({exc.msg})", path=str(path)) from None
            try:
                doc = doc_from_record(record if not isinstance(record, dict) else {**record, "entities": []},
                                      where=f"line {number}", default_id=f"{Path(path).name}:{number}", need_entities=False)
            except RecogniseError as exc:
                raise RecogniseError(exc.message, path=str(path)) from None
            docs.append(doc)
    return docs


def read_inputs(paths, input_format: str = "text") -> list[NerDoc]:
    if input_format == "text":
        return read_text_inputs(paths)
    if input_format == "jsonl":
        return read_jsonl_inputs(paths)
    raise RecogniseError(f"unknown input format {input_format!r} (choose from {', '.join(INPUT_FORMATS)})")
