"""A web archive (WARC, ISO 28500; `.warc` or `.warc.gz`) → its HTML pages, one at a time.

    survey = survey_warc(path)        # streamed passes: sha256 of the file, pages, what is skipped, damage
    damage_failure(path, survey)      # None, or the archive's one failure line for its damaged records
    for page in pages(path, survey):  # a second streamed pass: one Page per HTML page captured
        article = page_article(page)  # the page's Article (ingest/html.py), its capture in it

A page is a `response` record with HTTP status 200 and an HTML payload (Content-Type
text/html or application/xhtml+xml; a record that gives no type is taken for HTML when
its target URI ends as a page does). Everything else is skipped and counted by kind
(`SKIP_*`): redirects (3xx), other statuses, non-HTML responses (images, scripts,
styles …), requests, metadata, warcinfo, revisit and resource records, pages over
MAX_PAGE_BYTES, and pages in a Content-Encoding warcio does not decode (gzip, deflate and
brotli it does: never compressed bytes read as a page). A page whose HTML holds no article text is counted too (convert).

Records are read with warcio, streamed: memory holds one record, never the archive. A
record is a page or skipped once it is read to its end and found whole.

A damaged record costs itself, not the archive: one that is cut short, a Content-Length that
does not match its content, a digest that does not match, a header cut short, a damaged gzip
member. It is left out and reading resumes at the next record found after it
(warcscan: the next whole gzip member, or the next `WARC/1.x` line of an uncompressed
archive); none found, the reading ends there, as it does after MAX_DAMAGED damaged records
(hostile input: each costs a search), and it never goes back. The pages read are converted,
and the damage is the archive's one failure line (`damage_failure`: the first damaged record,
its place and offset, how many more). A gzip member holding more than one record (an archive
gzipped as one stream) is the archive's error: inside it nothing says where a record begins.
The survey and `pages` read the same records, past the same damage, so the survey's count of
pages is what `pages` yields. An archive that opens with no WARC record (another kind of
file), holds none, or of which no record is read whole (its first damaged, and none after it)
is no WARC file: one IngestError, `not a readable WARC file (…)`; a damaged first record (its
warcinfo) is read past as any other.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from ..asciifold import slug
from ..errors import DamagedRecordError, IngestError
from ..model import Article, Capture
from . import warcscan
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
SKIP_ENCODING = "page in a content encoding that cannot be decoded"
# Other record types are counted as "<type> record".

# Why a record is damaged, as `not a readable WARC file (…)` and the archive's failure line say it
# (a gzip member's: warcscan).
CUT_SHORT = "truncated: its last record ends before its Content-Length"
LENGTH_WRONG = "a record's Content-Length does not match its content"
HEADER_CUT = "truncated: a record's header ends before its Content-Length"
NOT_WARC = "it does not open with a WARC/1.0 or WARC/1.1 record"
# A gzip member holding more than one record (a whole archive gzipped as one stream): warcio's
# offsets then say nothing of where a record begins, so nothing is read past it; the archive's.
NOT_CHUNKED = ("a gzip member holds more than one record: gzipped as one stream? `warcio recompress` "
               "makes it one record a member, as WARC writers write it")
# Damaged records read past in one archive: after them the rest of it is not read (hostile input
# bounded: each costs a search, warcscan).
MAX_DAMAGED = 100

__all__ = ["Page", "Survey", "survey_warc", "pages", "page_article", "damage_failure", "MAX_PAGE_BYTES",
           "SKIP_NO_TEXT"]


class Damage(NamedTuple):
    number: int   # the record's place in the archive (1: its first), as far as it could be read
    offset: int   # where it begins: a byte of the file
    reason: str


@dataclass
class Survey:
    sha256: str = ""
    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    gzip_damage: list = field(default_factory=list)  # warcscan.gzip_damage's: pages() reads past them as the survey did
    damage: Damage | None = None  # the first damaged record (damage_failure's line names it)
    damage_count: int = 0
    resumed: bool = True  # whether a record was found after the last damaged one, where reading went on

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def damaged(self, number: int, offset: int, reason: str, resumed: bool) -> bool:
        """One damaged record more; whether reading goes on past it (resumed, and under MAX_DAMAGED)."""
        self.damage = self.damage or Damage(number, offset, reason)
        self.damage_count += 1
        self.resumed = resumed and not self.stopped
        return self.resumed

    @property
    def stopped(self) -> bool:
        """Whether reading ended at MAX_DAMAGED damaged records."""
        return self.damage_count >= MAX_DAMAGED


@dataclass(frozen=True)
class Page:
    """One HTML page of an archive: what page_article needs (picklable, for a worker)."""

    archive: str          # the archive's path
    archive_sha256: str
    stem: str
    payload: bytes
    http_charset: str | None
    capture: Capture


class _Read(NamedTuple):
    """One record read to its end and found whole: why it is skipped (None: a page) and what a Page needs."""

    kind: str | None
    payload: bytes | None
    headers: object       # its WARC header (warcio's StatusAndHeaders)
    content_type: str | None  # its HTTP Content-Type


def _records(handle, survey: Survey):
    """The archive's whole records, in file order. A damaged one is said in `survey` (Survey.damaged)
    and reading resumes where warcscan finds the next record (none: the reading ends). An archive
    that opens with no WARC record (another kind of file), or in which no whole record is read,
    is one IngestError: it is no readable WARC file."""
    gzipped = warcscan.is_gzip(handle)
    gzip_damage = {offset: (resume, reason) for offset, resume, reason in survey.gzip_damage}
    records, number, floor = _iterator(handle, 0), 0, 0  # floor: where the reading last (re)started
    whole, first = 0, None  # how many whole records were read; why the first damaged one is
    while True:
        offset = records.offset
        resume = None
        try:
            if offset < floor:  # warcio's offset went back: a member holds more than one record
                raise IngestError(f"not a readable WARC file ({NOT_CHUNKED})")
            if offset in gzip_damage:  # not handed to warcio, which may read a damaged member's bytes as WARC
                resume, reason = gzip_damage[offset]
                raise DamagedRecordError(reason)
            read = _read_one(records)
        except DamagedRecordError as damaged:
            if whole and warcscan.padding_at(handle, offset):
                return  # zero bytes to the end after the last record: padding, not a damaged record
            if number == 0 and damaged.message == NOT_WARC:
                raise IngestError(f"not a readable WARC file ({damaged.message})") from None
            first = first or damaged.message
            if offset not in gzip_damage:
                resume = warcscan.record_after(handle, offset, gzipped, damaged.length)
            if resume is not None and resume <= max(offset, floor):
                resume = None  # never back, nor where it stands: the reading always moves on
            reason = damaged.message
            if reason == CUT_SHORT and resume is not None:  # a record after it: its Content-Length runs past it
                reason = LENGTH_WRONG
            number += 1
            if not survey.damaged(number, offset, reason, resume is not None):
                read = None
            else:
                records, floor = _iterator(handle, resume), resume
                continue
        if read is None:
            if not whole:  # nothing of it could be read: no web archive, or one damaged from its start
                raise IngestError(f"not a readable WARC file ({first or 'no WARC record in it'})")
            return
        number += 1
        whole += 1
        yield read


def _iterator(handle, offset: int):
    from warcio.archiveiterator import ArchiveIterator

    handle.seek(offset)
    return ArchiveIterator(handle, check_digests="raise")


def _read_one(records) -> _Read | None:
    """The next record, read to its end (a page's payload kept): None at the archive's end;
    DamagedRecordError when it is damaged: not WARC, a header cut short (warcio gives it as a record),
    a digest that does not match (checked as the record is read to its end), a record cut short,
    a Content-Length that does not match (warcio would only print a warning)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    errors, record = records.err_count, None
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            record = next(records)
            if record.format != "warc":
                raise DamagedRecordError(NOT_WARC)
            if record.rec_headers.get_header("Content-Length") is None:
                raise DamagedRecordError(HEADER_CUT)
            kind = _kind(record)
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1) if kind is None else None
            records.read_to_end()
        except StopIteration:
            return None
        except (OSError, MemoryError, DamagedRecordError):
            raise
        except Exception as exc:  # noqa: BLE001 - warcio's errors on a damaged archive share no base
            if isinstance(exc, ArchiveLoadFailed) and str(exc).strip().startswith(_gzip_error(ArchiveIterator)):
                raise IngestError(f"not a readable WARC file ({NOT_CHUNKED})") from None
            # failing once its header was read (a digest that does not match: found once the block is
            # read whole), the record may say where it ends: warcscan.record_after tries that place
            length = record.length if isinstance(exc, ArchiveLoadFailed) and record is not None else None
            raise DamagedRecordError(_reason(exc), length=length) from None
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise DamagedRecordError(CUT_SHORT)
    if records.err_count != errors:
        raise DamagedRecordError(LENGTH_WRONG)
    if payload is not None and len(payload) > MAX_PAGE_BYTES:
        kind, payload = SKIP_TOO_LARGE, None
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers is not None else None
    return _Read(kind, payload, record.rec_headers, content_type)


