"""A web page's bytes → an Article: its main text without the site around it, kept as structure.

The main text is found by trafilatura (boilerplate — navigation, related links, comments,
share bars, cookie notices — left out; comments are never kept), after the boxes whose class or
id says they are ads, readers' comments or a paywall's prompt are removed from the page, whatever
its language, and before a section headed as comments is (ingest/htmlboxes.py). Its tree maps onto
the article's blocks:

    head (h1–h6)      → a section heading (SUBHEAD), except a repeat of the title, which is the title,
                        and a "heading" as long as a paragraph (a lead set in h2), which is one;
                        a heading with no text under it before the next is dropped; a p whose text is
                        a page's h2–h6 (trafilatura makes some a <p>) is one too (`_sub_headings`)
    div               → its blocks, as though it were not there (trafilatura's fallback extraction keeps
                        the page's boxes: ingest/htmlblocks.py)
    a lead box        → the first paragraph when trafilatura left it out: a box whose class names a lead
                        ("sapo", "description") right after the headline (ingest/htmllead.py)
    p                 → paragraphs; the first is the lead when it opens with an agency tag; a first
                        line (or paragraph) that is the title again is not text
    table             → a data table (CELL blocks, ingest/htmlblocks.py); a layout table is text, as
                        are paragraphs parted by <br><br> (htmlblocks, before trafilatura reads the page)
    list/item         → list items (ITEM), one block per item, an item of a list in an item too (after
                        the item's own text: the list is flat)
    quote             → block quotations (QUOTE), one block per paragraph quoted and per run of text between them
    figcaption        → a caption (CAPTION: figure/head), whatever its text (`_figure_captions`)
    graphic + p       → the paragraph right after an image is its caption when it is short and
                        has no sentence end, as is any short paragraph with a photo credit ("Ảnh: …")
    the first block   → a paragraph, whatever it was (the encoding's article opens with one)
    a date line first → the printed publication date (ingest/dateline.py), not text
    the last lines    → a byline or source credit when they have that shape (ingest/layout.py)

Metadata comes from the page: title (the headline, not the site's name beside it in a <title>:
ingest/pagetitle.py), author (without a label such as "Author:", "Автор:": the
data file of ingest/layout.py), publication date, site name, canonical URL,
licence and description (trafilatura, from meta tags, JSON-LD and the page), and the language the
page declares (`<html lang>`, `Content-Language` or `og:locale`: SourceMeta.declared_language, which
teikit.language checks against the text); a NAME.meta.json sidecar overrides each.
The publication date is only one the page declares: JSON-LD datePublished, a date meta tag
(article:published_time …), a `<time datetime>` or date element, the URL (htmldate without its
extensive search), else a date line opening the text; never a copyright year or a date in the
running text. A page that declares none has no date (as a text without a date line). A
declared date is taken whatever the day of the run (htmldate's latest date is LATEST_DATE, not
today's: the same page gives the same TEI on any day).
What the page's inline markup says that trafilatura loses (a live blog's times, <q>'s quotation
marks, a note's reference and back-link) is written into its text first (ingest/htmlmarks.py).
The character encoding is decided in ingest/charset.py; when the page's declaration was wrong,
SourceMeta.encoding_warning says so (convert prints it, naming the file).

Public entry: `article_from_html(data, name, …)`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..errors import EmptyArticleError, UntitledArticleError
from ..language import DEFAULT_LANGUAGE, canonical_tag
from ..model import (BYLINE, CAPTION, CELL, CREDIT, HEAD, ITEM, LEAD, PARAGRAPH, QUOTE, SUBHEAD, Article, Capture,
                     SourceMeta, join_blocks)
from ..agencytag import lead_agency
from .charset import read_page
from .dateline import parse_date_line
from .htmlboxes import drop_boilerplate_boxes, drop_comment_sections
from .htmllead import page_lead, with_lead
from .htmlmarks import drop_back_links, mark_quotations, set_off_note_references, stamp_updates
from .pagetitle import headline
from .decode import clean_line, normalise
from .htmlblocks import (flatten_layout_tables, split_break_runs, table_as_paragraphs, table_blocks, table_shapes,
                         unwrap_boxes, unwrap_layout_tables)
from .layout import (_PHOTO_RE, _SENTENCE_END_RE, CAPTION_MAX_CHARS, TAIL_MAX_CHARS,
                     _is_tail_line, byline_author, is_credit, reads_as_paragraph, without_author_label)

__all__ = ["article_from_html", "page_language"]

_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")
_CONTENT = (PARAGRAPH, LEAD, ITEM, QUOTE, CELL)  # what a section holds besides captions
SUB_HEADINGS = ("h2", "h3", "h4", "h5", "h6")  # the page's (h1 is the headline)
_BREAKS = {"lb", "br"}
_NESTED_LIST = frozenset({"list"})  # an item's own text leaves out a list in it: its items are items
LATEST_DATE = "2199-12-31"  # the latest publication date taken (teikit reads years 1000-2199), the same every day


def article_from_html(data: bytes, name: str, stem: str, sha256: str, *, meta: dict, where: str,
                      http_charset: str | None = None, capture: Capture | None = None) -> Article:
    """The article of one web page. `meta` is the sidecar's fields (they win); `sha256` the source
    file's; `capture` where a web archive captured it."""
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    decoded = read_page(data, http_charset)
    text = _CHARACTER_REFERENCE.sub(_held_reference, normalise(decoded.text))
    tree = load_html(text)
    if tree is None:
        raise EmptyArticleError("no HTML document in it", path=where)
    language = page_language(tree)
    drop_boilerplate_boxes(tree)
    stamp_updates(tree)
    mark_quotations(tree, language)
    set_off_note_references(tree)
    drop_back_links(tree)
    lead = page_lead(tree)  # after the marks: read as trafilatura will read its text (with_lead compares them)
    split_break_runs(tree)
    unwrap_layout_tables(tree)
    shapes = table_shapes(tree)
    captions, headings = _figure_captions(tree), _sub_headings(tree)
    document = trafilatura.bare_extraction(
        tree, url=capture.uri if capture else None, include_comments=False, include_tables=True,
        include_images=True, include_formatting=True, include_links=False, with_metadata=True,
        favor_recall=True, date_extraction_params={**set_date_params(extensive=False), "max_date": LATEST_DATE},
        config=_trafilatura_config())
    if document is None or document.body is None:
        raise EmptyArticleError("no article text found in the page", path=where)
    printed = _clean(headline(tree, document.title, document.sitename))  # the page's own title, its head; a sidecar's is the header's
    unwrap_boxes(document.body)
    flatten_layout_tables(document.body, _text_of)
    drop_comment_sections(document.body)
    blocks, date_line = _blocks(document.body, printed, captions, shapes, headings)
    blocks = with_lead(blocks, lead, LEAD if lead and lead_agency(lead) else PARAGRAPH)  # a lead trafilatura left out
    if not printed:
        heads = [i for i, (kind, *_) in enumerate(blocks) if kind == SUBHEAD]
        if heads:
            printed = blocks.pop(heads[0])[1]
    title = meta.get("title") or printed
    if not title and blocks:  # a sidecar can give it (not to a web archive's page)
        hint = "" if capture else f"; give one as \"title\" in {stem}.meta.json"
        raise UntitledArticleError(f"no title (the page has no <title>, title meta tag or heading){hint}", path=where)
    if not title:
        raise EmptyArticleError("no title and no text", path=where)
    if not any(kind in _CONTENT for kind, *_ in blocks):
        if not blocks:
            raise EmptyArticleError("only a title, no article text", path=where)
        blocks = [(PARAGRAPH, text) for _, text in blocks]
    blocks = _drop_empty_sections(blocks)
    opening = next((i for i, (kind, *_) in enumerate(blocks) if kind != CAPTION), None)
    if opening is not None and blocks[opening][0] == CELL:  # an article opens with a paragraph
        blocks = table_as_paragraphs(blocks, opening)
    elif opening is not None and blocks[opening][0] not in (PARAGRAPH, LEAD):
        blocks[opening] = (PARAGRAPH, blocks[opening][1])
    blocks, byline = _tail(blocks)
    page_date = _iso_day(document.date)
    date = meta.get("date") or page_date
    date_text = dateline = None
    if date_line and page_date not in (None, date_line.when):  # another day ("Cập nhật: 07/03/2024"): text
        blocks = [(PARAGRAPH, date_line.line or date_line.printed), *blocks]
    elif date_line and (date is None or date_line.when == date):  # not when a sidecar gives another
        date, date_text, dateline = date_line
    page_author = _page_author(document.author)
    author = meta.get("author") or byline or page_author
    return Article(
        name=name, stem=stem, sha256=sha256, title=title, date=date, date_text=date_text, author=author,
        blocks=join_blocks(((HEAD, printed or title),) + tuple(blocks)),
        meta=SourceMeta(
            url=meta.get("url") or _clean(document.url) or (capture.uri if capture else None),
            publisher=meta.get("publisher") or _clean(document.sitename),
            licence=meta.get("licence") or _clean(document.license),
            language=meta.get("language") or language or DEFAULT_LANGUAGE,
            author=meta.get("author") or page_author,
            stated_language=meta.get("language"),
            declared_language=language,
            description=_clean(document.description),
            encoding_warning=decoded.warning,
        ),
        capture=capture,
        dateline=dateline,
    )


