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
