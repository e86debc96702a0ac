"""The boxes of a web page that are never its article's text (ingest/html.py uses it).

Before trafilatura reads the page (its HTML tree), `drop_boilerplate_boxes(tree)` removes every
element whose class or id names such a box (the data file BOILERPLATE_CLASSES: each word of a
class or id, and each part of one split at "-" and "_", unless a part denies it: "ad-free",
"has-comments"), its tail kept:

    box        an ad ("ad", "advert", "sponsored" …): removed unless it holds the article (one of
               _HOLDS_ARTICLE, a box with an h1, article or main in it, or a BOX_SHARE of the page's
               text)
    comments   readers' comments ("comments", "kommentare" …): removed unless it is html, head,
               body or main, or holds an h1, main or the text's first paragraph (the first <p> with
               text after the h1: comments come after the text, so a box holding its start is the
               text's, "tonal__main--tone-comment" an opinion piece's; a comment is often an
               <article> of its own, and a section of comments may hold more text than the article)
    prompt     a paywall's or a subscription's prompt ("paywall", "subscribe" …): removed when it
               is short (PROMPT_MAX_WORDS words at most: a prompt, not the text behind the wall)
               and holds no article (as an ad box)

After (trafilatura's tree), `drop_comment_sections(body)` removes a heading that names readers'
comments (the data file COMMENT_HEADINGS, every language's: "Comments", "Kommentare (3)"; its
whole text, a count aside) and what follows it up to the next heading of its rank or above
(trafilatura keeps a comments section whose class says nothing). Comments are never text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import html_data_dir, read_tsv

BOILERPLATE_CLASSES = "boilerplate_classes.tsv"
COMMENT_HEADINGS = "comment_headings.tsv"
AD, COMMENTS, PROMPT, DENIAL = "box", "comments", "prompt", "not"
# in the page (HTML)
_HOLDS_ARTICLE = frozenset({"html", "head", "body", "main", "article"})
_PAGE = frozenset({"html", "head", "body", "main"})
_ARTICLE_INSIDE = ("h1", "article", "main")
_COMMENTS_INSIDE = ("h1", "main")
# in trafilatura's tree
T_HEAD, T_RANK = "head", "rend"  # a heading, its rank as the page's tag ("h2")
_WORD_PARTS_RE = re.compile(r"[-_]")
_COUNT_RE = re.compile(r"[\d\s()\[\]:：.,·|-]+")  # a comment count and punctuation around a heading's words

BOX_SHARE = 3  # a box holding a third of the page's text or more holds the article, whatever its class says
PROMPT_MAX_WORDS = 60  # a paywall's prompt is a heading and a sentence or two; more is the text behind it


@lru_cache(maxsize=1)
def _boilerplate_words() -> dict[str, frozenset[str]]:
    """{kind: its words} of the data file BOILERPLATE_CLASSES."""
    rows = read_tsv(html_data_dir() / BOILERPLATE_CLASSES, what="boilerplate classes")
    return {kind: frozenset(row["word"].lower() for row in rows if row["kind"] == kind)
            for kind in (AD, COMMENTS, PROMPT, DENIAL)}


def _kinds(element, words: dict[str, frozenset[str]]) -> set[str]:
    """The kinds of box the element's class and id words name."""
    found = set()
    for token in f"{element.get('class') or ''} {element.get('id') or ''}".lower().split():
        parts = set(_WORD_PARTS_RE.split(token))
        if words[DENIAL] & parts:
            continue
        found |= {kind for kind in (AD, COMMENTS, PROMPT) if token in words[kind] or words[kind] & parts}
    return found


def _holds(element, tags) -> bool:
    return next(element.iterdescendants(*tags), None) is not None


def _words(element) -> int:
    return len("".join(element.itertext()).split())


def drop_boilerplate_boxes(tree) -> None:
    """Every element whose class or id names an ad, comments or a prompt removed (the module
    contract), its tail kept."""
    words = _boilerplate_words()
    doomed, page, first = [], None, _first_paragraph(tree)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        kinds = _kinds(element, words)
        if COMMENTS in kinds and element.tag not in _PAGE and not _holds(element, _COMMENTS_INSIDE) \
                and not (first is not None and element in first.iterancestors()):
            doomed.append(element)
            continue
        if not kinds - {COMMENTS} or element.tag in _HOLDS_ARTICLE or _holds(element, _ARTICLE_INSIDE):
            continue
        if PROMPT in kinds and _words(element) <= PROMPT_MAX_WORDS:
            doomed.append(element)
            continue
        if AD not in kinds:
            continue
        page = page if page is not None else _words(tree)  # load_html's root element
        if _words(element) * BOX_SHARE < page or page == 0:
            doomed.append(element)
    for element in doomed:  # one inside another removed goes with it, harmlessly removed again
        element.drop_tree()


def _first_paragraph(tree):
    """The first <p> with text after the page's first h1 (else the page's first), or None."""
    seen = tree.find(".//h1") is None
    for element in tree.iter():
        if element.tag == "h1":
            seen = True
        elif seen and element.tag == "p" and "".join(element.itertext()).strip():
            return element
    return None


@lru_cache(maxsize=1)
def _comment_headings() -> frozenset[str]:
    rows = read_tsv(html_data_dir() / COMMENT_HEADINGS, what="comment headings")
    return frozenset(" ".join(row["heading"].casefold().split()) for row in rows)


def names_comments(heading: str) -> bool:
    """Whether a heading's text names readers' comments (COMMENT_HEADINGS), a count aside."""
    words = " ".join(_COUNT_RE.sub(" ", heading).casefold().split())
    return bool(words) and words in _comment_headings()


def _rank(head) -> int:
    """h1 → 1 … h6 → 6; a heading without its rank ends any section (0)."""
    rank = head.get(T_RANK) or ""
    return int(rank[1]) if re.fullmatch(r"h[1-6]", rank) else 0


def drop_comment_sections(body) -> None:
    """Each heading of the body that names comments removed, with what follows it up to the next
    heading of its rank or above."""
    children = list(body)
    i = 0
    while i < len(children):
        head = children[i]
        if not (isinstance(head.tag, str) and head.tag == T_HEAD and names_comments("".join(head.itertext()))):
            i += 1
            continue
        rank, j = _rank(head) or 6, i + 1  # a comments heading without its rank: any heading ends it
        while j < len(children) and not (isinstance(children[j].tag, str) and children[j].tag == T_HEAD
                                         and _rank(children[j]) <= rank):
            j += 1
        for child in children[i:j]:
            body.remove(child)  # trafilatura's blocks: their tails are white space
        i = j
