"""Organisation forms of the span convention (docs/ner.md), proposed beside orgs.py's drivers.

- `lower_headed`: a head in lower case (org_lower_heads.tsv) then a capitalised name:
  "công ty cổ phần Vinamilk", "báo Thanh Niên", "chính phủ Trung Quốc" (cert 0.75);
- `with_lower_heads`: a name found right after a lower-case head takes the head in;
- `without_generic_bodies`: a generic body alone ("Chính phủ", "UBND") is none;
- `age_teams`: "U23 Việt Nam" (cert 0.85);
- `repeated_acronyms`: an acronym no list knows, written twice, not in the stoplist nor a Roman numeral (0.6);
- `after_place_word`: a head word after a place's generic word names the place
  ("dãy Trường Sơn"), asked by orgs.py before it takes a head.
Each driver is given the organisations found before it, read-only, as orgs.py's are.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..agencytag import agency_leads
from .orgkeys import org_key
from .orgnames import continue_name
from .ruletable import priority
from .scan import Scan, Span
from .tokens import phrase_key

HEADED = LISTED = AGENCY = priority("org")
# a Roman numeral of one to thirty-nine, as news numbers quarters, terms and congresses
# ("quý III", "khóa XV", "Đại hội XIII"): a number, no acronym
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_AGE_GROUP = re.compile(r"U\d{2}")
_AGE_GROUPS = frozenset(f"u{n:02d}" for n in range(100))  # the tokens it can match, lower-cased


def free(spans, i: int, j: int) -> bool:
    """None of these organisations overlaps tokens i..j."""
    return not any(s.i < j and i < s.j for s in spans)


def lower_headed(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """A head in lower case (org_lower_heads.tsv: "công ty cổ phần", "báo", "đảng") then a
    capitalised name, where no organisation was found: the head and the name, cert 0.75.
    A head marked needs_place is one only with its country or place after it ("chính phủ
    Trung Quốc", "công an huyện Gia Lâm")."""
    toks, gaz, out = scan.toks, scan.gaz, []
    heads = gaz.org_lower_heads
    for i in toks.where(heads.first):
        hit = heads.match_at(toks, i) if toks.lower(i) else None
        if hit is None:
            continue
        size, needs_place = hit
        k = i + size
        if in_compound(scan, i):
            continue
        if k >= toks.n or not all(toks.joined(x) for x in range(i, k)) or not (
                toks.cap(k) or needs_place and toks.low[k] in gaz.admin_words):
            continue
        if needs_place:
            end = continue_name(scan, k, places_only=True)
            if not any(x in scan.places_at for x in range(k, end)) and not (
                    toks.low[k] in gaz.admin_words and end > k + 1):
                continue
        else:
            if scan.role_at(k) or (scan.person_at(k) and not scan.places_at.get(k)):
                continue
            listed = scan.gaz.heads.match_at(toks, i)
            after_person = bool(listed and listed[0] == size and listed[1].person_named)
            end = continue_name(scan, k, after_head=after_person)
        if end > k and free(before, i, end) and free(out, i, end):
            head = toks.surface(i, k)
            key = org_key(scan, i, end, size, head[:1].upper() + head[1:])
            out.append(Span(i, end, *toks.span(i, end), key, 0.75, HEADED))
    return out


def with_lower_heads(scan: Scan, spans: list[Span]) -> list[Span]:
    """A name found right after a lower-case head takes the head in ("tập đoàn Samsung",
    "báo Tuổi Trẻ"): the head is part of the organisation's name; the key stays."""
    toks, heads = scan.toks, scan.gaz.org_lower_heads
    low, firsts = toks.low, heads.first
    taken = None
    out = []
    for s in spans:
        for i in range(max(0, s.i - 4), s.i):
            if low[i] not in firsts:
                continue
            if taken is None:
                taken = {x for span in spans for x in range(span.i, span.j)}
            hit = heads.match_at(toks, i) if toks.lower(i) else None
            if hit and i + hit[0] == s.i and not hit[1] and not any(x in taken for x in range(i, s.i)) \
                    and all(toks.joined(x) for x in range(i, s.i)) and not in_compound(scan, i):
                s = Span(i, s.j, toks.starts[i], s.end, s.key, s.cert, s.priority, s.kind)
                break
        out.append(s)
    return out


def after_place_word(scan: Scan, i: int) -> bool:
    """Token i follows, in lower case, a word that announces a place's name ("dãy", "đường",
    "huyện": the place_levels of the gazetteers)."""
    toks, levels = scan.toks, scan.gaz.place_levels
    for j in range(max(0, i - 3), i):
        if toks.low[j] in levels.first and toks.lower(j) and all(toks.joined(x) for x in range(j, i)):
            hit = levels.match_at(toks, j)
            if hit and j + hit[0] == i:
                return True
    return False


def in_compound(scan: Scan, i: int) -> bool:
    """Token i ends a word with the syllable before it ("thị trường", "dự báo": org_head_compounds.tsv)."""
    toks = scan.toks
    return i > 0 and toks.joined(i - 1) and phrase_key(toks.surface(i - 1, i + 1)) in scan.gaz.org_head_compounds


def without_generic_bodies(scan: Scan, spans: list[Span]) -> list[Span]:
    """A generic body standing alone ("Chính phủ", "UBND", "CLB": org_generic_bodies.tsv) is
    no organisation."""
    generic, firsts, low = scan.gaz.generic_bodies, scan.gaz.generic_body_firsts, scan.toks.low
    return [s for s in spans if low[s.i] not in firsts or phrase_key(scan.toks.surface(s.i, s.j)) not in generic]


def age_teams(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """A national or club age-group team: "U23" then a country or a club ("U23 Việt Nam",
    "U19 Hà Nội"): cert 0.85, above the place its name holds."""
    toks, out = scan.toks, []
    for i in toks.where(_AGE_GROUPS):
        if i == toks.n - 1 or not _AGE_GROUP.fullmatch(toks.words[i]) or not toks.joined(i):
            continue
        place = scan.places_at.get(i + 1)
        if not place:
            continue
        end = i + 1 + place[0]
        if free(before, i, end) and free(out, i, end):
            out.append(Span(i, end, *toks.span(i, end), toks.surface(i, end), 0.85, LISTED))
    return out


def repeated_acronyms(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """An acronym the lists do not know, written twice or more in the text ("VNPT … VNPT"):
    an organisation (cert 0.6), unless it is in acronym_stoplist.tsv (HLV, USD, GDP …), a Roman
    numeral ("quý III … quý III"), a
    listed abbreviation of another kind, a role or a place, or part of a line in capitals."""
    toks, gaz = scan.toks, scan.gaz
    counts: dict[str, list[int]] = {}
    for i, word in enumerate(toks.words):
        if 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and word not in gaz.acronym_stoplist \
                and not _ROMAN.fullmatch(word):
            counts.setdefault(word, []).append(i)
    taken = {x for s in before for x in range(s.i, s.j)}
    out = []
    for word, where in counts.items():
        if len(where) < 2:
            continue
        for i in where:
            if i in taken or scan.abbrs.match_at(toks, i) or scan.role_at(i) or i in scan.places_at \
                    or (i and toks.acronym(i - 1)) or (i + 1 < toks.n and toks.acronym(i + 1)):
                continue
            out.append(Span(i, i + 1, *toks.span(i, i + 1), word, 0.6, HEADED))
    return out


def agency_tags(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """The outlet whose tag opens a paragraph ("TTO - Ngày 8-12, …", "(Chinhphu.vn) - …":
    agencytag.agency_leads), not a place (a dateline: "TP.HCM - …") nor inside a name found: cert 0.8."""
    toks, out = scan.toks, []
    taken = {x for s in before for x in range(s.i, s.j)}
    for start, end in agency_leads(toks.text):
        i, j = bisect_left(toks.starts, start), bisect_left(toks.starts, end)  # its tokens, [i, j)
        if i >= j or i in scan.places_at or any(x in taken for x in range(i, j)):
            continue
        out.append(Span(i, j, *toks.span(i, j), toks.surface(i, j), 0.8, AGENCY))
    return out
