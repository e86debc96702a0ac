"""The corpus names (Context.known_names) in text of a language written with capitals, for the
"capitals" recogniser (recognise/capitals.py): a name found elsewhere in the corpus is marked
wherever this text writes it, as the Vietnamese rules mark theirs (rules.py, step 8), so that a
person named once with a title ("President Bassirou Diomaye Faye") is marked in the article that
writes the name alone.

`known_candidates(toks, lists, known_names, own_names, found)`: the candidates of the known
names written in the text (Tokens: its words as the recogniser splits them), a name matched word
by word, one space between its words, its first word capitalised; cert 0.8, the priorities
known-person and known-name (ruletable). Not marked:
- a form of a name this text's own recognition found (Context.own_names, written alike:
  tokens.phrase_key): there the text's own rules decide, as they did;
- a name inside a longer one the rules found here or a date (`found`: "University of California"
  where California is known, "May 2024" where May is): the outermost name is marked;
- a name of one word where it opens a sentence, or that the text also writes in lower case
  ("Apple", "apple"): only the text's own rules mark it, where they see a name.
A span the rules found keeps their key; any other is keyed as written.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import NAME_TYPES, PERSON
from .capitalwords import Tokens, Words, words
from .ruletable import priority
from .spans import Candidate, inside_longer
from .tokens import phrase_key

KNOWN_PERSON, KNOWN_NAME = priority("known-person"), priority("known-name")
CERT = 0.8


@lru_cache(maxsize=4)
def _index(known_names: frozenset, code: str) -> dict[str, list[tuple[tuple, str]]]:
    """First word -> (the name's words, its type), longest first (one corpus's names: cached)."""
    lists = words(code)
    index: dict[str, list] = {}
    for surface, kind in sorted(known_names):
        if kind not in NAME_TYPES or not surface.strip():
            continue
        parts = tuple(Tokens(surface, lists).words)
        if parts and parts[0][0].isupper():
            index.setdefault(parts[0], []).append((parts, kind))
    for names in index.values():
        names.sort(key=lambda name: -len(name[0]))
    return index


def known_candidates(toks: Tokens, lists: Words, known_names: frozenset, own_names: frozenset,
                     found: list[Candidate]) -> list[Candidate]:
    index = _index(known_names, lists.code)
    if not index:
        return []
    own = {phrase_key(form) for form in own_names}
    keys = {(c.start, c.end, c.type): c.key for c in found}
    spans = sorted((c.start, c.end) for c in found)
    lower = {word for word in toks.words if word.islower()}
    out = []
    for i, word in enumerate(toks.words):
        for parts, kind in index.get(word, ()):
            size = len(parts)
            if tuple(toks.words[i:i + size]) != parts or not all(toks.joined(k) for k in range(i + 1, i + size)):
                continue
            if size == 1 and (toks.sentence_start(i) or word.casefold() in lower):
                break
            start, end = toks.spans[i][0], toks.spans[i + size - 1][1]
            if phrase_key(toks.text[start:end]) in own or inside_longer(spans, start, end):
                break
            out.append(Candidate(start, end, kind, keys.get((start, end, kind), toks.text[start:end]), CERT,
                                 KNOWN_PERSON if kind == PERSON else KNOWN_NAME))
            break  # the longest known name written here
    return out
