"""Full-text search of a corpus site: Pagefind's index, built at render time.

`build_index(site_dir, lang)` runs the Pagefind binary the `pagefind[bin]` package ships
(`pagefind_bin.get_executable()`; nothing is downloaded) over the site's pages and puts
its bundle in `site_dir/pagefind/`: built whole in a staging folder beside it, then put in
place by renames (the old bundle, if any, is removed only after the new one stands), so a
site never holds half an index. Only article pages are indexed (they alone carry
`data-pagefind-body`); their facets are `data-pagefind-filter` spans (xslt/html/article.xsl).
Every page is indexed as one language, the site's (`--force-language`), so that one search
finds articles in any language. A failure raises SearchIndexError (a RenderError), the
site's pages are written by then (raised
before the bundle is touched, the old one stays).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import SearchIndexError
from ..fsutil import staging_dir, temp_prefix

BUNDLE = "pagefind"
TIMEOUT_SECONDS = 3600


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


def build_index(site_dir, lang: str = "") -> Path:
    """site_dir/pagefind/, the search bundle of every article page under site_dir."""
    site_dir = Path(site_dir)
    staging = staging_dir(site_dir, BUNDLE)
    try:
        command = [str(executable()), "--site", str(site_dir), "--output-path", str(staging), "--silent"]
        if lang:
            command += ["--force-language", lang.split("-")[0].lower()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexError(f"pagefind did not run: {exc}", path=str(site_dir)) from None
        if done.returncode != 0 or not (staging / "pagefind.js").is_file():
            said = " ".join((done.stderr or done.stdout or "").split())[:300] or f"exit status {done.returncode}"
            raise SearchIndexError(f"pagefind failed: {said}", path=str(site_dir))
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
