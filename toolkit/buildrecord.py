"""Incremental builds: what a stage made from what, recorded beside its outputs by content hash.

Contract (docs/scale.md, "Incremental builds"):
- A stage writing into a folder keeps one record there, `<out>/.teikit-build.json`
  ({"teikit-build": 1, "stage": NAME, ...}), read when the stage starts and written
  when it ends. Each entry names one output: the key of everything it was made from
  (`digest`: the source's bytes, the options, the model, the data files, the schema,
  the stylesheets, teikit's code and version, as the stage composes them) and the
  sha256 of the bytes written. An output is made again unless its key is the one
  recorded *and* its bytes are still the ones recorded: file times are never read.
- The record is written last (atomically, fsutil.write_atomic): a run killed before
  that leaves the previous record, whose entries no longer match the outputs rewritten
  since (their sha256 differs), so those are made again and the others are still true.
- A record that cannot be read (damaged, of another stage or version) counts as none:
  everything is made again, with one warning (`Record.warning`); a missing record is
  a first build. `force` ignores the record (a fresh one is written), but for what earlier runs
  wrote and this one neither makes nor drops, whose entries are carried over (an output no source
  makes any more is still known as teikit's, so that it can be removed as written); a tabled
  record's caller reads what it needs before `forget` (render.siterecord).
- Fields too large to hold for every output at once (a site's per-article records, ~10 KB
  each) are kept out of the record, by content, in a store beside it (`<out>/.teikit-build.sqlite`,
  SQLite; `Record(..., blobs=FIELDS)`): such an entry field holds the digest of its text
  (`Record.keep`), read back one at a time (`Record.blob`). Texts are added in transactions
  and removed only once the record that no longer names them is written (`save`), so a run
  killed at any point leaves every text the record on disk names; a store that cannot be
  read counts as no record (one warning, everything made again), a text it lacks makes its
  output again.
- A record too large to hold at once (a site of many articles and more corpus pages:
  `Record(..., tabled=True)`) keeps its entries in that store too, in a table (name -> entry
  as JSON), read and changed one at a time (`entries` is then a mapping over the table);
  `<out>/.teikit-build.json` then names the store ({"entries": ".teikit-build.sqlite"}).
  Every change of a run (entries, texts added, texts no entry names removed) is one
  transaction of the store, committed by `save`: a run killed at any point leaves the
  previous record whole, as the atomic rename does for a record in the JSON file. A
  record in the JSON file (an earlier teikit's) is taken into the table when the table is
  empty; the table is the record from then on.
- The digests of teikit's own files (`code_digest`: its version, Python code and data
  files; `folder_digest` of the stylesheets and the schema) are computed once per
  process; a model folder's is computed at each call (it may be retrained meanwhile).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .fsutil import cannot_write, write_atomic
from .recordstore import STORE, Blobs, TableEntries

RECORD = ".teikit-build.json"
FILES = (RECORD, STORE)  # the files of a record in its folder
FORMAT_KEY = "teikit-build"
FORMAT_VERSION = 1
_CHUNK = 1 << 20


def digest(*parts) -> str:
    """sha256 of `parts` in order: bytes as they are, anything else as its JSON (sorted keys).
    Each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, ensure_ascii=False,
                                                               default=str).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def data_sha(data: bytes) -> str:
    """sha256 of bytes, as file_sha gives it for a file holding them."""
    return hashlib.sha256(data).hexdigest()