def _gzip_error(iterator) -> str:
    """The first line of warcio's error for a gzip member holding more than one record (its own
    text, ArchiveIterator.GZIP_ERR_MSG, so that a new wording of it is still known)."""
    return iterator.GZIP_ERR_MSG.strip().splitlines()[0].strip()


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
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").split("?")[0].lower()
    if content_type not in _HTML_TYPES and (content_type or not uri.endswith(_PAGE_ENDINGS)):
        return SKIP_NOT_HTML
    return None if _decodable(record.http_headers.get_header("Content-Encoding")) else SKIP_ENCODING


def _decodable(encoding: str | None) -> bool:
    """Whether warcio decodes a payload of this Content-Encoding (gzip, deflate, br with brotlicffi):
    one it does not it hands over as it is, compressed bytes no page reader could read."""
    from warcio.bufferedreaders import BufferedReader

    encoding = (encoding or "").strip().lower()
    return encoding in ("", "identity", "x-gzip") or encoding in BufferedReader.get_supported_decompressors()


def survey_warc(path) -> Survey:
    """The archive surveyed: its sha256, its damaged gzip members (warcscan), then one streamed
    pass over its records: how many pages, what is skipped, what is damaged."""
    path = Path(path)
    survey = Survey()
    try:
        with path.open("rb") as handle:
            survey.sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
            survey.gzip_damage = warcscan.gzip_damage(handle, MAX_DAMAGED)
            for read in _records(handle, survey):
                if read.kind is None:
                    survey.pages += 1
                else:
                    survey.skip(read.kind)
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    except IngestError as exc:
        raise IngestError(exc.message, path=str(path)) from None
    return survey


