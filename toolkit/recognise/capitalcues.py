"""The words around a run of capitalised words that say what it names, for the "capitals"
recogniser (recognise/capitals.py, whose contract says what each one makes of a run).

Each function reads the Tokens of a text and the language's Words (recognise/capitalwords.py)
and changes nothing: `first` and `last` are the indices of a run's first and last word. Word
lists of several words are word tuples (Words.titles, sayings, place_cues, place_before,
org_before, heads) matched word by word, the words joined ("a", "déclaré"; "près", "de"); titles,
verbs of saying and place cues ignoring case, heads and names as written.
"""

from __future__ import annotations

import re

from ..asciifold import fold
from ..model import ORG, PLACE
from .capitalnouns import listed_form, suffixed_title
from .capitalwords import SPACES, Tokens, Words

OTHER = "other"  # a listed other_name: an event's, a competition's, a prize's or a law's name, no entity


def listed(toks: Tokens, lists: Words, run: list[int]) -> str | None:
    """ORG, PLACE or OTHER (other_name: no entity) when the whole run is a listed name, with a genitive
    ending or declined too ("Deutschlands": capitalnouns.listed_form), else None (a run longer than any is none)."""
    if not run or len(run) >= lists.longest:
        return None
    whole = toks.surface(run[0], run[-1])
    whole = listed_form(lists, whole) or whole  # "Deutschlands", "der Europäischen Union"
    return ORG if whole in lists["org"] else PLACE if whole in lists["place"] \
        else OTHER if whole in lists["other_name"] else None


def phrase_before(toks: Tokens, first: int, phrases: frozenset, spaced: bool = False) -> bool:
    """Whether one of the (case-folded) word tuples ends right before word `first`, joined to
    it (`spaced`: after one space, not right after an elision)."""
    if first == 0 or not (toks.gap(first) in SPACES if spaced else toks.joined(first)):
        return False
    for size in {len(p) for p in phrases}:
        begin = first - size
        if begin >= 0 and all(toks.joined(k) for k in range(begin + 1, first)) \
                and tuple(w.casefold() for w in toks.words[begin:first]) in phrases:
            return True
    return False


def phrase_after(toks: Tokens, last: int, phrases: frozenset) -> bool:
    """Whether one of the (case-folded) word tuples follows word `last` after one space."""
    if last + 1 >= toks.n or toks.gap(last + 1) not in SPACES:
        return False
    for size in {len(p) for p in phrases}:
        end = last + 1 + size
        if end <= toks.n and all(toks.joined(k) for k in range(last + 2, end)) \
                and tuple(w.casefold() for w in toks.words[last + 1:end]) in phrases:
            return True
    return False


def lower_head(toks: Tokens, lists: Words, first: int) -> tuple[int, str] | None:
    """(the head's first word, ORG or PLACE) when a lower-case head (org_lower_first,
    place_lower_first) stands before the run, right before it or before one or two connectors:
    "ministère de l'Intérieur", "l'université Paris-Saclay", "rue de Rivoli" (a head written with a
    capital opens a run of its own, head_opening, and is none before a part of one: "Europese Commissie
    en het Europees Parlement" holds no head before "Europees", "Wali Kota Bandung" is Bandung)."""
    at = first
    for _ in range(3):
        for words, kind in lists.heads:
            begin = at - len(words)
            if begin >= 0 and not words[0][0].isupper() and all(toks.joined(k) for k in range(begin + 1, at + 1)) \
                    and tuple(toks.words[begin:at]) == words:
                return begin, kind
        if at == 0 or not toks.joined(at) or toks.words[at - 1] not in lists["connector"]:
            return None
        at -= 1
    return None


def head_opening(toks: Tokens, lists: Words, run: list[int]) -> str | None:
    """ORG or PLACE when a head of org_lower_first or place_lower_first written with a capital
    opens the run before more words ("CHU Grenoble-Alpes", "Institut Pasteur")."""
    for words, kind in lists.heads:
        if len(run) > len(words) and tuple(toks.words[run[0]:run[0] + len(words)]) == words:
            return kind
    return None


