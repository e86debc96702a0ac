"""Recognise a publication-date line ("31/07/2013", "Thứ Tư, 31/07/2013 - 10:30",
"Cập nhật: ngày 5 tháng 3 năm 2024 08:00 (GMT+7)", "2013-07-31") by its shape; in other
languages with a month name of data/languages/months.tsv ("12 March 2024", "Wednesday, March 12,
2024", "mercredi 5 mars 2024", "Mittwoch, 10. Januar 2024, 09:15 Uhr") or in CJK digits
("2024年7月30日 10:30"). A month form two languages give two months is no month here.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple

from ..resources import language_dir, read_tsv

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


_CJK_DATE = r"(?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日"
_TIME_ANY = r"(?:\s*[-,|]?\s*(?:um|at|à|alle|às|lúc)?\s*\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*(?:uhr|am|pm|a\.m\.|p\.m\.|h))?)"
_ZONE_ANY = r"(?:\s*\(?\s*(?:gmt|utc|cet|cest|est|edt|pst|pdt|bst|ict)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)"


@lru_cache(maxsize=1)
def _worded() -> tuple[re.Pattern, dict[str, int]]:
    """A date line with a month name (any language's), and the month of each name (folded)."""
    months: dict[str, int] = {}
    shared: set[str] = set()
    for row in read_tsv(language_dir() / "months.tsv", what="month names"):
        for name in (n.strip().casefold() for n in row["names"].split(",") if n.strip()):
            if months.setdefault(name, int(row["month"])) != int(row["month"]):
                shared.add(name)
    for name in shared:
        del months[name]
    name = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    month = rf"(?<!\w)(?:{name})(?:(?<=\.)|(?!\w))"
    day = r"\d{1,2}(?:st|nd|rd|th|er|\.|º)?"
    date = (rf"(?P<date>(?P<d1>{day})\s+(?:de\s+|of\s+)?(?P<m1>{month}),?\s+(?:de\s+)?(?P<y1>\d{{4}})"
            rf"|(?P<m2>{month})\s+(?P<d2>{day}),?\s+(?P<y2>\d{{4}})|{_CJK_DATE})")
    weekday = r"(?:[^\W\d_]+[.,:]?\s+)?"  # one word before it: a weekday or a label ("Wednesday,", "mercredi", "Updated:")
    after = r"(?:\s*[（(][^()（）]{1,12}[)）])?"  # "（火）"
    return re.compile(rf"^\s*{weekday}{date}{after}{_TIME_ANY}?{_ZONE_ANY}?\s*$", re.IGNORECASE), months


def _worded_date(line: str) -> DateLine | None:
    pattern, months = _worded()
    match = pattern.match(line)
    if not match:
        return None
    if match.group("cy"):
        year, month, day = int(match.group("cy")), int(match.group("cm")), int(match.group("cd"))
    else:
        n = "1" if match.group("d1") else "2"
        month = months[match.group(f"m{n}").casefold()]
        day, year = int(re.match(r"\d+", match.group(f"d{n}")).group(0)), int(match.group(f"y{n}"))
    try:
        when = _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    whole = line.strip()
    return DateLine(when, match.group("date"), whole if whole != match.group("date") else None)


def parse_date_line(line: str) -> DateLine | None:
    """The date line's date when the whole line is a publication date."""
    match = _DATE_LINE_RE.match(line)
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
