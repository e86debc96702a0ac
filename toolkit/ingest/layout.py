"""Find the parts of a plain-text news article by position and shape.

Scraped news text has a stable anatomy: a title first (perhaps after a date
line), paragraphs, perhaps photo captions right after a photo's place-holder
line, and at the very end a byline and/or source credit, often followed by the
site's navigation. None of these is found by listing strings of any one site:
- a date line is a line that is nothing but a date (dateline.py);
- a breadcrumb above the title ("Trang chủ » Thời sự") is short parts parted by » › >,
  none a number, a quotation in « » no part; never dropped when the next line reads
  as a paragraph (the breadcrumb-like line is then the title); so is a section's name alone
  above the title ("Thời sự", then the date line, the title, a paragraph, or the title, the date
  line, a paragraph), a line of
  at most three words before a longer title-shaped line that a paragraph follows;
- the tail is the run of short lines with no sentence punctuation at the end,
  walked backwards from the last line; in it a credit has the form "Theo X" /
  "(Nguồn: X)", a byline the form of a personal name (never a list item). The
  article's ending is the tail's last run of credits, bylines and date lines: the
  short lines before it are the article's (a list, a table of results, a contact
  line: paragraphs), those after it the site's navigation, dropped; in the run the
  last byline is the author's, any other line kept. A tail without any of the
  three is the article's, whole (nothing is dropped that cannot be told from text);
- a caption follows a place-holder line (only no-break spaces) or carries a
  photo credit ("Ảnh: …");
- a lead paragraph opens with an agency tag such as "TTO - " or "(Chinhphu.vn) - ";
- a byline's label ("Bài: ", "Author: ") is one of the data file
  data/languages/author_labels.tsv (`without_author_label` takes it off a page's author);
- a byline may also stand right under the title, as English news print it ("By Jane Miller"):
  the first line of the text when the ending holds no byline and the line is a label and a
  personal name, the label before a colon ("Bài: Nguyễn Văn An") or one the data file marks
  under_title ("By"), the name then holding no function word (gazetteers'
  foreign_function_words.tsv: "By The Numbers" is a heading); a name alone there, or after
  another label without its colon ("Oleh Sentsov", "PV Hà Nội"), is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..agencytag import lead_agency
from ..errors import EmptyArticleError
from ..model import AUTHORS_SEPARATOR, BYLINE, CAPTION, CREDIT, LEAD, PARAGRAPH
from ..resources import gazetteer_dir, language_dir, read_tsv
from .dateline import parse_date_line
from .decode import clean_line, is_placeholder

# a sentence ends in Latin or CJK punctuation (Chinese and Japanese end one with 。！？, close quotes with 」』）)
_SENTENCE_END_RE = re.compile(r"[.!?…:;。！？：；][\"”’)\]»」』）]*$|[\"”’)\]»」』）]$")
_CREDIT_RE = re.compile(r"^\(?\s*(?:theo|nguồn|source)\b\s*:?\s*(?P<who>[^()]{2,80}?)\s*\)?\.?$", re.IGNORECASE)
_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)+/?")


def is_credit(text: str) -> bool:
    """Whether a line is a source credit ("Theo VnExpress", "Nguồn: Reuters", "(Source: AFP)",
    "Nguồn: vnexpress.net"): what follows the word is a name, capitalised, or a site, and no clause
    of a sentence; "Theo kế hoạch, dự án …", "Source of the fire …" are sentences."""
    match = _CREDIT_RE.match(text)
    who = match.group("who") if match else ""
    if len(who.split()) >= 6 and "," in who:  # a clause, then the sentence: "Theo Thủ tướng Phạm Minh Chính, dự án …"
        return False
    return who[:1].isupper() or bool(_DOMAIN_RE.fullmatch(who))  # or a site: "Nguồn: vnexpress.net"


_TRAILING_CREDIT_RE = re.compile(
    r"(?<=[.!?…\"”])\s+(?P<credit>\(?(?:Theo|Nguồn:?)\s+[^.!?()]{2,60}\)?\.?)$"
)
# a photo's label: at the line's start, in brackets, or after a sentence or a dash ("Quang cảnh hội nghị. Ảnh:
# TTXVN", "… - Ảnh: X"), never inside one ("200 bức ảnh: những góc phố …"; "Bài, ảnh: X" is a byline)
_PHOTO_RE = re.compile(r"(?:^|[(\[]\s*|[.!?…;–—-]\s*)(?:ảnh|photo|nguồn ảnh|ảnh minh họa|ảnh minh hoạ)\s*:|\(ảnh\b|ảnh minh h[oọ]ạ?",
                       re.IGNORECASE)
_BYLINE_SUFFIX_RE = re.compile(r"\s*(?:\((?:[^()]{1,40})\)|[-–/]\s*[A-ZĐ][A-Za-zĐđ.]{1,12})\s*$")
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|\s[-–]\s|\svà\s)\s*")
_BREADCRUMB_RE = re.compile(r"\s[>»›]\s|^\s*[>»›]")
_AGENCY_RE = re.compile(r"[A-ZĐÀ-Ỹ][\w&.-]{1,30}")  # one capitalised word: "Reuters", "AFP", "TTXVN"
_ITEM_RE = re.compile(r"^[-–—•·*+▪►✓]\s")  # a list item's mark
_GUILLEMETS_RE = re.compile(r"«[^«»]*»|»[^«»]*«")  # French « », German and Danish » «
_WIDE_RE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")  # CJK, kana, hangul, fullwidth forms
# where a one-line article's first sentence ends: . ! ? before white space and a capital, an
# opening quote or a hangul syllable (Korean), or 。！？ and the quotes they close (Chinese,
# Japanese) before more text
_FIRST_SENTENCE_END_RE = re.compile(r"[.!?](?=\s+[A-ZĐÀ-Ỹ\"“\uac00-\ud7af])|[。！？][」』）”’\"]*(?=\s*\S)")
BREADCRUMB_MAX_WORDS = 5
SECTION_MAX_WORDS = 3  # words of a section's name above the title (_drop_section_label)

TAIL_MAX_WORDS = 20
TAIL_MAX_CHARS = 150
CAPTION_MAX_CHARS = 300


@dataclass(frozen=True)
class Line:
    text: str            # cleaned
    after_photo: bool    # the raw line before it held only (no-break) spaces
    after_blank: bool = False  # a blank line (or a place-holder) before it


@dataclass(frozen=True)
class Layout:
    title: str | None  # None: the text has no title line (lay_out's `titled`)
    date: str | None
    date_text: str | None
    author: str | None
    blocks: tuple[tuple[str, str], ...]  # (kind, text) after the title, in reading order
    dateline: str | None = None  # the date line whole, when it says more than the date (dateline.DateLine)




def lay_out(text: str, *, titled: bool = False) -> Layout:
    """The parts of a text; `titled`: a sidecar gives its title, so that a text may have no title
    line (its first line reads as a paragraph: Layout.title is then None, the line a paragraph)."""
    lines = _lines(text)
    lines = _drop_section_label(_drop_leading_breadcrumbs(lines))
    date = date_text = dateline = None
    for i, line in enumerate(lines[:3]):
        parsed = parse_date_line(line.text)
        if parsed and i == 0 and not titled and len(lines) > 1 and reads_as_paragraph(lines[1].text):
            break  # a paragraph would be the title: the date is the title ("30/4/1975")
        if parsed:
            date, date_text, dateline = parsed
            del lines[i]
            break
    if not lines:
        raise EmptyArticleError("no title and no text")
    title, body = lines[0].text, lines[1:]
    if titled and reads_as_paragraph(title):  # no title line: the sidecar's is the title
        title, body = None, lines
    if not body:
        title, rest = _split_one_line_article(title)
        if not rest:
            raise EmptyArticleError("only a title, no article text")
        body = [Line(rest, False)]
    body, tail = _split_tail(body)
    dated = None  # the tail's date line the article's date is taken from
    if date is None:
        for line in tail:
            parsed = parse_date_line(line.text)
            if parsed:
                date, date_text, dateline = parsed
                dated = line
                break
    # the byline is the last line of the article's ending that has its shape (after a list's lead-in
    # "…:", only one after a blank line: the names under it are the list's); the others are kept
    listed = bool(body) and body[-1].text.endswith((":", "："))
    by = next((line for line in reversed(tail) if not is_credit(line.text) and byline_author(line.text)
               and (line.after_blank or not listed)), None)
    # else one under the title: "By Jane Miller"
    top = body[0] if by is None and len(body) > 1 and _byline_under_title(body[0].text) else None
    blocks = [(BYLINE, line.text) if line is top else (_body_kind(i - (top is not None), line), line.text)
              for i, line in enumerate(body)]
    if not any(kind in (PARAGRAPH, LEAD) for kind, _ in blocks):
        # Captions only make sense beside paragraphs: without any, they are the text.
        blocks, top = [(PARAGRAPH, text) for _, text in blocks], None
    blocks[-1:] = _detach_trailing_credit(*blocks[-1])
    author = byline_author((by or top).text) if by or top else None
    for line in tail:
        if line is dated:
            continue
        kind = CREDIT if is_credit(line.text) else BYLINE if line is by else PARAGRAPH
        blocks.append((kind, line.text))
    return Layout(title, date, date_text, author, tuple(blocks), dateline)


def _lines(text: str) -> list[Line]:
    """Non-empty cleaned lines; hard-wrapped lines (no end punctuation, next starts
    in lower case, no blank line between) are joined back into their paragraph, but
    for the first line, a title, when the next ends in a full stop (a title has none), or ends
    a sentence otherwise and joined they would read as a paragraph (a title without a blank line
    after it, then "iPhone sales rose 6%."; a long title wrapped, its second line without a full
    stop, is one title, as is a question wrapped)."""
    out: list[Line] = []
    previous_raw = ""
    joinable = False
    for raw in text.split("\n"):
        cleaned = clean_line(raw)
        if not cleaned:
            previous_raw, joinable = raw, False
            continue
        joined = f"{out[-1].text} {cleaned}" if joinable and cleaned[0].islower() else None
        if (joined and len(out) == 1 and not reads_as_paragraph(out[0].text)
                and (cleaned.endswith((".", "。")) or _SENTENCE_END_RE.search(cleaned) and reads_as_paragraph(joined))):
            joined = None
        if joined:
            out[-1] = Line(joined, out[-1].after_photo, out[-1].after_blank)
        else:
            out.append(Line(cleaned, is_placeholder(previous_raw), not clean_line(previous_raw)))
        joinable = not _SENTENCE_END_RE.search(out[-1].text)
        previous_raw = raw
    return out


def _drop_leading_breadcrumbs(lines: list[Line]) -> list[Line]:
    """"Trang chủ » Tin tức" above the title; never a long line, never the last one, never a
    line the next of which reads as a paragraph (then it is the title)."""
    while (len(lines) > 1 and len(lines[0].text) <= TAIL_MAX_CHARS and _is_breadcrumb(lines[0].text)
           and not _SENTENCE_END_RE.search(lines[0].text) and not reads_as_paragraph(lines[1].text)):
        lines = lines[1:]
    return lines


def _drop_section_label(lines: list[Line]) -> list[Line]:
    """A section's name above the title ("Thời sự", "Xã hội", "Analysis"), as a page copied from a news
    site begins: a first line of at most SECTION_MAX_WORDS words, no digit and no sentence punctuation,
    before a longer line shaped as a title (perhaps after a date line: no paragraph, no full stop at its
    end, no byline) that a paragraph follows (perhaps after the title's date line under it). A short title before its paragraph, its date line or its byline stays."""
    label = lines[0].text if lines else ""
    if len(lines) < 3 or len(label.split()) > SECTION_MAX_WORDS or any(c.isdigit() for c in label) \
            or _SENTENCE_END_RE.search(label) or byline_author(label):
        return lines
    at = 2 if parse_date_line(lines[1].text) else 1
    text = at + 1  # the paragraph's line: after the title's date line when the date is under the title
    if at == 1 and text + 1 < len(lines) and parse_date_line(lines[text].text):
        text += 1
    if text >= len(lines):
        return lines
    title = lines[at].text
    if reads_as_paragraph(title) or title.endswith((".", "。")) or len(title.split()) <= len(label.split()) \
            or parse_date_line(title) or byline_author(title) or not reads_as_paragraph(lines[text].text):
        return lines
    return lines[1:]


def _is_breadcrumb(text: str) -> bool:
    """Parts parted by » › > (a quotation in « » is no part of it: French sets spaces inside
    them), each at most BREADCRUMB_MAX_WORDS words and none a number ("Inflation > 5%")."""
    text = _GUILLEMETS_RE.sub("«»", text)
    if not _BREADCRUMB_RE.search(text):
        return False
    parts = [part.strip() for part in _BREADCRUMB_RE.split(text) if part.strip()]
    return bool(parts) and all(len(part.split()) <= BREADCRUMB_MAX_WORDS and not part[0].isdigit() for part in parts)


def reads_as_paragraph(text: str) -> bool:
    """Longer than a title, a heading or a tail's line can be."""
    return len(text) > TAIL_MAX_CHARS or len(text.split()) > TAIL_MAX_WORDS


def _split_one_line_article(line: str) -> tuple[str, str]:
    """A file of one long line: its first sentence is the title (a Latin full stop dropped; the
    CJK one, which no space follows, kept)."""
    match = _FIRST_SENTENCE_END_RE.search(line)
    if len(line) + len(_WIDE_RE.findall(line)) < 200 or not match:  # a CJK character counts as two
        return line, ""
    title = line[: match.end()]  # with the quotes a CJK sentence closes ("「…。」")
    return (title.rstrip(".") if match.group(0)[0] in ".!?" else title), line[match.end():].strip()


def _is_tail_line(text: str) -> bool:
    if is_credit(text) or parse_date_line(text):
        return True
    return (len(text) <= TAIL_MAX_CHARS and len(text.split()) <= TAIL_MAX_WORDS
            and not _SENTENCE_END_RE.search(text))


def _split_tail(body: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the article's lines, its ending: the last run of credits, bylines and date lines among the
    short last lines); what follows the ending is the site's navigation, left out."""
    cut = len(body)
    while cut > 1 and _is_tail_line(body[cut - 1].text):
        cut -= 1
    last = next((i for i in range(len(body) - 1, cut - 1, -1) if _ends_article(body[i].text)), None)
    if last is None:
        return body, []
    first = last
    while first > cut and _ends_article(body[first - 1].text):
        first -= 1
    return body[:first], body[first:last + 1]


def _ends_article(text: str) -> bool:
    """A credit, a byline or a date line; never a list item ("- Phố Hàng Đào" is no byline)."""
    return not _ITEM_RE.match(text) and bool(is_credit(text) or parse_date_line(text) or byline_author(text))


def _body_kind(index: int, line: Line) -> str:
    if _PHOTO_RE.search(line.text) and len(line.text) <= CAPTION_MAX_CHARS:
        return CAPTION
    if line.after_photo and len(line.text) <= CAPTION_MAX_CHARS and _sentences(line.text) <= 2:
        return CAPTION
    if index == 0 and lead_agency(line.text):
        return LEAD
    return PARAGRAPH


def _sentences(text: str) -> int:
    return max(1, len(re.findall(r"[.!?…](?:\s|$)|[。！？]", text)))


def _detach_trailing_credit(kind: str, text: str) -> list[tuple[str, str]]:
    """A one-line body often ends in its credit: "… kết thúc. Theo TTXVN"."""
    match = _TRAILING_CREDIT_RE.search(text)
    if kind != PARAGRAPH or not match:
        return [(kind, text)]
    return [(kind, text[: match.start()].rstrip()), (CREDIT, match.group("credit"))]


AUTHOR_LABELS = "author_labels.tsv"
FUNCTION_WORDS = "foreign_function_words.tsv"  # in the gazetteers: English function words, never a name's


@lru_cache(maxsize=2)
def _author_label_re(colon: bool) -> re.Pattern:
    """A byline's label at the start of a name (the data file AUTHOR_LABELS, every language's),
    then a colon (`colon`), else a colon or white space."""
    labels = sorted({row["label"].lower() for row in read_tsv(language_dir() / AUTHOR_LABELS, what="author labels")},
                    key=len, reverse=True)
    forms = [r"\s*,\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in label.split(","))
             for label in labels]
    after = r"\s*[:：]\s*" if colon else r"(?:\s*[:：]\s*|\s+)"
    return re.compile(rf"^(?:{'|'.join(forms)}){after}", re.IGNORECASE)


def without_author_label(name: str) -> str:
    """The name a page gives for its author without a byline's label ("Author John Smith",
    "Автор: Иван Петров", "記者：山田太郎"); the name itself when nothing would be left, or when no colon
    follows the label and one word would be left: a label word may open a name ("Oleh Sentsov", "Von
    Miller", "Par Lagerkvist" are names), but a name in CJK or hangul script is one word ("기자 김민수")."""
    if labelled := _author_label_re(True).match(name):
        return name[labelled.end():].strip() or name
    if labelled := _author_label_re(False).match(name):
        rest = name[labelled.end():].strip()
        return rest if len(rest.split()) >= 2 or _WIDE_RE.match(rest) else name
    return name


def byline_author(text: str) -> str | None:
    """The author's name when the line has the shape of a byline (a label taken off as
    without_author_label takes it: "Bài: …", "By Daniel Reyes"; after a label, one capitalised
    word is an agency's: "By Reuters", "Par AFP"), else None; several names ("TRẦN MAI - NGUYỄN
    TRANG", "A và B") AUTHORS_SEPARATOR apart, each an author (model.author_names)."""
    labelled = _author_label_re(False).match(text)
    if labelled and _AGENCY_RE.fullmatch(rest := text[labelled.end():].strip(" .")):
        return rest
    core = without_author_label(text)
    core = _BYLINE_SUFFIX_RE.sub("", core).strip(" .-–")
    names = [part for part in _AUTHOR_SPLIT_RE.split(core) if part]
    if not names or not all(_is_personal_name(n) for n in names):
        return None
    return AUTHORS_SEPARATOR.join(_title_case(n) for n in names)  # several authors: an <author> each


def _byline_under_title(text: str) -> bool:
    """Whether a text's first line under its title is its byline (the module contract): a label
    before a colon and personal names, or a label marked under_title and one personal name
    holding no function word."""
    if labelled := _author_label_re(True).match(text):
        names = [part for part in _AUTHOR_SPLIT_RE.split(text[labelled.end():].strip(" .")) if part]
        return bool(names) and all(_is_personal_name(name) for name in names)
    labelled = _author_label_re(False).match(text)
    if not labelled or " ".join(text[:labelled.end()].split()).lower() not in _under_title_labels():
        return False
    name = text[labelled.end():].strip(" .")
    return _is_personal_name(name) and len(name.split()) <= 4 and not (
        {word.lower() for word in name.split()} & _function_words())


@lru_cache(maxsize=1)
def _under_title_labels() -> frozenset:
    return frozenset(row["label"].lower() for row in read_tsv(language_dir() / AUTHOR_LABELS, what="author labels")
                     if row.get("under_title") == "yes")


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    return frozenset(row["word"].lower() for row in read_tsv(gazetteer_dir() / FUNCTION_WORDS, what="function words"))


def _is_personal_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() and w.replace(".", "").isalpha() for w in words)


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())
