"""Full-text search of a corpus site: Pagefind's index, built at render time, shard by shard.

`build_index(site_dir, lang, pages, shard_pages, built)` runs the Pagefind binary the
`pagefind[bin]` package ships (`pagefind_bin.get_executable()`; nothing is downloaded) over the
site's article pages (they alone carry `data-pagefind-body`; their facets are
`data-pagefind-filter` spans, xslt/html/article.xsl): by default those the site manifest lists
(render.site: `<stem>.html` for each of its articles, as render.batch.build_site gives them),
never the corpus pages beside them (index.html, search.html). Every page is indexed as one language, the
site's (`--force-language`), so that one search finds articles in any language. A failure raises
SearchIndexError (a RenderError); the site's pages are written by then, and the old index stays.

Shards. Pagefind holds the index of every page it is given in memory (about 150 KB a page), so the
pages are indexed in shards, one Pagefind run each, one after another: memory is that of one
shard, whatever the corpus. A page's shard is fixed by its name (a hash: `shard_of`), the number
of shards is the least power of two that keeps each within `shard_pages` on average
(`shard_count`), so adding articles moves no page until that number doubles. Each shard's pages
are linked into a folder of their own, which Pagefind reads whole (`--glob *.html`).

Layout. Every shard is a whole Pagefind bundle in a folder of its own, `pagefind/shards/N-X/`
(N its number, X a new name each time it is made), and `pagefind/teikit-shards.json` lists them
in shard order (`{"shards": ["shards/0-…/", "shards/2-…/"]}`: a shard without pages has none).
The search page (xslt/html/assets/search.js) loads the first one's pagefind.js and merges the
others into it (Pagefind's mergeIndex: one result list, filters merged).

Incremental. `built` is what build_index returned for the index on disk (the site's build record
keeps it, render.siterecord): per shard the digest of its pages' names and bytes, its folder and
the digest of that folder's files' names and sizes. Pagefind runs again only for the shards whose
pages changed (a page written again, removed or added) and for those whose folder the listing does
not name or whose files are not those it was made with (one missing, added or cut short); every
other shard's folder is kept as it is. Every shard is made again when the shard count, the language or the Pagefind binary
changed, or without `built` (no build record, a damaged one, --force).

Put in place. The shards to make are built, all of them, in staging folders beside pagefind/;
then each is renamed into pagefind/shards/ under its new name, unlisted; then the listing is
replaced (fsutil.write_atomic: one rename, the switch from the old index to the new); then what it
no longer names is removed. A kill at any point leaves the old listing, whose folders all still
stand, or the new one; the next run removes what a killed one left unlisted. A shard that fails
leaves the old index as it was. A Pagefind run ends when the process waiting for it is killed
(parallel.ended_with_caller): none goes on alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ..buildrecord import digest, file_sha
from ..errors import SearchIndexError, SiteError
from ..fsutil import TEMP_NAME, cannot_write, clean_stale_temps, staging_dir, write_atomic
from ..parallel import ended_with_caller
from .site import MANIFEST, read_manifest

BUNDLE = "pagefind"
TIMEOUT_SECONDS = 3600
SHARD_PAGES = 5000          # article pages per Pagefind run (measured: 470 MiB of Pagefind's memory, benchmarks/site.py)
SHARDS_FILE = "teikit-shards.json"  # in the bundle: the shards' folders, for search.js
SHARDS_DIR = "shards"
SHARD_FOLDER = re.compile(r"shards/(\d+)-[0-9a-f]+/")  # a shard's folder in the bundle, as listed
ARTICLE_PAGES = "*.html"  # what Pagefind reads of a shard's folder: its article pages, linked there


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


def build_index(site_dir, lang: str = "", pages=None, shard_pages: int = SHARD_PAGES, built=None) -> dict:
    """site_dir/pagefind/, the search index of the article pages `pages` (files in site_dir; None:
    `article_pages`), made again only where `built` (what an earlier call returned, or None) no
    longer holds (module contract). Returns what the index is now built from, JSON to keep until
    the next call."""
    site_dir = Path(site_dir)
    if pages is None:
        pages = article_pages(site_dir)
    names = sorted(Path(p).name for p in pages)
    count = shard_count(len(names), shard_pages)
    try:
        return _update(site_dir, lang, names, count, built)
    except OSError as exc:  # a full or read-only disk: one line naming the bundle
        raise SearchIndexError(f"cannot write: {cannot_write(exc, site_dir / BUNDLE)}", path=str(site_dir / BUNDLE)) from None


def article_pages(site_dir: Path) -> list[Path]:
    """The site's article pages: `<stem>.html` for each article its manifest lists, those written.
    No manifest, or one that cannot be read: SearchIndexError (the pages are not known)."""
    manifest = site_dir / MANIFEST
    if not manifest.is_file():
        raise SearchIndexError(f"not a teikit site (no {MANIFEST}): which pages are articles is not known",
                               path=str(site_dir))
    try:
        stems = read_manifest(manifest)
    except SiteError as exc:
        raise SearchIndexError(exc.message, path=exc.path) from None
    return [page for page in (site_dir / f"{stem}.html" for stem in stems) if page.is_file()]


def _update(site_dir: Path, lang: str, names: list[str], count: int, built) -> dict:
    bundle = site_dir / BUNDLE
    how = digest(lang, _binary_digest(executable()))
    members: dict[str, list[str]] = {}
    for name in names:
        members.setdefault(str(shard_of(name, count)), []).append(name)
    wanted = {number: digest([(name, file_sha(site_dir / name)) for name in members[number]])
              for number in sorted(members, key=int)}
    before = built.get("shards") if isinstance(built, dict) and built.get("how") == how and built.get("count") == count else None
    listed = _listed(bundle)
    shards = {number: before[number] for number, pages in wanted.items()
              if isinstance(before, dict) and _stands(bundle, number, before.get(number), pages, listed)}
    staged: dict[str, Path] = {}
    placed: list[Path] = []  # renamed into the bundle, not yet listed
    try:
        for number in (number for number in wanted if number not in shards):
            staged[number] = _index_shard(site_dir, lang, members[number])
        for number, staging in list(staged.items()):
            folder = f"{SHARDS_DIR}/{number}-{os.urandom(4).hex()}/"
            files = _files_digest(staging)
            (bundle / SHARDS_DIR).mkdir(parents=True, exist_ok=True)
            os.chmod(staging, 0o755)  # as any folder the site holds (a staging folder is its maker's alone)
            os.rename(staging, bundle / folder)
            del staged[number]
            placed.append(bundle / folder)
            shards[number] = {"pages": wanted[number], "folder": folder, "files": files}
    except BaseException:
        for path in placed:
            shutil.rmtree(path, ignore_errors=True)
        raise
    finally:
        for staging in staged.values():
            shutil.rmtree(staging, ignore_errors=True)
    shards = {number: shards[number] for number in wanted}
    listing = [shard["folder"] for shard in shards.values()]
    if listing != listed:
        write_atomic(bundle / SHARDS_FILE, (json.dumps({"shards": listing}) + "\n").encode("utf-8"))
    _remove_unlisted(bundle, listing)
    return {"how": how, "count": count, "shards": shards}


def _listed(bundle: Path) -> list[str] | None:
    """The shard folders the listing on disk names; None when it is missing or damaged (or names
    anything but shard folders: nothing it names is trusted)."""
    try:
        listing = json.loads((bundle / SHARDS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    folders = listing.get("shards") if isinstance(listing, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) and SHARD_FOLDER.fullmatch(f) for f in folders):
        return None
    return folders


def _stands(bundle: Path, number: str, shard, pages: str, listed: list[str] | None) -> bool:
    """Whether the shard `number` as recorded (`shard`) indexes `pages` (their digest) and stands on disk."""
    if not isinstance(shard, dict) or shard.get("pages") != pages or listed is None:
        return False
    folder = shard.get("folder")
    match = SHARD_FOLDER.fullmatch(folder) if isinstance(folder, str) else None
    return (match is not None and match.group(1) == number and folder in listed
            and _files_digest(bundle / folder) == shard.get("files"))


def _files_digest(folder: Path) -> str | None:
    """The names and sizes of the files in a shard's folder (None: it cannot be read): what says it
    lost a file, gained one or has one cut short, without reading them all at every build (a shard
    has about as many files as pages); a file changed in place at its size is not seen (--force)."""
    files: list[tuple[str, int]] = []

    def walk(path, rel: str) -> None:
        for entry in sorted(os.scandir(path), key=lambda entry: entry.name):
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, f"{rel}{entry.name}/")
            else:
                files.append((rel + entry.name, entry.stat(follow_symlinks=False).st_size))

    try:
        walk(folder, "")
    except OSError:
        return None
    return digest(files)


def _index_shard(site_dir: Path, lang: str, names: list[str]) -> Path:
    """A staging folder beside the bundle holding the Pagefind bundle of the pages `names`
    (linked into a folder of their own, which Pagefind reads whole)."""
    staging = staging_dir(site_dir, BUNDLE)
    pages_dir = staging_dir(site_dir, f"{BUNDLE}-pages")
    try:
        for name in names:
            _link_or_copy(site_dir / name, pages_dir / name)
        _pagefind(pages_dir, staging, lang, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(pages_dir, ignore_errors=True)
    return staging


def _remove_unlisted(bundle: Path, listing: list[str]) -> None:
    """Everything in the bundle but its listing and the shard folders it names (what a killed run
    left unlisted, the old shards, an older layout); a live process's temporaries stay."""
    keep = {folder.split("/")[1] for folder in listing}
    for folder, kept in ((bundle, {SHARDS_FILE, SHARDS_DIR}), (bundle / SHARDS_DIR, keep)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name in kept or TEMP_NAME.match(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)
    clean_stale_temps(bundle)


@lru_cache(maxsize=None)
def _binary_digest(path: Path) -> str | None:
    """The Pagefind binary's sha256 (a shard made by another Pagefind is made again)."""
    return file_sha(path)


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
        done = subprocess.run(ended_with_caller(command), capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"pagefind did not run: {exc}", path=str(named)) from None
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        said = " ".join((done.stderr or done.stdout or "").split())[:300] or f"exit status {done.returncode}"
        raise SearchIndexError(f"pagefind failed: {said}", path=str(named))
