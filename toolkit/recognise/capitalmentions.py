"""The later mentions of the names the "capitals" recogniser found in a text (recognise/capitals.py,
whose contract says them): a person's surname or last words written again, an organisation's
acronym in brackets and its later uses, the byline's author wherever written.

`later_mentions(toks, lists, found, author)` turns the runs found, (first, last, type, key, cert)
word indices, into the text's candidates, those mentions added.
"""

from __future__ import annotations

import re

from ..model import ORG, PERSON, PLACE
from .capitalwords import Tokens, Words
from .ruletable import priority
from .spans import Candidate

AUTHOR, ORG_PRIORITY, PERSON_PRIORITY, PLACE_PRIORITY = (priority(f) for f in ("author", "org", "person", "place"))
_ACRONYM = re.compile(r"\(((?:(?![a-z])[^\W\d_]|[0-9&]){2,10})\)")  # "(FEMA)", "(ÉTS)": checked isupper() below


def later_mentions(toks: Tokens, lists: Words, found: list, author: str | None) -> list[Candidate]:
    """The candidates of the runs found, the later mentions of their persons and acronyms, the author's."""
    surnames: dict[str, str | None] = {}
    for first, last, kind, key, _ in found:
        if kind == PERSON and last > first:
            word = toks.words[last]
            surnames[word] = _fuller(surnames.get(word, key), key)  # two persons of one surname: neither
    acronyms: dict[str, str] = {}
    for first, last, kind, key, _ in found:
        if kind == ORG and (m := _ACRONYM.match(toks.text, toks.spans[last][1] + 1)) and m.group(1).isupper() \
                and m.group(1)[0].isalpha() and toks.text[toks.spans[last][1]] == " ":
            acronyms.setdefault(m.group(1), key)
    taken = {i for first, last, *_ in found for i in range(first, last + 1)}
    out = []
    for first, last, kind, key, cert in found:
        full = surnames.get(toks.words[last]) if kind == PERSON else None
        if full and (first == last or full.endswith(" " + key)):  # "Newsom", "García Márquez": the person's key
            key = full
        elif kind == ORG and first == last and toks.words[first] in acronyms:
            key = acronyms[toks.words[first]]  # a listed acronym the text spells out: its organisation's key
        start, end = toks.spans[first][0], toks.spans[last][1]
        out.append(Candidate(start, end, kind, key, cert, _PRIORITY[kind]))
    for i, word in enumerate(toks.words):
        if i in taken:
            continue
        if surnames.get(word) and toks.capitalised(i):
            begin = i  # a given name before it, not found: a relative, or the person written anew ("Ignatius Mbeki-Ross")
            while begin > 0 and i - begin < 2 and toks.joined(begin) and begin - 1 not in taken \
                    and toks.capitalised(begin - 1) and toks.words[begin - 1] not in lists["not_name"] \
                    and (toks.words[begin - 1].casefold(),) not in lists.titles:  # "Later Newsom": not_name
                begin -= 1
            name, full = toks.surface(begin, i) if begin < i else None, surnames[word]
            key = name if name and not (full == name or full.endswith(" " + name)) else full  # "García Márquez" too
            out.append(Candidate(toks.spans[begin][0], toks.spans[i][1], PERSON, key, 0.75, PERSON_PRIORITY))
        elif word in acronyms:
            out.append(Candidate(*toks.spans[i], ORG, acronyms[word], 0.8, ORG_PRIORITY))
    if author and author.strip():
        for m in re.finditer(rf"(?<![^\W_]){re.escape(author.strip())}(?![^\W_])", toks.text):
            out.append(Candidate(m.start(), m.end(), PERSON, author.strip(), 0.95, AUTHOR))
    return out


def _fuller(one: str | None, other: str) -> str | None:
    """The fuller of two keys of one person ("Gabriel García Márquez" of it and "García Márquez"), None for two."""
    return None if one is None else one if one == other or one.endswith(" " + other) \
        else other if other.endswith(" " + one) else None


_PRIORITY = {ORG: ORG_PRIORITY, PERSON: PERSON_PRIORITY, PLACE: PLACE_PRIORITY}
