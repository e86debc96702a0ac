"""Annotated documents and the JSON-lines format they travel in.

One line per document: {"id", "text", "entities": [[start, end, label], ...]},
offsets are character offsets into "text" (after NFC). Lines are written with
sorted keys and ensure_ascii=False so the same documents give the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, NerInputError
from ..fsutil import write_atomic
from ..jsonsafe import bad_character, loads
from ..recognise.labels import normalise_label
from .spans import Span, sort_spans
from .textnorm import nfc_with_offsets


@dataclass(frozen=True)
class NerDoc:
    id: str
    text: str
    entities: tuple[Span, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        record = {"id": self.id, "text": self.text, "entities": [list(e) for e in self.entities]}
        return json.dumps(record, ensure_ascii=False, sort_keys=True)


# Where annotation tools put the spans: spaCy/teikit "entities", doccano "label",
# Prodigy "spans" (objects with start, end, label).
ENTITY_KEYS = ("entities", "label", "spans")


def _as_triple(item):
    """(start, end, label) from [start, end, label, ...] or {"start", "end", "label"}."""
    if isinstance(item, dict):
        item = (item.get("start"), item.get("end"), item.get("label"))
    if not isinstance(item, (list, tuple)) or len(item) < 3:
        return None
    start, end, label = item[0], item[1], item[2]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return None
    return start, end, label


def doc_from_record(record, *, where: str, default_id: str, need_entities: bool) -> NerDoc:
    """A NerDoc from one decoded JSON line: labels mapped, unknown labels dropped, text in NFC."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise NerInputError(f"{where}: expected an object with a string \"text\"")
    raw_entities = next((record[key] for key in ENTITY_KEYS if record.get(key) is not None), None)
    if raw_entities is None:
        if need_entities:
            raise NerInputError(f"{where}: no \"entities\" list")
        raw_entities = []
    if not isinstance(raw_entities, list):
        raise NerInputError(f"{where}: \"entities\" must be a list")
    text = record["text"]
    spans: list[Span] = []
    for item in raw_entities:
        triple = _as_triple(item)
        if triple is None:
            raise NerInputError(f"{where}: entity {item!r} is not [start, end, label]")
        start, end, raw_label = triple
        if not 0 <= start < end <= len(text):
            raise NerInputError(f"{where}: entity {list(triple)!r} is outside the text (length {len(text)})")
        label = normalise_label(raw_label)
        if label is not None:
            spans.append((start, end, label))
    try:
        text, spans = nfc_with_offsets(text, spans)
    except ValueError as exc:
        raise NerInputError(f"{where}: {exc}") from None
    doc_id = record.get("id", default_id)
    return NerDoc(str(doc_id), text, tuple(sort_spans(spans)))


def _checked(doc: NerDoc, where: str) -> NerDoc:
    """`doc`, unless its id or text holds what no output could be written with (a lone surrogate)."""
    for name, value in (("id", doc.id), ("text", doc.text)):
        problem = bad_character(value, controls=False)
        if problem:
            raise NerInputError(f"{where}: {name!r} holds {problem}")
    return doc


def read_jsonl(path, *, need_entities: bool = True, keep_entities: bool = True, on_error=None) -> list[NerDoc]:
    """Every document in a JSON-lines file; blank lines are skipped; a line's id defaults to FILE:LINE.

    keep_entities=False reads only id and text (input to tag: any spans in it are ignored).
    Each line is parsed by jsonsafe.loads (bounded depth and numbers). A bad line raises
    NerInputError, or, given `on_error`, is passed to it as one message ("FILE: line N: problem")
    and skipped: one bad document costs itself only."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise NerInputError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None
    except OSError as exc:
        raise NerInputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", path=str(path)) from None
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            try:
                record = loads(line)
            except InputError as exc:
                raise NerInputError(f"line {number}: {exc.message}") from None
            if not keep_entities and isinstance(record, dict):
                record = {key: value for key, value in record.items() if key not in ENTITY_KEYS}
            docs.append(_checked(doc_from_record(record, where=f"line {number}", default_id=f"{path.name}:{number}",
                                                 need_entities=need_entities), f"line {number}"))
        except NerInputError as exc:
            error = NerInputError(exc.message, path=str(path))
            if on_error is None:
                raise error from None
            on_error(str(error))
    return docs


def write_jsonl(path, docs) -> None:
    """All documents, one line each, written atomically."""
    data = "".join(doc.to_json() + "\n" for doc in docs)
    write_atomic(Path(path), data.encode("utf-8"))
