"""The tag of a news agency or outlet that opens a lead paragraph: the one place its shape is said.

Vietnamese news, and wire copy in many languages, opens its first paragraph with the outlet's
name and a dash: "TTO - Ngày 8-12, …", "(Chinhphu.vn) - Sáng 6/12, …", "(Dân trí) - …",
"VTV.vn - …", "(TTXVN) - …". `AGENCY_LEAD` matches it at a paragraph's start, its group
"name" the outlet: a name in brackets (at most 30 characters, no line break), or one word
opening with a capital, letters and dots, of at most 16 characters; then a dash between
spaces (or none before it) and the text. ingest/layout.py makes such a paragraph the lead;
the Vietnamese rules mark the outlet an organisation (recognise/orgforms.agency_tags) unless
it is a place (a dateline: "TP.HCM - Ngày 5/12").
"""

from __future__ import annotations

import re

AGENCY_LEAD = re.compile(r"^[ \t]*(?:\((?P<bracketed>[^()\s][^()\n]{0,28})\)|(?P<word>[A-ZĐ][A-Za-zĐđ.]{1,15}))[ \t]*[-–—][ \t]+\S")
# ... at the start of every line of a text (the paragraphs of an article read as one text)
AGENCY_LEADS = re.compile(AGENCY_LEAD.pattern, re.MULTILINE)


def agency_name(match: re.Match) -> tuple[int, int]:
    """The outlet's characters in the text AGENCY_LEAD matched."""
    group = "bracketed" if match.group("bracketed") is not None else "word"
    return match.span(group)
