"""Where on its line an issue's node stands, when the engine said only the line.

Contract: libxml2's RELAX NG and the Schematron engines give an issue's line (the element's
`sourceline`) and its XPath, never a column. `Columns(tree, data)` finds the column from the
document's text: the start tag of the element the path names is the k-th start tag of that
name on its line, k being the element's place among the elements of that name starting on
that line; an attribute the path names (Schematron's `…/@colour`) is where `colour=` stands in
that tag. Columns are 1-based and count characters, as the parser's own do; 0 when they cannot
be told (a start tag running over lines, a tree that was not parsed from text). The text is
decoded once per document, and only when some issue asks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from .issues import Issue, element_at

_LAST_ATTRIBUTE = re.compile(r"/@([\w.:-]+)$")


class Columns:
    def __init__(self, tree: etree._ElementTree, data: bytes | None):
        self.tree, self.data = tree, data
        self._lines: list[str] | None = None
        self._starting: dict[int, list[etree._Element]] | None = None

    def placed(self, issue: Issue) -> Issue:
        """The issue with its column, when it had none and one can be told."""
        if issue.column or not issue.line or not issue.path or self.data is None:
            return issue
        element = element_at(self.tree, issue.path)
        if element is None or element.sourceline != issue.line:
            return issue
        attribute = _LAST_ATTRIBUTE.search(issue.path)
        column = self._column(element, attribute.group(1) if attribute else None)
        return replace(issue, column=column) if column else issue

    def _column(self, element: etree._Element, attribute: str | None) -> int:
        line = self._line(element.sourceline)
        if line is None:
            return 0
        qname = f"{element.prefix}:{etree.QName(element).localname}" if element.prefix else etree.QName(element).localname
        tags = [m.start() for m in re.finditer(f"<{re.escape(qname)}(?=[\\s/>])", line)]
        same = [e for e in self._starting_on(element.sourceline) if e.tag == element.tag]
        place = same.index(element) if element in same else len(tags)
        if place >= len(tags):
            return 0
        start = tags[place]
        if attribute:
            end = line.find(">", start)
            found = re.compile(f"\\s({re.escape(attribute)})\\s*=").search(line, start, end + 1 if end >= 0 else len(line))
            if found:
                return found.start(1) + 1
        return start + 1

    def _line(self, number: int) -> str | None:
        if self._lines is None:
            encoding = self.tree.docinfo.encoding or "utf-8"
            try:
                text = self.data.decode(encoding, errors="replace")
            except LookupError:
                text = self.data.decode("utf-8", errors="replace")
            self._lines = text.lstrip("\ufeff").split("\n")
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None

    def _starting_on(self, number: int) -> list[etree._Element]:
        if self._starting is None:
            self._starting = {}
            for element in self.tree.iter(etree.Element):
                self._starting.setdefault(element.sourceline, []).append(element)
        return self._starting.get(number, [])
