"""The data that flows between stages: an Article from ingest, Mentions from recognise.

Offsets are character offsets into `Article.text`, the NFC-normalised text of
the article's blocks joined by blank lines, so a recogniser sees the whole
article at once (names found early are known later) and encode can map each
mention back to the block that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

BLOCK_SEPARATOR = "\n\n"

# Block kinds, in the order they may appear in an article.
HEAD = "head"          # the article's title
LEAD = "lead"          # a lead / sapo paragraph
PARAGRAPH = "p"
CAPTION = "caption"    # a photo caption whose photo is not in the source
BYLINE = "byline"      # the author line
CREDIT = "credit"      # a source credit such as "Theo TTXVN" or "(Nguồn: …)"
# Structure a web page gives (ingest/html.py); a plain-text article has none of it.
SUBHEAD = "subhead"    # a heading inside the article: opens a section that runs to the next one
ITEM = "item"          # an item of a list; consecutive items are one list
QUOTE = "quote"        # a block quotation
CELL = "cell"          # a cell of a data table, or its caption (Block.cell says where); consecutive cells of one table are one table
BLOCK_KINDS = (HEAD, LEAD, PARAGRAPH, CAPTION, SUBHEAD, ITEM, QUOTE, CELL, BYLINE, CREDIT)

# Mention types.
PERSON = "person"
ORG = "org"
PLACE = "place"
DATE = "date"
DURATION = "duration"  # a length of time the text gives without a start ("10 năm"): not a date
# A date of the lunar calendar ("mùng 6 Tết", "rằm tháng Giêng") has no Gregorian value: its Mention's
# attrs hold calendar="#LUNAR_CALENDAR", the xml:id of the calendar the TEI header declares (encode).
LUNAR_CALENDAR = "lunar-calendar"
ROLE = "role"
ABBR = "abbr"
MENTION_TYPES = (PERSON, ORG, PLACE, DATE, DURATION, ROLE, ABBR)
# When two mentions cover the same characters, the earlier type wraps the later
# (a role around an org, a name around an abbreviation).
OUTER_FIRST = {t: i for i, t in enumerate((ROLE, ORG, PERSON, PLACE, DATE, DURATION, ABBR))}
NAME_TYPES = (PERSON, ORG, PLACE)

# What may sit inside what: the one nesting policy of the encoding. A mention
# may hold only mentions of the types listed for its own type (and, inside
# those, what they may hold). A role holds the organisation or place it is an
# office of ("ROLE ORG"); a person's name holds the roles that
# qualify it (TEI: roleName is a part of persName; the encoder attaches a role
# written right before the name or in apposition after it, encode/inline.py);
# a name holds its abbreviations; a name never holds another name: a place or person named inside an organisation's
# name is part of that name (the outermost name is marked), and of two nested
# names of one kind only the outer is kept. A date holds nothing and an
# abbreviation (choice: abbr + expan) holds only its own two parts; a duration
# (measure) holds nothing.
# Used by the rules (recognise/spans.py), the combination (recognise/combined.py)
# and the encoder (encode/inline.py); the Schematron rule `name-nesting`, the
# ODD's and docs/encoding.md's nesting tables say the same, which
# tests/test_nesting.py checks pair by pair.
MAY_CONTAIN = {
    ROLE: frozenset({ORG, PLACE, ABBR}),
    PERSON: frozenset({ROLE, ABBR}),
    ORG: frozenset({ABBR}),
    PLACE: frozenset({ABBR}),
    DATE: frozenset(),
    DURATION: frozenset(),
    ABBR: frozenset(),
}


def may_contain(outer: str, inner: str) -> bool:
    """Whether a mention of type `inner` may sit inside one of type `outer`."""
    return inner in MAY_CONTAIN[outer]


CAPTION_ROW = -1  # Cell.row of a table's caption (its head)


@dataclass(frozen=True)
class Cell:
    """Where a CELL block sits: a table of the article (counted from 0), its row and column (from
    0; the row CAPTION_ROW for the table's caption), whether it is a label (a header cell, th)
    and whether its row is (a header row: thead, or th cells only). A table's empty cells are no
    blocks: the encoder fills the places no block takes."""

    table: int
    row: int
    column: int
    label: bool = False
    label_row: bool = False


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    start: int  # offset of text[0] in Article.text
    cell: Cell | None = None  # a CELL block's place in its table

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class SourceMeta:
    """What is known of the original publication; a NAME.meta.json sidecar overrides guesses."""

    url: str | None = None
    publisher: str | None = None  # the site or paper
    licence: str | None = None
    language: str = "vi"  # the article's language (BCP 47), as teikit.language decided it
    author: str | None = None
    stated_language: str | None = None    # the sidecar's "language": beats every other source
    declared_language: str | None = None  # what the page declares (html lang): checked against the text
    description: str | None = None  # the page's own summary (meta description)
    encoding_warning: str | None = None  # one line (without the file name): its declared charset was wrong


@dataclass(frozen=True)
class Capture:
    """Where and when a web page was captured (a WARC response record), as distinct from when
    it was published: the record's target URI, its WARC-Date, id and payload digest."""

    uri: str
    date: str            # WARC-Date as recorded, e.g. 2024-03-05T10:00:00Z
    record_id: str
    payload_digest: str


AUTHORS_SEPARATOR = "; "  # between the names of an article's several authors (a page's, a sidecar's)


def author_names(author: str | None) -> tuple[str, ...]:
    """The names of an article's authors: Article.author parted at AUTHORS_SEPARATOR."""
    return tuple(name.strip() for name in (author or "").split(AUTHORS_SEPARATOR) if name.strip())


@dataclass(frozen=True)
class Article:
    name: str            # the source file name, e.g. 000_x.txt
    stem: str            # the file name without extension; output files are <stem>.xml
    sha256: str          # of the source bytes, before any decoding
    title: str
    date: str | None     # ISO 8601 publication date, if the source gives one
    date_text: str | None  # the date as printed in the source
    author: str | None   # several authors AUTHORS_SEPARATOR apart (author_names)
    blocks: tuple[Block, ...]
    meta: SourceMeta = field(default_factory=SourceMeta)
    capture: Capture | None = None  # only for a page read from a web archive
    dateline: str | None = None  # the source's date line whole, when it says more than the date (its weekday, time, zone)

    @property
    def text(self) -> str:
        return BLOCK_SEPARATOR.join(b.text for b in self.blocks)


def join_blocks(kinds_and_texts) -> tuple[Block, ...]:
    """Blocks with their offsets, from (kind, text) pairs in reading order ((kind, text, Cell) for a cell)."""
    blocks, pos = [], 0
    for kind, text, *cell in kinds_and_texts:
        blocks.append(Block(kind, text, pos, *cell))
        pos += len(text) + len(BLOCK_SEPARATOR)
    return tuple(blocks)


@dataclass(frozen=True)
class Mention:
    """One marked span. Spans may nest (an org inside a role) but never cross.

    key: the entity's canonical name for persons, orgs and places (all mentions
    of one entity share it within an article and across a corpus); the expansion
    for abbreviations; the role's normal form for roles; '' for dates.
    attrs: for dates the TEI attributes (when, from, to, notBefore, notAfter, dur);
    for durations quantity and unit (year | month | week | day), measure's.
    resp: the recogniser that found it ('rules', 'crf', ...); cert in [0, 1].
    """

    start: int
    end: int
    type: str
    key: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    resp: str = "rules"
    cert: float = 0.9

    def surface(self, text: str) -> str:
        return text[self.start:self.end]

    def __reduce__(self):
        # its fields in order, not a dataclass's state dict: an article's mentions travel between
        # convert's passes (teikit.convertpasses), and this pickles and unpickles them several times faster
        return Mention, _mention_fields(self)


# every field of Mention, in order (a field added later travels too: never reset by a pickle)
_mention_fields = attrgetter(*(f.name for f in fields(Mention)))
