"""The spelling of Vietnamese syllables: is a word spelled like one?

Vietnamese writes every syllable as an onset, a nucleus of one to three vowels
and a coda, from a closed set of each; a word outside that shape is foreign
("Macron", "Nishikori"). This is orthography, not a lexicon: the letter sets
are the alphabet's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The vowel letters (tone marks aside): a one-letter word that is one is a syllable ("Y tế").
VOWELS = frozenset("aăâeêioôơuưy")
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
# onset, vowel nucleus (one to three vowels), coda: the shape of every Vietnamese syllable
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
                          r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?")


@lru_cache(maxsize=8192)
def foreign_word(word: str) -> bool:
    """A word no Vietnamese syllable is spelled like ("Macron", "Nishikori", "Shin"; not "Kim")."""
    bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS))
    return word.isalpha() and not _VI_SYLLABLE.fullmatch(bare)
