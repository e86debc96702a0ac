"""Dates in Vietnamese text, normalised to ISO 8601.

Forms (numeric dates are always day first, as Vietnamese writes them):

- "31/7/2013", "01/12/2011", "31-7-2013", "31.7.2013"       when=YYYY-MM-DD  cert 0.95
- "2 - 1 - 2025" (spaced hyphens)                           when=YYYY-MM-DD  cert 0.95
- "ngày 31 tháng 7 năm 2013"                                when=YYYY-MM-DD  cert 0.95
- "tháng 7 năm 2013", "tháng 7/2013"                        when=YYYY-MM     cert 0.9
- "năm 2012", "Năm 2012"                                    when=YYYY        cert 0.9
- "31/7", "31-7", "31 - 7", "31.7" after a cue word (ngày, sáng, chiều, tối,
  hôm, từ, đến, và, …; for "/" also "(" and ","): the year comes from the
  reference date, moved one year back or forward when the month lies more than
  six months after or before the reference month (a paper in January writing
  "28/12" means last December)                            cert 0.8; without a
  reference date when=--MM-DD                              cert 0.7
- "tháng 7" alone: YYYY-MM from the reference date, else --MM   cert 0.6
- "20 - 8: …" opening a line (a timeline entry): as after a cue word
- lists "ngày 20, 21 và 24/7", "các ngày 18, 19 và 20 - 8": one mention per day
- "mùng 6 Tết", "mồng 1 Tết Nguyên đán", and a lunar month's day or the month ("rằm tháng
  Giêng", "ngày 15 tháng 7 âm lịch", "tháng 3 âm lịch", "mồng 8 tháng Chạp"): a lunar date,
  no Gregorian value (calendar="#lunar-calendar": the text is the record), over the Gregorian reading of
  its words ("15 tháng 7")                                  cert 0.8
- ranges "từ 1/7 đến 5/7/2013", "từ ngày 21 đến 23/2/2024" (or "đến 30-10"), "20-24/7",
  "2011–2015", "năm 2011-2015", quarters "quý I/2024": one mention with
  from/to                                                  cert 0.85
- decades "thập niên 1960", "những năm 1990": one mention from=1960 to=1969 (recognise/decades.py)
- durations "10 năm", "3 tháng", "5 ngày", "2 tuần": a length of time with no
  start, so no date: a DURATION mention with quantity and unit (10 year, 3
  month, 5 day, 2 week), written as measure type="duration"        cert 0.6

The cue words before a partial date and the words before a number that make
it no duration are data (date_cues.tsv); the keywords of the forms themselves
(ngày, tháng, năm, quý, từ … đến) are the grammar, written in the patterns.

Never a date: ordinals ("lần thứ 7", "thứ 7"), bare numbers, phone numbers,
document numbers ("09-CT/TW", "15/2020/NĐ-CP": a date glued to a slash and
letters is part of a number), impossible dates (32/13).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import DATE, DURATION, LUNAR_CALENDAR
from .decades import find_decades
from .gazetteers import Gazetteers, default_gazetteers
from .ruletable import priority
from .spans import Candidate

PRIORITY = priority("date")
RANGE_PRIORITY = priority("date-range")
DURATION_PRIORITY = priority("duration")

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_END = r"(?![\w%]|[/.\-–]\w)"

_FULL_NUMERIC = re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})" + _END)
# "2 - 1 - 2025": spaced hyphens, as some sites write a full date
_FULL_SPACED = re.compile(r"(?<![\w/.\-])(\d{1,2})\s+([\-–])\s+(\d{1,2})\s+\2\s+(\d{4})" + _END)


class _Keyed:
    """A pattern that starts with a lower-case keyword, compiled twice: case-sensitive for
    the lower-cased text (the regex engine then jumps from one occurrence of the keyword to
    the next, several times faster) and case-insensitive for a text whose lower-case form
    has another length (offsets would not carry over). "kw(?<!\\wkw)" is "\\bkw" written
    so that the keyword comes first."""

    def __init__(self, keyword: str, rest: str):
        self.keyword = keyword
        source = f"{keyword}(?<!\\w{keyword})" + rest
        self.lower = re.compile(source)
        self.any_case = re.compile(source, re.I)


_FULL_TEXT = _Keyed("ngày", r"\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s+năm\s+(\d{4}))?" + _END)
_MONTH_YEAR = _Keyed("tháng", r"\s+(\d{1,2})(?:\s+năm\s+|\s*[/.\-]\s*)(\d{4})" + _END)
_MONTH = _Keyed("tháng", r"\s+(\d{1,2})(?!\s*[/.\-]\s*\d)(?!\s+năm\s+\d)" + _END)
_YEAR = _Keyed("năm", r"\s+(\d{4})" + _END)
# "năm 2011-2015": the optional "năm" is looked for before the years (_YEAR_WORD), which keeps
# the pattern starting with digits
_YEAR_RANGE = re.compile(r"(?<![\w/.\-])(\d{4})\s*[–—\-]\s*(\d{4})" + _END)
_YEAR_WORD = re.compile(r"(?<!\w)năm\s+$", re.I)
_DAY_RANGE = re.compile(r"(?<![\w/.\-])(\d{1,2})\s*[–—\-]\s*(\d{1,2})\s*/\s*(\d{1,2})(?:/(\d{4}))?" + _END)
_PARTIAL = re.compile(r"(?<![\w/.\-,])(\d{1,2})(\s?[/–\-]\s?|\.)(\d{1,2})" + _END)
_LIST = _Keyed("ngày", r"\s+(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*(?:,|\svà)\s*(\d{1,2})\s*(?:/|\s?[\-–]\s?)\s*(\d{1,2})"
                      r"(?:/(\d{4}))?" + _END)
# Lunar dates, kept as text without a Gregorian value: "mùng 6 Tết", "mồng 1 Tết Nguyên đán", and a
# lunar month's day or the month itself (the lunar calendar's words: "rằm", the 15th; "tháng Giêng" …
# "tháng Chạp"; "âm lịch", lunar): "rằm tháng Giêng", "rằm tháng 10 âm lịch", "mùng 5 tháng Năm âm
# lịch", "ngày 15 tháng 7 âm lịch", "tháng 3 âm lịch", "mồng 8 tháng Chạp"
_LUNAR_ATTRS = (("calendar", f"#{LUNAR_CALENDAR}"),)  # no Gregorian value: the calendar the header declares
_LUNAR_MONTH = r"(?P<month>\d{1,2}|giêng|chạp|mười\s+một|mười\s+hai|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
_LUNAR_NAMED = r"(?P<named>giêng|chạp)"  # months no Gregorian date is written with
_LUNAR_FORMS = (
    *(_Keyed(word, r"\s+(?P<day>\d{1,2})\s+tết(?:\s+nguyên\s+đán)?" + _END) for word in ("mùng", "mồng")),
    _Keyed("rằm", r"\s+tháng\s+" + _LUNAR_MONTH + r"(?:\s+âm\s+lịch)?" + _END),
    *(_Keyed(word, r"\s+(?P<day>\d{1,2})\s+tháng\s+(?:" + _LUNAR_MONTH + r"\s+âm\s+lịch|" + _LUNAR_NAMED
             + r"(?:\s+âm\s+lịch)?)" + _END) for word in ("mùng", "mồng", "ngày")),
    _Keyed("tháng", r"\s+" + _LUNAR_MONTH + r"\s+âm\s+lịch" + _END),
)
# the second date as "23/2", "30-10" or "30.10" (a hyphen or a dot with no spaces: after "từ ngày"
# only), the year after the same sign
_DAY_TO_DATE = _Keyed("từ", r"\s+(?:ngày\s+)?(\d{1,2})\s+(?:đến|tới)\s+(?:ngày\s+)?(\d{1,2})(?:\s*(/)\s*|([\-.]))(\d{1,2})"
                            r"(?:(?(3)/|(?(4)[\-.]))(\d{4}))?" + _END)
_QUARTER = _Keyed("quý", r"\s+(i{1,3}|iv|[1-4])\s*(?:/|\s+năm\s+)\s*(\d{4})" + _END)
_QUARTER_MONTHS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DURATION = re.compile(r"(?<![\w/.,\-])(\d{1,3})\s+(năm|tháng|ngày|tuần)(?!\s*\d)(?!\w)", re.I)
# unit word -> measure/@unit (docs/encoding.md, "Durations")
_DUR_UNIT = {"năm": "year", "tháng": "month", "ngày": "day", "tuần": "week"}

_SLASH_CUE = re.compile(r"[(,–\-]\s*$")
_RANGE_LINK = re.compile(r"^\s*(?:đến|tới|-|–|—)\s*(?:ngày\s*)?$", re.I)
_RANGE_FROM = re.compile(r"\btừ\s+(?:ngày\s+)?$", re.I)


@lru_cache(maxsize=8)
def _ends_in(words: tuple[str, ...]) -> re.Pattern:
    """A pattern for a text that ends in one of these words (then white space), any case:
    the cue words of date_cues.tsv before a number."""
    return re.compile(r"(?:\b(?:" + "|".join(map(re.escape, words)) + r")\s*)$", re.I)


def valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


def _leap_ok(year: int, month: int, day: int) -> bool:
    return not (month == 2 and day == 29) or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))


def _plausible_year(year: int) -> bool:
    return 1000 <= year <= 2199


class _Reference:
    def __init__(self, iso: str | None):
        m = re.match(r"(\d{4})(?:-(\d{2}))?", iso or "")
        self.year = int(m.group(1)) if m else None
        self.month = int(m.group(2)) if m and m.group(2) else None

    def year_for(self, month: int) -> int | None:
        if self.year is None:
            return None
        if self.month is not None and month - self.month > 6:
            return self.year - 1
        if self.month is not None and self.month - month > 6:
            return self.year + 1
        return self.year


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


class _Found:
    """A single date before it becomes a Candidate: kept so ranges can join two."""

    __slots__ = ("start", "end", "year", "month", "day", "year_given", "cert")

    def __init__(self, start, end, year, month, day, year_given, cert):
        self.start, self.end, self.year, self.month, self.day = start, end, year, month, day
        self.year_given, self.cert = year_given, cert

    def when(self) -> str:
        return _iso(self.year, self.month, self.day)

    def order(self):
        return (self.year or 0, self.month or 0, self.day or 0)


def _day_month(found, start, end, day, month, year, ref, cert_ref=0.8, cert_none=0.7):
    if not valid(day, month):
        return
    if year is not None:
        if _plausible_year(year) and _leap_ok(year, month, day):
            found.append(_Found(start, end, year, month, day, True, 0.95))
        return
    guess = ref.year_for(month)
    if guess is not None and not _leap_ok(guess, month, day):
        return
    found.append(_Found(start, end, guess, month, day, False, cert_ref if guess is not None else cert_none))


# Every date form holds a digit, starts at most _BEFORE characters before its first one
# ("quý III năm 2024", "Từ ngày 21") and ends, lookaheads included, at most _AFTER after
# its last one ("5 tháng" + two characters), white space aside.
_BEFORE, _AFTER = 20, 16
_DIGITS = re.compile(r"\d+")


def _digit_windows(text: str, runs: list[tuple[int, int]], before: int) -> list[tuple[int, int]]:
    """(start, end) of the stretches of text within reach of a digit, merged when they touch.

    The patterns run only there (most of an article has no digit), which makes dates
    several times cheaper; lookbehinds still see the text before a window's start, and
    a window's end is moved past any white space so no lookahead is cut short.
    """
    size = len(text)
    merged: list[list[int]] = []
    for first, last in runs:
        start, end = max(0, first - before), min(size, last + _AFTER)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        while end < size and text[end].isspace():
            end += 1
        out.append((start, end))
    return out


class _Windows(list):
    """The digit windows of one text (for keyword patterns; `from_digits` for patterns
    that start with a digit), and its lower-cased form for keyword patterns."""

    def __init__(self, text: str):
        runs = [m.span() for m in _DIGITS.finditer(text)]
        super().__init__(_digit_windows(text, runs, _BEFORE))
        # patterns that start with a digit need no reach before it (a lookbehind still looks)
        self.from_digits = _digit_windows(text, runs, 0)
        self.lowered = text.lower() if self else ""
        self.same_length = len(self.lowered) == len(text)


def _each(pattern, text: str, windows: _Windows):
    """Matches of `pattern` (a regex starting with a digit, or a _Keyed) in the windows;
    none when a _Keyed's keyword is nowhere in the text."""
    if isinstance(pattern, _Keyed):
        keyword = pattern.keyword
        pattern, text = (pattern.lower, windows.lowered) if windows.same_length else (pattern.any_case, text)
        if keyword not in windows.lowered:
            return
    else:
        windows = windows.from_digits  # every other pattern starts with a digit
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def _lunar_dates(text: str, lowered: str) -> list[Candidate]:
    """The lunar dates of _LUNAR_FORMS, read over the whole text (some hold no digit, "rằm tháng
    Giêng", so the digit windows would miss them; `lowered` is text.lower()): cert 0.8, no
    Gregorian value."""
    return [Candidate(m.start(), m.end(), DATE, "", 0.8, PRIORITY, _LUNAR_ATTRS) for pattern in _LUNAR_FORMS
            if pattern.keyword in lowered
            for m in (pattern.lower.finditer(lowered) if len(lowered) == len(text) else pattern.any_case.finditer(text))
            if _lunar_day(m)]


