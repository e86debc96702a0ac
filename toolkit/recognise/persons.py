"""Persons: Vietnamese names by family name, any name after a title, and later mentions.

1. A family name (family_names.tsv) then one to three capitalised syllables,
   outside organisations and not the start of a listed place ("Hà Nội" is a
   place, "Hà Thị Mai" a person): cert 0.85, 0.9 after a title.
2. After a title, rank, office or honorific (roles.tsv, person_cues.tsv:
   "Tổng thống", "ông", "bà", "đồng chí" …) one to four capitalised words, any
   script, hyphenated parts allowed ("Donald Trump", "Kim Jong-un"; a spaced dash ends the name), that are
   not an organisation (nor the start of a listed one: "Chính phủ"), place or role (but a
   one-word place between two syllables of the name is one of them: "ông Tào Đức Thắng"): cert 0.7. One word alone ("ông
   Quang") is the person already named in full whose last word it is, when
   exactly one is (cert 0.75); otherwise a name of its own (cert 0.5).
3. Every later occurrence of a full name already found (with or without a
   title) is that person: cert 0.85, and so are the last two syllables of a
   Vietnamese name of three ("Quang Hải" for "Nguyễn Quang Hải") when only one
   person has them. A name's last word alone refers to it when unambiguous:
   a foreign one anywhere ("Trump", cert 0.6), a Vietnamese given name only
   inside a sentence, not next to another capitalised word and not run on by
   a lower-case syllable ("Nghị quyết Liên tịch" is no "Liên") (cert 0.55).
4. The byline's author (Context.author) is a person wherever written: 0.95; where the
   rules found the whole name, the name is the author's, and no part of a name found is
   a mention of its own ("Thị Hồng" of "Bài và ảnh: Nguyễn Thị Hồng").
5. Credits: the capitalised words after "Ảnh:", "Phóng viên:", "PV:" … (credit_cues.tsv)
   (after an agency's acronym and a slash: "Ảnh: VGP/Nhật Bắc")
   and a last line of two to four capitalised syllables (in a text of one line, the words after
   its last sentence) are a name, as after a title. A name ending with an initial ends with its
   dot ("Nguyễn Văn T.").
   A word of address written capitalised inside a sentence, before a word that is no family
   name, is part of a name of its own and no title ("đến Bà Nà", "tỉnh Bà Rịa"; "Bác Hồ" is).
6. After a word of address or an occupation (person_cues.tsv: "chị", "tiền đạo", "ca sĩ")
   a one-word listed place is a syllable of the name ("diễn viên Mỹ Anh"); after a word of
   address marked alone it is the whole name ("chị Nga"): cert 0.6.
7. A name right after a storm word (storm_words.tsv: "bão Trà Mi"), and the same name written
   elsewhere, is a storm's: no person.
Keys: the full name as first written (tone placement folded, spaces folded).
Document names ("Chương trình phối hợp", "Nghị quyết Liên tịch") are never
persons: they start with no family name and follow no title.
"""

from __future__ import annotations

from ..model import PERSON
from .gazetteers import PhraseIndex
from .personstops import without_storms
from .ruletable import priority
from .scan import OrgSpans, Scan
from .spans import Candidate
from .syllables import foreign_word
from .tokens import phrase_key

KNOWN, FOUND, PARTIAL = priority("author"), priority("person"), priority("person-partial")
MAX_GIVEN = 3
MAX_CUED = 4
MAX_FOREIGN = 3


def _blocked(scan: Scan, orgs: OrgSpans) -> tuple[list[bool], list[bool]]:
    """Tokens inside an organisation; those and tokens inside a listed place of two or more syllables."""
    n = scan.toks.n
    in_org = [False] * n
    for s in orgs.spans:
        in_org[s.i:min(s.j, n)] = [True] * (min(s.j, n) - s.i)
    blocked = in_org.copy()
    for i, (size, _) in scan.places_at.items():
        if size > 1:
            blocked[i:i + size] = [True] * size
    return in_org, blocked


def _stop(scan: Scan, orgs: OrgSpans, k: int) -> bool:
    """Token k begins something other than a name (an office, an organisation, a listed body of two
    or more words even where no organisation is marked: "Chính" of "Chính phủ")."""
    if scan.role_at(k) or scan.head_at(k) or k in orgs.at:
        return True
    hit = scan.gaz.orgs.match_at(scan.toks, k) if scan.toks.low[k] in scan.gaz.orgs.first else None
    return bool(hit and hit[0] > 1)


