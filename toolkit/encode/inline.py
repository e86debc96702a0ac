"""Mentions → nested inline TEI elements inside one block of text.

Mentions nest but must never cross, and nest only as model.MAY_CONTAIN allows;
a recogniser should not produce other spans, and any that slip through are
dropped here so the output is always valid TEI. Text between elements is kept
to the character.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import names as N
from ..model import ABBR, DATE, MAY_CONTAIN, MENTION_TYPES, ORG, OUTER_FIRST, PERSON, PLACE, ROLE, Mention

DOC_AUTHOR = "docAuthor"  # an encoder-made span: the author's name in a byline

# Which element wraps which when two spans cover the same characters.
_OUTER_FIRST = {DOC_AUTHOR: -1, **OUTER_FIRST}  # docAuthor wraps whatever names the author
_MAY_CONTAIN = {DOC_AUTHOR: frozenset(MENTION_TYPES), **MAY_CONTAIN}
_ELEMENT = {PERSON: N.PERS_NAME, ORG: N.ORG_NAME, PLACE: N.PLACE_NAME, ROLE: N.ROLE_NAME, DATE: N.DATE}
_DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter", "dur")
# A role's kind (rank | office | honorific) is the recogniser's: the rules take it from
# the role lexicon (data/gazetteers/roles.tsv). A role without one is an office.
DEFAULT_ROLE_KIND = "office"


@dataclass
class _Node:
    mention: Mention
    children: list["_Node"] = field(default_factory=list)


def nest(mentions) -> list[_Node]:
    """Properly nested trees of mentions; crossing spans, and spans the nesting policy
    (model.MAY_CONTAIN) does not allow where they sit, are dropped."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    seen = set()
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, _OUTER_FIRST[m.type])):
        if m.end <= m.start or (m.start, m.end, m.type) in seen:
            continue
        while stack and stack[-1].mention.end <= m.start:
            stack.pop()
        if stack:
            parent = stack[-1].mention
            if m.end > parent.end or m.type not in _MAY_CONTAIN[parent.type]:
                continue
        seen.add((m.start, m.end, m.type))
        node = _Node(m)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


class InlineWriter:
    """Writes text with mentions into an element; `ref_for(mention)` gives @ref.
    `placed`, when given, is filled with {element: the Mention it was made from}
    (encoder-made docAuthor elements aside)."""

    def __init__(self, ref_for, resp_ids: set[str], placed: dict | None = None):
        self._ref_for = ref_for
        self.resp_ids = resp_ids  # collects the recognisers actually used
        self._placed = placed

    def fill(self, parent: etree._Element, text: str, offset: int, mentions) -> None:
        self._fill(parent, text, offset, nest(mentions))

    def _fill(self, parent, text: str, offset: int, nodes: list[_Node]) -> None:
        pos, last = offset, None
        for node in nodes:
            m = node.mention
            last = _append_text(parent, last, text[pos - offset:m.start - offset])
            element = self._element(parent, m)
            if m.type == ABBR:
                etree.SubElement(element, N.ABBR).text = text[m.start - offset:m.end - offset]
                etree.SubElement(element, N.EXPAN).text = m.key
            else:
                self._fill(element, text[m.start - offset:m.end - offset], m.start, node.children)
            last, pos = element, m.end
        _append_text(parent, last, text[pos - offset:])

    def _element(self, parent, m: Mention) -> etree._Element:
        if m.type == DOC_AUTHOR:
            return etree.SubElement(parent, N.DOC_AUTHOR)
        element = etree.SubElement(parent, N.CHOICE if m.type == ABBR else _ELEMENT[m.type])
        if m.type in (PERSON, ORG, PLACE):
            element.set("ref", "#" + self._ref_for(m))
        elif m.type == ROLE:
            element.set("type", dict(m.attrs).get("type") or DEFAULT_ROLE_KIND)
        elif m.type == DATE:
            for name, value in m.attrs:
                if name in _DATE_ATTRS:
                    element.set(name, value)
        resp = f"ner-{m.resp}"
        self.resp_ids.add(resp)
        element.set("resp", "#" + resp)
        element.set("cert", format_cert(m.cert))
        if self._placed is not None:
            self._placed[element] = m
        return element


def _append_text(parent, last, text: str):
    if text:
        if last is None:
            parent.text = (parent.text or "") + text
        else:
            last.tail = (last.tail or "") + text
    return last


def format_cert(cert: float) -> str:
    return f"{min(max(cert, 0.0), 1.0):.2f}"
