"""The one way teikit parses XML it did not write itself.

Input documents may be hostile: a DOCTYPE in the prolog is refused outright (one
mentioned in a comment, a CDATA section or text is no DOCTYPE), so no external
entity is resolved, no DTD is fetched, and no entity-expansion bomb can grow.

It also holds the one policy of how large a document's structure may be
(`check_limits`): what the XSLT processor of render and deposit (Saxon, reading
with the JDK's parser) refuses is refused here, with one line, so a document
`validate` accepts is one render and deposit can read.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .errors import NotWellFormedError, ToolkitError, UnsafeXMLError, XMLLimitError

# The JDK parser under Saxon refuses more (jdk.xml.maxElementDepth, elementAttributeLimit and
# maxXMLNameLimit); libxml2 itself stops at a depth of 256 without huge_tree.
MAX_DEPTH = 100          # elements nested, the root element being 1
MAX_ATTRIBUTES = 200     # attributes of one element, its namespace declarations included
MAX_NAME_CHARS = 1000    # one prefix, local name or processing-instruction target


# libxml2's words for the mistakes a hand edit makes most, in the editor's words; its position,
# which every message of it repeats at its end, is the error's own (line, column).
_SYNTAX_WORDS = (
    (re.compile(r"^xmlParseEntityRef: no name$"),
     "a bare & (write &amp; for the character &)"),
    (re.compile(r"^StartTag: invalid element name$"),
     "a bare < that starts no tag (write &lt; for the character <)"),
    (re.compile(r"^Entity '([^']+)' not defined$"),
     r"the entity &\1; is not defined: XML knows only &amp; &lt; &gt; &quot; &apos; (write the character itself, or &#NNNN;)"),
    (re.compile(r"^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$"),
     r"the end tag </\3> does not close <\1>, opened on line \2"),
    (re.compile(r"""^AttValue: " or ' expected$"""),
     "an attribute value without quotes (write name=\"value\")"),
)
_POSITION_SUFFIX = re.compile(r", line \d+, column \d+$")
POSITION = re.compile(r" \(line \d+, column \d+\)$")  # the end of a NotWellFormedError's message


def syntax_message(message: str) -> str:
    """libxml2's message of a document that is not well-formed, without its position, in plain words
    where it uses its own (`xmlParseEntityRef: no name` is a bare &). NotWellFormedError's message
    ends in the position, " (line L, column C)", which its line and column also hold."""
    message = _POSITION_SUFFIX.sub("", " ".join(message.split())).rstrip()  # one line: libxml2's may hold a newline
    for pattern, words in _SYNTAX_WORDS:
        if pattern.match(message):
            return pattern.sub(words, message)
    return message


