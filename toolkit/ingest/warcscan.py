"""Where a damaged web archive's records are: what warc.py reads past a damaged record with.

    damaged = gzip_damage(handle, limit)      # the damaged gzip members (at most limit): (offset, resume or None, why)
    resume = record_after(handle, offset, gzipped, length)  # where the record after a damaged one begins, or None
    padding_at(handle, offset)                 # zero bytes only from there to the end: padding, no damage

A gzipped archive (one gzip member a record, as WARC writers write it) is walked member by
member before its records are read (`gzip_damage`), each decompressed to its end with its
output discarded (memory bounded: CHUNK bytes of input, OUTPUT_STEP of output at a time):
a member zlib refuses, or one the file ends inside, is damaged (zero bytes to the file's end
after the last member are padding, no damage), and reading resumes at the
next gzip member header (1f 8b 08) found after it that decompresses to a WARC record's first
line. After a record damaged within a whole member (a digest, a Content-Length that does not
match), the next record is where that member ends. In an uncompressed archive the next
record is the next line that is `WARC/1.0` or `WARC/1.1` after the damaged record's start;
but when it was read whole (a digest that fails) and a record begins exactly where its header
and Content-Length end, that one, and none when the file ends there (a `WARC/1.0` line in its
payload is no record); when bytes were lost from it, the next record begins before that
place, and is searched for. The search is bounded: at most MAX_CANDIDATES places are tried after one
damaged record, each with at most VERIFY_BYTES read; past them, nothing after that record is
read. How many damaged records are read past in one archive is the caller's bound (warc.MAX_DAMAGED).
"""

from __future__ import annotations

import zlib

from ..errors import DamagedRecordError

