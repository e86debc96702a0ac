"""Persons, organisations and places in text of a language that writes names with capitals
(English, French, Spanish, Portuguese, Italian, Dutch, Indonesian, German), from the language's word lists: the
"capitals" recogniser. A language that writes every noun with a capital too (German: its lists' setting
nouns_capitalised) reads the rules below as recognise/capitalnouns.py says: a run needs a cue of the lists.

Its data are data/languages/names/<code>.tsv (the kinds of words, said in that file's header)
and <code>_places.tsv (CLDR's countries and world regions, tools/make_name_places.py), read by
recognise/capitalwords.py; a language with such a file has this recogniser (registry.LANGUAGES). Its dates are the
language-neutral ones (anydates.find_any_dates), in the language's month names.

A name is a run of words each written with a capital (or all in capitals), one space between
them, a connector allowed inside ("University of California"); an article before it ("the White
House"), a possessive ending ("Newsom's"), an elided article ("l'ONU": capitalwords.Tokens) and
words that never open a name (days, months, pronouns: not_name) stay outside. A listed name with
lower-case words that opens in a run carries the run on ("Assemblée nationale"), and so does an
enumeration past a comma ending an organisation's name ("Ministry of Health, Labour and Welfare":
capitalruns.py). What a run
names, first rule that holds (the words around it: recognise/capitalcues.py):

0. a lower-case head (org_lower_first, place_lower_first) stands before it, right before or
   before one or two connectors ("le ministère de l'Intérieur", "rue de Rivoli"), or such a head
   written with a capital opens it before more words ("Institut Pasteur"; an org_connector before a
   second organisation's head or listed name parts it: "Tribunal Supremo y la Audiencia Nacional", and
   in a run a place's head opens, a second place's: "Kota Bandung dan Kabupaten Bandung"; after a
   lower-case title and a connector, a given name parts the person from it, "il presidente del Senato
   Ignazio La Russa"; past words opening a sentence that open no name, "Sementara Dinas Pendidikan …"):
   an organisation or a place, the head inside the span: 0.8;
1. the whole run is listed (org, place): cert 0.9; a listed other_name (an event's, a prize's,
   a law's: "Ronde van Vlaanderen") is no entity, nor any name inside it;
2. a title opens it or stands right before it ("President Joe Biden", "Gov. Gavin Newsom",
   "spokesman John Kirby"; a title_adjective between, "le président sénégalais …", or one
   capitalised opening it, "Le Danois …"; a listed name, a hyphen and a title written as one word,
   "PVV-leider Geert Wilders", the name part an organisation or a place of its own): a person, the
   title outside the span: 0.85; a surname opening with a particle the lists give capitalised, after a
   lower-case title or beside a verb of saying, is a person too ("premier De Croo", "De Vries zei",
   "aldus Van der Berg": 0.85, 0.7; capitalcues.surname_run); after a
   title and a connector, the title's complement runs to a given name, the person's from there
   ("la ministra de Sanidad Mónica García"; "Presidente del Gobierno" names no person); after a
   title of title_complement, its complement with no connector, each name in it on its own, then the
   person ("Gubernur Jawa Barat Dedi Mulyadi", "Menteri Keuangan Sri Mulyani": recognise/capitaltitles.py);
3. an org head ends it, or an org_first and a connector open it ("Federal Emergency Management
   Agency", "Bank of America"): an organisation: 0.8;
4. a place head ends it or a place_first opens it ("Sacramento County", "Lake Tahoe"), or a
   comma and a listed place follow it ("Elk Grove, California"): a place: 0.75; a run in
   capitals opening a paragraph before a comma is a dateline's place ("SACRAMENTO, Calif."), and so is one
   after an agency's name in brackets and a dash opening it ("(ANSA) - MILANO, 3 maggio -"): 0.7;
5. two to four capitalised words opening with a given name (or given names joined by hyphens,
   particles inside and not counted, "María de los Ángeles Moreno"): a person: 0.8; two or three
   words next to a verb of saying, several words allowed, no article before ("…, Maria Lopez
   said", "a déclaré Marie Durand"; not "the Philippine Red Cross said"), one word next to a verb
   of saying_alone ('"…," kata Suharyanto'): 0.7;
6. the words around it: a place word after or before it ("Hưng Yên province", "the suburbs of
   Paiporta": place_after, place_of; 0.75), an org word ("the Unite union", "Spain's weather
   agency, AEMET,": org_noun; "el partido Vox": org_of), an article before and a verb of saying
   after ("The Bundesbank said"), org_after after a comma (", whose"): an organisation, 0.6; an
   age (", 38,", " (38)": 0.7), an apposition after a lower-case noun ("His wife, X Y, said": 0.6),
   person_after after a comma (", a chemist", ", who": 0.6; a place before a place word, ", a
   town"): a person;
7. two or three words whose last is written alone elsewhere in the text, as news names a person
   again ("Bukayo Saka … Saka said"; never after an article, "the Grizzlies", nor a word of the
   lists): a person, 0.6 (capitalcues.surname_alone); else one or two words after a place cue,
   several words allowed ("in Fresno", "près de Brest"): a place, 0.5;
8. else a run with connectors is looked at again in its parts; nothing else is marked. A
   title inside a run parts it ("Federal Reserve Chair Jerome Powell"); an org_connector ("and")
   joins an organisation's words only, never two places ("Lake Louise and Moraine Lake"); before
   "of" an organisation's name holds an org word ("Kenji Watanabe of Kyoto University"), and a
   particle before a listed name parts a person's name from it ("Ana Pérez del PSOE"; after the
   particles of a person's name, "Jan de Vries van de VVD": capitalcues.person_part); a listed
   name inside a run is never parted nor stripped of its article ("Castilla y León", "… de la
   Salud", "El Salvador y …"). A capitalised word opening a sentence before an article or a given
   name is no part of the name, unless it may open one ("Multó la Comisión …", "Conversaron Ana Ruiz
   y …"); one alone opening a sentence is a name only by rule 1 or as below. Before all but 0 and 1:
   an event's first word (event) and a connector open no name, nor one inside ("Tour de France").

Then the later mentions (recognise/capitalmentions.py): a word that is the last of a person's
name found (and no other's) is that person ("Newsom", "Mr. Newsom": key "Gavin Newsom"), cert
0.75, and so are its last words ("García Márquez": "Gabriel García Márquez"), and where the lists
say so (later_mention "first") its first word and words ("Prabowo", "Sri Mulyani"); an acronym in
brackets right after an organisation's name ("Federal Emergency Management Agency (FEMA)") and its
later uses are that organisation; a name holding lower-case words before an acronym in brackets its
initials spell is an organisation, and so is the acronym ("l'Office français de la biodiversité
(OFB)": capitalcues.named_before_acronyms), 0.8, over what the runs found there. A line written in
title case (a headline: most of its words capitalised, no stop at its end) gets rule 1 and the later
mentions only. A four-digit year alone after a year_cue is a date ("in 2026"; not before a noun,
"2000 homes", but after a year_word: "tahun 2024 mencapai"), cert 0.8. The byline's author
(Context.author) is a person wherever written (0.95). Keys: a person's full name as first written,
an organisation's or a place's name as written (its acronym shares it). Corpus names
(Context.known_names) are marked wherever written, but where this text's own rules named them or
inside a longer name they found (recognise/capitalknown.py).
"""

