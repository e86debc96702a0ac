"""Find annotated documents on disk: TEI files and JSON-lines files, named or under directories."""

from __future__ import annotations

from pathlib import Path

from ..fsutil import collect_files
from .jsonl import NerDoc, read_jsonl
from .teiread import is_tei_path, read_tei

ANNOTATED_SUFFIXES = (".xml", ".tei", ".jsonl")


def load_annotated(paths) -> list[NerDoc]:
    """Documents with entities from every TEI (.xml, .tei) and JSON-lines file in `paths`, in order."""
    docs: list[NerDoc] = []
    for path in collect_files(paths, ANNOTATED_SUFFIXES):
        if is_tei_path(path):
            docs.append(read_tei(path))
        else:
            docs.extend(read_jsonl(Path(path)))
    return docs
