"""The ODD documents exactly what teikit.rng and teikit.sch enforce."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teikit.names import RNG_NS, TEI_NS

SCHEMA = Path(__file__).resolve().parents[1] / "schema"
ODD = etree.parse(str(SCHEMA / "teikit.odd"))
RNG = etree.parse(str(SCHEMA / "teikit.rng"))
NS = {"t": TEI_NS, "r": RNG_NS}
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
    rng_elements = set(_rng_attributes())
    included = {name for ref in ODD.xpath("//t:moduleRef[@include]", namespaces=NS) for name in ref.get("include").split()}
    specified = set(ODD.xpath("//t:elementSpec/@ident", namespaces=NS))
    assert included == rng_elements
    assert specified == rng_elements


def test_each_element_spec_sits_in_the_module_that_includes_it():
    for spec in ODD.xpath("//t:elementSpec", namespaces=NS):
        (module,) = ODD.xpath(f"//t:moduleRef[contains(concat(' ', @include, ' '), ' {spec.get('ident')} ')]/@key", namespaces=NS)
        assert spec.get("module") == module, spec.get("ident")
        assert spec.get("mode") == "change"


def test_every_attribute_in_use_is_documented():
    for element, attributes in _rng_attributes().items():
        documented = set(ODD.xpath(f"//t:elementSpec[@ident='{element}']//t:attDef/@ident", namespaces=NS))
        assert attributes == documented, element


def test_closed_value_lists_match_the_rng():
    (role_type,) = RNG.xpath("//r:element[@name='roleName']/r:attribute[@name='type']", namespaces=NS)
    rng_values = set(role_type.xpath(".//r:value/text()", namespaces=NS))
    odd_values = set(ODD.xpath("//t:elementSpec[@ident='roleName']//t:attDef[@ident='type']//t:valItem/@ident", namespaces=NS))
    assert rng_values == odd_values == {"rank", "office", "honorific"}


def test_every_schematron_rule_is_documented():
    asserts = set(re.findall(r'<assert id="([^"]+)"', (SCHEMA / "teikit.sch").read_text(encoding="utf-8")))
    table = {cell.text for cell in ODD.xpath("//t:div[@xml:id='rules']//t:row[not(@role)]/t:cell[1]", namespaces=NS)}
    assert asserts == table
