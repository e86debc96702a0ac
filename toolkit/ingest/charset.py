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

Public entry: `decode_page(data, http_charset=None) -> (text, encoding name)`.
"""

from __future__ import annotations

import codecs
import re

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
_CHARSET_PARAM_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)

__all__ = ["decode_page", "codec_for", "charset_of_content_type", "PRESCAN_BYTES"]


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


def decode_page(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """The page's text and the name of the encoding it was read with (never an error: a byte that
    does not decode becomes U+FFFD, as in a browser)."""
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None) or codec_for(http_charset)
    if codec is None:
        match = _META_CHARSET_RE.search(data[:PRESCAN_BYTES])
        codec = codec_for(match.group(1).decode("ascii")) if match else None
    if codec is None:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            codec = _detect(data)
    return data.decode(codec, errors="replace"), codec.removesuffix("-sig")


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return (codec_for(best.encoding) if best is not None else None) or "cp1252"