def damage_failure(path, survey: Survey) -> str | None:
    """The one failure line of an archive some of whose records are damaged (None: none is); its
    pages are converted all the same (`pages` reads past the damage as the survey did)."""
    first = survey.damage
    if first is None:
        return None
    more = survey.damage_count - 1
    said = f", and {more} more record{'s' if more != 1 else ''} after it" if more else ""
    after = (f"after {MAX_DAMAGED} damaged records the rest of the archive is not read; the other pages "
             "are converted" if survey.stopped else
             "the archive's other pages are converted" if survey.resumed else
             f"no record after {'the last' if more else 'it'} could be found; the "
             f"{'other pages' if more else 'pages before it'} are converted")
    return (f"{path}: record {first.number} (offset {first.offset}) is damaged ({first.reason}){said}: "
            f"skipped; {after}")


def pages(path, survey: Survey):
    """The archive's pages, streamed, in record order: the records the survey counted, read past
    the same damage. An archive that holds other pages or damage now than the survey found (it
    changed while convert read it) is an IngestError once the last is read."""
    path = Path(path)
    again, yielded = Survey(gzip_damage=survey.gzip_damage), 0
    with path.open("rb") as handle:
        read_pages = (read for read in _records(handle, again) if read.kind is None)
        while True:
            try:
                read = next(read_pages, None)
            except IngestError as exc:
                raise IngestError(exc.message, path=str(path)) from None
            if read is None:
                if (yielded, again.damage_count) != (survey.pages, survey.damage_count):
                    raise IngestError(f"changed while it was read ({yielded} pages and {again.damage_count} damaged "
                                      f"records now, {survey.pages} and {survey.damage_count} before): convert it again",
                                      path=str(path))
                return
            yielded += 1
            headers, payload = read.headers, read.payload
            uri = headers.get_header("WARC-Target-URI") or ""
            record_id = headers.get_header("WARC-Record-ID") or ""
            digest = headers.get_header("WARC-Payload-Digest") or (
                "sha1:" + base64.b32encode(hashlib.sha1(payload).digest()).decode("ascii"))
            capture = Capture(uri=uri, date=headers.get_header("WARC-Date") or "", record_id=record_id,
                              payload_digest=digest)
            yield Page(archive=str(path), archive_sha256=survey.sha256, stem=page_stem(uri, record_id),
                       payload=payload, capture=capture, http_charset=charset_of_content_type(read.content_type))


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
