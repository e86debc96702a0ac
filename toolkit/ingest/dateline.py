"""Recognise a publication-date line ("31/07/2013", "Thứ Tư, 31/07/2013 - 10:30",
"Cập nhật: ngày 5 tháng 3 năm 2024 08:00 (GMT+7)", "2013-07-31") by its shape.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

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


def parse_date_line(line: str) -> DateLine | None:
    """The date line's date when the whole line is a publication date."""
    match = _DATE_LINE_RE.match(line)
    if not match:
        return None
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