def find_persons(scan: Scan, orgs: OrgSpans, role_ends: frozenset[int] = frozenset(),
                 author: str | None = None) -> list[Candidate]:
    """Persons, given the organisations found (no name starts inside one) and the tokens right
    after a role (roles.find_roles: a name may start there)."""
    toks, gaz = scan.toks, scan.gaz
    in_org, blocked = _blocked(scan, orgs)
    cues = set(role_ends)
    honorific = set()  # tokens right after "ông", "bà", "anh" …: a capitalised word there is a name
    alone = set()      # … and after "chị", "anh" … even a place's one-word name ("chị Nga")
    for i in toks.where(gaz.person_cues.first):
        if i < toks.n - 1 and toks.joined(i):
            hit = gaz.person_cues.match_at(toks, i)
            # a word of address capitalised inside a sentence before a word that is no family name
            # opens a name of its own ("Bà Nà", "Bà Rịa", "núi Bà Đen"): no cue of the word after it
            # ("Bác Hồ", "Bà Triệu" stay: a family name follows)
            if (hit and hit[1] and toks.cap(i) and not toks.sentence_start(i) and i + hit[0] < toks.n
                    and toks.low[i + hit[0]] not in gaz.family_names):
                continue
            if hit and (hit[1] or toks.cap(i)):
                cues.add(i + hit[0])
                honorific.add(i + hit[0])
                kin = gaz.alone_cues.match_at(toks, i)
                if kin and kin[0] == hit[0]:
                    alone.add(i + hit[0])
    found: list[tuple[int, int, float]] = []  # full names (i, j, cert)
    short: list[int] = []                     # one-word names after a title
    after = 0  # tokens before this are inside a name already found
    caps = toks.caps
    # a name starts at a family name or right after a title
    for i in sorted(cues.union(toks.where(gaz.family_names))):
        if i < after or i >= toks.n or blocked[i] or not caps[i]:
            continue
        if scan.person_at(i) and not _stop(scan, orgs, i):
            k = i + 1
            while k < toks.n and k - i <= MAX_GIVEN and toks.joined(k - 1) and toks.title(k) and not _stop(scan, orgs, k):
                k += 1
            while k > i + 1 and k < toks.n and toks.gaps[k - 1] == "-" and toks.words[k].isalpha() \
                    and toks.words[k].islower():
                k += 1  # Korean given names: "Kim Sang-sik", "Park Hang-seo"
            if k > i + 1 and not any(in_org[i:k]):  # "Đỗ Hà Nam": a place inside a name is part of it
                found.append((i, k, 0.9 if i in cues else 0.85))
                after = k
                continue
        # after a word of address or an occupation a one-word listed place may be a name's
        # syllable ("diễn viên Mỹ Anh", "ca sĩ Mỹ Tâm"), or the whole name after "chị", "anh" …
        named = i in honorific and _one_word_place(scan, i)
        if i in cues and not _stop(scan, orgs, i) and (i not in scan.places_at or named) \
                and not scan.abbrs.match_at(toks, i) and not toks.acronym(i):  # "Chủ tịch HĐQT …": no name
            k = i + 1
            while k < toks.n and k - i < MAX_CUED and not blocked[k] and not _stop(scan, orgs, k) \
                    and (k not in scan.places_at or named and _one_word_place(scan, k) or _inner_syllable(scan, i, k)):
                gap = toks.gaps[k - 1]
                if (gap == " " and toks.cap(k) and not toks.acronym(k)) or (_hyphened(toks, k) and toks.words[k].isalpha()):
                    k += 1
                else:
                    break
            if k > i + 1:
                found.append((i, k, 0.7))
            elif named and i in alone:
                found.append((i, k, 0.6))   # "chị Nga": a name, not the country
            elif named:
                after = k
                continue                    # "cầu thủ Mỹ": the country
            else:
                short.append(i)
            after = k
    for i, k in _credited(scan):
        if not any(in_org[i:k]) and not any(a < k and i < b for a, b, _ in found):
            found.append((i, k, 0.7))
    found += _foreign_names(scan, orgs, blocked, found)
    found, short = without_storms(scan, found, short)
    return _with_initials_dot(toks, _with_later_mentions(scan, found, short, blocked, author, honorific))


