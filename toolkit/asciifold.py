"""ASCII folding and slugs: the one place a name becomes ASCII.

    fold(text)           letters without their diacritics (NFC, then NFKD without
                         combining marks), and the letters NFKD does not decompose
                         mapped by hand (đ → d, ø → o, ł → l, ß → ss, æ → ae, œ → oe)
    slug(text, ...)      fold, then every run of characters outside `allowed`
                         becomes one `-`, trimmed of `-` at both ends

Register ids (encode/ids.py: `pers-tran-dai-quang`), document ids and the safe
file names of a deposit (deposit/safenames.py) are all made with these, so one
name folds the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_BY_HAND = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})
ID_CHARS = "a-z0-9"
FILE_CHARS = "A-Za-z0-9._-"


def fold(text: str) -> str:
    """`Đà Nẵng` → `Da Nang`; characters with no ASCII form are kept as they are."""
    text = unicodedata.normalize("NFC", text).translate(_BY_HAND)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def _outside(allowed: str) -> re.Pattern:
    return re.compile(f"[^{allowed}]+")


def slug(text: str, *, allowed: str = ID_CHARS, lower: bool = True) -> str:
    """`Lê Văn Bình` → `le-van-binh` (or with `allowed=FILE_CHARS, lower=False`: `Le-Van-Binh`)."""
    folded = fold(text)
    return _outside(allowed).sub("-", folded.lower() if lower else folded).strip("-")
