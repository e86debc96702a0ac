"""What a corpus site holds: the site manifest, so that rendering into a site updates it
and never shrinks it by accident.

A site folder made by teikit holds `.teikit-site.json` beside index.html:

    {"teikit-site": 1, "generator": "teikit 0.1.0",
     "articles": [{"stem": "a01", "tei": "../../tei/a01.xml"}, ...]}

one entry per article page <stem>.html, sorted by stem, `tei` being the TEI
master the page was rendered from, relative to the site folder (the page links the site's
copy of it, render.teicopy). It is written (atomically) before any page, so a
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

Every page of a site is written one way, `write_page` (atomically; its failure a RenderError
naming the page), by the build (render.batch) and by whoever makes its corpus pages
(render.corpuspages).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import __version__
from ..collation import letter_slug
from ..errors import RenderError, SiteError
from ..fsutil import atomic_writer, cannot_write, write_atomic
from ..recordstore import in_blocks

def _held_table() -> sqlite3.Connection:
    db = sqlite3.connect("")  # SQLite's private temporary file (SitePlan)
    db.execute("CREATE TABLE held (stem TEXT PRIMARY KEY, path TEXT)")
    return db


MANIFEST = ".teikit-site.json"
MANIFEST_VERSION = 1
NOTHING_WRITTEN = "nothing written"
REPLACE_HINT = "give --replace-site to rebuild the site from the given files only"


@dataclass
class SitePlan:
    """Where a render into `out_dir` stands: the articles it held (stem -> TEI path, in a private
    temporary SQLite file: a site's manifest may list any number) and whether they are kept (an
    update) or dropped (a new or replaced site)."""

    out_dir: Path
    exists: bool = False   # the folder holds a teikit site (a manifest)
    replace: bool = False  # rebuild from the given files only
    hint: str = REPLACE_HINT  # what a refusal of an update says to do (the command's way to replace the site)
    _db: sqlite3.Connection = field(default_factory=_held_table, repr=False)
    notes: list[str] = field(default_factory=list)  # warnings of reading the manifest (hold)

    @property
    def updating(self) -> bool:
        return self.exists and not self.replace

    def hold(self, entries) -> None:
        """The articles (stem, TEI path) the site holds, from its manifest (iter_manifest); a stem listed twice:
        ValueError. One whose page is one of the site's own (an earlier teikit let it be) is left out, noted."""
        def pageable(entries):
            for stem, path in entries:
                if stem.casefold() in SITE_PAGES:
                    self.notes.append(f"{self.out_dir / MANIFEST}: the site held an article {stem}, whose page was the "
                                      f"site's own {stem}.html: left out of the site (rename its file, render it again)")
                else:
                    yield stem, str(path)
        try:
            self._db.executemany("INSERT INTO held VALUES (?, ?)", pageable(entries))
        except BaseException as exc:
            self._db.execute("DELETE FROM held")  # a manifest that cannot be read holds no article (not those before the fault)
            if isinstance(exc, sqlite3.IntegrityError):
                raise ValueError("an article listed twice") from None
            raise

    def held(self, where: str = "1", parameters: tuple = ()):
        """(stem, TEI path) of the articles held, in stem order, a block at a time."""
        rows = in_blocks(lambda last: self._db.execute(
            f"SELECT stem, path FROM held WHERE stem > ? AND ({where}) ORDER BY stem LIMIT 1000",
            (last, *parameters)).fetchall())
        return ((stem, Path(path)) for stem, path in rows)

    def holds(self, stem: str) -> bool:
        return self._db.execute("SELECT 1 FROM held WHERE stem = ?", (stem,)).fetchone() is not None

    def held_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM held").fetchone()[0]

    def kept(self, given):
        """(stem, TEI path) of the held articles an update keeps beside those `given` (a stem's
        predicate), in stem order; none for a new or replaced site."""
        return (item for item in self.held() if not given(item[0])) if self.updating else iter(())

    def refuse(self, message: str, *, hint: bool = True) -> SiteError:
        tail = f"; {NOTHING_WRITTEN}" + (f" ({self.hint})" if hint and not self.replace else "")
        return SiteError(message + tail, path=str(self.out_dir))


def plan_site(out_dir, *, replace: bool = False, hint: str = REPLACE_HINT) -> SitePlan:
    """Read what `out_dir` holds (see the module contract); refusals raise SiteError (an update's
    saying `hint`)."""
    out_dir = Path(out_dir)
    plan = SitePlan(out_dir, replace=replace, hint=hint)
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        if (out_dir / "index.html").exists():
            raise plan.refuse(f"index.html is not a teikit site's (no {MANIFEST} beside it): refusing to "
                              "overwrite it; render into another folder, or remove it yourself", hint=False)
        return plan
    plan.exists = True
    try:
        _read(manifest, plan.hold)
    except SiteError as exc:
        if not replace:
            raise plan.refuse(exc.message + "; refusing to update a site whose articles are unknown") from None
    return plan


# The site's own pages beside the articles' (OUT/<stem>.html): an article of such a stem would overwrite one.
SITE_PAGES = ("index", "search")


