"""The site's own copy of each article's TEI, which the article page links to: OUT/tei/<stem>.xml.

Contract (docs/site.md, "What a site holds"):
- A site is self-contained: served as it is (OUT as the site's root), every link of its pages
  resolves, the "TEI file" link too. The page links to `page_href(stem)`, tei/<stem>.xml beside
  it; the manifest still records where the master is (render.site), which is what a site's
  pages are rendered from again, never the copy.
- The copy is written (atomically) just before its page, byte for byte the master's, whenever
  the page is written; the article's entry in the build record keeps its sha256 (`FIELD`), and a
  page stands (render.siterecord) only while its copy is still as written (`stands`): a copy
  removed or changed by hand makes both again.
- A master that is itself at the copy's place (a site rendered into the folder that holds the
  masters' `tei/`) is never written over nor removed: the page links to it as it is.
- Any other file at the copy's place that teikit did not write (`foreign`: no run recorded writing
  a copy there, and its bytes are not the master's) is never replaced: the article is refused,
  one error line, as an article whose page would replace a file that is no article's page.
- The copy of an article the site no longer holds (--replace-site drops it) is removed with its
  page, but only as written (`remove`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..buildrecord import file_sha
from ..errors import RenderError
from .site import write_page

COPY_DIR = "tei"
FIELD = "tei_copy"  # an article entry's field: the sha256 of the copy as written (None: the copy is the master)


def copy_path(out_dir, stem: str) -> Path:
    return Path(out_dir) / COPY_DIR / f"{stem}.xml"


def page_href(stem: str) -> str:
    """The article page's link to its TEI (a path: the page escapes it, tk:path-href)."""
    return f"{COPY_DIR}/{stem}.xml"


def is_master(copy: Path, master) -> bool:
    """Whether the copy's place is the master itself (the same file, or the same path)."""
    try:
        return os.path.samefile(copy, master)
    except OSError:
        return os.path.realpath(copy) == os.path.realpath(master)


def foreign(out_dir, stem: str, master, recorded) -> bool:
    """Whether a file stands at the copy's place that teikit did not write: not the master, no
    copy a run recorded writing there (`recorded`, the entry's FIELD: then the place is teikit's,
    as the page's is, changed since or not), not the master's bytes."""
    copy = copy_path(out_dir, stem)
    if recorded is not None or not (copy.exists() or copy.is_symlink()) or is_master(copy, master):
        return False
    return copy.is_symlink() or file_sha(copy) != file_sha(master)


def refusal(out_dir, copy_sha, path) -> str | None:
    """Why the article `path` may not have its copy (`foreign`; `copy_sha(stem)`: what the record
    keeps of its copy, siterecord.PageRecord.copy_sha), or None."""
    stem = Path(path).stem
    if not foreign(out_dir, stem, path, copy_sha(stem)):
        return None
    copy = copy_path(out_dir, stem)
    return (f"{path}: its TEI copy in the site would replace {copy}, which teikit did not write: that file is "
            "kept; rename this one, or remove that file yourself")


def write(out_dir, stem: str, master) -> str | None:
    """The copy of `master` written (atomically, before its page); its sha256 for the record (FIELD),
    None when the master is at the copy's place (nothing written). RenderError naming the master
    when it cannot be read, the page (not written either) when the copy cannot be written."""
    copy = copy_path(out_dir, stem)
    if is_master(copy, master):
        return None
    try:
        data = Path(master).read_bytes()
    except OSError as exc:
        raise RenderError(f"cannot read: {exc.strerror}", path=str(master)) from None
    try:
        write_page(copy, data)
    except RenderError as exc:  # its page is not written either: the failure names the page, and why
        raise RenderError(f"not written: its TEI copy {copy}: {exc.message}", path=str(Path(out_dir) / f"{stem}.html")) from None
    return file_sha(copy)


def recorded_sha(out_dir, stem: str, master) -> str | None:
    """What the record keeps of a copy written (a worker wrote it: write's answer, read again)."""
    copy = copy_path(out_dir, stem)
    return None if is_master(copy, master) else file_sha(copy)


def stands(out_dir, stem: str, master, recorded) -> bool:
    """Whether the copy is as the page's last writing left it (FIELD: `recorded`)."""
    copy = copy_path(out_dir, stem)
    if is_master(copy, master):
        return recorded is None
    return isinstance(recorded, str) and file_sha(copy) == recorded


def remove(out_dir, stem: str, master, recorded) -> Path | None:
    """The copy of an article the site no longer holds, removed when it is as written (never the
    master itself, nor a file changed since); the path removed, or None."""
    copy = copy_path(out_dir, stem)
    if not isinstance(recorded, str) or is_master(copy, master) or file_sha(copy) != recorded:
        return None
    copy.unlink()
    folder = copy.parent
    if not any(folder.iterdir()):
        folder.rmdir()
    return copy


def remove_dropped(plan, holds, copy_sha) -> None:
    """--replace-site: the copies of the articles the old site held and the new one does not
    (`holds`, a stem's predicate), with their pages (render.site.remove_dropped), as written."""
    for stem, master in plan.held():
        if not holds(stem):
            remove(plan.out_dir, stem, master, copy_sha(stem))
