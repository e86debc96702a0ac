"""Rendering into a folder rendered before: which pages are already what rendering would write.

Contract (the record: teikit.buildrecord, `<out>/.teikit-build.json`; stage "site" for
build_site, "html" or "txt" for render_paths):
- An article page's key is the digest of its TEI file's bytes, its path and the link to
  it (tei_href), the page's options (the text edition's abbr, the corpus links), the
  stylesheets (every file of the renderer's xslt folder) and teikit itself (code, data,
  version). Its entry keeps the page's sha256, the warnings its reading said (replayed)
  and, in a site, what the corpus pages need of it (its site record, xslt/site/data.xsl's
  output): an unchanged article is neither parsed nor transformed again.
- The corpus pages (index, search page, registers, date register) are made from every
  article's site record: when the site holds the same articles with the same records
  (the "corpus" key) and every corpus page is still as written, none is made again;
  otherwise each is made again unless the data it is made from, its template, the
  stylesheets and teikit are those it was made from (its own key).
- The search index (pagefind/) is made again when an article page was written or
  removed, or the set of pages changed; its bytes are not reproducible (Pagefind#638), so
  its entry holds the digest of the pages it indexed and the sha256 of its pagefind.js.
"""

from __future__ import annotations

from pathlib import Path

from .. import buildrecord
from ..batch import Outcome, Report

# entries beside the articles' (by stem): names no file stem can be
SEARCH_ENTRY, CORPUS = "/pagefind", "/corpus"


def page_warnings(report: Report, path) -> list[str]:
    """The warnings `report` holds about the input `path` (each names it first: "FILE: …")."""
    prefix = f"{path}: "
    return [line for line in report.warnings if line.startswith(prefix)]


class PageRecord:
    """One render's use of its output folder's record."""

    def __init__(self, out_dir, stage: str, xslt_dir, options, *, force: bool = False):
        self.out_dir = Path(out_dir)
        self.record = buildrecord.Record(self.out_dir, stage, force=force)
        self.environment = buildrecord.digest(stage, buildrecord.stylesheets_digest(xslt_dir),
                                              buildrecord.code_digest(), options)
        self._keys: dict[str, str] = {}
        self.reused: set[str] = set()
        self.changed = False  # a page written or removed this run

    @property
    def warning(self) -> str | None:
        return self.record.warning

    def reuse(self, path, stem: str, href: str, target: Path) -> dict | None:
        """The entry of the page `target` of the TEI file `path` when it stands as it is (its
        warnings to be replayed); None when it is to be made (its key is kept for `made`)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None  # the render reports it
        key = self._keys[stem] = buildrecord.digest(self.environment, str(path), href, data)
        entry = self.record.fresh(stem, key, target)
        if entry is not None:
            self.reused.add(stem)
        return entry

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
        """The key of every corpus page at once: the site records of the articles held."""
        self._corpus = buildrecord.digest(self.environment, page_size, sorted(
            (stem, buildrecord.digest(text)) for stem, text in records.items()))
        return self._corpus

    def corpus_stands(self) -> list[Path] | None:
        """The corpus pages, when every one stands as it is (None: some must be made)."""
        entry = self.record.entries.get(CORPUS)
        if entry is None or entry.get("key") != self._corpus:
            return None
        pages = entry.get("pages") or {}
        if not all(buildrecord.file_sha(self.out_dir / rel) == sha for rel, sha in pages.items()):
            return None
        return [self.out_dir / rel for rel in pages]

    def page_key(self, rel: str, template: str, data: str) -> str:
        return buildrecord.digest(self.environment, rel, template, data)

    def page_stands(self, rel: str, key: str) -> bool:
        entry = self.record.entries.get(CORPUS) or {}
        return (entry.get("keys") or {}).get(rel) == key and \
            buildrecord.file_sha(self.out_dir / rel) == (entry.get("pages") or {}).get(rel)

    def corpus_made(self, keys: dict[str, str], complete: bool) -> None:
        """The corpus pages as they now are (rel -> key), written or standing; not `complete`
        when one could not be written (then the corpus key is not recorded: all are looked at again)."""
        pages = {rel: buildrecord.file_sha(self.out_dir / rel) for rel in keys}
        self.record.entries[CORPUS] = {"key": self._corpus if complete else "", "sha256": None, "keys": keys,
                                       "pages": pages}

    def search_stands(self, stems, how) -> bool:
        """Whether the search index indexes these article pages as they are, made `how` (its language, its shards)."""
        self._search = buildrecord.digest(self.environment, how, sorted(
            (stem, buildrecord.file_sha(self.out_dir / f"{stem}.html")) for stem in stems))
        entry = self.record.entries.get(SEARCH_ENTRY)
        return (entry is not None and entry.get("key") == self._search and
                buildrecord.file_sha(self.out_dir / "pagefind" / "pagefind.js") == entry.get("sha256"))

    def search_made(self) -> None:
        self.record.put(SEARCH_ENTRY, self._search, buildrecord.file_sha(self.out_dir / "pagefind" / "pagefind.js"))

    def save(self, report: Report) -> None:
        if self.record.entries or self.record.path.exists():
            self.record.save(report)
