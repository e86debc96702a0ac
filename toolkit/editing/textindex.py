"""The article text of a TEI document, and its inline elements as spans of it.

Contract: `blocks(tree)` gives the block elements of div[@type='article'] in
reading order, as teikit.teitext defines the text's blocks (teitext.blocks_in: head, p,
byline, trailer, a caption's head, list items, quotes, table cells and captions, those
of sections too), so block i is the element encode wrote for Article.blocks[i];
`block_place(el)` says where a block stands (`div[@type='section']/p`); `text_of(el)` is an
element's text as the encoding defines it (every `expan`, comment and
processing instruction left out); `name_text(persName)` is the name it carries,
without the roleName children that qualify the person; `index(tree, starts)` gives every inline
element (persName, orgName, placeName, roleName, date, measure, choice, docAuthor) as a
Span: its offsets in the article text (block i starting at starts[i], the
offsets of Article.blocks), its kind and its attributes. `wrap` and `unwrap`
add or remove one inline element without changing a character of the text;
they keep comments, processing instructions and every other node in place.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .. import names as N
from ..model import ABBR, DATE, DURATION, ORG, PERSON, PLACE, ROLE
from ..teitext import block_elements_in

# Inline element → mention type (model); docAuthor is the encoder's own, not a mention.
KIND = {N.PERS_NAME: PERSON, N.ORG_NAME: ORG, N.PLACE_NAME: PLACE, N.ROLE_NAME: ROLE,
        N.DATE: DATE, N.MEASURE: DURATION, N.CHOICE: ABBR}
DOC_AUTHOR = "docAuthor"
INLINE = {**KIND, N.DOC_AUTHOR: DOC_AUTHOR}
NAME_TAGS = (N.PERS_NAME, N.ORG_NAME, N.PLACE_NAME)
MACHINE_PREFIX = "#ner-"


@dataclass(frozen=True)
class Span:
    element: etree._Element
    start: int
    end: int

    @property
    def kind(self) -> str:
        return INLINE[self.element.tag]

    @property
    def tag(self) -> str:
        return self.element.tag.rpartition("}")[2]  # its local name (etree.QName's)

    def signature(self) -> list:
        """What the element is, as a record keeps it: [start, end, tag, {attributes}]."""
        return [self.start, self.end, self.tag, dict(sorted(self.element.attrib.items()))]


def is_machine(element) -> bool:
    """The convention: markup whose @resp is #ner-… is a recogniser's; any other @resp,
    or none, is a person's."""
    return (element.get("resp") or "").startswith(MACHINE_PREFIX)


def is_element(node) -> bool:
    return isinstance(node.tag, str)


def text_of(element) -> str:
    """The element's text in the article: expan, comments and processing instructions left out."""
    parts = [element.text or ""] if is_element(element) and element.tag != N.EXPAN else []
    for child in element:
        if is_element(child) and child.tag != N.EXPAN:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def holds_roles(element) -> bool:
    """A persName that holds the roles qualifying its person (docs/encoding.md)."""
    return element.tag == N.PERS_NAME and any(is_element(c) and c.tag == N.ROLE_NAME for c in element)


def name_text(element, child_text=text_of) -> str:
    """The name a persName carries, folded: its content without the roleName children that
    qualify the person and the commas and spaces beside them (teitext.name_part)."""
    parts = [element.text or ""]
    for child in element:
        if is_element(child) and child.tag != N.ROLE_NAME:
            parts.append(child_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).strip(" ,")


def article_div(tree):
    found = tree.getroot().find(f"{N.TEXT}/{N.BODY}/{N.DIV}")
    return found if found is not None and found.get("type") == "article" else None


def blocks(tree) -> list:
    """The block elements of the article, in reading order (teitext.blocks_in's)."""
    div = article_div(tree)
    return [] if div is None else list(block_elements_in(div))


