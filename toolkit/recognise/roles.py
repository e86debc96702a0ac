"""Roles: ranks, offices and honorific titles (roles.tsv), with the body they belong to.

The longest listed role at a token is taken ("Phó Chủ tịch" over "Chủ
tịch"), shortened when it would cut into an organisation ("Trưởng Ban Chỉ
đạo": the role word is "Trưởng", the org "Ban Chỉ đạo"). An organisation
right after the role is taken into the role's span and nested in it ("Bộ
trưởng Bộ Công an"), and so is a place after an office ("Tổng thống Mỹ").
Roles marked needs_org ("Ủy viên", "Trưởng", "Phó") are roles only with that
organisation. An acronym no other rule knew right after an office is its body, an
organisation of its own (cert 0.7: "Chủ tịch HĐQT ACV", "Tổng giám đốc EVN"), taken in as an
organisation is. A listed body that is no organisation standing alone (org_generic_bodies.tsv)
right after an office is the office's body, taken into the role's span with nothing nested
("Thủ tướng Chính phủ": no name of a person starts inside it). Key: the listed spelling of the role, then the organisation's
or place's key. cert 0.9 when capitalised, 0.7 in lower case (then only
before a capitalised word). The token after a role is a cue for a person
(returned beside the candidates, for the persons stage).
"""

from __future__ import annotations

from ..model import ORG, ROLE
from .ruletable import priority
from .scan import OrgSpans, Scan
from .spans import Candidate
from .tokens import phrase_key

PRIORITY, ORG_PRIORITY = priority("role"), priority("org")


def find_roles(scan: Scan, orgs: OrgSpans) -> tuple[list[Candidate], frozenset[int]]:
    """The roles' candidates, and the tokens right after a role (a person's name may start there)."""
    toks, gaz = scan.toks, scan.gaz
    out = []
    cues = set()
    for i in toks.where(gaz.roles.first):
        chosen = None
        for size, role in gaz.roles.matches_at(toks, i):
            end = i + size
            near = orgs.overlapping(i, end)
            if any(not (s.i <= i and end <= s.j) and not (i <= s.i and s.j <= end) for s in near):
                continue  # would cut into an organisation: try a shorter role
            chosen = size, role
            break
        if chosen is None or any(s.i <= i and i + chosen[0] <= s.j for s in near):
            continue  # none fits, or the role word is part of an organisation's name ("Ban Bí thư")
        size, role = chosen
        end = i + size
        capital = toks.cap(i)
        start_char, end_char = toks.span(i, end)
        key = role.name
        follows = end < toks.n and toks.joined(end - 1)
        org = orgs.at.get(end) if follows else None
        place = scan.places_at.get(end) if follows else None
        if org:
            end, end_char, key = org.j, org.end, f"{role.name} {org.key}"
        elif place and role.kind == "office":
            end = end + place[0]
            key = f"{role.name} {place[1].name}"
            there = scan.places_at.get(end + 1) if end + 1 < toks.n and toks.low[end] == "tại" else None
            if there and toks.joined(end - 1) and toks.joined(end):  # "Đại sứ Hoa Kỳ tại Việt Nam"
                key = f"{key} tại {there[1].name}"
                end = end + 1 + there[0]
            end_char = toks.ends[end - 1]
        elif follows and role.kind == "office" and _bare_acronym(scan, end):
            # an acronym no rule knew right after an office is its body ("Chủ tịch HĐQT ACV")
            out.append(Candidate(*toks.span(end, end + 1), ORG, toks.surface(end, end + 1), 0.7, ORG_PRIORITY))
            end, end_char, key = end + 1, toks.ends[end], f"{role.name} {toks.surface(end, end + 1)}"
        elif follows and role.kind == "office" and (body := _generic_body(scan, end)):
            end, end_char, key = end + body, toks.ends[end + body - 1], f"{role.name} {toks.surface(end, end + body)}"
        elif role.needs_org:
            continue
        # `end` is now the end of the whole span (role + organisation or place): what follows
        # is asked of the token after it, which a text may not have ("… tổng thống Pháp")
        before_word = end < toks.n and toks.joined(end - 1)
        if not capital and not (org or (before_word and toks.cap(end))):
            continue
        if before_word:
            cues.add(end)
        cert = 0.9 if capital else 0.7
        # the listed kind (rank | office | honorific) becomes roleName/@type
        out.append(Candidate(start_char, end_char, ROLE, key, cert, PRIORITY, (("type", role.kind),)))
    return out, frozenset(cues)


def _generic_body(scan: Scan, k: int) -> int:
    """The number of words of a listed organisation at token k that is a generic body
    (org_generic_bodies.tsv: "Chính phủ"), or 0."""
    toks, gaz = scan.toks, scan.gaz
    if toks.low[k] not in gaz.generic_body_firsts:
        return 0
    hit = gaz.orgs.match_at(toks, k)
    return hit[0] if hit and phrase_key(toks.surface(k, k + hit[0])) in gaz.generic_bodies else 0


def _bare_acronym(scan: Scan, k: int) -> bool:
    """Token k an acronym (two or more capitals) that is no listed place or known abbreviation,
    its own word (no hyphened part, not run on by another capitalised word)."""
    toks = scan.toks
    return (toks.acronym(k) and toks.words[k].isalpha() and k not in scan.places_at and not scan.abbrs.match_at(toks, k)
            and not (k + 1 < toks.n and toks.gaps[k] in (" ", "-") and toks.cap(k + 1)))
