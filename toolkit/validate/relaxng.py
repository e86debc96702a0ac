"""One RELAX NG schema (libxml2 through lxml), compiled once, turned into Issues.

    checker = RelaxNGChecker(rng_tree, name="tei_all.rng")
    checker.check(tree, file) -> [Issue]     # rng-element / rng-attribute / rng-value

libxml2 follows a real problem with generic reports on each ancestor ("p has
extra content", "Extra element in interleave", …): the first report and every
specific one are kept, the follow-ons dropped. A schema that would include or
reference another over the network is refused when compiling (teikit never
reaches the network); local includes are read by libxml2.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import ToolkitError
from ..names import RNG_NS, XML_NS
from .attributes import AttributeTypes
from .issues import Issue, element_at

_RNG_FOLLOW_ONS = frozenset({
    "RELAXNG_ERR_EXTRACONTENT",
    "RELAXNG_ERR_CONTENTVALID",
    "RELAXNG_ERR_INTEREXTRA",
    "RELAXNG_ERR_NOELEM",
    "RELAXNG_ERR_ATTRVALID",  # "Element date failed to validate attributes", after the value that failed
})
_INVALID_ATTRIBUTE = re.compile(r"^Invalid attribute (\S+) for element (\S+)$")
_REMOTE = ("http:", "https:", "ftp:", "//")


class RelaxNGChecker:
    def __init__(self, rng_tree: etree._ElementTree, *, name: str):
        self.name = name
        self.tree = rng_tree
        self._attributes: AttributeTypes | None = None  # made when an attribute's value is refused
        for ref in rng_tree.getroot().iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
            if (ref.get("href") or "").strip().lower().startswith(_REMOTE):
                raise ToolkitError(f"cannot compile the RELAX NG schema: it refers to {ref.get('href')}; "
                                   "teikit never reaches the network (give a local copy)", path=name)
        try:
            self._rng = etree.RelaxNG(rng_tree)
        except etree.LxmlError as exc:
            raise ToolkitError(f"cannot compile the RELAX NG schema: {' '.join(str(exc).split())}", path=name) from None

    def check(self, tree: etree._ElementTree, file: str) -> list[Issue]:
        if self._rng.validate(tree):
            return []
        entries = list(self._rng.error_log)
        issues: list[Issue] = []
        for index, entry in enumerate(entries):
            if issues and entry.type_name in _RNG_FOLLOW_ONS:
                continue
            line = entry.line or next((e.line for e in entries[index + 1:] if e.line), 0)
            message = entry.message.strip()
            element = element_at(tree, entry.path)  # once an issue: a path is an XPath walk of the tree
            where = etree.QName(element).localname if element is not None else None
            if where and where not in message:  # "Error validating datatype token": say where
                message = f"{message} (in {where})"
            path = entry.path or ""
            invalid = _INVALID_ATTRIBUTE.match(message)
            if invalid and path:  # the attribute itself is where the issue stands (validate/columns.py)
                path = f"{path}/@{invalid.group(1)}"
                message = self._why(element, invalid.group(1), message)
            elif (refused := _attribute_refused(element, message)) and path:  # a datatype's: name the attribute
                path = f"{path}/@{refused}"
                message = f"{message} (attribute {refused} of {where})"
            issues.append(Issue(file, line, entry.column or 0, _rng_rule(entry.type_name), message, path))
        return issues

    def _why(self, element: etree._Element | None, attribute: str, message: str) -> str:
        """libxml2 calls an attribute the element may have but whose value it refuses "invalid";
        say so, and why ('Invalid value "high" of attribute cert for element persName: not a valid
        decimal (…)'), by the schema's own definition of it (validate/attributes.py)."""
        if element is None:
            return message
        if self._attributes is None:
            self._attributes = AttributeTypes(self.tree)
        local = etree.QName(element).localname
        for problem in self._attributes.problems(element):
            where = f'{local}/@{attribute} "{element.get(attribute)}": '
            if problem.startswith(where) and not problem.endswith(f"not allowed on {local}"):
                return f'Invalid value "{element.get(attribute)}" of attribute {attribute} for element {local}: {problem[len(where):]}'
        return message


# libxml2's message for a value its datatype refuses: it names the value, not the attribute
_TYPE_REFUSES = re.compile(r"Type \S+ doesn't allow value '(.*)'$", re.S)


def _attribute_refused(element, message: str) -> str | None:
    """The one attribute of `element` holding the value a datatype message refuses (its qualified
    name as the document writes it: "when", "xml:lang"), or None (text content, or no single one)."""
    refused = _TYPE_REFUSES.match(message)
    if element is None or not refused:
        return None
    names = [name for name, value in element.attrib.items() if value == refused.group(1)]
    if len(names) != 1:
        return None
    qname = etree.QName(names[0])
    return f"xml:{qname.localname}" if qname.namespace == XML_NS else qname.localname


def _rng_rule(type_name: str) -> str:
    if "ATTR" in type_name:
        return "rng-attribute"
    if any(key in type_name for key in ("DATA", "VALUE", "TYPEVAL", "LIST", "TEXTWRONG")):
        return "rng-value"
    return "rng-element"


__all__ = ["RelaxNGChecker"]
