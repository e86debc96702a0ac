"""Organisations: the rule drivers that propose candidates (orgs.py), in the order they run.

1. a name the text defines an abbreviation for: "Công an nhân dân (CAND)": cert 0.95;
then at each capitalised token, left to right:
2. a listed organisation (orgs.tsv), as listed, with a country after it
   ("Quốc hội Lào"): cert 0.9;
3. an acronym that stands for an organisation (learned as "Công an nhân dân
   (CAND)" or listed: UBND, TTXVN, WHO …), extended by a place ("UBND tỉnh
   Hà Tĩnh", "UBND huyện Tiên Du", "MTTQ Việt Nam") or a name's tail ("VKSND tối cao"):
   cert 0.9, keyed by the expansion; one also in acronym_stoplist.tsv only so extended
   ("BHXH Việt Nam"; "đóng BHXH" is the insurance);
4. a head word (org_heads.tsv: Bộ, Ban, Ủy ban, Sở, Công ty …) followed by a
   name (orgnames.py has the grammar, longnames.py the long names after strong
   heads): cert 0.8; a name its acronym in brackets closes runs on to the bracket
   ("Công ty CP Bóng đá chuyên nghiệp Việt Nam (VPF)": orgnames.defined_end). A head
   that is also a common word ("Tổ chức" to organise) needs two capitalised syllables
   when it opens a sentence;
5. a head word followed by a quoted name: 'Ban chỉ đạo “Thực hiện …”' is
   the organisation, keyed "Ban Chỉ đạo Thực hiện …" (abbreviations inside
   written out): cert 0.8;
"chi nhánh (tỉnh|thành phố …)? X" after any of these names is part of it
("Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"); then, each given the
organisations found before it:
6. for heads marked lone (Ban Chỉ đạo, Ban Tổ chức …): once the article has
   named exactly one such body, the bare head refers to it: cert 0.6;
7. a lower-case head that announces a firm or agency (firm_cues.tsv: "hãng
   tin", "hãng thông tấn", "tập đoàn", "công ty") + capitalised words: those
   words, cert 0.75; capitalised, these heads (marked naming in org_heads.tsv)
   keep a listed name after them as their own name ("Tập đoàn Vingroup"),
   instead of giving way to it; any head in lower case (org_lower_heads.tsv:
   "công ty cổ phần …", "báo …", "chính phủ" + country) + a capitalised name,
   and a name right after such a head takes it in (orgforms.py);
8. clubs: capitalised words + "FC", or "FC" + capitalised words: cert 0.85; age-group
   teams: "U23" + a country or city ("U23 Việt Nam"): cert 0.85; the outlet whose tag opens a
   paragraph ("TTO - …", "(Chinhphu.vn) - …": agencytag.py), not a place: cert 0.8
   (foreign clubs by name are listed in orgs.tsv; a listed club that is also a
   city is the city after "tại", "ở", "sang" … (place_cues.tsv));
9. an organisation's name then "(ACRONYM)" whose letters need not be its
   initials ("Hiệp hội Lương thực Việt Nam (VFA)"): every later use, cert 0.85;
   the acronyms are returned in a new abbreviation table for the later stages;
10. an acronym no list or definition knows, written twice or more (not in
   acronym_stoplist.tsv, not an abbreviation, role or place): cert 0.6 (orgforms.py).

Generic bodies alone ("Chính phủ", "UBND": org_generic_bodies.tsv) are dropped
last (orgforms.py); a name right before a listed organisation's short name in brackets takes
its key ("Công ty CP Sữa Việt Nam (Vinamilk)": one body). Keys: orgkeys.py. Organisations do not nest (TEI names never hold a name of
their kind): the longest wins, except that a sub-body head directly followed by
an organisation that may own sub-bodies (heads marked nest, listed names,
acronyms) gives way to it: in "Ban Thường trực Ủy ban Trung ương MTTQVN" the
organisation marked is "Ủy ban Trung ương MTTQVN".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import ORG
from .abbreviations import AbbreviationTable, Defined
from .longnames import long_name_end
from .orgkeys import listed_key, org_key, written_out_key
from .orgforms import (after_place_word, age_teams, agency_tags, free, lower_headed, repeated_acronyms,
                       with_lower_heads, without_generic_bodies)
from .orgnames import branch_end, continue_name, defined_end, owner_follows, quoted_name, tail_end
from .ruletable import priority
from .scan import OrgSpans, Scan, Span
from .spans import Candidate

# One priority for every named organisation, so of two nested ones the longer is kept
# ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" over the "Mặt trận …" inside it);
# the rules differ in cert. Back-references give way to any name.
LISTED = ACRONYM = HEADED = priority("org")
LONE = priority("org-reference")


def find_orgs(scan: Scan) -> tuple[OrgSpans, AbbreviationTable]:
    """The organisations in the text, and the abbreviation table with the acronyms their names
    define in brackets ("Hiệp hội Lương thực Việt Nam (VFA)") added for the later stages.

    The rules run in this order, each given the organisations found before it as a
    read-only value: a body named once or a firm's name is not found again inside another.
    """
    spans = _defined(scan)
    named, lone_heads, quoted_keys = _names(scan, tuple(spans))
    spans += named
    spans += _lone_references(scan, tuple(spans), lone_heads, quoted_keys)
    spans += _cued_names(scan, tuple(spans))
    spans += lower_headed(scan, tuple(spans))
    spans += _clubs(scan, tuple(spans))
    spans += age_teams(scan, tuple(spans))
    spans += agency_tags(scan, tuple(spans))
    abbrs, acronyms = _named_acronyms(scan, tuple(spans))
    spans += acronyms
    spans += repeated_acronyms(scan.with_abbreviations(abbrs), tuple(spans))  # the learned ones known
    spans = _one_body(scan, without_generic_bodies(scan, with_lower_heads(scan, spans)))
    return OrgSpans(spans), abbrs


def _one_body(scan: Scan, spans: list[Span]) -> list[Span]:
    """A name then a listed organisation's short name in brackets are one body: "Công ty CP Sữa
    Việt Nam (Vinamilk)" is keyed as the listed "Vinamilk" is, one register entry for both."""
    toks, gaz = scan.toks, scan.gaz
    at = {s.i: s for s in spans}
    out = []
    for s in spans:
        t = at.get(s.j) if s.j < toks.n and toks.gaps[s.j - 1] == "(" else None
        hit = gaz.orgs.match_at(toks, t.i) if t and toks.low[t.i] in gaz.orgs.first else None
        if hit and t.j - t.i == hit[0] and t.key == hit[1].name and t.key != s.key \
                and t.j < toks.n and toks.gaps[t.j - 1] == ")" and s.j - s.i > t.j - t.i:
            s = replace(s, key=t.key)
        out.append(s)
    return out