from __future__ import annotations

import re

from ..model import DATE, ORG, PERSON, PLACE, Mention
from .anydates import find_any_dates
from .base import Context
from .capitalcues import (OTHER, adjective_title_before, apposed, complement_start, dateline, event_rest, given,
                          head_opening, in_listed, listed, listed_place_after, lower_head, lower_title_before,
                          name_joins, named_before_acronyms, opens_names, org_word_around, person_after_head,
                          person_part, phrase_before, place_word_around, possessive, said_by_the, saying_beside,
                          second_name, surname_alone, surname_run, title_connector_before, title_length)
from .capitalknown import known_candidates
from .capitalmentions import later_mentions
from .capitalnouns import genitive_inside, given_after_noun, noun_head, nouns_capitalised, org_ended, place_ended
from .capitalruns import runs, split, title_case_lines
from .capitaltitles import title_complements
from .capitalwords import Tokens, Words, words
from .ruletable import priority
from .spans import Candidate, resolve

DATE_PRIORITY = priority("date")
MAX_PERSON_WORDS = 5  # capitalised words of a person's name ("Luiz Inácio Lula da Silva")
_YEAR = re.compile(r"(?<![^\W_])([^\W\d_]+) ((?:1\d|2[01])\d\d)(?![^\W_]|[.,:/\-]\d)")
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_AGE = re.compile(r", \d{1,3},| \(\d{1,3}\)")
_OPENING = ('"', "“", "‘", "'")