def _lunar_day(m: re.Match) -> bool:
    """A lunar month's day is 1 to 30, a month written in digits 1 to 12 ("rằm tháng 45" is none)."""
    day, month = m.groupdict().get("day"), m.groupdict().get("month")
    return (day is None or 1 <= int(day) <= 30) and (month is None or not month.isdigit() or 1 <= int(month) <= 12)


def find_dates(text: str, reference_date: str | None = None, gaz: Gazetteers | None = None) -> list[Candidate]:
    """The dates, ranges and durations in `text` (the cue words from gaz, the default gazetteers
    when None)."""
    ref = _Reference(reference_date)
    windows = _Windows(text)
    if not windows:
        return _lunar_dates(text, text.lower())  # the only dates written without a digit
    gaz = gaz or default_gazetteers()
    word_cue = _ends_in(gaz.partial_date_cues)
    found: list[_Found] = []
    for m in _each(_FULL_NUMERIC, text, windows):
        _day_month(found, m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4)), ref)
    for m in _each(_FULL_SPACED, text, windows):
        _day_month(found, m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4)), ref)
    lunar = _lunar_dates(text, windows.lowered)
    for m in _each(_FULL_TEXT, text, windows):
        year = int(m.group(3)) if m.group(3) else None
        _day_month(found, m.start(), m.end(), int(m.group(1)), int(m.group(2)), year, ref, 0.85, 0.75)
    for m in _each(_MONTH_YEAR, text, windows):
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and _plausible_year(year):
            found.append(_Found(m.start(), m.end(), year, month, None, True, 0.9))
    for m in _each(_MONTH, text, windows):
        month = int(m.group(1))
        if 1 <= month <= 12:
            found.append(_Found(m.start(), m.end(), ref.year_for(month), month, None, False, 0.6))
    for m in _each(_YEAR, text, windows):
        year = int(m.group(1))
        if _plausible_year(year):
            found.append(_Found(m.start(), m.end(), year, None, None, True, 0.9))
    for m in _each(_PARTIAL, text, windows):
        before = text[max(0, m.start() - 12):m.start()]
        slash = m.group(2).strip() == "/"
        line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if word_cue.search(before) or (slash and (_SLASH_CUE.search(before) or line_start)) \
                or (line_start and text[m.end():m.end() + 2].lstrip(" ")[:1] == ":"):  # a timeline "20 - 8: …"
            _day_month(found, m.start(), m.end(), int(m.group(1)), int(m.group(3)), None, ref)
    for m in _each(_LIST, text, windows):
        month = int(m.group(3))
        year = int(m.group(4)) if m.group(4) else None
        base = m.start(1)
        for day in re.finditer(r"\d{1,2}", m.group(1)):
            _day_month(found, base + day.start(), base + day.end(), int(day.group()), month, year, ref)
        _day_month(found, m.start(2), m.end(), int(m.group(2)), month, year, ref)

    out = [Candidate(f.start, f.end, DATE, "", f.cert, PRIORITY, (("when", f.when()),)) for f in found]
    out += lunar
    out += _ranges(text, found, ref, windows) + find_decades(text, RANGE_PRIORITY)
    out += _durations(text, windows, _ends_in(gaz.no_duration_cues))
    return out


