"""The DOCTYPE prefilter reads the prolog (issue 12, item 7): "<!DOCTYPE" in a comment, a
processing instruction, a CDATA section or text of a valid TEI is accepted; a real DOCTYPE,
after any prolog, is refused with one line and its position, its entities never expanded."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.errors import UnsafeXMLError
from teikit.xmlsafe import parse_bytes

REPO = Path(__file__).resolve().parents[1]
TEI = sorted((REPO / "tei").glob("*.xml"))[0].read_bytes()
CANARY = "CANARY-doctype-3b1e"
REFUSED = "DOCTYPE or entity declarations are refused (no DTDs, no external entities)"


def _with_prolog(prolog: bytes, body_comment: bytes = b"") -> bytes:
    head, rest = TEI.split(b"<TEI", 1)
    rest = rest.replace(b"</TEI>", body_comment + b"</TEI>", 1)
    return head + prolog + b"<TEI" + rest


MENTIONS = {
    "comment": (b"<!-- this file once had <!DOCTYPE TEI SYSTEM 'tei.dtd'> -->\n", b""),
    "comment-entity": (b"<!-- <!ENTITY x 'y'> -->\n", b"<!-- <!DOCTYPE again --><!-- <!doctype -->"),
    "pi": (b"<?editor note='<!DOCTYPE is not used'?>\n", b""),
    "after-root": (b"", b"<!-- <!DOCTYPE TEI> at the end -->"),
}


@pytest.mark.parametrize("name", sorted(MENTIONS))
def test_a_doctype_mentioned_in_a_comment_is_accepted(tmp_path, name):
    prolog, body = MENTIONS[name]
    path = tmp_path / f"{name}.xml"
    path.write_bytes(_with_prolog(prolog, body))
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert (result.exit_code, result.stdout) == (0, "1 file, 1 valid, 0 invalid, 0 errors\n"), result.output


def test_cdata_and_text_mentioning_a_doctype_parse():
    tree = parse_bytes(b"<x><![CDATA[<!DOCTYPE y [<!ENTITY z 'q'>]>]]>&lt;!DOCTYPE</x>")
    assert tree.getroot().text == "<!DOCTYPE y [<!ENTITY z 'q'>]><!DOCTYPE"


@pytest.mark.parametrize("prolog, line, column", [
    (b"", 1, 1),
    (b"<?xml version='1.0' encoding='UTF-8'?>\n", 2, 1),
    (b"<?xml version='1.0'?>\n<!-- a comment <!-- -->\n  <?pi x?> ", 3, 12),
    (b"\xef\xbb\xbf<!-- x -->", 1, 14),
])
def test_a_real_doctype_is_refused_wherever_the_prolog_puts_it(tmp_path, prolog, line, column):
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY, encoding="utf-8")
    data = prolog + f'<!DOCTYPE x [<!ENTITY c SYSTEM "file://{canary}">]><x>&c;</x>'.encode()
    with pytest.raises(UnsafeXMLError) as caught:
        parse_bytes(data, path="doc.xml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value) == f"doc.xml: line {line}: {REFUSED}"
    path = tmp_path / "doc.xml"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1 and CANARY not in result.output
    assert result.stdout.splitlines()[0].startswith(f"{path}:{line}:{column}: error:")


def test_a_doctype_in_utf16_is_refused_after_parsing():
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'.encode("utf-16")
    with pytest.raises(UnsafeXMLError, match="DOCTYPE declarations are refused"):
        parse_bytes(data, path="u.xml")
