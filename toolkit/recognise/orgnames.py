"""The grammar of an organisation's name: where a name that follows a head word ends.

Vietnamese capitalises the first syllable of each proper part of a name, so
after a head word (org_heads.tsv: Bộ, Ban, Ủy ban, Sở, Công ty …) the name is
a run of words, each a capitalised syllable, an acronym or a known place,
optionally completed by ONE lower-case syllable that is not a function word
("Bộ Công an", "Ban Bí thư", "Sở Y tế Hà Nội", "Đảng ủy Công an Trung ương"), or by
the rest of a longer word (org_words.tsv: "Hiệp hội Bất động sản", "Ban Tiếp công dân"),
and "tỉnh/huyện/xã … X" (`continue_name`), a level of several syllables also as official
names capitalise it ("Sở Du lịch Thành phố Đà Nẵng": Scan.titled_level). The run stops before a personal
name ("Bộ Công an Trần Văn A"), a rank, a line break or punctuation. After
two capitalised words no lower-case syllable follows but a name's tail or
field ("Bệnh viện Từ Dũ khuyến cáo": the verb is not the name's). A school's
level words (school_words.tsv: THPT, Chuyên, Tiểu học …) still let a personal
name name the body ("Trường THPT Chuyên Lê Hồng Phong"). A unit's name
followed directly by its parent (a head that may own sub-bodies, with its
name or alone: "Tỉnh ủy") takes the parent in ("Ban Dân vận Tỉnh ủy Sóc
Trăng"); hyphen-joined parts are one name ("Sân khấu - Điện ảnh"); a body
that exists at every level (heads marked levelled) takes a bare level word
("Hội Nông dân tỉnh"). In a run of words in capitals (Scan.shouted), where case marks no
name's end, a place ends the name ("SỞ Y TẾ HÀ NỘI THÔNG BÁO …").

Before an acronym in brackets the name runs on over lower-case words to the bracket
(`defined_end`: "Tổng công ty Cảng hàng không Việt Nam (ACV)"). Also here: a quoted name after a head (`quoted_name`: 'Ban chỉ đạo “Thực
hiện …”'), "chi nhánh (tỉnh|thành phố …)? X" after a name (`branch_end`:
"Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"), and whether an organisation
that may own sub-bodies follows a head (`owner_follows`: in "Ban Thường trực
Ủy ban Trung ương MTTQVN" the head "Ban Thường trực" gives way to it). Long
names over lower-case words after strong heads are longnames.py's.

Every function here answers a question about the tokens (read-only Scan);
none proposes a candidate: that is orgs.py.
"""

from __future__ import annotations

from .scan import Scan
from .syllables import VOWELS, foreign_word