def event_rest(toks: Tokens, lists: Words, run: list[int]) -> list[int] | None:
    """None, unless an event's first word and a connector open the run ("Tour de France", "Copa del
    Rey"): then what follows the event's name past its next connector, to be read on its own ("Copa del
    Rey en Sevilla": "Sevilla"; often nothing)."""
    if len(run) < 3 or toks.words[run[0]] not in lists["event"] or toks.words[run[1]] not in lists["connector"]:
        return None
    after = next((k for k in range(3, len(run)) if toks.words[run[k]] in lists["connector"]), len(run))
    return run[after + 1:]


def place_word_around(toks: Tokens, lists: Words, first: int, last: int) -> bool:
    """"Hưng Yên province", "the Fishtown neighborhood"; "the suburbs of Paiporta" (place_of)."""
    after = last + 1 < toks.n and toks.joined(last + 1) and toks.words[last + 1] in lists["place_after"]
    return after or any(first >= size and all(toks.joined(k) for k in range(first - size + 1, first + 1))
                        and tuple(toks.words[first - size:first]) in lists.place_before for size in (1, 2, 3))


def org_word_around(toks: Tokens, lists: Words, first: int, last: int) -> bool:
    """"the IG Metall union"; "Spain's weather agency, AEMET," (between commas after an org word);
    "el partido Vox", "la tecnológica estadounidense Nvidia" (org_of right before, a title_adjective
    allowed between)."""
    if last + 1 < toks.n and toks.joined(last + 1) and toks.words[last + 1] in lists["org_noun"]:
        return True
    before = first - 1 if first > 1 and toks.joined(first) and toks.words[first - 1] in lists["title_adjective"] \
        else first
    if any(before >= size and all(toks.joined(k) for k in range(before - size + 1, before + 1))
           and tuple(toks.words[before - size:before]) in lists.org_before for size in (1, 2)):
        return True
    return first > 0 and toks.gap(first) == ", " and toks.words[first - 1] in lists["org_noun"] \
        and toks.text.startswith(",", toks.spans[last][1])


def said_by_the(toks: Tokens, lists: Words, first: int, last: int) -> bool:
    """"The Rijksmuseum said …": an article before, a verb of saying after (a person has no article)."""
    return first > 0 and toks.joined(first) and toks.words[first - 1] in lists["article"] \
        and phrase_after(toks, last, lists.sayings)


def saying_beside(toks: Tokens, lists: Words, first: int, last: int, sayings: frozenset | None = None) -> bool:
    """A verb of saying (of `sayings`, else the language's) right before or right after the run, one space
    between, and no article before it: a person has none ("the Philippine Red Cross said": said_by_the)."""
    if first > 0 and toks.joined(first) and toks.words[first - 1] in lists["article"]:
        return False
    sayings = lists.sayings if sayings is None else sayings
    return phrase_before(toks, first, sayings, spaced=True) or phrase_after(toks, last, sayings)


def apposed(toks: Tokens, first: int, last: int) -> bool:
    """Between commas after a lower-case noun: "His wife, X Y, said", "Her lawyer, X Y, said"."""
    return first > 0 and toks.gap(first) == ", " and toks.words[first - 1].islower() \
        and toks.text.startswith(",", toks.spans[last][1]) and not possessive(toks, first - 1)


def title_length(toks: Tokens, lists: Words, run: list[int]) -> int:
    """How many words of the run a title is ("Secretary of State Antony Blinken": 3; a capitalised
    title_adjective, "Le Danois Jonas Vingegaard": 1; a compound title, "PVV-leider Geert Wilders": 1),
    0 for none."""
    folded = [toks.words[i].casefold() for i in run[:5]]  # a title is four words at most
    for size in range(min(len(run) - 1, 4), 0, -1):
        if tuple(folded[:size]) in lists.titles or (size == 1 and suffixed_title(lists, toks.words[run[0]])):
            return size  # "Bundesinnenminister Alexander Dobrindt": a title_suffix too
    return int(len(run) > 1 and toks.capitalised(run[0]) and (toks.words[run[0]] in lists["title_adjective"]
                                                              or compound_title(lists, toks.words[run[0]]) is not None))


def compound_title(lists: Words, word: str) -> tuple[int, str] | None:
    """(the length of its name part, ORG or PLACE) when the word is a listed organisation or place, a hyphen
    and a title written as one ("PVV-leider", "EU-commissaris", "GroenLinks-PvdA-leider",
    "NAVO-secretaris-generaal"), else None."""
    at = word.find("-")
    while at > 0:
        name, title = word[:at], word[at + 1:]
        if ((title.casefold(),) in lists.titles or suffixed_title(lists, title)) and (kind := ORG if name in lists["org"] else PLACE
                                                    if name in lists["place"] else None):
            return at, kind
        at = word.find("-", at + 1)
    return None


