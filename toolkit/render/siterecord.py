"""Rendering into a folder rendered before: which pages are already what rendering would write.

Contract (the record: teikit.buildrecord, `<out>/.teikit-build.json`; stage "site" for
build_site, "html" or "txt" for render_paths):
- An article page's key is the digest of its TEI file's bytes, its path and the link to
  it (tei_href), the page's options (the text edition's abbr, the corpus links), the
  stylesheets (every file of the renderer's xslt folder) and teikit itself (code, data,
  version). Its entry keeps the page's sha256, the warnings its reading said (replayed)
  and, in a site, what the corpus pages need of it (its site record, xslt/site/data.xsl's
  output, ~10 KB: kept in the record's store, `.teikit-build.sqlite`, the entry naming it
  by its sha256): an unchanged article is neither parsed nor transformed again, and no run
  holds every article's site record (one at a time from the store). An article whose
  record the store lacks is made again.
- The corpus pages (index, search page, registers, date register) are made from every
  article's site record: when the site holds the same articles with the same records
  (the "corpus" key) and every corpus page is still as written, none is made again;
  otherwise each is made again unless the data it is made from, its template, the
  stylesheets and teikit are those it was made from (its own key).
- The search index (pagefind/, render.search) is made again shard by shard: its entry holds
  what build_index said each shard was built from (the digest of its pages' names and bytes,
  its folder, the digest of its files), and only the shards whose pages changed, or whose
  folder is not as made, are made again (every one for other stylesheets or another teikit).
  Its bytes are not reproducible (Pagefind#638), so they are never compared with a fresh build's.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .. import buildrecord
from ..batch import Outcome, Report
from .renderer import REGISTER_FILES

# entries beside the articles' (by stem): names no file stem can be
SEARCH_ENTRY, CORPUS = "/pagefind", "/corpus"
SITE = "site"  # an article entry's field: the digest of its site record, kept in the record's store
# registers/<folder>/<id>.html (and <id>/n.html): the pages of a register entry (render.site.corpus_plan)
ENTITY_DIRS = frozenset(file.removesuffix(".html") for file in REGISTER_FILES.values())


def page_warnings(report: Report, path) -> list[str]:
    """The warnings `report` holds about the input `path` (each names it first: "FILE: …")."""
    prefix = f"{path}: "
    return [line for line in report.warnings if line.startswith(prefix)]


class PageRecord:
    """One render's use of its output folder's record."""

    def __init__(self, out_dir, stage: str, xslt_dir, options, *, force: bool = False):
        self.out_dir = Path(out_dir)
        self.record = buildrecord.Record(self.out_dir, stage, force=force, blobs=(SITE,) if stage == "site" else ())
        self.environment = buildrecord.digest(stage, buildrecord.stylesheets_digest(xslt_dir),
                                              buildrecord.code_digest(), options)
        self._keys: dict[str, str] = {}
        # the site records of the last run (the corpus pages an article changed are those its records name)
        self._previous = {stem: entry.get(SITE) for stem, entry in self.record.entries.items()
                          if isinstance(entry, dict) and isinstance(entry.get(SITE), str)}
        self._affected: set[str] | None = None
        self.reused: set[str] = set()
        self.changed = False  # a page written or removed this run

    @property
    def warning(self) -> str | None:
        return self.record.warning

    def reuse(self, path, stem: str, href: str, target: Path, site: bool = False) -> dict | None:
        """The entry of the page `target` of the TEI file `path` when it stands as it is (its
        warnings to be replayed; with `site`, its site record); None when it is to be made (its
        key is kept for `made`)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None  # the render reports it
        key = self._keys[stem] = buildrecord.digest(self.environment, str(path), href, data)
        entry = self.record.fresh(stem, key, target)
        if entry is None or not isinstance(entry.get("warnings"), list) or not all(
                isinstance(w, str) for w in entry["warnings"]) or (site and not self.record.has_blob(entry.get(SITE))):
            return None  # made again (a record edited by hand may hold anything; a store may lack the site record)
        self.reused.add(stem)
        return entry

    def keep_site(self, text: str) -> str:
        """Keep an article's site record in the store; the digest its entry names it by (made(site=…))."""
        return self.record.keep(text)

    def site_text(self, sha: str) -> str | None:
        """The site record kept as `sha` (keep_site); None when the store lacks it."""
        return self.record.blob(sha)

    def made(self, stem: str, target: Path, warnings: list[str], **fields) -> None:
        """The page of `stem` was written: record it (not when its key is unknown)."""
        self.changed = True
        key = self._keys.get(stem)
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

    # -- the corpus pages and the search index (build_site) ------------------------------

    def corpus_key(self, records: dict[str, str], page_size: int) -> str:
        """The key of every corpus page at once: the site records of the articles held (stem -> its digest, keep_site)."""
        self._records = records
        self._corpus = buildrecord.digest(self.environment, page_size, sorted(records.items()))
        return self._corpus

    def corpus_stands(self, records: dict[str, str], page_size: int) -> list[Path] | None:
        """The corpus pages, when every one stands as it is for the site records of the articles
        held (stem -> digest; None: some must be made)."""
        self.corpus_key(records, page_size)
        entry = self.record.entries.get(CORPUS)
        if entry is None or entry.get("key") != self._corpus:
            return None
        pages = entry.get("pages")
        if not isinstance(pages, dict) or not isinstance(entry.get("lang"), str) or not all(buildrecord.file_sha(self.out_dir / rel) == sha for rel, sha in pages.items()):
            return None
        return [self.out_dir / rel for rel in pages]

    def begin_corpus(self, lang: str) -> None:
        """Before the corpus pages are looked at: the register entries an article that changed
        (its site record, before or now) names, whose pages are to be made again."""
        records = self._records
        changed = [stem for stem, sha in records.items() if self._previous.get(stem) != sha]
        changed += [stem for stem in self._previous if stem not in records]
        self._affected = set()
        self._lang = lang
        for stem in changed:
            for sha in (records.get(stem), self._previous.get(stem)):
                if sha is None:
                    continue
                text = self.site_text(sha)
                if text is None:  # the store lacks it: which entries it named is unknown, every page is looked at
                    self._affected = None
                    return
                doc = etree.fromstring(text.encode("utf-8"))
                self._affected.update(e.get("id") for e in doc.iterfind("e"))
                self._affected.update(m.get("ref") for m in doc.iterfind("m"))

    def entity_stands(self, rel: str, keys: dict) -> bool:
        """Whether a page of a register entry (registers/<type>/<id>.html, …/<id>/n.html) stands as it is, its
        data not even made: no article that changed names the entry (begin_corpus), and the
        stylesheets, teikit and the site's language are those it was made with."""
        parts = rel.split("/")  # registers/<type>/<id>.html, or its page n: registers/<type>/<id>/n.html
        entry = self.record.entries.get(CORPUS) or {}
        old, pages = entry.get("keys"), entry.get("pages")
        if (len(parts) not in (3, 4) or parts[0] != "registers" or parts[1] not in ENTITY_DIRS or self._affected is None
                or parts[2].removesuffix(".html") in self._affected or entry.get("environment") != self.environment
                or entry.get("lang") != self._lang or not isinstance(old, dict) or not isinstance(pages, dict)
                or not isinstance(old.get(rel), str) or buildrecord.file_sha(self.out_dir / rel) != pages.get(rel)):
            return False
        keys[rel] = old[rel]
        return True

    def corpus_page(self, keys: dict, rel: str, template: str, data, write) -> bool:
        """Make one corpus page, write(data()), unless it stands (False): an entry's page no
        changed article names, or a page whose data, made again, is what it was made from."""
        if self.entity_stands(rel, keys):
            return False
        xml = data()
        keys[rel] = key = self.page_key(rel, template, xml)
        if self.page_stands(rel, key):
            return False
        write(xml)
        return True

    def page_key(self, rel: str, template: str, data: str) -> str:
        return buildrecord.digest(self.environment, rel, template, data)

    def page_stands(self, rel: str, key: str) -> bool:
        entry = self.record.entries.get(CORPUS) or {}
        keys, pages = entry.get("keys"), entry.get("pages")
        return (isinstance(keys, dict) and isinstance(pages, dict) and keys.get(rel) == key
                and buildrecord.file_sha(self.out_dir / rel) == pages.get(rel))

    def corpus_lang(self) -> str:
        """The site's language as the corpus pages standing were made in (corpus_stands)."""
        return self.record.entries[CORPUS].get("lang") or ""

    def corpus_made(self, keys: dict[str, str], complete: bool, lang: str) -> None:
        """The corpus pages as they now are (rel -> key), written or standing; not `complete`
        when one could not be written (then the corpus key is not recorded: all are looked at again)."""
        pages = {rel: buildrecord.file_sha(self.out_dir / rel) for rel in keys}
        self.record.entries[CORPUS] = {"key": self._corpus if complete else "", "sha256": None, "keys": keys,
                                       "pages": pages, "lang": lang, "environment": self.environment}

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
        if self.record.entries or self.record.path.exists():
            self.record.save(report)


def remove_made(out_dir, stage: str, stems, suffix: str) -> list[Path]:
    """The pages OUT/<stem><suffix> of `stems` that the record of `stage` says were written and
    are unchanged since, removed (their articles left the corpus); any other file is kept."""
    out_dir = Path(out_dir)
    record = buildrecord.Record(out_dir, stage)
    removed = []
    for stem in stems:
        page = out_dir / f"{stem}{suffix}"
        entry = record.entries.get(stem)
        if entry is not None and buildrecord.file_sha(page) == entry.get("sha256"):
            page.unlink()
            record.drop(stem)
            removed.append(page)
    if removed:
        record.save()
    return removed
