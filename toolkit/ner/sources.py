"""Find annotated documents on disk: TEI files and JSON-lines files, named or under directories."""

from __future__ import annotations

from pathlib import Path

from ..batch import Batch, Progress, Report
from .jsonl import NerDoc, read_jsonl
from .teiread import is_tei_path, read_tei

ANNOTATED_SUFFIXES = (".xml", ".tei", ".jsonl")


def read_annotated(path) -> list[NerDoc]:
    """The documents, with entities, of one TEI or JSON-lines file."""
    return [read_tei(path)] if is_tei_path(path) else read_jsonl(Path(path))


def load_annotated(paths, *, progress: Progress | None = None) -> tuple[list[NerDoc], Report]:
    """Documents with entities from every TEI (.xml, .tei) and JSON-lines file in `paths`, in order,
    on the batch runner: every file that cannot be read is a failure in the report (all of them,
    not just the first); the caller decides whether what could be read is enough."""
    batch = Batch(paths, ANNOTATED_SUFFIXES, progress=progress)
    return [doc for docs in batch.run(read_annotated, label="reading") for doc in docs], batch.report

