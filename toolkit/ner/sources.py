"""Find annotated documents on disk: TEI files and JSON-lines files, named or under directories."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..batch import Batch, Progress, Report
from .jsonl import NerDoc, read_jsonl
from .limits import DEFAULT_LIMITS, NerLimits, check_tei_size
from .teiread import is_tei_path, read_tei

ANNOTATED_SUFFIXES = (".xml", ".tei", ".jsonl")


def read_annotated(path, limits: NerLimits = DEFAULT_LIMITS) -> list[NerDoc]:
    """The documents, with entities, of one TEI or JSON-lines file (a TEI file over
    limits.tei_bytes is refused before it is parsed)."""
    if is_tei_path(path):
        check_tei_size(path, limits)
        return [read_tei(path)]
    return read_jsonl(Path(path))


def load_annotated(paths, *, progress: Progress | None = None,
                   limits: NerLimits = DEFAULT_LIMITS) -> tuple[list[NerDoc], Report]:
    """Documents with entities from every TEI (.xml, .tei) and JSON-lines file in `paths`, in order,
    on the batch runner: every file that cannot be read is a failure in the report (all of them,
    not just the first); the caller decides whether what could be read is enough."""
    batch = Batch(paths, ANNOTATED_SUFFIXES, progress=progress)
    read = partial(read_annotated, limits=limits)
    return [doc for docs in batch.run(read, label="reading") for doc in docs], batch.report

