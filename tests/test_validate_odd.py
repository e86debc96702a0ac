"""`--schema FILE.odd`: an ODD is compiled with the vendored TEI Stylesheets (validate.odd) and
both its RELAX NG and the Schematron of its constraintSpecs run; an ODD that refers to a module
or element TEI does not have is one error line; libxml2 gets an equivalent grammar it compiles."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.validate.odd import compile_odd, for_libxml2

REPO = Path(__file__).resolve().parents[1]
TINY = REPO / "tests" / "data" / "validate" / "odd" / "tiny.odd"
VALID = REPO / "tests" / "data" / "validate" / "valid.xml"
runner = CliRunner()
DOC = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
       '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>\n'
       '<text><body>{body}</body></text></TEI>\n')


def run(*args):
    return runner.invoke(app, ["validate", *map(str, args)])


def test_an_odd_is_compiled_and_both_its_schemas_run(tmp_path):
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(DOC.format(body="<p>one</p>"), encoding="utf-8")
    bad.write_text(DOC.format(body="<p>one</p><p> </p><list/>"), encoding="utf-8")
    result = run("--schema", TINY, good, bad)
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{bad}:2:23: error: [rng-element] Element body has extra content: p",  # list is not in the ODD
        f"{bad}:2:23: error: [schematron-constraint-tiny-p-p-not-empty-7] a p is not empty",
        "2 files, 1 valid, 1 invalid, 2 errors"]


def test_teikits_own_odd_accepts_its_outputs():
    result = run("--schema", REPO / "schema" / "teikit.odd", VALID, *sorted((REPO / "tei").glob("*.xml")))
    assert result.exit_code == 0, result.output


def test_a_broken_odd_is_one_error_line(tmp_path):
    text = TINY.read_text(encoding="utf-8")
    cases = {
        "module.odd": (text.replace('key="core"', 'key="nosuch"'),
                       'line 8: moduleRef key="nosuch": TEI has no such module'),
        "element.odd": (text.replace('include="p title"', 'include="p titel"'),
                        'line 8: moduleRef key="core": module core declares no "titel" (include)'),
    }
    for name, (odd, problem) in cases.items():
        (tmp_path / name).write_text(odd, encoding="utf-8")
        result = run("--schema", tmp_path / name, VALID)
        assert result.exit_code == 2
        assert result.stderr == f"error: {tmp_path / name}: the ODD does not compile: {problem}\n"
        assert result.stdout == ""
    (tmp_path / "torn.odd").write_text("<TEI", encoding="utf-8")
    result = run("--schema", tmp_path / "torn.odd", VALID)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'torn.odd'}: not well-formed")


def test_for_libxml2_moves_attributes_first_and_drops_empty_repeats():
    R = "http://relaxng.org/ns/structure/1.0"
    grammar = etree.fromstring(f"""<grammar xmlns="{R}"><start><ref name="e"/></start>
      <define name="atts"><optional><attribute name="a"/></optional></define>
      <define name="e"><element name="e"><group><zeroOrMore><element name="c"><text/></element></zeroOrMore>
        <zeroOrMore><empty/></zeroOrMore></group><ref name="atts"/><optional><attribute name="b"/></optional>
        <empty/></element></define></grammar>""")
    for_libxml2(grammar)
    element = grammar.find(f".//{{{R}}}element")
    assert [etree.QName(k).localname for k in element] == ["ref", "optional", "group", "empty"]
    assert element.find(f"{{{R}}}group/{{{R}}}zeroOrMore/{{{R}}}empty") is None
    rng = etree.RelaxNG(grammar)
    assert rng.validate(etree.fromstring('<e a="1" b="2"><c/><c>x</c></e>'))
    assert not rng.validate(etree.fromstring('<e c="1"/>'))


def test_the_compiled_odd_is_what_libxml2_compiles():
    compiled = compile_odd(REPO / "schema" / "teikit.odd")
    etree.RelaxNG(compiled.rng)  # seconds at most (the toolchain's own output: minutes)
    assert compiled.sch is not None


def _odd_with(tmp_path, extra: str) -> Path:
    text = TINY.read_text(encoding="utf-8").replace('<moduleRef key="tei"/>', '<moduleRef key="tei"/>' + extra, 1)
    path = tmp_path / "x.odd"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_odd_failing_inside_the_stylesheets_is_one_line_and_nothing_of_saxons(tmp_path, capfd):
    # Saxon printed its own 15-line trace of the dynamic error on stderr before teikit's line.
    (tmp_path / "notspecs.xml").write_text("<nothing/>", encoding="utf-8")
    for extra in ('<specGrpRef target="notspecs.xml"/>', '<moduleRef url="http://127.0.0.1:9/x.rng"/>'):
        odd = _odd_with(tmp_path, extra)
        good = tmp_path / "good.xml"
        good.write_text(DOC.format(body="<p>one</p>"), encoding="utf-8")
        result = run("--schema", odd, good)
        captured = capfd.readouterr()
        assert result.exit_code == 2 and result.stdout == "" and captured.err == "" and captured.out == ""
        [line] = result.stderr.splitlines()
        assert line.startswith(f"error: {odd}: the ODD does not compile: ")
