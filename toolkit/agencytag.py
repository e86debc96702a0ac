"""The tag of a news agency or outlet that opens a lead paragraph: the one place its shape is said.

Vietnamese news, and wire copy in many languages, opens its first paragraph with the outlet's
name and a dash: "TTO - Ngày 8-12, …", "(Chinhphu.vn) - Sáng 6/12, …", "(Dân trí) - …",
"VTV.vn - …", "(TTXVN) - …". `lead_agency(line)` gives the outlet's characters when a line opens
so: a name in brackets (at most 30 characters, no line break) or one word of letters and dots
(at most 16 characters), opening with a capital; then a dash between spaces (or none before it)
and the text, opening with a capital letter. A word that labels a paragraph's form, not its
source, is no outlet ("Video - …", "Infographic - …", "(Ảnh minh họa) - …": data/gazetteers/
lead_labels.tsv). `agency_leads(text)` gives those of every line of a text. ingest/layout.py and
ingest/html.py make such a paragraph the lead; the Vietnamese rules mark the outlet an
organisation (recognise/orgforms.agency_tags) unless it is a place (a dateline: "TP.HCM - Ngày 5/12").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .resources import gazetteer_dir, read_tsv

_LEAD = re.compile(r"^[ \t]*(?:\((?P<bracketed>[^()\s][^()\n]{0,28})\)|(?P<word>[A-ZĐ][A-Za-zĐđ.]{1,15}))"
                   r"[ \t]*[-–—][ \t]+(?P<text>[^\W\d_])", re.MULTILINE)


def lead_agency(line: str) -> tuple[int, int] | None:
    """The outlet's characters when `line` opens with an agency's tag, else None."""
    match = _LEAD.match(line)
    return _outlet(match) if match else None


def agency_leads(text: str) -> Iterator[tuple[int, int]]:
    """The outlet's characters of each line of `text` that opens with an agency's tag, in order."""
    for match in _LEAD.finditer(text):
        if (found := _outlet(match)) is not None:
            yield found


def _outlet(match: re.Match) -> tuple[int, int] | None:
    group = "bracketed" if match.group("bracketed") is not None else "word"
    name = match.group(group)
    if not name[0].isupper() or not match.group("text").isupper() or name.casefold() in _labels():
        return None
    return match.span(group)


@lru_cache(maxsize=1)
def _labels() -> frozenset:
    return frozenset(row["label"].casefold() for row in read_tsv(gazetteer_dir() / "lead_labels.tsv"))