def _ranges(text: str, found: list[_Found], ref: _Reference, windows) -> list[Candidate]:
    out = []
    for m in _each(_YEAR_RANGE, text, windows):
        a, b = int(m.group(1)), int(m.group(2))
        if _plausible_year(a) and _plausible_year(b) and a < b:
            before = text[max(0, m.start() - 30):m.start()]
            word = _YEAR_WORD.search(before)
            start = m.start() - len(before) + word.start() if word else m.start()
            out.append(_range(start, m.end(), _iso(a), _iso(b)))
    for m in _each(_DAY_TO_DATE, text, windows):
        if m.group(4) and "ngày" not in m.group(0)[:m.start(1) - m.start()].lower():
            continue  # "từ 3 đến 5-10 người": with a hyphen or a dot, only "từ ngày 28 đến 30-10"
        d1, d2, month = int(m.group(1)), int(m.group(2)), int(m.group(5))
        year = int(m.group(6)) if m.group(6) else ref.year_for(month)
        if d1 < d2 and valid(d1, month) and valid(d2, month) and (year is None or _plausible_year(year)):
            ends = ((m.start(1), m.end(1)), (m.start(2), m.end()))
            out.append(_range(m.start(), m.end(), _iso(year, month, d1), _iso(year, month, d2), ends))
    for m in _each(_QUARTER, text, windows):
        quarter, year = _QUARTER_MONTHS[m.group(1).upper()], int(m.group(2))
        if _plausible_year(year):
            first, last = 3 * quarter - 2, 3 * quarter
            out.append(_range(m.start(), m.end(), _iso(year, first, 1), _iso(year, last, _DAYS[last - 1])))
    for m in _each(_DAY_RANGE, text, windows):
        d1, d2, month = int(m.group(1)), int(m.group(2)), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else ref.year_for(month)
        if d1 < d2 and valid(d1, month) and valid(d2, month) and (year is None or _plausible_year(year)):
            ends = ((m.start(1), m.end(1)), (m.start(2), m.end()))  # "20-24/7": "20" and "24/7"
            out.append(_range(m.start(), m.end(), _iso(year, month, d1), _iso(year, month, d2), ends))
    singles = sorted(found, key=lambda f: (f.start, -f.end))
    # a date inside another ("tháng 10" in "ngày 10 tháng 10") is no end of a range
    outer, reach = [], -1
    for f in singles:
        if f.end > reach:
            outer.append(f)
            reach = f.end
    singles = outer
    for a, b in zip(singles, singles[1:]):
        if a.end > b.start or not _RANGE_LINK.match(text[a.end:b.start]):
            continue
        if (a.day is None) != (b.day is None) or (a.month is None) != (b.month is None):
            continue
        window = text[max(0, a.start - 12):a.start]
        lead = _RANGE_FROM.search(window)
        start = a.start - len(window) + lead.start() if lead else a.start
        year_a = a.year
        if not a.year_given and b.year_given:
            year_a = b.year if a.month is None or b.month is None or a.month <= b.month else b.year - 1
        first = _Found(a.start, a.end, year_a, a.month, a.day, a.year_given, a.cert)
        if first.year is not None and b.year is not None and first.order() >= b.order():
            continue
        out.append(_range(start, b.end, first.when(), b.when(), ((a.start, a.end), (b.start, b.end))))
    return out


