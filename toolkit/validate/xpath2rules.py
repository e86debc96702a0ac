"""Schematron with an XPath 2+ query binding (xslt2, xslt3, xpath2, xpath3, xpath31), run by Saxon.

    rules = XPath2Rules(schema_root, name="tei_all.rng")   # an sch:schema element (lxml)
    rules.check(tree, file) -> [Issue]

The schema is compiled here, by teikit's own code, into one XSLT 3.0
stylesheet (one mode per pattern; in a pattern, the first rule whose context
matches a node fires, as ISO Schematron says), compiled once by Saxon; each
document is one transform whose output is a small report of failures, each
with a positional path (`/*[1]/*[3]/@*[local-name()='when']`) that lxml
evaluates on the same tree to find its line.

What is supported: ns, let (schema, pattern and rule level), pattern, rule,
assert, report, name, value-of, the phrase elements (emph, dir, span: their
text), and xsl:function / xsl:key at schema level. Refused when compiling, as
a ToolkitError naming the schema: sch:extends, abstract patterns and rules, and what
`refuse_outside_reads` refuses in a Schematron of any binding: sch:include,
sch:extends href and xi:include (a schema must be one self-contained file), and any
XSLT instruction that reads or writes outside the document
(xsl:result-document, xsl:source-document, xsl:import, xsl:include …).

No rule may read a file or reach the network: the stylesheets run on a Saxon
processor of their own whose configuration allows no protocol at all, so
doc(), document(), unparsed-text(), collection(), json-doc() … fail for
every URI; a document whose rules try is reported as one `schematron-refused`
issue. Severity: an assert or report with role warning, nonfatal, info or
information is a warning (printed, never an error); any other is an error.
"""

from __future__ import annotations

import copy
import threading

from lxml import etree

from ..errors import ToolkitError
from .issues import Issue, element_at

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_XI = "{http://www.w3.org/2001/XInclude}"
_OUT_NS = "urn:teikit:schematron-report"
_SCH = f"{{{SCH_NS}}}"
_XSL = f"{{{XSL_NS}}}"
XPATH2_BINDINGS = frozenset({"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"})
WARNING_ROLES = frozenset({"warning", "warn", "nonfatal", "info", "information"})
# XSLT at schema level that ISO Schematron allows and that cannot reach outside the document
_ALLOWED_XSL = frozenset({"function", "key"})
_FORBIDDEN_XSL = frozenset({"result-document", "source-document", "import", "include", "use-package",
                            "import-schema", "evaluate", "message"})
_REFUSED_ACCESS = ("has been prohibited", "has been disallowed")

_PROCESSOR_LOCK = threading.Lock()
_processor = None


def processor():
    """The Saxon processor for rules: no protocol allowed, so no URI resolves (created once)."""
    global _processor
    with _PROCESSOR_LOCK:
        if _processor is None:
            from saxonche import PySaxonProcessor

            proc = PySaxonProcessor(license=False)
            proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "")
            _processor = proc
    return _processor


def query_binding(schema_root: etree._Element) -> str:
    return (schema_root.get("queryBinding") or "xslt").strip().lower()


class XPath2Rules:
    def __init__(self, schema_root: etree._Element, *, name: str):
        self.name = name
        text = compile_schematron(schema_root, name=name)
        from saxonche import PySaxonApiError

        try:
            self._executable = processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
        except PySaxonApiError as exc:
            raise ToolkitError(f"cannot compile the Schematron rules: {_one_line(exc)}", path=name) from None

    def check(self, tree: etree._ElementTree, file: str) -> list[Issue]:
        from saxonche import PySaxonApiError

        proc = processor()
        try:
            node = proc.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
            report = self._executable.transform_to_string(xdm_node=node)
        except PySaxonApiError as exc:
            return [self._error(file, 0, _one_line(exc), "")]
        issues = []
        for failure in etree.fromstring(report.encode("utf-8")):
            location = failure.get("location", "")
            found = element_at(tree, location)
            line = (found.sourceline or 0) if found is not None else 0
            message = " ".join((failure.text or "").split())
            if failure.tag == f"{{{_OUT_NS}}}error":
                issues.append(self._error(file, line, message, location))
                continue
            role = (failure.get("role") or "").lower()
            issues.append(Issue(file, line, 0, failure.get("id") or "schematron", message, location,
                                severity="warning" if role in WARNING_ROLES else "error"))
        return issues


    def _error(self, file: str, line: int, message: str, location: str) -> Issue:
        return rule_failure(file, line, self.name, message, location, refused=any(m in message for m in _REFUSED_ACCESS))


