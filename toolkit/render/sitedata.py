"""The corpus site's data, streamed: one record per document into SQLite (a temporary file),
read back page by page, so that building a site holds one document in memory, never the corpus.

A record is what xslt/site/data.xsl makes of a document (its title, date, authors, source
site, the register entries it mentions with their variants and authority ids, every name
mention and every dated mention, each with its context). `SiteData.add` stores it;
the page queries return small XML documents (`*_xml`, text) that xslt/site/corpus.xsl
turns into pages. Names are ordered by teikit.collation.sort_key (the one collation),
articles newest first (undated last), then by title.

With the corpus register (`use_register`), an entry's name, variants and authority ids
are the register's (docs/site.md, "Registers and the date register").

Contract: the store belongs to one build; `close()` removes its file (also on error, as
a context manager). Records of the same stem replace each other.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass

from lxml import etree

from ..errors import ToolkitError
from ..fsutil import ScratchDir
from ..register import Register, register_digest, registers_beside
from .pagedata import attrs as _attrs, pages as _pages, site_language, window as _window
from .sitedates import DateRegister
from .siteids import record_ids
from ..collation import ALPHABET, LETTERS, OTHER, letter, letter_slug, sort_key

ENTITY_TYPES = ("person", "org", "place")
REGISTER_STEM = ""  # the stem the corpus register's variants and idnos are stored under (no article has it)
# The jump bar always shows the letters of the Vietnamese alphabet (as text without entries);
# F J W Z and "#" only when some name starts with them.
_JUMP_ALWAYS = frozenset(ALPHABET)

_SCHEMA = """
CREATE TABLE articles (stem TEXT PRIMARY KEY, title TEXT, title_key TEXT, date TEXT, datetime TEXT,
                       label TEXT, authors TEXT, site TEXT, lang TEXT);
CREATE TABLE entity_docs (id TEXT, stem TEXT, type TEXT, name TEXT, key TEXT, letter TEXT, named INTEGER,
                          PRIMARY KEY (id, stem));
CREATE TABLE variants (id TEXT, stem TEXT, variant TEXT, PRIMARY KEY (id, stem, variant));
CREATE TABLE idnos (id TEXT, stem TEXT, type TEXT, value TEXT, PRIMARY KEY (id, stem, type, value));
CREATE TABLE mentions (id TEXT, stem TEXT, seq INTEGER, mid TEXT, text TEXT, before TEXT, after TEXT);
CREATE TABLE dates (stem TEXT, seq INTEGER, mid TEXT, whenv TEXT, label TEXT, spec TEXT, text TEXT, before TEXT, after TEXT);
CREATE TABLE pages (stem TEXT PRIMARY KEY, html BLOB);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS ed_type ON entity_docs (type, key);
CREATE INDEX IF NOT EXISTS m_id ON mentions (id, stem, seq);
CREATE INDEX IF NOT EXISTS d_when ON dates (whenv);
"""


# An entry the articles name differently (anyone's TEI: one authority URI, an entry's name in one
# document and a mention's words in another) takes one name in every row, so that its letter and
# its place in the list agree: the name an entry of its own gives it (named), the first article's
# (by stem) first, as the lists read it.
_SETTLE = """
UPDATE entity_docs SET (name, key, letter) = (
    SELECT e.name, e.key, e.letter FROM entity_docs e WHERE e.id = entity_docs.id ORDER BY e.named DESC, e.stem LIMIT 1)
