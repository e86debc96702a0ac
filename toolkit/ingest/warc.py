"""A web archive (WARC, ISO 28500; `.warc` or `.warc.gz`) → its HTML pages, one at a time.

    survey = survey_warc(path)        # one streamed pass: sha256 of the file, pages, what is skipped
    for page in pages(path, survey):  # a second streamed pass: one Page per HTML page captured
        article = page_article(page)  # the page's Article (ingest/html.py), its capture in it

A page is a `response` record with HTTP status 200 and an HTML payload (Content-Type
text/html or application/xhtml+xml; a record that gives no type is taken for HTML when
its target URI ends as a page does). Everything else is skipped and counted by kind
(`SKIP_*`): redirects (3xx), other statuses, non-HTML responses (images, scripts,
styles …), requests, metadata, warcinfo, revisit and resource records, and pages over
MAX_PAGE_BYTES. A page whose HTML holds no article text is counted too (convert).

Records are read with warcio, streamed: memory holds one record, never the archive.

Each page's output stem is stable and unique: a slug of its target URI (at most
STEM_SLUG_CHARS) and the first 10 hex digits of the SHA-1 of its WARC-Record-ID, e.g.
`vnexpress-net-ha-noi-mo-them-4720001-html-3f2a9c01b7`. Its header names the archive
file and its sha256 as its source (so a deposit packages the archive once for all its
pages) and the capture: target URI, WARC-Date, record id and payload digest (the
record's WARC-Payload-Digest, else the sha1 of the payload, base 32, as WARC writes it).
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..asciifold import slug
from ..errors import IngestError
from ..model import Article, Capture
from .charset import charset_of_content_type
from .html import article_from_html

MAX_PAGE_BYTES = 20_000_000
STEM_SLUG_CHARS = 80
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_ENDINGS = ("/", ".html", ".htm", ".php", ".asp", ".aspx", ".jsp")

SKIP_REDIRECT = "redirect"
SKIP_STATUS = "response with another HTTP status"
SKIP_NOT_HTML = "non-HTML response"
SKIP_TOO_LARGE = "page too large"
SKIP_NO_TEXT = "page without article text"
# Other record types are counted as "<type> record".

__all__ = ["Page", "Survey", "survey_warc", "pages", "page_article", "MAX_PAGE_BYTES", "SKIP_NO_TEXT"]


@dataclass
class Survey:
    sha256: str = ""
    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


@dataclass(frozen=True)
class Page:
    """One HTML page of an archive: what page_article needs (picklable, for a worker)."""

    archive: str          # the archive's path
    archive_sha256: str
    stem: str
    payload: bytes
    http_charset: str | None
    capture: Capture


class _Hashing:
    """A read-only file object that hashes every byte read through it."""

    def __init__(self, handle):
        self._handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        data = self._handle.read(size)
        self.digest.update(data)
        return data

    def readline(self, size=-1):
        data = self._handle.readline(size)
        self.digest.update(data)
        return data

    def tell(self):
        return self._handle.tell()


def _iterate(handle):
    """The archive's records. Its damage is one IngestError: a first record that is not WARC,
    a record whose length is wrong (warcio would only print a warning), a digest that does
    not match (a truncated or altered record, when the archive records digests)."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(handle, check_digests="raise")
    first, previous = True, None
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                record = next(records)
            except StopIteration:
                record = None
            except Exception as exc:  # noqa: BLE001 - warcio's errors on a damaged archive share no base
                raise IngestError(f"not a readable WARC file ({_reason(exc)})") from None
        if previous is not None and getattr(previous.raw_stream, "limit", 0) > 0:
            raise IngestError("not a readable WARC file (truncated: its last record ends before its Content-Length)")
        if record is None:
            if first:
                raise IngestError("not a readable WARC file (no WARC record in it)")
            return
        previous = record
        if first and record.format != "warc":
            raise IngestError("not a readable WARC file (it does not open with a WARC/1.0 or WARC/1.1 record)")
        if records.err_count:
            raise IngestError("not a readable WARC file (a record's Content-Length does not match its content)")
        if record.rec_headers.get_header("Content-Length") is None:  # warcio gives a header cut short as a record
            raise IngestError("not a readable WARC file (truncated: a record's header ends before its Content-Length)")
        first = False
        yield record


def _reason(exc: Exception) -> str:
    if isinstance(exc, (AttributeError, TypeError, IndexError)):  # warcio's own slip on what it could not parse
        return "a damaged or truncated record"
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


