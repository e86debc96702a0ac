"""Vietnamese collation: the one place names are put in order (registers, index, facets).

    sort_key(text)   a string whose code-point order is the Vietnamese order of `text`
                     (Python's sorted(..., key=sort_key), SQLite's ORDER BY on it alike)
    letter(text)     the letter of the alphabet `text` files under: "Đ", "Ă", "A" …,
                     "#" for a name that starts with no letter
    LETTERS          the letters of the jump bar, in order (ALPHABET, then the other
                     Latin letters F J W Z in their places)

Order: the letters of the Vietnamese alphabet
A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y (F, J, W, Z, which
foreign names use, where the Latin alphabet has them), digits before letters,
a word ending before any letter ("Lê An" < "Lê Anh"), other characters
ignored. Tones are secondary: they decide only between names equal without
them, in the order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ, as CLDR's
Vietnamese collation); then letter case (lower first), then the text itself,
so that the order is total and the same on every run.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = tuple("A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y".split())
# Every letter in collation order: the Vietnamese alphabet with F J W Z where Latin puts them.
_ORDER = tuple("A Ă Â B C D Đ E Ê F G H I J K L M N O Ô Ơ P Q R S T U Ư V W X Y Z".split())
LETTERS = _ORDER
OTHER = "#"

# Combining marks: those that make a letter of its own (Ă Â Ê Ô Ơ Ư) and the five tones.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_RANK = {letter: i for i, letter in enumerate(_ORDER)}

# Characters of the primary key: a word break, digits, then letters (code points chosen so
# that plain code-point comparison of the key is the collation).
_BREAK = "\u0001"
_DIGIT0 = 0x30          # '0'..'9' stay themselves, below every letter
_LETTER0 = 0x100        # letters from here, in _ORDER
_LEVEL = "\u0000"       # between the levels of the key: below everything


def _letters(text: str):
    """(base letter in capitals, its tone 0-5, upper case?) per letter or digit of `text`;
    (None, 0, False) for a word break; other characters give nothing."""
    for char in unicodedata.normalize("NFC", text):
        if char.isspace() or char in "-–—/":
            yield None, 0, False
            continue
        if char.isdigit():
            yield char, 0, False
            continue
        if not char.isalpha():
            continue
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        letter_marks = ""
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                letter_marks += mark
        upper = base.isupper() or char == "Đ"
        if char in "đĐ":
            name = "Đ"
        else:
            name = unicodedata.normalize("NFC", base.upper() + letter_marks)
        yield name, tone, upper


@lru_cache(maxsize=8192)  # names recur within a page's list; a bound keeps a large site's memory flat
def sort_key(text: str) -> str:
    """The collation key of `text` (see the module docstring)."""
    primary, tones, cases = [], [], []
    pending_break = False
    for name, tone, upper in _letters(text):
        if name is None:
            pending_break = bool(primary)
            continue
        if pending_break:
            primary.append(_BREAK)
            pending_break = False
        if name.isdigit():
            primary.append(chr(_DIGIT0 + int(name)) if name.isascii() else chr(_DIGIT0 + unicodedata.digit(name, 0)))
        elif name in _RANK:
            primary.append(chr(_LETTER0 + _RANK[name]))
        else:  # a letter of another script: after every Latin letter, by code point
            primary.append(chr(_LETTER0 + len(_ORDER) + ord(name[0])))
        tones.append(chr(0x30 + tone))
        cases.append("1" if upper else "0")
    return _LEVEL.join(("".join(primary), "".join(tones), "".join(cases), unicodedata.normalize("NFC", text)))


def letter(text: str) -> str:
    """The jump-bar letter of `text`: its first letter's base ("Đặng" -> "Đ"), else "#"."""
    for name, _tone, _upper in _letters(text):
        if name is None:
            continue
        return name if name in _RANK else OTHER
    return OTHER


def sorted_names(names):
    """`names` in Vietnamese order."""
    return sorted(names, key=sort_key)


_SLUGS = {"Ă": "aw", "Â": "aa", "Đ": "dd", "Ê": "ee", "Ô": "oo", "Ơ": "ow", "Ư": "uw", OTHER: "other"}


def letter_slug(name: str) -> str:
    """An ASCII file-name part for a letter of LETTERS (or "#"), Telex-style: "Đ" -> "dd", "Ư" -> "uw"."""
    return _SLUGS.get(name, name.lower())
