"""A build record's store: `<out>/.teikit-build.sqlite`, beside `.teikit-build.json` (teikit.buildrecord,
whose contract says what is kept here and when it is durable).

- `Blobs`: texts by content (the sha256 of their UTF-8) in table `blobs`, and the file itself:
  opened when it exists, made at the first change (its folder exists by then), one that cannot
  be read set aside with one warning, one that cannot be written saying so once. Every change
  of a run is in one transaction, made durable by `commit` (a kill before it: the store as the
  last run left it).
- `TableEntries`: a tabled record's entries, table `entries` (name -> entry as JSON), a mapping
  read and changed one entry at a time; listing goes a block of names at a time, so entries may
  be changed meanwhile and no listing holds them all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import MutableMapping
from pathlib import Path

STORE = ".teikit-build.sqlite"  # the record's store, beside it
STORE_VERSION = 1
_ENTRIES = "CREATE TABLE IF NOT EXISTS entries (name TEXT PRIMARY KEY, entry TEXT NOT NULL)"  # a tabled record's


def in_blocks(fetch, size: int = 1000):
    """The rows of a query in blocks of `size`, by key: fetch(last) gives the (at most `size`)
    rows whose first column, the key, comes after `last` ("" at first), in key order. Rows may be
    added or removed between blocks; no more than a block is held."""
    last = ""
    while True:
        rows = fetch(last)
        yield from rows
        if len(rows) < size:
            return
        last = rows[-1][0]


def _field(field: str) -> str:
    """SQL for an entry's `field` (a name teikit gives), NULL for a row that is not JSON (read as absent)."""
    return f"CASE WHEN json_valid(entry) THEN json_extract(entry, '$.{field}') END"


class TableEntries(MutableMapping):
    """A tabled record's entries (module contract): the `entries` table of its store, name -> entry
    (a dict, as JSON), one read or written at a time in the store's open transaction. A row that
    is not an entry (a store edited by hand) reads as absent. Iterating lists names a block at a
    time (in name order), so entries may be changed meanwhile."""

    _BLOCK = 1000

    def __init__(self, store: "Blobs"):
        self.store = store

    def __getitem__(self, name: str) -> dict:
        row = self.store.row("SELECT entry FROM entries WHERE name = ?", (name,))
        try:
            entry = json.loads(row[0]) if row else None
        except ValueError:
            entry = None
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise KeyError(name)
        return entry

    def __setitem__(self, name: str, entry: dict) -> None:
        text = json.dumps(entry, ensure_ascii=True, sort_keys=True)
        if self.store.row("SELECT 1 FROM entries WHERE name = ? AND entry = ?", (name, text)) is None:
            # an entry put again as it was is not written: a build that changed nothing leaves the store's bytes
            self.store.change("INSERT OR REPLACE INTO entries VALUES (?, ?)", (name, text))

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.store.change("DELETE FROM entries WHERE name = ?", (name,))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.store.row("SELECT 1 FROM entries WHERE name = ?", (name,)) is not None

    def __iter__(self):
        return self._from("")

    def __len__(self) -> int:
        row = self.store.row("SELECT count(*) FROM entries", ())
        return row[0] if row else 0

    def clear(self) -> None:
        if self.store.db is not None:  # (no store yet: nothing to clear, and none made for it)
            self.store.change("DELETE FROM entries", ())

    def named(self, prefix: str):
        """(name, entry) of the entries whose name starts with `prefix`, a block at a time."""
        for name in self._from(prefix):
            if not name.startswith(prefix):
                return
            entry = self.get(name)
            if entry is not None:
                yield name, entry

    def values_of(self, field: str):
        """(name, entry[field]) of every entry whose `field` is set, a block at a time (in name order)."""
        rows = in_blocks(lambda last: self.store.rows(f"SELECT name, {_field(field)} FROM entries WHERE name > ? "
                                                     "ORDER BY name LIMIT ?", (last, self._BLOCK)), self._BLOCK)
        return ((name, value) for name, value in rows if value is not None)

    def _from(self, first: str):
        """The names from `first` on, in name order."""
        rows = in_blocks(lambda last: self.store.rows("SELECT name FROM entries WHERE name >= ? AND name > ? "
                                                      "ORDER BY name LIMIT ?", (first, last, self._BLOCK)), self._BLOCK)
        return (name for (name,) in rows)


