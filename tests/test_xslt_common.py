"""XSLT unit tests for xslt/common: each case is an XPath expression compiled into a
named template of a small stylesheet that imports common.xsl, run through saxonche."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teikit.render import saxon
from teikit.whitespace import XML_SPACES

COMMON = (Path(__file__).resolve().parents[1] / "xslt" / "common" / "common.xsl").as_uri()
DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"><text><body><div type="article">
<p>Ông <roleName type="rank">Đại tướng</roleName> <persName ref="#pers-a">A</persName> và
<persName ref="#pers-b">B</persName> gặp <persName ref=" #pers-a">Ông A</persName> tại
<orgName ref="#org-x">Ủy ban <choice><abbr>MTTQ</abbr><expan>Mặt trận Tổ quốc</expan></choice></orgName>
ngày <date when="2013-07-31">31/7/2013</date> và <date dur="P10Y">10 năm</date>,
<date from="2011-12" to="2012">từ 12/2011 đến 2012</date>.</p></div></body></text>
<standOff><listPerson><person xml:id="pers-a"><persName>Nguyễn  Văn&#xA0;A</persName></person>
<person xml:id="pers-b"><persName>B</persName></person></listPerson>
<listOrg><org xml:id="org-x"><orgName>Ủy ban Mặt trận Tổ quốc</orgName></org></listOrg></standOff></TEI>"""