def rule_failure(file: str, line: int, schema: str, message: str, location: str = "", *, refused: bool) -> Issue:
    """The issue for a rule of `schema` that could not run: `schematron-refused` when it tried
    to read outside the document (any binding), else `schematron-error` with the processor's message."""
    if refused:
        return Issue(file, line, 0, "schematron-refused", f"a rule of {schema} tried to read outside the document; "
                     "refused (Schematron rules may read only the document they check)", location)
    return Issue(file, line, 0, "schematron-error", f"a rule of {schema} failed: {message}", location)


# ---------------------------------------------------------------------- compiling

def refuse_outside_reads(schema_root: etree._Element, *, name: str) -> None:
    """The one policy for every Schematron teikit runs, whatever its query binding: it is one
    self-contained file. sch:include, sch:extends href and xi:include (which would read
    another file, local or remote, while compiling) and XSLT that reads or writes outside the
    document are refused, as a ToolkitError naming the schema."""
    for refused in schema_root.iter(_SCH + "include", _SCH + "extends", _XI + "include"):
        if refused.tag == _SCH + "extends" and refused.get("href") is None:
            continue  # extends rule="…": an abstract rule of this schema (the XSLT 1.0 binding runs it)
        prefix = "xi" if refused.tag == _XI + "include" else "sch"
        raise ToolkitError(f"{prefix}:{etree.QName(refused).localname} is not supported: a Schematron schema "
                           "must be one self-contained file", path=name)
    for node in schema_root.iter(_XSL + "*"):
        if etree.QName(node).localname in _FORBIDDEN_XSL:
            raise ToolkitError(f"xsl:{etree.QName(node).localname} is not allowed in Schematron rules "
                               "(they may read only the document they check)", path=name)


def compile_schematron(schema_root: etree._Element, *, name: str) -> str:
    """The XSLT 3.0 text that runs `schema_root` (an sch:schema) and reports its failures."""
    if schema_root.tag != _SCH + "schema":
        raise ToolkitError("not an ISO Schematron schema (root element is not sch:schema)", path=name)
    refuse_outside_reads(schema_root, name=name)
    for refused in schema_root.iter(_SCH + "extends"):
        raise ToolkitError("sch:extends is not supported: a Schematron schema must be one self-contained file", path=name)
    for node in schema_root.iter(_SCH + "pattern", _SCH + "rule"):
        if node.get("abstract") == "true" or node.get("is-a"):
            raise ToolkitError("abstract patterns and rules are not supported", path=name)

    namespaces = {"xsl": XSL_NS, "r": _OUT_NS, "xs": "http://www.w3.org/2001/XMLSchema",
                  "err": "http://www.w3.org/2005/xqt-errors"}
    for ns in schema_root.iter(_SCH + "ns"):
        namespaces.setdefault(ns.get("prefix"), ns.get("uri"))
    out = etree.Element(_XSL + "stylesheet", nsmap=namespaces, version="3.0")
    out.set("exclude-result-prefixes", " ".join(p for p in namespaces if p not in ("xsl",)) or "#default")
    etree.SubElement(out, _XSL + "output", method="xml", indent="no")
    _path_function(out)

    for child in schema_root:
        if isinstance(child.tag, str) and child.tag.startswith(_XSL) and etree.QName(child).localname in _ALLOWED_XSL:
            out.append(_copy(child))
        elif child.tag == _SCH + "let":
            out.append(_variable(child))

    main = etree.SubElement(out, _XSL + "template", match="/")
    report = etree.SubElement(main, f"{{{_OUT_NS}}}report")
    patterns = list(schema_root.iter(_SCH + "pattern"))
    for index, pattern in enumerate(patterns):
        mode = f"p{index}"
        etree.SubElement(report, _XSL + "apply-templates", select=".", mode=mode)
        rules = [r for r in pattern if r.tag == _SCH + "rule"]
        pattern_lets = [let for let in pattern if let.tag == _SCH + "let"]
        for position, rule in enumerate(rules):
            template = etree.SubElement(out, _XSL + "template", match=rule.get("context"), mode=mode,
                                        priority=str(len(rules) - position))
            for let in pattern_lets:  # evaluated with the document as context
                variable = etree.SubElement(template, _XSL + "variable", name=let.get("name"))
                etree.SubElement(variable, _XSL + "sequence", select=f"root(.)!({let.get('value') or '.'})")
            for part in rule:
                if part.tag == _SCH + "let":
                    template.append(_variable(part))
                elif part.tag in (_SCH + "assert", _SCH + "report"):
                    template.append(_check(part, pattern))
            etree.SubElement(template, _XSL + "apply-templates", select="@*|node()", mode=mode)
        fallback = etree.SubElement(out, _XSL + "template", match="/|@*|node()", mode=mode, priority="-10")
        etree.SubElement(fallback, _XSL + "apply-templates", select="@*|node()", mode=mode)
    return etree.tostring(out, encoding="unicode")