def compound_names(toks: Tokens, lists: Words) -> list[tuple[int, int, str]]:
    """(start, end, ORG or PLACE) of the name part of each compound title in the text ("PVV" of "PVV-leider")."""
    return [(toks.spans[i][0], toks.spans[i][0] + found[0], found[1]) for i, word in enumerate(toks.words)
            if "-" in word and (found := compound_title(lists, word))]


def surname_run(toks: Tokens, lists: Words, run: list[int]) -> float:
    """A person's cert for a run that is a surname opening with a capitalised particle as the lists write it,
    lower-case particles after it and one capitalised word no list knows ("De Vries", "Van der Berg", "Ten
    Hag"): 0.85 after a lower-case title ("premier De Jonge"), 0.7 beside a verb of saying ("De Vries zei");
    else 0 (an article, "De" of "De VVD", is one only before a listed name)."""
    if len(run) < 2:
        return 0
    words, last = toks.words, run[-1]
    if not toks.capitalised(run[0]) or words[run[0]] not in lists["particle"] \
            or any(toks.capitalised(i) or words[i] not in lists["particle"] for i in run[1:-1]) \
            or words[last].isupper() or not_a_surname(lists, words[last]) or listed(toks, lists, run[-1:]):
        return 0
    if lower_title_before(toks, lists, run[0]) or adjective_title_before(toks, lists, run[0]):
        return 0.85
    return 0.7 if saying_beside(toks, lists, run[0], last) else 0


def not_a_surname(lists: Words, word: str) -> bool:
    """A title, a head, a word that opens no name or is none alone ("Minister", "Politie", "Gemeente")."""
    return (word.casefold(),) in lists.titles or any(word in lists[kind] for kind in (
        "org_head", "org_first", "place_head", "place_first", "not_name", "not_alone"))


def person_part(toks: Tokens, lists: Words, run: list[int]) -> list[int]:
    """[k], the place in the run of the first connector joining a person's name to a listed one, when the run
    opens with a given name and only particles stand between ("Jan de Vries van de VVD": the "de" before
    "VVD"; name_joins), else []."""
    joins = name_joins(toks, lists, run)
    if not joins or not given(lists, toks.words[run[0]]):
        return []
    between = [toks.words[i] for i in run[1:joins[0]] if not toks.capitalised(i)]
    return joins[:1] if all(word in lists["particle"] for word in between) else []


def lower_title_before(toks: Tokens, lists: Words, first: int) -> bool:
    """A title in lower case right before the run ("spokesman John Kirby")."""
    return first > 0 and toks.joined(first) and toks.words[first - 1].islower() \
        and (toks.words[first - 1],) in lists.titles


def title_connector_before(toks: Tokens, lists: Words, first: int) -> bool:
    """A title in lower case, then one or two connectors, right before the run: what follows is the
    title's complement ("el presidente del Gobierno …", "la ministra de Sanidad …")."""
    at = first
    for _ in range(2):
        if at == 0 or not toks.joined(at) or toks.words[at - 1] not in lists["connector"]:
            return False
        at -= 1
        if lower_title_before(toks, lists, at):
            return True
    return False


def complement_start(toks: Tokens, lists: Words, run: list[int]) -> int:
    """Where a person's name opens in the words after a title and a connector, the title's complement
    before it ("Sanidad Mónica García": 1): at the first given name after the run's first word and past a
    listed name opening the run ("San Sebastián Eneko Goia": 2), two words at least; 0 for none."""
    start = 1 + max((end for end in range(min(len(run), lists.longest)) if listed(toks, lists, run[:end + 1])),
                    default=0)
    return next((k for k in range(start, len(run) - 1) if given(lists, toks.words[run[k]])
                 and toks.words[run[k - 1]] not in lists["connector"]), 0)


def person_after_head(toks: Tokens, lists: Words, run: list[int]) -> int:
    """Where a person's name opens in a run a capitalised head opens after a lower-case title and a connector
    ("Senato Ignazio La Russa" after "il presidente del": 1; complement_start), no connector after it; 0 for none."""
    k = complement_start(toks, lists, run) if title_connector_before(toks, lists, run[0]) else 0
    return 0 if any(toks.words[i] in lists["connector"] for i in run[k:]) else k