# (expression, expected strings). $doc is the test document above.
CASES = {
    "vi-date full": ("tk:vi-date('2013-07-31')", ["ngày 31 tháng 7 năm 2013"]),
    "vi-date leading zeros": ("tk:vi-date('2011-12-01')", ["ngày 1 tháng 12 năm 2011"]),
    "vi-date year-month": ("tk:vi-date('2013-07')", ["tháng 7 năm 2013"]),
    "vi-date year": ("tk:vi-date('2012')", ["năm 2012"]),
    "vi-date no year": ("tk:vi-date('--07-31')", ["ngày 31 tháng 7"]),
    "vi-date invalid stays": ("tk:vi-date('2013-13-45'), tk:vi-date('31/7/2013')", ["2013-13-45", "31/7/2013"]),
    "en-date": ("tk:human-date('2013-07-31', 'en'), tk:human-date('2013-07', 'en-GB'), tk:human-date('--07-31', 'de')",
                ["31 July 2013", "July 2013", "31 July"]),
    "human-date vi": ("tk:human-date('2013-07-31', 'vi')", ["ngày 31 tháng 7 năm 2013"]),
    "duration": ("tk:human-duration('P10Y', 'vi'), tk:human-duration('P1Y6M', 'en'), tk:human-duration('PT5H', 'vi')",
                 ["10 năm", "1 year 6 months", "PT5H"]),
    "date-label range": ("tk:date-label(($doc//date)[3], 'vi')", ["từ tháng 12 năm 2011 đến năm 2012"]),
    "date-label dur": ("tk:date-label(($doc//date)[2], 'en')", ["10 years"]),
    "datetime": ("tk:datetime(($doc//date)[1]), count(tk:datetime(($doc//date)[2]))", ["2013-07-31", "0"]),
    "entity-type": ("($doc//persName)[1] ! tk:entity-type(.), ($doc//orgName)[1] ! tk:entity-type(.), "
                    "($doc//date)[1] ! tk:entity-type(.), ($doc//roleName)[1] ! tk:entity-type(.), "
                    "($doc//person)[1] ! tk:entity-type(.), count(($doc//p)[1] ! tk:entity-type(.))",
                    ["person", "org", "date", "role", "person", "0"]),
    "register-file": ("tk:register-file('person'), tk:register-file('org'), tk:register-file('place')",
                      ["persons.html", "organisations.html", "places.html"]),
    "ref-id": ("($doc//persName)[3] ! tk:ref-id(.)", ["pers-a"]),
    "mention-count": ("tk:mention-count($doc/*, 'pers-a'), tk:mention-count($doc/*, 'pers-b'), tk:mention-count($doc/*, 'nobody')",
                      ["2", "1", "0"]),
    "mention-ids": ("$doc//text//(persName | orgName | date | roleName) ! tk:mention-id(.)",
                    ["role-1", "pers-a-m1", "pers-b-m1", "pers-a-m2", "org-x-m1", "date-1", "date-2", "date-3"]),
    "entry and name": ("($doc//persName)[3] ! tk:entry(.) ! tk:entry-name(.)", ["Nguyễn Văn A"]),
    "normalize": ("tk:normalize('  a&#x9;&#xA;b&#xA0;&#xA0;c&#x2009;d  ')", ["a b c d"]),
    # an editor's choice (no @resp of an application) reads its expan, as the text does (teikit's own
    # abbreviations their abbr: the goldens); a note is no part of it
    "plain reads as the text": ("tk:plain(($doc//orgName)[1]), tk:plain(($doc//persName)[1]), "
                                "tk:plain(parse-xml('&lt;title xmlns=&quot;http://www.tei-c.org/ns/1.0&quot;&gt;Main"
                                "&lt;note&gt;N&lt;/note&gt;&lt;/title&gt;')/*)", ["Ủy ban Mặt trận Tổ quốc", "A", "Main"]),
    "lang": ("tk:lang(($doc//p)[1]), tk:lang(parse-xml('&lt;x/&gt;')/*)", ["vi", "en"]),
    "label": ("tk:label('person', 'vi'), tk:label('person', 'fr'), tk:label('no-such-key', 'vi')",
              ["Nhân vật", "Persons", "no-such-key"]),
    # The link policy (urls.xsl): http, https, mailto and relative references only.
    "safe-href keeps": ("tk:safe-href('http://a.example/x?q=1#f'), tk:safe-href('HTTPS://a.example/ä'), "
                        "tk:safe-href('mailto:x@a.example'), tk:safe-href('../tei/a.xml'), tk:safe-href('#m-1'), "
                        "tk:safe-href('?page=2'), tk:safe-href('/abs/path'), tk:safe-href(' http://a.example/ '), "
                        "tk:safe-href('x/y:z'), tk:safe-href('jаvascript:x')",
                        ["http://a.example/x?q=1#f", "HTTPS://a.example/%C3%A4", "mailto:x@a.example", "../tei/a.xml",
                         "#m-1", "?page=2", "/abs/path", "http://a.example/", "x/y:z", "j%D0%B0vascript:x"]),
    "safe-href refuses": ("for $u in ('javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', "
                          "'java&#x9;script:alert(1)', 'java&#xA;script:x', 'java script:x', 'jav&#x200B;ascript:x', "
                          "codepoints-to-string((127, 106, 97, 118, 97, 115, 99, 114, 105, 112, 116, 58, 120)), "
                          "'javascript&#x3A;x', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;', "
                          "'vbscript:msgbox(1)', 'file:///etc/passwd', 'FILE:///etc/passwd', 'ftp://a.example/', "
                          "'x-weird+scheme.1:y', '//evil.example/x', '/\\evil.example', 'http:\\\\evil.example', "
                          "'https://a.example/&#x85;', '', '   ') return string-length(tk:safe-href($u))",
                          ["0"] * 21),
    "safe-href empty": ("tk:safe-href(())", [""]),
    "path-href": ("tk:path-href('../tei/bài 1.xml'), tk:path-href('javascript:alert(1).html'), "
                  "tk:path-href('./a#b?c%d.xml'), tk:path-href('registers/'), tk:path-href('')",
                  ["../tei/b%C3%A0i%201.xml", "javascript%3Aalert(1).html", "./a%23b%3Fc%25d.xml", "registers/", ""]),
    "uri-segment": ("tk:uri-segment('a/b:c'), tk:uri-segment(&quot;x!$&amp;'()*+,;=@y&quot;)",
                    ["a%2Fb%3Ac", "x!$&'()*+,;=@y"]),
}


@pytest.fixture(scope="module")
def executable():
    templates = "\n".join(
        f'<xsl:template name="case-{i}"><xsl:sequence select="array{{({expr}) ! string(.)}}"/></xsl:template>'
        for i, (expr, _) in enumerate(CASES.values()))
    text = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
      xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="https://teikit.org/ns/1.0"
      xpath-default-namespace="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{COMMON}"/>
      <xsl:output method="json"/>
      <xsl:variable name="doc" select="parse-xml($doc-text)"/>
      <xsl:param name="doc-text" as="xs:string"/>
      {templates}
    </xsl:stylesheet>"""
    compiler = saxon.processor().new_xslt30_processor()
    executable = compiler.compile_stylesheet(stylesheet_text=text)
    executable.set_parameter("doc-text", saxon.string_value(DOC))
    executable.set_parameter("{https://teikit.org/ns/1.0}spaces", saxon.string_value(XML_SPACES))
    return executable


@pytest.mark.parametrize("index,case", list(enumerate(CASES)), ids=list(CASES))
def test_common_function(executable, index, case):
    expected = CASES[case][1]
    assert json.loads(executable.call_template_returning_string(f"case-{index}")) == expected
