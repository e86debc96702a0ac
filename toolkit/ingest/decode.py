"""Bytes to clean text: decoding with a clear word on what the bytes really are,
NFC, and white space folded the way the encoder expects.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import IngestError
from ..whitespace import INVISIBLE, LINE_BREAKS, SPACES, STRAY_JOINERS

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian byte-order mark)"),
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian byte-order mark)"),
    (b"\xfe\xff", "UTF-16 (big-endian byte-order mark)"),
    (b"\xff\xfe", "UTF-16 (little-endian byte-order mark)"),
)

# Spaces that news sites scatter through their text (no-break, figure, narrow,
# ideographic) count as one ordinary space; zero-width ones vanish (whitespace.py).
_SPACE_TABLE = {ord(c): " " for c in SPACES if c not in LINE_BREAKS}
_SPACE_TABLE.update({ord(c): None for c in INVISIBLE})
# C0 controls and the two code points XML 1.0 forbids outright: a scraped page
# may carry them, an XML document may not.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_MULTISPACE_RE = re.compile(r" {2,}")


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (a UTF-8 byte-order mark is allowed); name anything else."""
    if not data.strip():
        raise IngestError("empty file (no text to convert)", path=path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise IngestError(f"encoded as {name}, expected UTF-8; re-save the file as UTF-8", path=path)
    if b"\x00" in data:
        where = data.index(b"\x00")
        if _looks_like_utf16(data):
            raise IngestError("encoded as UTF-16 (no byte-order mark), expected UTF-8; re-save the file as UTF-8", path=path)
        raise IngestError(f"binary data, not text (NUL byte at offset {where})", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = _legacy_hint(data)
        raise IngestError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}", path=path) from None
    if _CONTROL_RE.search(text.replace("\r", "").replace("\n", "")):
        controls = len(_CONTROL_RE.findall(text.replace("\r", "")))
        if controls > max(8, len(text) // 100):
            raise IngestError(f"binary data, not text ({controls} control characters)", path=path)
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 text without a byte-order mark: NUL bytes in the high half of many characters (one
    byte in two), hardly any in the other half, and the bytes read as UTF-16 print. A program or an
    image has NULs in both halves (runs of zeros), and reads as no text."""
    sample = data[:2000]
    sample = sample[:len(sample) // 2 * 2]  # whole code units
    for nuls, others, codec in ((sample[1::2], sample[0::2], "utf-16-le"), (sample[0::2], sample[1::2], "utf-16-be")):
        if nuls.count(0) > len(sample) // 4 and others.count(0) <= len(others) // 50:
            text = sample.decode(codec, errors="replace")
            return sum(c.isprintable() or c.isspace() for c in text) >= 0.95 * len(text)
    return False


# Bytes that only Vietnamese writes in its legacy encodings and the Western languages hardly use
# in theirs (Windows-1252, Latin-1): in Windows-1258 đ ư and their capitals, the combining grave,
# acute, tilde, hook and dot below (ð ý Ð Ý Ì ì Þ Ò ò to a Western reader; not ă ơ, which are
# Portuguese ã õ); in TCVN3 ă â ê ơ ư đ and à ả ã á ạ (¨ © ª ¬ ­ ® µ ¶ · ¸ ¹; not ô, which is «).
# A text that is not UTF-8 and holds many is Vietnamese in a legacy encoding.
_VIETNAMESE_LEGACY = frozenset(b"\xf0\xfd\xd0\xdd\xcc\xec\xde\xd2\xf2"
                               b"\xa8\xa9\xaa\xac\xad\xae\xb5\xb6\xb7\xb8\xb9")


def _legacy_hint(data: bytes) -> str:
    """Vietnamese text that is not UTF-8 is nearly always Windows-1258 or TCVN3; another language's,
    no one guess is right often enough to be named."""
    high = [b for b in data if b >= 0x80]
    if high and sum(b in _VIETNAMESE_LEGACY for b in high) * 5 >= len(high):
        return "; it looks like a legacy Vietnamese encoding such as Windows-1258, re-save the file as UTF-8"
    return "; re-save the file as UTF-8"


def clean_line(line: str) -> str:
    """One line as the encoder keeps it: spaces folded, controls dropped, ends stripped."""
    line = _CONTROL_RE.sub("", line.translate(_SPACE_TABLE))
    return STRAY_JOINERS.sub("", _MULTISPACE_RE.sub(" ", line).strip()).strip()


def normalise(text: str) -> str:
    """NFC and one kind of line ending; white space inside lines is left to clean_line."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def is_placeholder(raw_line: str) -> bool:
    """A line of nothing but (no-break) spaces: where a scraped page had a photo."""
    return bool(raw_line) and not raw_line.strip(SPACES + INVISIBLE)
