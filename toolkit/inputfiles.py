"""Which files under the paths a command is given are its inputs, and which of them clash.

`collect_files(paths, suffixes)`: the files named, and those with one of `suffixes` under the
folders named, in sorted order (deterministic batches), never a sidecar (NAME.meta.json) or a
corpus register's file, nor anything under the folders `exclude` names; `linked_inputs`: those
reached through a symbolic link (skipped unless asked: batch.Batch); `stem_clashes`: those whose
output name an earlier one has. A path named that does not exist, or is neither a file nor a
folder (a named pipe, a device), is a MissingInputError: a usage error.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import MissingInputError
from .fsutil import walk
from .names import SIDECAR_SUFFIX, is_register_file


def _below(path: Path, pruned: frozenset = frozenset()) -> list[Path]:
    """Every file and folder below `path` (what path.rglob("*") lists), sorted as rglob's are here;
    not the folders whose real paths are `pruned` (os.path.realpath: named through a link or not),
    nor what they hold."""
    below = []
    for folder, folders, files in walk(path):
        if pruned:
            folders[:] = [name for name in folders if os.path.realpath(os.path.join(folder, name)) not in pruned]
        below.extend(Path(folder, name) for name in (*folders, *files))
    return sorted(below)


def is_input_name(name: str, suffixes: tuple[str, ...]) -> bool:
    """Whether a file of this name found under an input folder is an input (collect_files): it has
    one of `suffixes` (in any case, as ingest.source_type reads them) and is not a sidecar."""
    name = name.lower()
    return name.endswith(suffixes) and not name.endswith(SIDECAR_SUFFIX)


def collect_files(paths, suffixes: tuple[str, ...], left_out: list | None = None, exclude=(), sidecar=None) -> list[Path]:
    """Files named directly, plus files with one of `suffixes` found under directories.

    Directories are walked in sorted order so batch output is deterministic;
    sidecar files such as NAME.meta.json, and a corpus register's files
    (register/persons.xml, orgs.xml, places.xml: names.is_register_file), are never
    taken for articles, nor is anything under the folders `exclude` names (a stage's
    own output folders inside its input folder: teikit.batch, "Own outputs"). The other
    files under the directories are appended to `left_out`, when given, except
    sidecars and hidden files and folders (a name starting with ".", such as
    .DS_Store or .teikit/). `sidecar`, when given, is called with each sidecar found under them.
    """
    found: list[Path] = []
    pruned = frozenset(os.path.realpath(folder) for folder in exclude)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in _below(path, pruned):
                # a link to nothing is listed, so that the batch says it skips it (Batch: a symbolic link)
                if not (child.is_file() or (child.is_symlink() and not child.exists())) or is_register_file(child):
                    continue
                if is_input_name(child.name, suffixes):
                    found.append(child)
                elif sidecar is not None and child.name.endswith(SIDECAR_SUFFIX):
                    sidecar(child)
                elif left_out is not None and not child.name.endswith(SIDECAR_SUFFIX) and not any(
                        part.startswith(".") for part in child.relative_to(path).parts):
                    left_out.append(child)
        elif path.is_file():
            found.append(path)
        elif os.path.lexists(path):  # a FIFO, a socket, a device, a link to nothing
            kind = _KINDS.get(stat.S_IFMT(path.stat().st_mode), "no regular file") if path.exists() else "a link to nothing"
            raise MissingInputError(f"not a file or folder teikit reads ({kind})", path=str(path))
        else:
            raise MissingInputError("no such file or directory", path=str(path))
    return found


_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def linked_inputs(paths, files) -> list[Path]:
    """The `files` (as collect_files found them under `paths`) reached through a symbolic link:
    the file itself is one, or a folder between the path named and the file is."""
    # only a folder can hold a file below it: files named directly are never looked through
    # (a build names thousands of TEI files: checking each against each would be quadratic)
    roots = [root for root in (Path(raw) for raw in paths) if root.is_dir()]
    linked = []
    for path in files:
        path = Path(path)
        if path.is_symlink():
            linked.append(path)
            continue
        root = next((r for r in roots if r in path.parents), None)
        if root is None:
            continue  # named directly, and no link itself
        real_root = Path(os.path.realpath(root))
        if Path(os.path.realpath(path)) != real_root / path.relative_to(root):
            linked.append(path)
    return linked


def stem_clashes(files, stem=lambda path: path.stem) -> dict[Path, Path]:
    """Files whose stem (`stem(path)`) an earlier file already has, each mapped to that earlier file.

    Outputs are named DIR/<stem>.<ext>, so such a file would overwrite the
    earlier one's output: callers report it instead of writing it."""
    first: dict[str, str] = {}  # (strings: a Path that has been used keeps four times the memory)
    clashes: dict[Path, Path] = {}
    for path in files:
        path = Path(path)
        if stem(path) in first:
            clashes[path] = Path(first[stem(path)])
        else:
            first[stem(path)] = os.fspath(path)
    return clashes
