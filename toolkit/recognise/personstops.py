"""Names a person rule would take that are no person's, for the persons stage (persons.py, step 7).

`without_storms(scan, found, short)`: the full names found (token spans with their cert) and the
one-word names after a title, but for a storm's: a name right after a storm word (storm_words.tsv:
"bão Trà Mi", "áp thấp nhiệt đới …"), and the same name written elsewhere in the text ("Trà Mi
gây mưa lớn"). It reads the Scan and changes nothing.
"""

from __future__ import annotations

from .scan import Scan


def without_storms(scan: Scan, found, short):
    """The names found but those right after a storm word (storm_words.tsv: "bão Trà Mi") and
    those written as one of them: a storm's name is no person's."""
    toks = scan.toks
    after = set()
    for i in toks.where(scan.gaz.storm_words.first):
        hit = scan.gaz.storm_words.match_at(toks, i)
        if hit and i + hit[0] < toks.n and toks.joined(i + hit[0] - 1):
            after.add(i + hit[0])
    if not after:
        return found, short
    storms = {toks.surface(i, j).lower() for i, j, _ in found if i in after} | {toks.low[i] for i in short if i in after}
    return ([(i, j, c) for i, j, c in found if toks.surface(i, j).lower() not in storms],
            [i for i in short if toks.low[i] not in storms])