class Blobs:
    """Texts by content (sha256 of their UTF-8) in an SQLite file: Record's store (module contract).
    One that cannot be opened or read is set aside (`warning`) and made anew; one that cannot be
    written says so once (`failure`) and keeps what it held."""

    def __init__(self, path: Path):
        self.path = path
        self.warning: str | None = None
        self.failure: str | None = None
        self.db: sqlite3.Connection | None = None
        try:
            if self.path.is_file() and self.path.stat().st_size > 0:  # an empty file: killed as it was made
                self._open(exists=True)
        except (OSError, sqlite3.Error) as exc:
            self._close()
            self.warning = f"{self.path}: the build record's store cannot be read ({exc}); everything is made again"
            try:
                for path in (self.path, self.path.with_name(self.path.name + "-journal")):
                    path.unlink(missing_ok=True)
            except OSError as again:
                self._fail(again)

    def _open(self, exists: bool) -> None:
        self.db = sqlite3.connect(self.path, isolation_level="DEFERRED")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if exists and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            exists = False  # its making rolled back (a run killed as it made it)
        if exists:
            row = self.db.execute("SELECT version FROM meta").fetchone()
            if row is None or row[0] != STORE_VERSION:
                raise sqlite3.DatabaseError(f"not a version-{STORE_VERSION} store")
            self.db.executescript(f"BEGIN; {_ENTRIES}; COMMIT;")  # a store an earlier teikit made has none
        else:
            self.db.executescript(f"""BEGIN; CREATE TABLE IF NOT EXISTS meta (version INTEGER);
                INSERT INTO meta SELECT {STORE_VERSION} WHERE NOT EXISTS (SELECT 1 FROM meta);
                CREATE TABLE IF NOT EXISTS blobs (sha TEXT PRIMARY KEY, text TEXT NOT NULL); {_ENTRIES}; COMMIT;""")

    def _close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None

    def _fail(self, exc) -> None:
        if self.failure is None:
            self.failure = (f"{self.path}: cannot write the build record's store ({exc}); the next run makes again "
                            "what it lacks")

    def put(self, text: str) -> str:
        sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self.change("INSERT OR IGNORE INTO blobs VALUES (?, ?)", (sha, text))
        return sha

    def change(self, sql: str, parameters: tuple) -> None:
        """One change in the run's transaction (the store made at the first: its folder exists by
        then); after a failure (`_fail`) none is made."""
        if self.db is None and self.failure is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._open(exists=False)
            except (OSError, sqlite3.Error) as exc:
                self._close()
                self._fail(exc)
        if self.db is not None and self.failure is None:
            try:
                self.db.execute(sql, parameters)
            except sqlite3.Error as exc:
                self._fail(exc)

    def row(self, sql: str, parameters: tuple):
        """The first row of a query (None: none, no store, or it cannot be read)."""
        try:
            return self.db.execute(sql, parameters).fetchone() if self.db else None
        except sqlite3.Error:
            return None

    def rows(self, sql: str, parameters: tuple) -> list:
        try:
            return self.db.execute(sql, parameters).fetchall() if self.db else []
        except sqlite3.Error:
            return []

    def keep_named(self, fields: tuple[str, ...]) -> None:
        """A tabled record's save: remove every text no entry names in `fields`, in the run's transaction."""
        if self.db is None:  # no store: nothing to remove, and none made for it
            return
        named = " UNION ".join(f"SELECT {_field(field)} AS sha FROM entries WHERE sha IS NOT NULL"
                               for field in fields) or "SELECT '' WHERE 0"  # (NOT IN a list holding NULL is never true)
        self.change(f"DELETE FROM blobs WHERE sha NOT IN ({named})", ())

    def get(self, sha: str) -> str | None:
        row = self.row("SELECT text FROM blobs WHERE sha = ?", (sha,))
        return row[0] if row else None

    def has(self, sha: str) -> bool:
        return self.row("SELECT 1 FROM blobs WHERE sha = ?", (sha,)) is not None

    def commit(self) -> bool:
        """The run's changes made durable, all of them or none: after a change that failed
        (`failure`), or a commit that does, the run's changes are rolled back, and the store
        stays as the last run left it (False)."""
        if self.db is not None:
            try:
                if self.failure is None:
                    self._commit()
            except sqlite3.Error as exc:
                self._fail(exc)
            if self.failure is not None:
                try:
                    self.db.rollback()
                except sqlite3.Error:
                    pass
        return self.failure is None

    def _commit(self) -> None:
        self.db.commit()

    def keep_only(self, shas: set) -> None:
        """Remove every text but `shas` (one transaction: a kill leaves all or none removed)."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS live (sha TEXT PRIMARY KEY)")
                self.db.execute("DELETE FROM live")
                self.db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((s,) for s in shas if isinstance(s, str)))
                self.db.execute("DELETE FROM blobs WHERE sha NOT IN (SELECT sha FROM live)")
                self.db.execute("DELETE FROM live")
        except sqlite3.Error:
            pass  # the texts no entry names stay until a later run removes them
