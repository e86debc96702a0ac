"""The default recogniser: rules and gazetteers, offline, deterministic.

`RulesRecogniser.find(text, context)` reads the whole text of one article
and returns Mentions sorted by (start, -end), nesting but never crossing.

The rule families are independent producers: each stage returns candidate
spans, with the priority its family has in the one ordered table
(ruletable.py), and changes nothing it is given. A stage that needs what an
earlier one found receives it as a read-only argument; these dependencies,
and nothing else, fix the order of the stages (each module's docstring has
the details and the cert values it gives):

1. scan.py     - Scan: tokens (tokens.py: one regex split, tone placement
                 folded, hoà = hòa), listed places, and the abbreviations
                 the text defines as "Full Name (ABBR)" whose initials fit,
                 over the curated list (abbreviations.py);
2. dates.py    - numeric day-first and worded dates, partial dates with the
                 reference year, lists, ranges, durations (0.6-0.95); needs
                 only the text;
3. orgs.py     - listed names, acronyms, head word + name (orgnames.py the
                 grammar, longnames.py the long names, orgkeys.py the keys),
                 quoted names, back-references, firms, clubs; needs the Scan.
                 Returns OrgSpans and the abbreviation table with the
                 acronyms named in brackets ("… Việt Nam (VFA)") added: the
                 later stages get a Scan holding that table;
4. roles.py    - ranks, offices, honorifics, taking in the organisation that
                 follows; needs OrgSpans; returns the tokens after a role too;
5. persons.py  - family name + given names, names after a title or a role,
                 foreign names, later mentions, the author; needs OrgSpans
                 and the tokens after a role;
6. places.py   - gazetteer, "tỉnh X", "tại X", "phố X"; needs OrgSpans;
7. abbreviations.py - every use of an abbreviation in the final table;
8. Context.known_names: each surface marked wherever written (0.8), keyed as
                 the rules keyed the same span, but not inside a longer name the
                 rules found ("TP Hồ Chí Minh", "Sở Y tế Hà Nội", "Trường THPT Chu
                 Văn An": the outermost name is marked); needs all candidates so far;
9. spans.py    - resolve: one consistent set, best priority first, spans that
                 would cross a kept one dropped, nesting only as the encoding
                 allows.

Only step 8 and the resolution read the corpus names, so a text recognised
without them can be finished again with them without running the rules again:
`prepare` runs steps 1-7 and returns what they found (`Prepared`: the candidates
and the abbreviation table's definitions, small and picklable, so convert spools
it with the article between its passes); `finish` runs step 8 and 9 on it.
`find(text, context)` is `finish(text, prepare(text, context), context)`, mention
for mention.

Gazetteers are data (toolkit/data/gazetteers/*.tsv), loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..model import NAME_TYPES, ORG, PERSON, PLACE, Mention
from .base import Context
from .dates import find_dates
from .gazetteers import Gazetteers, PhraseIndex, default_gazetteers
from .orgs import find_orgs, org_candidates, org_key
from .persons import find_persons
from .places import find_places
from .roles import find_roles
from .ruletable import priority
from .scan import Scan
from .spans import Candidate, inside_longer, resolve
from .tokens import Tokens, phrase_key

KNOWN_PERSON, KNOWN_NAME = priority("known-person"), priority("known-name")
_UNKEYED = object()


class Prepared(NamedTuple):
    """What steps 1-7 found in one text (RulesRecogniser.prepare), for `finish`: every candidate
    but the corpus names', and the definitions of the final abbreviation table (the text's
    "Full Name (ABBR)" and the acronyms the organisations stage named), from which the table
    the corpus-name step keys organisations with is made again (abbreviations.AbbreviationTable.of)."""

    candidates: tuple
    definitions: tuple


class RulesRecogniser:
    name = "rules"
    version = "0.1.0"

    def __init__(self, gazetteers: Gazetteers | None = None):
        self.gazetteers = gazetteers or default_gazetteers()

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        if not text.strip():
            return []
        scan, candidates = self._rules(text, context)
        return self._resolved(scan, candidates, context)

    def prepare(self, text: str, context: Context = Context()) -> Prepared:
        """Steps 1-7 (context.known_names and own_names are not read)."""
        if not text.strip():
            return Prepared((), ())
        scan, candidates = self._rules(text, context)
        return Prepared(tuple(candidates), tuple(scan.abbrs.definitions))

    def finish(self, text: str, prepared: Prepared, context: Context = Context()) -> list[Mention]:
        """The mentions of `text` with the corpus names of `context` (step 8 and the resolution),
        `prepared` being what `prepare` found in this text: what find(text, context) gives."""
        if not text.strip():
            return []
        scan = Scan.again(text, self.gazetteers, prepared.definitions) if context.known_names else None
        return self._resolved(scan, list(prepared.candidates), context)

    def _rules(self, text: str, context: Context) -> tuple[Scan, list[Candidate]]:
        """Steps 1-7: the Scan the later stages read (with the acronyms named in brackets), and the candidates."""
        # The stages, in the order their inputs require; each reads what earlier ones return and
        # changes nothing it is given. Which candidate wins an overlap is decided by resolve, by the
        # priorities of ruletable.py; of two candidates equal in priority, span, type and key (they
        # differ in cert or attrs at most) the one listed first here is kept.
        scan = Scan(text, self.gazetteers)              # tokens, listed places, "Full Name (ABBR)"
        candidates: list[Candidate] = find_dates(text, context.reference_date, self.gazetteers)
        orgs, abbrs = find_orgs(scan)                   # + the acronyms named in brackets
        candidates += org_candidates(orgs)
        scan = scan.with_abbreviations(abbrs)           # the later stages see those acronyms too
        roles, role_ends = find_roles(scan, orgs)
        candidates += roles
        candidates += find_persons(scan, orgs, role_ends, context.author)
        candidates += find_places(scan, orgs)
        candidates += scan.abbrs.candidates(scan.toks)
        return scan, candidates

    def _resolved(self, scan: Scan | None, candidates: list[Candidate], context: Context) -> list[Mention]:
        """Step 8 (when the context knows corpus names; `scan` is then the text's) and the resolution."""
        if context.known_names:
            keys = {(c.start, c.end, c.type): c.key for c in candidates if c.type in NAME_TYPES}
            names = sorted((c.start, c.end) for c in candidates if c.type in NAME_TYPES)
            candidates += _known(scan, context.known_names, keys, context.own_names, names)
        return resolve(candidates, self.name)


@lru_cache(maxsize=8)
def _known_index(known_names: frozenset, gaz: Gazetteers) -> PhraseIndex:
    """Known names by first syllable: (kind, listed place name when the whole name is a listed place)."""
    index = PhraseIndex()
    for surface, kind in sorted(known_names):
        if kind in NAME_TYPES and surface and surface.strip():
            listed_name = None
            if kind == PLACE:
                listed = gaz.places.match_at(Tokens(" ".join(surface.split())), 0)
                size = (len(phrase_key(surface)) + 1) // 2  # the tokens the index matches
                listed_name = listed[1].name if listed and listed[0] == size else None
            index.add(surface, (kind, listed_name))
    return index


def _known(scan: Scan, known_names: frozenset, keys: dict, own_names: frozenset = frozenset(),
           names: list[tuple[int, int]] = ()) -> list[Candidate]:
    """Names found elsewhere in the corpus, marked wherever written here, with this text's keys
    (a span the rules already named keeps the rules' key: "Quang Hải" stays "Nguyễn Quang Hải");
    not those written as a name the text's own recognition found (Context.own_names), nor those
    inside a longer name the rules found here (`names`, sorted (start, end)): the outermost name
    is marked, so "TP Hồ Chí Minh" stays a place in a corpus that names President Hồ Chí Minh,
    and "Sở Y tế Hà Nội" a body where Hà Nội is a known place. A known name of one word that is
    also a common word (function_words.tsv, or written in lower case in this text: "Anh", the
    United Kingdom's variant, is "anh" the pronoun) is not marked on its own: only this text's
    rules mark it, where they see a name."""
    index = _known_index(known_names, scan.gaz)
    own = {phrase_key(form) for form in own_names}
    toks, out = scan.toks, []
    lower = {word for word, caps in zip(toks.low, toks.caps) if not caps}
    for i in toks.where(index.first):
        if not toks.caps[i]:
            continue
        hit = index.match_at(toks, i)
        if hit is None:
            continue
        size, (kind, listed_name) = hit
        if size == 1 and (toks.low[i] in scan.gaz.function_words or toks.low[i] in lower):
            continue
        if own and tuple(toks.low_seq()[2 * i:2 * (i + size) - 1]) in own:
            continue
        start, end = toks.span(i, i + size)
        # part of a longer name found here, a place's after its level or generic word ("TP Hồ Chí Minh",
        # "ga Kim Mã"), a school's ("Trường THPT Chu Văn An"), a body's ("Sở Y tế Hà Nội"), a person's
        if inside_longer(names, start, end):
            continue
        key = keys.get((start, end, kind), _UNKEYED)
        if key is _UNKEYED:  # a span the rules did not name: keyed as they would key it
            key = org_key(scan, i, i + size) if kind == ORG else listed_name or toks.surface(i, i + size)
        out.append(Candidate(start, end, kind, key, 0.8, KNOWN_PERSON if kind == PERSON else KNOWN_NAME))
    return out


@lru_cache(maxsize=1)
def default_recogniser() -> RulesRecogniser:
    """The process-wide rules recogniser (gazetteers read once)."""
    return RulesRecogniser()
