"""The reading text of TEI (teikit.teitext), defined once: expansions left out, breaks as
spaces, white space folded; what the recognisers saw; what the stylesheets' tk:plain reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from teikit import teitext
from teikit.names import TEIKIT_NS
from teikit.render import saxon
from teikit.resources import xslt_dir
from teikit.whitespace import XML_SPACES
from teikit.xmlsafe import parse_bytes, parse_file

ROOT = Path(__file__).resolve().parents[1]
TEI = ROOT / "tei" / "000_03d31ed0a32cd011.xml"
SAMPLE = ROOT / "tests" / "data" / "render" / "sample.xml"


def doc(body: str):
    return parse_bytes(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="article">{body}'
                       f'</div></body></text></TEI>'.encode()).getroot()


def test_expansions_are_left_out_breaks_read_as_spaces_and_space_folded():
    root = doc('<head>Tiêu  đề</head><p>Ông <persName>A</persName> của <choice><abbr>UBND</abbr>'
               '<expan>Ủy ban nhân dân</expan></choice>\u00a0tỉnh<lb/>Huế.</p><p>  </p>')
    blocks = list(teitext.blocks(root))
    assert [b.text for b in blocks] == ["Tiêu đề", "Ông A của UBND tỉnh Huế."]
    assert teitext.reading_text(root) == "Tiêu đề\n\nÔng A của UBND tỉnh Huế."
    spans = {etree.QName(e).localname: blocks[1].text[s:e_] for s, e_, e in blocks[1].spans}
    assert spans["persName"] == "A" and spans["choice"] == "UBND" and spans["abbr"] == "UBND"


def test_a_caption_head_is_a_block_and_the_figure_is_not():
    root = doc("<p>Một.</p><figure><head>Ảnh: Hai.</head></figure>")
    assert [etree.QName(b.element).localname for b in teitext.blocks(root)] == ["p", "head"]


def test_outside_an_article_div_the_text_element_is_read():
    root = parse_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Ba</p></body></text></TEI>').getroot()
    assert teitext.reading_text(root) == "Ba"


@pytest.mark.parametrize("path", [TEI, SAMPLE], ids=["seed", "sample"])
def test_the_stylesheets_tk_plain_reads_each_block_alike(path):
    text = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns:tk="{TEIKIT_NS}" xpath-default-namespace="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{(xslt_dir() / 'common' / 'common.xsl').as_uri()}"/>
      <xsl:output method="json"/>
      <xsl:template match="/"><xsl:sequence select="array {{ //div[@type='article']//(head|p|byline|trailer) ! tk:plain(.) }}"/></xsl:template>
    </xsl:stylesheet>"""
    executable = saxon.processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    executable.set_parameter(f"{{{TEIKIT_NS}}}spaces", saxon.string_value(XML_SPACES))
    node = saxon.parse_text(path.read_text(encoding="utf-8"), name=str(path))
    from_xslt = json.loads(executable.transform_to_string(xdm_node=node))
    assert from_xslt == [b.text for b in teitext.blocks(parse_file(path).getroot())]


def test_the_name_a_persname_carries_is_its_span_without_its_roles():
    root = doc('<p>Có <persName><roleName>Đại tướng</roleName> Trần Đại Quang, <roleName>Bộ trưởng '
               '<orgName>Bộ Công an</orgName></roleName>, <roleName>Ủy viên</roleName></persName> và '
               '<persName>Vũ Trọng Kim</persName>, <orgName>Bộ Y tế</orgName>.</p>')
    (block,) = teitext.blocks(root)
    parts = {"".join(e.itertext()): block.text[slice(*teitext.name_part(block, s, e_, e))] for s, e_, e in block.spans
             if etree.QName(e).localname in ("persName", "orgName")}
    assert parts == {"Đại tướng Trần Đại Quang, Bộ trưởng Bộ Công an, Ủy viên": "Trần Đại Quang",
                     "Vũ Trọng Kim": "Vũ Trọng Kim", "Bộ Công an": "Bộ Công an", "Bộ Y tế": "Bộ Y tế"}


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "editions").glob("*.xml")) + [TEI, SAMPLE],
                         ids=lambda path: path.name)
def test_the_block_elements_are_those_of_the_blocks_read_without_their_texts(path):
    root = parse_file(path).getroot()
    for container in teitext.article_containers(root):
        assert list(teitext.block_elements_in(container)) == [block.element for block in teitext.blocks_in(container)]


def test_a_block_of_white_space_or_an_expansion_alone_is_no_block():
    root = doc('<p> \u00a0<lb/> </p><p><choice><abbr/><expan>Ủy ban</expan></choice></p><p><!-- c --> x</p>')
    container = teitext.article_containers(root)[0]
    assert [p.xpath("string()") for p in teitext.block_elements_in(container)] == [" x"]
