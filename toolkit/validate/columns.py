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
        self._places: dict[int, dict[etree._Element, int]] = {}  # line -> element -> its place among its name's
        self._tags: dict[tuple[int, str], list[int]] = {}  # (line, name) -> where its start tags open

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
        number = element.sourceline
        line = self._line(number)
        if line is None:
            return 0
        local = etree.QName(element).localname
        qname = f"{element.prefix}:{local}" if element.prefix else local
        tags = self._tags.get((number, qname))
        if tags is None:  # each line and name looked through once, however many issues it has
            tags = self._tags[number, qname] = [m.start() for m in re.finditer(f"<{re.escape(qname)}(?=[\\s/>])", line)]
        place = self._place(number).get(element, len(tags))
        if place >= len(tags):
            return 0
        start = tags[place]
        if attribute:
            end = line.find(">", start)
            found = re.compile(f"\\s({re.escape(attribute)})\\s*=").search(line, start, end + 1 if end >= 0 else len(line))
            if found:
                return found.start(1) + 1
        return start + 1

    def _place(self, number: int) -> dict[etree._Element, int]:
        """Each element starting on line `number` -> its place among those of its name there."""
        places = self._places.get(number)
        if places is None:
            if self._starting is None:
                self._starting = {}
                for element in self.tree.iter(etree.Element):
                    self._starting.setdefault(element.sourceline, []).append(element)
            counts: dict[str, int] = {}
            places = self._places[number] = {}
            for element in self._starting.get(number, []):
                places[element] = counts.get(element.tag, 0)
                counts[element.tag] = places[element] + 1
        return places

    def _line(self, number: int) -> str | None:
        if self._lines is None:
            encoding = self.tree.docinfo.encoding or "utf-8"
            try:
                text = self.data.decode(encoding, errors="replace")
            except LookupError:
                text = self.data.decode("utf-8", errors="replace")
            self._lines = text.lstrip("\ufeff").split("\n")  # lines as libxml2 numbers them: a CR alone ends none
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None
