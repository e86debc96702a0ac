"""ingest: a source article's bytes → an Article (title, date, byline, blocks, checksum).

Source types, by file name (`source_type`; the one list of what convert reads):
  text   .txt                              one article (layout.py finds its parts)
  html   .html .htm, gzipped .html.gz .htm.gz  one web page (html.py; encoding: charset.py)
  warc   .warc .warc.gz                    a web archive: one article per HTML page (warc.py)
Anything else is refused with UnsupportedInputError ("unsupported input type").
An article's output stem is its file name without the source type's suffix (`source_stem`),
and its sidecar NAME.meta.json is named after that stem.

Public entry: `ingest_file(path)` (text and html); `ingest_bytes(data, name)` for text in memory.
The optional sidecar NAME.meta.json is read and checked by sidecar.py (`read_meta`).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from collections import OrderedDict
from pathlib import Path

from ..errors import EmptyArticleError, IngestError, UnsupportedInputError
from ..language import DEFAULT_LANGUAGE
from ..model import HEAD, Article, SourceMeta, join_blocks
from .decode import decode, normalise
from .html import article_from_html
from .layout import lay_out
from ..names import SIDECAR_SUFFIX
from .sidecar import read_sidecar

# A news article is a few kilobytes; megabytes of "article" are a wrong file
# (a dump, a binary) and would only slow a batch down.
MAX_SOURCE_BYTES = 2_000_000
# A web page carries its site's markup, scripts and styles: ten times a text's bytes is usual.
MAX_PAGE_BYTES = 20_000_000
META_SUFFIX = SIDECAR_SUFFIX
read_meta = read_sidecar  # the sidecar of an article: ingest/sidecar.py

TEXT, HTML, WARC = "text", "html", "warc"
# Longest suffix first: "x.html.gz" is html, not an unknown ".gz".
SOURCE_TYPES = {".html.gz": HTML, ".htm.gz": HTML, ".warc.gz": WARC, ".txt": TEXT, ".html": HTML, ".htm": HTML,
                ".warc": WARC}
SOURCE_SUFFIXES = tuple(SOURCE_TYPES)

__all__ = ["ingest_file", "ingest_bytes", "OrphanSidecars", "source_type", "source_stem", "unsupported", "input_type_of", "read_meta",
           "MAX_SOURCE_BYTES", "MAX_PAGE_BYTES", "SOURCE_SUFFIXES", "TEXT", "HTML", "WARC"]


def _matching_suffix(name: str) -> str | None:
    lower = name.lower()
    return next((suffix for suffix in SOURCE_TYPES if lower.endswith(suffix) and len(lower) > len(suffix)), None)


class OrphanSidecars:
    """Why a sidecar NAME.meta.json is read for no source, or None (called with each sidecar of a
    batch): no NAME.txt, NAME.html, … (its suffix in any case) is beside it (its source renamed or
    removed), so its metadata is not used. A sidecar of a source whose stem differs only in case
    (Bai.meta.json beside bai.txt) is used when the sidecar that source's ingest reads
    (bai.meta.json) is the same file (a file system that ignores case). Each folder is listed
    once while it is among the last FOLDERS_HELD looked at (sidecars come folder by folder,
    inputfiles.collect_files; a folder of renamed sources is not read again for each); a folder
    that cannot be listed says nothing."""

    FOLDERS_HELD = 8

    def __init__(self):
        # folder -> its sources' stems by casefold (None: not listed), the least recently used first
        self._stems: OrderedDict[Path, dict[str, tuple[str, ...]] | None] = OrderedDict()

    def __call__(self, sidecar) -> str | None:
        sidecar = Path(sidecar)
        stem = sidecar.name[: -len(META_SUFFIX)]
        stems = self._listed(sidecar.parent)
        if stems is None:
            return None
        alike = stems.get(stem.casefold(), ())
        if stem in alike or any(_same_file(sidecar.parent / (other + META_SUFFIX), sidecar) for other in alike):
            return None
        return f"{sidecar}: no source {stem}.txt, .html or .warc beside it (renamed?): its metadata is not used"

    def _listed(self, folder: Path) -> dict[str, tuple[str, ...]] | None:
        if folder in self._stems:
            self._stems.move_to_end(folder)
            return self._stems[folder]
        try:
            stems: dict[str, tuple[str, ...]] | None = {}
            for name in os.listdir(folder):
                if source_type(name):
                    stem = source_stem(name)
                    stems[stem.casefold()] = stems.get(stem.casefold(), ()) + (stem,)
        except OSError:
            stems = None
        self._stems[folder] = stems
        if len(self._stems) > self.FOLDERS_HELD:
            self._stems.popitem(last=False)
        return stems


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def source_type(name) -> str | None:
    """TEXT, HTML or WARC by the file name's suffix (any case), or None when convert cannot read it."""
    suffix = _matching_suffix(Path(name).name)
    return SOURCE_TYPES[suffix] if suffix else None


