"""Read entity spans back out of TEI: persName/orgName/placeName/date become labelled spans.

The text is the document's reading text (teikit.teitext: each block with its
white space folded, every `expan` left out, the blocks joined as
teikit.model joins Article.text). Nested names give the outermost of the four elements, so a
corrected teikit output file reads back as the text the recogniser saw plus
the editor's markup. A persName gives the name it carries, without the roleName
children that qualify it (teitext.name_part): the span convention's person is the
name alone (docs/ner.md), and an orgName inside such a role is a span of its own.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NerInputError
from ..model import BLOCK_SEPARATOR
from ..names import DATE, ORG_NAME, PERS_NAME, PLACE_NAME, TEI_SUFFIXES
from ..recognise.labels import DATE_LABEL, ORG_NAME as ORG_LABEL, PERS_NAME as PERS_LABEL, PLACE_NAME as PLACE_LABEL
from ..teitext import blocks, name_part
from ..xmlsafe import parse_file
from .jsonl import NerDoc
from .spans import Span, outermost
from .textnorm import nfc_with_offsets

ELEMENT_LABELS = {PERS_NAME: PERS_LABEL, ORG_NAME: ORG_LABEL, PLACE_NAME: PLACE_LABEL, DATE: DATE_LABEL}


def read_tei(path) -> NerDoc:
    """The article text of a TEI file and its persName/orgName/placeName/date spans; id is the file name."""
    path = Path(path)
    root = parse_file(path).getroot()
    texts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for block in blocks(root):
        if texts:
            offset += len(BLOCK_SEPARATOR)
        texts.append(block.text)
        for s, e, element in block.spans:
            if element.tag in ELEMENT_LABELS:
                s, e = name_part(block, s, e, element)  # a persName's name, without its roleNames
                if s < e:
                    spans.append((s + offset, e + offset, ELEMENT_LABELS[element.tag]))
        offset += len(block.text)
    if not texts:
        raise NerInputError("no article text found in the TEI document", path=str(path))
    full = BLOCK_SEPARATOR.join(texts)
    try:
        full, spans = nfc_with_offsets(full, spans)
    except ValueError as exc:
        raise NerInputError(str(exc), path=str(path)) from None
    return NerDoc(path.name, full, tuple(outermost(spans)))


def is_tei_path(path) -> bool:
    return Path(path).suffix.lower() in TEI_SUFFIXES
