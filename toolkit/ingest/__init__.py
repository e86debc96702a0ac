"""ingest: a source article's bytes → an Article (title, date, byline, blocks, checksum).

Public entry: `ingest_file(path)`; `ingest_bytes(data, name)` for bytes in memory.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

from ..errors import EmptyArticleError, IngestError
from ..language import DEFAULT_LANGUAGE, valid_tag
from ..model import HEAD, Article, SourceMeta, join_blocks
from .decode import decode, normalise
from .layout import lay_out

# A news article is a few kilobytes; megabytes of "article" are a wrong file
# (a dump, a binary) and would only slow a batch down.
MAX_SOURCE_BYTES = 2_000_000
META_SUFFIX = ".meta.json"
_META_KEYS = {"url", "publisher", "licence", "language", "author", "title", "date"}

__all__ = ["ingest_file", "ingest_bytes", "MAX_SOURCE_BYTES"]


def ingest_file(path, *, max_bytes: int = MAX_SOURCE_BYTES) -> Article:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                f"too large for a news article ({size:,} bytes; the limit is {max_bytes:,})", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}", path=str(path)) from None
    meta = _read_meta(path.with_name(path.stem + META_SUFFIX))
    return ingest_bytes(data, path.name, meta=meta, display_path=str(path))


def ingest_bytes(data: bytes, name: str, *, meta: dict | None = None, display_path: str | None = None) -> Article:
    where = display_path or name
    text = normalise(decode(data, where))
    try:
        layout = lay_out(text)
    except EmptyArticleError as exc:  # layout knows the text, not the file: name it here
        raise EmptyArticleError(exc.message, path=where) from None
    meta = meta or {}
    title = meta.get("title") or layout.title
    date, date_text = layout.date, layout.date_text
    if meta.get("date"):
        date, date_text = meta["date"], date_text if layout.date == meta["date"] else None
    author = meta.get("author") or layout.author
    blocks = join_blocks(((HEAD, title),) + layout.blocks)
    return Article(
        name=name,
        stem=Path(name).stem,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        date=date,
        date_text=date_text,
        author=author,
        blocks=blocks,
        meta=SourceMeta(
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            licence=meta.get("licence"),
            language=meta.get("language") or DEFAULT_LANGUAGE,
            author=meta.get("author"),
            stated_language=meta.get("language"),
        ),
    )


def _read_meta(path: Path) -> dict:
    """The optional NAME.meta.json sidecar: what is known beats what ingest guesses."""
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"cannot read sidecar: {exc}", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise IngestError(f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}", path=str(path)) from None
    if not isinstance(meta, dict):
        raise IngestError("must hold a JSON object", path=str(path))
    unknown = sorted(set(meta) - _META_KEYS)
    if unknown:
        raise IngestError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_META_KEYS))})", path=str(path))
    bad = [k for k, v in meta.items() if v is not None and not isinstance(v, str)]
    if bad:
        raise IngestError(f"{bad[0]!r} must be a string", path=str(path))
    if meta.get("language") and not valid_tag(meta["language"]):
        raise IngestError(f"'language' must be a language tag such as vi, en or zh-TW, not {meta['language']!r}",
                          path=str(path))
    if meta.get("date"):
        try:
            datetime.date.fromisoformat(meta["date"])
        except ValueError:
            raise IngestError(f"'date' must be an ISO date YYYY-MM-DD, not {meta['date']!r}", path=str(path)) from None
    return {k: v for k, v in meta.items() if v}