WHERE id IN (SELECT id FROM entity_docs GROUP BY id HAVING count(DISTINCT name) > 1)
"""


@dataclass(frozen=True)
class Entry:
    """One register entry over the corpus."""

    id: str
    type: str
    name: str
    letter: str
    mentions: int
    articles: int


class SiteData(DateRegister):
    """A build's site data in a temporary SQLite file (see the module contract)."""

    def __init__(self, directory: str | None = None):
        # in a scratch folder teikit knows by name: one a killed run leaves is removed by the next
        self._scratch = None if directory else ScratchDir("teikit-site")
        if directory:
            fd, self.path = tempfile.mkstemp(prefix="teikit-site-", suffix=".sqlite", dir=directory)
            os.close(fd)
        else:
            self.path = os.path.join(self._scratch.name, "site.sqlite")
        self.db = sqlite3.connect(self.path)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._indexed = self._settled = False
        self._numbered = None  # the key of the list last numbered (_rows)
        self._counts: dict = {}  # letter_counts and entry_count of each type, the site's language, until the store changes
        self._tables: set[str] = set()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if os.path.exists(self.path):
                os.unlink(self.path)
            if self._scratch is not None:
                self._scratch.cleanup()

    # -- writing -------------------------------------------------------------

    def add(self, stem: str, record: str) -> None:
        """Store the record (xslt/site/data.xsl's output, text) of the article `stem`."""
        doc = etree.fromstring(record.encode("utf-8"))
        db = self.db
        # Only a stem stored before has rows to replace: the DELETEs scan tables that have no
        # index on stem, so running them for every article made a build quadratic.
        if db.execute("SELECT 1 FROM articles WHERE stem = ?", (stem,)).fetchone() is not None:
            for table in ("articles", "entity_docs", "variants", "idnos", "mentions", "dates"):
                db.execute(f"DELETE FROM {table} WHERE stem = ?", (stem,))
        self._numbered, self._counts = None, {}  # a list numbered or counted before may have changed
        self._settled = False
        title = doc.get("title") or stem
        db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                   (stem, title, sort_key(title), doc.get("date"), doc.get("datetime"), doc.get("date-label"),
                    doc.get("authors"), doc.get("site"), doc.get("lang")))
        # One executemany per table (each table's rows in the same order as one execute per row).
        entities = doc.findall("e")
        ids = record_ids(doc, stem)
        # one row per entry: two of the record's may be one site entry (an entry and a name citing its URI),
        # the one named by an entry of its own first
        rows = {}
        for e in sorted(entities, key=lambda e: e.get("named") == "mention"):
            rows.setdefault(ids[e.get("id")], e)
        db.executemany("INSERT OR REPLACE INTO entity_docs VALUES (?,?,?,?,?,?,?)",
                       ((ident, stem, e.get("type"), e.get("name"), sort_key(e.get("name")), letter(e.get("name")),
                         int(e.get("named") != "mention")) for ident, e in rows.items()))
        db.executemany("INSERT OR IGNORE INTO variants VALUES (?,?,?)",
                       ((ids[e.get("id")], stem, v.text or "") for e in entities for v in e.iterfind("v")))
        db.executemany("INSERT OR IGNORE INTO idnos VALUES (?,?,?,?)",
                       ((ids[e.get("id")], stem, i.get("type"), i.text or "")
                        for e in entities for i in e.iterfind("idno")))
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
                       ((ids[m.get("ref")], stem, n, m.get("mid"), m.get("text"), m.get("before"),
                         m.get("after")) for n, m in enumerate(doc.iterfind("m"))))
        db.executemany("INSERT INTO dates VALUES (?,?,?,?,?,?,?,?,?)",
                       ((stem, n, d.get("mid"), d.get("when"), d.get("label"), d.get("spec"), d.get("text"), d.get("before"),
                         d.get("after"))
                        for n, d in enumerate(doc.iterfind("d"))))

    def use_register(self, entries) -> int:
        """Take each entry's name, variants and authority ids from the corpus register
        (`entries`: (type, id, names, idnos), canonical name first) for the entries the site's
        articles mention; the articles' own copies stay beside. How many entries it named."""
        db = self.db
        mentioned = set(db.execute("SELECT DISTINCT type, id FROM entity_docs").fetchall())
        self._numbered, self._counts, self._settled = None, {}, False
        used = 0
        for entity_type, ident, names, idnos in entries:
            if (entity_type, ident) not in mentioned:
                continue
            used += 1
            name = names[0]
            db.execute("UPDATE entity_docs SET name = ?, key = ?, letter = ? WHERE type = ? AND id = ?",
                       (name, sort_key(name), letter(name), entity_type, ident))
            db.executemany("INSERT OR IGNORE INTO variants VALUES (?,?,?)", ((ident, REGISTER_STEM, v) for v in names[1:]))
            db.executemany("INSERT OR IGNORE INTO idnos VALUES (?,?,?,?)",
                           ((ident, REGISTER_STEM, kind, value) for kind, value in idnos))
        return used

    def put_page(self, stem: str, html: str) -> None:
        """Keep an article page until the manifest is written (render/batch.build_site)."""
        self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (stem, html.encode("utf-8")))

    def pages(self):
        """(stem, html bytes) of every page kept, by stem."""
        return self.db.execute("SELECT stem, html FROM pages ORDER BY stem")

    def drop_pages(self) -> None:
        self.db.execute("DELETE FROM pages")

    def _index(self) -> None:
        """The indexes made, and every entry given one name (_settle), before a page is read."""
        if not self._indexed:
            self.db.executescript(_INDEXES)
            self._indexed = True
        if not self._settled:
            self.db.execute(_SETTLE)
            self._settled = True

    # -- reading -------------------------------------------------------------

    def lang(self) -> str:
        """The site's language (its corpus pages' lang, its search index's): the language most of its
        articles are in, so that one article in another language does not set it. Counted by primary
        subtag ("en-GB" and "en" are one language, as Pagefind reads them), then the tag most of that
        language's articles carry; a tie goes to the language of the first article (by stem) among
        them. Articles of no known language are not counted; 'en' when none is known."""
        if "lang" not in self._counts:
            self._counts["lang"] = site_language(self.db.execute(
                "SELECT lang, count(*), min(stem) FROM articles WHERE lang IS NOT NULL AND lang != '' GROUP BY lang"))
        return self._counts["lang"]

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def entries(self, entity_type: str, letter_name: str | None = None, page: int = 1, page_size: int | None = None,
                total: int = 0):
        """The register of a type (one letter of it, of `total` entries), in collation order; page
        `page` (from 1) of `page_size` of them (all, without a page size)."""
        self._index()
        where, args = "type = ?", [entity_type]
        if letter_name is not None:
            where += " AND letter = ?"
            args.append(letter_name)
        # The name is the one the first article (by stem) gives the entry.
        rows = self._rows(
            f"""SELECT ed.id, ed.name, ed.key, ed.letter,
                       (SELECT count(*) FROM mentions m WHERE m.id = ed.id) AS mentions, n
                FROM (SELECT id, name, key, letter, min(stem) AS first, count(*) AS n
                      FROM entity_docs WHERE {where} GROUP BY id) AS ed""", args, "key, id",
            ("entries", entity_type, letter_name), total, page, page_size)
        for ident, name, _key, first, mentions, articles in rows:
            yield Entry(ident, entity_type, name, first, mentions, articles)

    def _rows(self, query: str, args, order: str, key, total: int, page: int = 1, page_size: int | None = None):
        """The rows of `query` in `order` (of its columns): page `page` (from 1) of `page_size` of
        the `total` rows it gives (all of them, without a page size). A page of a longer list
        comes from a numbered copy of the list, made once for its `key` (the list last asked
        for): by OFFSET each page would sort the whole list again (at 100,000 articles an
        entry's 667 pages did)."""
        if not page_size or (page == 1 and total <= page_size):
            return self.db.execute(f"SELECT * FROM ({query}) ORDER BY {order}", args)
        limit, offset = _window(page, page_size)
        table = f"numbered_{key[0]}"  # one table per kind of list (its columns); emptied, never dropped
        if self._numbered != key:  # (a table cannot be dropped while the register's cursor reads)
            self._numbered = None
            numbered = f"SELECT row_number() OVER (ORDER BY {order}) AS n_, * FROM ({query})"
            if table in self._tables:
                self.db.execute(f"DELETE FROM temp.{table}")
                self.db.execute(f"INSERT INTO temp.{table} {numbered}", args)
            else:
                self.db.execute(f"CREATE TEMP TABLE {table} AS {numbered}", args)
                self.db.execute(f"CREATE INDEX temp.{table}_n ON {table} (n_)")
                self._tables.add(table)
            self._numbered = key
        rows = self.db.execute(f"SELECT * FROM temp.{table} WHERE n_ > ? AND n_ <= ? ORDER BY n_", (offset, offset + limit))
        return (row[1:] for row in rows)

    def letter_counts(self, entity_type: str) -> dict[str, int]:
        """How many entries of a type each letter has (counted once until the store changes: every
        page of a paged register asks, and at 100,000 articles a count took over a second)."""
        if ("letters", entity_type) not in self._counts:
            self._index()
            rows = self.db.execute("SELECT letter, count(DISTINCT id) FROM entity_docs WHERE type = ? GROUP BY letter",
                                   (entity_type,))
            self._counts["letters", entity_type] = dict(rows.fetchall())
        return dict(self._counts["letters", entity_type])

    def entry_count(self, entity_type: str) -> int:
        if ("entries", entity_type) not in self._counts:
            self._counts["entries", entity_type] = self.db.execute(
                "SELECT count(DISTINCT id) FROM entity_docs WHERE type = ?", (entity_type,)).fetchone()[0]
        return self._counts["entries", entity_type]

    # -- page data (XML for xslt/site/corpus.xsl) -----------------------------

    def index_xml(self, page: int = 1, page_size: int | None = None) -> str:
        """The articles, newest first (undated last): all of them, or page `page` (from 1)
        of `page_size` each; `pages` says how many pages the index has."""
        total = self.article_count()
        pages = _pages(total, page_size)
        rows = self._rows("SELECT stem, title, date, datetime, label, authors, title_key, lang FROM articles", (),
                          "(date IS NULL OR date = ''), date DESC, title_key, stem", ("articles",), total, page, page_size)
        parts = [f"<index{_attrs(lang=self.lang(), page=page, pages=pages, total=total)}>"]
        for stem, title, date, datetime, label, authors, _key, lang in rows:
            parts.append(f"<a{_attrs(stem=stem, title=title, date=date, datetime=datetime, label=label, authors=authors, lang=lang or '')}/>")
        parts.append("</index>")
        return "".join(parts)

    def register_xml(self, entity_type: str, *, paged: bool, page_letter: str | None = None,
                     page: int = 1, page_size: int | None = None) -> str:
        """The register page of a type: every entry (paged=False), or the letters' overview
        (paged, no page_letter), or one letter's page `page` (from 1) of `page_size` entries
        each (all of them, without a page size); `pages` says how many pages the letter has."""
        counts = self.letter_counts(entity_type)
        pages = _pages(counts.get(page_letter, 0), page_size) if paged and page_letter is not None else 1
        parts = [f"<register{_attrs(type=entity_type, lang=self.lang(), paged='yes' if paged else 'no', letter=page_letter or '', total=self.entry_count(entity_type), page=page, pages=pages)}>"]
        for name in (*LETTERS, OTHER):
            if name in counts or name in _JUMP_ALWAYS:
                parts.append(f"<letter{_attrs(name=name, slug=letter_slug(name), count=counts.get(name, 0))}/>")
        if not paged or page_letter is not None:
            entries = (self.entries(entity_type, page_letter, page, page_size, counts.get(page_letter, 0)) if paged
                       else self.entries(entity_type))
            for e in entries:
                parts.append(f"<e{_attrs(id=e.id, name=e.name, letter=e.letter, mentions=e.mentions, articles=e.articles)}/>")
        parts.append("</register>")
        return "".join(parts)

    def entity_xml(self, entry: Entry, page: int = 1, page_size: int | None = None) -> str:
        """An entry's page `page` (from 1): its mentions in context, articles newest first,
        `page_size` mentions a page (all of them, without a page size; an article's mentions
        may go on over two pages); its names, authority ids and years on the first page."""
        pages = _pages(entry.mentions, page_size)
        parts = [f"<entity{_attrs(id=entry.id, type=entry.type, name=entry.name, lang=self.lang(), mentions=entry.mentions, articles=entry.articles, letter=entry.letter, letter_slug=letter_slug(entry.letter), page=page, pages=pages)}>"]
        if page == 1:
            parts += self._entity_head(entry)
        current = None
        for stem, title, date, label, mid, text, before, after, _key, _seq, lang in self._rows(
                """SELECT a.stem, a.title, a.date, a.label, m.mid, m.text, m.before, m.after, a.title_key, m.seq, a.lang
                   FROM mentions m JOIN articles a ON a.stem = m.stem WHERE m.id = ?""", (entry.id,),
                "(date IS NULL OR date = ''), date DESC, title_key, stem, seq", ("mentions", entry.id),
                entry.mentions, page, page_size):
            if stem != current:
                if current is not None:
                    parts.append("</art>")
                parts.append(f"<art{_attrs(stem=stem, title=title, date=date, label=label, lang=lang or '')}>")
                current = stem
            parts.append(f"<m{_attrs(mid=mid, text=text, before=before, after=after)}/>")
        if current is not None:
            parts.append("</art>")
        parts.append("</entity>")
        return "".join(parts)

    def _entity_head(self, entry: Entry) -> list[str]:
        """An entry's other names, authority ids and articles by year."""
        db = self.db
        parts = []
        variants = sorted({v for (v,) in db.execute("SELECT variant FROM variants WHERE id = ?", (entry.id,))} - {entry.name},
                          key=sort_key)
        parts += [f"<v{_attrs(text=v)}/>" for v in variants]
        for kind, value in db.execute("SELECT DISTINCT type, value FROM idnos WHERE id = ? ORDER BY type, value", (entry.id,)):
            parts.append(f"<idno{_attrs(type=kind, value=value)}/>")
        for year, n in db.execute(
                """SELECT substr(a.date, 1, 4) AS y, count(*) FROM entity_docs ed JOIN articles a ON a.stem = ed.stem
                   WHERE ed.id = ? AND a.date GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY y ORDER BY y""", (entry.id,)):
            parts.append(f"<year{_attrs(y=year, articles=n)}/>")
        return parts

    def search_xml(self, top: int) -> str:
        """The search page's facets: per entity type its `top` entries by number of articles
        (the rest are reached by typing), in collation order; every year; every source site."""
        parts = [f"<search{_attrs(lang=self.lang())}>"]
        self._index()
        for entity_type in ENTITY_TYPES:
            rows = self.db.execute(
                """SELECT name, key, n FROM (SELECT id, name, key, min(stem), count(*) AS n FROM entity_docs
                   WHERE type = ? GROUP BY id) ORDER BY n DESC, key LIMIT ?""", (entity_type, top + 1)).fetchall()
            values = sorted(rows[:top], key=lambda r: (r[1], r[0]))
            parts.append(f"<facet{_attrs(name=entity_type, more='yes' if len(rows) > top else 'no')}>")
            seen = set()
            for name, _key, n in values:
                if name not in seen:  # two entries of one name are one value of the facet
                    seen.add(name)
                    parts.append(f"<value{_attrs(name=name, count=n)}/>")
            parts.append("</facet>")
        parts.append(f"<facet{_attrs(name='year', more='no')}>")
        for year, n in self.db.execute("""SELECT substr(date, 1, 4), count(*) FROM articles
                                          WHERE date GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY 1 ORDER BY 1 DESC"""):
            parts.append(f"<value{_attrs(name=year, count=n)}/>")
        parts.append("</facet>")
        parts.append(f"<facet{_attrs(name='site', more='no')}>")
        sites = self.db.execute("SELECT site, count(*) FROM articles WHERE site != '' GROUP BY site").fetchall()
        for site, n in sorted(sites, key=lambda r: sort_key(r[0])):
            parts.append(f"<value{_attrs(name=site, count=n)}/>")
        parts.append("</facet></search>")
        return "".join(parts)



def register_state(tei) -> str:
    """The digest of the corpus register use_register takes the site's names from
    (register.register_digest; none: no register), for the key of the corpus pages (render.siterecord)."""
    folders = registers_beside(tei)
    return register_digest(folders[0]) if folders else hashlib.sha256().hexdigest()


def use_register(store: SiteData, tei: list, report) -> None:
    """The site's registers named from the corpus register beside the articles (register/), when
    there is one; a register that cannot be read is one warning, and the articles' entries serve."""
    folders = registers_beside(tei)
    if not folders:
        return
    if len(folders) > 1:
        report.warn(f"{folders[0]}: the articles have {len(folders)} corpus registers beside them; "
                    "the site's registers take names from this one")
    try:
        register = Register.read(folders[0])
    except ToolkitError as exc:
        report.warn(f"{exc}; the site's registers use the articles' own entries")
        return
    store.use_register((kind, ident, entry.names, entry.idnos)
                       for kind, entries in register.entries.items() for ident, entry in entries.items())
