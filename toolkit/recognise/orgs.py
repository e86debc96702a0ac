"""Organisations: listed names, head word + name, acronyms, quoted committee names.

Rules, in the order they are tried at a capitalised token:

1. a listed organisation (orgs.tsv), as listed: cert 0.9;
2. an acronym that stands for an organisation (learned as "Công an nhân dân
   (CAND)" or listed: UBND, TTXVN, WHO …), extended by a place ("UBND tỉnh
   Hà Tĩnh", "UBND huyện Tiên Du", "MTTQ Việt Nam"): cert 0.9, keyed by the expansion;
3. a head word (org_heads.tsv: Bộ, Ban, Ủy ban, Sở, Công ty …) followed by
   a name: cert 0.8. Vietnamese capitalises the first syllable of each proper
   part, so the name is a run of words, each a capitalised syllable, an
   acronym or a known place, optionally completed by ONE lower-case syllable
   that is not a function word ("Bộ Công an", "Ban Bí thư", "Sở Y tế Hà Nội",
   "Đảng ủy Công an Trung ương"), and "tỉnh/huyện/xã … X". The run stops
   before a personal name ("Bộ Công an Trần Văn A"), a rank, a line break
   or punctuation. A head that is also a common word ("Tổ chức" to organise)
   needs two capitalised syllables when it opens a sentence. After two
   capitalised words no lower-case syllable follows but a name's tail or field
   ("Bệnh viện Từ Dũ khuyến cáo": the verb is not the name's). A school's level
   words (THPT, Chuyên, Tiểu học …) still let a personal name name the body
   ("Trường THPT Chuyên Lê Hồng Phong"). A unit's name followed directly by its
   parent (a head that may own sub-bodies, with its name or alone: "Tỉnh ủy")
   takes the parent in ("Ban Dân vận Tỉnh ủy Sóc Trăng"); hyphen-joined parts
   are one name ("Sân khấu - Điện ảnh"); a body that exists at every level
   (heads marked levelled) takes a bare level word ("Hội Nông dân tỉnh");
4. a head word followed by a quoted name: 'Ban chỉ đạo “Thực hiện …”' is
   the organisation, keyed "Ban Chỉ đạo Thực hiện …" (abbreviations inside
   written out): cert 0.8;
5. for heads marked lone (Ban Chỉ đạo, Ban Tổ chức …): once the article has
   named exactly one such body, the bare head refers to it: cert 0.6.
6. "chi nhánh (tỉnh|thành phố …)? X" after any of these names is part of it
   ("Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh");
7. a lower-case head that announces a firm or agency ("hãng tin", "hãng thông
   tấn", "tập đoàn", "công ty") + capitalised words: those words, cert 0.75;
   capitalised, these heads keep a listed name after them as their own name
   ("Tập đoàn Vingroup"), instead of giving way to it;
8. clubs: capitalised words + "FC", or "FC" + capitalised words: cert 0.85
   (foreign clubs by name are listed in orgs.tsv; a listed club that is also a
   city is the city after "tại", "ở", "sang" …).

Keys: the listed canonical name if the (expanded) name is listed, else the
name with abbreviations written out and the head in its listed spelling, so
"Ủy ban Trung ương MTTQVN" and "Uỷ ban Trung ương Mặt trận Tổ quốc Việt
Nam" share one key. Organisations do not nest (TEI names never hold a name of
their kind): the longest wins, except that a sub-body head directly followed by
an organisation that may own sub-bodies (heads marked nest, listed names,
acronyms) gives way to it: in "Ban Thường trực Ủy ban Trung ương MTTQVN" the
organisation marked is "Ủy ban Trung ương MTTQVN".
"""

from __future__ import annotations

import re

from ..model import ORG
from .abbreviations import AbbreviationTable, Defined
from .longnames import TAILS, long_name_end
from .persons import foreign_word
from .ruletable import priority
from .scan import OrgSpans, Scan, Span
from .spans import Candidate
from .tokens import phrase_key