def file_sha(path) -> str | None:
    """sha256 of the file's bytes; None when it is missing or cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def folder_digest(folder, suffixes: tuple[str, ...] | None = None, *, hidden: bool = False) -> str:
    """One digest of every file under `folder` (optionally only those ending in `suffixes`):
    their paths relative to it and their bytes, in sorted order; caches and hidden files left out
    unless `hidden` (a package: whatever it holds; of a folder without them, the same digest)."""
    folder = Path(folder)
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            left_out = not hidden and ("__pycache__" in rel.parts or any(p.startswith(".") for p in rel.parts))
            if not path.is_file() or left_out or (suffixes is not None and not path.name.endswith(suffixes)):
                continue
            h.update(digest(rel.as_posix(), file_sha(path)).encode("ascii"))
    return h.hexdigest()


@lru_cache(maxsize=None)
def _own_files_digest() -> str:
    from .resources import gazetteer_dir, html_data_dir, language_dir, package_dir

    return digest(folder_digest(package_dir(), (".py",)), folder_digest(gazetteer_dir()), folder_digest(language_dir()),
                  folder_digest(html_data_dir()))


def code_digest() -> str:
    """teikit itself: its version, its Python code and the data files it reads (gazetteers, languages)."""
    from . import __version__

    return digest(__version__, _own_files_digest())


@lru_cache(maxsize=None)
def _cached_folder(folder: str) -> str:
    return folder_digest(folder)


def stylesheets_digest(folder=None) -> str:
    """The edition and site stylesheets and their assets (`folder`, by default resources.xslt_dir())."""
    from .resources import xslt_dir

    return _cached_folder(str(folder or xslt_dir()))


def schema_digest() -> str:
    """The project schema (resources.schema_dir(), which TEIKIT_SCHEMA_DIR may name)."""
    from .resources import schema_dir

    return _cached_folder(str(schema_dir()))


def forget_digests() -> None:
    """Compute teikit's own digests again at their next use (a process that outlives a change to
    the stylesheets, the schema or the code, as a test does)."""
    _own_files_digest.cache_clear()
    _cached_folder.cache_clear()


def model_digest(model_dir) -> str | None:
    """A model folder's files (None: rules only); read again at each call."""
    return folder_digest(model_dir) if model_dir else None


