"""File-system helpers shared by every stage: input discovery and atomic writes."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import MissingInputError


def collect_files(paths, suffixes: tuple[str, ...]) -> list[Path]:
    """Files named directly, plus files with one of `suffixes` found under directories.

    Directories are walked in sorted order so batch output is deterministic;
    sidecar files such as NAME.meta.json are never taken for articles.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.endswith(suffixes) and not child.name.endswith(".meta.json"):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            raise MissingInputError("no such file or directory", path=str(path))
    return found


def stem_clashes(files) -> dict[Path, Path]:
    """Files whose stem an earlier file already has, each mapped to that earlier file.

    Outputs are named DIR/<stem>.<ext>, so such a file would overwrite the
    earlier one's output: callers report it instead of writing it."""
    first: dict[str, Path] = {}
    clashes: dict[Path, Path] = {}
    for path in files:
        path = Path(path)
        if path.stem in first:
            clashes[path] = first[path.stem]
        else:
            first[path.stem] = path
    return clashes


@contextmanager
def atomic_path(path: Path):
    """A temporary file name beside `path`, for a writer that wants a name rather than
    a handle (a library that writes the file itself); the file becomes `path` only
    if the block completes, and is removed on any error. The one temp-and-rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(path: Path):
    """An open binary file that becomes `path` only if the block completes (atomic_path)."""
    with atomic_path(path) as tmp, open(tmp, "wb") as handle:
        yield handle


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    with atomic_writer(path) as handle:
        handle.write(data)
