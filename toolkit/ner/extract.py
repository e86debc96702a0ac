"""Run a recogniser over texts and keep the four scored labels as flat spans."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..batch import Batch, Progress, Report
from ..errors import NerInputError
from ..fsutil import collect_files
from ..parallel import make_engine
from ..model import DATE, Mention
from ..recognise.base import Context, Recogniser
from ..recognise.dates import range_ends
from ..recognise.labels import MENTION_TYPE_TO_LABEL
from .jsonl import NerDoc, read_jsonl
from .spans import Span, outermost

INPUT_FORMATS = ("text", "jsonl")


def mentions_to_entities(mentions: list[Mention], text: str | None = None) -> list[Span]:
    """person/org/place/date mentions as persName/orgName/placeName/date spans, outermost only;
    roles and abbreviations are dropped.

    With the text, the spans follow the annotation guideline of the gold data
    (tests/data/README.md) where TEI markup differs from it:
    - a date range written as two dates ("từ 1/1/2020 đến 31/12/2020", "từ ngày 12
      đến 13/12/2023", "20-24/7") gives its two dates, without "từ"/"đến" (TEI keeps
      one <date from= to=>); a year span "2021–2025" or "quý I/2024" stays one span;
    - durations ("10 năm", TEI <date dur=>) are no dates.
    Names keep the extent they have in TEI (one span convention, docs/ner.md).
    """
    spans = []
    for m in mentions:
        label = MENTION_TYPE_TO_LABEL.get(m.type)
        if label is None:
            continue
        if text is not None and m.type == DATE:
            attrs = dict(m.attrs)
            if "dur" in attrs and len(attrs) == 1:
                continue
            ends = range_ends(m.attrs)
            if ends:
                spans += [(m.start + a, m.start + b, label) for a, b in ends]
                continue
        spans.append((m.start, m.end, label))
    return outermost(spans)


def extract_doc(doc: NerDoc, recogniser: Recogniser) -> NerDoc:
    mentions = recogniser.find(doc.text, Context())
    return NerDoc(doc.id, doc.text, tuple(mentions_to_entities(mentions, doc.text)))


def extract(docs, recogniser: Recogniser, *, jobs: int | None = 1, load=None) -> list[NerDoc]:
    """Every document's spans, in order. With jobs other than 1 (None: every core) the
    documents go to worker processes (teikit.parallel), each making its recogniser once
    with `load()` (a picklable factory giving the same recogniser); the same spans."""
    if jobs == 1 or load is None:
        return [extract_doc(doc, recogniser) for doc in docs]
    docs = list(docs)
    with make_engine(jobs, warm=load) as engine:
        return list(engine.map(_extract_task, docs, state=load, count=len(docs)))


def _extract_task(recogniser: Recogniser, _shared, docs: list) -> list[NerDoc]:
    return [extract_doc(doc, recogniser) for doc in docs]


def read_text_file(path) -> NerDoc:
    """A file's whole text (UTF-8, NFC) as one document whose id is the file name."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NerInputError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise NerInputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return NerDoc(path.name, unicodedata.normalize("NFC", text))


def read_text_inputs(paths) -> list[NerDoc]:
    """Each .txt file named or under directories as one document; the first unreadable one raises."""
    return [read_text_file(path) for path in collect_files(paths, (".txt",))]


def read_jsonl_inputs(paths) -> list[NerDoc]:
    """Documents from JSON lines {"id", "text"}; a line without id gets FILE:LINE; entities are ignored."""
    return [doc for path in collect_files(paths, (".jsonl",))
            for doc in read_jsonl(path, need_entities=False, keep_entities=False)]


_READERS = {
    "text": ((".txt",), lambda path: [read_text_file(path)]),
    "jsonl": ((".jsonl",), lambda path: read_jsonl(path, need_entities=False, keep_entities=False)),
}


def read_inputs(paths, input_format: str = "text", *, progress: Progress | None = None) -> tuple[list[NerDoc], Report]:
    """The documents of every input file, on the batch runner (teikit.batch): a file that cannot
    be read is a failure in the report and costs that file only; the others are read."""
    if input_format not in _READERS:
        raise NerInputError(f"unknown input format {input_format!r} (choose from {', '.join(INPUT_FORMATS)})")
    suffixes, read = _READERS[input_format]
    batch = Batch(paths, suffixes, progress=progress)
    docs = [doc for docs_of_file in batch.run(read, label="reading") for doc in docs_of_file]
    return docs, batch.report
