"""Full-text search of a corpus site: Pagefind's index, built at render time.

`build_index(site_dir, lang)` runs the Pagefind binary the `pagefind[bin]` package ships
(`pagefind_bin.get_executable()`; nothing is downloaded) over the site's pages and puts
its bundle in `site_dir/pagefind/`: built whole in a staging folder beside it, then put in
place by renames (the old bundle, if any, is removed only after the new one stands), so a
site never holds half an index. Only article pages are indexed (they alone carry
`data-pagefind-body`); their facets are `data-pagefind-filter` spans (xslt/html/article.xsl).
They all stand in the site's top folder, so Pagefind reads only that folder (`--glob *.html`):
the register pages, most of a site's files, are not parsed for nothing (the index is the same).
Every page is indexed as one language, the site's (`--force-language`), so that one search
finds articles in any language. A failure raises SearchIndexError (a RenderError), the
site's pages are written by then (raised
before the bundle is touched, the old one stays).

Pagefind holds the index of every page it is given in memory (about 150 KB a page), so a
large site is indexed in shards of at most `shard_pages` article pages, one Pagefind run
each, one after another: memory is that of one shard, whatever the corpus. The first shard
is the bundle itself (pagefind/pagefind.js), the others are bundles in pagefind/shards/N/,
listed in pagefind/teikit-shards.json, which the search page merges into the first
(Pagefind's mergeIndex: one result list, filters merged). A page's shard is fixed by its
name (a hash), the number of shards is the least power of two that keeps each within
`shard_pages` on average, so adding articles moves no page until that number doubles.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from ..errors import SearchIndexError
from ..fsutil import cannot_write, staging_dir, temp_prefix

BUNDLE = "pagefind"
TIMEOUT_SECONDS = 3600
SHARD_PAGES = 5000          # article pages per Pagefind run (measured: 470 MiB of Pagefind's memory, benchmarks/site.py)
SHARDS_FILE = "teikit-shards.json"  # in the bundle: the other shards' folders, for search.js
SHARDS_DIR = "shards"
ARTICLE_PAGES = "*.html"  # the article pages: <stem>.html in the site folder (render.batch.build_site)


def executable() -> Path:
    """The Pagefind binary of the installed `pagefind-bin` package."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("the search index needs the pagefind package (pip install 'pagefind[bin]')") from None
    try:
        return Path(get_executable())
    except FileNotFoundError as exc:
        raise SearchIndexError(f"the pagefind package holds no binary for this platform ({exc})") from None


def shard_count(pages: int, shard_pages: int = SHARD_PAGES) -> int:
    """How many shards index `pages` article pages: the least power of two k with
    pages <= k * shard_pages (1 for a small site)."""
    if shard_pages < 1:
        raise ValueError(f"shard_pages must be at least 1, not {shard_pages}")
    count = 1
    while pages > count * shard_pages:
        count *= 2
    return count


def shard_of(name: str, count: int) -> int:
    """The shard (0 … count-1) of the page file `name`: fixed by the name alone."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:12], 16) % count


def build_index(site_dir, lang: str = "", pages=None, shard_pages: int = SHARD_PAGES) -> Path:
    """site_dir/pagefind/, the search bundle of every article page under site_dir.

    `pages`: the article pages (files in site_dir) to index when the site needs more than
    one shard; None, or a site of one shard, lets Pagefind read the whole site (only pages
    marked data-pagefind-body are indexed)."""
    site_dir = Path(site_dir)
    pages = sorted(Path(p).name for p in pages) if pages is not None else []
    count = shard_count(len(pages), shard_pages)
    try:
        return _build(site_dir, lang, pages, count)
    except OSError as exc:  # a full or read-only disk: one line naming the bundle
        raise SearchIndexError(f"cannot write: {cannot_write(exc, site_dir / BUNDLE)}", path=str(site_dir / BUNDLE)) from None


def _build(site_dir: Path, lang: str, pages: list[str], count: int) -> Path:
    staging = staging_dir(site_dir, BUNDLE)
    try:
        if count == 1:
            _pagefind(site_dir, staging, lang, site_dir)
            shards: list[str] = []
        else:
            shards = _build_shards(site_dir, staging, lang, pages, count)
        (staging / SHARDS_FILE).write_text(json.dumps({"shards": shards}) + "\n", encoding="utf-8")
        target = site_dir / BUNDLE
        old = None
        if target.exists():
            old = target.with_name(f"{temp_prefix(BUNDLE)}{os.urandom(4).hex()}.staging")
            target.rename(old)
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return target
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _build_shards(site_dir: Path, staging: Path, lang: str, pages: list[str], count: int) -> list[str]:
    """Each shard's pages, linked into a folder of their own, indexed by one Pagefind run: the
    first shard that has pages into staging itself, each other into staging/shards/N; returns
    those other folders, relative to staging."""
    members: list[list[str]] = [[] for _ in range(count)]
    for name in pages:
        members[shard_of(name, count)].append(name)
    others: list[str] = []
    first = True
    for number, names in enumerate(members):
        if not names:
            continue
        folder = "" if first else f"{SHARDS_DIR}/{number}/"
        pages_dir = staging_dir(site_dir, f"{BUNDLE}-pages")
        try:
            for name in names:
                _link_or_copy(site_dir / name, pages_dir / name)
            _pagefind(pages_dir, staging / folder, lang, site_dir)
        finally:
            shutil.rmtree(pages_dir, ignore_errors=True)
        if not first:
            others.append(folder)
        first = False
    return others


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _pagefind(site: Path, output: Path, lang: str, named: Path) -> None:
    """One Pagefind run over the pages in `site` into `output`; SearchIndexError naming `named`."""
    command = [str(executable()), "--site", str(site), "--output-path", str(output), "--silent",
               "--glob", ARTICLE_PAGES]
    if lang:
        command += ["--force-language", lang.split("-")[0].lower()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"pagefind did not run: {exc}", path=str(named)) from None
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        said = " ".join((done.stderr or done.stdout or "").split())[:300] or f"exit status {done.returncode}"
        raise SearchIndexError(f"pagefind failed: {said}", path=str(named))