def page_refusal(plan: SitePlan, recorded, path) -> str | None:
    """Why the article `path` may not have its page OUT/<stem>.html, or None: its stem is one of
    the site's own pages' (SITE_PAGES), or a file is there that is no article's page of this site
    (neither its manifest holds the stem nor its build record, `recorded(stem)`, knows it: an
    editor's about.html), which is kept. The manifest is written before any page, so a run
    killed while writing them leaves pages it holds."""
    stem = Path(path).stem
    page = plan.out_dir / f"{stem}.html"
    if stem.casefold() in SITE_PAGES:  # any case: a folder may not tell Index.html from index.html
        return f"{path}: its page would be {page}, the site's own {stem.casefold()} page; rename the file (its source, for a build)"
    if (page.exists() or page.is_symlink()) and not plan.holds(stem) and not recorded(stem):
        return (f"{path}: its page would replace {page}, which is no article's page of this site (not in its "
                f"{MANIFEST}): that file is kept; rename this one, or remove that file yourself")
    return None


def read_manifest(manifest: Path) -> dict[str, Path]:
    """stem -> TEI path (resolved against the site folder) from a site manifest (a whole dict: for
    a caller that wants one; a site build reads it one article at a time, into SitePlan)."""
    held: dict[str, Path] = {}

    def hold(entries) -> None:
        for stem, path in entries:
            if stem in held:
                raise ValueError("an article listed twice")
            held[stem] = path

    _read(manifest, hold)
    return held


def _read(manifest: Path, hold) -> None:
    """hold(the manifest's (stem, TEI path) one at a time); SiteError naming it when it cannot be read."""
    try:
        hold(iter_manifest(manifest))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:  # nested too deep
        raise SiteError(f"{MANIFEST} cannot be read ({type(exc).__name__ if isinstance(exc, RecursionError) else exc})",
                        path=str(manifest)) from None


def iter_manifest(manifest: Path):
    """(stem, TEI path resolved against the site folder) of each article a site manifest lists, one at
    a time: the JSON object is walked, its "articles" array decoded an entry at a time (never the
    list whole; the file's text is read whole, about 100 bytes an article). ValueError (json's, or naming what is wrong) for what is not a version-1 manifest;
    that the stems differ is the caller's to check."""
    text = Path(manifest).read_text(encoding="utf-8")
    decoder, folder = json.JSONDecoder(), Path(manifest).parent
    fields: dict = {}
    pos = _space(text, 0)
    if text[pos:pos + 1] != "{":
        raise ValueError("not a version-1 manifest")
    pos = _space(text, pos + 1)
    while text[pos:pos + 1] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _space(text, pos)
        if not isinstance(key, str) or text[pos:pos + 1] != ":":
            raise ValueError(f"not a JSON object at char {pos}")
        pos = _space(text, pos + 1)
        if key == "articles" and key in fields:
            raise ValueError("two articles lists")  # (json.loads would keep the last: its articles were given already)
        if key == "articles" and text[pos:pos + 1] == "[":
            fields[key] = []
            pos = _space(text, pos + 1)
            while text[pos:pos + 1] != "]":
                entry, pos = decoder.raw_decode(text, pos)
                stem, tei = (entry.get("stem"), entry.get("tei")) if isinstance(entry, dict) else (None, None)
                if not (isinstance(stem, str) and isinstance(tei, str)) or Path(tei).stem != stem:
                    raise ValueError(f"bad entry {entry!r}")
                yield stem, Path(os.path.normpath(folder / tei))
                pos = _after(text, pos, "]")
            pos += 1
        else:
            fields[key], pos = decoder.raw_decode(text, pos)
        pos = _after(text, _space(text, pos), "}")
    if (end := _space(text, pos + 1)) != len(text):
        raise ValueError(f"extra data at char {end}")
    if fields.get("teikit-site") != MANIFEST_VERSION or not isinstance(fields.get("articles"), list):
        raise ValueError("not a version-1 manifest")


_SPACE = re.compile(r"[ \t\n\r]*")


def _space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _after(text: str, pos: int, close: str) -> int:
    """Past a "," between two items of a JSON array or object (at its `close`: there)."""
    pos = _space(text, pos)
    if text[pos:pos + 1] == ",":
        pos = _space(text, pos + 1)
        if text[pos:pos + 1] not in ("", close):
            return pos
        raise ValueError(f"expected a value at char {pos}")
    if text[pos:pos + 1] != close:
        raise ValueError(f"expected ',' or '{close}' at char {pos}")
    return pos


