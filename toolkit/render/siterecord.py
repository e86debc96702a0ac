"""Rendering into a folder rendered before: which pages are already what rendering would write.

Contract (the record: teikit.buildrecord, `<out>/.teikit-build.json`; stage "site" for
build_site, "html" or "txt" for render_paths):
- An article page's key is the digest of its TEI file's bytes, its path and the link to it
  (tei_href), the page's options (the text edition's abbr, the corpus links), the stylesheets
  (every file of the renderer's xslt folder) and teikit itself (code, data, version). Its entry
  keeps the page's sha256, the warnings its reading said (replayed) and, in a site, what the
  corpus pages need of it (its site record, xslt/site/data.xsl's output, ~10 KB: kept in the
  record's store, `.teikit-build.sqlite`, the entry naming it by its sha256): an unchanged
  article is neither parsed nor transformed again, and no run holds every article's site record
  (one at a time from the store). An article whose record the store lacks is made again.
- The corpus pages (index, search page, registers, date register) are made from every
  article's site record and the corpus register's names: when the site holds the same articles
  with the same records, the register is the same (the "corpus" key) and every corpus page is
  still as written, none is made again; otherwise each is made again unless the data it is made
  from, its template, the stylesheets and teikit are those it was made from (its own key). Each
  corpus page has an entry of its own, `/p/<path under the site>`, recorded once it is written.
- Memory does not grow with the site: the site's record is tabled (buildrecord: its entries
  in the store, read one at a time), and what a build tracks of each article (its site record's
  digest, its TEI, its page's key, whether it was given, deferred or reused) and of each corpus
  page (made or kept) is in a private temporary SQLite database (render.ledger.Ledger, deleted when closed).
- The search index (pagefind/, render.search) is made again shard by shard: its entry holds
  what build_index said each shard was built from (the digest of its pages' names and bytes,
  its folder, the digest of its files), and only the shards whose pages changed, or whose
  folder is not as made, are made again (every one for other stylesheets or another teikit).
  Its bytes are not reproducible (Pagefind#638), so they are never compared with a fresh build's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lxml import etree

from .. import buildrecord
from ..batch import Outcome, Report
from ..errors import RenderError
from . import teicopy
from .ledger import Ledger
from .renderer import REGISTER_FILES, teikits_page
from .sitedata import register_state
from .siteids import record_ids

# a page an editor changed, written again: said (a page is made from the TEI alone)
EDITED = "{page}: replaced: changed since teikit wrote it (its pages are made from the TEI: an edit belongs there)"
# entries beside the articles' (by stem): names no file stem can be
SEARCH_ENTRY, CORPUS = "/pagefind", "/corpus"
SITE = "site"  # an article entry's field: the digest of its site record, kept in the record's store
# registers/<folder>/<id>.html (and <id>/n.html): the pages of a register entry (render.site.corpus_plan)
ENTITY_DIRS = frozenset(file.removesuffix(".html") for file in REGISTER_FILES.values())


def page_warnings(report: Report, path) -> list[str]:
    """The warnings `report` holds about the input `path` (each names it first: "FILE: …")."""
    prefix = f"{path}: "
    return [line for line in report.warnings if line.startswith(prefix)]


PAGE = "/p/"  # a corpus page's entry: PAGE + its path under the site


class PageRecord:
    """One render's use of its output folder's record."""

    def __init__(self, out_dir, stage: str, xslt_dir, options, *, force: bool = False):
        self.out_dir = Path(out_dir)
        site = stage == "site"
        # read even under --force: which corpus pages earlier runs wrote, that a page no longer needed is theirs (wrote)
        self.record = buildrecord.Record(self.out_dir, stage, force=force and not site, blobs=(SITE,) if site else (), tabled=site)
        self.environment = buildrecord.digest(stage, buildrecord.stylesheets_digest(xslt_dir),
                                              buildrecord.code_digest(), options)
        self._keys: dict[str, str] = {}  # one page per file (render_paths): the keys of the pages to make
        self.ledger = Ledger() if site else None
        if site:
            self.ledger.db.executemany("INSERT INTO wrote VALUES (?, ?)", (
                (name[len(PAGE):], page.get("sha256")) for name, page in self.record.entries.named(PAGE)))
            self.ledger.db.executemany("INSERT INTO copies VALUES (?, ?)", self.record.entries.values_of(teicopy.FIELD))
            if force:
                self.record.forget()
            # the site records of the last run (the corpus pages an article changed are those its records name)
            self.ledger.db.executemany("INSERT INTO prev VALUES (?, ?)", (
                (stem, sha) for stem, sha in self.record.entries.values_of(SITE)
                if not stem.startswith("/") and isinstance(sha, str)))
        self._affected = False  # begin_corpus: whether the affected entries are known (the ledger's)
        self.reused: set[str] = set()  # one page per file
        self.changed = False  # a page written or removed this run
        self._corpus_pages, self._corpus_failed, self._register = 0, False, ""
        self.notes: list[str] = []  # the pages changed since a run wrote them that this one writes again (said)

    @property
    def warning(self) -> str | None:
        return self.record.warning

    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()

    def reuse(self, path, stem: str, href: str, target: Path, site: bool = False) -> dict | None:
        """The entry of the page `target` of the TEI file `path` when it stands as it is (its
        warnings to be replayed; with `site`, its site record); None when it is to be made (its
        key is kept for `made`)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None  # the render reports it
        key = buildrecord.digest(self.environment, str(path), href, data)
        if self.ledger is not None:
            self.ledger.set(stem, key=key)
        else:
            self._keys[stem] = key
        entry = self.record.fresh(stem, key, target)
        if entry is None and self.record.edited(stem, target):
            self.notes.append(EDITED.format(page=target))
        if entry is None or not isinstance(entry.get("warnings"), list) or not all(
                isinstance(w, str) for w in entry["warnings"]) or (site and not self.record.has_blob(entry.get(SITE))) or (
                site and not teicopy.stands(self.out_dir, stem, path, entry.get(teicopy.FIELD))):
            return None  # made again (a record edited by hand may hold anything; a store may lack the site record; its TEI copy gone)
        if self.ledger is not None:
            self.ledger.set(stem, reused=1)
        else:
            self.reused.add(stem)
        return entry

    def reused_entry(self, stem: str) -> dict | None:
        """The entry `reuse` found standing for `stem` (None: its page is to be made)."""
        return self.record.entries.get(stem) if self.was_reused(stem) else None

    def was_reused(self, stem: str) -> bool:
        return bool(self.ledger.get(stem, "reused")) if self.ledger is not None else stem in self.reused

    def keep_site(self, text: str) -> str:
        """Keep an article's site record in the store; the digest its entry names it by (made(site=…))."""
        return self.record.keep(text)

    def site_text(self, sha: str) -> str | None:
        """The site record kept as `sha` (keep_site); None when the store lacks it."""
        return self.record.blob(sha)

    def made(self, stem: str, target: Path, warnings: list[str], **fields) -> None:
        """The page of `stem` was written: record it (not when its key is unknown)."""
        self.changed = True
        key = self.ledger.get(stem, "key") if self.ledger is not None else self._keys.get(stem)
        if key is not None:
            self.record.put(stem, key, buildrecord.file_sha(target), warnings=warnings, **fields)

    def failed(self, stem: str) -> None:
        self.record.drop(stem)

    # -- one page per file (render_paths) -------------------------------------------------

    def ready(self, batch, suffix: str, href) -> dict:
        """The batch's files whose page (OUT/<stem><suffix>) stands as it is, each with the outcome
        of its last run (batch.Batch.run_on's `ready`); `href(path, out_dir)` links a page to its TEI."""
        ready = {}
        for path in batch.files:
            target = self.out_dir / f"{path.stem}{suffix}"
            entry = self.reuse(path, path.stem, href(path, self.out_dir), target) if batch.clash(path) is None else None
            if entry is not None:
                ready[path] = Outcome(True, None, Report(warnings=list(entry["warnings"]), unchanged=[target]))
        return ready

    def after(self, batch) -> None:
        """The batch's pages written and failed into the record, and the record saved."""
        sources = {path.stem: path for path in batch.files}
        for target in batch.report.written:
            self.made(target.stem, target, page_warnings(batch.report, sources.get(target.stem, target)))
        for failure in batch.report.failures:
            self.failed(Path(failure.path).stem)
        self.save(batch.report)

    def keep_only(self, stems) -> None:
        """Entries of the articles the folder no longer holds go (their pages were removed)."""
        for stem in set(self.record.entries) - set(stems) - {CORPUS, SEARCH_ENTRY}:
            self.record.drop(stem)
            self.changed = True

    # -- the articles of a site (build_site), in the ledger --------------------------------

    def keep_held(self) -> None:
        """Entries of the articles the site no longer holds (not `held` in the ledger) go."""
        for stem in self.record.entries:  # a block of names at a time: dropping meanwhile is safe
            if not stem.startswith("/") and not self.ledger.get(stem, "held"):
                self.record.drop(stem)
                self.changed = True

    # -- the corpus pages and the search index (build_site) ------------------------------

    def corpus_key(self, page_size: int) -> str:
        """The key of every corpus page at once: the site records of the articles held (keep_site), the register beside them."""
        h = hashlib.sha256(buildrecord.digest(self.environment, page_size).encode("ascii"))
        self._register = register_state(path for _, path in self.ledger.rows("path", "held = 1"))
        h.update(self._register.encode("ascii"))
        for stem, sha in self.ledger.rows("site", "held = 1 AND site IS NOT NULL"):
            h.update(buildrecord.digest(stem, sha).encode("ascii"))
        self._corpus = h.hexdigest()
        return self._corpus

    def corpus_stands(self, page_size: int) -> int | None:
        """How many corpus pages there are, when every one stands as it is for the site records of
        the articles held (None: some must be made); each is then seen (stale_pages keeps it)."""
        self.corpus_key(page_size)
        entry = self.record.entries.get(CORPUS)
        if entry is None or entry.get("key") != self._corpus or not isinstance(entry.get("lang"), str):
            return None
        pages = 0
        for name, page in self.record.entries.named(PAGE):
            if buildrecord.file_sha(self.out_dir / name[len(PAGE):]) != page.get("sha256"):
                self.ledger.db.execute("DELETE FROM seen")
                return None
            self.ledger.see(name[len(PAGE):])
            pages += 1
        if pages != entry.get("pages"):  # an entry missing (a record edited by hand): every page is looked at
            self.ledger.db.execute("DELETE FROM seen")
            return None
        return pages

    def begin_corpus(self, lang: str) -> None:
        """Before the corpus pages are looked at: the register entries an article that changed
        (its site record, before or now) names, whose pages are to be made again (every one's data
        is made again when the corpus register changed: each page is then kept if its data is)."""
        self._lang = lang
        entry = self.record.entries.get(CORPUS) or {}
        # the corpus pages were all made, with these stylesheets, teikit and register, in this language (corpus_made)
        self._affected = (entry.get("environment") == self.environment and entry.get("lang") == lang
                          and entry.get("register") == self._register)
        if not self._affected:  # no entry's page can stand: which entries changed does not matter
            return
        db = self.ledger.db
        changed = db.execute("""SELECT stem, art.site, prev.site FROM art LEFT JOIN prev USING (stem)
                                WHERE art.held = 1 AND art.site IS NOT prev.site
                                UNION ALL SELECT stem, NULL, prev.site FROM prev
                                WHERE prev.stem NOT IN (SELECT stem FROM art WHERE held = 1)""")
        for stem, *shas in changed:
            for sha in shas:
                if sha is None:
                    continue
                text = self.site_text(sha)
                if text is None:  # the store lacks it: which entries it named is unknown, every page is looked at
                    self._affected = False
                    return
                doc = etree.fromstring(text.encode("utf-8"))
                ids = record_ids(doc, stem)  # the site's ids of anyone's TEI, as sitedata stores them
                db.executemany("INSERT OR IGNORE INTO affected VALUES (?)",
                               [(ids[e.get("id")],) for e in doc.iterfind("e")]
                               + [(ids[m.get("ref")],) for m in doc.iterfind("m")])

    def entity_stands(self, rel: str) -> bool:
        """Whether a page of a register entry (registers/<type>/<id>.html, …/<id>/n.html) stands as it is, its
        data not even made: no article that changed names the entry (begin_corpus), and the
        stylesheets, teikit and the site's language are those it was made with."""
        parts = rel.split("/")  # registers/<type>/<id>.html, or its page n: registers/<type>/<id>/n.html
        if len(parts) not in (3, 4) or parts[0] != "registers" or parts[1] not in ENTITY_DIRS or not self._affected:
            return False
        if self.ledger.db.execute("SELECT 1 FROM affected WHERE id = ?", (parts[2].removesuffix(".html"),)).fetchone():
            return False
        page = self.record.entries.get(PAGE + rel)
        return page is not None and buildrecord.file_sha(self.out_dir / rel) == page.get("sha256")

    def corpus_page(self, rel: str, template: str, data):
        """Whether one corpus page is to be made: None when it stands (an entry's page no changed
        article names, or a page whose data, made again, is what it was made from; it is then seen),
        else (its key, its data: data()), for corpus_page_made once it is written. A file there that
        is no teikit page (an editor's registers/dates/1998.html, before the corpus had 1998) is
        never replaced: RenderError, the page's failure."""
        self._corpus_pages += 1
        if self.entity_stands(rel):
            self.ledger.see(rel)
            return None
        target = self.out_dir / rel
        if self.wrote(rel) is None and (target.exists() or target.is_symlink()) and not teikits_page(target):
            raise RenderError("not written: a file that is no teikit page is there (an editor's?), which is kept; "
                              "move it away, or remove it yourself, and build again", path=str(target))
        xml = data()
        key = self.page_key(rel, template, xml)
        if self.page_stands(rel, key):
            self.ledger.see(rel)
            return None
        if self.record.edited(PAGE + rel, target):
            self.notes.append(EDITED.format(page=target))
        return key, xml

    def corpus_page_made(self, rel: str, key: str, sha256: str) -> None:
        """The corpus page `rel` (key: corpus_page's) was written, its bytes' digest `sha256`: seen and recorded."""
        self.ledger.see(rel)
        self.changed = True
        self.record.put(PAGE + rel, key, sha256)

    def corpus_page_failed(self, rel: str) -> None:
        """A corpus page could not be made or written: the old one, if any, stays as recorded."""
        self._corpus_failed = True
        if PAGE + rel in self.record.entries:
            self.ledger.see(rel)

    def page_key(self, rel: str, template: str, data: str) -> str:
        return buildrecord.digest(self.environment, rel, template, data)

    def page_stands(self, rel: str, key: str) -> bool:
        page = self.record.entries.get(PAGE + rel)
        return (page is not None and page.get("key") == key
                and buildrecord.file_sha(self.out_dir / rel) == page.get("sha256"))

    def corpus_lang(self) -> str:
        """The site's language as the corpus pages standing were made in (corpus_stands)."""
        return self.record.entries[CORPUS].get("lang") or ""

    def corpus_made(self, lang: str) -> None:
        """The corpus pages looked at (corpus_page): the corpus key and the environment recorded
        unless one could not be made or written. Then every page is looked at again next time, and
        an entry's page by its key (not as standing because no article that changed names it: the
        article's new site record is recorded, and the page it changed may be the one that failed)."""
        complete = not self._corpus_failed
        self.record.entries[CORPUS] = {"key": self._corpus if complete else "", "sha256": None, "pages": self._corpus_pages,
                                       "lang": lang, "environment": self.environment if complete else "",
                                       "register": self._register}

    def copy_sha(self, stem: str):
        """The sha256 of the article's TEI copy as a run recorded writing it (render.teicopy.FIELD; this
        run's, else an earlier's, which --force does not forget), or None."""
        entry = self.record.entries.get(stem)
        if isinstance(entry, dict) and entry.get(teicopy.FIELD) is not None:
            return entry.get(teicopy.FIELD)
        row = self.ledger.db.execute("SELECT sha FROM copies WHERE stem = ?", (stem,)).fetchone() if self.ledger else None
        return row[0] if row else None

    def knows(self, stem: str) -> bool:
        """Whether the record has an entry of the article `stem` (a run wrote or failed its page)."""
        return self.record.entries.get(stem) is not None

    def wrote(self, rel: str) -> bool | None:
        """Whether the page `rel` is as an earlier run recorded writing it (True: the record as read,
        before --force forgets it), was written by one and changed since (False), or is none the
        record knows (None: not teikit's, as far as it knows)."""
        row = self.ledger.db.execute("SELECT sha FROM wrote WHERE rel = ?", (rel,)).fetchone()
        return None if row is None else buildrecord.file_sha(self.out_dir / rel) == row[0]

    def forget_unseen(self) -> None:
        """The corpus pages' entries this build neither made nor kept go (their pages were removed)."""
        for name, _ in self.record.entries.named(PAGE):
            if not self.ledger.seen(name[len(PAGE):]):
                self.record.drop(name)

    def search_built(self) -> dict | None:
        """What the search index on disk was built from (render.search.build_index's answer, kept
        by search_made), when it was built with these stylesheets and this teikit; else None."""
        entry = self.record.entries.get(SEARCH_ENTRY)
        if entry is None or entry.get("key") != self.environment or not isinstance(entry.get("index"), dict):
            return None
        return entry["index"]

    def search_made(self, index: dict) -> None:
        self.record.put(SEARCH_ENTRY, self.environment, None, index=index)

    def save(self, report: Report) -> None:
        report.warnings.extend(self.notes)
        if self.record.entries or self.record.path.exists():
            self.record.save(report)