# One priority for every named organisation, so of two nested ones the longer is kept
# ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" over the "Mặt trận …" inside it);
# the rules differ in cert. Back-references give way to any name.
LISTED = ACRONYM = HEADED = priority("org")
LONE = priority("org-reference")
MAX_NAME = 14
_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_VOWELS = frozenset("aăâeêioôơuưy")
# Lower-case words that announce the name of a firm or an agency after them.
_LOWER_HEADS = (("hãng", "thông", "tấn"), ("hãng", "tin"), ("tập", "đoàn"), ("công", "ty"))
_LOWER_HEADS_FIRST = frozenset(h[0] for h in _LOWER_HEADS)
# Heads of firms and agencies: a listed name after them is their own name ("Tập đoàn Samsung",
# "Hãng thông tấn Reuters"), not a parent body the head would give way to.
_NAMING_HEADS = frozenset({"Hãng", "Hãng thông tấn", "Hãng tin", "Tập đoàn", "Công ty", "Tổng công ty",
                           "Ngân hàng"})
# Words before a place one travels to or is at: a name listed both as a club and as a city
# ("Barcelona") is the city after them.
_PLACE_CUES = frozenset({"tại", "ở", "đến", "tới", "sang", "về"})
# Words of a school's level between its head and the person it is named after
# ("Trường THPT Chuyên Lê Hồng Phong", "Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen").
_SCHOOL_WORDS = frozenset({"tiểu", "học", "chuyên", "mầm", "non", "trung", "cơ", "sở", "phổ", "thông",
                           "năng", "khiếu", "dân", "lập", "quốc", "tế"})


