"""teikit.rng is stricter than TEI: whatever it accepts, tei_all accepts too.

tei_all is the official TEI P5 schema (the `tei_all` session fixture, loaded once).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import ToolkitError
from teikit.names import TEI_NS, XPATH_NS
from teikit.validate import iter_errors
from teikit.xmlsafe import parse_file

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "validate"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
RNG = etree.RelaxNG(etree.parse(str(REPO / "schema" / "teikit.rng")))


def _find(tree, path):
    return tree.getroot().xpath(path, namespaces=XPATH_NS)


def _remove(tree, path):
    for el in _find(tree, path):
        el.getparent().remove(el)


def _unwrap(tree, path):
    """Replace each matched element by its content (text kept in place)."""
    for el in _find(tree, path):
        parent, prev = el.getparent(), el.getprevious()
        text = (el.text or "")
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        index = parent.index(el)
        for offset, child in enumerate(list(el)):
            parent.insert(index + offset, child)
        last = el.getprevious()
        tail = el.tail or ""
        if last is not None and last is not prev:
            last.tail = (last.tail or "") + tail
        elif prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(el)


def _variant_minimal():
    """No author, no source date/publisher/URL, no register at all."""
    tree = parse_file(DATA / "valid.xml")
    _remove(tree, "//tei:author | //tei:bibl/tei:date | //tei:bibl/tei:publisher | //tei:bibl/tei:ref | //tei:standOff")
    _unwrap(tree, "//tei:text//tei:persName | //tei:text//tei:orgName | //tei:text//tei:placeName")
    return tree


def _variant_places_only():
    tree = parse_file(DATA / "valid.xml")
    _remove(tree, "//tei:listPerson | //tei:listOrg")
    _unwrap(tree, "//tei:text//tei:persName | //tei:text//tei:orgName")
    return tree


def _variant_authority_ids_and_editor():
    """idno in every kind of entry; an editor-checked name; a dated change; trailer before byline."""
    tree = parse_file(DATA / "valid.xml")
    for entry, qid in (("person", "Q1"), ("org", "Q2")):
        idno = etree.SubElement(_find(tree, f"//tei:{entry}")[0], f"{{{TEI_NS}}}idno", type="wikidata")
        idno.text = qid
    title_stmt = _find(tree, "//tei:titleStmt")[0]
    editor = etree.SubElement(title_stmt, f"{{{TEI_NS}}}respStmt", {"{http://www.w3.org/XML/1998/namespace}id": "ed-1"})
    etree.SubElement(editor, f"{{{TEI_NS}}}resp").text = "checked the entity markup"
    etree.SubElement(editor, f"{{{TEI_NS}}}name").text = "An Editor"
    checked = _find(tree, "//tei:byline//tei:persName")[0]
    checked.set("resp", "#ed-1")
    del checked.attrib["cert"]
    _find(tree, "//tei:change")[0].set("when", "2024-02-29")
    byline, trailer = _find(tree, "//tei:byline")[0], _find(tree, "//tei:trailer")[0]
    byline.addprevious(copy.deepcopy(trailer))
    trailer.getparent().remove(trailer)
    return tree


VARIANTS = {
    "minimal": _variant_minimal,
    "places-only": _variant_places_only,
    "authority-ids-and-editor": _variant_authority_ids_and_editor,
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_are_valid_for_teikit_and_tei_all(name, assert_tei_all_valid):
    tree = etree.fromstring(etree.tostring(VARIANTS[name]())).getroottree()
    issues = list(iter_errors(tree))
    assert issues == [], "\n".join(map(str, issues))
    assert_tei_all_valid(tree)


def test_valid_fixture_is_tei_all_valid(assert_tei_all_valid):
    assert_tei_all_valid(DATA / "valid.xml")


def test_every_fixture_teikit_rng_accepts_is_tei_all_valid(tei_all):
    accepted = []
    for name in ["valid.xml", *MANIFEST["invalid"]]:
        try:
            tree = parse_file(DATA / name)
        except ToolkitError:  # not well-formed or refused: nothing for either schema
            continue
        if RNG.validate(tree):
            accepted.append(name)
            assert tei_all.validate(tree), f"{name}: teikit.rng accepts it, tei_all does not: {tei_all.error_log}"
    # most invalid cases break a Schematron rule only: the cross-check must cover them
    assert len(accepted) >= 20


def test_odd_is_valid_tei(assert_tei_all_valid):
    assert_tei_all_valid(REPO / "schema" / "teikit.odd")


TEI_OUTPUTS = sorted((REPO / "tei").glob("*.xml"))


def test_the_repository_holds_its_seed_tei():
    assert TEI_OUTPUTS, "tei/ holds no TEI: the seed's master file is committed there"


@pytest.mark.parametrize("path", TEI_OUTPUTS, ids=[p.name for p in TEI_OUTPUTS])
def test_committed_tei_is_valid_everywhere(path, assert_tei_all_valid):
    issues = list(iter_errors(path))
    assert issues == [], "\n".join(map(str, issues))
    assert_tei_all_valid(path)
