"""What a site, or a text edition, no longer needs, removed: only what teikit wrote, as it wrote it.

Contract: a page is removed only when a build record says a run wrote it and it is still as
written (its sha256); a file the record does not know is never touched, whatever its name, and
one changed since is kept (the site's register pages: with a warning). Removing loses nothing:
such a page is made from the TEI alone; keeping it would keep stale links.
- `remove_stale_register_pages`: the register and index pages a site no longer has;
- `remove_made`: the pages of articles that left a corpus (the build's text edition).
"""

from __future__ import annotations

import re
from itertools import chain
from pathlib import Path

from .. import buildrecord
from .site import INDEX_DIR


def remove_stale_register_pages(out_dir: Path, kept, wrote, report) -> None:
    """The register and index pages an earlier run wrote and this one neither wrote nor kept (`kept`,
    a predicate on a page's path under the site, says which it did; an entry no article
    mentions any more, a letter or year no longer used, a register no longer paged, a list's pages
    beyond those it now takes): they are made from the TEI alone, so removing them loses nothing,
    and keeping them would keep stale links. Only pages the record says a run wrote are removed
    (`wrote`: siterecord.PageRecord.wrote), and only as written: one changed since is kept, with a
    warning; a file the record does not know (an editor's notes.html in a register's folder) is
    never touched. Only the file names the site writes are looked at (a further page is <n>.html,
    n from 2, in its list's folder); a folder of further pages left empty goes too."""
    from .renderer import DATES_FILE, REGISTER_FILES  # here: reading a manifest needs no stylesheets

    def remove(page: Path) -> None:
        rel = page.relative_to(out_dir).as_posix()
        if kept(rel) or not page.is_file():
            return
        as_written = wrote(rel)
        if as_written:
            page.unlink()
        elif as_written is False:
            report.warn(f"{page}: kept: changed since teikit wrote it, and no longer part of the site (nothing links to it)")

    registers = out_dir / "registers"
    stems = [file.removesuffix(".html") for file in REGISTER_FILES.values()]
    folders = [registers / stem for stem in (*stems, DATES_FILE.removesuffix(".html"))]
    candidates = chain((p for folder in folders for p in folder.glob("*.html")),
                       (p for stem in stems for p in registers.glob(f"{stem}-*.html")))
    for page in candidates:  # one at a time: a register's folder holds a page per entry
        remove(page)
    lists = chain((p for folder in folders for p in folder.glob("*/")),  # an entry's or a year's further pages
                  (p for stem in stems for p in registers.glob(f"{stem}-*/")),  # a letter's
                  [out_dir / INDEX_DIR])  # the index's
    for folder in lists:
        for page in folder.glob("*.html"):
            if _FURTHER_PAGE.fullmatch(page.name):
                remove(page)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


_FURTHER_PAGE = re.compile(r"[1-9][0-9]*\.html")


def remove_made(out_dir, stage: str, stems, suffix: str) -> list[Path]:
    """The pages OUT/<stem><suffix> of `stems` that the record of `stage` says were written and
    are unchanged since, removed (their articles left the corpus); any other file is kept."""
    out_dir = Path(out_dir)
    record = buildrecord.Record(out_dir, stage)
    removed = []
    for stem in stems:
        page = out_dir / f"{stem}{suffix}"
        entry = record.entries.get(stem)
        if entry is not None and buildrecord.file_sha(page) == entry.get("sha256"):
            page.unlink()
            record.drop(stem)
            removed.append(page)
    if removed:
        record.save()
    return removed
