"""Dates in text of any language: the language-neutral recogniser (`DatesRecogniser`, "dates").

It runs on every article whose language has no recogniser of its own
(registry.LANGUAGES; only Vietnamese has one), and marks only dates, in the forms
that need no knowledge of the language or only the little the data gives:

- year first, "2024-05-06", "2024/05/06", "2024.05.06"      when=YYYY-MM-DD  cert 0.95
- Chinese, Japanese and Korean "2024年5月6日", "2024年5月"   when=YYYY-MM-DD / YYYY-MM  cert 0.95
  (the characters 年 月 日 are the grammar of the form)
- numeric with a four-digit year, "06/05/2024", "6.5.2024", "6-5-2024": read
  as the language writes them (data/languages/languages.tsv, date_order):
  DMY day first, MDY month first; "-" (English, Chinese, any language not
  listed): read only when one reading is possible (31/12/2024, 12/31/2024,
  06/06/2024); otherwise marked without @when, between its two readings:
  notBefore="2024-05-06" notAfter="2024-06-05"              cert 0.9 (0.6 for the bounds)
- with a month name of the language (data/languages/months.tsv) and a day or
  a year: "May 6, 2024", "6 May 2024", "6th May 2024", "1er juillet 2024",
  "6 de mayo de 2024" (the words beside a day: date_words.tsv), "May 2024",
  "octubre de 2024";
  a day and month without a year take the year of the reference date,
  else --MM-DD                                   cert 0.9 (0.7 without the year);
  in other scripts too: "5 مارس 2024", "5 كانون الثاني 2024", "5 मार्च 2024", "5 มี.ค. 2567"
  (a month name is a word of its own: not before or after a letter or a combining mark)
- a day and a month in brackets after a weekday of the language (date_words.tsv
  weekday): "Selasa (4/3)", the year of the reference date, else --MM-DD    cert 0.7

The digits of any script are read ("٥ مارس ٢٠٢٤", "๕/๓/๒๕๖๗"); @when is written in ASCII digits.
A year of the language's era is given as the Gregorian one (languages.tsv's era, read by
language.LanguageInfo.gregorian: Thai 2567 is 2024).

Never a date: impossible days (31/04/2024, 29/02/2023), years outside
1000-2199 (once an era's are made Gregorian), numbers glued to more digits, letters or slashes (a document
number "12/05/2024/QD"), a month name with neither day nor year.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import RecogniseError
from ..language import info, primary
from ..model import DATE, Mention
from ..datewords import BIDI_SPACE, DATE_WORDS, MONTHS, alternatives, date_rows, word_key
from .base import Context
from .dates import valid
from .ruletable import priority
from .spans import Candidate, resolve

PRIORITY = priority("date")
# A date glued to digits (of any script: "١٢/٠٥/٢٠٢٤"), Latin letters or a slash is part of something
# else (a number, a code); Chinese and Japanese write no space between a date and the words around it
# ("于2024-06-01起").
_LATIN = "\\dA-Za-z\u00c0-\u024f\u1e00-\u1eff"
_END = rf"(?![{_LATIN}%_]|[/.\-–][{_LATIN}])"
_START = rf"(?<![{_LATIN}_/.\-])"
_YEAR_FIRST = re.compile(_START + r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?:(?=T\d)|" + _END + ")")  # 2024-05-06T10:00
_NUMERIC = re.compile(_START + r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})" + _END)
# year, month and day as Chinese and Japanese (年 月 日/号) and Korean (년 월 일) write them
_CJK = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日号일])?")
# Between the parts of a date with a month name (around a number in Arabic: "5\u200f مارس 2024").
_SPACE = BIDI_SPACE


@lru_cache(maxsize=1)
def _word() -> str:
    """A character of a word: re's \\w, or a combining mark (Mn, Mc, Me) of the Basic Multilingual
    Plane, which \\w does not hold: a word goes on through its vowel signs (Hindi "जूनियर" is no "जून")."""
    ranges, start = [], None
    for code in range(0x300, 0x10000):
        mark = unicodedata.category(chr(code)).startswith("M")
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return rf"[\w{''.join(ranges)}]"


def _plausible(year: int) -> bool:
    return 1000 <= year <= 2199


def _leap_ok(year: int, month: int, day: int) -> bool:
    return not (month == 2 and day == 29) or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))


def _day(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None when there is no such day."""
    if _plausible(year) and valid(day, month) and _leap_ok(year, month, day):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


