"""Which attribute of an element breaks the RELAX NG schema, and why, in words.

libxml2 reports a bad attribute value inside mixed content by the enclosing
block ("Element p has extra content: text"), not by the attribute. Given the
element, `AttributeTypes.problems(element)` checks each of its attributes on
its own against what the schema allows for it on an element of that name
(the schema's attribute patterns, references inlined, compiled once per
attribute), and names each one that fails:

    date/@dur "P2W": not a valid duration
    roleName/@type "chief": not one of rank, office, honorific
    persName/@cert "1.5": not a valid decimal (minInclusive 0, maxInclusive 1)
    date/@foo "x": not allowed on date

Only no-namespace attributes are checked (xml:id and xml:lang are the
encoder's, never a recogniser's). An attribute defined differently on several
elements of one name passes if any definition accepts it.
"""

from __future__ import annotations

from lxml import etree

from ..names import RNG_NS

_RNG = f"{{{RNG_NS}}}"


class AttributeTypes:
    def __init__(self, rng: etree._ElementTree):
        root = rng.getroot()
        self._defines: dict[str, list[etree._Element]] = {}
        for define in root.iter(_RNG + "define"):
            self._defines.setdefault(define.get("name"), []).append(define)
        # element name -> attribute name -> the <attribute> patterns that define it
        self._allowed: dict[str, dict[str, list[etree._Element]]] = {}
        for element in root.iter(_RNG + "element"):
            name = element.get("name")
            if name:
                self._collect(element, self._allowed.setdefault(name, {}), set())
        self._checks: dict[tuple[str, str], tuple[etree.RelaxNG | None, str]] = {}

    def problems(self, element: etree._Element) -> list[str]:
        """One line per attribute of `element` the schema does not accept there; [] when
        its attributes are fine on their own (the problem lies elsewhere)."""
        local = etree.QName(element).localname
        allowed = self._allowed.get(local)
        if allowed is None:
            return []
        found = []
        for name, value in element.attrib.items():
            if name.startswith("{"):
                continue
            where = f'{local}/@{name} "{value}"'
            if name not in allowed:
                found.append(f"{where}: not allowed on {local}")
                continue
            schema, why = self._check(local, name, allowed[name])
            if schema is not None and not schema.validate(_probe(name, value)):
                found.append(f"{where}: {why}")
        return found

    # ------------------------------------------------------------------ building

    def _collect(self, node, out: dict, seen: set) -> None:
        """The attributes `node` allows on its own element: refs followed, nested elements not."""
        for child in node:
            if not isinstance(child.tag, str) or not child.tag.startswith(_RNG):
                continue  # annotations, comments
            tag = child.tag[len(_RNG):]
            if tag == "element":
                continue
            if tag == "attribute":
                if child.get("name"):
                    out.setdefault(child.get("name"), []).append(child)
            elif tag == "ref":
                name = child.get("name")
                if name not in seen:
                    seen.add(name)
                    for define in self._defines.get(name, ()):
                        self._collect(define, out, seen)
            else:
                self._collect(child, out, seen)

    def _check(self, local: str, name: str, patterns: list) -> tuple[etree.RelaxNG | None, str]:
        key = (local, name)
        if key not in self._checks:
            choice = etree.Element(_RNG + "choice")
            for pattern in patterns:
                for part in _content(pattern):
                    choice.append(self._inlined(part, set()))
            if not len(choice):  # <attribute name="x"/>: any text
                self._checks[key] = (None, "")
            else:
                element = etree.Element(_RNG + "element", name="x", nsmap={None: RNG_NS})
                etree.SubElement(element, _RNG + "attribute", name=name).append(choice)
                self._checks[key] = (etree.RelaxNG(element.getroottree()), _describe(choice))
        return self._checks[key]

    def _inlined(self, node, seen: set) -> etree._Element:
        """A copy of `node` with every ref replaced by its define's content and every
        data/value given the datatype library it inherits in the schema."""
        if node.tag == _RNG + "ref" and node.get("name") not in seen:
            group = etree.Element(_RNG + "group")
            for define in self._defines.get(node.get("name"), ()):
                for part in _content(define):
                    group.append(self._inlined(part, seen | {node.get("name")}))
            return group
        out = etree.Element(node.tag, dict(node.attrib))
        out.text = node.text
        if node.tag in (_RNG + "data", _RNG + "value"):
            library = next((a.get("datatypeLibrary") for a in node.iterancestors()
                            if a.get("datatypeLibrary") is not None), node.get("datatypeLibrary"))
            if node.get("datatypeLibrary") is None and library is not None:
                out.set("datatypeLibrary", library)
        for child in _content(node):
            out.append(self._inlined(child, seen))
        return out


def _content(node) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(_RNG)]


def _probe(name: str, value: str) -> etree._ElementTree:
    probe = etree.Element("x")
    probe.set(name, value)
    return probe.getroottree()


def _describe(choice: etree._Element) -> str:
    types = list(dict.fromkeys(d.get("type") for d in choice.iter(_RNG + "data") if d.get("type")))
    values = list(dict.fromkeys((v.text or "") for v in choice.iter(_RNG + "value")))
    parts = []
    if types:
        params = [f"{p.get('name')} {p.text}" for p in choice.iter(_RNG + "param")] if len(types) == 1 else []
        parts.append("not a valid " + _either(types) + (f" ({', '.join(params)})" if params else ""))
    if values:
        parts.append(("nor" if types else "not") + " one of " + ", ".join(values))
    return " ".join(parts) or "not an accepted value"


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


__all__ = ["AttributeTypes"]
