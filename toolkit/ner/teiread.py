"""Read entity spans back out of TEI: persName/orgName/placeName/date become labelled spans.

The text is rebuilt the way teikit.model builds Article.text: each block
(head, p, caption head, byline, trailer, ...) with its white space folded, the
blocks joined by a blank line, every `expan` left out (its text is not in the
source). Nested names give the outermost of the four elements, so a
corrected teikit output file reads back as the text the recogniser saw plus
the editor's markup.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NerInputError
from ..model import BLOCK_SEPARATOR
from ..names import DATE, DIV, EXPAN, ORG_NAME, PERS_NAME, PLACE_NAME, TEI_NS, TEXT, tei
from ..recognise.labels import DATE_LABEL, ORG_NAME as ORG_LABEL, PERS_NAME as PERS_LABEL, PLACE_NAME as PLACE_LABEL
from ..xmlsafe import parse_file
from .jsonl import NerDoc
from .spans import Span, outermost
from .textnorm import fold_space, nfc_with_offsets

ELEMENT_LABELS = {PERS_NAME: PERS_LABEL, ORG_NAME: ORG_LABEL, PLACE_NAME: PLACE_LABEL, DATE: DATE_LABEL}
# Elements whose content is one block of running text; anything else is a container or inline.
BLOCK_ELEMENTS = {tei(n) for n in ("head", "p", "ab", "byline", "trailer", "dateline", "l", "item",
                                   "cell", "quote", "closer", "opener", "signed", "salute", "label")}
BREAKS = {tei(n) for n in ("lb", "pb", "cb")}


def _inline(element, chars: list[str], spans: list[Span]) -> None:
    """Append the text of `element`'s content to `chars`, recording labelled spans."""
    for child in element:
        if isinstance(child.tag, str) and child.tag != EXPAN:
            start = len(chars)
            if child.tag in BREAKS:
                chars.append(" ")
            if child.text:
                chars.extend(child.text)
            _inline(child, chars, spans)
            label = ELEMENT_LABELS.get(child.tag)
            if label:
                spans.append((start, len(chars), label))
        if child.tail:
            chars.extend(child.tail)


def _blocks(container):
    """Block elements under `container` in document order, not descending into a block."""
    for child in container:
        if not isinstance(child.tag, str):
            continue
        if child.tag in BLOCK_ELEMENTS:
            yield child
        elif child.tag.startswith("{" + TEI_NS + "}"):
            yield from _blocks(child)


def _article_root(root):
    divs = root.findall(f".//{DIV}[@type='article']")
    if divs:
        return divs
    text = root.find(f".//{TEXT}") if root.tag != TEXT else root
    return [text if text is not None else root]


def read_tei(path) -> NerDoc:
    """The article text of a TEI file and its persName/orgName/placeName/date spans; id is the file name."""
    path = Path(path)
    root = parse_file(path).getroot()
    texts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for container in _article_root(root):
        for block in _blocks(container):
            chars: list[str] = list(block.text or "")
            block_spans: list[Span] = []
            _inline(block, chars, block_spans)
            text, block_spans = fold_space("".join(chars), block_spans)
            if not text:
                continue
            if texts:
                offset += len(BLOCK_SEPARATOR)
            texts.append(text)
            spans.extend((s + offset, e + offset, lab) for s, e, lab in block_spans)
            offset += len(text)
    if not texts:
        raise NerInputError("no article text found in the TEI document", path=str(path))
    full = BLOCK_SEPARATOR.join(texts)
    try:
        full, spans = nfc_with_offsets(full, spans)
    except ValueError as exc:
        raise NerInputError(str(exc), path=str(path)) from None
    return NerDoc(path.name, full, tuple(outermost(spans)))


def is_tei_path(path) -> bool:
    return Path(path).suffix.lower() in (".xml", ".tei")
