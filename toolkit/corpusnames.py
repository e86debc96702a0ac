"""What bears on one article of the names shared across the corpus.

The names convert looks for in every article are the corpus register's
(register.Register.known_names, register.SharedNames). The recogniser marks a known
name only where its syllables are written (recognise.rules._known), and the register
state an article's header records (register.RegisterView.state_of) holds the register's
names whose first syllable is in its text. So a set of names bears on an article only if
the first syllable of one of them is in its text (`bears_on`, the test an incremental
convert uses: teikit.convertrecord).
"""

from __future__ import annotations

import unicodedata

from .recognise.tokens import phrase_key, syllables


def name_phrases(names) -> frozenset:
    """Each name's surface as its syllables (phrase_key's, without the gaps), one space apart."""
    return frozenset(" ".join(key[0::2]) for key in (phrase_key(unicodedata.normalize("NFC", s)) for s, _ in names)
                     if key)


def bears_on(phrases: frozenset, text: str) -> bool:
    """Whether one of the names `phrases` (name_phrases) may be marked in `text` or enter its
    register state: the first syllable of one of them is in it, as phrase keys see syllables
    (recognise.tokens.syllables, which state_of reads). It may say yes too often, never no
    where the recogniser, register.SharedNames.missed_in or the register state would see the name."""
    if not phrases:
        return False
    present = syllables(text)
    return any(phrase.split(" ", 1)[0] in present for phrase in phrases)