def page_language(tree) -> str | None:
    """The language tag the page declares, as BCP 47 writes it ("zh-TW", "zh-Hant", "pt-BR": a
    script or region is kept), or None."""
    declared = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language":
            declared.append(meta.get("content"))
        elif (meta.get("property") or "").lower() == "og:locale":
            declared.append(meta.get("content"))
    for value in declared:
        first = (value or "").strip().split(",")[0].strip().replace("_", "-")  # og:locale writes "pt_BR"
        if _LANG_RE.match(first) and (tag := canonical_tag(first)):
            return tag
    return None


# trafilatura tries jusText on an extraction shorter than this (its default 250 characters), and
# jusText reads a short Chinese or Japanese article as one paragraph with its title and date line
# in it: 250 characters of such text are a whole article (100 Latin-script words are ~600).
MIN_EXTRACTED_CHARS = 100


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


def _sub_headings(tree) -> Counter[str]:
    """The texts of the page's sub-headings (SUB_HEADINGS), each as many times as the page gives it:
    a paragraph of that text is a sub-heading (trafilatura makes some a <p>: "<h3>…</h3>" of a text's
    second section), unless it reads as a paragraph."""
    return Counter(text for heading in tree.iter(*SUB_HEADINGS) if (text := clean_line(" ".join(heading.itertext()))))