@lru_cache(maxsize=32)
def _month_patterns(code: str) -> tuple[re.Pattern, re.Pattern, dict[str, int]] | None:
    """(day-then-month pattern, month-then-day-or-year pattern, month number by folded name)
    for a language with month names listed; None for one without."""
    months = {}
    for row in date_rows(MONTHS):
        if row["language"] == code:
            for name in row["names"].split(","):
                months[word_key(name)] = int(row["month"])
    if not months:
        return None
    words = {(row["kind"], row["language"]): row["words"].split(",") for row in date_rows(DATE_WORDS)}
    suffix = "|".join(map(re.escape, words.get(("suffix", code), [])))
    link = "|".join(map(re.escape, words.get(("link", code), [])))
    short = _short_months(words.get(("short_month", code), []), code)  # "12 mar": after a day only
    day = r"(\d{1,2})" + (f"(?:{suffix})?" if suffix else "")
    gap = _SPACE + (f"(?:(?:{link}){_SPACE})?" if link else "")
    year = r"(?<!\d)(\d{4})(?!\d)"
    comma = "[,،]?"  # the Latin or the Arabic comma: "5 मार्च, 2024"
    # a day's number opens no word, but after a word the language writes glued to it ("و12 يناير": and 12 January)
    glued = "".join(rf"|(?<=(?<!{_word()}){re.escape(w)})" for w in words.get(("prefix", code), []))
    prefix = words.get(("month_prefix", code), [])  # "24 במאי 2023": glued to the month
    day_first = re.compile(rf"(?:(?<![\w/.\-]){glued}){day}{gap}{_month(months | short, prefix)}(?:{comma}{gap}{year})?", re.I)
    month_first = re.compile(rf"{_month(months, prefix)}(?:{_SPACE}{day}(?!\d))?(?:{comma}{gap}{year})?", re.I)  # "octubre de 2024"
    return day_first, month_first, months | short


def _month(months: dict, prefixes=()) -> str:
    """The month names as a group; a name that ends in a full stop ("Sept.", "มี.ค.") needs no word boundary
    after it; one of two words ("كانون الثاني") takes any white space between them; a prefix of the
    language may be glued before it, outside the group ("במאי")."""
    name = alternatives(months)
    glued = rf"(?:{alternatives(prefixes)})?" if prefixes else ""
    return rf"(?<!{_word()}){glued}({name})(?:(?<=\.)|(?!{_word()}))"


def _short_months(entries: list, code: str) -> dict:
    """date_words.tsv's short_month of a language: twelve entries in month order, alternatives parted by "/"."""
    if entries and len(entries) != 12:
        raise RecogniseError(f"short_month of {code!r} has {len(entries)} entries, not 12", path=DATE_WORDS)
    return {word_key(form): month for month, entry in enumerate(entries, 1) for form in entry.split("/")}


class DatesRecogniser:
    """The language-neutral recogniser: dates only (see the module's contract)."""

    name = "dates"
    version = "0.1.0"

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        return resolve(find_any_dates(text, context.language or "", context.reference_date), self.name)


def find_any_dates(text: str, language: str, reference_date: str | None = None) -> list[Candidate]:
    code = primary(language) if language else ""
    order = info(code).date_order if code else "-"
    year_of = info(code).gregorian  # a year as the language writes it: Thai 2567 is 2024
    out: list[Candidate] = []

    def add(start: int, end: int, when: str, cert: float) -> None:
        out.append(Candidate(start, end, DATE, "", cert, PRIORITY, (("when", when),)))

    for m in _YEAR_FIRST.finditer(text):
        when = _day(year_of(int(m.group(1))), int(m.group(3)), int(m.group(4)))
        if when:
            add(m.start(), m.end(), when, 0.95)
    for m in _CJK.finditer(text):
        year, month = year_of(int(m.group(1))), int(m.group(2))
        if m.group(3):
            when = _day(year, month, int(m.group(3)))
        else:
            when = f"{year:04d}-{month:02d}" if _plausible(year) and 1 <= month <= 12 else None
        if when:
            add(m.start(), m.end(), when, 0.95)
    for m in _NUMERIC.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(3)), year_of(int(m.group(4)))
        dmy, mdy = _day(year, second, first), _day(year, first, second)
        if order == "DMY":
            readings = {dmy} - {None}
        elif order == "MDY":
            readings = {mdy} - {None}
        else:
            readings = {dmy, mdy} - {None}
        if len(readings) == 1:
            add(m.start(), m.end(), readings.pop(), 0.9)
        elif readings:  # 06/05/2024 where either is written: one of two days, bounded by both
            early, late = sorted(readings)
            out.append(Candidate(m.start(), m.end(), DATE, "", 0.6, PRIORITY,
                                 (("notBefore", early), ("notAfter", late))))
    patterns = _month_patterns(code) if code else None
    if patterns:
        out += _named(text, patterns, reference_date, year_of)
    if weekday := _weekday_pattern(code) if code else None:  # "Selasa (4/3)": day and month, no year
        ref_year = _reference_year(reference_date)
        for m in weekday.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            when = (_day(ref_year, month, day) if ref_year else f"--{month:02d}-{day:02d}") if valid(day, month) else None
            if when:
                add(m.start(1), m.end(2), when, 0.7)
    return out


