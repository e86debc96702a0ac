"""The names shared across articles, as convert looks for them: the corpus register's names
(Register.known_names), and a quick test of whether an article holds one that its own
recognition missed (only then is it recognised again, with those names known).

An article is looked at with the names of the others: the names its own recognition found
(its keys and printed forms, and what is written alike: recognise.tokens.phrase_key) are not
looked for in it (recognise.base.Context.own_names), so that its own spans stay the rules' (a
name the article gives is not "found elsewhere")."""

from __future__ import annotations

from ..recognise.tokens import phrase_key


class SharedNames:
    """(surface, type) pairs and the test `missed_in(text, mentions)`."""

    _EDGE = ",.;:!?()[]“”\"'‘’«»"

    def __init__(self, names):
        self.names = frozenset(names)
        self.surfaces = {surface for surface, _ in self.names}
        self.longest = max((len(s.split()) for s in self.surfaces), default=0)
        # the word a surface of several words begins with (up to its first space): only at such a
        # word can more than one word of the text be one (`missed_in`)
        self._openings = {s.split(" ", 1)[0] for s in self.surfaces if " " in s}

    def for_article(self, text: str, mentions, found) -> frozenset | None:
        """The article's own name forms (Context.own_names), `found` being the (type, key, printed)
        of its own mentions (register.found_names), when it misses one of the names of the
        others (it is then recognised again, with `names` known and those own); else None."""
        own = frozenset(form for _, key, printed in found for form in (key, printed) if form)
        return own if self.missed_in(text, mentions, own) else None

    def missed_in(self, text: str, mentions, own_forms=frozenset()) -> bool:
        """Whether the text writes a name (not one of `own_forms`, written alike) where its
        mentions have none."""
        if not self.surfaces:
            return False
        own = {text[m.start:m.end] for m in mentions}
        own_keys = {phrase_key(form) for form in own_forms}
        words = text.split()
        surfaces, openings = self.surfaces, self._openings
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            if word not in openings:  # one word at most: candidate below for n == 1
                candidate = word.strip(self._EDGE)
                if candidate in surfaces and candidate not in own and phrase_key(candidate) not in own_keys:
                    return True
                continue
            for n in range(1, min(self.longest, len(words) - i) + 1):
                candidate = " ".join(words[i:i + n]).strip(self._EDGE)
                if candidate in self.surfaces and candidate not in own and phrase_key(candidate) not in own_keys:
                    return True
        return False