def _figure_captions(tree) -> Counter[str]:
    """The texts of the page's figcaptions (the whole and each paragraph), each as many times as
    figcaptions give it: a paragraph of that text is a caption wherever trafilatura puts it, as
    often as the page has such a caption (a paragraph of the body that says the same again stays
    a paragraph). A figcaption of text and inline markup (no paragraph in it) becomes one
    paragraph in it (trafilatura keeps a caption's paragraphs and drops its bare text)."""
    texts: Counter[str] = Counter()
    for caption in tree.iter("figcaption"):
        if not any(child.tag in ("p", "div") for child in caption) and "".join(caption.itertext()).strip():
            paragraph = caption.makeelement("p", {})
            paragraph.text, caption.text = caption.text, None
            paragraph.extend(list(caption))
            caption.append(paragraph)
        texts.update({clean_line(glue.join(part.itertext()))  # inline markup joined as it is, or spaced like <br>
                      for part in (caption, *caption.iter("p")) for glue in ("", " ")} - {""})
    return texts


def _clean(value) -> str | None:
    if not value or not isinstance(value, str):
        return None
    return clean_line(value) or None


def _page_author(value) -> str | None:
    """trafilatura's author ("A; B"), each name without a byline's label ("Author John Smith")."""
    names = [without_author_label(name) for name in (_clean(value) or "").split("; ") if name]
    return "; ".join(names) or None


