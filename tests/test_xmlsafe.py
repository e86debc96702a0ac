"""The one parser for XML teikit did not write: DOCTYPEs and entities refused, with their position."""

from __future__ import annotations

import pytest

from teikit.errors import UnsafeXMLError
from teikit.errors import NotWellFormedError
from teikit.xmlsafe import parse_bytes


def test_a_doctype_after_a_comment_is_refused_at_its_own_line():
    data = b'<?xml version="1.0"?>\n<!-- note -->\n  <!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI/>\n'
    with pytest.raises(UnsafeXMLError) as err:
        parse_bytes(data, path="x.xml")
    assert (err.value.line, err.value.column) == (3, 3)
    assert str(err.value) == "x.xml: line 3: DOCTYPE or entity declarations are refused (no DTDs, no external entities)"


def test_not_well_formed_carries_the_parsers_position():
    with pytest.raises(NotWellFormedError) as err:
        parse_bytes(b"<TEI>\n  <p>\n</TEI>", path="y.xml")
    assert err.value.line == 3 and err.value.column > 0


def test_plain_xml_parses():
    assert parse_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>").getroot().tag.endswith("TEI")


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize("data, message, ids", [
    (b"<TEI><p xml:id='dup'/><p xml:id='dup'/></TEI>", "ID dup already defined", ["dup", "dup"]),
    (b"<TEI><p xml:id='12'/></TEI>", "xml:id : attribute value 12 is not an NCName", ["12"]),
])
def test_a_repeated_or_malformed_xml_id_is_refused_only_where_ids_are_relied_on(data, message, ids):
    # A well-formed document whose xml:id is repeated or not an NCName was "not well-formed" to render
    # and validate (which said nothing else of it); a reader that needs unique ids (a register) refuses it.
    with pytest.raises(NotWellFormedError) as err:
        parse_bytes(data, path="z.xml")
    assert err.value.message.startswith(f"not well-formed: {message} (line 1, column ")
    assert [p.get(XML_ID) for p in parse_bytes(data, ids_checked=False).getroot()] == ids


def test_with_ids_unchecked_what_is_not_well_formed_is_still_said():
    with pytest.raises(NotWellFormedError) as err:
        parse_bytes(b"<TEI><p xml:id='dup'/><p xml:id='dup'/><b></TEI>", path="w.xml", ids_checked=False)
    assert err.value.message.startswith("not well-formed: the end tag </TEI> does not close <b>")


def test_a_parser_message_holding_a_newline_is_one_line():
    # libxml2 says "Unsupported encoding: detecting EBCDIC\n": the error line held a backslash-n.
    with pytest.raises(NotWellFormedError) as err:
        parse_bytes(b"\x4c\x6f\xa7\x94\x93\x40", path="e.xml")  # '<?xml ' in EBCDIC
    message = err.value.message  # libxml2's words vary by version; their shape does not
    assert message.startswith("not well-formed: ") and "\n" not in message and "  " not in message
