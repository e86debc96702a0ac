"""Rendering many files: article pages / text files, and the corpus site.

Both run on the one batch runner (teikit.batch): a bad file is reported and
skipped, an output name two inputs share is refused, and only a missing input
path (a usage error) stops them. Both return a batch.Report. build_site also
keeps a site whole (render.site): into a folder that holds one it updates the
given articles and keeps the rest, and what would shrink or overwrite a site
is refused (SiteError) before anything is written. A page that cannot be
written (a full or read-only disk) is that page's failure, one line naming it,
and every other page is still tried, so the report names every page not
written (and an old page of that name is kept); a site manifest that cannot be
written stops the site before any page, each page it was to write reported as
not written.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import ExitStack, closing, contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path

from .. import resources
from ..batch import Batch, Counted, Outcome, Progress, Report
from ..parallel import InlineEngine, make_engine
from ..errors import RenderError, ToolkitError
from ..fsutil import cannot_write, clean_stale_temps, write_atomic
from ..names import TEI_SUFFIXES
from .renderer import ASSETS_DIR, Renderer, SourceDocument, default_renderer
from .site import (MANIFEST, PAGE_SIZE, REPLACE_HINT, corpus_plan, page_refusal, plan_site, remove_dropped,
                   write_manifest, write_page)
from . import teicopy
from .corpuspages import make_corpus_pages
from .siterecord import PageRecord, page_warnings
from .stale import remove_stale_register_pages
from .search import BUNDLE, SHARD_PAGES, build_index
from .sitedata import SiteData, use_register
from .tasks import page_task, record_task, renderer_state, warn_about

FORMATS = ("html", "txt")


def tei_href(tei_path: Path, out_dir: Path) -> str:
    """The TEI file relative to the page's directory, as a URL path."""
    rel = os.path.relpath(Path(tei_path).resolve(), Path(out_dir).resolve())
    return Path(rel).as_posix()


