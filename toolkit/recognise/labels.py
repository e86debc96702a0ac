"""The four entity labels the CRF tags, the ner tools read, write and score, and how other names map to them.

Training data and gold sets come with many spellings of the same label
(CoNLL's PER/ORG/LOC, spaCy's PERSON/ORGANIZATION, TEI element names). Everything
is mapped to the TEI element names on the way in; anything else is ignored.
"""

from __future__ import annotations

from ..model import DATE, ORG, PERSON, PLACE

PERS_NAME, ORG_NAME, PLACE_NAME, DATE_LABEL = "persName", "orgName", "placeName", "date"
LABELS = (PERS_NAME, ORG_NAME, PLACE_NAME, DATE_LABEL)

_ALIASES = {
    PERS_NAME: ("persname", "person", "per", "pers"),
    ORG_NAME: ("orgname", "organization", "organisation", "org"),
    PLACE_NAME: ("placename", "location", "loc", "place", "gpe"),
    DATE_LABEL: ("date",),
}
_BY_ALIAS = {alias: label for label, aliases in _ALIASES.items() for alias in aliases}

# Mention.type -> label; role and abbr have no label and are dropped.
MENTION_TYPE_TO_LABEL = {PERSON: PERS_NAME, ORG: ORG_NAME, PLACE: PLACE_NAME, DATE: DATE_LABEL}
LABEL_TO_MENTION_TYPE = {label: mtype for mtype, label in MENTION_TYPE_TO_LABEL.items()}


def normalise_label(raw: str) -> str | None:
    """The canonical label for `raw` (case-insensitive), or None for a label we do not use."""
    if not isinstance(raw, str):
        return None
    return _BY_ALIAS.get(raw.strip().lower())
