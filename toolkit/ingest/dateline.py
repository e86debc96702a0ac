"""Recognise a publication-date line ("31/07/2013", "Thứ Tư, 31/07/2013 - 10:30",
"Cập nhật: ngày 5 tháng 3 năm 2024 08:00 (GMT+7)", "2013-07-31") by its shape; in other
languages with a month name of data/languages/months.tsv ("12 March 2024", "Wednesday, March 12,
2024", "mercredi 5 mars 2024", "Mittwoch, 10. Januar 2024, 09:15 Uhr", "الأربعاء، 5 مارس 2024",
"बुधवार, 5 मार्च 2024", "วันพุธที่ 5 มีนาคม 2567 เวลา 10:30 น.", "24 במאי 2023") or in CJK digits
("2024年7月30日 10:30", "2023년 8월 12일"). A month form two languages give two months is no month here.
Before the date one word may stand, a weekday or a label: any word of letters, or one of the
weekdays and labels of data/languages/date_words.tsv (words with vowel signs, "बुधवार", or of two
words, "يوم الأربعاء"), and a label of that file may stand before that word and before a numeric
date ("Publié le mercredi 12 février 2025", "Mis à jour le 12/02/2025 à 10:30"); between the
month and the year a link of that file ("พ.ศ."), before the month its month_prefix ("במאי"),
after the year its year_suffix ("11 июля 2023 года"), and around a time its time_label and
time_suffix ("เวลา 10:30 น."). The digits of any script are read ("٥ مارس ٢٠٢٤"); a year in the
era of the month name's language is read in it (Thai 2567 is 2024: language.LanguageInfo.gregorian).
A numeric or ISO date line names no language: its year is made Gregorian once the article's
language is known (convertpasses.settle_language).
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple

from ..language import info
from ..datewords import BIDI_SPACE, DATE_WORDS, MONTHS, alternatives, date_rows, word_key
from ..whitespace import BIDI_MARKS

_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn|t[2-7])\s*[,-]?\s*)"
_LABEL = r"(?:(?:cập\s+nhật|đăng\s+(?:ngày|lúc)?|ngày\s+đăng|xuất\s+bản|published|updated|posted|date)\s*:?\s*)"
_TIME = r"(?:\s*[-,|]?\s*(?:lúc\s*)?\d{1,2}[:hg]\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?)"
_ZONE = r"(?:\s*\(?\s*(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?)"
_NUMERIC = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?:T[\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?"
_WORDS = r"(?:ngày\s+)?(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s*(?:,\s*|\s+)năm\s+(?P<wy>\d{4})"

_DATE_LINE_RE = re.compile(
    rf"^\s*{_LABEL}?{_WEEKDAY}?(?:ngày\s+)?(?P<date>{_NUMERIC}|{_ISO}|{_WORDS}){_TIME}?{_ZONE}?\s*$",
    re.IGNORECASE,
)


class DateLine(NamedTuple):
    when: str                 # the ISO date
    printed: str              # the date as printed ("12/8/2023"): the header's date
    line: str | None = None   # the whole line, when it says more (weekday, time, zone): the header keeps it


_CJK_DATE = r"(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]"  # Korean: 년 월 일
_ZONE_ANY = r"(?:\s*\(?\s*(?:gmt|utc|cet|cest|eet|eest|wet|west|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|mt|pt|bst|ict|ist|jst|kst|hkt|sgt|aest|aedt|wib|wita|wit)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)"


def _words(kind: str) -> list[str]:
    """date_words.tsv's words of a kind, every language's."""
    return [word_key(w) for row in date_rows(DATE_WORDS) if row["kind"] == kind for w in row["words"].split(",") if w.strip()]


@lru_cache(maxsize=1)
def _worded() -> tuple[re.Pattern, dict[str, int], dict[str, set[str]]]:
    """A date line with a month name (any language's), the month of each name (folded) and the
    languages that write it."""
    months: dict[str, int] = {}
    languages: dict[str, set[str]] = {}
    shared: set[str] = set()
    for row in date_rows(MONTHS):
        for name in (word_key(n) for n in row["names"].split(",") if n.strip()):
            if months.setdefault(name, int(row["month"])) != int(row["month"]):
                shared.add(name)
            languages.setdefault(name, set()).add(row["language"])
    for name in shared:
        del months[name]
    opens = rf"(?<!\w)(?:{alternatives(_words('month_prefix'))})?"  # before a month: "24 במאי 2023"
    month = rf"(?:{alternatives(months)})(?:(?<=\.)|(?!\w))"
    day = r"\d{1,2}(?:st|nd|rd|th|er|\.|º)?"
    link = rf"(?:(?:de|of|{alternatives(_words('link'))})\s+)?"  # "5 de marzo de 2024", "5 มีนาคม พ.ศ. 2567"
    space = BIDI_SPACE  # "5\u200f مارس 2024"
    date = (rf"(?P<date>(?P<d1>{day}){space}{link}{opens}(?P<m1>{month})[,،]?{space}{link}(?P<y1>\d{{4}})"
            rf"|{opens}(?P<m2>{month}){space}(?P<d2>{day}),?{space}(?P<y2>\d{{4}})|{_CJK_DATE})")
    # one word before it, a weekday or a label ("Wednesday,", "mercredi", "Updated:", "الأربعاء،"), or the data's;
    # a label of the data may come first ("Publié le mercredi 12 février 2025")
    opening = alternatives(_words("weekday") + _words("label"))
    weekday = rf"(?:{_label()}{space})?(?:(?:{opening}|[^\W\d_]+)[.,:،]?{space})?"
    after = r"(?:\s*[（(][^()（）]{1,12}[)）])?"  # "（火）"
    year_word = rf"(?:\s*(?:{alternatives(_words('year_suffix'))})(?!\w))?"  # "11 июля 2023 года", "2023 r."
    line = rf"^[\s{BIDI_MARKS}]*{weekday}{date}{year_word}{after}{_time()}?{_ZONE_ANY}?\s*$"
    return re.compile(line, re.IGNORECASE), months, languages


@lru_cache(maxsize=1)
def _label() -> str:
    """A label of the date data before a date ("Publié le", "Updated on:")."""
    return rf"(?:{alternatives(_words('label'))})[.,:،]?"


@lru_cache(maxsize=1)
def _time() -> str:
    """The time after a date line's date, with the words of the data around it ("à 10h30", "10:30 a.m.", "เวลา 10:30 น.")."""
    time_label = alternatives(["um", "at", "à", "alle", "às", "lúc"] + _words("time_label"))
    time_suffix = alternatives(["uhr", "am", "pm", "a.m.", "p.m.", "h"] + _words("time_suffix"))
    return rf"(?:\s*[-,|]?\s*(?:{time_label})?\s*\d{{1,2}}[:h.]\d{{2}}(?::\d{{2}})?(?:\s*(?:{time_suffix}))?)"


@lru_cache(maxsize=1)
def _labelled_numeric() -> re.Pattern:
    """A numeric or ISO date line opened by a label of the data ("Mis à jour le 12/02/2025 à 10:30")."""
    return re.compile(rf"^\s*{_label()}\s*(?P<date>{_NUMERIC}|{_ISO}){_time()}?{_ZONE_ANY}?\s*$", re.IGNORECASE)


def _worded_date(line: str) -> DateLine | None:
    pattern, months, languages = _worded()
    match = pattern.match(line)
    if not match:
        return None
    if match.group("cy"):
        year, month, day = int(match.group("cy")), int(match.group("cm")), int(match.group("cd"))
    else:
        n = "1" if match.group("d1") else "2"
        name = word_key(match.group(f"m{n}"))
        month = months[name]
        day, year = int(re.match(r"\d+", match.group(f"d{n}")).group(0)), int(match.group(f"y{n}"))
        eras = {info(code).gregorian(year) for code in languages[name]}
        year = eras.pop() if len(eras) == 1 else year  # Thai 2567 is 2024; as written when its languages disagree
    try:
        when = _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    whole = line.strip()
    return DateLine(when, match.group("date"), whole if whole != match.group("date") else None)


def parse_date_line(line: str) -> DateLine | None:
    """The date line's date when the whole line is a publication date."""
    match = _DATE_LINE_RE.match(line) or _labelled_numeric().match(line)
    if not match:
        return _worded_date(line)
    if match.group("d"):
        day, month, year = match.group("d", "m", "y")
    elif match.group("iy"):
        year, month, day = match.group("iy", "im", "id")
    else:
        day, month, year = match.group("wd", "wm", "wy")
    try:
        when = _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
    whole = line.strip()
    return DateLine(when, match.group("date"), whole if whole != match.group("date") else None)