def render_paths(paths, out_dir, fmt: str = "html", *, abbr: str = "keep",
                 renderer: Renderer | None = None, progress: Progress | None = None,
                 registers_href: str = "registers/", index_href: str = "index.html",
                 jobs: int | None = 1, engine=None, follow_symlinks: bool = False, force: bool = False) -> Report:
    """Write OUT_DIR/<stem>.html or .txt for every TEI file in `paths` (files or directories;
    nothing under out_dir: teikit.batch, "Own outputs").

    HTML pages link to the corpus pages at `registers_href` / `index_href`
    (write those with build_site, or pass '' to leave the links out) and to
    their TEI file by its path relative to out_dir; their script is written
    beside them (OUT_DIR/assets/highlight.js, see write_scripts).

    `jobs` processes (None: every core) or the given teikit.parallel engine,
    each worker compiling the stylesheets once; the same files whatever the number.
    Into a folder rendered before, a file already what it would be is not written again
    (render.siterecord: report.unchanged); `force` writes every one.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    out_dir = Path(out_dir)
    batch = Batch(paths, TEI_SUFFIXES, output_suffix=f".{fmt}", progress=progress, follow_symlinks=follow_symlinks,
                  outputs=(out_dir,))
    job = PageJob(out_dir, fmt, abbr, registers_href, index_href)
    record = PageRecord(out_dir, fmt, renderer.xslt_dir if renderer else resources.xslt_dir(),
                        (abbr if fmt == "txt" else None, registers_href, index_href), force=force)
    if record.warning:
        batch.report.warn(record.warning)
    ready = record.ready(batch, f".{fmt}", tei_href)  # the files that stand as they are
    local = engine is None and jobs == 1
    if local:
        renderer = renderer or default_renderer()
    if fmt == "html" and batch.files:
        write_scripts(out_dir, renderer or default_renderer(), batch.report)
    running = InlineEngine() if local else engine
    state = (lambda: renderer) if local else renderer_state(renderer)
    with nullcontext(running) if running is not None else make_engine(jobs, warm=state) as running:
        batch.run_on(running, page_task, state=state, shared=job, label=f"render {fmt}", ready=ready)
    _sweep_after(engine, out_dir)
    record.after(batch)
    return batch.report


def _sweep_after(engine, out_dir: Path) -> None:
    """After a run on a cluster: a worker killed mid-write left its temporary (the page was written again)."""
    if getattr(engine, "distributed", False):
        clean_stale_temps(out_dir)


@dataclass(frozen=True)
class PageJob:
    """What renders one file into one page or text (the same in this process or in a worker)."""

    out_dir: Path
    fmt: str = "html"
    abbr: str = "keep"
    registers_href: str = "registers/"
    index_href: str = "index.html"
    warn: bool = True  # say what a document's edition is not told by (build_site says it when it reads them)
    site: bool = False  # a site's page: it links to the site's copy of its TEI, written first (render.teicopy)

    def render(self, renderer: Renderer, source, report: Report) -> Path:
        doc = renderer.load(source)
        if self.warn:
            warn_about(report, doc)
        if self.fmt == "html":
            out = renderer.html(doc, tei_href=teicopy.page_href(doc.stem) if self.site else tei_href(doc.path, self.out_dir),
                                registers_href=self.registers_href, index_href=self.index_href)
        else:
            out = renderer.text(doc, abbr=self.abbr)
        target = self.out_dir / f"{doc.stem}.{self.fmt}"
        if self.site:
            teicopy.write(self.out_dir, doc.stem, doc.path)
        _write(target, out)
        return target


def write_scripts(out_dir: Path, renderer: Renderer, report: Report) -> None:
    """OUT_DIR/assets/*.js, the site's own scripts the pages include by file (their
    Content-Security-Policy allows no other); one that cannot be written is a failure
    of the report (the pages still work without it)."""
    for name, data in renderer.scripts.items():
        target = Path(out_dir) / ASSETS_DIR / name
        try:
            write_atomic(target, data)
        except OSError as exc:
            report.fail(target, f"{target}: cannot write: {cannot_write(exc, target)}")


# The search page offers this many values per entity facet (the entries in most articles).
SEARCH_FACET_VALUES = 50


def build_site(tei_paths, out_dir, *, renderer: Renderer | None = None, articles: bool = True,
               progress: Progress | None = None, replace_site: bool = False,
               register_page_size: int = PAGE_SIZE, search_index: bool = True,
               search_shard_pages: int = SHARD_PAGES, jobs: int | None = 1, engine=None, follow_symlinks: bool = False,
               force: bool = False, replace_hint: str = REPLACE_HINT) -> Report:
    """The corpus site in out_dir: <stem>.html per article (unless articles=False),
    index.html, the registers (registers/persons.html, organisations.html, places.html,
    one page per letter beyond `register_page_size` entries, registers/<type>/<id>.html
    per entry), the date register (registers/dates.html, registers/dates/<year>.html),
    search.html and its index (pagefind/, render.search, in shards of at most
    `search_shard_pages` pages; unless search_index=False: the page then finds nothing) and the site manifest (render.site).
    The report counts the pages written and those unchanged (Report.written_count, unchanged_count)
    and names none of them (a site has as many pages as articles and register entries); it names
    every failure.

    One document is in memory at a time: each is read once, its page and what the
    corpus pages need of it kept in a temporary store (render.sitedata) until the
    manifest is written. Documents that cannot be read are reported and left out of
    every page. Into a folder that already holds a site, the given articles are
    updated or added and the index and registers still cover every article the site
    holds (their TEI read again from the manifest); `replace_site` rebuilds it from
    the given files only, removing the pages of the articles it drops. Refused (`replace_hint`:
    what the refusal of an update says to do, render's --replace-site by default)
    (SiteError, nothing written): an index.html teikit did not
    make; an update that cannot read a kept article's TEI; a replacement that would
    leave the site empty. Paths that hold no TEI file raise teikit.errors.NoInputError (teikit.batch).

    With `jobs` processes (None: every core) or an engine, the workers read each
    document and make its site record (gathered into the store here, in input
    order), then render the article pages (each reading its document again) once
    the manifest is written, then the corpus pages (the reduction over the whole corpus:
    each page's data and its record here, its transform and write by the workers, render.corpuspages).

    Into a site rendered before, a page already what it would be is not made again
    (render.siterecord: counted in report.unchanged_count), nor are the corpus pages when no article
    changed, nor the search index's shards whose pages did not (render.search);
    `force` makes every one.
    """
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    plan = plan_site(out_dir, replace=replace_site, hint=replace_hint)
    batch = Batch(tei_paths, TEI_SUFFIXES, output_suffix=".html", progress=progress, follow_symlinks=follow_symlinks,
                  clash_message="same page name as", outputs=(out_dir,))
    report = batch.report
    report.warnings.extend(plan.notes)
    record = PageRecord(out_dir, "site", renderer.xslt_dir, (register_page_size, search_index), force=force)
    batch.refuse = lambda path: page_refusal(plan, record.knows, path) or teicopy.refusal(out_dir, record.copy_sha, path)
    if record.warning:
        report.warn(record.warning)
    ledger = record.ledger  # what the build tracks of each article and corpus page (never a dict as long as the corpus)
    # the site's scratch store failing (a full /tmp): one line
    with closing(record), _store_failures(out_dir, "its index and registers cannot be made:"), SiteData() as store, \
            ExitStack() as pools:
        state = renderer_state(renderer)
        workers: list = []  # the engine (not local): started once, for the site records and the pages

        def pool():
            if not workers:
                workers.append(pools.enter_context(nullcontext(engine) if engine is not None
                                                   else make_engine(jobs, warm=state)))
            return workers[0]

        def page(doc: SourceDocument) -> None:
            store.put_page(doc.stem, renderer.html(doc, tei_href=teicopy.page_href(doc.stem)))

        local = engine is None and jobs == 1
        missing: list[Path] = []  # kept articles whose page is gone, rendered by the workers (not local)

        def read(path: Path) -> None:
            page_path = out_dir / f"{Path(path).stem}.html"
            entry = record.reuse(path, Path(path).stem, tei_href(path, out_dir), page_path, site=True) if articles else None
            if entry is not None:  # its page stands: what the corpus pages need of it is recorded
                report.warnings.extend(entry["warnings"])
                report.unchanged_unlisted += 1
            doc = renderer.load(path) if entry is None else None
            if doc is not None:
                warn_about(report, doc)
            stem, text = (doc.stem, renderer.site_record(doc)) if doc is not None else (Path(path).stem, entry["site"])
            if doc is not None:  # else stored only if the corpus pages are to be made (below)
                _keep(store, stem, text, path)
                text = record.keep_site(text)
            ledger.set(stem, site=text, path=str(path), given=1, held=1, deferred=int(doc is None))
            if doc is not None and articles and local:
                batch.attempt(doc.path, lambda: page(doc))

        def keep(result) -> None:  # not local: what read does, with a record a worker made (or the record's)
            path, entry, made = result
            if entry is not None:  # its page stands (its warnings came with its outcome)
                ledger.set(Path(path).stem, site=entry["site"], path=str(path), given=1, held=1, deferred=1)
                return
            stem, text = made
            if batch.attempt(path, partial(_keep, store, stem, text, path)):
                ledger.set(stem, site=record.keep_site(text), path=str(path), given=1, held=1)

        if local:
            batch.run(read, label="reading TEI")
        else:  # each document read and its site record made by the workers (as read does), kept here
            if articles:
                for path in (path for path in batch.files if batch.clash(path) is None):
                    record.reuse(path, path.stem, tei_href(path, out_dir), out_dir / f"{path.stem}.html", site=True)

            def reused(path: Path) -> Outcome | None:  # a page that stands: its outcome, made when asked (none held)
                entry = record.reused_entry(path.stem)
                return None if entry is None else Outcome(True, (path, entry, None), Report(
                    warnings=list(entry["warnings"]), unchanged_unlisted=1))
            batch.run_on(pool(), record_task, state=state, label="reading TEI", each=keep, ready=reused)
        given = ledger.count("given = 1")
        kept = _read_kept(plan, renderer, store, page if articles and local else None, batch,
                          missing if articles and not local else None, record)
        if plan.exists and not given and not kept:
            raise plan.refuse("none of the given files could be read, and a site is never replaced by an empty one",
                              hint=False)
        corpus = record.corpus_stands(register_page_size)
        if corpus is None:  # the corpus pages are to be made: every article in the store (one that cannot be, left out)
            for stem, sha, path in ledger.rows("site, path", "deferred = 1"):
                if not batch.attempt(Path(path), partial(_keep_again, store, record, renderer, stem, sha, Path(path))):
                    ledger.drop(stem)
            use_register(store, (Path(path) for _, path in ledger.rows("path", "held = 1")), report)  # its names (a change of it: the corpus key's)
        try:
            write_manifest(out_dir, ((stem, tei_href(Path(path), out_dir)) for stem, path in ledger.rows("path", "held = 1")))
        except RenderError as exc:
            # Without its manifest the site would not know its articles: nothing more is written,
            # the site stays as it was, and every page this run was to write is named.
            report.fail(out_dir, str(exc))
            stems = [stem for stem, _ in store.pages()] + ([stem for stem in [*(s for s, _ in ledger.rows("path", "given = 1")),
                *(p.stem for p in missing)] if not record.was_reused(stem)] if articles and not local else [])
            targets = [out_dir / f"{stem}.html" for stem in stems]
            targets += [out_dir / rel for rel, _, _ in corpus_plan(store, register_page_size, SEARCH_FACET_VALUES)]
            for target in targets:
                report.fail(target, f"{target}: not written ({MANIFEST} could not be written: the site is left as it was)")
            return report

        write_scripts(out_dir, renderer, report)
        for stem, html in store.pages():
            target, source = out_dir / f"{stem}.html", Path(ledger.get(stem, "path"))
            written = batch.attempt(source, lambda: (teicopy.write(out_dir, stem, source), write_page(target, html)))
            if written:  # its TEI copy first, then the page that links to it
                report.written_unlisted += 1
                record.made(stem, target, page_warnings(report, source), site=ledger.get(stem, "site"),
                            **{teicopy.FIELD: written[0]})
            else:
                record.failed(stem)
        store.drop_pages()
        if articles and not local:
            job = PageJob(out_dir, warn=False, site=True)
            todo = ledger.count("given = 1 AND reused = 0") + len(missing)
            paths = chain((Path(path) for _, path in ledger.rows("path", "given = 1 AND reused = 0")), missing)
            for outcome in pool().map(page_task, batch.progress(Counted(paths, todo), "render html"),
                                      state=state, shared=job, count=todo):
                target = batch.gather(outcome)
                if target is not None:
                    report.written_unlisted += 1
                    source = Path(ledger.get(target.stem, "path"))
                    record.made(target.stem, target, page_warnings(report, source), site=ledger.get(target.stem, "site"),
                                **{teicopy.FIELD: teicopy.recorded_sha(out_dir, target.stem, source)})
            _sweep_after(engine, out_dir)
        if corpus is not None:  # every corpus page of this site, written or not (an old one that could not be rewritten stays)
            report.unchanged_unlisted += corpus
            lang = record.corpus_lang()
        else:  # the Saxon transforms by the workers (not local), the data and the record here (render.corpuspages)
            record.corpus_key(register_page_size)
            lang = store.lang()
            record.begin_corpus(lang)
            written, unchanged = make_corpus_pages(InlineEngine() if local else pool(), (lambda: renderer) if local
                                                   else state, batch, record, store, out_dir, register_page_size,
                                                   SEARCH_FACET_VALUES, _stored)
            report.written_unlisted += written
            report.unchanged_unlisted += unchanged
            record.corpus_made(lang)
            if not local:
                _sweep_after(engine, out_dir)
        pools.close()  # the workers are done: their memory goes before Pagefind runs
        remove_stale_register_pages(out_dir, ledger.seen, record.wrote, report)
        record.forget_unseen()
        # Pagefind indexes the article pages; with none written (a full disk) there is nothing to index.
        indexed = partial(ledger.pages_on_disk, out_dir)
        if search_index and next(indexed(), None) is not None:  # only the shards whose pages changed are indexed again
            try:
                record.search_made(build_index(out_dir, lang, pages=indexed(), shard_pages=search_shard_pages,
                                               built=record.search_built()))
            except RenderError as exc:
                report.fail(out_dir / BUNDLE, f"{exc.path or out_dir}: {exc.message}")
        if plan.exists and plan.replace:
            remove_dropped(plan, lambda stem: bool(ledger.get(stem, "held")), report)
            teicopy.remove_dropped(plan, lambda stem: bool(ledger.get(stem, "held")), record.copy_sha)
        record.keep_held()
        record.save(report)
    return report


def _keep(store: SiteData, stem: str, record: str, path) -> bool:
    with _store_failures(path, "cannot be kept in"):
        store.add(stem, record)
    return True


def _keep_again(store: SiteData, record: PageRecord, renderer: Renderer, stem: str, sha: str, path) -> bool:
    """An article whose page stands into the site's store: its site record as the build record's
    store keeps it, or (a store that lost it) made again from its TEI."""
    return _keep(store, stem, record.site_text(sha) or renderer.site_record(renderer.load(path)), path)


@contextmanager
def _store_failures(name: Path, what: str):
    """The site's scratch store (SQLite in the system's temporary folder) failing, as on a full
    or read-only temporary folder, is one RenderError naming `name`, not a traceback."""
    try:
        yield
    except sqlite3.Error as exc:
        raise RenderError(f"{what} the site's working store in {tempfile.gettempdir()} ({exc})",
                          path=str(name)) from None


def _stored(target: Path, data):
    """data() of a corpus page, read from the site's store (its failure: one line naming the page)."""
    with _store_failures(target, "cannot be made from"):
        return data()


def _read_kept(plan, renderer: Renderer, store: SiteData, page, batch: Batch, missing: list | None,
               record: PageRecord) -> int:
    """The held articles an update keeps, read from their recorded TEI into the store and the
    ledger (their page rendered again only where it is missing); a refusal if any cannot be read.
    How many it keeps."""
    ledger = record.ledger
    given = partial(ledger.get, field="given")  # the articles given (1), not kept
    count, gone = 0, []  # how many are kept; those whose TEI is gone
    for stem, path in plan.kept(given):
        count += 1
        gone += [] if path.is_file() else [(stem, path)]
    if gone:
        more = f" (and {len(gone) - 1} more)" if len(gone) > 1 else ""
        raise plan.refuse(f"the site holds {gone[0][0]}.html, rendered from {gone[0][1]}, "
                          f"which no longer exists{more}: the index and registers could not list it")
    for stem, path in batch.progress(Counted(plan.kept(given), count), "reading the site's other TEI"):
        try:
            doc = renderer.load(path)
            text = renderer.site_record(doc)
            store.add(stem, text)
            ledger.set(stem, site=record.keep_site(text), path=str(path), held=1)
        except ToolkitError as exc:
            raise plan.refuse(f"the site holds {stem}.html, whose TEI cannot be read ({exc}): "
                              "the index and registers could not list it") from None
        if not (plan.out_dir / f"{stem}.html").is_file():
            if refused := teicopy.refusal(plan.out_dir, record.copy_sha, path):
                batch.report.fail(path, refused)
            elif page is not None:
                batch.attempt(path, lambda doc=doc: page(doc))
            elif missing is not None:
                missing.append(path)
    return count


def _write(target: Path, text: str) -> bool:
    return write_page(target, text.encode("utf-8"))