class Record:
    """One stage's record in `folder` (see the module contract). `entries` maps an output's
    name to its entry (a dict holding at least "key" and "sha256"); `data` holds the stage's
    other fields; `warning` is the one line said when an existing record could not be read
    (under --force none is said: `read_warning` keeps it, and `before(name)` an entry as read).
    `blobs`: the entry fields that hold the digest of a text kept in the store (keep, blob)."""

    def __init__(self, folder, stage: str, *, force: bool = False, blobs: tuple[str, ...] = (),
                 tabled: bool = False):
        self.path = Path(folder) / RECORD
        self.stage = stage
        self.warning: str | None = None
        self.read_warning: str | None = None  # the record as read could not be: why (said or not)
        self.data: dict = {}
        self._read: bytes | None = None  # the record as read (not written again when nothing changed)
        self._fields = blobs
        self.store = Blobs(Path(folder) / STORE) if blobs or tabled else None
        self.tabled = tabled
        self.entries: dict[str, dict] | TableEntries = TableEntries(self.store) if tabled else {}
        self._before: dict[str, dict] = {}  # force: the entries read, carried over for what this run does not make
        self._dropped: set[str] = set()
        if not force:
            self._load()
            self.read_warning = self.warning
        elif not tabled:  # what earlier runs wrote stays known: an output no source makes any more is still theirs
            self._load()
            self._before, self.read_warning, self.warning = dict(self.entries), self.warning, None
            self.forget()
        if self.store is not None and self.store.warning and self.warning is None:
            self.warning = self.store.warning
            self.forget()  # its entries' texts are unknown: none is trusted
        if force and tabled:
            self.entries.clear()

    def before(self, name: str) -> dict | None:
        """The entry `name` had in the record as read, --force or not (None: none, or not readable)."""
        return self._before.get(name) if name in self._before else self.entries.get(name)

    def forget(self) -> None:
        """Every entry and field forgotten, as --force starts (a caller that reads the record first)."""
        self.data, self._read = {}, None
        if self.tabled:
            self.entries.clear()
        else:
            self.entries = {}

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.warning = self._unreadable(exc.strerror or str(exc))
            self.forget()
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION:
                raise ValueError(f"not a version-{FORMAT_VERSION} build record")
            if data.get("stage") != self.stage:
                raise ValueError(f"the record of another stage ({data.get('stage')!r}, not {self.stage!r})")
            entries = data.get("entries")
            if not (self.tabled and entries == STORE) and (not isinstance(entries, dict) or not all(
                    isinstance(e, dict) and isinstance(e.get("key"), str) for e in entries.values())):
                raise ValueError("its entries are not a table of keys")
        except (UnicodeDecodeError, ValueError) as exc:
            self.warning = self._unreadable(str(exc))
            self.forget()
            return
        self._read = raw
        self.data = {k: v for k, v in data.items() if k not in (FORMAT_KEY, "stage", "entries")}
        if not self.tabled:
            self.entries = entries
        elif isinstance(entries, dict) and not len(self.entries):  # an earlier teikit's record, into the table
            for name, entry in entries.items():
                self.entries[name] = entry

    def _unreadable(self, why: str) -> str:
        return f"{self.path}: the build record cannot be read ({why}); everything is made again"

    def fresh(self, name: str, key: str, output: Path) -> dict | None:
        """The entry of `name` when it was made from `key` and `output` still holds the bytes
        written then; None when it must be made again."""
        entry = self.entries.get(name)
        if entry is None or entry.get("key") != key or entry.get("sha256") is None:
            return None
        return entry if file_sha(output) == entry["sha256"] else None

    def edited(self, name: str, output: Path) -> bool:
        """Whether `output` was written by a run (its entry's sha256) and has changed since."""
        entry = self.entries.get(name)
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        return sha is not None and Path(output).is_file() and file_sha(output) != sha

    def put(self, name: str, key: str, sha256: str | None, **fields) -> None:
        self.entries[name] = {"key": key, "sha256": sha256, **fields}

    def drop(self, name: str) -> None:
        self.entries.pop(name, None)
        self._dropped.add(name)

    def keep(self, text: str) -> str:
        """Keep `text` in the store (a record made with `blobs`); the digest an entry field names it by."""
        return self.store.put(text)

    def blob(self, sha: object) -> str | None:
        """The text kept as `sha` (Record.keep); None when the store lacks it (or cannot read it)."""
        return self.store.get(sha) if self.store is not None and isinstance(sha, str) else None

    def has_blob(self, sha: object) -> bool:
        return self.store is not None and isinstance(sha, str) and self.store.has(sha)

    def save(self, report=None) -> None:
        """Write the record (atomically); the caller does it after its outputs. One that cannot be
        written (a full disk) is a warning in `report` (batch.Report): the outputs are whole, and the
        record there, if any, still tells the next run only what is true (its entries are checked
        against the bytes)."""
        if self.tabled:
            self.store.keep_named(self._fields)  # in the run's transaction, committed with its entries
        if self.store is not None and not self.store.commit() and report is not None:
            report.warn(self.store.failure)  # the entries whose texts it lacks are made again next time
        for name, entry in self._before.items():  # --force: an output this run neither made nor removed
            if name not in self._dropped:
                self.entries.setdefault(name, entry)
        body = {FORMAT_KEY: FORMAT_VERSION, "stage": self.stage, **self.data,
                "entries": STORE if self.tabled else self.entries}
        data = (json.dumps(body, ensure_ascii=True, sort_keys=True) + "\n").encode("ascii")
        if data != self._read:
            try:
                write_atomic(self.path, data)
            except OSError as exc:
                if report is None:
                    raise
                report.warn(f"{self.path}: cannot write: {cannot_write(exc, self.path)} (the build record: the next "
                            "run makes again what it cannot tell is unchanged)")
                return  # the old record stands: the store keeps every text it names
            self._read = data
        if self.store is not None and not self.tabled:  # the record written names only these texts: the others go
            self.store.keep_only({entry.get(field) for entry in self.entries.values() if isinstance(entry, dict)
                                  for field in self._fields})
