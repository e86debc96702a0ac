"""One nesting policy: model.MAY_CONTAIN says what may sit inside what, and every
part of teikit that nests markup agrees with it, pair by pair.

For each (outer, inner) pair of mention types:
- the encoder nests the inner mention inside the outer exactly when the table allows it
  (otherwise it drops the inner one), and what it writes is valid;
- the validator (RELAX NG + Schematron) accepts a hand-made document with that nesting
  exactly when the table allows it, and names the rule when it does not;
- the ODD's nesting table and docs/encoding.md's say the same as the table.
"""

from __future__ import annotations

import copy
import itertools
import re
from pathlib import Path

import pytest
from lxml import etree

from teikit import names as N
from teikit.encode import encode
from teikit.model import (ABBR, DATE, DURATION, HEAD, MAY_CONTAIN, MENTION_TYPES, ORG, PARAGRAPH, PERSON, PLACE, ROLE,
                          Article, Mention, join_blocks, may_contain)
from teikit.validate import default_validator

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "tests" / "data" / "validate" / "valid.xml"
PAIRS = list(itertools.product(MENTION_TYPES, repeat=2))
ELEMENT = {PERSON: "persName", ORG: "orgName", PLACE: "placeName", ROLE: "roleName", DATE: "date",
           DURATION: "measure", ABBR: "choice"}

# Each type as a hand-made element of the valid fixture (refs resolve to its register).
_MADE = {
    PERSON: lambda text: _el("persName", text, ref="#pers-tran-dai-quang"),
    ORG: lambda text: _el("orgName", text, ref="#org-bo-cong-an"),
    PLACE: lambda text: _el("placeName", text, ref="#place-ha-noi"),
    ROLE: lambda text: _el("roleName", text, type="office"),
    DATE: lambda text: _el("date", text, when="2013"),
    DURATION: lambda text: _el("measure", text, type="duration", quantity="10", unit="year"),
}


def _el(name, text, **attrs):
    element = etree.Element(N.tei(name), **attrs, resp="#ner-rules", cert="0.9")
    element.text = text
    return element


def _made(kind: str, inner=None) -> etree._Element:
    if kind == ABBR:
        element = _el("choice", None)
        abbr = etree.SubElement(element, N.tei("abbr"))
        abbr.text = "UB "
        if inner is not None:
            abbr.append(inner)
        etree.SubElement(element, N.tei("expan")).text = "Ủy ban"
        return element
    element = _MADE[kind]("Tên ")
    if inner is not None:
        element.append(inner)
    return element


def _leaf(kind: str) -> etree._Element:
    return _made(kind) if kind == ABBR else _MADE[kind]("Hà Nội")


@pytest.fixture(scope="module")
def valid_tree():
    return etree.parse(str(VALID))


@pytest.mark.parametrize("outer, inner", PAIRS)
def test_the_validator_accepts_exactly_the_nesting_the_table_allows(outer, inner, valid_tree):
    tree = copy.deepcopy(valid_tree)
    div = tree.find(f".//{N.DIV}")
    paragraph = etree.Element(N.P)
    paragraph.text = "Thêm: "
    paragraph.append(_made(outer, _leaf(inner)))
    div.find(N.P).addnext(paragraph)
    issues = list(default_validator().iter_errors(tree, name="nested.xml"))
    if may_contain(outer, inner):
        assert issues == [], [str(i) for i in issues]
    else:
        assert issues, f"{ELEMENT[inner]} inside {ELEMENT[outer]} was accepted"
        if outer != ABBR:  # a choice's content is closed by the RELAX NG, not by the rule
            assert "name-nesting" in {i.rule for i in issues}, [str(i) for i in issues]


def _article(text: str) -> Article:
    return Article(name="n.txt", stem="n", sha256="0" * 64, title="Tiêu đề", date="2013-07-31",
                   date_text="31/7/2013", author=None, blocks=join_blocks([(HEAD, "Tiêu đề"), (PARAGRAPH, text)]))


def _mention(kind: str, start: int, end: int) -> Mention:
    key, attrs = {PERSON: ("Hà Nội", ()), ORG: ("Hà Nội", ()), PLACE: ("Hà Nội", ()),
                  ROLE: ("hà nội", (("type", "office"),)), DATE: ("", (("when", "2013"),)),
                  DURATION: ("", (("quantity", "10"), ("unit", "year"))),
                  ABBR: ("Hà Nội đầy đủ", ())}[kind]
    return Mention(start, end, kind, key, attrs)


@pytest.mark.parametrize("outer, inner", PAIRS)
def test_the_encoder_nests_exactly_what_the_table_allows(outer, inner):
    text = "Tại Tên Hà Nội hôm nay."
    article = _article(text)
    start = article.text.index("Tên Hà Nội")
    mentions = [_mention(outer, start, start + len("Tên Hà Nội")), _mention(inner, start + 4, start + len("Tên Hà Nội"))]
    tree = encode(article, mentions)
    body = tree.find(f".//{N.DIV}/{N.P}")
    outer_el = body[0]
    assert etree.QName(outer_el).localname == ELEMENT[outer]
    nested = [etree.QName(e).localname for e in outer_el.iter() if e is not outer_el and
              etree.QName(e).localname in ELEMENT.values()]
    assert nested == ([ELEMENT[inner]] if may_contain(outer, inner) else [])
    assert list(default_validator().iter_errors(tree, name="n.xml")) == []


def _table_rows(text_of_rows) -> dict[str, set[str]]:
    return {outer: set(re.findall(r"\b(persName|orgName|placeName|roleName|date|measure|choice)\b", holds))
            for outer, holds in text_of_rows}


EXPECTED = {ELEMENT[outer]: {ELEMENT[inner] for inner in MAY_CONTAIN[outer]} for outer in MENTION_TYPES}


def test_the_odd_nesting_table_is_the_policy():
    odd = etree.parse(str(ROOT / "schema" / "teikit.odd"))
    rows = odd.xpath("//tei:table[@xml:id='nesting']/tei:row[not(@role='label')]", namespaces=N.XPATH_NS)
    found = _table_rows(("".join(row[0].itertext()).strip(), "".join(row[1].itertext())) for row in rows)
    assert found == EXPECTED


def test_the_encoding_guide_nesting_table_is_the_policy():
    guide = (ROOT / "docs" / "encoding.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\s*\| `(\w+)` \| ([^|]+) \|$", guide, flags=re.MULTILINE)
    found = _table_rows((outer, holds) for outer, holds in rows if outer in EXPECTED)
    assert found == EXPECTED


@pytest.mark.parametrize("outer, inner", [(o, i) for o, i in PAIRS if o != i])
def test_the_rules_resolution_and_the_combination_nest_exactly_what_the_table_allows(outer, inner):
    from teikit.recognise.combined import _fits
    from teikit.recognise.spans import Candidate, compatible

    big, small = Candidate(0, 10, outer, "a", 0.9, 50), Candidate(2, 8, inner, "b", 0.9, 50)
    assert compatible(big, small) == may_contain(outer, inner)
    assert _fits(Mention(2, 8, inner, resp="crf"), [Mention(0, 10, outer)]) == may_contain(outer, inner)