def continue_name(scan: Scan, k: int, after_head: bool = False, places_only: bool = False,
                  levelled: bool = False, depth: int = 0) -> int:
    """End token of the name that may follow a head (or a whole name) ending before token k.

    Right after a bare head word a personal name is the body's name ("Bệnh viện
    Bạch Mai"); after a name that is already whole it starts a new phrase.
    places_only: after a whole name or an acronym only a place may follow
    ("UBND tỉnh Hà Tĩnh", "MTTQ Việt Nam"), not any capitalised word.
    levelled: the body exists at each administrative level, so a bare level word
    ends its name ("Hội Nông dân tỉnh").
    A unit's name directly followed by its parent body (a head that may own
    sub-bodies + its name) takes the parent in: "Ban Dân vận Tỉnh ủy Sóc Trăng".
    Parts joined by a hyphen are one name: "Đại học Sân khấu - Điện ảnh Hà Nội".
    """
    toks, gaz = scan.toks, scan.gaz
    end, n = k, toks.n
    admin = False  # past "tỉnh/huyện/xã …": what follows is a place's name, no lower-case word
    while end < n and end > 0 and end - k < MAX_NAME:
        gap = toks.gaps[end - 1]
        if gap != " " and not (end > k and gap == "," and _listed_part(scan, end)) \
                and not (end > k and gap == "-" and not places_only and _hyphen_part(scan, end)):
            break  # (a comma is crossed only inside "Sở Văn hóa, Thể thao và Du lịch …")
        low = toks.low[end]
        place = scan.places_at.get(end)
        if place:
            end += place[0]
            continue
        if low == "và" and end > k and _joined_part(scan, end + 1):
            end += 1  # "Đài Phát thanh và Truyền hình": "và" joins two fields of one name
            continue
        if low in gaz.admin_words and not toks.title(end):
            size = gaz.admin_words.match_at(toks, end)
            nxt = end + size[0] if size else end + 1
            if size and nxt < n and toks.joined(nxt - 1) and toks.cap(nxt):
                end, admin = nxt, True
                if places_only and nxt not in scan.places_at:  # "UBND huyện Tiên Du": a place by its level
                    while end < n and toks.title(end) and not scan.person_at(end) and end - nxt < 4:
                        end += 1
                        if not toks.joined(end - 1):
                            break
                continue
            if levelled and end > k and size and not (nxt < n and toks.cap(nxt)):
                end = nxt  # a bare level: "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ huyện"
            break
        if end > k and not places_only and depth == 0:
            parent = scan.head_at(end)
            if parent and parent[1].nest and not parent[1].ambiguous:
                parent_end = continue_name(scan, end + parent[0], depth=1)
                if parent_end > end + parent[0]:
                    return parent_end  # "Ban Dân vận Tỉnh ủy Sóc Trăng": the parent ends the name
                if parent[0] > 1 and toks.lower(end + parent[0] - 1):
                    return end + parent[0]  # a parent named by its head alone: "Ban Dân vận Tỉnh ủy"
        # "Trường THPT Chu Văn An", "Trường THPT Chuyên Lê Hồng Phong", "Trường Tiểu học Kim Đồng"
        named_after = after_head and all(toks.acronym(x) or toks.low[x] in _SCHOOL_WORDS for x in range(k, end))
        if not toks.cap(end) or (not named_after and scan.person_at(end)):
            break  # a personal name right after the head names the body ("Bệnh viện Bạch Mai")
        role = scan.role_at(end)
        if role and (role[1].kind != "office" or end > k and _person_after(scan, end + role[0])):
            break  # "Bộ Công an Đại tướng …", "Ban Dân vận Bộ trưởng Nguyễn Văn A": a new phrase
        if places_only:
            break
        listed = gaz.orgs.match_at(toks, end) if end > k and low in gaz.orgs.first else None
        if listed:
            end += listed[0]  # a listed name inside is whole: "… Nông lương Liên hợp quốc"
            continue
        abbr = scan.abbrs.match_at(toks, end)
        if abbr:
            end += abbr[0]
            continue
        end += 1
        if toks.acronym(end - 1):
            continue
        # one lower-case syllable completes a capitalised one ("Bộ Công an", "Sở Y tế"), but not a
        # name that already ends in two capitalised words: "Bệnh viện Từ Dũ khuyến cáo" is a verb
        if (not admin and end < n and toks.joined(end - 1) and toks.lower(end) and low not in gaz.admin_words
                and toks.low[end] not in gaz.function_words and toks.low[end] not in gaz.admin_words
                and not (end - 2 >= k and toks.title(end - 2) and toks.title(end - 1)
                         and not _name_goes_on(scan, end - 1))
                and _branch_end(scan, end) == end  # "… chi nhánh X" is taken whole after the name
                and _compounds(toks.words[end - 1])):
            end += 1
        # field nouns in lower case go on the name: "Cục Cảnh sát giao thông", "… Thể dục thể thao"
        while (end + 1 < n and toks.joined(end - 1) and toks.joined(end) and toks.lower(end) and toks.lower(end + 1)
               and (toks.low[end], toks.low[end + 1]) in gaz.org_fields):
            end += 2
    return end


def _compounds(word: str) -> bool:
    """Can a lower-case syllable complete this capitalised word into a compound ("Y tế", "Công
    an")? Not a lone consonant ("Bệnh viện K") nor a foreign word ("Hãng thông tấn Yonhap")."""
    if len(word) == 1:
        return word.lower() in _VOWELS
    return not foreign_word(word)


def _name_goes_on(scan: Scan, k: int) -> bool:
    """After two capitalised words, does the lower-case syllable after token k still belong to the
    name? Only as a name's usual tail or field ("Bệnh viện Nhi Trung ương") or when a capitalised
    word follows it ("Bệnh viện Bệnh Nhiệt đới Trung ương"); else it is the verb of the sentence."""
    toks = scan.toks
    pair = (toks.low[k], toks.low[k + 1])
    if pair in TAILS or pair in scan.gaz.org_fields:
        return True
    return k + 2 < toks.n and toks.joined(k + 1) and toks.title(k + 2)


def _person_after(scan: Scan, k: int) -> bool:
    """Does a personal name follow at token k (a family name + a capitalised syllable)?"""
    return k < scan.toks.n and scan.toks.joined(k - 1) and scan.person_at(k)


def _hyphen_part(scan: Scan, k: int) -> bool:
    """After a hyphen inside a name: a capitalised part of it ("Sân khấu - Điện ảnh"), not a
    place, person, role, new body or listed name ("Bệnh viện Bạch Mai - Hà Nội" ends before it)."""
    return _joined_part(scan, k, after_comma=True)


