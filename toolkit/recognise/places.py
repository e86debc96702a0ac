"""Places: the gazetteer (provinces, cities, districts, countries, world cities, regions) and cues.

- A gazetteer place (places.tsv, its aliases, tone placement folded) whose
  last syllable is capitalised: cert 0.9, keyed by the listed name ("Mỹ" and
  "Hoa Kỳ" share "Hoa Kỳ"). A one-syllable name opening a sentence before a
  lower-case word ("Pháp luật …", "Anh cho biết …") is a common word, skipped.
- "tại X", "ở X" (place_cues.tsv, names_place) with X one to four capitalised syllables that are not an
  organisation, a person or a listed place: cert 0.6. A lone capitalised
  syllable followed by a lower-case one ("tại Hội nghị") is a common noun.
- "tỉnh X", "huyện X", "xã X", "thành phố X" … (admin_words.tsv) with X
  capitalised: cert 0.7.
- "sân X", "phố X", "bang X", "đảo X", "ga X" … (place_nouns.tsv, in lower case; a number
  may stand between: "ga S9 Kim Mã", keyed "Kim Mã"; X may be one syllable before a lower-case
  word, as "tại X" may not: "sông Hồng dâng cao", "đường Láng ngập"), and
  "thủ đô X", "khu công nghiệp X" … (place_generics.tsv) the same way as "tại X": cert 0.6;
  after those marked so, a number is a name ("quốc lộ 51", "khu phố 3") and a route's two
  ends joined by a dash are one ("cao tốc Cam Lộ – La Sơn", over the places in it), and so are
  up to four places on it ("cao tốc TP.HCM - Long Thành - Dầu Giây").
- Span extent (docs/ner.md, the VLSP convention): a level, a generic noun or another
  generic word (admin_words, place_nouns, place_generics) written right before a place's
  name is part of its mention ("tỉnh Bình Dương", "thủ đô Berlin", "châu Âu"), lower case,
  capitalised at a sentence start, or, a word of several syllables, with only its first
  capitalised as official names write it ("Thành phố Đà Nẵng", "Khu di tích Kim Liên", which
  then also announces a name); the key stays the name ("Bình Dương"). The longest such word
  decides: a capitalised "Thành phố" lends no "phố" to the place. A generic word of several
  syllables is looked at before a noun it starts with ("sân bay Nội Bài", not "sân").
- A listed place right after "người", "tiếng" … (place_blockers.tsv) is a people or a
  language ("người Nga", "tiếng Anh"): not marked; nor is a place inside the quoted
  title of a work or an event (work_words.tsv: "triển lãm “Hà Nội xưa”").
- A generic word that is the second syllable of a common word written with the syllable
  before it (place_word_compounds.tsv: "yêu cầu", "lao động", "gia đình") opens no place and
  is no part of one ("yêu cầu TP.HCM": the place is "TP.HCM").
- after a level or a generic noun, a personal name is the place's name ("đường
  Võ Văn Kiệt", "xã Trà Leng", "Đường Nguyễn Trãi" at a sentence start, "số 5 phố
  Trần Thánh Tông" after a house number): it wins over the person rules; so does
  any name after a level ("xã Krông Pắc", not a foreign person), and a level of one
  syllable capitalised at a sentence start announces one too ("Xã Tam Đảo được …").
Keys of unlisted places are their folded text.
"""

from __future__ import annotations

import re

from ..model import PLACE
from .ruletable import priority
from .scan import OrgSpans, Scan, written_as_level
from .gazetteers import TITLE_CHARS
from .spans import Candidate
from .tokens import phrase_key

GAZETTEER, ADMIN_CUE, CUE = priority("place"), priority("place-level-cue"), priority("place-cue")
NAMED_AFTER = priority("place-named-after-person")  # ("đường Võ Văn Kiệt"): above the person rules
MAX_CUED = 4
MAX_STOPS = 4  # places a route's name joins by dashes: "cao tốc TP.HCM - Long Thành - Dầu Giây"
_NUMBERED = re.compile(r"[A-Z]{1,3}[0-9]{1,3}")  # "S9", "T3", "C1"
_ROUTE_NUMBER = re.compile(r"[0-9]{1,3}[A-Z]?")  # "quốc lộ 1A", "khu phố 3"


_OPENING = re.compile(r"[\"“«]")  # a quoted title's opening quote (gazetteers.Gazetteers.quoted_title)