GZIP_MAGIC = b"\x1f\x8b"
MEMBER_HEADER = b"\x1f\x8b\x08"  # a gzip member of deflate data
RECORD_LINE = b"\nWARC/1."
WARC_HEADS = (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/1.0\n", b"WARC/1.1\n")
CHUNK = 1 << 20
OUTPUT_STEP = 1 << 16
VERIFY_BYTES = 4096
MAX_CANDIDATES = 1_000

GZIP_CUT = "truncated: its last gzip member ends early"

__all__ = ["gzip_damage", "is_gzip", "padding_at", "record_after", "GZIP_CUT"]


def is_gzip(handle) -> bool:
    handle.seek(0)
    return handle.read(2) == GZIP_MAGIC


def gzip_damage(handle, limit: int) -> list[tuple[int, int | None, str]]:
    """The damaged gzip members of a gzipped archive, in file order, at most `limit` of them: each
    one's offset, where reading resumes after it (None: nowhere; the last of `limit`: nowhere, the
    walk ends there), and why it is damaged. [] for an uncompressed archive."""
    if not is_gzip(handle):
        return []
    damaged, start = [], 0
    while start is not None:
        try:
            for _ in _member_ends(handle, start):
                pass
            break
        except DamagedRecordError as broken:
            start = _next_member(handle, broken.offset + 1) if len(damaged) + 1 < limit else None
            damaged.append((broken.offset, start, broken.message))
    return damaged


def _member_ends(handle, start: int):
    """Where each gzip member from `start` ends, in file order, to the end of the file (each
    decompressed, its output discarded); DamagedRecordError for the first member that is damaged
    or cut short. The handle is the generator's while it runs."""
    handle.seek(start)
    member, member_at, pending, at = None, start, b"", start  # `at`: the offset of pending's first byte
    while True:
        if not pending:
            pending = handle.read(CHUNK)
            if not pending:
                if member is not None:
                    raise DamagedRecordError(GZIP_CUT, offset=member_at)
                return
        if member is None:
            if pending[:1] == b"\0" and padding_at(handle, at):
                return  # zero padding after the last member (block-aligned storage): no record, no damage
            member, member_at = zlib.decompressobj(wbits=31), at
        try:
            member.decompress(pending, OUTPUT_STEP)
        except zlib.error as exc:
            raise DamagedRecordError(f"damaged gzip data: {exc}", offset=member_at) from None
        rest = member.unused_data if member.eof else member.unconsumed_tail
        at += len(pending) - len(rest)
        pending = rest
        if member.eof:
            member = None
            yield at


def padding_at(handle, offset: int) -> bool:
    """Whether the file holds zero bytes only, at least one, from `offset` to its end: padding
    (block-aligned storage), no record and no damage. Read CHUNK at a time; the position is kept."""
    back = handle.tell()
    handle.seek(offset)
    try:
        seen = False
        while block := handle.read(CHUNK):
            if block.strip(b"\0"):
                return False
            seen = True
        return seen
    finally:
        handle.seek(back)


def record_after(handle, offset: int, gzipped: bool, length: int | None = None) -> int | None:
    """Where the record after the damaged one at `offset` begins (None: no record is found after it).
    In a gzipped archive whose member at `offset` is whole, where that member ends; in an
    uncompressed one, where its header and its Content-Length `length` end (a record read whole)
    when a record begins there, else the first record line after `offset`."""
    if gzipped:
        try:
            end = next(_member_ends(handle, offset), None)  # the damaged record's member, when it is whole
        except DamagedRecordError:
            end = None
        return end if end is not None else _next_member(handle, offset + 1)
    if length is not None and (end := _record_end(handle, offset, length)) is not None:
        return end if end >= 0 else None
    for line in _found(handle, offset + 1, RECORD_LINE):
        handle.seek(line + 1)
        if handle.read(len(WARC_HEADS[0])).startswith(WARC_HEADS):
            return line + 1
    return None


def _record_end(handle, offset: int, length: int) -> int | None:
    """Where the record after the uncompressed one at `offset` begins, when its header (at most
    VERIFY_BYTES) and its `length` bytes of block, then the blank line between records, lead
    exactly to a record's first line; -1 when they lead exactly to the file's end (the record
    was the last); else None (bytes were lost from it, or added)."""
    handle.seek(offset)
    head = handle.read(VERIFY_BYTES)
    blank = head.find(b"\r\n\r\n")
    if blank < 0:
        return None
    end = offset + blank + 4 + length
    handle.seek(end)
    after = handle.read(4 + len(WARC_HEADS[0]))
    at = len(after) - len(after.lstrip(b"\r\n"))
    if at <= 4 and after[at:].startswith(WARC_HEADS):
        return end + at
    return -1 if at <= 4 and at == len(after) else None


def _next_member(handle, offset: int) -> int | None:
    """The first gzip member header at or after `offset` whose member opens with a WARC record's
    first line (None: none is found, within MAX_CANDIDATES tries)."""
    for candidate in _found(handle, offset, MEMBER_HEADER):
        if _opens_record(handle, candidate):
            return candidate
    return None


def _opens_record(handle, offset: int) -> bool:
    """Whether the gzip member at `offset` decompresses to a WARC record's first line (at most
    VERIFY_BYTES of it read)."""
    handle.seek(offset)
    member, head, fed = zlib.decompressobj(wbits=31), b"", 0
    while fed < VERIFY_BYTES and len(head) < len(WARC_HEADS[0]) and not member.eof:
        data = handle.read(512)
        if not data:
            break
        fed += len(data)
        try:
            head += member.decompress(data, len(WARC_HEADS[0]) - len(head))
        except zlib.error:
            return False
    return head.startswith(WARC_HEADS)


def _found(handle, offset: int, needle: bytes):
    """Each offset at or after `offset` where `needle` is, in order; at most MAX_CANDIDATES of them.
    The caller may move the handle between two (each chunk is read at its own offset)."""
    tried = 0
    while True:
        handle.seek(offset)
        chunk = handle.read(CHUNK)
        at = chunk.find(needle)
        while at != -1:
            if tried == MAX_CANDIDATES:
                return
            tried += 1
            yield offset + at
            at = chunk.find(needle, at + 1)
        if len(chunk) < CHUNK:
            return
        offset += len(chunk) - len(needle) + 1
