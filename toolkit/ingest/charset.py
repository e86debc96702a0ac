"""The character encoding of a web page, decided once, in the order a browser decides it:

1. a byte-order mark (UTF-8, UTF-16): unambiguous, so it wins, as in the Encoding Standard;
2. the charset of the HTTP Content-Type header, when it is known (a WARC response record);
3. the page's own declaration, `<meta charset=…>` or `<meta http-equiv="Content-Type"
   content="…; charset=…">`, looked for in its first `PRESCAN_BYTES` bytes (as HTML's prescan does);
4. UTF-8 when the bytes are valid UTF-8;
5. detection (charset_normalizer, the detector trafilatura itself relies on).

Labels are read as WHATWG's Encoding Standard reads them: "gb2312" and "gbk" mean GB18030's
superset, "iso-8859-1", "latin1" and "ascii" mean Windows-1252, "windows-1258" is Python's cp1258.
A declared label Python does not know, or knows as no page encoding (base64, zlib_codec, rot13,
idna, undefined …: `_page_encoding`), is ignored (the next step decides), never an error.

A mislabelled page: when the charset that step 2 or 3 chose does not decode the bytes (a byte
not valid in it), the page's other declarations are tried in the same order (a later `<meta>`,
the HTTP header's or the meta's when the other won, an `<?xml … encoding=…?>` declaration), then
UTF-8, then detection; the first that decodes every byte is used, and `Decoded.warning` says so.
When none does (or a page with no declaration is not UTF-8 and its detected charset does not
decode it either), the page is read as before, each byte that does not decode a U+FFFD, and the
warning names the charset and the first such byte. A page whose chosen charset decodes cleanly is
read with it, whatever else it declares, with no warning, but for one mislabelling: a page declared
in a legacy charset whose bytes beyond ASCII are valid UTF-8 (a chance no real page in such a
charset runs: its letters beyond ASCII would have to pair as UTF-8's lead and continuation bytes)
is read as UTF-8, with a warning.

Public entry: `decode_page(data, http_charset=None) -> (text, encoding name)`;
`read_page(data, http_charset=None) -> Decoded(text, encoding, warning)`.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

PRESCAN_BYTES = 4096

# WHATWG label → the Python codec that decodes what pages labelled so really hold.
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "windows-1252": "cp1252",
    "windows-1258": "cp1258", "x-cp1258": "cp1258",
    "big5": "big5hkscs", "shift_jis": "cp932", "sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_XML_DECLARATION_RE = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_CHARSET_PARAM_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)

__all__ = ["decode_page", "read_page", "Decoded", "codec_for", "charset_of_content_type", "PRESCAN_BYTES"]


def codec_for(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    name = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not _page_encoding(info):
        return None
    # A page that says UTF-16 in its bytes' own declaration is ASCII-compatible, so it is not UTF-16.
    return "utf-8" if name.replace("_", "-").startswith("utf-16") else name


# Bytes no page encoding may fail on when read with errors="replace".
_PROBE = b"<p>\\x\\u+-&</p>\x80\xff\xfe\x00"


def _page_encoding(info: codecs.CodecInfo) -> bool:
    """Whether a Python codec can be a page's encoding: it decodes bytes to text (not base64,
    zlib, rot13 …: binary transforms Python also calls codecs) and reads any bytes with
    errors="replace" (idna, punycode, undefined raise whatever the handler)."""
    if not getattr(info, "_is_text_encoding", True):
        return False
    try:
        _PROBE.decode(info.name, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return False
    return True


def charset_of_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, as written."""
    if not content_type:
        return None
    match = _CHARSET_PARAM_RE.search(content_type)
    return match.group(1) if match else None


class Decoded(NamedTuple):
    text: str
    encoding: str            # the Python codec it was read with ("utf-8", "cp1252" …)
    warning: str | None      # one line (without the file name) when the page's declaration was wrong


