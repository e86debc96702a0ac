"""The later mentions of the names the "capitals" recogniser found in a text (recognise/capitals.py,
whose contract says them): a person's surname or last words written again, an organisation's
acronym in brackets and its later uses, the byline's author wherever written; and the name part
of a compound title ("PVV" of "PVV-leider", capitalcues.compound_names).

A surname written alone may open with its particle capitalised where the full name writes it in
lower case ("Van der Berg", "De Vries" of "Mark van der Berg", "Peter de Vries", as Dutch writes
them): the mention holds its particles and is that person (`_same_tail`, `_particles_before`).

In a language whose lists say a person is named again by the first words of the name (later_mention
"first": Indonesian writes "Prabowo" after "Prabowo Subianto", "Sri Mulyani" after "Sri Mulyani
Indrawati"), the first word and the first words do so too, the first word before the last where they
name two persons.

`later_mentions(toks, lists, found, author)` turns the runs found, (first, last, type, key, cert)
word indices, into the text's candidates, those mentions added.
"""

from __future__ import annotations

import re

from ..model import ORG, PERSON, PLACE
from .capitalcues import compound_names
from .capitalnouns import compound_parts, genitive_of, nouns_capitalised
from .capitalwords import Tokens, Words
from .ruletable import priority
from .spans import Candidate

AUTHOR, ORG_PRIORITY, PERSON_PRIORITY, PLACE_PRIORITY = (priority(f) for f in ("author", "org", "person", "place"))
_ACRONYM = re.compile(r"\(((?:(?![a-z])[^\W\d_]|[0-9&]){2,10})\)")  # "(FEMA)", "(ÉTS)": checked isupper() below


def later_mentions(toks: Tokens, lists: Words, found: list, author: str | None) -> list[Candidate]:
    """The candidates of the runs found, the later mentions of their persons and acronyms, the author's."""
    surnames: dict[str, str | None] = {}
    firsts: dict[str, str | None] = {}  # by the first word, in a language that names a person so again
    by_first = "first" in lists["later_mention"]
    for first, last, kind, key, _ in found:
        if kind == PERSON and last > first:
            word = toks.words[last]
            surnames[word] = _fuller(surnames.get(word, key), key, lists)  # two persons of one surname: neither
            if by_first and len(toks.words[first]) > 1:  # an initial ("I Wayan Koster") names no one again
                firsts[toks.words[first]] = _fuller(firsts.get(toks.words[first], key), key, lists, at_end=False)
    acronyms: dict[str, str] = {}
    for first, last, kind, key, _ in found:
        if kind == ORG and (m := _ACRONYM.match(toks.text, toks.spans[last][1] + 1)) and m.group(1).isupper() \
                and m.group(1)[0].isalpha() and toks.text[toks.spans[last][1]] == " ":
            acronyms.setdefault(m.group(1), key)
    taken = {i for first, last, *_ in found for i in range(first, last + 1)}
    out = []
    for first, last, kind, key, cert in found:
        full = surnames.get(toks.words[last]) if kind == PERSON else None
        opening = firsts.get(toks.words[first]) if kind == PERSON else None
        if opening and (first == last or opening.startswith(key + " ")):  # "Prabowo", "Sri Mulyani"
            key = opening
        elif full and (first == last or _same_tail(full, key, lists)):  # "Newsom", "García Márquez": the person's key
            key = full
        elif kind == ORG and first == last and toks.words[first] in acronyms:
            key = acronyms[toks.words[first]]  # a listed acronym the text spells out: its organisation's key
        start, end = toks.spans[first][0], toks.spans[last][1]
        out.append(Candidate(start, end, kind, key, cert, _PRIORITY[kind]))
    for i, word in enumerate(toks.words):
        if i in taken:
            continue
        if (stem := genitive_of(lists, word, surnames)) and surnames[stem] and toks.capitalised(i):  # "Söders"
            out.append(Candidate(*toks.spans[i], PERSON, surnames[stem], 0.75, PERSON_PRIORITY))
        elif firsts.get(word) and toks.capitalised(i):  # "Prabowo" alone: "Prabowo Subianto"
            out.append(Candidate(*toks.spans[i], PERSON, firsts[word], 0.75, PERSON_PRIORITY))
        elif surnames.get(word) and toks.capitalised(i):
            begin = i  # a given name before it, not found: a relative, or the person written anew ("Ignatius Mbeki-Ross")
            while begin > 0 and i - begin < 2 and toks.joined(begin) and begin - 1 not in taken \
                    and toks.capitalised(begin - 1) and toks.words[begin - 1] not in lists["not_name"] \
                    and (toks.words[begin - 1].casefold(),) not in lists.titles:  # "Later Newsom": not_name
                begin -= 1
            if begin == i:  # "Van der Berg" of "Mark van der Berg"
                begin = _particles_before(toks, lists, i, surnames[word], taken)
            name, full = toks.surface(begin, i) if begin < i else None, surnames[word]
            key = name if name and not (full == name or _same_tail(full, name, lists)) else full  # "García Márquez" too
            out.append(Candidate(toks.spans[begin][0], toks.spans[i][1], PERSON, key, 0.75, PERSON_PRIORITY))
        elif word in acronyms:
            out.append(Candidate(*toks.spans[i], ORG, acronyms[word], 0.8, ORG_PRIORITY))
    parts = compound_parts(toks, lists, taken) if nouns_capitalised(lists) else []  # "Nato-Ostflanke": Nato
    for start, end, kind in dict.fromkeys(compound_names(toks, lists) + parts):  # "PVV-leider": PVV
        out.append(Candidate(start, end, kind, toks.text[start:end], 0.8, _PRIORITY[kind]))
    if author and author.strip():
        for m in re.finditer(rf"(?<![^\W_]){re.escape(author.strip())}(?![^\W_])", toks.text):
            out.append(Candidate(m.start(), m.end(), PERSON, author.strip(), 0.95, AUTHOR))
    return out


