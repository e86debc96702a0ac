"""What a web page's inline markup says that trafilatura loses, written into its text (ingest/html.py uses it).

Before trafilatura reads the page (its HTML tree):

    stamp_updates(tree)        a run of updates (a live blog's): two or more sibling boxes each opening
                               with a <time> that has text, then blocks; trafilatura drops the time,
                               and an update without a heading ran into the one before. The time opens
                               the update's heading ("03:10 Labour passes the majority line"), or is
                               its heading when it has none (of the rank the other updates' headings
                               have, else UPDATE_HEADING): each update a section of its own.
    mark_quotations(tree, language)
                               an inline quotation (<q>) is its text between the quotation marks of
                               the page's language (the data file QUOTATION_MARKS; a q inside a q
                               the inner ones; a language not listed ANY_LANGUAGE's), as a browser
                               shows it: trafilatura keeps the text without them
    set_off_note_references(tree)
                               a note's reference (a <sup> whose one link points into the page,
                               "#fn1", its text a short number or letter) is its text in square
                               brackets, "April.[1] Here": trafilatura glued it to the word, "April.1"
    drop_back_links(tree)      a link into the page whose text has no letter or digit (a note's
                               "↩", "↑" back to its reference) is left out, its tail kept
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import language_dir, read_tsv
from .htmltext import is_tag as _is, text_of as _text

QUOTATION_MARKS = "quotation_marks.tsv"
ANY_LANGUAGE = "*"
# in the page (HTML)
TIME, QUOTATION, SUPERSCRIPT, LINK, HREF = "time", "q", "sup", "a", "href"
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
UPDATE_HEADING = "h2"
UPDATES_MIN = 2  # boxes opening with a time: a run of updates, not a date above one text
_BLOCKS = frozenset({"p", "div", "ul", "ol", "blockquote", "figure", "table", *HEADINGS})
_NOTE_MARK_RE = re.compile(r"\[?\(?(\w{1,4})\)?\]?")
_WORDLESS_RE = re.compile(r"[^\W_]")  # a letter or digit


# --- a live blog's updates -----------------------------------------------------------------------

def _opening_time(box):
    """The box's first child when it is a <time> with text, before which it holds no text, and after which blocks."""
    children = [child for child in box if isinstance(child.tag, str)]
    if (not children or not _is(children[0], TIME) or not _text(children[0]) or (box.text or "").strip()
            or not any(_is(child, *_BLOCKS) for child in children[1:])):
        return None
    return children[0]


def stamp_updates(tree) -> None:
    """Each update of a run of them headed by its time (the module contract)."""
    for parent in list(tree.iter()):
        timed = [(box, time) for box in parent if isinstance(box.tag, str) and (time := _opening_time(box)) is not None]
        if len(timed) < UPDATES_MIN:
            continue
        ranks = [h.tag for box, _ in timed for h in box if _is(h, *HEADINGS)]
        rank = min(ranks) if ranks else UPDATE_HEADING
        for box, time in timed:
            stamp, tail = _text(time), (time.tail or "").strip()
            heading = next((child for child in box if _is(child, *HEADINGS)), None)
            box.remove(time)
            if heading is not None:
                heading.text = f"{stamp} {heading.text or ''}"  # white space folded later
                box.text = (box.text or "") + (f" {tail}" if tail else "")
            else:  # the time's own tail comes after the heading it becomes, where the time stood
                heading = box.makeelement(rank, {})
                heading.text, heading.tail = stamp, (f" {tail}" if tail else "")
                box.insert(0, heading)


# --- quotations ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _marks() -> dict[str, tuple[tuple[str, str], tuple[str, str]]]:
    rows = read_tsv(language_dir() / QUOTATION_MARKS, what="quotation marks")
    return {row["language"]: ((row["open"], row["close"]), (row["inner_open"], row["inner_close"])) for row in rows}


def mark_quotations(tree, language: str | None) -> None:
    """Each <q> its text between quotation marks, the tag itself left out (the module contract)."""
    marks = _marks()
    outer, inner = marks.get((language or "").split("-")[0].lower(), marks[ANY_LANGUAGE])  # keyed by primary subtag
    for q in list(tree.iter(QUOTATION)):
        depth = sum(1 for above in q.iterancestors(QUOTATION))
        opening, closing = inner if depth % 2 else outer
        q.text = opening + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + closing
        else:
            q.text += closing
    for q in list(tree.iter(QUOTATION)):
        q.drop_tag()


# --- notes ---------------------------------------------------------------------------------------

def _into_page(link) -> bool:
    return (link.get(HREF) or "").startswith("#")


def set_off_note_references(tree) -> None:
    """Each note reference its mark in square brackets (the module contract)."""
    for sup in list(tree.iter(SUPERSCRIPT)):
        links = [child for child in sup.iter(LINK) if _into_page(child)]
        match = _NOTE_MARK_RE.fullmatch(_text(sup))
        if len(links) != 1 or not match or _text(links[0]) != _text(sup):
            continue
        tail = sup.tail
        sup.clear()
        sup.text, sup.tail = f"[{match.group(1)}]", tail
        sup.drop_tag()


def drop_back_links(tree) -> None:
    """Each link into the page with no letter or digit in its text left out (the module contract)."""
    for link in list(tree.iter(LINK)):
        if _into_page(link) and _text(link) and not _WORDLESS_RE.search(_text(link)) and not len(link):
            link.drop_tree()
