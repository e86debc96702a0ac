"""Write the invalid fixtures in invalid/ and manifest.json from valid.xml.

Each case is one small, named mutation of valid.xml and the rule ids it must
trigger, each with a marker: the expected line is the first line of the mutated
document holding the marker. Run it after editing valid.xml or a case:

    .venv/bin/python tests/data/validate/make_cases.py

The expectations are written here by hand, from the rule each mutation breaks;
they are not read back from the validator.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name: (what it breaks, [(old, new, occurrences)], [(rule id, line marker)])
CASES = {
    # ---- Schematron: references and register
    "ref-unresolved": (
        "a persName points to a register id that does not exist",
        [('<persName ref="#pers-vu-trong-kim" resp="#ner-rules" cert="0.9">Vũ Trọng Kim</persName>, <orgName',
          '<persName ref="#pers-vu-trong-kimm" resp="#ner-rules" cert="0.9">Vũ Trọng Kim</persName>, <orgName', 1)],
        [("ref-resolves", "#pers-vu-trong-kimm")],
    ),
    "ref-wrong-kind": (
        "an orgName points to a person entry",
        [('Bộ trưởng <orgName ref="#org-bo-cong-an"', 'Bộ trưởng <orgName ref="#pers-vu-trong-kim"', 1)],
        [("ref-kind", 'Bộ trưởng <orgName ref="#pers-vu-trong-kim"')],
    ),
    "ref-to-application": (
        "a placeName points to an application, not a place",
        [('<placeName ref="#place-ha-noi"', '<placeName ref="#teikit"', 1)],
        [("ref-kind", '<placeName ref="#teikit"'), ("register-referenced", 'xml:id="place-ha-noi"')],
    ),
    "register-unreferenced": (
        "a register entry no mention points to",
        [('</listPerson>', '  <person xml:id="pers-nguyen-van-a"><persName>Nguyễn Văn A</persName></person>\n    </listPerson>', 1)],
        [("register-referenced", 'xml:id="pers-nguyen-van-a"')],
    ),
    # ---- identifiers
    "id-duplicate": (
        "two register entries share an xml:id: both said, and the RELAX NG's ID check, and the entry the second "
        "should have been is missing (the document is well-formed: it is validated whole)",
        [('<person xml:id="pers-vu-trong-kim">', '<person xml:id="pers-tran-dai-quang">', 1)],
        [("id-unique", '<person xml:id="pers-tran-dai-quang"><persName>Trần'),
         ("id-unique", '<person xml:id="pers-tran-dai-quang"><persName>Vũ'),
         ("rng-element", '<person xml:id="pers-tran-dai-quang"><persName>Vũ'),
         ("ref-resolves", 'ref="#pers-vu-trong-kim"'),
         ("ref-resolves", 'Vũ Trọng Kim</persName> ký')],
    ),
    "id-form-register": (
        "a register id without its kind prefix",
        [('org-bo-cong-an', 'organisation-bo-cong-an', 3)],
        [("id-form", 'xml:id="organisation-bo-cong-an"')],
    ),
    "id-form-register-case": (
        "a register slug with capitals",
        [('place-ha-noi', 'place-Ha-Noi', 2)],
        [("id-form", 'xml:id="place-Ha-Noi"')],
    ),
    "id-form-document": (
        "the document id lacks the doc- prefix",
        [('doc-000_03d31ed0a32cd011', 'article-000_03d31ed0a32cd011', 2)],
        [("id-form", "<TEI ")],
    ),
    "id-form-application": (
        "an application id with capitals and _",
        [('ner-rules', 'NER_rules', 26)],
        [("id-form", 'xml:id="app-NER_rules"')],
    ),
    # ---- dates
    "date-not-calendar": (
        "30 February",
        [('<date when="2012"', '<date when="2013-02-30"', 1)],
        [("rng-value", '<date when="2013-02-30"'), ("date-iso", '<date when="2013-02-30"')],
    ),
    "date-month-day-invalid": (
        "a --MM-DD value with day 31 in a 30-day month",
        [('<date when="--09-02"', '<date when="--09-31"', 1)],
        [("rng-value", '"--09-31"'), ("date-iso", '"--09-31"')],
    ),
    "date-month-13": (
        "a bound in month 13",
        [('notAfter="2013-12-31"', 'notAfter="2013-13"', 1)],
        [("rng-value", 'notAfter="2013-13"'), ("date-iso", 'notAfter="2013-13"')],
    ),
    "date-revision-when": (
        "change/@when not a date",
        [('<change who="#teikit">', '<change who="#teikit" when="2013-02-29">', 1)],
        [("rng-attribute", "<change "), ("date-iso", "<change ")],
    ),
    "date-month-first": (
        "a day-first date normalised month first",
        [('<date when="2011-12-01"', '<date when="2011-01-12"', 1)],
        [("date-text-agrees", '<date when="2011-01-12"')],
    ),
    "date-header-disagrees": (
        "the source date's value disagrees with its text",
        [('<date when="2013-07-31">31/07/2013</date>', '<date when="2013-07-30">31/07/2013</date>', 1)],
        [("date-text-agrees", '<date when="2013-07-30">')],
    ),
    "date-other-language-wrong-reading": (
        "a numeric date in English text whose @when is neither reading",
        [('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"', '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"', 1),
         ('<bibl type="source" xml:lang="vi">', '<bibl type="source" xml:lang="en">', 1),
         ('<title type="main" xml:lang="vi">', '<title type="main" xml:lang="en">', 1),
         ('<language ident="vi">Vietnamese', '<language ident="en">English', 1),
         ('<date when="2011-12-01"', '<date when="2011-12-02"', 1)],
        [("date-text-reading", '<date when="2011-12-02"')],
    ),
    "date-range-reversed": (
        "a range that ends before it starts",
        [('from="2003-07" to="2013-07"', 'from="2013-07" to="2003-07"', 1)],
        [("date-range-order", 'from="2013-07" to="2003-07"')],
    ),
    "date-bounds-reversed": (
        "notBefore after notAfter",
        [('<date notAfter="2013-12-31"', '<date notBefore="2014" notAfter="2013-12-31"', 1)],
        [("date-bounds-order", 'notBefore="2014"')],
    ),
    "date-calendar-undeclared": (
        "a lunar date pointing to a calendar the header does not declare",
        [('<date when="2012" resp="#ner-rules" cert="0.9">Năm 2012</date>',
          '<date calendar="#lunar-calendar" resp="#ner-rules" cert="0.8">Năm 2012</date>', 1)],
        [("date-calendar", 'calendar="#lunar-calendar"')],
    ),
    # ---- header
    "header-no-title": (
        "an empty title",
        [('<title type="main" xml:lang="vi">Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới</title>',
          '<title type="main" xml:lang="vi"> </title>', 1)],
        [("header-title", "<TEI ")],
    ),
    "header-source-untitled": (
        "the source bibl has an empty title",
        [('<bibl type="source" xml:lang="vi">\n          <title>Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới</title>',
          '<bibl type="source" xml:lang="vi">\n          <title/>', 1)],
        [("header-source", "<TEI ")],
    ),
    "header-sha256-short": (
        "a sha256 of 63 hex digits",
        [('3b2a1f0e9d</idno>', '3b2a1f0e9</idno>', 1)],
        [("header-sha256", "<TEI ")],
    ),
    "header-sha256-uppercase": (
        "a sha256 in capitals",
        [('5f0c3c7b1f4bb0b1b0a8f3a51f1d0c6a2d4e0d1c9c3b7a8e6f5d4c3b2a1f0e9d', '5F0C3C7B1F4BB0B1B0A8F3A51F1D0C6A2D4E0D1C9C3B7A8E6F5D4C3B2A1F0E9D', 1)],
        [("header-sha256", "<TEI ")],
    ),
    "header-sha256-missing": (
        "no sha256 idno",
        [('\n          <idno type="sha256">5f0c3c7b1f4bb0b1b0a8f3a51f1d0c6a2d4e0d1c9c3b7a8e6f5d4c3b2a1f0e9d</idno>', '', 1)],
        [("rng-element", '<bibl type="source" xml:lang="vi">'), ("header-sha256", "<TEI ")],
    ),
    "header-language-mismatch": (
        "langUsage declares English for a Vietnamese text",
        [('<language ident="vi">Vietnamese</language>', '<language ident="en">English</language>', 1)],
        [("header-language", "<TEI ")],
    ),
    "header-idno-mismatch": (
        "the edition idno differs from the document id",
        [('<idno type="teikit">doc-000_03d31ed0a32cd011</idno>', '<idno type="teikit">doc-000</idno>', 1)],
        [("header-idno", "<TEI ")],
    ),
    "header-no-profile": (
        "profileDesc left out",
        [('    <profileDesc>\n      <langUsage><language ident="vi">Vietnamese</language></langUsage>\n    </profileDesc>\n', '', 1)],
        [("rng-element", "<revisionDesc>"), ("header-language", "<TEI ")],
    ),
    # ---- inline markup
    "name-empty": (
        "an empty persName in the byline",
        [('cert="0.9">Phạm Linh</persName></docAuthor>', 'cert="0.9"> </persName></docAuthor>', 1)],
        [("name-not-empty", "<byline>")],
    ),
    "name-nested-same-kind": (
        "a persName inside a persName",
        [('<persName ref="#pers-pham-linh" resp="#ner-rules" cert="0.9">Phạm Linh</persName></docAuthor>',
          '<persName ref="#pers-pham-linh" resp="#ner-rules" cert="0.9">Phạm <persName ref="#pers-pham-linh" resp="#ner-rules" cert="0.9">Linh</persName></persName></docAuthor>', 1)],
        [("name-nesting", "<byline>")],
    ),
    "org-nested-in-org": (
        "an orgName inside an orgName",
        [('Bộ trưởng <orgName ref="#org-bo-cong-an" resp="#ner-rules" cert="0.9">Bộ Công an</orgName>',
          'Bộ trưởng <orgName ref="#org-bo-cong-an" resp="#ner-rules" cert="0.9">Bộ <orgName ref="#org-bo-cong-an" resp="#ner-rules" cert="0.9">Công an</orgName></orgName>', 1)],
        [("name-nesting", "Bộ <orgName")],
    ),
    "choice-empty-abbr": (
        "a choice whose abbr is empty",
        [('(<choice resp="#ner-rules" cert="0.9"><abbr>MTTQVN</abbr>', '(<choice resp="#ner-rules" cert="0.9"><abbr/>', 1)],
        [("choice-abbr-expan", "<abbr/>")],
    ),
    "choice-order": (
        "expan before abbr",
        [('(<choice resp="#ner-rules" cert="0.9"><abbr>MTTQVN</abbr><expan>Mặt trận Tổ quốc Việt Nam</expan></choice>)',
          '(<choice resp="#ner-rules" cert="0.9"><expan>Mặt trận Tổ quốc Việt Nam</expan><abbr>MTTQVN</abbr></choice>)', 1)],
        [("rng-element", "<expan>Mặt trận Tổ quốc Việt Nam</expan><abbr>"), ("choice-abbr-expan", "<expan>Mặt trận Tổ quốc Việt Nam</expan><abbr>")],
    ),
    # ---- responsibility and certainty
    "resp-undeclared": (
        "markup attributed to a recogniser not declared in appInfo",
        [('<roleName type="rank" resp="#ner-rules"', '<roleName type="rank" resp="#ner-crf"', 1)],
        [("resp-application", 'resp="#ner-crf"')],
    ),
    "change-who-undeclared": (
        "a change by someone not declared",
        [('<change who="#teikit">', '<change who="#somebody">', 1)],
        [("who-application", "<change ")],
    ),
    "cert-out-of-range": (
        "cert above 1",
        [('cert="0.8"', 'cert="1.5"', 1)],
        [("rng-attribute", 'cert="1.5"'), ("cert-range", 'cert="1.5"')],
    ),
    "cert-missing": (
        "machine markup without its certainty",
        [('<roleName type="rank" resp="#ner-rules" cert="0.9">', '<roleName type="rank" resp="#ner-rules">', 1)],
        [("cert-missing", '<roleName type="rank" resp="#ner-rules">')],
    ),
    "cert-without-resp": (
        "a certainty nobody claims",
        [('<roleName type="rank" resp="#ner-rules" cert="0.9">', '<roleName type="rank" cert="0.9">', 1)],
        # the generated RELAX NG has @resp and @cert each optional (an ODD attList cannot make one need the other)
        [("cert-needs-resp", '<roleName type="rank" cert="0.9">')],
    ),
    # ---- where an element sits (Schematron: the generated RELAX NG gives an element one model wherever it is)
    "name-typed-in-text": (
        "a mention in the text typed as a register variant",
        [('<persName ref="#pers-vu-trong-kim" resp="#ner-rules" cert="0.9">Vũ Trọng Kim</persName>, <orgName',
          '<persName type="variant" ref="#pers-vu-trong-kim" resp="#ner-rules" cert="0.9">Vũ Trọng Kim</persName>, <orgName', 1)],
        [("name-untyped", '<persName type="variant"')],
    ),
    "register-name-with-ref": (
        "a register entry's name pointing somewhere",
        [('<persName>Phạm Linh</persName>', '<persName ref="#pers-pham-linh">Phạm Linh</persName>', 1)],
        [("register-name", '<persName ref="#pers-pham-linh">Phạm Linh')],
    ),
    "register-variant-first": (
        "a register entry whose first name is typed variant",
        [('<orgName>Bộ Công an</orgName>', '<orgName type="variant">Bộ Công an</orgName>', 1)],
        [("register-name", '<orgName type="variant">Bộ Công an')],
    ),
    "header-titles-swapped": (
        "two main titles in titleStmt",
        [('<title type="sub">TEI edition</title>', '<title type="main">TEI edition</title>', 1)],
        [("header-titles", "<titleStmt>")],
    ),
    "header-bibl-idno-type": (
        "the source bibl's file name idno mistyped",
        [('<idno type="filename">', '<idno type="file">', 1)],
        [("header-bibl", '<bibl type="source"')],
    ),
    "header-date-machine": (
        "the source's date marked as machine markup",
        [('<date when="2013-07-31">31/07/2013</date>', '<date when="2013-07-31" resp="#ner-rules" cert="0.9">31/07/2013</date>', 1)],
        [("header-date", 'cert="0.9">31/07/2013')],
    ),
    "header-p-markup": (
        "markup in a paragraph of editorialDecl",
        [('<stdVals><p>Dates in ISO 8601.</p></stdVals>', '<stdVals><p>Dates in <orgName>ISO</orgName> 8601.</p></stdVals>', 1)],
        [("header-plain-text", "<stdVals>")],
    ),
    "div-article-starts-with-quote": (
        "the article's first block a quotation, not a paragraph",
        [('<p rend="lead">', '<quote>', 1), (') đã họp.</p>', ') đã họp.</quote>', 1)],
        [("div-structure", '<div type="article">')],
    ),
    "two-bylines": (
        "a byline under the head and another at the end",
        [('mới</head>\n', 'mới</head>\n        <byline>Bài: <docAuthor>Phạm Linh</docAuthor></byline>\n', 1)],
        [("one-byline", '<div type="article">')],
    ),
    "lead-not-first": (
        "a second lead paragraph",
        [('<p>Dự buổi làm việc có', '<p rend="lead">Dự buổi làm việc có', 1)],
        [("lead-paragraph", '<p rend="lead">Dự buổi làm việc có')],
    ),
    "table-shape": (
        "a table whose @cols is not the number of cells in its rows",
        [('        <p><date when="2012"', '        <table rows="2" cols="3">\n          <row role="label"><cell role="label">Năm</cell>'
          '<cell role="label">Số vụ</cell></row>\n          <row><cell>2012</cell><cell>12</cell></row>\n        </table>\n'
          '        <p><date when="2012"', 1)],
        [("table-shape", '<table rows="2" cols="3">')],
    ),
    # ---- RELAX NG shape
    "table-shape": (
        "a table whose @cols is not the number of cells in its rows",
        [('        <p><date when="2012" resp="#ner-rules" cert="0.9">Năm 2012</date>',
          '        <table rows="2" cols="3">\n'
          '          <row role="label"><cell role="label">Năm</cell><cell role="label">Số vụ</cell></row>\n'
          '          <row><cell>2012</cell><cell>12</cell></row>\n'
          '        </table>\n'
          '        <p><date when="2012" resp="#ner-rules" cert="0.9">Năm 2012</date>', 1)],
        [("table-shape", '<table rows="2" cols="3">')],
    ),
    "rng-unknown-element": (
        "an element outside the customisation (hi) in a paragraph",
        [('tổng kết <date dur', 'tổng <hi>kết</hi> <date dur', 1)],
        [("rng-element", "<hi>")],
    ),
    "rng-role-type": (
        "roleName/@type outside rank|office|honorific",
        [('<roleName type="honorific"', '<roleName type="title"', 1)],
        [("rng-attribute", '<roleName type="title"')],
    ),
    "name-without-ref": (
        "an inline placeName with no @ref (as an editor wraps a name; `teikit tidy` fixes it)",
        [('<placeName ref="#place-ha-noi" resp="#ner-rules" cert="0.9">Hà Nội</placeName>',
          '<placeName resp="#ner-rules" cert="0.9">Hà Nội</placeName>', 1)],
        [("ref-missing", "<placeName resp"), ("register-referenced", 'xml:id="place-ha-noi"')],
    ),
    "rng-key-attribute": (
        "@key instead of @ref on a persName",
        [('<persName ref="#pers-pham-linh" resp="#ner-rules" cert="0.9">', '<persName ref="#pers-pham-linh" key="pham-linh" resp="#ner-rules" cert="0.9">', 1)],
        [("rng-attribute", 'key="pham-linh"')],
    ),
    "rng-div-type": (
        "the article div typed as a chapter",
        [('<div type="article">', '<div type="chapter">', 1)],
        [("rng-attribute", '<div type="chapter">')],
    ),
    "rng-entry-without-id": (
        "a register entry without xml:id",
        [('<place xml:id="place-ha-noi">', '<place>', 1)],
        [("rng-attribute", "<place>"), ("ref-resolves", '<placeName ref="#place-ha-noi"')],
    ),
    "rng-date-two-values": (
        "a date with both @when and @from",
        [('<date when="2012" resp', '<date when="2012" from="2012" resp', 1)],
        [("rng-attribute", 'from="2012" resp')],
    ),
    "rng-paragraph-after-byline": (
        "a paragraph after the byline",
        [('<trailer type="credit">Theo TTXVN</trailer>', '<p>Theo TTXVN</p>', 1)],
        [("rng-element", '<p>Theo TTXVN</p>')],
    ),
    "register-idno-spaces": (
        "an authority identifier with a space",
        [('<idno type="wikidata">Q1858</idno>', '<idno type="wikidata">Q 1858</idno>', 1)],
        [("register-idno", "Q 1858")],
    ),
    "rng-language-tag": (
        "xml:lang that is not a BCP 47 tag",
        [('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"', '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi_VN"', 1), ('<language ident="vi">', '<language ident="vi_VN">', 1)],
        [("rng-value", "<TEI "), ("rng-value", '<language ident="vi_VN">')],  # libxml2's "failed to validate attributes" after each: a follow-on
    ),
    "header-dateline-without-date": (
        "a dateline note in a source bibl without a date",
        [('<date when="2013-07-31">31/07/2013</date>\n          <ref', '<ref', 1),
         ('<idno type="filename">', '<note type="dateline">Thứ Tư, 31/07/2013 - 10:30</note>\n          <idno type="filename">', 1)],
        [("header-bibl", '<bibl type="source"')],
    ),
    "header-dateline-before-description": (
        "a dateline note before the description note",
        [('<idno type="filename">', '<note type="dateline">Thứ Tư, 31/07/2013 - 10:30</note>\n          '
          '<note type="description">Bộ Công an và MTTQ ký chương trình phối hợp.</note>\n          <idno type="filename">', 1)],
        [("header-bibl", '<bibl type="source"')],
    ),
    "tei-namespace-none": (
        "a TEI root in no namespace: one error, nothing else checked",
        [('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"', '<TEI xml:lang="vi"', 1)],
        [("tei-namespace", "<TEI ")],
    ),
    "tei-namespace-wrong": (
        "a TEI root in a mistyped namespace: one error, not the rules' many",
        [('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="vi"', '<TEI xmlns="http://www.tei-c.org/ns/2.0" xml:lang="vi"', 1)],
        [("tei-namespace", "<TEI ")],
    ),
    # ---- well-formedness
    "xml-syntax-mismatched-tag": (
        "a start tag closed by the wrong end tag",
        [('<trailer type="credit">Theo TTXVN</trailer>', '<trailer type="credit">Theo TTXVN</trailr>', 1)],
        [("xml-syntax", "</trailr>")],
    ),
}


def mutate(text: str, edits) -> str:
    for old, new, count in edits:
        found = text.count(old)
        if found != count:
            raise SystemExit(f"expected {count} of {old!r} in valid.xml, found {found}")
        text = text.replace(old, new)
    return text


def line_of(text: str, marker: str) -> int:
    at = text.find(marker)
    if at < 0:
        raise SystemExit(f"marker {marker!r} not in the mutated document")
    return text.count("\n", 0, at) + 1


def main() -> None:
    valid = (HERE / "valid.xml").read_text(encoding="utf-8")
    out = HERE / "invalid"
    out.mkdir(exist_ok=True)
    manifest = {"valid": ["valid.xml"], "invalid": {}}
    for name, (about, edits, expect) in CASES.items():
        text = mutate(valid, edits)
        path = out / f"{name}.xml"
        path.write_text(text, encoding="utf-8")
        manifest["invalid"][f"invalid/{name}.xml"] = {
            "about": about,
            "errors": [{"rule": rule, "line": line_of(text, marker)} for rule, marker in expect],
        }
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
