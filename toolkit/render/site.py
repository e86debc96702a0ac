"""What a corpus site holds: the site manifest, so that rendering into a site updates it
and never shrinks it by accident.

A site folder made by teikit holds `.teikit-site.json` beside index.html:

    {"teikit-site": 1, "generator": "teikit 0.1.0",
     "articles": [{"stem": "a01", "tei": "../../tei/a01.xml"}, ...]}

one entry per article page <stem>.html, sorted by stem, `tei` being the TEI
master the page was rendered from, relative to the site folder (the very link
the page gives to its TEI). It is written (atomically) before any page, so a
kill leaves a manifest that lists at least every article whose page this run
wrote (with replace_site, pages of dropped articles may outlive a kill).

Contract of `plan_site` (everything it refuses raises SiteError; nothing has
been written by then):
- a folder without a manifest and without index.html is a new site: it will
  hold the given articles;
- a folder with index.html but no manifest holds a site teikit did not make
  (or one it cannot tell it made): refused, with or without `replace`;
- a folder with a manifest is a site: the given articles replace the pages of
  the same stem or are added, and every other article it holds is kept, its
  TEI read again from the recorded path; if such a TEI no longer exists or
  cannot be read, refused, unless `replace` (rebuild from the given files only);
- an unreadable manifest is refused, unless `replace`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import __version__
from ..collation import letter_slug
from ..errors import RenderError, SiteError
from ..fsutil import cannot_write, write_atomic

MANIFEST = ".teikit-site.json"
MANIFEST_VERSION = 1
NOTHING_WRITTEN = "nothing written"
REPLACE_HINT = "give --replace-site to rebuild the site from the given files only"


@dataclass
class SitePlan:
    """Where a render into `out_dir` stands: the articles it held (stem -> TEI path)
    and whether they are kept (an update) or dropped (a new or replaced site)."""

    out_dir: Path
    held: dict[str, Path] = field(default_factory=dict)
    exists: bool = False   # the folder holds a teikit site (a manifest)
    replace: bool = False  # rebuild from the given files only

    @property
    def updating(self) -> bool:
        return self.exists and not self.replace

    def kept(self, given_stems) -> dict[str, Path]:
        """The held articles an update keeps beside the given ones (none for a new or replaced site)."""
        if not self.updating:
            return {}
        given = set(given_stems)
        return {stem: path for stem, path in self.held.items() if stem not in given}

    def refuse(self, message: str, *, hint: bool = True) -> SiteError:
        tail = f"; {NOTHING_WRITTEN}" + (f" ({REPLACE_HINT})" if hint and not self.replace else "")
        return SiteError(message + tail, path=str(self.out_dir))


def plan_site(out_dir, *, replace: bool = False) -> SitePlan:
    """Read what `out_dir` holds (see the module contract); refusals raise SiteError."""
    out_dir = Path(out_dir)
    plan = SitePlan(out_dir, replace=replace)
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        if (out_dir / "index.html").exists():
            raise plan.refuse(f"index.html is not a teikit site's (no {MANIFEST} beside it): refusing to "
                              "overwrite it; render into another folder, or remove it yourself", hint=False)
        return plan
    plan.exists = True
    try:
        plan.held = read_manifest(manifest)
    except SiteError as exc:
        if not replace:
            raise plan.refuse(exc.message + "; refusing to update a site whose articles are unknown") from None
    return plan


def read_manifest(manifest: Path) -> dict[str, Path]:
    """stem -> TEI path (resolved against the site folder) from a site manifest."""
    try:
        data = json.loads(Path(manifest).read_text(encoding="utf-8"))
        entries = data["articles"]
        if data.get("teikit-site") != MANIFEST_VERSION or not isinstance(entries, list):
            raise ValueError("not a version-1 manifest")
        held: dict[str, Path] = {}
        for entry in entries:
            stem, tei = entry["stem"], entry["tei"]
            if not (isinstance(stem, str) and isinstance(tei, str)) or Path(tei).stem != stem or stem in held:
                raise ValueError(f"bad entry {entry!r}")
            held[stem] = Path(os.path.normpath(Path(manifest).parent / tei))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:  # nested too deep
        raise SiteError(f"{MANIFEST} cannot be read ({type(exc).__name__ if isinstance(exc, RecursionError) else exc})",
                        path=str(manifest)) from None
    return held


def write_manifest(out_dir: Path, hrefs: dict[str, str]) -> Path:
    """Write OUT/.teikit-site.json for the articles stem -> TEI href (relative to out_dir)."""
    articles = [{"stem": stem, "tei": hrefs[stem]} for stem in sorted(hrefs)]
    body = {"teikit-site": MANIFEST_VERSION, "generator": f"teikit {__version__}", "articles": articles}
    target = Path(out_dir) / MANIFEST
    try:
        write_atomic(target, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        raise RenderError(f"cannot write: {cannot_write(exc, target)}", path=str(target)) from None
    return target


def site_size(out_dir) -> int | None:
    """How many articles the site in `out_dir` holds (None: no readable manifest)."""
    try:
        return len(read_manifest(Path(out_dir) / MANIFEST))
    except SiteError:
        return None


INDEX_DIR = "index"  # the index's pages after the first (xslt/site/corpus.xsl, tk:index-href, names them alike)


def index_pages(articles: int, page_size: int) -> list[tuple[int, str]]:
    """(number from 1, path under the site) of each page of an index of `articles` articles,
    `page_size` a page: index.html, then index/2.html, …"""
    count = max(1, -(-articles // page_size))
    return [(n, "index.html" if n == 1 else f"{INDEX_DIR}/{n}.html") for n in range(1, count + 1)]


def remove_stale_register_pages(out_dir: Path, written: set[Path]) -> None:
    """The register and index pages an earlier run wrote and this one did not (an entry no article
    mentions any more, a letter or year no longer used, a register no longer paged): they
    are made from the TEI alone, so removing them loses nothing, and keeping them would
    keep stale links. Only the file names the site writes are touched."""
    from .renderer import DATES_FILE, REGISTER_FILES  # here: reading a manifest needs no stylesheets

    registers = out_dir / "registers"
    stems = [file.removesuffix(".html") for file in REGISTER_FILES.values()]
    candidates = [p for stem in (*stems, DATES_FILE.removesuffix(".html")) for p in (registers / stem).glob("*.html")]
    candidates += [p for stem in stems for p in registers.glob(f"{stem}-*.html")]
    candidates += list((out_dir / INDEX_DIR).glob("*.html"))  # index pages beyond the corpus's
    for page in candidates:
        if page not in written and page.is_file():
            page.unlink()


def remove_dropped(plan: SitePlan, stems: set[str], report) -> None:
    """--replace-site: the pages of the articles the old site held and the new one does not."""
    for stem in sorted(set(plan.held) - stems):
        page = plan.out_dir / f"{stem}.html"
        if page.is_file():
            page.unlink()
            report.warn(f"{page}: removed (the replaced site no longer holds {stem})")


def corpus_plan(store, page_size: int, facet_values: int):
    """(path under the site, template, its data made when called) of the index's pages, the
    registers and the date register, one page at a time from the store (render.sitedata; nothing made until asked); the
    search page offers `facet_values` values per entity facet."""
    from .renderer import DATES_FILE, REGISTER_FILES  # here: reading a manifest needs no stylesheets

    for page, rel in index_pages(store.article_count(), page_size):
        yield rel, "index-page", partial(store.index_xml, page, page_size)
    yield "search.html", "search-page", partial(store.search_xml, facet_values)
    for entity_type, file in REGISTER_FILES.items():
        stem = file.removesuffix(".html")
        paged = store.entry_count(entity_type) > page_size
        yield f"registers/{file}", "register-page", partial(store.register_xml, entity_type, paged=paged)
        if paged:
            for name in store.letter_counts(entity_type):
                yield (f"registers/{stem}-{letter_slug(name)}.html", "register-page",
                       partial(store.register_xml, entity_type, paged=True, page_letter=name))
        for entry in store.entries(entity_type):  # a cursor: the register is never held whole
            yield f"registers/{stem}/{entry.id}.html", "entity-page", partial(store.entity_xml, entry)
    yield f"registers/{DATES_FILE}", "timeline-page", store.timeline_xml
    for year in store.years():
        yield f"registers/dates/{year}.html", "year-page", partial(store.year_xml, year)