def quoted_titles(gaz, text: str) -> list[tuple[int, int]]:
    """The spans of the quoted titles in `text`: group 1 of each match gaz.quoted_title.finditer
    finds, the pattern tried only where a match may begin. A match's work word and the white
    space after it hold no quote, so the first quote after its start is its own, and it begins
    at most the longest word (quoted_title_word) before the white space before that quote; its
    title and closing quote lie within TITLE_CHARS + 1 characters after it. So at each opening
    quote, from there up to it, the first start where the pattern matches (within that reach)
    is the match finditer finds next, and none begins before; else there is none for it."""
    word = gaz.quoted_title_word
    if word is None:
        return [m.span(1) for m in gaz.quoted_title.finditer(text)]
    out, pos = [], 0
    while (opening := _OPENING.search(text, pos)) is not None:
        quote = back = opening.start()
        while back > pos and text[back - 1].isspace():  # str.isspace is the pattern's \s
            back -= 1
        for start in range(max(pos, back - word), quote + 1):
            found = gaz.quoted_title.match(text, start, quote + TITLE_CHARS + 2)
            if found:
                out.append(found.span(1))
                pos = found.end()
                break
        else:
            pos = quote + 1
    return out


def find_places(scan: Scan, orgs: OrgSpans) -> list[Candidate]:
    """Places, given the organisations found (a cued name does not start at one)."""
    toks, gaz = scan.toks, scan.gaz
    out = []
    titles = quoted_titles(gaz, toks.folded) if '"' in toks.folded or "“" in toks.folded or "«" in toks.folded else []
    listed = {x for at, (size, _) in scan.places_at.items() for x in range(at, at + size)}
    for i, (size, place) in scan.places_at.items():
        if i and toks.joined(i - 1) and toks.lower(i - 1) and toks.low[i - 1] in gaz.place_blockers:
            continue
        first = _extent_start(scan, i)
        if any(x in listed for x in range(first, i)):
            first = i  # the generic word is part of a listed name itself ("Vịnh Bắc Bộ")
        start, end = toks.span(first, i + size)
        if any(a <= start < b for a, b in titles):
            continue  # inside the quoted title of a work or an event
        out.append(Candidate(start, end, PLACE, place.name, 0.9, GAZETTEER))
    cues, nouns = gaz.place_name_cues, gaz.place_nouns
    generics = gaz.place_generics
    for i in toks.where(cues | nouns | gaz.admin_words.first.keys() | generics.first.keys()):
        low = toks.low[i]
        if i == toks.n - 1 or not toks.joined(i):
            continue
        if i in listed or _compound_tail(scan, i):
            continue  # the word is part of a listed name ("thành phố Hồ Chí Minh", "Hồ Gươm") or of a word ("yêu cầu")
        if i > 0 and low in nouns and toks.low[i - 1] in gaz.admin_words.first \
                and (gaz.admin_words.match_at(toks, i - 1) or (0,))[0] > 1:
            continue  # "phố" in "thành phố": the level was looked at one word before
        # after a level or a generic noun a personal name is the place's name, but not after
        # an organisation's name: "Chủ tịch UBND thành phố Trần Sỹ Thanh" is a person
        gap = toks.gaps[i - 1] if i else None
        named = gap in (None, ",", ".", ";", ":", "-") or (gap == " " and (
            toks.lower(i - 1) or toks.low[i - 1] in gaz.function_words  # "Từ ga Kim Mã …"
            or toks.words[i - 1].isdigit()))  # a house number: "số 5 phố Trần Thánh Tông"
        generic = 0
        if low in cues:
            named = False
            k, cert, prio = i + 1, 0.6, CUE
            admin = gaz.admin_words.match_at(toks, k) if toks.low[k] in gaz.admin_words else None
            if admin and not toks.title(k):
                k += admin[0]
                cert, prio = 0.7, ADMIN_CUE
                if k >= toks.n or not toks.joined(k - 1):
                    continue
        elif low in gaz.admin_words and (not toks.title(i) or scan.titled_level(i) or toks.sentence_start(i)):
            admin = gaz.admin_words.match_at(toks, i)
            if not admin or i + admin[0] >= toks.n or not toks.joined(i + admin[0] - 1):
                continue
            k, cert, prio = i + admin[0], 0.7, ADMIN_CUE
        elif (generic := _generic_at(scan, i)) and (generic > 1 or low not in nouns):
            k, cert, prio = i + generic, 0.6, CUE  # "sân bay Nội Bài" is no "sân" ("Sân bay …" too)
        elif low in nouns and (toks.lower(i) or (toks.sentence_start(i) and (
                low not in gaz.family_names or (low in gaz.street_nouns and scan.person_at(i + 1))))):
            k, cert, prio = i + 1, 0.6, CUE
        else:
            continue
        first = k  # where the mention's words after the generic one start
        if low not in cues and k + 1 < toks.n and toks.joined(k) and _NUMBERED.fullmatch(toks.words[k]):
            k += 1  # a station's or terminal's number before its name: "ga S9 Kim Mã", "nhà ga T3 …"
        numbered, ends = generics.match_at(toks, i)[1] if generic else (False, False)
        numbered = numbered and bool(_ROUTE_NUMBER.fullmatch(toks.words[k]))
        if numbered:
            end = k + 1  # "quốc lộ 51", "khu phố 3"
        else:
            end = _route_end(scan, orgs, k) if ends else None
            if end is not None:
                prio = NAMED_AFTER  # "cao tốc Quy Nhơn – Pleiku": over the two listed places in it
            else:
                end = _cued_name(scan, orgs, k, named, generic=low not in cues)
        if end is None:
            continue
        if named and (prio == ADMIN_CUE or k in scan.places_at or any(scan.person_at(x) for x in range(k, end))):
            prio = NAMED_AFTER  # "xã Trà Leng", "huyện Nam Trà My"; "xã Mỹ Thành" (not "Mỹ")
        if (prio == CUE and not numbered and end - k == 1 and end < toks.n and toks.joined(end - 1) and toks.lower(end)
                and not (low in nouns and (toks.lower(i) or toks.sentence_start(i)))):
            continue  # "tại Hội nghị"; but after a lower-case noun the syllable is a name: "sông Hồng dâng"
        start, stop = toks.span(_extent_start(scan, first), end)
        if any(a <= start < b for a, b in titles):
            continue
        out.append(Candidate(start, stop, PLACE, toks.surface(k, end), cert, prio))
    return out


