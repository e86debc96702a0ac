"""What bears on one article of the names shared across the corpus.

The names convert looks for in every article are the corpus register's
(register.Register.known_names, register.SharedNames). The recogniser marks a known
name only where its syllables are written (recognise.rules._known), so a set of names
bears on an article only if the syllables of one of them follow each other in its text
(`bears_on`, the test an incremental convert uses: teikit.convertrecord).
"""

from __future__ import annotations

import re
import unicodedata

from .recognise.tokens import fold, phrase_key

_SYLLABLE = re.compile(r"\w+")


def syllables_of(text: str) -> list[str]:
    """The folded, lower-cased syllables of a text in order, as the recogniser's tokens see them."""
    return [word.lower() for word in _SYLLABLE.findall(fold(unicodedata.normalize("NFC", text)))]


def name_phrases(names) -> frozenset:
    """Each name's surface as its syllables (phrase_key's, without the gaps), one space apart."""
    return frozenset(" ".join(key[0::2]) for key in (phrase_key(unicodedata.normalize("NFC", s)) for s, _ in names)
                     if key)


def bears_on(phrases: frozenset, text: str) -> bool:
    """Whether one of the names `phrases` (name_phrases) may be written in `text`: its syllables
    follow each other there, whatever lies between them (so it may say yes too often, never
    no where the recogniser or register.SharedNames.missed_in would find the name)."""
    if not phrases:
        return False
    syllables = syllables_of(text)
    present = set(syllables)
    joined = f" {' '.join(syllables)} "
    return any(phrase.split(" ", 1)[0] in present and f" {phrase} " in joined for phrase in phrases)