def _path_function(out: etree._Element) -> None:
    """r:path($node): a positional XPath 1.0 path lxml can evaluate on the same tree."""
    function = etree.SubElement(out, _XSL + "function", name="r:path", **{"as": "xs:string"})
    etree.SubElement(function, _XSL + "param", name="n", **{"as": "node()"})
    etree.SubElement(function, _XSL + "sequence", select=(
        "let $e := ($n/ancestor-or-self::*)[last()], "
        "$steps := string-join(for $a in $e/ancestor-or-self::* "
        "return concat('/*[', count($a/preceding-sibling::*) + 1, ']'), '') "
        "return if ($n instance of attribute()) "
        "then concat($steps, '/@*[local-name()=''', local-name($n), ''' and namespace-uri()=''', namespace-uri($n), ''']') "
        "else if (empty($e)) then '/' else $steps"))


def _variable(let: etree._Element) -> etree._Element:
    variable = etree.Element(_XSL + "variable", name=let.get("name"))
    if let.get("value") is not None:
        variable.set("select", let.get("value"))
    else:  # content as the value
        for child in let:
            variable.append(_copy(child))
    return variable


def _check(node: etree._Element, pattern: etree._Element) -> etree._Element:
    """xsl:try around the test, so that a rule's dynamic error (a refused doc(), say) is a
    report of its own, not a failed transform with Saxon's messages on stderr."""
    test = node.get("test")
    condition = f"not({test})" if node.tag == _SCH + "assert" else f"({test})"
    attempt = etree.Element(_XSL + "try")
    guard = etree.SubElement(attempt, _XSL + "if", test=condition)
    caught = etree.SubElement(attempt, _XSL + "catch", errors="*")
    error = etree.SubElement(caught, f"{{{_OUT_NS}}}error")
    location = etree.SubElement(error, _XSL + "attribute", name="location")
    etree.SubElement(location, _XSL + "value-of", select="r:path(.)")
    etree.SubElement(error, _XSL + "value-of", select="string-join(($err:code, $err:description), ' ')")
    failure = etree.SubElement(guard, f"{{{_OUT_NS}}}failure")
    ident = node.get("id") or pattern.get("id") or ""
    for attribute, value in (("id", ident), ("role", node.get("role") or node.getparent().get("role") or "")):
        if value:
            literal = etree.SubElement(failure, _XSL + "attribute", name=attribute)
            literal.text = value
    location = etree.SubElement(failure, _XSL + "attribute", name="location")
    etree.SubElement(location, _XSL + "value-of", select="r:path(.)")
    _message(node, failure)
    return attempt


def _message(node: etree._Element, out: etree._Element) -> None:
    """The assertion's text, with name and value-of evaluated, as xsl:text/xsl:value-of."""
    def text(value: str | None) -> None:
        if value:
            etree.SubElement(out, _XSL + "text").text = value

    text(node.text)
    for child in node:
        if child.tag == _SCH + "name":
            etree.SubElement(out, _XSL + "value-of", select=f"name({child.get('path') or '.'})")
        elif child.tag == _SCH + "value-of":
            etree.SubElement(out, _XSL + "value-of", select=child.get("select"), separator=" ")
        elif isinstance(child.tag, str):
            _message(child, out)  # emph, dir, span, foreign: their text
        text(child.tail)


def _copy(node: etree._Element) -> etree._Element:
    return copy.deepcopy(node)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


__all__ = ["XPath2Rules", "XPATH2_BINDINGS", "compile_schematron", "query_binding", "refuse_outside_reads",
           "rule_failure"]
