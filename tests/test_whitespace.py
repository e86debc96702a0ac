"""One white-space definition (teikit.whitespace): ingest, the NER readers' folding and
the stylesheets fold every space character alike, and nothing else."""

from __future__ import annotations

import pytest

from teikit.ingest.decode import clean_line, is_placeholder
from teikit.render import saxon
from teikit.whitespace import INVISIBLE, LINE_BREAKS, SPACES, XML_SPACES, fold

ENTRY = "https://teikit.org/ns/1.0"


@pytest.mark.parametrize("space", [c for c in SPACES if c not in LINE_BREAKS])
def test_ingest_folds_every_space_inside_a_line(space):
    assert clean_line(f" a{space}{space} b{space}") == "a b"
    assert is_placeholder(space * 3)


@pytest.mark.parametrize("char", list(INVISIBLE))
def test_ingest_drops_invisible_characters(char):
    assert clean_line(f"Hà{char} Nội") == "Hà Nội"


@pytest.mark.parametrize("text", ["می\u200cخواهیم", "\U0001f468\u200d\U0001f469\u200d\U0001f467"])
def test_ingest_keeps_the_joiners_that_are_spelling(text):
    # The zero-width non-joiner and joiner vanished: Persian words misspelt, emoji sequences broken.
    assert clean_line(f"{text} Hà Nội") == f"{text} Hà Nội"


@pytest.mark.parametrize("line", ["Hà\u200d Nội", "Hà \u200cNội", "\u200dHà Nội\u200c", "Hà\u200c\u00a0Nội"])
def test_a_joiner_next_to_a_space_joins_nothing_and_vanishes(line):
    # Kept everywhere, a stray one hid the place from the recogniser ("Hà\u200d Nội").
    assert clean_line(line) == "Hà Nội"


def test_fold_is_runs_of_any_space_to_one_and_trimmed():
    assert fold(f"{SPACES}a{SPACES}b{SPACES}") == "a b"
    assert fold("a\u200bb") == "a\u200bb"  # invisible characters are not spaces


def test_the_stylesheets_fold_exactly_the_same_characters():
    from teikit.resources import xslt_dir

    text = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns:tk="{ENTRY}"><xsl:import href="{(xslt_dir() / 'common' / 'common.xsl').as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:param name="s" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
      <xsl:template name="xsl:initial-template"><xsl:sequence select="tk:normalize($s)"/></xsl:template>
    </xsl:stylesheet>"""
    executable = saxon.processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    executable.set_parameter(f"{{{ENTRY}}}spaces", saxon.string_value(XML_SPACES))
    executable.set_parameter("s", saxon.string_value(f"{XML_SPACES}a{XML_SPACES}b\u200bc{XML_SPACES}"))
    assert executable.call_template_returning_string() == fold(f"{XML_SPACES}a{XML_SPACES}b\u200bc{XML_SPACES}")
