"""The reading text of a TEI document: what a reader reads, defined once.

    blocks(root)        the article's blocks of running text, each a Block:
                        its element, its text and the (start, end, element)
                        span of every element inside it
    blocks_in(container) the same, of one container (a div[@type='article']):
                        what merge reads as the text's blocks (editing/textindex:
                        block_elements_in, their elements alone)
    reading_text(root)  the blocks' texts joined by model.BLOCK_SEPARATOR

A block is an element of running text (head, p, ab, byline, trailer, a caption's
head, l, item, cell, quote, opener, closer, ...) under the article's
div[@type='article'] (else under text), in document order, never descending
into a block: inside a section (div[@type='section']), a list, a figure, a
table and its rows, as encode writes them (tests/test_editing.py reads every
block kind of model.BLOCK_KINDS back from encode's output). A block whose text
is empty (a table's padding cell) is none. Its text is its content with every `expan` left out (the one
text not in the source), a line, page or column break read as a space, and
white space folded (whitespace.fold_spans). For a file teikit wrote,
reading_text is the article text the recognisers saw (model.Article.text), so
an editor's corrected markup reads back at the right offsets (ner/teiread.py).
The stylesheets' counterpart is tk:plain (xslt/common/functions.xsl);
tests/test_teitext.py checks they agree.

    name_part(block, start, end, element)
                        the name a persName carries: its span without the
                        roleName children that qualify it ("ROLE NAME,
                        ROLE …" → "NAME"), and
                        without the white space and commas between them
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import BLOCK_SEPARATOR
from .names import DIV, EXPAN, PERS_NAME, ROLE_NAME, TEI_NS, TEXT, tei
from .whitespace import SPACES, fold_spans

BLOCK_ELEMENTS = frozenset(tei(n) for n in ("head", "p", "ab", "byline", "trailer", "dateline", "l", "item",
                                            "cell", "quote", "closer", "opener", "signed", "salute", "label"))
BREAKS = frozenset(tei(n) for n in ("lb", "pb", "cb"))


@dataclass(frozen=True)
class Block:
    element: object                       # the lxml element of the block
    text: str                             # its reading text, folded
    spans: tuple[tuple[int, int, object], ...]  # (start, end, element) of each element inside, in `text`


def _inline(element, chars: list[str], spans: list) -> None:
    for child in element:
        if isinstance(child.tag, str) and child.tag != EXPAN:
            start = len(chars)
            if child.tag in BREAKS:
                chars.append(" ")
            if child.text:
                chars.extend(child.text)
            _inline(child, chars, spans)
            spans.append((start, len(chars), child))
        if child.tail:
            chars.extend(child.tail)


def _block_elements(container):
    for child in container:
        if not isinstance(child.tag, str):
            continue
        if child.tag in BLOCK_ELEMENTS:
            yield child
        elif child.tag.startswith("{" + TEI_NS + "}"):
            yield from _block_elements(child)


def article_containers(root) -> list:
    """div[@type='article'] elements, else the text element, else the root itself."""
    divs = root.findall(f".//{DIV}[@type='article']")
    if divs:
        return divs
    text = root.find(f".//{TEXT}") if root.tag != TEXT else root
    return [text if text is not None else root]


def blocks(root):
    """The non-empty blocks of the article under `root` (a TEI element), in reading order."""
    for container in article_containers(root):
        yield from blocks_in(container)


def blocks_in(container):
    """The non-empty blocks under `container` (a div[@type='article']), in reading order."""
    for element in _block_elements(container):
        chars: list[str] = list(element.text or "")
        spans: list = []
        _inline(element, chars, spans)
        text, spans = fold_spans("".join(chars), spans)
        if text:
            yield Block(element, text, tuple(spans))


def block_elements_in(container):
    """The elements of blocks_in(container), without reading their texts: a block is one when its
    text holds more than white space (merge's index of a file's blocks needs no more)."""
    return (element for element in _block_elements(container) if _has_text(element))


def _has_text(element) -> bool:
    """Whether the reading text of `element`'s content (blocks_in's: no expan, its own tail not
    part of it) holds more than white space."""
    if element.text and element.text.strip(SPACES):
        return True
    for child in element:
        if isinstance(child.tag, str) and child.tag != EXPAN and _has_text(child):
            return True
        if child.tail and child.tail.strip(SPACES):
            return True
    return False


def reading_text(root) -> str:
    return BLOCK_SEPARATOR.join(block.text for block in blocks(root))


_BETWEEN_PARTS = " ,"  # what may lie between a person's name and the roles inside its persName


def name_part(block: Block, start: int, end: int, element) -> tuple[int, int]:
    """(start, end) of the name inside a persName spanning [start, end) of `block.text`: the
    span without its roleName children and the white space and commas next to them (the
    encoding puts a role that qualifies a person inside the persName, docs/encoding.md).
    Any other element, or a persName with no role, is its whole span."""
    if element.tag != PERS_NAME:
        return start, end
    roles = [(s, e) for s, e, child in block.spans if child.getparent() is element and child.tag == ROLE_NAME]
    if not roles:
        return start, end
    outside = [i for i in range(start, end) if not any(s <= i < e for s, e in roles)
               and block.text[i] not in _BETWEEN_PARTS]
    if not outside:
        return start, start
    return outside[0], outside[-1] + 1
