"""Run a recogniser over texts and keep the four scored labels as flat spans."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..batch import Batch, Progress, Report, internal_error
from ..errors import NerInputError, ToolkitError
from ..inputfiles import collect_files
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
    - durations ("10 năm") are no dates: a mention of their own type (model.DURATION,
      TEI <measure type="duration">), which has no label; a date with @dur alone (files
      written before) is none either.
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


def extract_doc(doc: NerDoc, recogniser: Recogniser, language: str | None = None) -> NerDoc:
    """The document's spans; `language`: the texts' (Context.language: the dates of a language
    without a recogniser of its own are read in its month names)."""
    mentions = recogniser.find(doc.text, Context(language=language))
    return NerDoc(doc.id, doc.text, tuple(mentions_to_entities(mentions, doc.text)))


def extract(docs, recogniser: Recogniser, report: Report | None = None, *, jobs: int | None = 1,
            load=None, language: str | None = None) -> list[NerDoc]:
    """Every document's spans, in order (`language`: the texts', as extract_doc takes it). With
    a `report`, a document the recogniser fails on costs that document only: it is left out of
    the result and is one failure (its id and why); without one, the first failure raises. With
    jobs other than 1 (None: every core) the documents go to worker processes
    (teikit.parallel), each making its recogniser once with `load()` (a picklable factory
    giving the same recogniser); the same spans."""
    if jobs == 1 or load is None:
        outcomes = _extract_task(recogniser, language, docs, guarded=report is not None)
    else:
        docs = list(docs)
        with make_engine(jobs, warm=load) as engine:
            task = _extract_task if report is not None else _extract_unguarded
            outcomes = list(engine.map(task, docs, state=load, shared=language, count=len(docs)))
    out = []
    for outcome in outcomes:
        if isinstance(outcome, NerDoc):
            out.append(outcome)
        else:
            report.fail(*outcome)
    return out


def _extract_task(recogniser: Recogniser, language: str | None, docs, guarded: bool = True) -> list:
    """A NerDoc per document, or (id, failure message) for one the recogniser fails on."""
    outcomes = []
    for doc in docs:
        if not guarded:
            outcomes.append(extract_doc(doc, recogniser, language))
            continue
        try:
            outcomes.append(extract_doc(doc, recogniser, language))
        except ToolkitError as exc:
            outcomes.append((doc.id, f"{doc.id}: {exc.message}; left out"))
        except Exception as exc:  # noqa: BLE001 - a recogniser bug must cost one document, not the run
            outcomes.append((doc.id, internal_error(doc.id, exc) + "; left out"))
    return outcomes


def _extract_unguarded(recogniser: Recogniser, language: str | None, docs) -> list:
    return _extract_task(recogniser, language, docs, guarded=False)


def read_text_file(path) -> NerDoc:
    """A file's whole text (UTF-8, NFC) as one document whose id is the file name."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NerInputError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise NerInputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", path=str(path)) from None
    return NerDoc(path.name, unicodedata.normalize("NFC", text))


def read_text_inputs(paths) -> list[NerDoc]:
    """Each .txt file named or under directories as one document; the first unreadable one raises."""
    return [read_text_file(path) for path in collect_files(paths, (".txt",))]


def read_jsonl_inputs(paths) -> list[NerDoc]:
    """Documents from JSON lines {"id", "text"}; a line without id gets FILE:LINE; entities are ignored."""
    return [doc for path in collect_files(paths, (".jsonl",))
            for doc in read_jsonl(path, need_entities=False, keep_entities=False)]


def _reader(input_format: str, report: Report):
    """(suffixes, read(path) -> documents) for `input_format`; a bad JSON line is one failure in `report`."""
    if input_format == "text":
        return (".txt",), lambda path: [read_text_file(path)]
    return (".jsonl",), lambda path: read_jsonl(path, need_entities=False, keep_entities=False,
                                                on_error=lambda message: report.fail(path, message))


def read_inputs(paths, input_format: str = "text", *, progress: Progress | None = None,
                follow_symlinks: bool = False) -> tuple[list[NerDoc], Report]:
    """The documents of every input file, on the batch runner (teikit.batch): a file that cannot
    be read is a failure in the report and costs that file only; the others are read."""
    if input_format not in INPUT_FORMATS:
        raise NerInputError(f"unknown input format {input_format!r} (choose from {', '.join(INPUT_FORMATS)})")
    suffixes = _reader(input_format, Report())[0]
    batch = Batch(paths, suffixes, progress=progress, follow_symlinks=follow_symlinks)
    read = _reader(input_format, batch.report)[1]  # a bad line is a failure in the batch's own report
    docs = [doc for docs_of_file in batch.run(read, label="reading") for doc in docs_of_file]
    return docs, batch.report