def in_listed(toks: Tokens, lists: Words, run: list[int], k: int) -> bool:
    """Whether the run's k-th word is in a listed name of two words or more the run holds ("y" in "Castilla
    y León", "Salud" in "Organización Mundial de la Salud")."""
    return any(listed(toks, lists, run[a:b + 1]) for a in range(max(0, k - lists.longest), k + 1)
               for b in range(max(a + 1, k), min(len(run), a + lists.longest)))


def name_joins(toks: Tokens, lists: Words, run: list[int]) -> list[int]:
    """The connectors of a run (their places in it) that join two names: one that is no particle, or a
    particle before a listed name ending the run or a joining connector ("Ana Pérez del PSOE"; "Caroline
    van der Plas van BBB en …"; "Luis de Guindos" has none)."""
    words = toks.words
    ends = [k for k, i in enumerate(run) if words[i] in lists["connector"] and words[i] not in lists["particle"]]
    return [k for k, i in enumerate(run) if words[i] in lists["connector"] and (words[i] not in lists["particle"] or any(
        listed(toks, lists, run[k + 1:end]) for end in (*[e for e in ends if e > k + 1], len(run))))]


def second_name(toks: Tokens, lists: Words, run: list[int], kind: str = ORG) -> int:
    """The place in the run of an org_connector after which, past an article, a second organisation's
    name opens with its head or is listed ("Tribunal Supremo y la Audiencia Nacional", "Policía
    Nacional y los Mossos"; not a place: "Cámara de Comercio de Sevilla y Huelva" is one), or a title
    opens a person's ("Universiteit Leiden en Kamerlid Pieter Omtzigt"), none inside a listed name; in a
    run a place's capitalised head opens (`kind` PLACE), a second place's too ("Kota Bandung dan Kabupaten
    Bandung"); 0 for none."""
    for k in range(1, len(run) - 1):
        if toks.words[run[k]] in lists["org_connector"] and not in_listed(toks, lists, run, k):
            rest = run[k + 2:] if toks.words[run[k + 1]] in lists["article"] else run[k + 1:]
            # with the article a listed name holds: "de Volkskrant en Het Laatste Nieuws"
            named = (head_opening(toks, lists, rest), listed(toks, lists, rest), listed(toks, lists, run[k + 1:]))
            if rest and (ORG in named or title_length(toks, lists, rest) or (kind == PLACE and PLACE in named[:2])):
                return k
    return 0


_DATELINE_ENDS = (",", " —", " –", " -", " (")
_AGENCY_DASH = re.compile(r"\) [-–—] ")


def dateline(toks: Tokens, run: list[int]) -> bool:
    """A run in capitals before a comma, a dash or a bracket that opens a line ("SACRAMENTO, Calif. —",
    "BRUSSELS —"), or follows an agency's name in capitals in brackets and a dash that open it
    ("(ANSA) - MILANO, 3 maggio -"): a dateline's place."""
    first, last = run[0], run[-1]
    if not all(toks.words[i].isupper() and len(toks.words[i]) > 1 for i in run) \
            or not toks.text.startswith(_DATELINE_ENDS, toks.spans[last][1]):
        return False
    agency = first - 1
    return toks.line_start(first) or (agency >= 0 and toks.line_start(agency) and toks.words[agency].isupper()
                                      and toks.gap(agency).endswith("(") and bool(_AGENCY_DASH.fullmatch(toks.gap(first))))


def listed_place_after(toks: Tokens, lists: Words, last: int) -> bool:
    """", California" right after the run (the whole of the next run, not "California's"): the run
    is a place in that listed one."""
    if last + 1 >= toks.n or toks.gap(last + 1) not in (", ", ",\u00a0"):
        return False
    end = last + 1
    while end + 1 < toks.n and toks.joined(end + 1) and toks.capitalised(end + 1):
        end += 1
    return toks.surface(last + 1, end) in lists["place"] and not possessive(toks, end)


def possessive(toks: Tokens, i: int) -> bool:
    return bool(toks.possessive) and toks.text.startswith(toks.possessive, toks.spans[i][1])


