"""Find annotated documents on disk: TEI files and JSON-lines files, named or under directories."""

from __future__ import annotations

from pathlib import Path

from ..batch import Batch, Progress, Report
from ..names import TEI_SUFFIXES
from .jsonl import NerDoc, read_jsonl
from .limits import DEFAULT_LIMITS, NerLimits, check_tei_size
from .teiread import is_tei_path, read_tei

ANNOTATED_SUFFIXES = (*TEI_SUFFIXES, ".jsonl")


def read_annotated(path, limits: NerLimits = DEFAULT_LIMITS, on_error=None) -> list[NerDoc]:
    """The documents, with entities, of one TEI or JSON-lines file (a TEI file over
    limits.tei_bytes is refused before it is parsed; `on_error`: see read_jsonl)."""
    if is_tei_path(path):
        check_tei_size(path, limits)
        return [read_tei(path)]
    return read_jsonl(Path(path), on_error=on_error)


def load_annotated(paths, *, progress: Progress | None = None,
                   limits: NerLimits = DEFAULT_LIMITS, follow_symlinks: bool = False) -> tuple[list[NerDoc], Report]:
    """Documents with entities from every TEI (.xml, .tei) and JSON-lines file in `paths`, in order,
    on the batch runner: every file that cannot be read, and every line of a JSON-lines file
    that is no document, is a failure in the report (all of them, not just the first); the
    caller decides whether what could be read is enough."""
    batch = Batch(paths, ANNOTATED_SUFFIXES, progress=progress, follow_symlinks=follow_symlinks)

    def read(path):  # a bad line of a JSON-lines file costs that document only
        return read_annotated(path, limits, on_error=lambda message: batch.report.fail(path, message))

    return [doc for docs in batch.run(read, label="reading") for doc in docs], batch.report