@lru_cache(maxsize=32)
def _weekday_pattern(code: str) -> re.Pattern | None:
    """A day and a month in brackets right after a weekday of the language (date_words.tsv weekday), as
    Indonesian news dates an event of the week: "Selasa (4/3)"; None for a language without weekdays."""
    days = [w.strip() for row in date_rows(DATE_WORDS) if row["language"] == code and row["kind"] == "weekday"
            for w in row["words"].split(",") if w.strip()]
    if not days:
        return None
    names = "|".join(re.escape(d) for d in sorted(days, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})\s*\((\d{{1,2}})/(\d{{1,2}})\)", re.I)


def _reference_year(reference_date: str | None) -> int | None:
    m = re.match(r"(\d{4})", reference_date or "")
    return int(m.group(1)) if m else None


def _named(text: str, patterns, reference_date: str | None, year_of) -> list[Candidate]:
    day_first, month_first, months = patterns
    ref_year = _reference_year(reference_date)
    out = []

    def add(start, end, day, month, year):
        year = None if year is None else year_of(year)
        if year is not None and not _plausible(year):
            return
        if day is None:
            if year is None:
                return  # a month name alone: "May" is a name, a verb
            out.append(Candidate(start, end, DATE, "", 0.9, PRIORITY, (("when", f"{year:04d}-{month:02d}"),)))
            return
        if not valid(day, month):
            return
        given = year is not None
        year = year if given else ref_year
        if year is None:
            when = f"--{month:02d}-{day:02d}"
        else:
            when = _day(year, month, day)
            if when is None:
                return
        out.append(Candidate(start, end, DATE, "", 0.9 if given else 0.7, PRIORITY, (("when", when),)))

    found = []  # (start, end, day, month, year as written or None)
    for m in day_first.finditer(text):
        # a date that ends in its month's one full stop ("5 giu.", "3 Sept.") ends before it: the stop may be the
        # sentence's too (one before a year is the abbreviation's; Thai's "มี.ค." has two and no sentence stop)
        end = m.end() - (not m.group(3) and m.group(2).count(".") == 1 and m.group(2).endswith("."))
        found.append((m.start(), end, int(m.group(1)), months[word_key(m.group(2))], int(m.group(3)) if m.group(3) else None))
    for m in month_first.finditer(text):
        found.append((m.start(1), m.end(), int(m.group(2)) if m.group(2) else None, months[word_key(m.group(1))],
                      int(m.group(3)) if m.group(3) else None))
    found = sorted(date for date in found if date[2] is not None or date[4] is not None)  # a month alone is none
    for i, (start, end, day, month, year) in enumerate(found):
        if year is None and day is not None and i + 1 < len(found):
            year = _shared_year(text, end, found[i + 1], month)
        add(start, end, day, month, year)
    return out


# Between the first date of a range or pair and the next, which gives it its year ("July 4 to July 7, 2023",
# "4 July - 7 July 2023", "du 4 juillet au 7 juillet 2023"): a few characters, no digit and no sentence's end.
_RANGE_GAP = re.compile(r"[^\d.!?;:\n]{1,12}")


def _shared_year(text: str, end: int, following: tuple, month: int) -> int | None:
    """The year of the date right after a date without one (`following`, as _named lists them), when
    the two are a range or a pair in that year: close, in the same or a later month."""
    start, _, _, next_month, year = following
    if year is None or next_month < month or not _RANGE_GAP.fullmatch(text[end:start]):
        return None
    return year