def _with_initials_dot(toks, candidates: list[Candidate]) -> list[Candidate]:
    """A name ending with an initial ends with its dot ("Nguyễn Văn T.", "T.", as news names a
    suspect): the span takes it, the key stays the name as found."""
    text, out = toks.text, []
    for c in candidates:
        word = text[c.start:c.end].rsplit(" ", 1)[-1]
        after = text[c.end + 1:c.end + 2]  # the dot ends the word: "Nguyễn Thị A.B." is no "Nguyễn Thị A."
        if len(word) == 1 and word.isupper() and text.startswith(".", c.end) and (not after or not after.isalnum()):
            c = c._replace(end=c.end + 1)
        out.append(c)
    return out


def _inner_syllable(scan: Scan, i: int, k: int) -> bool:
    """Is the one-word listed place at token k, inside a name begun at token i after a title, a
    syllable of that name: Vietnamese syllables all, a capitalised one that is no place after it
    ("ông Tào Đức Thắng": no Germany)?"""
    toks = scan.toks
    return (k > i and _one_word_place(scan, k) and k + 1 < toks.n and toks.joined(k) and toks.title(k + 1)
            and k + 1 not in scan.places_at and not any(foreign_word(toks.words[x]) for x in (i, k, k + 1)))


def _one_word_place(scan: Scan, i: int) -> bool:
    place = scan.places_at.get(i)
    return bool(place and place[0] == 1)


def _credited(scan: Scan) -> list[tuple[int, int]]:
    """Names a credit gives, as token spans: after "Ảnh:", "Phóng viên:", "PV:" …
    (credit_cues.tsv, then a colon), and a last line that is nothing but two to four
    capitalised syllables (the byline: "Minh Hằng", "MINH HẰNG"; in a text of one line, what
    follows its last sentence: "… năm 2024. Minh Thúy"). Any capitalised word counts, a listed
    place's too ("Ảnh: Lan Anh")."""
    toks, gaz = scan.toks, scan.gaz
    out = []
    for i in toks.where(gaz.credit_cues.first):
        hit = gaz.credit_cues.match_at(toks, i)
        k = i + hit[0] if hit else 0
        if hit and toks.cap(i) and k < toks.n and toks.gaps[k - 1] == ":":
            if k + 1 < toks.n and toks.acronym(k) and toks.text[toks.ends[k]:toks.starts[k + 1]] == "/":
                k += 1  # an agency before the photographer: "Ảnh: VGP/Nhật Bắc"
            end = _name_run(toks, k)
            if end > k + 1 or (end > k and toks.title(k)):
                out.append((k, end))
    text = toks.text.rstrip()
    last = text.rfind("\n") + 1  # the last line, or what follows the last sentence of a text of one line
    if not last and (stop := max(text.rfind(". "), text.rfind("! "), text.rfind("? "))) > 0 \
            and not _abbreviation_before(text, stop):
        last = stop + 2
    if last:
        first = next((x for x in range(toks.n) if toks.starts[x] >= last), toks.n)
        if 2 <= toks.n - first <= 4 and _name_run(toks, first) == toks.n \
                and first not in scan.places_at and not scan.head_at(first) and not scan.role_at(first):
            out.append((first, toks.n))
    return out


