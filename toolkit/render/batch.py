"""Rendering many files: article pages / text files, and the corpus site.

Both run on the one batch runner (teikit.batch): a bad file is reported and
skipped, an output name two inputs share is refused, and only a missing input
path (a usage error) stops them. Both return a batch.Report. build_site also
keeps a site whole (render.site): into a folder that holds one it updates the
given articles and keeps the rest, and what would shrink or overwrite a site
is refused (SiteError) before anything is written.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import resources
from ..batch import Batch, Progress, Report, attempt_each
from ..parallel import make_engine
from ..errors import RenderError, ToolkitError
from ..fsutil import write_atomic
from .renderer import ASSETS_DIR, REGISTER_FILES, Renderer, SourceDocument, default_renderer
from .site import plan_site, write_manifest

FORMATS = ("html", "txt")
TEI_SUFFIXES = (".xml",)


def tei_href(tei_path: Path, out_dir: Path) -> str:
    """The TEI file relative to the page's directory, as a URL path."""
    rel = os.path.relpath(Path(tei_path).resolve(), Path(out_dir).resolve())
    return Path(rel).as_posix()


def render_paths(paths, out_dir, fmt: str = "html", *, abbr: str = "keep",
                 renderer: Renderer | None = None, progress: Progress | None = None,
                 registers_href: str = "registers/", index_href: str = "index.html",
                 jobs: int | None = 1, engine=None) -> Report:
    """Write OUT_DIR/<stem>.html or .txt for every TEI file in `paths` (files or directories).

    HTML pages link to the corpus pages at `registers_href` / `index_href`
    (write those with build_site, or pass '' to leave the links out) and to
    their TEI file by its path relative to out_dir; their script is written
    beside them (OUT_DIR/assets/highlight.js, see write_scripts).

    `jobs` processes (None: every core) or the given teikit.parallel engine,
    each worker compiling the stylesheets once; the same files whatever the number.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    out_dir = Path(out_dir)
    batch = Batch(paths, TEI_SUFFIXES, output_suffix=f".{fmt}", progress=progress)
    job = PageJob(out_dir, fmt, abbr, registers_href, index_href)
    local = engine is None and jobs == 1
    if local:
        renderer = renderer or default_renderer()
    if fmt == "html" and batch.files:
        write_scripts(out_dir, renderer or default_renderer(), batch.report)
    if local:
        batch.run(lambda path: job.render(renderer, path, batch.report), label=f"render {fmt}")
    else:
        state = _renderer_state(renderer)
        with nullcontext(engine) if engine is not None else make_engine(jobs, warm=state) as running:
            batch.run_on(running, _page_task, state=state, shared=job, label=f"render {fmt}")
    return batch.report


@dataclass(frozen=True)
class PageJob:
    """What renders one file into one page or text (the same in this process or in a worker)."""

    out_dir: Path
    fmt: str = "html"
    abbr: str = "keep"
    registers_href: str = "registers/"
    index_href: str = "index.html"
    warn: bool = True  # say a document is not teikit's (build_site says it when it reads them)

    def render(self, renderer: Renderer, source, report: Report) -> Path:
        doc = renderer.load(source)
        if self.warn:
            _warn_if_not_teikits(report, doc)
        if self.fmt == "html":
            out = renderer.html(doc, tei_href=tei_href(doc.path, self.out_dir),
                                registers_href=self.registers_href, index_href=self.index_href)
        else:
            out = renderer.text(doc, abbr=self.abbr)
        target = self.out_dir / f"{doc.stem}.{self.fmt}"
        _write(target, out)
        return target


def _worker_renderer() -> Renderer:
    return default_renderer()


def _renderer_state(renderer: Renderer | None):
    """What a worker compiles once: the project's stylesheets, or the same folder as `renderer`'s."""
    if renderer is None or Path(renderer.xslt_dir) == resources.xslt_dir():
        return _worker_renderer
    return partial(Renderer, str(renderer.xslt_dir))


def _page_task(renderer: Renderer, job: PageJob, paths: list) -> list:
    return attempt_each(paths, lambda path, report: job.render(renderer, path, report))


def write_scripts(out_dir: Path, renderer: Renderer, report: Report) -> None:
    """OUT_DIR/assets/*.js, the site's own scripts the pages include by file (their
    Content-Security-Policy allows no other); one that cannot be written is a failure
    of the report (the pages still work without it)."""
    for name, data in renderer.scripts.items():
        target = Path(out_dir) / ASSETS_DIR / name
        try:
            write_atomic(target, data)
        except OSError as exc:
            report.fail(target, f"{target}: cannot write: {exc.strerror}")


def build_site(tei_paths, out_dir, *, renderer: Renderer | None = None, articles: bool = True,
               progress: Progress | None = None, replace_site: bool = False,
               jobs: int | None = 1, engine=None) -> Report:
    """The corpus site in out_dir: <stem>.html per article (unless articles=False),
    index.html, registers/persons.html, organisations.html, places.html, and the
    site manifest (render.site, not listed in the report).

    Documents that cannot be read are reported and left out of every page. Into a
    folder that already holds a site, the given articles are updated or added and
    the index and registers still cover every article the site holds (their TEI
    read again from the manifest); `replace_site` rebuilds it from the given files
    only, removing the pages of the articles it drops. Refused (SiteError, nothing
    written): no input files at all; an index.html teikit did not make; an update
    that cannot read a kept article's TEI; a replacement that would leave the site empty.

    The article pages are rendered by `jobs` processes (None: every core) or the
    given engine; the index and registers, the reduction over the whole corpus,
    here, from every document read.
    """
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    plan = plan_site(out_dir, replace=replace_site)
    batch = Batch(tei_paths, TEI_SUFFIXES, output_suffix=".html", progress=progress,
                  clash_message="same page name as")
    if not batch.files:
        where = ", ".join(str(p) for p in tei_paths) or "no paths"
        raise plan.refuse(f"no TEI files (*.xml) in {where}", hint=False)
    given: dict[str, SourceDocument] = {}

    def read(path: Path) -> None:
        doc = renderer.load(path)
        _warn_if_not_teikits(batch.report, doc)
        given[doc.stem] = doc

    batch.run(read, label="reading TEI")
    kept = _load_kept(plan, renderer, given)
    if plan.exists and not given and not kept:
        raise plan.refuse("none of the given files could be read, and a site is never replaced by an empty one",
                          hint=False)
    docs = list(given.values()) if not plan.updating else sorted({**kept, **given}.values(), key=lambda d: d.stem)
    write_manifest(out_dir, {doc.stem: tei_href(doc.path, out_dir) for doc in docs})

    report = batch.report
    write_scripts(out_dir, renderer, report)
    if articles:
        missing = [doc for doc in kept.values() if not (out_dir / f"{doc.stem}.html").is_file()]
        pages = [*given.values(), *missing]
        job = PageJob(out_dir, warn=False)
        if engine is None and jobs == 1:
            for doc in batch.progress(pages, "render html"):
                target = batch.attempt(doc.path, lambda doc=doc: job.render(renderer, doc, report))
                if target is not None:
                    report.written.append(target)
        else:
            state = _renderer_state(renderer)
            with nullcontext(engine) if engine is not None else make_engine(jobs, warm=state) as running:
                for outcome in running.map(_page_task, batch.progress([doc.path for doc in pages], "render html"),
                                           state=state, shared=job, count=len(pages)):
                    target = batch.gather(outcome)
                    if target is not None:
                        report.written.append(target)
    target = out_dir / "index.html"
    _write(target, renderer.index_page(docs))
    report.written.append(target)
    for entity_type, file in REGISTER_FILES.items():
        target = out_dir / "registers" / file
        _write(target, renderer.register_page(docs, entity_type))
        report.written.append(target)
    if plan.exists and plan.replace:
        _remove_dropped(plan, {doc.stem for doc in docs}, report)
    return report


def _load_kept(plan, renderer: Renderer, given: dict) -> dict[str, SourceDocument]:
    """The held articles an update keeps, read from their recorded TEI; a refusal if any cannot be."""
    kept = plan.kept(given)
    gone = [stem for stem, path in kept.items() if not path.is_file()]
    if gone:
        more = f" (and {len(gone) - 1} more)" if len(gone) > 1 else ""
        raise plan.refuse(f"the site holds {gone[0]}.html, rendered from {kept[gone[0]]}, "
                          f"which no longer exists{more}: the index and registers could not list it")
    docs = {}
    for stem, path in kept.items():
        try:
            docs[stem] = renderer.load(path)
        except ToolkitError as exc:
            raise plan.refuse(f"the site holds {stem}.html, whose TEI cannot be read ({exc}): "
                              "the index and registers could not list it") from None
    return docs


def _remove_dropped(plan, stems: set[str], report: Report) -> None:
    """--replace-site: the pages of the articles the old site held and the new one does not."""
    for stem in sorted(set(plan.held) - stems):
        page = plan.out_dir / f"{stem}.html"
        if page.is_file():
            page.unlink()
            report.warn(f"{page}: removed (the replaced site no longer holds {stem})")


def _warn_if_not_teikits(report: Report, doc: SourceDocument) -> None:
    """Anyone's TEI is rendered all the same; the warning says its edition follows docs/editions.md."""
    if not doc.teikit:
        report.warn(f"{doc.name}: not a teikit document (its header declares no teikit application): "
                    "rendered as generic TEI")


def _write(target: Path, text: str) -> None:
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise RenderError(f"cannot write: {exc.strerror}", path=str(target)) from None
