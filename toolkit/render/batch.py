"""Rendering many files: article pages / text files, and the corpus site.

Both functions carry on past a bad file and report it; only a missing input
path (a usage error) stops them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RenderError
from ..fsutil import collect_files, stem_clashes, write_atomic
from .renderer import REGISTER_FILES, Renderer, SourceDocument, default_renderer

FORMATS = ("html", "txt")
TEI_SUFFIXES = (".xml",)


@dataclass(frozen=True)
class Failure:
    path: Path
    message: str  # "file: problem", as the CLI prints it after "error: "


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def tei_href(tei_path: Path, out_dir: Path) -> str:
    """The TEI file relative to the page's directory, as a URL path."""
    rel = os.path.relpath(Path(tei_path).resolve(), Path(out_dir).resolve())
    return Path(rel).as_posix()


def render_paths(paths, out_dir, fmt: str = "html", *, abbr: str = "keep",
                 renderer: Renderer | None = None, progress=None,
                 registers_href: str = "registers/", index_href: str = "index.html") -> RenderReport:
    """Write OUT_DIR/<stem>.html or .txt for every TEI file in `paths` (files or directories).

    HTML pages link to the corpus pages at `registers_href` / `index_href`
    (write those with build_site, or pass '' to leave the links out) and to
    their TEI file by its path relative to out_dir.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    files = collect_files(paths, TEI_SUFFIXES)
    clashes = stem_clashes(files)
    report = RenderReport()
    for path in (progress(files) if progress else files):
        try:
            if path in clashes:
                raise RenderError(f"same output name as {clashes[path]}: {path.stem}.{fmt}", path=str(path))
            if fmt == "html":
                out = renderer.html(path, tei_href=tei_href(path, out_dir),
                                    registers_href=registers_href, index_href=index_href)
            else:
                out = renderer.text(path, abbr=abbr)
            target = out_dir / f"{path.stem}.{fmt}"
            _write(target, out)
        except RenderError as exc:
            report.failures.append(Failure(path, str(exc)))
            continue
        report.written.append(target)
    return report


def build_site(tei_paths, out_dir, *, renderer: Renderer | None = None, articles: bool = True,
               progress=None) -> RenderReport:
    """The corpus site in out_dir: <stem>.html per article (unless articles=False),
    index.html, and registers/persons.html, organisations.html, places.html.

    Documents that cannot be read are reported and left out of every page.
    """
    renderer = renderer or default_renderer()
    out_dir = Path(out_dir)
    files = collect_files(tei_paths, TEI_SUFFIXES)
    report = RenderReport()
    docs: list[SourceDocument] = []
    clashes = stem_clashes(files)
    for path in (progress(files) if progress else files):
        try:
            if path in clashes:
                raise RenderError(f"same page name as {clashes[path]}: {path.stem}.html", path=str(path))
            doc = renderer.load(path)
            if articles:
                target = out_dir / f"{doc.stem}.html"
                _write(target, renderer.html(doc, tei_href=tei_href(path, out_dir)))
                report.written.append(target)
        except RenderError as exc:
            report.failures.append(Failure(path, str(exc)))
            continue
        docs.append(doc)
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
