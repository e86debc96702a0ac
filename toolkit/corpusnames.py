"""What bears on one article of the names shared across the corpus.

The names convert looks for in every article are the corpus register's
(register.Register.known_names, register.SharedNames). The recogniser marks a known
name only where its syllables are written (recognise.rules._known), and the register
state an article's header records (register.RegisterView.state_of) holds the register's
names whose first syllable is in its text. So a set of names bears on an article only if
the first syllable of one of them is in its text (`bears_on`, the test an incremental
convert uses: teikit.convertrecord).

A look again (convertpasses) reads fewer of them: the recogniser and SharedNames.missed_in
see a name only where it is written whole from a capitalised syllable on (`written_in`, the
test by which a look after the first keeps the last look's result for an article: what the
names that changed between the two looks could change in it).
"""

from __future__ import annotations

import unicodedata

from .recognise.tokens import phrase_key, syllables, words


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


def written_forms(names) -> frozenset:
    """Each name's surface as the lower-case syllables a text's tokens hold where it is written
    (recognise.tokens.Tokens.low): as its phrase key has them (phrase_key, in NFC), and as the
    surface itself is written, should it not be in NFC (SharedNames.missed_in compares it as it is)."""
    forms = set()
    for surface, _ in names:
        forms.add(phrase_key(unicodedata.normalize("NFC", surface))[0::2])
        forms.add(tuple(word.lower() for word in words(surface)))
    forms.discard(())  # a surface without a syllable is matched nowhere
    return frozenset(forms)


def written_in(forms: frozenset, text: str) -> bool:
    """Whether one of the names `forms` (written_forms) is written in `text` from a capitalised
    syllable on: its syllables, lower-cased, those of consecutive tokens of the text
    (recognise.tokens.Tokens, whatever lies between them), the first capitalised. The recogniser
    marks a known name only at a capitalised token where its phrase key matches
    (recognise.rules._known), SharedNames.missed_in sees one only where its surface is written
    whole from a word that begins with a capital (its tokens are then those of the text), and
    neither reads the other names: so a name this says is not written changes neither. It may
    say yes too often, never no where either would see the name (the register state sees more:
    bears_on)."""
    if not forms:
        return False
    firsts = {form[0] for form in forms}
    written = words(text)
    low = None
    for i, word in enumerate(written):
        if not word[0].isupper() or word.lower() not in firsts:
            continue
        if low is None:
            low = [w.lower() for w in written]
        if any(tuple(low[i:i + len(form)]) == form for form in forms if form[0] == low[i]):
            return True
    return False