def _hyphened(toks, k: int) -> bool:
    """Is token k joined to the one before by a hyphen and nothing else ("Jong-un")? A dash
    between spaces ends a name: "Ito Naoki - Ảnh: …"."""
    return toks.gaps[k - 1] == "-" and toks.text[toks.ends[k - 1]:toks.starts[k]] == "-"


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the word before text[stop] (a dot) is an abbreviation or an initial, which the dot ends and no
    sentence: one in capitals or one letter ("TP. Hồ Chí Minh", "PGS. Nguyễn", "Nguyễn Văn A. Lê")."""
    word = text[:stop].rsplit(None, 1)[-1] if text[:stop].strip() else ""
    # a word in brackets or quotes before the dot ends a sentence: "… (VPF). Đông Linh"
    return text[stop] == "." and word.isalpha() and (len(word) == 1 or word.isupper())


def _name_run(toks, k: int) -> int:
    """End of up to four capitalised alphabetic tokens joined by spaces from token k."""
    end = k
    while end < toks.n and end - k < MAX_CUED and toks.cap(end) and toks.words[end].isalpha() \
            and (end == k or toks.joined(end - 1)):
        end += 1
    return end


def _foreign_names(scan: Scan, orgs: OrgSpans, blocked, found) -> list[tuple[int, int, float]]:
    """Two or three capitalised Latin-script words, one at least spelled like no Vietnamese
    syllable, standing alone (no capitalised word joined before or after), none of them a
    place, organisation, role, abbreviation or a word of firm and event names (not_names.tsv),
    nor an English function word (foreign_function_words.tsv: "In English", "The Guardian"):
    a foreign person named without a title ("Emmanuel Macron đến …", "thua Kei Nishikori"), or
    right after a listed place, as an office or a sport names a person by a country ("Bộ trưởng Thương
    mại Mỹ Howard Lutnick", "kình ngư Singapore Glen Lim") (cert 0.6). The first word is a foreign one or an unmarked one ("Kei"), not a Vietnamese
    word such as "Bão" (storm) or "Ông"."""
    toks, gaz = scan.toks, scan.gaz
    taken = [False] * toks.n
    for i, j, _ in found:
        for k in range(i, j):
            taken[k] = True
    titles, words, gaps = toks.titles, toks.words, toks.gaps
    place_ends = {at + size for at, (size, _) in scan.places_at.items()}
    out = []
    after = 0
    for i in [i for i, t in enumerate(titles) if t]:
        if i < after or taken[i] or blocked[i]:
            continue
        if i > 0 and gaps[i - 1] in (" ", "-") and toks.caps[i - 1] and not toks.acronym(i - 1) and i not in place_ends:
            continue  # inside a longer capitalised run (but after a listed place: "Bộ trưởng … Mỹ Howard Lutnick")
        k, count = i, 0
        while k < toks.n:
            if k > i and _hyphened(toks, k) and words[k].isalpha():
                k += 1  # "Tae-yong", "Jong-un"
                continue
            if k > i and (gaps[k - 1] != " " or not titles[k]):
                break
            count += 1
            k += 1
        after = k
        if not 2 <= count <= MAX_FOREIGN or any(taken[i:k]) or any(blocked[i:k]):
            continue
        if k < toks.n and gaps[k - 1] in (" ", "-") and toks.caps[k]:
            continue  # runs on into an acronym or number-like word ("Galaxy S24")
        names = [words[x] for x in range(i, k)]
        if not any(foreign_word(w) for w in names) or any(w.lower() in gaz.not_names for w in names):
            continue
        if not names[0].isascii() and not foreign_word(names[0]):
            continue  # a Vietnamese word before a foreign one: "Bão Gaemi" (a storm), "Ông Knapper"
        if any(words[x].lower() in gaz.foreign_function_words and (x == i or gaps[x - 1] == " ")
               and (x + 1 == toks.n or gaps[x] != "-") for x in range(i, k)):
            continue  # an English sentence or title: "In English, …", "The Guardian"
        if any(x in scan.places_at or _stop(scan, orgs, x) or scan.abbrs.match_at(toks, x) for x in range(i, k)):
            continue
        out.append((i, k, 0.6))
    return out


def _with_later_mentions(scan: Scan, found, short, blocked, author, honorific=frozenset()) -> list[Candidate]:
    toks = scan.toks
    names = PhraseIndex()
    keys: dict[str, str] = {}
    out = []
    if author and author.strip():
        names.add(author, " ".join(author.split()))
    fulls = sorted({toks.surface(i, j) for i, j, _ in found}, key=lambda k: (-len(k.split()), k))
    family = [(f.lower(), f) for f in fulls if f.split()[0].lower() in scan.gaz.family_names]
    longest: dict[str, str] = {}   # a name as written -> the one full name it ends, if one
    added: dict[tuple, str] = {}   # phrase key -> the value last added to `names`
    for i, j, cert in found:
        key = toks.surface(i, j)
        if key not in longest:
            ending = " " + key.lower()
            longer = [f for low, f in family if low.endswith(ending)]
            # "Quang Hải" after a title is "Nguyễn Quang Hải" named elsewhere
            longest[key] = longer[0] if len(longer) == 1 else key
        key = longest[key]
        value = keys.setdefault(key.lower(), key)
        phrase = phrase_key(key)
        if added.get(phrase) != value:
            names.add(key, value)
            added[phrase] = value
        if author and value == " ".join(author.split()):
            cert = 0.95  # the byline's author, wherever written
        out.append(Candidate(*toks.span(i, j), PERSON, value, cert, KNOWN if cert > 0.9 else FOUND))
    by_last: dict[str, set[str]] = {}
    by_tail: dict[str, set[str]] = {}
    foreign: set[str] = set()
    for key in sorted(set(keys.values()) | ({" ".join(author.split())} if author and author.strip() else set())):
        parts = key.split()
        by_last.setdefault(parts[-1].lower(), set()).add(key)
        if parts[0].lower() not in scan.gaz.family_names:
            foreign.add(key)
        elif len(parts) >= 3:
            by_tail.setdefault(" ".join(parts[-2:]), set()).add(key)
    for tail, owners in by_tail.items():  # "Quang Hải" for "Nguyễn Quang Hải", when only one
        if len(owners) == 1:
            names.add(tail, next(iter(owners)))
    taken = {(i, j) for i, j, _ in found}
    within = bytearray(toks.n)  # tokens inside a name after its first: "Thị Hồng" of "Nguyễn Thị Hồng"
    for a, b in taken:
        within[a + 1:b] = b"\x01" * max(0, min(b, toks.n) - a - 1)
    for i in toks.where(names.first):  # every occurrence of a known full name
        if blocked[i] or within[i]:
            continue
        hit = names.match_at(toks, i)
        if hit and (i, i + hit[0]) not in taken and toks.cap(i):
            size, key = hit
            cert = 0.95 if author and key == " ".join(author.split()) else 0.85
            out.append(Candidate(*toks.span(i, i + size), PERSON, key, cert, KNOWN if cert > 0.9 else FOUND))
            taken.add((i, i + size))
            within[i + 1:i + size] = b"\x01" * (size - 1)
    for i in short:
        keys_for = by_last.get(toks.low[i], set())
        if len(keys_for) == 1:
            out.append(Candidate(*toks.span(i, i + 1), PERSON, next(iter(keys_for)), 0.75, FOUND))
        elif foreign_word(toks.words[i]) or i in honorific or not (
                i + 1 < toks.n and toks.joined(i) and toks.lower(i + 1)):
            # a capitalised word run on by a lower-case one is a common noun ("Chủ tịch Phong
            # trào …"), unless after "ông", "bà" … ("ông Kiên bị …") or spelled like no
            # Vietnamese word ("ông Troussier theo …")
            out.append(Candidate(*toks.span(i, i + 1), PERSON, toks.surface(i, i + 1), 0.5, PARTIAL))
    last_words = {k: v for k, v in by_last.items() if len(v) == 1}
    if last_words:
        starts = {i for i, _ in taken} | set(short)
        inside = _covered(taken, toks.n)
        for i in toks.where(last_words):
            key_set = last_words.get(toks.low[i])
            if not key_set or not toks.title(i) or blocked[i] or i in starts or inside[i]:
                continue
            key = next(iter(key_set))
            if key not in foreign and not _subject(scan, i) and (
                    toks.sentence_start(i) or _in_capitalised_run(toks, i)
                    or (i + 1 < toks.n and toks.joined(i) and toks.lower(i + 1))):
                continue  # a Vietnamese given name alone is too often part of a word ("Liên tịch")
            out.append(Candidate(*toks.span(i, i + 1), PERSON, key, 0.6 if key in foreign else 0.55, PARTIAL))
    return out


def _subject(scan: Scan, i: int) -> bool:
    """Is the given name at token i a clause's subject: after a sentence start, punctuation or
    a function word, and before a function word or a verb of saying (saying_verbs.tsv: "Tại
    tòa, Hùng khai nhận …", "Mai cho biết …", "…", Khôi nói")? Not "miền Nam có": a noun
    comes before."""
    toks, words = scan.toks, scan.gaz.function_words
    if _in_capitalised_run(toks, i) or i + 1 >= toks.n or not toks.joined(i):
        return False
    if toks.low[i + 1] not in words and toks.low[i + 1] not in scan.gaz.saying_verbs:
        return False
    return i == 0 or toks.gaps[i - 1] != " " or toks.low[i - 1] in words


def _in_capitalised_run(toks, i: int) -> bool:
    return (i > 0 and toks.joined(i - 1) and toks.cap(i - 1)) or (i + 1 < toks.n and toks.joined(i) and toks.cap(i + 1))


def _covered(taken, n: int) -> bytearray:
    """For each of n tokens, whether it lies inside one of the spans `taken`: made once, so
    asking costs O(1) per token, not O(spans) (quadratic in a text that repeats a name thousands
    of times)."""
    inside = bytearray(n)
    for a, b in taken:
        b = min(b, n)
        if a < b:
            inside[a:b] = b"\x01" * (b - a)
    return inside