def write_page(target: Path, data: bytes) -> bool:
    """`data` into `target` (atomically); True, or RenderError naming the target and why
    ("cannot write: No space left on device", "… out is a file where a folder is needed")."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise RenderError(f"cannot write: {cannot_write(exc, target)}", path=str(target)) from None
    return True


def write_manifest(out_dir: Path, hrefs) -> Path:
    """Write OUT/.teikit-site.json for the articles (stem, TEI href relative to out_dir), given in
    stem order, one at a time (the file is the JSON of the whole, written as it goes)."""
    target = Path(out_dir) / MANIFEST
    head = json.dumps({"teikit-site": MANIFEST_VERSION, "generator": f"teikit {__version__}", "articles": []},
                      ensure_ascii=False, indent=2)
    try:
        with atomic_writer(target) as handle:
            handle.write(head[:-len('[]\n}')].encode("utf-8") + b"[")
            separator = b""
            for stem, tei in hrefs:
                entry = json.dumps({"stem": stem, "tei": tei}, ensure_ascii=False, indent=2).replace("\n", "\n    ")
                handle.write(separator + f"\n    {entry}".encode("utf-8"))
                separator = b","
            handle.write(b"\n  ]\n}\n" if separator else b"]\n}\n")
    except OSError as exc:
        raise RenderError(f"cannot write: {cannot_write(exc, target)}", path=str(target)) from None
    return target


def site_size(out_dir) -> int | None:
    """How many articles the site in `out_dir` holds (None: no readable manifest)."""
    plan = SitePlan(Path(out_dir))
    try:
        _read(Path(out_dir) / MANIFEST, plan.hold)
    except SiteError:
        return None
    return plan.held_count()


# The one paging policy of the corpus site (docs/site.md, "Pages"). Every page whose list grows
# with the corpus holds at most PAGE_SIZE items of it: the index (articles), a register's letter
# (entries), an entry's page (mentions in context, an article's split across pages when they
# do not fit) and a year of the date register (articles and dated mentions). The first page
# keeps the name the page always had (index.html, registers/persons/<id>.html, …); page n (from
# 2) is the folder of that name without ".html", n.html (index/2.html,
# registers/persons/<id>/2.html, …), so that every link to a list goes to its first page. A
# register of more than PAGE_SIZE entries is paged by letter (registers/persons-<letter>.html).
PAGE_SIZE = 300
INDEX_DIR = "index"  # the index's pages after the first (xslt/site/corpus.xsl, tk:page-href, names them alike)


def page_count(items: int, page_size: int) -> int:
    """How many pages a list of `items` takes, `page_size` a page (one, for an empty list)."""
    return max(1, -(-items // page_size))


def numbered_pages(first: str, items: int, page_size: int) -> list[tuple[int, str]]:
    """(number from 1, path under the site) of each page of a list of `items` whose first page
    is `first` (a path ending in .html): `first`, then `first` without .html/2.html, …"""
    folder = first.removesuffix(".html")
    return [(n, first if n == 1 else f"{folder}/{n}.html") for n in range(1, page_count(items, page_size) + 1)]


def index_pages(articles: int, page_size: int) -> list[tuple[int, str]]:
    """(number from 1, path under the site) of each page of an index of `articles` articles,
    `page_size` a page: index.html, then index/2.html, …"""
    return numbered_pages("index.html", articles, page_size)


def remove_dropped(plan: SitePlan, holds, report) -> None:
    """--replace-site: the pages of the articles the old site held and the new one does not (`holds`, a stem's predicate)."""
    for stem in (stem for stem, _ in plan.held() if not holds(stem)):
        page = plan.out_dir / f"{stem}.html"
        if page.is_file():
            page.unlink()
            report.warn(f"{page}: removed (the site no longer holds {stem})")


def corpus_plan(store, page_size: int, facet_values: int):
    """(path under the site, template, its data made when called) of the index's pages, the
    registers and the date register, one page at a time from the store (render.sitedata; nothing
    made until asked), each list `page_size` items a page (the paging policy above); the search
    page offers `facet_values` values per entity facet."""
    from .renderer import DATES_FILE, REGISTER_FILES  # here: reading a manifest needs no stylesheets

    for page, rel in index_pages(store.article_count(), page_size):
        yield rel, "index-page", partial(store.index_xml, page, page_size)
    yield "search.html", "search-page", partial(store.search_xml, facet_values)
    for entity_type, file in REGISTER_FILES.items():
        stem = file.removesuffix(".html")
        paged = store.entry_count(entity_type) > page_size
        yield f"registers/{file}", "register-page", partial(store.register_xml, entity_type, paged=paged)
        if paged:
            for name, count in store.letter_counts(entity_type).items():
                for page, rel in numbered_pages(f"registers/{stem}-{letter_slug(name)}.html", count, page_size):
                    yield rel, "register-page", partial(store.register_xml, entity_type, paged=True, page_letter=name,
                                                        page=page, page_size=page_size)
        for entry in store.entries(entity_type):  # a cursor: the register is never held whole
            for page, rel in numbered_pages(f"registers/{stem}/{entry.id}.html", entry.mentions, page_size):
                yield rel, "entity-page", partial(store.entity_xml, entry, page, page_size)
    yield f"registers/{DATES_FILE}", "timeline-page", partial(store.timeline_xml, page_size)
    for year in store.years():
        for page, rel in numbered_pages(f"registers/dates/{year}.html", store.year_count(year), page_size):
            yield rel, "year-page", partial(store.year_xml, year, page, page_size)