def org_candidates(orgs: OrgSpans) -> list[Candidate]:
    return [Candidate(s.start, s.end, ORG, s.key, s.cert, s.priority) for s in orgs.spans]


def _defined(scan: Scan) -> list[Span]:
    """The organisations whose names the text defines an abbreviation for: "Công an nhân dân (CAND)"."""
    toks, out = scan.toks, []
    for d in scan.abbrs.definitions:
        if d.kind == "org":
            start, end = toks.span(d.exp_start, d.exp_end)
            key = org_key(scan, d.exp_start, d.exp_end)
            out.append(Span(d.exp_start, d.exp_end, start, end, key, 0.95, LISTED))
    return out


def _names(scan: Scan, before: tuple[Span, ...]):
    """Listed names, acronyms, head word + name, head word + quoted name, at each capitalised
    token, left to right: ([Span], lone heads standing alone, {head: keys of its quoted names})."""
    toks, gaz = scan.toks, scan.gaz
    lone_heads: list[tuple[int, int, object]] = []
    quoted_keys: dict[str, set[str]] = {}
    pending: list[tuple[Span, int, object]] = []
    found = list(before)  # for the look back: a head inside a name just found starts none
    # only where a listed name, an abbreviation or a head word can begin
    starts = set(toks.where(gaz.orgs.first)) | scan.abbrs.found().keys() | set(toks.where(gaz.heads.first))
    caps = toks.caps
    for i in sorted(i for i in starts if caps[i]):
        listed = gaz.orgs.match_at(toks, i) if toks.low[i] in gaz.orgs.first else None
        if listed:
            size, org = listed  # a listed name is whole ("Quốc hội", not "Quốc hội thành phố Hà Nội")
            place = scan.places_at.get(i)
            if place and place[0] == size and i and toks.low[i - 1] in gaz.place_cues and toks.joined(i - 1):
                continue  # "sang Barcelona du lịch": the city
            end = i + size
            country = scan.places_at.get(end) if toks.joined(end - 1) else None
            if country and country[1].kind == "country":  # but for a country's: "Quốc hội Lào"
                end += country[0]
            else:
                country = None
            branch = branch_end(scan, end)  # "Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"
            key = listed_key(scan, org.name, country and country[1], (end, branch) if branch > end else None)
            end = branch
            found.append(Span(i, end, *toks.span(i, end), key, 0.9, LISTED))
            continue
        abbr = scan.abbrs.match_at(toks, i)
        if abbr and abbr[1].kind == "org" and not scan.head_at(i):  # "CLB" heads a name: "CLB Công an Hà Nội"
            size, entry = abbr
            end = branch_end(scan, tail_end(scan, continue_name(scan, i + size, places_only=True)))
            if end == i + size and toks.words[i] in gaz.acronym_stoplist:
                continue  # "nợ đóng BHXH": the insurance; "BHXH Việt Nam" is the body
            key = org_key(scan, i, end)
            found.append(Span(i, end, *toks.span(i, end), key, 0.95 if entry.learned else 0.9, ACRONYM))
            continue
        head = scan.head_at(i)
        if not head:
            continue
        size, h = head
        if any(s.i < i < s.j for s in found[-4:]):
            continue  # inside a name already found: organisations do not nest
        if after_place_word(scan, i):
            continue  # "dãy Trường Sơn", "đường Trường Chinh": a place's name, not a school
        quoted = quoted_name(scan, i + size)
        if quoted:
            end_char, j = quoted
            key = written_out_key(scan, h.name, i + size, j)
            found.append(Span(i, j, toks.starts[i], end_char, key, 0.8, HEADED, h.name))
            quoted_keys.setdefault(h.name, set()).add(key)
            continue
        if not h.naming and owner_follows(scan, i + size):
            continue
        end = continue_name(scan, i + size, after_head=h.person_named, levelled=h.levelled)
        longer = long_name_end(scan, i + size, end, toks.sentence_start(i), h.ambiguous) if h.long else None
        # a level word closing a levelled body's name counts as a second word ("Hội Nông dân tỉnh")
        caps = sum(1 for k in range(i + size, end) if toks.cap(k) or h.levelled and toks.low[k] in gaz.admin_words)
        closed = defined_end(scan, i + size, end) if end > i + size else end  # "… Việt Nam (VPF)"
        if longer or closed > end:
            end = max(longer or end, closed)
        elif end == i + size or (h.ambiguous and toks.sentence_start(i) and caps < 2):
            if h.lone:
                lone_heads.append((i, size, h))
            continue
        end = branch_end(scan, end)  # "Công ty Điện lực Hà Nội chi nhánh Đông Anh"
        span = Span(i, end, *toks.span(i, end), org_key(scan, i, end, size, h.name), 0.8, HEADED, h.name)
        if h.lone:
            pending.append((span, size, h))  # decided below: a name of its own or a reference
        else:
            found.append(span)
    for span, size, h in pending:
        if quoted_keys.get(h.name):
            lone_heads.append((span.i, size, h))  # the quoted name is the body's name; this refers to it
        else:
            found.append(span)
    return found[len(before):], lone_heads, quoted_keys


