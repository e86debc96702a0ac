"""Every fixture in tests/data/validate/manifest.json gives exactly the rule ids and lines listed."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from teikit.validate import iter_errors

DATA = Path(__file__).parent / "data" / "validate"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
SCHEMATRON_RULES = {
    "ref-missing", "ref-resolves", "ref-kind", "register-referenced", "id-unique", "id-form", "date-iso",
    "date-text-agrees", "date-text-reading", "date-range-order", "date-bounds-order", "date-calendar", "header-title",
    "header-source",
    "header-sha256", "header-language", "header-idno", "name-not-empty", "name-nesting",
    "choice-abbr-expan", "resp-application", "who-application", "cert-missing", "cert-range", "cert-needs-resp",
    # where an element sits: what the RELAX NG generated from the ODD (one model per element) cannot say
    "name-untyped", "register-name", "register-idno", "header-titles", "header-bibl", "header-date",
    "header-plain-text", "div-structure", "one-byline", "lead-paragraph", "table-shape",
}


def test_valid_fixture_has_no_issues():
    assert list(iter_errors(DATA / "valid.xml")) == []


def test_a_byline_may_stand_under_the_head_before_the_lead():
    # As English and French news print it ("By Jane Miller"): the article's one byline, then.
    data = (DATA / "valid.xml").read_text(encoding="utf-8")
    byline = re.search(r"\n\s*<byline>.*</byline>", data).group(0)
    moved = data.replace(byline, "").replace("mới</head>", "mới</head>" + byline, 1)
    assert moved != data and moved.index("<byline>") < moved.index('<p rend="lead">')
    assert list(iter_errors(moved.encode("utf-8"))) == []


def test_manifest_has_enough_cases_and_files_match():
    on_disk = {f"invalid/{p.name}" for p in (DATA / "invalid").glob("*.xml")}
    assert on_disk == set(MANIFEST["invalid"])
    assert len(on_disk) >= 25


def test_every_schematron_rule_is_exercised():
    listed = {e["rule"] for spec in MANIFEST["invalid"].values() for e in spec["errors"]}
    assert SCHEMATRON_RULES <= listed
    assert {"rng-element", "rng-attribute", "rng-value", "xml-syntax"} <= listed


@pytest.mark.parametrize("name", sorted(MANIFEST["invalid"]))
def test_invalid_case(name):
    expected = {(e["rule"], e["line"]) for e in MANIFEST["invalid"][name]["errors"]}
    issues = list(iter_errors(DATA / name))
    assert {(i.rule, i.line) for i in issues} == expected, "\n".join(map(str, issues))
    for issue in issues:
        assert issue.file == str(DATA / name)
        assert issue.message and "\n" not in issue.message


def test_schematron_rule_ids_match_the_schema():
    text = (Path(__file__).resolve().parents[1] / "schema" / "teikit.sch").read_text(encoding="utf-8")
    assert set(re.findall(r'<assert id="([^"]+)"', text)) == SCHEMATRON_RULES


def test_not_well_formed_reports_parser_position():
    (issue,) = iter_errors(DATA / "invalid" / "xml-syntax-mismatched-tag.xml")
    # line 60: `        <trailer type="credit">Theo TTXVN</trailr>`; libxml2 points just past `</trailr>`
    assert (issue.rule, issue.line, issue.column) == ("xml-syntax", 60, 51)
    assert issue.message == "not well-formed: the end tag </trailr> does not close <trailer>, opened on line 60"


@pytest.mark.parametrize(
    "name, line",
    [("external-entity.xml", 2), ("billion-laughs.xml", 2), ("external-dtd.xml", 3)],
)
def test_hostile_documents_are_refused_fast(name, line):
    started = time.perf_counter()
    issues = list(iter_errors(DATA / "hostile" / name))
    assert time.perf_counter() - started < 2
    assert [(i.rule, i.line, i.column) for i in issues] == [("xml-unsafe", line, 1)]
    assert "root:" not in issues[0].message and "lol" not in issues[0].message


@pytest.mark.parametrize("text, message", [
    ("<TEI>Hà Nội & Huế</TEI>", "a bare & (write &amp; for the character &)"),
    ("<TEI>1 < 2</TEI>", "a bare < that starts no tag (write &lt; for the character <)"),
    ("<TEI>a&nbsp;b</TEI>", "the entity &nbsp; is not defined: XML knows only &amp; &lt; &gt; &quot; &apos; "
                            "(write the character itself, or &#NNNN;)"),
    ("<TEI n=1/>", 'an attribute value without quotes (write name="value")'),
])
def test_a_hand_edits_commonest_slips_are_said_in_plain_words_with_the_position_once(tmp_path, text, message):
    # libxml2's "xmlParseEntityRef: no name, line 1, column 14" at line 1, column 14.
    path = tmp_path / "slip.xml"
    path.write_text(text, encoding="utf-8")
    (issue,) = iter_errors(path)
    assert (issue.rule, issue.line, issue.message) == ("xml-syntax", 1, f"not well-formed: {message}")
    assert issue.column > 0 and str(issue.column) not in issue.message


def test_a_users_own_schema_may_want_a_tei_root_in_any_namespace(tmp_path):
    # The namespace check ran before any schema: <TEI> valid by the user's own RELAX NG failed.
    from teikit.validate import Validator

    schema = tmp_path / "mine.rng"
    schema.write_text('<element name="TEI" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>', encoding="utf-8")
    doc = tmp_path / "old.xml"
    doc.write_text("<TEI>hello</TEI>", encoding="utf-8")
    assert list(Validator(schemas=[str(schema)]).iter_errors(doc)) == []
    assert [i.rule for i in Validator(schemas=["tei_all"]).iter_errors(doc)] == ["tei-namespace"]