class CapitalsRecogniser:
    """Names by capitals and word lists, and the language-neutral dates (the module's contract)."""

    name = "capitals"
    version = "0.1.0"

    def __init__(self, code: str):
        self.code = code
        self.lists = words(code)

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        toks = Tokens(text, self.lists)
        candidates = find_names(toks, self.lists, context.author)
        candidates += find_any_dates(text, context.language or self.code, context.reference_date)
        candidates += find_years(text, self.lists)
        if context.known_names:  # not inside a date either ("May 2024" where May is a known name)
            candidates += known_candidates(toks, self.lists, context.known_names, context.own_names, candidates)
        return resolve(candidates, self.name)


def find_years(text: str, lists: Words) -> list[Candidate]:
    """A four-digit year alone after a year cue ("in 2026", "from 1979 to 1998"), not before a
    word that makes it a number ("in 2000 homes"), but after a year_word ("tahun 2024 mencapai"):
    when=YYYY, cert 0.8."""
    out = []
    for m in _YEAR.finditer(text):
        cue = m.group(1).casefold()
        if cue not in lists["year_cue"] or not 1000 <= int(m.group(2)) <= 2199:
            continue
        after = _NEXT_WORD.match(text, m.end())  # a noun language's count is before a noun: "in 2000 Haushalten"
        if after and after.group(1).casefold() not in lists.function_words and cue not in lists["year_word"] \
                and not (nouns_capitalised(lists) and after.group(1)[0].islower()):
            continue
        out.append(Candidate(m.start(2), m.end(2), DATE, "", 0.8, DATE_PRIORITY, (("when", m.group(2)),)))
    return out


def find_names(toks: Tokens, lists: Words, author: str | None = None) -> list[Candidate]:
    headline = title_case_lines(toks)
    found: list[tuple[int, int, str, str, float]] = []  # (first, last, type, key, cert)
    for run in runs(toks, lists):
        _classify(toks, lists, run, headline, found)
    for i, word in enumerate(toks.words):  # a listed name written in lower case: "(dpa)", "laSexta"
        if word[:1].islower() and (kind := listed(toks, lists, [i])) in (ORG, PLACE):
            found.append((i, i, kind, word, 0.9))
    for first, last, acronym in named_before_acronyms(toks, lists):  # "l'Office français de la biodiversité (OFB)"
        if not any(f == first and l == last and kind == ORG for f, l, kind, *_ in found):
            found = [n for n in found if n[1] < first or n[0] > acronym]
            name = toks.surface(first, last)
            found += [(first, last, ORG, name, 0.8), (acronym, acronym, ORG, name, 0.8)]
    return later_mentions(toks, lists, found, author)


