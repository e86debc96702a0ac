"""Stylesheet parameters go into Saxon as nodes, each set only when it changes.

saxonche keeps native memory for good for every atomic value it wraps (make_string_value,
set_parameter given one), so a rendering process that made four an article page grew by
about 1.1 KB an article (teikit.render.saxon's note; benchmarks/saxon_memory.py). These
tests pin the mechanism that keeps it flat: what a page sets per document is a node, and
only what changed is set again.
"""

from __future__ import annotations

import pytest
from saxonche import PyXdmNode

from teikit.render import Renderer, saxon

from render_helpers import SAMPLE

ECHO = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>
  <xsl:param name="p" as="xs:string" select="''"/>
  <xsl:template name="echo">[<xsl:value-of select="string-to-codepoints($p)"/>]</xsl:template>
</xsl:stylesheet>"""


class Spy:
    """A compiled stylesheet that records the parameters it is given."""

    def __init__(self, executable):
        self._executable = executable
        self.calls: list[tuple[str, object]] = []

    def set_parameter(self, name, value):
        self.calls.append((name, value))
        self._executable.set_parameter(name, value)

    def __getattr__(self, name):
        return getattr(self._executable, name)


def compiled(text: str):
    return saxon.processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)


@pytest.fixture()
def echo():
    return compiled(ECHO)


def echoed(executable, text: str) -> str:
    executable.set_parameter("p", saxon.text_node(text))
    return executable.call_template_returning_string("echo")


def codepoints(text: str) -> str:
    return "[" + " ".join(str(ord(c)) for c in text) + "]"


@pytest.mark.parametrize("text", ["", "registers/", "../tei/bài 1.xml", "a&b<c>d]]>e", "line\r\nend\rx", "  ", "\t"])
def test_a_string_parameter_given_as_a_node_is_the_same_string(echo, text):
    assert echoed(echo, text) == codepoints(text)


def test_a_string_xml_cannot_hold_goes_in_as_a_string_value(echo):
    value = saxon.text_node("a\x01b")
    assert not isinstance(value, PyXdmNode)
    assert echoed(echo, "a\x01b") == codepoints("a\x01b")


def test_parameters_set_each_value_once_until_it_changes():
    spy = Spy(compiled(ECHO))
    parameters = saxon.Parameters(spy)
    for value in ("a", "a", "b", "b", "a"):
        parameters.set("p", value)
    assert [(name, value.string_value) for name, value in spy.calls] == [("p", "a"), ("p", "b"), ("p", "a")]
    assert all(isinstance(value, PyXdmNode) for _, value in spy.calls)


def test_article_pages_set_only_the_link_that_changes_and_only_as_nodes():
    renderer = Renderer()
    spy = Spy(renderer._html)
    renderer._html = spy
    renderer._html_parameters = saxon.Parameters(spy)
    first = renderer.html(SAMPLE, tei_href="../tei/a.xml")
    set_first = [name for name, _ in spy.calls]
    spy.calls.clear()
    second = renderer.html(SAMPLE, tei_href="../tei/b&c<d.xml")
    assert sorted(set_first) == ["assets-href", "document-ids", "document-lang", "index-href", "registers-href", "tei-href"]
    assert [name for name, _ in spy.calls] == ["tei-href"]
    assert all(isinstance(value, PyXdmNode) for _, value in spy.calls)
    assert 'href="../tei/a.xml">a.xml</a>' in first
    assert 'href="../tei/b&amp;c%3Cd.xml">b&amp;c&lt;d.xml</a>' in second


def test_the_text_edition_sets_abbr_only_when_it_changes():
    renderer = Renderer()
    spy = Spy(renderer._text)
    renderer._text = spy
    renderer._text_parameters = saxon.Parameters(spy)
    kept = renderer.text(SAMPLE)
    renderer.text(SAMPLE)
    expanded = renderer.text(SAMPLE, abbr="expand")
    assert [name for name, _ in spy.calls] == ["abbr", "document-lang", "abbr"]
    assert kept != expanded
    assert renderer.text(SAMPLE) == kept