def _kind(record) -> str | None:
    """None for a page; else why the record is skipped."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    if record.http_headers is None:
        return SKIP_NOT_HTML
    status = record.http_headers.get_statuscode() or ""
    if status.startswith("3"):
        return SKIP_REDIRECT
    if status != "200":
        return SKIP_STATUS
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type in _HTML_TYPES:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").split("?")[0].lower()
    if not content_type and uri.endswith(_PAGE_ENDINGS):
        return None
    return SKIP_NOT_HTML


def _read_payload(record) -> bytes | None:
    """The page's bytes (None beyond MAX_PAGE_BYTES); its damage (a digest that does not match, checked
    as it is read to its end) is the archive's, as _iterate says it."""
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            data = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - warcio's errors on a damaged archive share no base
            raise IngestError(f"not a readable WARC file ({_reason(exc)})") from None
    return None if len(data) > MAX_PAGE_BYTES else data


def survey_warc(path) -> Survey:
    """One streamed pass over the archive: its sha256, how many pages it holds, what it skips."""
    path = Path(path)
    survey = Survey()
    try:
        with path.open("rb") as raw:
            handle = _Hashing(raw)
            for record in _iterate(handle):
                reason = _kind(record)
                if reason is None and _read_payload(record) is None:
                    reason = SKIP_TOO_LARGE
                if reason is None:
                    survey.pages += 1
                else:
                    survey.skip(reason)
            while handle.read(1 << 20):  # whatever follows the last record counts in the file's sha256
                pass
        _check_gzip_members(path)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    except IngestError as exc:
        raise IngestError(exc.message, path=str(path)) from None
    survey.sha256 = handle.digest.hexdigest()
    return survey


def _check_gzip_members(path: Path) -> None:
    """A gzipped archive cut short ends inside a gzip member, which warcio takes for the end of the
    archive: each member is decompressed to its end here (output discarded, memory bounded)."""
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return
        handle.seek(0)
        member, fed = zlib.decompressobj(wbits=31), False
        while chunk := handle.read(1 << 20):
            while chunk:  # each call gives at most 64 KiB: the rest of the input is the tail, or past the member
                fed = True
                try:
                    member.decompress(chunk, 1 << 16)
                except zlib.error as exc:
                    raise IngestError(f"not a readable WARC file (damaged gzip data: {exc})") from None
                if member.eof:  # the tail then holds the next member's bytes too: they are unused_data
                    chunk = member.unused_data
                    member, fed = zlib.decompressobj(wbits=31), False
                else:
                    chunk = member.unconsumed_tail
        if fed:
            raise IngestError("not a readable WARC file (truncated: its last gzip member ends early)")


def pages(path, survey: Survey):
    """The archive's pages, streamed, in record order (the same the survey counted)."""
    path = Path(path)
    with path.open("rb") as handle:
        for record in _iterate(handle):
            if _kind(record) is not None:
                continue
            payload = _read_payload(record)
            if payload is None:
                continue
            headers = record.rec_headers
            uri = headers.get_header("WARC-Target-URI") or ""
            record_id = headers.get_header("WARC-Record-ID") or ""
            digest = headers.get_header("WARC-Payload-Digest") or (
                "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode("ascii"))
            capture = Capture(uri=uri, date=headers.get_header("WARC-Date") or "", record_id=record_id,
                              payload_digest=digest)
            yield Page(archive=str(path), archive_sha256=survey.sha256, stem=page_stem(uri, record_id),
                       payload=payload, capture=capture,
                       http_charset=charset_of_content_type(record.http_headers.get_header("Content-Type")))


def page_stem(uri: str, record_id: str) -> str:
    """A slug of the target URI (scheme left out; percent-escapes read as the UTF-8 they spell,
    so /tin-t%E1%BB%A9c is slugged as /tin-tức is) and a short hash of the record id."""
    readable = slug(unquote(uri.split("://", 1)[-1]))[:STEM_SLUG_CHARS].strip("-") or "page"
    return f"{readable}-{hashlib.sha1(record_id.encode('utf-8')).hexdigest()[:10]}"


def page_display(page: Page) -> str:
    """How messages name a page: ARCHIVE#stem."""
    return f"{page.archive}#{page.stem}"


def page_of_display(name: str) -> tuple[str, str]:
    """(archive, stem) of a name page_display gave; ("", name) for another name."""
    archive, _, stem = name.rpartition("#")
    return archive, stem


def page_article(page: Page) -> Article:
    """The article of one page; IngestError (that page's failure) when its record's WARC-Date
    opens with no real day, which the capture date's @when must be."""
    day = page.capture.date[:10]
    try:
        if not (day.isascii() and len(day) == 10 and day[4] == day[7] == "-"):
            raise ValueError(day)
        datetime.date.fromisoformat(day)
    except ValueError:
        raise IngestError(f"WARC-Date {page.capture.date[:40]!r} is not a date (ISO 8601): the record is damaged",
                          path=page_display(page)) from None
    return article_from_html(page.payload, Path(page.archive).name, page.stem, page.archive_sha256, meta={},
                             where=page_display(page), http_charset=page.http_charset, capture=page.capture)
