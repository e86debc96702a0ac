"""The ODD specifies every element and attribute teikit.rng (generated from it) allows, each with its
description, and documents each of its Schematron rules (teikit.sch, generated too) in its rule table."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.names import RNG_NS, TEI_NS

SCHEMA = Path(__file__).resolve().parents[1] / "schema"
ODD = etree.parse(str(SCHEMA / "teikit.odd"))
RNG = etree.parse(str(SCHEMA / "teikit.rng"))
NS = {"t": TEI_NS, "r": RNG_NS, "s": "http://purl.oclc.org/dsdl/schematron"}
DEFINES = {d.get("name"): d for d in RNG.getroot().iterfind(f"{{{RNG_NS}}}define")}


def _attributes_of(pattern, seen=None) -> set[str]:
    """Attribute names an RNG element pattern allows, following refs but not into child elements."""
    seen = set() if seen is None else seen
    names = set()
    for child in pattern:
        if child.tag == f"{{{RNG_NS}}}attribute":
            names.add(child.get("name"))
        elif child.tag == f"{{{RNG_NS}}}ref" and child.get("name") not in seen:
            seen.add(child.get("name"))
            names |= _attributes_of(DEFINES[child.get("name")], seen)
        elif child.tag != f"{{{RNG_NS}}}element" and isinstance(child.tag, str):
            names |= _attributes_of(child, seen)
    return names


def _rng_attributes() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for element in RNG.getroot().iter(f"{{{RNG_NS}}}element"):
        found.setdefault(element.get("name"), set()).update(_attributes_of(element))
    return found


def test_schema_spec_header():
    (spec,) = ODD.xpath("//t:schemaSpec", namespaces=NS)
    assert (spec.get("ident"), spec.get("start")) == ("teikit", "TEI")
    assert ODD.xpath("//t:moduleRef[@key='tei']", namespaces=NS)


def test_odd_and_rng_name_the_same_elements():
    """What the modules include is what is specified, and the generated grammar has those elements only."""
    rng_elements = set(_rng_attributes())
    included = {name for ref in ODD.xpath("//t:moduleRef[@include]", namespaces=NS) for name in ref.get("include").split()}
    specified = set(ODD.xpath("//t:elementSpec/@ident", namespaces=NS))
    assert included == rng_elements
    assert specified == rng_elements


def test_each_element_spec_sits_in_the_module_that_includes_it():
    for spec in ODD.xpath("//t:elementSpec", namespaces=NS):
        (module,) = ODD.xpath(f"//t:moduleRef[contains(concat(' ', @include, ' '), ' {spec.get('ident')} ')]/@key", namespaces=NS)
        assert spec.get("module") == module, spec.get("ident")
        assert spec.get("mode") == "replace"  # specified in full: content, attributes, datatypes


def test_every_element_and_attribute_in_use_is_described():
    for element, attributes in _rng_attributes().items():
        (spec,) = ODD.xpath(f"//t:elementSpec[@ident='{element}']", namespaces=NS)
        assert (spec.findtext(f"{{{TEI_NS}}}desc") or "").strip(), element
        documented = {d.get("ident"): d for d in spec.iterfind(f".//{{{TEI_NS}}}attDef")}
        assert attributes == set(documented), element
        for name, definition in documented.items():
            assert (definition.findtext(f"{{{TEI_NS}}}desc") or "").strip(), f"{element}/@{name}"


def test_every_schematron_rule_is_documented():
    """Each assert of the ODD's constraintSpecs (teikit.sch is generated from them) has a row in
    the rules table, and each row is an assert."""
    asserts = set(ODD.xpath("//t:constraintSpec//s:assert/@id", namespaces=NS))
    table = {cell.text for cell in ODD.xpath("//t:div[@xml:id='rules']//t:row[not(@role)]/t:cell[1]", namespaces=NS)}
    assert asserts == table
