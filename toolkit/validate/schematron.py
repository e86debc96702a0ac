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
import re
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
# What the advice to run tidy reads as once FILE is the document's path (SchematronRules.check), as
# teikit.sch writes it: a parenthesis "(`teikit tidy FILE` adds …)", a clause "run `teikit tidy FILE`
# to …, or <another way>", or a last clause "; run `teikit tidy FILE` to …".
_TIDY_ADVICE = (r" \(`teikit tidy {file}` [^)`]{{0,300}}\)", r"run `teikit tidy {file}` to [^`]{{0,300}}?, or ",
                r"; run `teikit tidy {file}` to [^`]{{0,300}}$")  # bounded: a message holds a document's words too


def without_tidy_advice(message: str, file: str) -> str:
    """`message` without its advice to run `teikit tidy` on `file`: tidy works on teikit's own
    documents only, so another project's document checked by teikit's profile is not told to run it."""
    for pattern, by in zip(_TIDY_ADVICE, ("", "", ".")):
        message = re.sub(pattern.format(file=re.escape(file)), by, message)
    return message


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
            self._transform = etree.XSLT(_cheaper(_with_attribute_paths(compiled.validator_xslt)),
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


def _cheaper(xslt: etree._ElementTree) -> etree._ElementTree:
    """The same findings for less work (in place; xslt is a copy):

    - a key declared twice alike (the ODD's constraintSpec writes teikit.sch's keys both as
      sch:key and xsl:key) is indexed once: a key is the union of its declarations;
    - svrl:active-pattern, which SVRL readers here never look at, holds an apply-templates in
      the default mode, a walk of the whole document that writes nothing (its text is stripped),
      left out unless the schema brings templates of that mode of its own;
    - a rule's consecutive asserts are tested together first (one XPath evaluation, the `and`
      of their tests, which have no side effects), each on its own only when one fails."""
    root = xslt.getroot()
    seen = set()
    for key in root.findall(f"{{{_XSL_NS}}}key"):
        signature = (key.get("name"), key.get("match"), key.get("use"))
        if signature in seen:
            root.remove(key)
        seen.add(signature)
    default_mode = [t for t in root.iter(f"{{{_XSL_NS}}}template") if t.get("mode") is None and t.get("match") not in ("/", "text()")]
    if not default_mode:
        for pattern in list(root.iter(f"{{{SVRL_NS}}}active-pattern")):
            pattern.getparent().remove(pattern)
    for template in root.iter(f"{{{_XSL_NS}}}template"):
        runs, run = [], []
        for child in template:
            if _is_assert(child):
                run.append(child)
            elif isinstance(child.tag, str):
                runs.append(run)
                run = []
        runs.append(run)
        for run in runs:
            if len(run) > 1:
                joined = " and ".join(f"({choose[0].get('test')})" for choose in run)
                together = etree.Element(f"{{{_XSL_NS}}}if", test=f"not({joined})")
                run[0].addprevious(together)
                together.extend(run)
    return xslt


def _is_assert(element) -> bool:
    """An assert as the skeleton writes it: choose, when TEST (empty), otherwise a failed-assert."""
    if element.tag != f"{{{_XSL_NS}}}choose" or len(element) != 2:
        return False
    when, otherwise = element
    return (when.tag == f"{{{_XSL_NS}}}when" and len(when) == 0 and not (when.text or "").strip() and when.get("test")
            and otherwise.tag == f"{{{_XSL_NS}}}otherwise" and len(otherwise) == 1
            and otherwise[0].tag == f"{{{SVRL_NS}}}failed-assert")


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