def _fuller(one: str | None, other: str, lists: Words, at_end: bool = True) -> str | None:
    """The fuller of two keys of one person ("Gabriel García Márquez" of it and "García Márquez"; `at_end` False:
    "Sri Mulyani Indrawati" of it and "Sri Mulyani"), None for two."""
    def holds(longer: str, shorter: str) -> bool:
        return _same_tail(longer, shorter, lists) if at_end else longer.startswith(shorter + " ")

    return None if one is None else one if one == other or holds(one, other) else other if holds(other, one) else None


def _same_tail(full: str, name: str, lists: Words) -> bool:
    """Whether `name` is the last words of `full`, its particle capitalised allowed where the lists give it
    so ("Van der Berg" of "Mark van der Berg", "De Vries" of "Peter de Vries")."""
    if full.endswith(" " + name):
        return True
    first = name.split(" ", 1)[0]
    lower = first[:1].lower() + first[1:]
    return first != lower and first in lists["particle"] and lower in lists["particle"] \
        and full.endswith(" " + lower + name[len(first):])


def _particles_before(toks: Tokens, lists: Words, i: int, full: str, taken: set) -> int:
    """The first word of the particles the text writes right before word i (a surname) as the full name
    writes them before its own, the first capitalised where the full name has it in lower case and the
    lists give it so ("Van der" of "Mark van der Berg") or as the full name writes them ("von der" of "Ursula von
    der Leyen"); i for none."""
    parts = full.split(" ")[:-1]
    k, j = i, len(parts) - 1
    while k > 0 and j > 0 and toks.joined(k) and k - 1 not in taken and parts[j] in lists["particle"] \
            and toks.words[k - 1].casefold() == parts[j].casefold():
        k, j = k - 1, j - 1
    capitalised = k < i and toks.capitalised(k) and toks.words[k] != parts[j + 1] and toks.words[k] in lists["particle"]
    as_written = k < i and toks.words[k:i] == parts[j + 1:]  # "von der Leyen", "Van der Bellen", as the full name
    return k if capitalised or as_written else i


_PRIORITY = {ORG: ORG_PRIORITY, PERSON: PERSON_PRIORITY, PLACE: PLACE_PRIORITY}