def source_stem(name) -> str:
    """The name without its source type's suffix ("a.html.gz" → "a"); else Path.stem."""
    name = Path(name).name
    suffix = _matching_suffix(name)
    return name[: -len(suffix)] if suffix else Path(name).stem


def input_type_of(name) -> str:
    """How a file's type is named in messages: its last suffix, lower case, or "(no suffix)"."""
    suffix = Path(name).suffix.lower()
    if suffix == ".gz" and Path(Path(name).stem).suffix:
        suffix = Path(Path(name).stem).suffix.lower() + suffix
    return suffix or "(no suffix)"


def unsupported(path) -> UnsupportedInputError:
    """The one message for a file convert does not read."""
    return UnsupportedInputError(
        f"unsupported input type {input_type_of(path)} (convert reads {', '.join(sorted(SOURCE_SUFFIXES, key=_order))})",
        path=str(path))


def _order(suffix: str) -> tuple[int, int]:
    return (("text", "html", "warc").index(SOURCE_TYPES[suffix]), len(suffix))


def ingest_file(path, *, max_bytes: int | None = None, follow_symlinks: bool = True) -> Article:
    """The article of a text file or web page (a WARC holds many: warc.read_warc); with
    follow_symlinks=False its sidecar is refused if it is a symbolic link."""
    path = Path(path)
    kind = source_type(path)
    if kind is None:
        raise unsupported(path)
    if kind == WARC:
        raise IngestError("a web archive holds many pages; convert reads it record by record", path=str(path))
    limit = max_bytes or (MAX_SOURCE_BYTES if kind == TEXT else MAX_PAGE_BYTES)
    data, stored_sha256 = _read_bounded(path, limit, "a news article" if kind == TEXT else "a web page")
    meta = read_meta(path.with_name(source_stem(path) + META_SUFFIX), follow_symlinks=follow_symlinks)
    if kind == HTML:
        if not data.strip():
            raise IngestError("empty file (no text to convert)", path=str(path))
        return article_from_html(data, path.name, source_stem(path), stored_sha256,
                                 meta=meta, where=str(path))
    return ingest_bytes(data, path.name, meta=meta, display_path=str(path))


def _read_bounded(path: Path, limit: int, what: str) -> tuple[bytes, str]:
    """The file's bytes (decompressed when it is gzipped), refused past `limit` bytes either way,
    and the sha256 of the file as stored (what the header records and the deposit checks)."""
    too_large = f"too large for {what} ({{size:,}} bytes; the limit is {limit:,})"
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(too_large.format(size=size), path=str(path))
        stored = path.read_bytes()
        if not path.name.lower().endswith(".gz"):
            return stored, hashlib.sha256(stored).hexdigest()
        with gzip.GzipFile(fileobj=io.BytesIO(stored), mode="rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        if isinstance(exc, gzip.BadGzipFile) or not exc.strerror:
            raise IngestError(f"not a readable gzip file ({exc})", path=str(path)) from None
        raise IngestError(f"cannot read: {exc.strerror}", path=str(path)) from None
    except (EOFError, zlib.error) as exc:
        raise IngestError(f"not a readable gzip file ({exc or 'truncated'})", path=str(path)) from None
    if len(data) > limit:
        raise IngestError(f"too large for {what} once decompressed (over {limit:,} bytes)", path=str(path))
    return data, hashlib.sha256(stored).hexdigest()


def ingest_bytes(data: bytes, name: str, *, meta: dict | None = None, display_path: str | None = None) -> Article:
    where = display_path or name
    text = normalise(decode(data, where))
    try:
        layout = lay_out(text, titled=bool((meta or {}).get("title")))
    except EmptyArticleError as exc:  # layout knows the text, not the file: name it here
        raise EmptyArticleError(exc.message, path=where) from None
    meta = meta or {}
    title = meta.get("title") or layout.title
    date, date_text, dateline = layout.date, layout.date_text, layout.dateline
    if meta.get("date") and layout.date != meta["date"]:
        date, date_text, dateline = meta["date"], None, None
    author = meta.get("author") or layout.author
    # the title printed (a sidecar's is the header's), else the sidecar's: the text has no title line
    blocks = join_blocks(((HEAD, layout.title or title),) + layout.blocks)
    return Article(
        name=name,
        stem=Path(name).stem,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        date=date,
        date_text=date_text,
        author=author,
        blocks=blocks,
        dateline=dateline,
        meta=SourceMeta(
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            licence=meta.get("licence"),
            language=meta.get("language") or DEFAULT_LANGUAGE,
            author=meta.get("author"),
            stated_language=meta.get("language"),
        ),
    )