def _joined_part(scan: Scan, k: int, after_comma: bool = False) -> bool:
    """Can token k continue a name after "và" (capitalised, not a new body, person or place)?"""
    toks = scan.toks
    if k >= toks.n or not (after_comma or toks.joined(k - 1)) or not toks.title(k):
        return False
    if scan.head_at(k) or scan.person_at(k) or k in scan.places_at or scan.role_at(k):
        return False
    return not (toks.low[k] in scan.gaz.orgs and scan.gaz.orgs.match_at(toks, k))


def _listed_part(scan: Scan, k: int) -> bool:
    """After a comma: a field of the name when a "và" + field follows within a few words."""
    toks = scan.toks
    if not _joined_part(scan, k, after_comma=True):
        return False
    for m in range(k + 1, min(k + 5, toks.n - 1)):
        if toks.gaps[m - 1] not in (" ", ","):
            return False
        if toks.low[m] == "và":
            return _joined_part(scan, m + 1)
    return False


def org_key(scan: Scan, i: int, j: int, head_size: int = 0, head_name: str = "") -> str:
    expanded = scan.abbrs.expand(scan.toks, i, j)
    listed = scan.gaz.org_names.get(phrase_key(expanded))
    if listed:
        return listed.name
    if head_name:
        rest = scan.abbrs.expand(scan.toks, i + head_size, j) if j > i + head_size else ""
        return f"{head_name} {rest}".strip()
    return expanded


def _quoted(scan: Scan, h: int):
    """(end char, inner token span) of a quoted name right after the head ending before token h."""
    toks = scan.toks
    if h >= toks.n or h == 0:
        return None
    opener = toks.gaps[h - 1]
    if not opener or opener[-1] not in _QUOTES or len(opener) > 1:
        return None
    closer = _QUOTES[opener[-1]]
    close = toks.folded.find(closer, toks.starts[h], toks.starts[h] + 300)
    if close < 0 or "\n" in toks.folded[toks.starts[h]:close]:
        return None
    j = h
    while j < toks.n and toks.ends[j] <= close:
        j += 1
    return (close + 1, j) if j > h else None


def _owner_follows(scan: Scan, k: int) -> bool:
    """Does an organisation that may own sub-bodies start at token k, right after a head?"""
    toks = scan.toks
    if k >= toks.n or not toks.joined(k - 1) or not toks.cap(k):
        return False
    if toks.low[k] in scan.gaz.orgs and scan.gaz.orgs.match_at(toks, k):
        return True
    abbr = scan.abbrs.match_at(toks, k)
    if abbr and abbr[1].kind == "org":
        return True
    head = scan.head_at(k)
    return bool(head and head[1].nest and continue_name(scan, k + head[0]) > k + head[0])


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
    spans += _clubs(scan, tuple(spans))
    abbrs, acronyms = _named_acronyms(scan, tuple(spans))
    spans += acronyms
    return OrgSpans(spans), abbrs


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
            if place and place[0] == size and i and toks.low[i - 1] in _PLACE_CUES and toks.joined(i - 1):
                continue  # "sang Barcelona du lịch": the city
            key, end = org.name, i + size
            country = scan.places_at.get(end) if toks.joined(end - 1) else None
            if country and country[1].kind == "country":  # but for a country's: "Quốc hội Lào"
                key, end = f"{org.name} {country[1].name}", end + country[0]
            branch = _branch_end(scan, end)
            if branch > end:  # "Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"
                key, end = f"{key} {toks.surface(end, branch)}", branch
            found.append(Span(i, end, *toks.span(i, end), key, 0.9, LISTED))
            continue
        abbr = scan.abbrs.match_at(toks, i)
        if abbr and abbr[1].kind == "org":
            size, entry = abbr
            end = _branch_end(scan, continue_name(scan, i + size, places_only=True))
            key = org_key(scan, i, end)
            found.append(Span(i, end, *toks.span(i, end), key, 0.95 if entry.learned else 0.9, ACRONYM))
            continue
        head = scan.head_at(i)
        if not head:
            continue
        size, h = head
        if any(s.i < i < s.j for s in found[-4:]):
            continue  # inside a name already found: organisations do not nest
        quoted = _quoted(scan, i + size)
        if quoted:
            end_char, j = quoted
            key = f"{h.name} {scan.abbrs.expand(toks, i + size, j)}"
            found.append(Span(i, j, toks.starts[i], end_char, key, 0.8, HEADED, h.name))
            quoted_keys.setdefault(h.name, set()).add(key)
            continue
        if h.name not in _NAMING_HEADS and _owner_follows(scan, i + size):
            continue
        end = continue_name(scan, i + size, after_head=h.person_named, levelled=h.levelled)
        longer = long_name_end(scan, i + size, end, toks.sentence_start(i), h.ambiguous) if h.long else None
        # a level word closing a levelled body's name counts as a second word ("Hội Nông dân tỉnh")
        caps = sum(1 for k in range(i + size, end) if toks.cap(k) or h.levelled and toks.low[k] in gaz.admin_words)
        if longer:
            end = longer
        elif end == i + size or (h.ambiguous and toks.sentence_start(i) and caps < 2):
            if h.lone:
                lone_heads.append((i, size, h))
            continue
        end = _branch_end(scan, end)  # "Công ty Điện lực Hà Nội chi nhánh Đông Anh"
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


