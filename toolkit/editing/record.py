"""What teikit wrote into an output folder: one record per TEI file, in DIR/.teikit/.

Contract: `DIR/.teikit/<stem>.json` records, for `DIR/<stem>.xml`, the sha256
of the bytes teikit last wrote there, the machine markup it wrote (each inline
element as [start, end, tag, {attributes}], offsets into the article text),
the names an editor removed (kept across merges, so a removed name is not
marked again), and whether the file holds an editor's markup (true after a
merge). The TEI itself is left exactly as the encoder makes it.

A record of version 1 (`Record.legacy`) was written when the offsets were read from
the article's top-level blocks only: for a file with blocks inside sections, lists,
quotes or tables its markup's places are not to be trusted (editing.merge reads it so).

`inspect(target, fresh)` says what is at a target before convert writes it:
nothing, teikit's own unedited output, or an edited file. A file is edited
when its bytes are neither the ones recorded nor the bytes about to be written,
or when the record says it holds an editor's markup.

`note_merged` records an edited file a merge found nothing to change in, as a
merge's output is recorded, without writing the file.

The record is written before the TEI, and keeps the previous sha256 as also
teikit's until the next write: a run killed between the two renames leaves a
file that still counts as teikit's, never a false "edited".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EditingError, NotWellFormedError, UnsafeXMLError
from ..fsutil import write_atomic
from ..xmlsafe import parse_bytes

RECORD_DIR = ".teikit"
FORMAT = "teikit-record"
VERSION = 2
LEGACY_VERSION = 1  # read, as `legacy` (see the docstring); never written

ABSENT, MACHINE, EDITED = "absent", "machine", "edited"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_path(target: Path) -> Path:
    target = Path(target)
    return target.parent / RECORD_DIR / f"{target.stem}.json"


@dataclass
class Record:
    sha256: str
    markup: list = field(default_factory=list)    # [start, end, tag, {attrs}] of the machine markup written
    removed: list = field(default_factory=list)   # [start, end, tag, surface] of names an editor removed
    edited: bool = False                          # the file holds an editor's markup (a merge's output)
    previous: str | None = None                   # the sha256 written before this one (see the docstring)
    legacy: bool = False                          # read from a version 1 record (see the docstring)

    def machine_keys(self) -> set[tuple]:
        return {(s, e, tag, tuple(sorted(attrs.items()))) for s, e, tag, attrs in self.markup}

    def to_json(self, name: str) -> bytes:
        data = {"format": FORMAT, "version": VERSION, "file": name, "sha256": self.sha256,
                "previous": self.previous, "edited": self.edited, "removed": self.removed,
                "markup": self.markup}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def load(target: Path) -> Record | None:
    """The record of `target`, or None when there is none. A damaged record counts as none
    (the file is then judged by its bytes alone, which can only keep more files)."""
    path = record_path(target)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") not in (VERSION, LEGACY_VERSION):
            return None
        return Record(sha256=str(data["sha256"]), markup=list(data.get("markup") or []),
                      removed=list(data.get("removed") or []), edited=bool(data.get("edited")),
                      previous=data.get("previous"), legacy=data.get("version") == LEGACY_VERSION)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):  # RecursionError: nested too deep
        return None


def save(target: Path, record: Record) -> None:
    _write(record_path(target), record.to_json(Path(target).name), target)


def _write(path: Path, data: bytes, target: Path) -> None:
    """write_atomic, a failure said as an EditingError naming `target` (not an internal error)."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise EditingError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None


@dataclass
class Existing:
    """What is at a target path before it is written."""

    path: Path
    state: str                  # ABSENT, MACHINE or EDITED
    data: bytes = b""
    record: Record | None = None

    @property
    def edited(self) -> bool:
        return self.state == EDITED

    def tree(self):
        """The file parsed; EditingError when it is not well-formed (it is kept as it is)."""
        try:
            return parse_bytes(self.data, path=str(self.path))
        except (NotWellFormedError, UnsafeXMLError) as exc:
            raise EditingError(f"{exc.message}; the file was edited and is kept as it is: correct it, "
                               "or convert with --overwrite to replace it", path=str(self.path)) from None


def inspect(target: Path, fresh: bytes) -> Existing:
    target = Path(target)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return Existing(target, ABSENT)
    except OSError as exc:
        raise EditingError(f"cannot read the existing file: {exc.strerror}; nothing written", path=str(target)) from None
    record = load(target)
    digest = sha256(data)
    if record is not None:
        ours = digest in (record.sha256, record.previous) and not (record.edited and digest == record.sha256)
        ours = ours or (data == fresh and not record.edited)  # writing the same bytes again loses nothing
        return Existing(target, MACHINE if ours else EDITED, data, record)
    return Existing(target, MACHINE if data == fresh else EDITED, data, None)


def write(target: Path, data: bytes, markup: list, *, removed=(), edited: bool = False,
          before: Existing | None = None) -> None:
    """Write the TEI `data` to `target` and record it (the record first, see the docstring)."""
    digest = sha256(data)
    previous = sha256(before.data) if before is not None and before.state == MACHINE else None
    save(target, Record(digest, markup, list(removed), edited, previous if previous != digest else None))
    _write(target, data, target)


def note_merged(existing: Existing, markup: list, removed) -> None:
    """The record of an edited file a merge found nothing to change in (the file is not written):
    its own bytes, the machine markup in it and the names removed, as a merge's output is recorded;
    nothing written when the record says so already."""
    record = Record(sha256(existing.data), list(markup), list(removed), True)
    name = Path(existing.path).name
    if existing.record is None or existing.record.to_json(name) != record.to_json(name):
        save(existing.path, record)