def _range(start: int, end: int, frm: str, to: str, ends=None) -> Candidate:
    """A range; `ends`, for one written as two dates ("từ 1/1/2020 đến 31/12/2020", not
    "2021–2025"), are their spans, kept as attrs["ends"] = "a-b c-d" relative to `start`
    (encode writes only the TEI attributes; flat NER output splits the range there)."""
    attrs = (("from", frm), ("to", to))
    if ends:
        attrs += (("ends", " ".join(f"{a - start}-{b - start}" for a, b in ends)),)
    return Candidate(start, end, DATE, "", 0.85, RANGE_PRIORITY, attrs)


def range_ends(attrs) -> list[tuple[int, int]]:
    """The spans, relative to the mention's start, of the two dates a range is written as
    ("từ 1/7 đến 5/7/2013", "20-24/7"); [] for one expression ("2021–2025", "quý I/2024")."""
    ends = dict(attrs).get("ends")
    if not ends:
        return []
    return [(int(a), int(b)) for a, b in (part.split("-") for part in ends.split())]


def _durations(text: str, windows, not_duration: re.Pattern) -> list[Candidate]:
    out = []
    for m in _each(_DURATION, text, windows):
        count = int(m.group(1))
        if count == 0 or not_duration.search(text[max(0, m.start() - 8):m.start()]):
            continue
        out.append(Candidate(m.start(), m.end(), DURATION, "", 0.6, DURATION_PRIORITY,
                             (("quantity", str(count)), ("unit", _DUR_UNIT[m.group(2).lower()]))))
    return out