def _iso_day(value: str | None) -> str | None:
    match = re.match(r"^\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None


# A numeric character reference to a character no XML holds (U+FFFE, U+FFFF, a C0 control, a surrogate):
# parsed, it made the page's tree unreadable to trafilatura (the whole page was lost, "no article text").
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?")


def _held_reference(match) -> str:
    """The reference as written when XML holds its character (its Char production); else nothing."""
    point = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    held = point in (0x9, 0xA, 0xD) or 0x20 <= point <= 0xD7FF or 0xE000 <= point <= 0xFFFD or 0x10000 <= point <= 0x10FFFF
    return match.group(0) if held else ""


def _quote_parts(quote) -> list[str]:
    """A quotation's blocks: each paragraph its own, and the text between them one block a run (an
    embedded tweet's "— Name (@handle) date" after its paragraph); without paragraphs, its text."""
    if not any(isinstance(child.tag, str) and child.tag == "p" for child in quote):
        return [_text_of(quote)]
    parts, run = [], [quote.text or ""]
    for child in quote:
        if isinstance(child.tag, str) and child.tag == "p":
            parts += [clean_line("".join(run)), _text_of(child)]
            run = []
        elif isinstance(child.tag, str):
            run.append(" " if child.tag in _BREAKS else _text_of(child))
        run.append(child.tail or "")
    return parts + [clean_line("".join(run))]


def _text_of(element, leave_out: frozenset = frozenset()) -> str:
    """The element's text, every line break a space, white space folded; its children of `leave_out` tags not."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in leave_out:
            parts.append(child.tail or "")
            continue
        if child.tag in _BREAKS:
            parts.append(" ")
        elif child.tag in ("list", "item", "p", "row", "cell"):
            parts.append(" " + _text_of(child) + " ")
        else:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return clean_line("".join(parts).replace("\n", " "))  # the page's own line ends are spaces too


def _blocks(body, title: str | None, captions: Counter[str] | None, shapes: dict, headings: Counter[str] | None = None
            ) -> tuple[list[tuple], tuple[str, str] | None]:
    """(kind, text) of the body's blocks in reading order ((CELL, text, Cell) of a table's), and a
    leading date line (ISO, printed); a paragraph whose text is a figcaption's (`captions`, each text
    as often as it counts) is a caption, a table's roles are its shape's (htmlblocks.table_shapes)."""
    captions, headings = Counter(captions or ()), Counter(headings or ())
    blocks: list[tuple] = []
    date_line, after_image, tables = None, False, 0
    for element in body:
        if not isinstance(element.tag, str):
            continue
        tag = element.tag
        if tag == "graphic":
            after_image = True
            continue
        found: list[tuple[str, str]] = []
        if tag == "head":
            text = _text_of(element)
            if text and reads_as_paragraph(text):  # a lead set as a heading
                found.append((_paragraph_kind(text, False, not blocks), text))
            elif text and text != title:
                found.append((SUBHEAD, text))
        elif tag == "list":
            found = [(ITEM, t) for t in (_text_of(item, _NESTED_LIST) for item in element.iter("item")) if t]
        elif tag == "quote":
            found = [(QUOTE, t) for t in _quote_parts(element) if t]
        elif tag == "table":
            found, tables = table_blocks(element, shapes, tables, _text_of), tables + 1
        else:
            text = _text_of(element)
            if text and not blocks and title and (rest := _after_title_line(element, text, title)) is not None:
                text = rest  # the title printed again as the text's first line (an old page's, in bold)
            if text and not blocks and date_line is None and (parsed := parse_date_line(text)):
                date_line = parsed
                continue
            if captions[text] > 0:
                captions[text] -= 1
                found.append((CAPTION, text))
            elif headings[text] > 0 and text != title and not reads_as_paragraph(text):  # a page's <h3> made a <p>
                headings[text] -= 1
                found.append((SUBHEAD, text))
            elif text:
                found.append((_paragraph_kind(text, after_image, not blocks), text))
        after_image = False
        blocks.extend(found)
    return blocks, date_line


def _after_title_line(element, text: str, title: str) -> str | None:
    """The paragraph's text after its first line (up to a line break) when that line is the title."""
    line = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BREAKS:
            break
        line += [_text_of(child) if isinstance(child.tag, str) else "", child.tail or ""]
    line = clean_line("".join(line))
    return text[len(line):].strip() if line.casefold() == title.casefold() and text.startswith(line) else None


def _paragraph_kind(text: str, after_image: bool, first: bool) -> str:
    short = len(text) <= CAPTION_MAX_CHARS
    if short and _PHOTO_RE.search(text):
        return CAPTION
    if after_image and len(text) <= TAIL_MAX_CHARS and not _SENTENCE_END_RE.search(text):
        return CAPTION
    if first and lead_agency(text):
        return LEAD
    return PARAGRAPH


def _drop_empty_sections(blocks):
    """A heading with no paragraph, list, quotation or table under it before the next heading (a box
    title left over, a trailing "Read more") is dropped; its captions, if any, stay."""
    kept = []
    for i, block in enumerate(blocks):
        if block[0] == SUBHEAD:
            rest = blocks[i + 1:]
            upto = next((j for j, (k, *_) in enumerate(rest) if k == SUBHEAD), len(rest))
            if not any(k in _CONTENT for k, *_ in rest[:upto]):
                continue
        kept.append(block)
    return kept


def _tail(blocks):
    """The last paragraphs as a byline and credits when they have that shape; (blocks, author)."""
    cut = len(blocks)
    while cut > 1 and blocks[cut - 1][0] == PARAGRAPH and _is_tail_line(blocks[cut - 1][1]):
        cut -= 1
    body, author, ending = blocks[:cut], None, []
    for kind, text in blocks[cut:]:
        if is_credit(text):
            ending.append((CREDIT, text))
        elif author is None and (name := byline_author(text)):
            author = name
            ending.append((BYLINE, text))
        else:
            ending.append((kind, text))
    # A byline and credits end the article: a paragraph after them stays a paragraph before them.
    paragraphs = [b for b in ending if b[0] not in (BYLINE, CREDIT)]
    return body + paragraphs + [b for b in ending if b[0] in (BYLINE, CREDIT)], author
