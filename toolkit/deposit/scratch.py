"""Per-article state of one `deposit make` on disk, not in memory: memory flat in the number of articles.

    scratch = Scratch()                   # a private temporary SQLite database
    taken = scratch.name_set()            # a case-insensitive set of names (safenames' `taken`), on disk
    for rel, is_dir in sorted_tree(scratch, root, key): ...   # a tree's entries in `key` order, sorted on disk
    scratch.close()
    records = Records(scratch)            # str -> JSON value, on disk; items() in the keys' sorted order

Everything deposit make keeps per article or per file (the inputs and their
payload names, the source files and their sha256, the names given, a listing
of the bag to sort) goes into the Scratch, a private temporary SQLite database
(sqlite3.connect(""): SQLite makes its file in the system's temporary folder
and removes its name as it opens it, so a run killed at any moment leaves
nothing behind). `deposit verify` keeps its per-file state there too (the
manifests, the listing of the bag, the digests taken while unpacking, what
each TEI header records: verify.py). It keeps at most CACHE_KIB of pages in memory, and sorts
(ORDER BY) spill to temporary files past that: the rest is on disk.

Sort keys are bytes compared as SQLite compares BLOBs (memcmp), which for
names encoded as UTF-8 (surrogatepass, for names that are not UTF-8) is the
order Python gives the strings:
- path_key(parts): component by component, a folder's contents right after it
  (the order of sorted Path objects: inputfiles.collect_files);
- walk_key(parts): a folder's files (sorted) before its subfolders (sorted),
  each subfolder's contents in turn (os.walk with sorted lists: bagit's manifests);
- name_key(parts): the whole relative posix path as one string (the archives' order).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

CACHE_KIB = 4096  # pages SQLite keeps in memory; sorts spill to disk past about this much


def encode(name: str) -> bytes:
    return name.encode("utf-8", "surrogatepass")


def decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogatepass")


def path_blob(path) -> bytes:
    """A path as the scratch stores it (its bytes, os.fsencode: any name the system gives)."""
    return os.fsencode(path)


def blob_path(raw: bytes) -> Path:
    return Path(os.fsdecode(raw))


def path_key(parts) -> bytes:
    return b"\0".join(encode(part) for part in parts)


def walk_key(parts) -> bytes:
    """os.walk order: at each level a file (the last part) sorts before every folder."""
    *folders, last = parts
    return b"".join(b"1" + encode(part) + b"\0" for part in folders) + b"0" + encode(last) + b"\0"


def name_key(parts) -> bytes:
    return encode("/".join(parts))


class Scratch:
    def __init__(self):
        import sqlite3  # noqa: PLC0415 - only a command that packages loads it (the CLI's import stays light)

        self.db = sqlite3.connect("", isolation_level=None)  # "": private, on disk, removed as it is opened
        self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN")  # one transaction: nothing here needs to survive a crash
        self._tables = 0

    def table(self, columns: str, index: str | None = None) -> str:
        """A new table with `columns` (and an index on `index`); its name."""
        self._tables += 1
        name = f"t{self._tables}"
        self.db.execute(f"CREATE TABLE {name} ({columns})")
        if index:
            self.db.execute(f"CREATE INDEX {name}_i ON {name} ({index})")
        return name

    def name_set(self) -> "NameSet":
        return NameSet(self)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Scratch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class NameSet:
    """A set of strings on disk (`in`, `add`, `len`): what safenames._unique records names in."""

    def __init__(self, scratch: Scratch):
        self._db = scratch.db
        self._table = scratch.table("name BLOB PRIMARY KEY")
        self._count = 0

    def __contains__(self, name: str) -> bool:
        return self._db.execute(f"SELECT 1 FROM {self._table} WHERE name = ?", (encode(name),)).fetchone() is not None

    def add(self, name: str) -> None:
        self._count += self._db.execute(f"INSERT OR IGNORE INTO {self._table} VALUES (?)", (encode(name),)).rowcount

    def __len__(self) -> int:
        return self._count


class Records:
    """A mapping of strings to JSON values on disk (`records[key] = value`, `get`, `in`, `len`);
    `items()` in the order sorted() gives the keys, read back with a cursor. Tuples come back as lists."""

    def __init__(self, scratch: Scratch):
        self._db = scratch.db
        self._table = scratch.table("key BLOB PRIMARY KEY, value TEXT")

    def __setitem__(self, key: str, value) -> None:
        self._db.execute(f"INSERT OR REPLACE INTO {self._table} VALUES (?, ?)", (encode(key), json.dumps(value)))

    def get(self, key: str, default=None):
        row = self._db.execute(f"SELECT value FROM {self._table} WHERE key = ?", (encode(key),)).fetchone()
        return default if row is None else json.loads(row[0])

    def __contains__(self, key: str) -> bool:
        return self._db.execute(f"SELECT 1 FROM {self._table} WHERE key = ?", (encode(key),)).fetchone() is not None

    def __len__(self) -> int:
        return self._db.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]

    def items(self):
        for key, value in self._db.execute(f"SELECT key, value FROM {self._table} ORDER BY key"):
            yield decode(key), json.loads(value)

    def values(self):
        for _, value in self.items():
            yield value


def sorted_tree(scratch: Scratch, root, key, *, folders: bool = True):
    """(relative posix path, is_dir) of every entry below `root` (not `root` itself), in the order
    of `key(parts)` (parts: the relative path's components); folders left out unless `folders`.
    Folders are listed as they are read (os.scandir), never whole; links are listed, not entered."""
    table = scratch.table("key BLOB, rel BLOB, is_dir INTEGER")
    insert = f"INSERT INTO {table} VALUES (?, ?, ?)"
    stack = [()]
    while stack:
        parts = stack.pop()
        with os.scandir(os.path.join(root, *parts)) as entries:
            for entry in entries:
                is_dir = entry.is_dir(follow_symlinks=False)
                child = (*parts, entry.name)
                if is_dir:
                    stack.append(child)
                if folders or not is_dir:
                    scratch.db.execute(insert, (key(child), encode("/".join(child)), is_dir))
    for rel, is_dir in scratch.db.execute(f"SELECT rel, is_dir FROM {table} ORDER BY key"):
        yield rel.decode("utf-8", "surrogatepass"), bool(is_dir)
    scratch.db.execute(f"DELETE FROM {table}")
