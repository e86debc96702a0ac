"""Corpus-wide names: what one article lends the others, and what bears on one article.

convert's first pass takes from each article the names worth looking for in the others
(`shareable_names`); their union is the corpus's (`CorpusNames`), and the second pass
recognises an article again only when it holds one of them that its own recognition
missed (`CorpusNames.missed_in`). The recogniser marks a known name only where its
syllables are written (recognise.rules._known), so a set of names bears on an article
only if the syllables of one of them follow each other in its text (`bears_on`, the
test an incremental convert uses: teikit.convertrecord).
"""

from __future__ import annotations

import re
import unicodedata

from .model import NAME_TYPES, PERSON
from .recognise.tokens import fold, phrase_key

# Only names this specific travel between articles: a bare two-syllable
# string is too often something else in another article.
_MIN_SHARED_WORDS = 2


def shareable_names(text: str, mentions) -> set[tuple[str, str]]:
    """(surface, type) of the names worth looking for in other articles."""
    found = set()
    for m in mentions:
        surface = text[m.start:m.end]
        if m.type in NAME_TYPES and (m.type != PERSON or len(surface.split()) >= _MIN_SHARED_WORDS):
            found.add((surface, m.type))
    return found


class CorpusNames:
    """Names found across a batch, and a quick test of whether an article holds
    one that its own recognition missed (only then is it recognised again)."""

    _EDGE = ",.;:!?()[]“”\"'‘’«»"

    def __init__(self, names: set[tuple[str, str]]):
        self.names = frozenset(names)
        self.surfaces = {surface for surface, _ in names}
        self.longest = max((len(s.split()) for s in self.surfaces), default=0)

    def missed_in(self, text: str, mentions) -> bool:
        if not self.surfaces:
            return False
        own = {text[m.start:m.end] for m in mentions}
        words = text.split()
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for n in range(1, min(self.longest, len(words) - i) + 1):
                candidate = " ".join(words[i:i + n]).strip(self._EDGE)
                if candidate in self.surfaces and candidate not in own:
                    return True
        return False


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
    no where the recogniser or CorpusNames.missed_in would find the name)."""
    if not phrases:
        return False
    syllables = syllables_of(text)
    present = set(syllables)
    joined = f" {' '.join(syllables)} "
    return any(phrase.split(" ", 1)[0] in present and f" {phrase} " in joined for phrase in phrases)