def _generic_at(scan: Scan, i: int) -> int:
    """The size of the generic word of place_generics.tsv at token i ("thủ đô", "khu di tích")
    when it is written as one and a name may follow it, else 0."""
    toks, generics = scan.toks, scan.gaz.place_generics
    hit = generics.match_at(toks, i) if toks.low[i] in generics else None
    if not hit or i + hit[0] >= toks.n or not toks.joined(i + hit[0] - 1) or not written_as_level(toks, i, hit[0]):
        return 0
    return hit[0]


def _route_end(scan: Scan, orgs: OrgSpans, k: int) -> int | None:
    """End of a route's name of two ends joined by a dash at token k ("Cam Lộ – La Sơn", "Quy
    Nhơn – Pleiku", "Bắc – Nam"), or of up to MAX_STOPS places on it so joined ("TP.HCM - Long
    Thành - Dầu Giây"): each a listed place or up to three capitalised words."""
    end = k
    for part in range(MAX_STOPS):
        if part and (end >= scan.toks.n or scan.toks.gaps[end - 1] != "-"):
            return end if part > 1 else None
        stop = _route_stop(scan, orgs, end)
        if stop is None:
            return end if part > 1 else None
        end = stop
    return end


def _route_stop(scan: Scan, orgs: OrgSpans, k: int) -> int | None:
    """End of one place a route's name joins at token k: a listed place or up to three capitalised words."""
    toks = scan.toks
    listed = scan.places_at.get(k)
    if listed:
        return k + listed[0]
    if k >= toks.n or not toks.title(k) or k in orgs.at or scan.role_at(k):
        return None
    stop = k + 1
    while stop < toks.n and stop - k < 3 and toks.joined(stop - 1) and toks.title(stop):
        stop += 1
    return stop


def _compound_tail(scan: Scan, j: int) -> bool:
    """Is token j, in lower case, the second syllable of a common word written with the one
    before it (place_word_compounds.tsv: "cầu" of "yêu cầu")?"""
    toks = scan.toks
    return (j > 0 and toks.joined(j - 1) and toks.lower(j)
            and phrase_key(toks.surface(j - 1, j + 1)) in scan.gaz.place_word_compounds)


def _extent_start(scan: Scan, k: int) -> int:
    """The token a place's mention starts at when its name starts at token k: the generic
    words written right before the name ("tỉnh", "thủ đô", "khu công nghiệp") belong to it,
    as a level is written (written_as_level) or capitalised at a sentence start ("Tỉnh Quảng
    Ninh có …"). The longest such word decides: the "phố" of a capitalised "Thành phố" is none."""
    toks, levels = scan.toks, scan.gaz.place_levels
    low, firsts = toks.low, levels.first
    for j in range(max(0, k - 3), k):
        if low[j] not in firsts or not all(toks.joined(x) for x in range(j, k)) or _compound_tail(scan, j):
            continue
        hit = levels.match_at(toks, j)
        if hit and hit[0] == k - j:
            return j if written_as_level(toks, j, hit[0]) or (toks.title(j) and toks.sentence_start(j)) else k
    return k


def _cued_name(scan: Scan, orgs: OrgSpans, k: int, named: bool = False, generic: bool = False) -> int | None:
    """End of a run of capitalised syllables at token k that nothing else has claimed
    (named: a personal name may be the place's name; generic: after a level or a generic
    noun, where a word that heads organisations is the place's name: "dãy Trường Sơn")."""
    toks = scan.toks
    if not toks.title(k) or k in orgs.at or (scan.head_at(k) and not generic):
        return None
    if (scan.person_at(k) or k in scan.places_at) and not named:
        return None
    if scan.role_at(k) or scan.abbrs.match_at(toks, k):
        return None
    end = k + 1
    while end < toks.n and end - k < MAX_CUED and toks.joined(end - 1) and toks.title(end):
        end += 1
    listed = scan.places_at.get(k)
    if listed and listed[0] >= end - k:
        return None  # the listed place itself ("tỉnh Quảng Ninh")
    return end
