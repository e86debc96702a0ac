"""Long organisation names that run over lower-case syllables after a strong head word.

Vietnamese capitalises only the first syllable of each proper part of a name,
so the names of centres, steering committees, task forces and councils often
hold several lower-case syllables: "Trung tâm Dự báo khí tượng thủy văn quốc
gia", "Ban Chỉ đạo Phong trào toàn dân bảo vệ an ninh Tổ quốc", "Ban Chỉ đạo
quốc gia về phòng, chống thiên tai". After a head marked long (org_heads.tsv)
the name runs on, word by word, until

- a line break or punctuation (but "phòng, chống": prevention and control);
  before "(ABBR)" the words so far are the whole name;
- a function word ("cho", "các", "của" …; "về" only in "quốc gia về …",
  a national committee on something; "của" + a listed organisation is taken in:
  "Tổ công tác … của Chính phủ");
- a person's name, a rank, another head word, a verb that follows a subject
  (name_stops.tsv: "yêu cầu", "khai mạc" …);
- a place (taken in, and it ends the name: "… tỉnh Khánh Hòa").

Lower-case syllables left at the end are dropped back to the last capitalised
word, number or place, unless they are a name's usual tail (name_tails.tsv: "quốc gia",
"trung ương") or follow "quốc gia về". The longer name is used only when its
words after the head hold a capitalised syllable or a place, or follow
"quốc gia về"; at the start of a sentence an ambiguous head ("Trung tâm") needs
two capitalised syllables, or one and a tail or place.
"""

from __future__ import annotations

from .scan import Scan

MAX_LONG = 16
MAX_ABOUT = 6          # words after "quốc gia về"


def long_name_end(scan: Scan, head_end: int, end: int, sentence_start: bool, ambiguous: bool) -> int | None:
    """End token of a long name after the head ending before `head_end`, if longer than `end`
    (where the ordinary rule stops) and acceptable, else None."""
    toks, gaz = scan.toks, scan.gaz
    low, n = toks.low, toks.n
    k, good = head_end, head_end
    caps, place_end, tail_end, about, defined = 0, False, False, -1, False
    while k < n and k - head_end < MAX_LONG:
        if k > head_end:
            gap = toks.gaps[k - 1]
            if gap != " " and not (gap == "," and low[k - 1] == "phòng" and low[k] == "chống"):
                if gap == "(" and toks.caps[k] and (caps or about >= 0):
                    good, defined = k, True  # "Trung tâm Kiểm soát bệnh tật (CDC)": the name ends here
                break
        w = low[k]
        if about >= 0 and k - about > MAX_ABOUT:
            break
        if k + 1 < n and (w, low[k + 1]) in gaz.name_stops and not toks.caps[k]:
            break
        place = scan.places_at.get(k)
        if place:
            k = good = k + place[0]
            place_end = True
            break
        if w in gaz.admin_words and (not toks.titles[k] or scan.titled_level(k)):
            admin = gaz.admin_words.match_at(toks, k)
            after = k + admin[0] if admin else k + 1
            if admin and after < n and toks.joined(after - 1) and toks.titles[after]:
                k = after
                while k < n and toks.titles[k] and k - after < 4:
                    k += 1
                    if not toks.joined(k - 1):
                        break
                good, place_end = k, True
            break
        if w == "và" and k + 1 < n and toks.joined(k) and toks.titles[k + 1] and caps:
            k += 1  # "Kiểm soát và Phòng ngừa dịch bệnh": "và" joins two fields
            continue
        if w in gaz.function_words and not toks.caps[k]:
            if w == "về" and k - head_end >= 2 and (low[k - 2], low[k - 1]) == ("quốc", "gia") and about < 0:
                about = k
                k += 1
                continue
            if w == "của" and k + 1 < n and toks.joined(k) and toks.caps[k + 1] and good > head_end:
                listed = gaz.orgs.match_at(toks, k + 1) if low[k + 1] in gaz.orgs.first else None
                if listed:
                    good = k = k + 1 + listed[0]  # "… của Chính phủ"
            break
        if k > head_end and toks.caps[k] and (scan.person_at(k) or scan.head_at(k) or scan.role_at(k)):
            break
        if toks.caps[k]:
            caps += 1
            k += 1
            good = k
            continue
        if w.isdigit():
            if not any(toks.caps[x] for x in range(max(head_end, k - 2), k)):
                break
            k += 1
            good = k
            continue
        if not toks.lower(k):
            break
        if k + 1 < n and (w, low[k + 1]) in gaz.name_tails and toks.joined(k):
            k += 2
            good, tail_end = k, True
            continue
        k += 1
        if about >= 0 or (k - 2 >= head_end and toks.caps[k - 2]):
            good = k  # "quốc gia về phát triển điện hạt nhân"; a word's second syllable ("Tổ quốc")
    if good <= end:
        return None
    if about < 0 and not caps and not place_end:
        return None
    if ambiguous and sentence_start and about < 0 and caps < 2 and not (caps and (tail_end or place_end or defined)):
        return None
    return good
