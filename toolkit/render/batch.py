"""Rendering many files: article pages / text files, and the corpus site.

Both run on the one batch runner (teikit.batch): a bad file is reported and
skipped, an output name two inputs share is refused, and only a missing input
path (a usage error) stops them. Both return a batch.Report.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..batch import Batch, Progress, Report
from ..errors import RenderError
from ..fsutil import write_atomic
from .renderer import REGISTER_FILES, Renderer, SourceDocument, default_renderer

FORMATS = ("html", "txt")
TEI_SUFFIXES = (".xml",)


def tei_href(tei_path: Path, out_dir: Path) -> str:
    """The TEI file relative to the page's directory, as a URL path."""
    rel = os.path.relpath(Path(tei_path).resolve(), Path(out_dir).resolve())
    return Path(rel).as_posix()


def render_paths(paths, out_dir, fmt: str = "html", *, abbr: str = "keep",
                 renderer: Renderer | None = None, progress: Progress | None = None,
                 registers_href: str = "registers/", index_href: str = "index.html") -> Report:
    """Write OUT_DIR/<stem>.html or .txt for every TEI file in `paths` (files or directories).

    HTML pages link to the corpus pages at `registers_href` / `index_href`
    (write those with build_site, or pass '' to leave the links out) and to
    their TEI file by its path relative to out_dir.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    batch = Batch(paths, TEI_SUFFIXES, output_suffix=f".{fmt}", progress=progress)

    def render_one(path: Path) -> Path:
        if fmt == "html":
            out = renderer.html(path, tei_href=tei_href(path, out_dir),
                                registers_href=registers_href, index_href=index_href)
        else:
            out = renderer.text(path, abbr=abbr)
        target = out_dir / f"{path.stem}.{fmt}"
        _write(target, out)
        return target

    batch.run(render_one, label=f"render {fmt}")
    return batch.report


def build_site(tei_paths, out_dir, *, renderer: Renderer | None = None, articles: bool = True,
               progress: Progress | None = None) -> Report:
    """The corpus site in out_dir: <stem>.html per article (unless articles=False),
    index.html, and registers/persons.html, organisations.html, places.html.

    Documents that cannot be read are reported and left out of every page.
    """
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    batch = Batch(tei_paths, TEI_SUFFIXES, output_suffix=".html", progress=progress,
                  clash_message="same page name as")
    docs: list[SourceDocument] = []

    def page(path: Path) -> list[Path]:
        doc = renderer.load(path)
        written = []
        if articles:
            target = out_dir / f"{doc.stem}.html"
            _write(target, renderer.html(doc, tei_href=tei_href(path, out_dir)))
            written.append(target)
        docs.append(doc)
        return written

    batch.run(page, label="render html")
    report = batch.report
    target = out_dir / "index.html"
    _write(target, renderer.index_page(docs))
    report.written.append(target)
    for entity_type, file in REGISTER_FILES.items():
        target = out_dir / "registers" / file
        _write(target, renderer.register_page(docs, entity_type))
        report.written.append(target)
    return report


def _write(target: Path, text: str) -> None:
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise RenderError(f"cannot write: {exc.strerror}", path=str(target)) from None