def _parser(collect_ids: bool = True) -> etree.XMLParser:
    return etree.XMLParser(
        collect_ids=collect_ids,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


# A DOCTYPE (and the ENTITY declarations only it can hold) has no place in a TEI
# document we accept. It can stand only in the prolog, after the XML declaration,
# comments and processing instructions and before the root element, so the
# prolog is read up to the root element: "<!DOCTYPE" in a comment, a processing
# instruction, a CDATA section or text is not one. (A document in an encoding
# this byte scan cannot read, UTF-16, is caught after parsing: docinfo.doctype.)
_WHITESPACE = b" \t\r\n"
_PROLOG_PARTS = ((b"<?", b"?>"), (b"<!--", b"-->"))


def _unsafe_position(data: bytes) -> tuple[int, int] | None:
    """Line and column (1-based) of a DOCTYPE declaration in the prolog, if there is one."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while at < len(data) and data[at] in _WHITESPACE:
            at += 1
        for opening, closing in _PROLOG_PARTS:
            if data.startswith(opening, at):
                end = data.find(closing, at + len(opening))
                if end < 0:
                    return None  # unterminated: the parser says so
                at = end + len(closing)
                break
        else:
            if data[at:at + 9].upper() != b"<!DOCTYPE":
                return None  # the root element (or what the parser will refuse) starts here
            return data.count(b"\n", 0, at) + 1, at - (data.rfind(b"\n", 0, at) + 1) + 1


# libxml2's XML_DTD_ID_REDEFINED and XML_DTD_XMLID_VALUE: an xml:id given twice, or not an NCName ("12").
# The document is well-formed; only a reader that needs its ids unique (a register) refuses it.
_ID_ERRORS = frozenset({513, 539})


def parse_bytes(data: bytes, *, path: str | None = None, ids_checked: bool = True) -> etree._ElementTree:
    """Parse bytes; refuse any DOCTYPE (DTDs and entities have no place in TEI we accept).
    `ids_checked=False` (validate, render): a repeated or malformed xml:id is no error here, as it
    is not one of well-formedness (validation says it, as the rule it breaks)."""
    position = _unsafe_position(data)
    if position:
        line, column = position
        raise UnsafeXMLError(f"line {line}: DOCTYPE or entity declarations are refused (no DTDs, no external entities)",
                             path=path, line=line, column=column)
    try:
        try:
            root = etree.fromstring(data, _parser(), base_url=path)
        except etree.XMLSyntaxError as exc:
            if ids_checked or exc.code not in _ID_ERRORS:
                raise
            root = etree.fromstring(data, _parser(collect_ids=False), base_url=path)  # what else it holds is said
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        where = f" (line {line}, column {column})" if line else ""
        raise NotWellFormedError(f"not well-formed: {syntax_message(exc.msg)}{where}", path=path, line=line,
                                 column=column) from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise UnsafeXMLError("DOCTYPE declarations are refused", path=path)
    check_limits(tree, path=path)
    return tree


def _name_error(kind: str, part: str, line: int, path: str | None) -> XMLLimitError:
    return XMLLimitError(f"line {line}: {kind} name {part[:20]}… is {len(part)} characters long; teikit reads "
                         f"names of at most {MAX_NAME_CHARS}", path=path, line=line)


def _qualified(node) -> str:
    local = etree.QName(node).localname
    return f"{node.prefix}:{local}" if node.prefix else local


_TOO_DEEP = etree.XPath("/*" + "/*" * MAX_DEPTH)  # the elements one level past the limit


def check_limits(tree, *, path: str | None = None) -> None:
    """Raise XMLLimitError at the first element nested deeper than MAX_DEPTH, with more than
    MAX_ATTRIBUTES attributes and namespace declarations, or with a name (a prefix it declares,
    an attribute's, a processing instruction's target) longer than MAX_NAME_CHARS.
    One pass, linear in the document."""
    tree = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
    root = tree.getroot()
    too_deep = _TOO_DEEP(tree)
    if too_deep:
        node = too_deep[0]
        line = node.sourceline or 0
        raise XMLLimitError(f"line {line}: element {_qualified(node)} is nested {MAX_DEPTH + 1} deep; teikit reads "
                            f"at most {MAX_DEPTH} levels", path=path, line=line)
    for node in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if isinstance(node, etree._ProcessingInstruction) and len(node.target) > MAX_NAME_CHARS:
            raise _name_error("the processing instruction's", node.target, node.sourceline or 0, path)
    declared = 0
    for event, node in etree.iterwalk(root, events=("start", "start-ns", "pi")):
        if event == "start-ns":  # comes just before the start of the element that declares it
            declared += 1
        elif event == "pi":
            if len(node.target) > MAX_NAME_CHARS:
                raise _name_error("the processing instruction's", node.target, node.sourceline or 0, path)
        else:
            attributes = node.attrib
            count = len(attributes) + declared
            if count > MAX_ATTRIBUTES:
                line = node.sourceline or 0
                raise XMLLimitError(f"line {line}: element {_qualified(node)} has {count} attributes (namespace "
                                    f"declarations included); teikit reads at most {MAX_ATTRIBUTES}",
                                    path=path, line=line)
            names = [etree.QName(key).localname for key in attributes if len(key) > MAX_NAME_CHARS]
            if declared:
                names += [prefix for prefix in node.nsmap if prefix and len(prefix) > MAX_NAME_CHARS]
                declared = 0
            if len(node.tag) > MAX_NAME_CHARS:
                names += [node.prefix or "", etree.QName(node).localname]
            for name in names:
                if len(name) > MAX_NAME_CHARS:
                    raise _name_error("a", name, node.sourceline or 0, path)


def parse_file(path, *, ids_checked: bool = True) -> etree._ElementTree:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ToolkitError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return parse_bytes(data, path=str(path), ids_checked=ids_checked)
