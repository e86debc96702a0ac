"""The one way teikit parses XML it did not write itself.

Input documents may be hostile: a DOCTYPE is refused outright, so no external
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


# Declarations that have no place in a TEI document we accept. A DOCTYPE must
# stand in the prolog, so the start of the file is where to look.
_UNSAFE_MARKERS = (b"<!DOCTYPE", b"<!doctype", b"<!ENTITY")
_PROLOG_WINDOW = 65536


def _unsafe_position(data: bytes) -> tuple[int, int] | None:
    """Line and column (1-based) of the first DOCTYPE/ENTITY declaration, if any."""
    window = data[:_PROLOG_WINDOW]
    hits = [i for i in (window.find(m) for m in _UNSAFE_MARKERS) if i >= 0]
    if not hits:
        return None
    at = min(hits)
    return window.count(b"\n", 0, at) + 1, at - (window.rfind(b"\n", 0, at) + 1) + 1


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