def _free(spans, i: int, j: int) -> bool:
    """None of these organisations overlaps tokens i..j."""
    return not any(s.i < j and i < s.j for s in spans)


def _cued_names(scan: Scan, before: tuple[Span, ...]) -> list[Span]:
    """A lower-case head that announces a firm or an agency ("hãng thông tấn Kyodo", "hãng tin
    AFP", "tập đoàn Samsung", "công ty Vedan"): the capitalised words after it are an
    organisation (cert 0.75), where no organisation was found; the lower-case head stays
    outside the name."""
    toks, out = scan.toks, []
    for i in toks.where(_LOWER_HEADS_FIRST):
        if not toks.lower(i):
            continue
        for head in _LOWER_HEADS:
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
        if j > k and _free(before, k, j) and _free(out, k, j):
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
        if _free(before, start, end) and _free(out, start, end):
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


_SHORT_NAME = re.compile(r"\(\s*([A-ZĐ][A-Za-zĐ0-9&.\-]*[A-Za-z0-9])\s*\)")


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
    taken = {s.i for s in before}
    out = []
    for i, hit in sorted(abbrs.found().items()):
        if i in taken or not toks.caps[i]:
            continue
        if hit[1] in learned:
            size, entry = hit
            end = continue_name(scan, i + size, places_only=True)
            key = entry.expansion if end == i + size else f"{entry.expansion} {abbrs.expand(toks, i + size, end)}"
            out.append(Span(i, end, *toks.span(i, end), key, 0.85, ACRONYM))
    return abbrs, out


def _branch_end(scan: Scan, end: int) -> int:
    """End of "chi nhánh (tỉnh|thành phố …)? X" after an organisation ending before token end,
    X a listed place or capitalised words; else end."""
    toks, gaz = scan.toks, scan.gaz
    if not (end + 2 < toks.n and toks.low[end] == "chi" and toks.low[end + 1] == "nhánh" and toks.lower(end)
            and toks.joined(end - 1) and toks.joined(end) and toks.joined(end + 1)):
        return end
    k = end + 2
    if toks.low[k] in gaz.admin_words and toks.lower(k):
        size = gaz.admin_words.match_at(toks, k)
        if not size or k + size[0] >= toks.n or not toks.joined(k + size[0] - 1):
            return end
        k += size[0]
    place = scan.places_at.get(k)
    if place:
        return k + place[0]
    j = k
    while j < toks.n and j - k < 4 and toks.cap(j) and not scan.person_at(j) and not scan.role_at(j):
        j += 1
        if not toks.joined(j - 1):
            break
    return j if j > k else end