def given(lists: Words, word: str) -> bool:
    """A given name, or given names joined by hyphens ("Marie-Anne")."""
    return word in lists["given"] or ("-" in word and all(part in lists["given"] for part in word.split("-")))


def opens_names(lists: Words, word: str) -> bool:
    """A word that may open a name: a given name, a title (a compound one too, "PVV-leider"), an org_first or a
    place_first."""
    return given(lists, word) or (word.casefold(),) in lists.titles or suffixed_title(lists, word) \
        or word in lists["org_first"] \
        or word in lists["place_first"] or ("-" in word and compound_title(lists, word) is not None)


def adjective_title_before(toks: Tokens, lists: Words, first: int) -> bool:
    """A title and a title_adjective in lower case right before the run ("le président sénégalais
    Bassirou Diomaye Faye")."""
    return first > 1 and toks.joined(first) and toks.words[first - 1] in lists["title_adjective"] \
        and lower_title_before(toks, lists, first - 1)


def surname_alone(toks: Tokens, lists: Words, first: int, last: int) -> bool:
    """Whether the run's last word is written alone elsewhere in the text, as news writes a person
    again by the surname ("Bukayo Saka … Saka said"): capitalised, no capitalised word joined to
    it on either side, never after an article ("the Grizzlies": a team), and no word of the lists
    (a head, a title, a word that opens no name: "the Court"); the run's first word is no function
    word ("But Morant")."""
    word = toks.words[last]
    if toks.words[first].casefold() in lists.function_words or (word.casefold(),) in lists.titles \
            or any(word in lists[kind] for kind in ("org_head", "place_head", "not_name", "not_alone")):
        return False
    return _written_alone(toks, lists).get(word, False)


def _written_alone(toks: Tokens, lists: Words) -> dict[str, bool]:
    """Each word the text writes alone (no capitalised word joined to it on either side): whether it
    never follows an article there. Made once per text (kept on its Tokens): a text of many runs is
    read once, not once a run."""
    made = getattr(toks, "_written_alone", None)
    if made is None:
        made = {}
        for i, word in enumerate(toks.words):
            if (toks.joined(i) and toks.capitalised(i - 1)) or (i + 1 < toks.n and toks.joined(i + 1)
                                                                  and toks.capitalised(i + 1)):
                continue
            after_article = i > 0 and toks.joined(i) and toks.words[i - 1].casefold() in lists["article"]
            made[word] = made.get(word, True) and not after_article
        toks._written_alone = made
    return made


def named_before_acronyms(toks: Tokens, lists: Words) -> list[tuple[int, int, int]]:
    """(first, last, acronym) word indices of an organisation's name written before its acronym in
    brackets, lower-case words allowed inside ("l'Office français de la biodiversité (OFB)"): the
    name opens at the nearest capitalised word back (one space or an elision between its words)
    from which the initials spell the acronym, in order, starting with its first letter; a name
    holding a lower-case word that is no connector only."""
    out, inside = [], lists["connector"] | lists["particle"]
    for i in range(2, toks.n):
        word, last = toks.words[i], i - 1
        if not (word[0].isupper() and len(word) >= 2 and word.isalpha() and toks.gap(i) == " ("
                and toks.text.startswith(")", toks.spans[i][1])):
            continue
        letters = _folded_initial(word)
        begin = last
        while begin >= 0 and last - begin < _ACRONYM_SPAN:
            if toks.capitalised(begin) and toks.words[begin] not in lists["article"] \
                    and _spells(letters, [_folded_initial(w)[0] for w in toks.words[begin:last + 1]]):
                if any(not toks.capitalised(k) and toks.words[k] not in inside for k in range(begin, last + 1)):
                    out.append((begin, last, i))  # a name of capitals alone is the runs' (capitals.py)
                break
            if not toks.joined(begin):
                break
            begin -= 1
    return out


_ACRONYM_SPAN = 14  # words of a name before its acronym, at most


def _folded_initial(word: str) -> str:
    """The word's letters case-folded, without their accents ("Unédic": "unedic"): asciifold.fold,
    the one folding of names."""
    return fold(word).casefold()


def _spells(acronym: str, initials: list[str]) -> bool:
    """Whether the initials spell the acronym in order, the first initial its first letter."""
    if not initials or initials[0] != acronym[0]:
        return False
    rest = iter(initials[1:])
    return all(any(letter == initial for initial in rest) for letter in acronym[1:])
