"""A news page's lead (standfirst, "sapo") set apart above its text (ingest/html.py uses it).

Many news pages print the lead in a box of its own between the headline and the text's box
(<h2 class="sapo">, <p class="description">, <section class="the-article-summary">), and
trafilatura, reading the text's box, leaves it out: the lead was only the header's description.
`page_lead(tree)`, on the page before trafilatura reads it, is the text of the first element
whose class names a lead (the data file LEAD_CLASSES) when

    it follows the page's first h1 (the headline), with no paragraph (<p> with text) between
        them: a teaser's "sapo" in a list of related articles is no lead of this page;
    it holds no heading, table or list, and reads as one paragraph (at most LEAD_MAX_CHARS).

`with_lead(blocks, lead, kind)` puts it first in the article's blocks unless trafilatura kept it
(a block with its text, white space aside, or one holding it): a lead is a paragraph, once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import html_data_dir, read_tsv
from .htmltext import squeezed, text_of as _text

LEAD_CLASSES = "lead_classes.tsv"
LEAD_MAX_CHARS = 1200  # a lead is a paragraph, two or three sentences; more is a box of text
_HEADLINE, _PARAGRAPH = "h1", "p"
_NOT_IN_A_LEAD = ("h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "figure")
_PARTS_RE = re.compile(r"[-_]")


@lru_cache(maxsize=1)
def _lead_words() -> tuple[frozenset[str], frozenset[str]]:
    """(whole class words, parts of class words) that name a lead (LEAD_CLASSES)."""
    rows = read_tsv(html_data_dir() / LEAD_CLASSES, what="lead classes")
    return (frozenset(r["word"].lower() for r in rows if r["match"] == "word"),
            frozenset(r["word"].lower() for r in rows if r["match"] == "part"))


def _names_lead(element) -> bool:
    words, parts = _lead_words()
    for token in (element.get("class") or "").lower().split():
        if token in words or token in parts or parts & set(_PARTS_RE.split(token)):
            return True
    return False


def page_lead(tree) -> str | None:
    """The lead's text (the module contract), or None."""
    seen_headline = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == _HEADLINE and not seen_headline:
            seen_headline = True
            continue
        if not seen_headline:
            continue
        if _names_lead(element):
            text = _text(element)
            if not text:
                continue
            if len(text) > LEAD_MAX_CHARS or next(element.iterdescendants(*_NOT_IN_A_LEAD), None) is not None:
                return None
            return text
        if element.tag == _PARAGRAPH and _text(element):
            return None  # the text began before any lead box
    return None


def with_lead(blocks: list[tuple], lead: str | None, kind: str) -> list[tuple]:
    """blocks with (kind, lead) first, unless a block already says it (or holds it)."""
    if not lead:
        return blocks
    wanted = squeezed(lead).casefold()
    if any(wanted in squeezed(block[1]).casefold() for block in blocks if isinstance(block[1], str)):
        return blocks
    return [(kind, lead), *blocks]
