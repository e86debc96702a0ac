"""The one way teikit parses XML it did not write itself.

Input documents may be hostile: a DOCTYPE in the prolog is refused outright (one
mentioned in a comment, a CDATA section or text is no DOCTYPE), so no external
entity is resolved, no DTD is fetched, and no entity-expansion bomb can grow.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .errors import NotWellFormedError, ToolkitError, UnsafeXMLError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


# A DOCTYPE (and the ENTITY declarations only it can hold) has no place in a TEI
# document we accept. It can stand only in the prolog, after the XML declaration,
# comments and processing instructions and before the root element, so the
# prolog is read up to the root element: "<!DOCTYPE" in a comment, a processing
# instruction, a CDATA section or text is not one. (A document in an encoding
# this byte scan cannot read, UTF-16, is caught after parsing: docinfo.doctype.)
_WHITESPACE = b" \t\r\n"
_PROLOG_PARTS = ((b"<?", b"?>"), (b"<!--", b"-->"))


def _unsafe_position(data: bytes) -> tuple[int, int] | None:
    """Line and column (1-based) of a DOCTYPE declaration in the prolog, if there is one."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while at < len(data) and data[at] in _WHITESPACE:
            at += 1
        for opening, closing in _PROLOG_PARTS:
            if data.startswith(opening, at):
                end = data.find(closing, at + len(opening))
                if end < 0:
                    return None  # unterminated: the parser says so
                at = end + len(closing)
                break
        else:
            if data[at:at + 9].upper() != b"<!DOCTYPE":
                return None  # the root element (or what the parser will refuse) starts here
            return data.count(b"\n", 0, at) + 1, at - (data.rfind(b"\n", 0, at) + 1) + 1


def parse_bytes(data: bytes, *, path: str | None = None) -> etree._ElementTree:
    """Parse bytes; refuse any DOCTYPE (DTDs and entities have no place in TEI we accept)."""
    position = _unsafe_position(data)
    if position:
        line, column = position
        raise UnsafeXMLError(f"line {line}: DOCTYPE or entity declarations are refused (no DTDs, no external entities)",
                             path=path, line=line, column=column)
    try:
        root = etree.fromstring(data, _parser(), base_url=path)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        raise NotWellFormedError(f"not well-formed: {exc.msg}", path=path, line=line, column=column) from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise UnsafeXMLError("DOCTYPE declarations are refused", path=path)
    return tree


def parse_file(path) -> etree._ElementTree:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ToolkitError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return parse_bytes(data, path=str(path))