def _cued_names(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """A lower-case head that announces a firm or an agency ("hãng thông tấn Kyodo", "hãng tin
    AFP", "tập đoàn Samsung", "công ty Vedan"): the capitalised words after it are an
    organisation (cert 0.75), where no organisation was found (the lower-case head joins
    the name in with_lower_heads)."""
    toks, out = scan.toks, []
    cues = scan.gaz.firm_cues
    for i in toks.where({cue[0] for cue in cues}):
        if not toks.lower(i):
            continue
        for head in cues:
            k = i + len(head)
            if tuple(toks.low[i:k]) == head and k < toks.n and all(toks.joined(x) for x in range(i, k)):
                break
        else:
            continue
        j = k
        while j < toks.n and j - k < 4 and toks.cap(j) and not scan.role_at(j) and not scan.head_at(j) \
                and not (j > k and scan.person_at(j)):
            j += 1
            if not toks.joined(j - 1):
                break
        if j > k and free(before, k, j) and free(out, k, j):
            out.append(Span(k, j, *toks.span(k, j), org_key(scan, k, j), 0.75, HEADED))
    return out


def _clubs(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """A football club: capitalised words then "FC" ("Bắc Ninh FC", "Hà Nội FC"), or "FC" then
    them ("FC Seoul"), where no organisation was found: cert 0.85, above the place its name holds."""
    toks, out = scan.toks, []
    for i in toks.where({"fc"}):
        if toks.words[i] != "FC":
            continue
        j = i
        while j > 0 and i - j < 4 and toks.joined(j - 1) and toks.cap(j - 1) and not toks.acronym(j - 1):
            j -= 1
        if j < i:
            start, end = j, i + 1
        else:
            end = i + 1
            while end < toks.n and end - i <= 3 and toks.joined(end - 1) and toks.cap(end):
                end += 1
            start = i
            if end == i + 1:
                continue
        if free(before, start, end) and free(out, start, end):
            out.append(Span(start, end, *toks.span(start, end), toks.surface(start, end), 0.85, LISTED))
    return out


def _lone_references(scan: Scan, before: tuple[Span, ...], lone_heads, quoted_keys) -> list[Span]:
    """A bare "Ban Chỉ đạo" refers to the one steering committee the article has named."""
    toks, out = scan.toks, []
    named: dict[str, set[str]] = {}
    for s in before:
        if s.kind:
            named.setdefault(s.kind, set()).add(s.key)
    for i, size, h in lone_heads:
        keys = quoted_keys.get(h.name) or named.get(h.name, set())
        if len(keys) != 1:
            continue
        if any(s.i == i and s.kind == h.name and s.j > i + size for s in before):
            continue  # this occurrence is the naming one
        key = next(iter(keys))
        out.append(Span(i, i + size, *toks.span(i, i + size), key, 0.6, LONE, h.name))
    return out


_SHORT_NAME = re.compile(r"\(\s*([A-Z]{2,} [A-Z][a-z]+|[A-ZĐ][A-Za-zĐ0-9&.\-]*[A-Za-z0-9])\s*[),]")


def _named_acronyms(scan: Scan, before: tuple[Span, ...]) -> tuple[AbbreviationTable, list[Span]]:
    """An organisation's name then "(ACRONYM)" defines the acronym even when the initials
    do not fit, as with English ones: "Hiệp hội Lương thực Việt Nam (VFA)", "Cục Dự trữ
    Liên bang Mỹ (Fed)". Every later use is that organisation (cert 0.85). Returns the
    abbreviation table with these acronyms added (the text's own is left as it was) and the uses."""
    toks = scan.toks
    ends = {s.end: s for s in before if s.priority == LISTED}
    known = {d.abbr for d in scan.abbrs.definitions}
    learned = []
    for m in _SHORT_NAME.finditer(toks.folded):
        short = m.group(1)
        text_before = toks.folded[:m.start()].rstrip(" ")
        org = ends.get(len(text_before))
        if org is None or short in known or len(short) < 2 or not short.isascii():
            continue
        known.add(short)
        learned.append(Defined(short, org.key, "org", True))
    if not learned:
        return scan.abbrs, []
    abbrs = scan.abbrs.with_definitions(learned)
    later = scan.with_abbreviations(abbrs)
    taken = {s.i for s in before}
    out = []
    for i, hit in sorted(abbrs.found().items()):
        if i in taken or not toks.caps[i]:
            continue
        if hit[1] in learned:
            size, entry = hit
            end = continue_name(scan, i + size, places_only=True)
            key = written_out_key(later, entry.expansion, i + size, end)
            out.append(Span(i, end, *toks.span(i, end), key, 0.85, ACRONYM))
    return abbrs, out
