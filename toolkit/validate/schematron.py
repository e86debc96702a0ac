"""Run a Schematron with the XSLT 1.0 binding (teikit.sch) and turn its SVRL into Issues.

The .sch is compiled once through lxml's ISO skeleton into an XSLT; each document
is then one XSLT run. As for every binding, the schema must be one self-contained
file (xpath2rules.refuse_outside_reads: no sch:include, sch:extends href, xi:include,
no XSLT that reads or writes), so the skeleton's include step is not run at all; a
rule that still tries to read (document()) is denied by the XSLT's access control
and reported as that document's `schematron-refused` issue. SVRL reports a failing node by an XPath (@location) built
from local-name()/namespace-uri() steps; evaluating it on the same tree gives the
element back, and so its source line.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree, isoschematron

from ..errors import ToolkitError
from ..names import SVRL_NS
from ..xmlsafe import parse_file
from .issues import Issue
from .xpath2rules import refuse_outside_reads, rule_failure

_XSL_NS = "http://www.w3.org/1999/XSL/Transform"
# In teikit.sch a message that says what to run names the document as "`teikit tidy FILE`".
FILE_PLACEHOLDER = "`teikit tidy FILE`"
# fired-rule elements are one per matched node: skipping them makes runs faster
_COMPILE_PARAMS = {"generate-fired-rule": "false"}


class SchematronRules:
    """queryBinding xslt (XPath 1.0); the XPath 2+ bindings are xpath2rules.XPath2Rules."""

    def __init__(self, path: Path | None = None, *, tree: etree._ElementTree | None = None, name: str | None = None):
        name = name or str(path)
        self.name = name
        try:
            schema = tree if tree is not None else parse_file(path)
        except ToolkitError as exc:
            raise ToolkitError(f"cannot compile the Schematron rules: {exc.message}", path=name) from None
        refuse_outside_reads(schema.getroot(), name=name)
        try:
            compiled = isoschematron.Schematron(
                schema, include=False, store_xslt=True, compile_params=_COMPILE_PARAMS
            )
            # No rule may read or write a file or reach the network (document(), xsl:result-document).
            self._transform = etree.XSLT(_with_attribute_paths(compiled.validator_xslt),
                                         access_control=etree.XSLTAccessControl.DENY_ALL)
        except (OSError, etree.LxmlError) as exc:
            raise ToolkitError(f"cannot compile the Schematron rules: {exc}", path=name) from None

    def check(self, tree: etree._ElementTree, file: str) -> list[Issue]:
        try:
            report = self._transform(tree)
        except etree.XSLTApplyError as exc:  # libxslt's access control: "read rights for … denied"
            message = " ".join(str(exc).split())
            return [rule_failure(file, 0, self.name, message, refused="denied" in message)]
        issues = []
        for failed in report.getroot().iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            message = " ".join(failed.findtext(f"{{{SVRL_NS}}}text", default="").split())
            if not file.startswith("<"):  # FILE in a rule's message stands for the document's path
                message = message.replace(FILE_PLACEHOLDER, f"`teikit tidy {file}`")
            rule = failed.get("id") or "schematron"
            location = failed.get("location", "")
            issues.append(Issue(file, _line_of(tree, location), 0, rule, message, location))
        return issues


def _with_attribute_paths(xslt: etree._ElementTree) -> etree._ElementTree:
    """Fix the XSLT 1.0 skeleton's path for attributes: it writes "/@when" without the
    element's path, so an attribute's failure could not be traced to its line."""
    xslt = copy.deepcopy(xslt)
    templates = xslt.xpath(
        "//xsl:template[@match='@*'][@mode='schematron-get-full-path']", namespaces={"xsl": _XSL_NS}
    )
    for template in templates:
        parent_path = etree.Element(f"{{{_XSL_NS}}}apply-templates", select="parent::*", mode="schematron-get-full-path")
        template.insert(0, parent_path)
    return xslt


def _line_of(tree: etree._ElementTree, location: str) -> int:
    """The source line of the node SVRL names; an attribute counts as its element."""
    if not location:
        return 0
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return 0
    if not found:
        return 0
    node = found[0]
    if not isinstance(node, etree._Element):  # an attribute value (a "smart string")
        node = node.getparent() if hasattr(node, "getparent") else None
    return (node.sourceline or 0) if node is not None else 0