MAX_NAME = 14
MAX_DEFINED = 20   # words from a head to the acronym in brackets that closes its name
_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’"}


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
    Parts joined by a hyphen are one name: "Đại học Sân khấu - Điện ảnh Hà Nội"; acronyms
    joined by "&" or a hyphen with no spaces are one: "Sở GD&ĐT Hà Nội", "Bộ GD-ĐT".
    """
    toks, gaz = scan.toks, scan.gaz
    end, n = k, toks.n
    admin = False  # past "tỉnh/huyện/xã …": what follows is a place's name, no lower-case word
    while end < n and end > 0 and end - k < MAX_NAME:
        gap = toks.gaps[end - 1]
        if gap != " " and not (end > k and gap == "," and _listed_part(scan, end)) \
                and not (end > k and gap == "-" and not places_only and _hyphen_part(scan, end)) \
                and not (end > k and (gap == "&" or gap == "-" and toks.text[toks.ends[end - 1]:toks.starts[end]] == "-")
                         and toks.acronym(end - 1) and toks.words[end].isupper()):
            break  # (a comma is crossed only inside "Sở Văn hóa, Thể thao và Du lịch …")
        low = toks.low[end]
        place = scan.places_at.get(end)
        if place:
            end += place[0]
            if scan.shouted(end - 1):
                break  # in capitals a place ends the name: "SỞ Y TẾ HÀ NỘI THÔNG BÁO …"
            continue
        if low == "và" and end > k and _joined_part(scan, end + 1):
            end += 1  # "Đài Phát thanh và Truyền hình": "và" joins two fields of one name
            continue
        if low in gaz.admin_words and (not toks.title(end) or scan.titled_level(end)):  # "… Thành phố Đà Nẵng"
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
        named_after = after_head and all(toks.acronym(x) or toks.low[x] in gaz.school_words for x in range(k, end))
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
        word = gaz.org_words.match_at(toks, end - 1) if low in gaz.org_words else None
        if word and all(toks.lower(x) for x in range(end, end - 1 + word[0])):
            end += word[0] - 1  # a longer word: "Hiệp hội Bất động sản", "Ban Tiếp công dân"
        # one lower-case syllable completes a capitalised one ("Bộ Công an", "Sở Y tế"), but not a
        # name that already ends in two capitalised words: "Bệnh viện Từ Dũ khuyến cáo" is a verb
        elif (not admin and end < n and toks.joined(end - 1) and toks.lower(end) and low not in gaz.admin_words
                and (toks.low[end] not in gaz.function_words or (low, toks.low[end]) in gaz.org_fields)  # "Hàng không"
                and toks.low[end] not in gaz.admin_words
                and not (end - 2 >= k and toks.title(end - 2) and toks.title(end - 1)
                         and not _name_goes_on(scan, end - 1))
                and branch_end(scan, end) == end  # "… chi nhánh X" is taken whole after the name
                and _compounds(toks.words[end - 1])):
            end += 1
        # field nouns in lower case go on the name: "Cục Cảnh sát giao thông", "… Thể dục thể thao"
        while (end + 1 < n and toks.joined(end - 1) and toks.joined(end) and toks.lower(end) and toks.lower(end + 1)
               and (toks.low[end], toks.low[end + 1]) in gaz.org_fields):
            end += 2
    return end


def tail_end(scan: Scan, end: int) -> int:
    """End of a name's usual tail in lower case (name_tails.tsv) right after a name ending before
    token end: "VKSND tối cao", "TAND tối cao"; else end."""
    toks = scan.toks
    if (0 < end and end + 1 < toks.n and toks.joined(end - 1) and toks.joined(end) and toks.lower(end)
            and toks.lower(end + 1) and (toks.low[end], toks.low[end + 1]) in scan.gaz.name_tails):
        return end + 2
    return end


def defined_end(scan: Scan, k: int, end: int) -> int:
    """End token of a name its acronym in brackets closes, where the name after the head ending
    before token k would stop at `end`: "Công ty CP Bóng đá chuyên nghiệp Việt Nam (VPF)", "Cục
    Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu (C03, Bộ Công an)". The words up
    to the bracket are the name's when none is a function word (but those marked in_name: "về",
    "của", "không" …), a verb after a subject (name_stops.tsv), a person or a rank, and a body or
    listed name inside follows no function word but "của" ("… của Liên Hiệp Quốc (OCHA)", not
    "Bộ Y tế và Tổ chức Y tế Thế giới (WHO)"); a comma only between lower-case words. Else end."""
    toks, gaz = scan.toks, scan.gaz
    low, n = toks.low, toks.n
    j = end
    while 0 < j < n and j - k < MAX_DEFINED:
        gap = toks.gaps[j - 1]
        if gap == "(":
            return j if j > end and _bracketed_acronym(scan, j) else end
        if gap != " " and not (gap == "," and toks.lower(j - 1) and toks.lower(j)):
            return end
        if toks.lower(j):
            if j + 1 < n and toks.joined(j) and (low[j], low[j + 1]) in gaz.org_fields:
                j += 2  # a field noun: "tham nhũng", "hàng không"
                continue
            if low[j] in gaz.function_words and low[j] not in gaz.name_function_words:
                return end
            if j + 1 < n and (low[j], low[j + 1]) in gaz.name_stops:
                return end
        elif toks.cap(j):
            if scan.person_at(j) or scan.role_at(j):
                return end
            inner = scan.head_at(j) or (low[j] in gaz.orgs.first and gaz.orgs.match_at(toks, j))
            if inner and low[j - 1] in gaz.function_words and low[j - 1] != "của":
                return end
        elif not toks.words[j].isdigit():
            return end
        j += 1
    return end


def _bracketed_acronym(scan: Scan, j: int) -> bool:
    """Does an acronym that may name a body open the bracket at token j: "(VPF)", "(C03, …)",
    "(PV Power)"; not one of acronym_stoplist.tsv nor an abbreviation of something else?"""
    toks = scan.toks
    word = toks.words[j]
    if not (len(word) > 1 and word[0].isupper() and word.isascii() and word.isalnum()
            and not word[1:].islower()) or word in scan.gaz.acronym_stoplist:  # "VPF", "C03", not "Fed"
        return False
    abbr = scan.abbrs.match_at(toks, j)
    if abbr and abbr[1].kind != "org":
        return False
    if toks.gaps[j] == " " and j + 1 < toks.n and toks.title(j + 1):  # "(PV Power)"
        j += 1
    return toks.folded[toks.ends[j]:toks.ends[j] + 2].lstrip()[:1] in (")", ",")


def _compounds(word: str) -> bool:
    """Can a lower-case syllable complete this capitalised word into a compound ("Y tế", "Công
    an")? Not a lone consonant ("Bệnh viện K") nor a foreign word ("Hãng thông tấn Yonhap")."""
    if len(word) == 1:
        return word.lower() in VOWELS
    return not foreign_word(word)


def _name_goes_on(scan: Scan, k: int) -> bool:
    """After two capitalised words, does the lower-case syllable after token k still belong to the
    name? Only as a name's usual tail or field ("Bệnh viện Nhi Trung ương") or when a capitalised
    word follows it ("Bệnh viện Bệnh Nhiệt đới Trung ương"); else it is the verb of the sentence."""
    toks = scan.toks
    pair = (toks.low[k], toks.low[k + 1])
    if pair in scan.gaz.name_tails or pair in scan.gaz.org_fields:
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


def quoted_name(scan: Scan, h: int):
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


def owner_follows(scan: Scan, k: int) -> bool:
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


def branch_end(scan: Scan, end: int) -> int:
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