def _classify(toks: Tokens, lists: Words, run: list[int], headline: set[int], found: list) -> None:
    words, nouns = toks.words, nouns_capitalised(lists)  # nouns: every noun capitalised (capitalnouns.py)

    def add(a: int, b: int, kind: str, cert: float) -> None:
        found.append((a, b, kind, toks.surface(a, b), cert))

    if head := lower_head(toks, lists, run[0]):  # "ministère de l'Intérieur", "rue de Rivoli": the head inside
        return add(head[0], run[-1], head[1], 0.8)
    kind = listed(toks, lists, run)  # with its article, when the name holds it ("The Hague")
    if kind:
        return add(run[0], run[-1], kind, 0.9) if kind != OTHER else None  # an event's name: no entity
    opening = run[1:] if words[run[0]] in lists["article"] else run
    if (rest := event_rest(toks, lists, opening)) is not None:  # "Tour de France": no name, nor one inside
        return _classify(toks, lists, rest, headline, found) if rest else None
    if kind := head_opening(toks, lists, opening):  # "Institut Pasteur", "CHU Grenoble-Alpes": the head inside
        if k := second_name(toks, lists, run, kind):  # "Tribunal Supremo y la Audiencia Nacional": two
            _classify(toks, lists, run[:k], headline, found)
            return _classify(toks, lists, run[k + 1:], headline, found)
        if k := person_after_head(toks, lists, opening):  # "il presidente del Senato Ignazio La Russa"
            _classify(toks, lists, opening[:k], headline, found)
            return add(opening[k], run[-1], PERSON, 0.85)
        return add(opening[0], run[-1], kind, 0.8)
    if len(run) > 2 and toks.sentence_start(run[0]) and (words[run[1]] in lists["article"] or given(
            lists, words[run[1]])) and not opens_names(lists, words[run[0]]) and not in_listed(toks, lists, run, 0):
        return _classify(toks, lists, run[1:], headline, found)  # a verb: "Multó la Comisión …", "Conversaron Ana …"
    if cert := surname_run(toks, lists, run):  # "De Vries zei", "premier De Jonge", "aldus Van der Berg"
        return add(run[0], run[-1], PERSON, cert)
    while run and (words[run[0]] in lists["not_name"] or words[run[0]] in lists["article"]
                   or words[run[0]] in lists["connector"]) and not in_listed(toks, lists, run, 0):  # "El Salvador y …"
        run = run[1:]
        if cert := surname_run(toks, lists, run):  # "Volgens Van der Berg …"
            return add(run[0], run[-1], PERSON, cert)
    while run and words[run[-1]] in lists["connector"]:
        run = run[:-1]
    if run and run[0] != opening[0] and head_opening(toks, lists, run):  # "Sementara Dinas Pendidikan …"
        return _classify(toks, lists, run, headline, found)
    if not run:
        return
    if nouns and (head := noun_head(toks, lists, run)):  # "der Autobauer Volkswagen", "die Stadt Gütersloh"
        rest = run[head[0]:]
        if (kind := listed(toks, lists, rest)) or given(lists, words[rest[0]]) or len(rest) > 3:
            return _classify(toks, lists, rest, headline, found)
        return add(rest[0], rest[-1], head[1], 0.75 if head[1] == PLACE else 0.6)
    # "Gubernur Jawa Barat Dedi Mulyadi": the titles' complements, then the person
    names, begin, end = ([], 0, 0) if run[0] in headline else title_complements(toks, lists, run)
    inner = [] if end else [k for k, i in enumerate(run) if words[i] in lists["not_name"]
                               and not in_listed(toks, lists, run, k) and not (k and words[i] in lists["elision"])]
    if inner:  # "Tuesday" inside, not in a listed name ("… de la Salud"): the parts are looked at on their own
        for part in split(run, inner):
            _classify(toks, lists, part, headline, found)
        return
    first, last = run[0], run[-1]
    if kind := listed(toks, lists, run):
        return add(first, last, kind, 0.9) if kind != OTHER else None
    if first in headline:  # only what is listed, in the run's parts too ("Flood in Ohio Town")
        return _listed_parts(toks, lists, run, add)
    titled = title_length(toks, lists, run)
    for a, b in names:  # the names in the titles' complements on their own ("Jawa Barat"; "Keuangan": none)
        _classify(toks, lists, run[a:b], headline, found)
    if end:  # the person after the last one, or after more titles
        run, titled = run[begin:], end - begin
        first = run[0]
    if not titled:  # a title inside: "Federal Reserve Chair Jerome Powell" is an organisation and a person
        for k in range(1, len(run) - 1):
            if words[run[k - 1]] not in lists["connector"] and title_length(toks, lists, run[k:]):
                _classify(toks, lists, run[:k], headline, found)
                return _classify(toks, lists, run[k:], headline, found)
        if nouns and (k := given_after_noun(toks, lists, run, given)):  # "Vorstandsmitglied Anna Berger"
            _classify(toks, lists, run[:k], headline, found)
            return _classify(toks, lists, run[k:], headline, found)
        if nouns and (k := genitive_inside(toks, lists, run)) is not None:  # "Deutschlands Wirtschaft"
            for part in (run[:k], run[k:k + 1], run[k + 1:]):
                if part:
                    _classify(toks, lists, part, headline, found)
            return
    rest = run[titled:]  # after a title and a connector, its complement, then a person from a given name on:
    while titled and rest and words[rest[0]] in lists["connector"]:  # "Ministro de Exteriores José Manuel Albares"
        rest = rest[1:]
    after = len(rest) < len(run) - titled or (not titled and title_connector_before(toks, lists, first))
    if after and (k := complement_start(toks, lists, rest)):
        _classify(toks, lists, rest[:k], headline, found)  # "la ministra de Sanidad Mónica García": "Sanidad"
        run, titled = rest, k
    if titled or lower_title_before(toks, lists, first) or adjective_title_before(toks, lists, first):
        rest = run[titled:]
        while len(rest) > 1 and (more := title_length(toks, lists, rest)):
            rest = rest[more:]  # "Detective Inspector Małgorzata Nowak-Hill"
        joins = name_joins(toks, lists, rest)
        person = rest[:joins[0]] if joins else rest
        if nouns and (listed(toks, lists, person) or words[rest[0]] in lists["connector"]):
            return _classify(toks, lists, rest, headline, found)  # "Präsident Frankreichs", "Chef der Bahn"
        while joins and len(person) > 1 and words[person[-1]] in lists["connector"]:
            person = person[:-1]  # "dr. Anna Kok van de Universiteit Leiden": "van" before the join "de"
        if sum(toks.capitalised(i) for i in person) <= MAX_PERSON_WORDS and any(
                toks.capitalised(i) and words[i] not in lists["not_alone"] for i in person):  # "de Gaulle"
            add(person[0], person[-1], PERSON, 0.85)
            if joins:  # "Gov. Gavin Newsom of California": the rest on its own
                _classify(toks, lists, rest[joins[0] + 1:], headline, found)
            return
        if not rest or words[rest[0]] in lists["connector"]:  # "Presidente del Gobierno": no person
            return _classify(toks, lists, rest, headline, found) if rest and len(rest) < len(run) else None
        run, first = rest, rest[0]
    # the connectors, but those inside a listed name the run holds ("Ciudadanos de Castilla y León")
    connectors = [k for k, i in enumerate(run) if words[i] in lists["connector"] and not in_listed(toks, lists, run, k)]
    single, quoted = len(run) == 1, toks.gap(first).endswith(_OPENING)  # a quoted title of a work: no heads
    # before its first connector, an organisation's name holds an org word ("Bank of …", "Federation of …"),
    # else the words before it are another name ("Kenji Watanabe of Kyoto University")
    named = not connectors or words[run[connectors[0]]] in lists["org_connector"] or any(
        words[i] in lists["org_first"] or words[i] in lists["org_head"] for i in run[:connectors[0]])
    if named and connectors and (k := second_name(toks, lists, run)):  # "de Volkskrant en Het Laatste Nieuws"
        for part in (run[:k], run[k + 1:]):
            _classify(toks, lists, part, headline, found)
        return
    if not single and not quoted and named and (words[last] in lists["org_head"] or org_ended(lists, words[last]) or (
            words[first] in lists["org_first"] and 1 in connectors) or any(
            words[run[k - 1]] in lists["org_head"] and words[run[k]] not in lists["org_connector"] for k in connectors)):
        return add(first, last, ORG, 0.8)
    joined_only_in_orgs = any(words[run[k]] in lists["org_connector"] for k in connectors)  # "Tacoma and Spokane"
    if not single and not quoted and not joined_only_in_orgs and (words[last] in lists["place_head"]
                                                                   or words[first] in lists["place_first"]):
        return add(first, last, PLACE, 0.75)
    plain = not set(connectors) & set(name_joins(toks, lists, run))  # "Luis de Guindos"; not "Ana Pérez del PSOE"
    if connectors and (joined_only_in_orgs or not named) and not (plain and given(lists, words[first])):
        # "Bay of Bengal and the Arabian Sea": two places; "François Villeroy de Galhau" one person
        at = [k for k in connectors if words[run[k]] in lists["org_connector"]] if joined_only_in_orgs \
            else person_part(toks, lists, run) or connectors[:1]  # "Jan de Vries van de VVD": at the join
        for part in split(run, at):
            _classify(toks, lists, part, headline, found)
        return
    if listed_place_after(toks, lists, last) or place_word_around(toks, lists, first, last):
        return add(first, last, PLACE, 0.75 if len(run) > 1 or not toks.sentence_start(first) else 0.6)
    if dateline(toks, run) or _agency_after(toks, lists, run):
        return add(first, last, PLACE, 0.7)  # "SACRAMENTO, Calif. —", "BRUSSELS —", "(ANSA) - MILANO, 3 maggio -"
    if plain and 2 <= sum(toks.capitalised(i) for i in run) <= 4 and given(lists, words[first]):
        return add(first, last, PERSON, 0.8)  # "María de los Ángeles Moreno": its particles not counted
    if not connectors and (2 <= len(run) <= 3 and saying_beside(toks, lists, first, last) or single and (
            not words[first].isupper() and words[first] not in lists["not_alone"]
            and saying_beside(toks, lists, first, last, lists.sayings_alone))):  # "…," kata Suharyanto
        return add(first, last, PERSON, 0.7)
    if plain and (not nouns or not single) and len(run) <= 4 and _AGE.match(toks.text, toks.spans[last][1]):
        return add(first, last, PERSON, 0.7)  # "Kristen A. Mallory, 38, of …"
    if len(run) <= 4 and (org_word_around(toks, lists, first, last) or (not nouns and said_by_the(toks, lists, first,
                                                                                                    last))):
        return add(first, last, ORG, 0.6)  # "the Unite union", "Spain's weather agency, AEMET,", "The Bundesbank said"
    if plain and 2 <= len(run) <= 3 and apposed(toks, first, last):
        return add(first, last, PERSON, 0.6)  # "His wife, Celestine Mbeki-Ross, said …"
    said = last + 1 if last + 1 < toks.n and toks.gap(last + 1) == ", " else None  # the word after a comma
    if plain and len(run) <= 3 and said is not None and words[said] in lists["person_after"]:
        if said + 1 < toks.n and toks.joined(said + 1) and words[said + 1] in lists["place_after"]:
            return add(first, last, PLACE, 0.6)  # "Paiporta, a town …"
        if len(run) > 1:
            return add(first, last, PERSON, 0.6)  # "Hildegard Osterhaus, a chemist", "Daniela Cavallo, who …"
    if len(run) <= 3 and said is not None and words[said] in lists["org_after"] and not toks.line_start(first):
        return add(first, last, ORG, 0.6)  # "Safaricom, whose …", "The Teamsters, which …"
    if plain and not nouns and 2 <= len(run) <= 3 and surname_alone(toks, lists, first, last):
        return add(first, last, PERSON, 0.6)  # "Bukayo Saka scored … Saka said"
    if not connectors and len(run) <= 2 and first > 0 and toks.joined(first) and not possessive(toks, last) \
            and phrase_before(toks, first, lists.place_cues) and not (single and words[first] in lists["not_alone"]) \
            and (not nouns or place_ended(lists, words[last])):  # German "in Zukunft": no place
        return add(first, last, PLACE, 0.5)
    if connectors:
        for part in split(run, connectors):
            _classify(toks, lists, part, headline, found)


def _listed_parts(toks: Tokens, lists: Words, run: list[int], add) -> None:
    """The longest listed names inside the run, from its start on."""
    k = 0
    while k < len(run):  # a listed name is at most lists.longest words long: linear in the run
        for end in range(min(len(run) - 1, k + lists.longest - 1), k - 1, -1):
            surface = toks.surface(run[k], run[end])
            kind = ORG if surface in lists["org"] else PLACE if surface in lists["place"] \
                else OTHER if surface in lists["other_name"] else None
            if kind and toks.words[run[k]] not in lists["connector"]:
                if kind != OTHER:  # an event's name, and the names inside it: none
                    add(run[k], run[end], kind, 0.9)
                k = end
                break
        k += 1



_AGENCY = re.compile(r" \(([^\W\d_]+)\) ?[-–—] ")


def _agency_after(toks: Tokens, lists: Words, run: list[int]) -> bool:
    """A run opening a line before a listed agency's name in brackets and a dash ("Monza (dpa) - …",
    "Andermatt (sda) - …"): a dateline's place, written in capitals or not."""
    m = _AGENCY.match(toks.text, toks.spans[run[-1]][1])
    return toks.line_start(run[0]) and bool(m) and m.group(1) in lists["org"]