def decode_page(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """The page's text and the name of the encoding it was read with (never an error: a byte that
    does not decode becomes U+FFFD, as in a browser)."""
    decoded = read_page(data, http_charset)
    return decoded.text, decoded.encoding


def read_page(data: bytes, http_charset: str | None = None) -> Decoded:
    """The page's text, the encoding it was read with, and a warning when what the page declares
    does not decode its bytes (module docstring)."""
    bom = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if bom is not None:
        return Decoded(data.decode(bom, errors="replace"), bom.removesuffix("-sig"), None)
    declared = _declarations(data, http_charset)
    chosen = next(((label, codec, where) for label, codec, where in declared if where != _XML), None)
    if chosen is None:  # no declaration a browser reads
        for codec in ["utf-8"] + [codec for _, codec, _ in declared]:  # then an XML declaration's
            if (text := _strict(data, codec)) is not None:
                return Decoded(text, codec, None)
        detected = _detect(data)
        codec = detected or "cp1252"
        if (text := _strict(data, codec)) is not None:
            return Decoded(text, codec, None)
        return _replaced(data, codec, f"it declares no charset and {_bad(data, codec)} is valid neither in utf-8 "
                                      f"nor in {codec}{' (detected)' if detected else ''}")
    label, codec, where = chosen
    if codec != "utf-8" and not data.isascii() and (text := _strict(data, "utf-8")) is not None:
        # valid UTF-8 beyond ASCII, labelled a legacy charset (Apache's default ISO-8859-1 header on a
        # UTF-8 site): read in the label's charset, "tranvía" would be "tranvÃ\xada", for good
        return Decoded(text, "utf-8", f"{where} declares {label}, but the page is valid UTF-8; read as utf-8")
    if (text := _strict(data, codec)) is not None:
        return Decoded(text, codec, None)
    said = f"{where} declares {label}, but {_bad(data, codec)} is not valid {label}"
    if codec == "utf-8" and _mostly_utf8(data):  # a stray byte, a record cut mid-character: still UTF-8
        return _replaced(data, codec, said + " (the rest is)")
    tried = {codec}
    others = [(c, f"{l}, as {w} declares") for l, c, w in declared]
    others += [("utf-8", "utf-8"), (None, "{codec} (detected)")]
    for other, how in others:
        other = other or _detect(data)
        if other is None or other in tried:
            continue
        tried.add(other)
        if (text := _strict(data, other)) is not None:
            return Decoded(text, other, f"{said}; read as {how.format(codec=other)}")
    return _replaced(data, codec, f"{said}, and no other charset reads it")


_HTTP, _META, _XML = "its HTTP header", "its <meta>", "its XML declaration"


def _declarations(data: bytes, http_charset: str | None) -> list[tuple[str, str, str]]:
    """(label as written, codec, where) of each charset the page is declared in that Python knows
    as a page encoding: the HTTP header's, each <meta> of the prescan, an XML declaration."""
    found = [(http_charset, _HTTP)]
    found += [(m.group(1).decode("ascii"), _META) for m in _META_CHARSET_RE.finditer(data[:PRESCAN_BYTES])]
    if (xml := _XML_DECLARATION_RE.match(data[:PRESCAN_BYTES])) is not None:
        found.append((xml.group(1).decode("ascii"), _XML))
    return [(label.strip().strip("\"'"), codec, where) for label, where in found
            if label and (codec := codec_for(label)) is not None]


def _strict(data: bytes, codec: str) -> str | None:
    """The bytes decoded with `codec`, or None when a byte is not valid in it."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _bad(data: bytes, codec: str) -> str:
    """Where the first byte not valid in `codec` is ("byte 0xe9 at offset 78")."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return "no byte"


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not all valid UTF-8 are UTF-8 with a few bad bytes: their characters
    beyond ASCII outnumber the bytes that do not decode twenty to one (a page in a legacy charset
    decodes no such character, each of its letters beyond ASCII being a bad byte)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return bad * 20 <= sum(1 for char in text if char > "\x7f") - bad


def _replaced(data: bytes, codec: str, said: str) -> Decoded:
    """Read as `codec` all the same, each byte that does not decode a U+FFFD, and say so."""
    return Decoded(data.decode(codec, errors="replace"), codec,
                   f"{said}; read as {codec}, each byte that does not decode a U+FFFD")


def _detect(data: bytes) -> str | None:
    """The charset charset_normalizer finds the bytes in, or None when it finds none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return codec_for(best.encoding) if best is not None else None
