"""How the words of the date data (data/languages/months.tsv, date_words.tsv) are matched in a text:
the one place, for the date lines of ingest (ingest/dateline.py) and the dates of any language
(recognise/anydates.py).

    word_key(name)      a word as it is looked up: NFC (the text's form), case folded, its words
                        parted by one space ("كانون الثاني" written across two spaces or a line break)
    alternatives(words) the words as a regex group's alternatives, the longest first, any white
                        space between the words of one
    BIDI_SPACE          white space between a date's parts, with the marks that set the direction
                        of right-to-left text beside it ("5\u200f مارس 2024")
    date_rows(name)     the rows of a date data file (MONTHS, DATE_WORDS), read once a process
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .resources import language_dir, read_tsv
from .whitespace import BIDI_MARKS

MONTHS, DATE_WORDS = "months.tsv", "date_words.tsv"

BIDI_SPACE = rf"[{BIDI_MARKS}]*\s+[{BIDI_MARKS}]*"


def word_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def alternatives(words) -> str:
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def date_rows(name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(language_dir() / name, what="date data"))