def block_place(element) -> str:
    """Where a block stands in the article, for a message: `p`, `div[@type='section']/head`, `list/item`."""
    parts = []
    while element is not None and not (element.tag == N.DIV and element.get("type") == "article"):
        kind = element.get("type") if element.tag == N.DIV else None
        parts.append(etree.QName(element).localname + (f"[@type='{kind}']" if kind else ""))
        element = element.getparent()
    return "/".join(reversed(parts))


def index(tree, starts) -> list[Span]:
    """Every inline element of the article as a Span, outer before inner, in reading order."""
    found: list[tuple[Span, int]] = []  # each with its element's depth (its ancestors)
    for block, start in zip(blocks(tree), starts):
        _walk(block, start, found, _depth(block) + 1)
    found.sort(key=lambda pair: (pair[0].start, -pair[0].end, pair[1]))
    return [span for span, _ in found]


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _walk(element, pos: int, found: list, depth: int) -> int:
    """`depth`: that of the element's children."""
    pos += len(element.text or "") if element.tag != N.EXPAN else 0
    for child in element:
        if is_element(child) and child.tag != N.EXPAN:
            start = pos
            pos = _walk(child, pos, found, depth + 1)
            if child.tag in INLINE:
                found.append((Span(child, start, pos), depth))
        pos += len(child.tail or "")
    return pos


def _length(node) -> int:
    return len(text_of(node)) if is_element(node) and node.tag != N.EXPAN else 0


def children_at(parent, start: int) -> list[tuple[object, int, int]]:
    """(node, start, end) of each child of `parent`, whose content begins at `start`."""
    found, pos = [], start + len(parent.text or "")
    for child in parent:
        end = pos + _length(child)
        found.append((child, pos, end))
        pos = end + len(child.tail or "")
    return found


def wrap(parent, start: int, a: int, b: int, new) -> None:
    """Put the content of `parent` (which begins at offset `start`) between offsets a and b
    inside `new`, a new child of `parent`. No child may cross a or b (the caller checks)."""
    items: list[tuple[str, object]] = []
    if parent.text:
        items.append(("t", parent.text))
    for child in parent:
        items.append(("n", child))
        if child.tail:
            items.append(("t", child.tail))
    before, middle, after = [], [], []
    pos = start
    for kind, value in items:
        if kind == "t":
            end = pos + len(value)
            for lo, hi, dest in ((pos, min(end, a), before), (max(pos, a), min(end, b), middle), (max(pos, b), end, after)):
                if hi > lo:
                    dest.append(("t", value[lo - pos:hi - pos]))
            pos = end
            continue
        length = _length(value)
        end = pos + length
        if length == 0:
            dest = before if pos <= a else (middle if pos < b else after)
        elif end <= a:
            dest = before
        elif pos >= a and end <= b:
            dest = middle
        else:
            dest = after
        dest.append(("n", value))
        pos = end
    for child in list(parent):
        parent.remove(child)
    if new.tag == N.CHOICE:
        new.find(N.ABBR).text = "".join(v for k, v in middle if k == "t")
    else:
        _fill(new, middle)
    _fill(parent, before + [("n", new)] + after)


def _fill(target, items) -> None:
    target.text, last = None, None
    for kind, value in items:
        if kind == "t":
            if last is None:
                target.text = (target.text or "") + value
            else:
                last.tail = (last.tail or "") + value
        else:
            value.tail = None
            target.append(value)
            last = value


def unwrap(element) -> None:
    """Replace `element` by its content (a choice by its abbreviation's text), keeping its tail."""
    parent = element.getparent()
    if element.tag == N.CHOICE:
        abbr = element.find(N.ABBR)
        items = [("t", text_of(abbr) if abbr is not None else "")]
    else:
        items = [("t", element.text)] if element.text else []
        for child in element:
            items.append(("n", child))
            if child.tail:
                items.append(("t", child.tail))
    if element.tail:
        items.append(("t", element.tail))
    siblings: list[tuple[str, object]] = [("t", parent.text)] if parent.text else []
    for child in parent:
        if child is element:
            siblings.extend(items)
            continue
        siblings.append(("n", child))
        if child.tail:
            siblings.append(("t", child.tail))
    for child in list(parent):
        parent.remove(child)
    _fill(parent, siblings)
