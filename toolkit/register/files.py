"""The corpus register's files: what each holds (KINDS), reading one (`parse_register`, one
RegisterError naming the file for anything that is not a register) and its bytes
(`serialise_register`: the header as read or as `empty_document` makes it, one line per entry).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import names as N
from ..errors import RegisterError, ToolkitError
from ..model import ORG, PERSON, PLACE
from ..xmlsafe import parse_bytes

INDENT = "  "


@dataclass(frozen=True)
class Kind:
    file: str
    list_tag: str
    entry_tag: str
    name_tag: str
    prefix: str
    plural: str


KINDS = {PERSON: Kind("persons.xml", N.LIST_PERSON, N.PERSON, N.PERS_NAME, "pers", "persons"),
         ORG: Kind("orgs.xml", N.LIST_ORG, N.ORG, N.ORG_NAME, "org", "organisations"),
         PLACE: Kind("places.xml", N.LIST_PLACE, N.PLACE, N.PLACE_NAME, "place", "places")}
VARIANT = "variant"
TEIKIT_AGENT = "teikit"
_TEIKIT_ATTRS = {N.XML_ID, "resp"}
_ID_TYPE = re.compile(r"URI|[a-z][a-z0-9-]*")


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else "?"


def parse_register(path, spec: Kind):
    """(tree, [(id, names, idnos, element, teikit's)]) of a register file; RegisterError otherwise
    (xml:id given twice: the parser's own error)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RegisterError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return parse_register_bytes(data, str(path), spec)


def parse_register_bytes(data: bytes, path: str, spec: Kind):
    """parse_register of a file's bytes (`path` names it in the error)."""
    try:
        tree = parse_bytes(data, path=path)
    except ToolkitError as exc:
        raise RegisterError(f"not a corpus register: {exc.message}", path=str(path)) from None
    root = tree.getroot()
    listing = root.find(f"{N.STAND_OFF}/{spec.list_tag}") if root.tag == N.TEI else None
    if listing is None:
        raise RegisterError(f"not a corpus register: a TEI document with standOff/{_local(spec.list_tag)} "
                            f"is expected (found {_local(root.tag)})", path=str(path))
    found = []  # (the parser refuses an xml:id given twice)
    for element in listing:
        if element.tag != spec.entry_tag:
            continue  # an editor's head, desc, listRelation or comment: kept as it is (serialise_register)
        ident = element.get(N.XML_ID)
        names = [" ".join("".join(n.itertext()).split()) for n in element.iterfind(spec.name_tag)]
        if not ident or not names or not names[0]:
            raise RegisterError(f"line {element.sourceline}: a {_local(spec.entry_tag)} entry needs an xml:id and a "
                                f"{_local(spec.name_tag)}", path=str(path))
        idnos = [_authority_id(i, ident, path) for i in element.iterfind(N.IDNO)]
        found.append((ident, names, idnos, element, _is_teikits(element, spec)))
    return tree, found


def copy_type(id_type: str) -> str:
    """An idno's @type as the articles' copies write it (their schema's rule register-idno): URI in
    capitals, an authority's name in lower case (an editor's "VIAF" is "viaf")."""
    return "URI" if id_type.upper() == "URI" else id_type.lower()


def _authority_id(idno, ident: str, path: str) -> tuple[str, str]:
    """(the type as the copies write it, the identifier) of an entry's idno; RegisterError naming
    the entry for one no article's copy could carry (the article would lose the entity's markup)."""
    id_type, value = copy_type(idno.get("type") or ""), " ".join("".join(idno.itertext()).split())
    if not _ID_TYPE.fullmatch(id_type) or not value or " " in value:
        raise RegisterError(f'line {idno.sourceline}: entry {ident}: idno type="{idno.get("type") or ""}" ("{value}"): '
                            'an authority id needs type="URI" or an authority\'s name (a letter, then letters, '
                            'digits and -, in any case) and one identifier without spaces (rule register-idno)',
                            path=path)
    return id_type, value


def _is_teikits(element, spec: Kind) -> bool:
    """An entry teikit wrote and nobody changed: resp="#teikit", its names (the first plain, the
    others variants) then idno, no other attribute, child or text."""
    if element.get("resp") != f"#{TEIKIT_AGENT}" or set(element.attrib) - _TEIKIT_ATTRS:
        return False
    if (element.text or "").strip():
        return False
    children = list(element)
    names = [c for c in children if c.tag == spec.name_tag]
    idnos = [c for c in children if c.tag == N.IDNO]
    if children != names + idnos or not names:
        return False
    for i, child in enumerate(children):
        if len(child) or (child.tail or "").strip():
            return False
        allowed = ({"type"} if child.tag == N.IDNO or i > 0 else set())
        if set(child.attrib) - allowed or (child.tag == spec.name_tag and (i > 0) != (child.get("type") == VARIANT)):
            return False
    return True


def entry_line(spec: Kind, ident: str, names: list[str], idnos, resp: str):
    entry = etree.Element(spec.entry_tag)
    entry.set(N.XML_ID, ident)
    entry.set("resp", resp)
    for i, name in enumerate(names):
        etree.SubElement(entry, spec.name_tag, {"type": VARIANT} if i else {}).text = name
    for id_type, value in idnos:
        etree.SubElement(entry, N.IDNO, type=id_type).text = value
    return entry


def empty_document(spec: Kind):
    """A register file with no entry yet: its header says what it is and how it is kept."""
    root = etree.Element(N.TEI, nsmap=N.NSMAP)
    root.set(N.XML_LANG, "en")
    header = etree.SubElement(root, N.TEI_HEADER)
    file_desc = etree.SubElement(header, N.FILE_DESC)
    title_stmt = etree.SubElement(file_desc, N.TITLE_STMT)
    etree.SubElement(title_stmt, N.TITLE).text = f"Corpus register: {spec.plural}"
    resp_stmt = etree.SubElement(title_stmt, N.RESP_STMT)
    resp_stmt.set(N.XML_ID, TEIKIT_AGENT)
    etree.SubElement(resp_stmt, N.RESP).text = "register entries made from the names found in the articles"
    etree.SubElement(resp_stmt, N.NAME).text = "teikit"
    publication = etree.SubElement(file_desc, N.PUBLICATION_STMT)
    etree.SubElement(publication, N.P).text = (
        "The corpus register of the articles in the folder above this one: one entry per entity, "
        "the single source of the entities' identifiers (docs/encoding.md, \"The corpus register\").")
    source = etree.SubElement(file_desc, N.SOURCE_DESC)
    etree.SubElement(source, N.P).text = (
        "Entries with resp=\"#teikit\" are teikit's, made from the names its recognisers found, and "
        "gain the new forms of their names; an entry without it (or holding anything else) is an "
        "editor's, which teikit never changes. No entry is ever removed.")
    stand_off = etree.SubElement(root, N.STAND_OFF)
    etree.SubElement(stand_off, spec.list_tag)
    etree.indent(root, space=INDENT)
    return etree.ElementTree(root)


def serialise_register(tree, spec: Kind, entries) -> bytes:
    """The register file's bytes: `tree`'s header and list, the list holding `entries` in order."""
    root = copy.deepcopy(tree.getroot())  # a copy: the tree read stays as it was
    listing = root.find(f"{N.STAND_OFF}/{spec.list_tag}")
    depth = 2
    kept = [child for child in listing if child.tag != spec.entry_tag]  # an editor's, first, in their order
    for child in list(listing):
        listing.remove(child)
    listing.text = "\n" + INDENT * (depth + 1)
    for entry in [*kept, *entries]:
        entry = copy.deepcopy(entry)
        entry.tail = "\n" + INDENT * (depth + 1)
        listing.append(entry)
    if len(listing):
        listing[-1].tail = "\n" + INDENT * depth
    return etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8") + b"\n"
