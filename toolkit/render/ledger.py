"""What one site build tracks of its articles and corpus pages (render.siterecord's contract:
memory does not grow with the site), in a private temporary SQLite database.

Contract: `Ledger` holds, per article (by stem), its site record's digest, its TEI path, its page's
key and whether it was given, held, deferred or reused (table art); the site records of the last
run (prev); the register entries an article that changed names (affected); the corpus pages this
build made or kept (seen); the pages earlier runs wrote, with their sha256 (wrote); the TEI
copies earlier runs wrote (copies). Rows are read a block at a time; the file is deleted when closed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..recordstore import in_blocks


class Ledger:
    """What one site build tracks of each article and each corpus page (module contract), in a
    private temporary SQLite database deleted when it is closed (or its process ends)."""

    def __init__(self):
        self.db = sqlite3.connect("")  # SQLite's private temporary file: its pages leave memory as it grows
        self.db.executescript("""PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE prev (stem TEXT PRIMARY KEY, site TEXT);
            CREATE TABLE art (stem TEXT PRIMARY KEY, site TEXT, path TEXT, key TEXT, given INTEGER DEFAULT 0,
                              held INTEGER DEFAULT 0, deferred INTEGER DEFAULT 0, reused INTEGER DEFAULT 0);
            CREATE TABLE affected (id TEXT PRIMARY KEY);
            CREATE TABLE seen (rel TEXT PRIMARY KEY);
            CREATE TABLE wrote (rel TEXT PRIMARY KEY, sha TEXT);
            CREATE TABLE copies (stem TEXT PRIMARY KEY, sha TEXT);""")

    def close(self) -> None:
        self.db.close()

    def set(self, stem: str, **fields) -> None:
        """The article `stem`'s fields (art's columns) set, the row made if new."""
        names = ", ".join(fields)
        updates = ", ".join(f"{name} = excluded.{name}" for name in fields)
        self.db.execute(f"INSERT INTO art (stem, {names}) VALUES (?{', ?' * len(fields)}) "
                        f"ON CONFLICT (stem) DO UPDATE SET {updates}", (stem, *fields.values()))

    def get(self, stem: str, field: str):
        row = self.db.execute(f"SELECT {field} FROM art WHERE stem = ?", (stem,)).fetchone()
        return row[0] if row else None

    def rows(self, fields: str, where: str = "1", parameters: tuple = ()):
        """The articles' `fields` where `where`, in stem order, a block at a time (rows may change meanwhile)."""
        return in_blocks(lambda last: self.db.execute(
            f"SELECT stem, {fields} FROM art WHERE stem > ? AND ({where}) ORDER BY stem LIMIT 1000",
            (last, *parameters)).fetchall())

    def count(self, where: str = "1") -> int:
        return self.db.execute(f"SELECT count(*) FROM art WHERE {where}").fetchone()[0]

    def drop(self, stem: str) -> None:
        self.db.execute("DELETE FROM art WHERE stem = ?", (stem,))

    def pages_on_disk(self, out_dir: Path):
        """The pages of the articles held that are on disk (OUT/<stem>.html), one at a time."""
        return (page for page in (out_dir / f"{stem}.html" for stem, _ in self.rows("path", "held = 1")) if page.is_file())

    def see(self, rel: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (rel,))

    def seen(self, rel: str) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE rel = ?", (rel,)).fetchone() is not None
