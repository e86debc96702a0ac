"""The rule families of the rules recogniser, best first: the one place their priorities live.

Every rule family proposes candidate spans (spans.Candidate) with the priority
its row here gives; spans.resolve takes candidates by priority, then the
longer span, then the earlier one, and drops a candidate that would cross one
kept or nest where the encoding does not allow. A rule module never writes a
priority of its own: it asks `priority(family)`.

Rows with equal priorities are ties, which the longer span, then the earlier
one, decides (a role and a place named after a person; a partial person mention
and a listed place).

The order in which the producers run is a separate matter (rules.py: each stage
gets the results it needs from earlier stages as read-only values); it does not
decide between overlapping spans, this table does.
"""

from __future__ import annotations

from typing import NamedTuple


class Family(NamedTuple):
    name: str
    priority: int
    producer: str   # the module that proposes these candidates
    what: str


FAMILIES: tuple[Family, ...] = (
    Family("author", 100, "persons", "the byline's author wherever written (cert 0.95)"),
    Family("known-person", 99, "rules", "a person named elsewhere in the corpus (Context.known_names), not "
                                        "inside a longer name the rules found ('TP Hồ Chí Minh')"),
    Family("known-name", 98, "rules", "an organisation or place named elsewhere in the corpus, not inside "
                                      "a longer name the rules found ('Sở Y tế Hà Nội')"),
    Family("date-range", 97, "dates", "ranges: from/to"),
    Family("date", 95, "dates", "single dates, full and partial, lists of days"),
    Family("duration", 93, "dates", "durations: measure quantity= unit="),
    Family("org", 88, "orgs", "named organisations: listed, acronyms, head word + name, quoted, "
                              "firms after a lower-case head, clubs, acronyms named in brackets"),
    Family("org-reference", 84, "orgs", "a bare lone head referring to the one body of its kind named"),
    Family("role", 80, "roles", "ranks, offices, honorifics with the body or place they belong to"),
    Family("place-named-after-person", 80, "places", "a place after a level or generic noun whose "
                                                     "name is a person's ('xã Trà Leng', 'đường Võ Văn Kiệt')"),
    Family("person", 75, "persons", "full names, names after a title, later mentions"),
    Family("person-partial", 70, "persons", "one word after a title with no full name it ends; "
                                            "a name's last word alone"),
    Family("place", 70, "places", "listed places (places.tsv)"),
    Family("place-level-cue", 55, "places", "a name after an administrative level ('tỉnh X', 'tại huyện X')"),
    Family("place-cue", 50, "places", "a name after 'tại', 'ở' or a generic noun ('sân X', 'phố X')"),
    Family("abbr", 40, "abbreviations", "abbreviations, keyed by their expansion"),
)

_PRIORITY = {f.name: f.priority for f in FAMILIES}


def priority(family: str) -> int:
    """The priority of a rule family (KeyError for a family not in the table)."""
    return _PRIORITY[family]
