"""Decades in Vietnamese text: "thập niên 1960", "thập kỷ 1990", "thập kỉ 80", "những năm 1970",
one date from the decade's first year to its last (from=1960 to=1969), the whole phrase its span
(recognise/dates.py adds them to its dates; a range outranks the year "năm 1970" inside).

A decade is a year ending in 0 after "thập niên", "thập kỷ" (or "kỉ") or "những năm"; two digits
("thập niên 80") are the 1900s' from 30 on, and no decade below that (the 1920s or the 2020s: the
text does not say). "những năm 1990 - 2000" is no decade (a year range, dates.py's), nor "những
năm 1975" (years), nor a decade glued to more digits or letters.
"""

from __future__ import annotations

import re

from ..model import DATE
from .spans import Candidate

_DECADE = re.compile(r"(?<!\w)(?:thập\s+(?:niên|kỷ|kỉ)|những\s+năm)\s+(\d{2}|\d{4})(?![\w%]|\s*[/.\-–—]\s*\d|[/.\-–]\w)", re.I)


def find_decades(text: str, priority: int) -> list[Candidate]:
    """The decades of `text` as ranges of `priority` (cert 0.85, as dates.py's ranges)."""
    if "niên" not in text and "năm" not in text and "thập" not in text.lower():
        return []
    found = []
    for m in _DECADE.finditer(text):
        digits = m.group(1)
        first = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 30 else None)
        if first is None or first % 10 or not 1000 <= first <= 2190:
            continue
        found.append(Candidate(m.start(), m.end(), DATE, "", 0.85, priority,
                               (("from", f"{first:04d}"), ("to", f"{first + 9:04d}"))))
    return found
