"""ASCII folding and slugs: the one place a name becomes ASCII.

    fold(text)           letters without their diacritics (NFC, then NFKD without
                         combining marks), and the letters NFKD does not decompose
                         mapped by hand (đ → d, ø → o, ł → l, ß → ss, æ → ae, œ → oe)
    slug(text, ...)      fold, then every run of characters outside `allowed`
                         becomes one `-`, trimmed of `-` at both ends
    marked_slug(text)    an id slug that keeps the diacritics, written as VNI digits
                         at the end of each word (`Bùi Tiến Dụng` → `bui2-tien61-dung5`,
                         `Dũng` → `dung4`, `đ` → `d9`), so names that differ only in
                         their marks keep different ids; `lossless` says whether every
                         mark had a digit (else ids.py adds a hash)

Register ids (encode/ids.py: `pers-tran2-dai5-quang`, marked_slug), document ids and the safe
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


# VNI digits: the vowel's own mark (circumflex, breve, horn), then its tone.
_MARK_DIGITS = {"\u0302": "6", "\u0306": "8", "\u031b": "7",
                "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_QUALITY = {"6", "7", "8"}
_WORD = re.compile(r"[^\W_]+")


def marked_slug(text: str) -> tuple[str, bool]:
    """(`bui2-tien61-dung5`, lossless) for `Bùi Tiến Dụng`: lowercase ASCII letters and digits
    in words joined by `-`; each word's marks follow it as VNI digits (vowel marks first, then
    the tone). lossless is False when a mark or letter had no digit or ASCII form (the caller
    then makes the id distinct another way)."""
    words, lossless = [], True
    for word in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        letters, quality, tone = [], [], []
        for char in word:
            if char == "đ":
                letters.append("d")
                quality.append("9")
                continue
            base, *marks = unicodedata.normalize("NFD", char)
            base = fold(base)
            letters.append(base)
            for mark in marks:
                digit = _MARK_DIGITS.get(mark)
                if digit is None:
                    lossless = False
                else:
                    (quality if digit in _QUALITY else tone).append(digit)
        ascii_word = "".join(letters)
        if not ascii_word.isascii():
            lossless = False
        words.append(ascii_word + "".join(quality) + "".join(tone))
    return _outside(ID_CHARS).sub("-", "-".join(words)).strip("-"), lossless
