"""Choose, among candidate spans that may overlap, a set that nests but never crosses.

Every rule proposes `Candidate`s with a priority. `resolve` takes them best
first (priority, then the longer span, then the earlier one) and keeps a
candidate only if, against everything kept so far, it is disjoint or properly
nested in a way the encoding allows (model.MAY_CONTAIN, the one nesting
policy: a role may hold an org, a place or an abbreviation; a name may hold
only an abbreviation, so a place in an org's name is part of the name, and of
two nested organisations the one kept first wins). Spans that cross, and a second mention with the same
(start, end, type), are dropped. The result is sorted by (start, -end) with
the outer element first when two share a span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from ..model import MAY_CONTAIN, OUTER_FIRST, Mention

# No rule proposes a span longer than this; it bounds the search for overlaps.
MAX_SPAN = 400


class Candidate(NamedTuple):
    """A span a rule proposes (a named tuple: rules make hundreds per article)."""

    start: int
    end: int
    type: str
    key: str
    cert: float
    priority: int
    attrs: tuple[tuple[str, str], ...] = ()

    def mention(self, resp: str) -> Mention:
        return Mention(self.start, self.end, self.type, self.key, self.attrs, resp, round(self.cert, 2))


def inside_longer(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted `spans` (start, end) holds [start, end) and more (no span is
    longer than MAX_SPAN: only those starting that far back are looked at)."""
    lo, hi = bisect_left(spans, (start - MAX_SPAN,)), bisect_right(spans, (start, float("inf")))
    return any(end <= b and b - a > end - start for a, b in spans[lo:hi])


def compatible(a: Candidate, b: Candidate) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    if a.start == b.start and a.end == b.end:
        return a.type != b.type and (b.type in MAY_CONTAIN[a.type] or a.type in MAY_CONTAIN[b.type])
    if a.start <= b.start and b.end <= a.end:
        return b.type in MAY_CONTAIN[a.type]
    if b.start <= a.start and a.end <= b.end:
        return a.type in MAY_CONTAIN[b.type]
    return False  # they cross


def resolve(candidates, resp: str) -> list[Mention]:
    order = sorted(candidates, key=lambda c: (-c.priority, c.start - c.end, c.start, OUTER_FIRST[c.type], c.key))
    starts: list[int] = []       # of the kept candidates, in order of start (then of choice)
    kept: list[Candidate] = []
    reach = 0  # the longest span kept so far: nothing kept that starts further back can overlap
    for cand in order:
        start, end = cand.start, cand.end
        length = end - start
        if length <= 0 or length > MAX_SPAN:
            continue
        lo = bisect_left(starts, start - reach)
        hi = bisect_left(starts, end, lo)
        for other in kept[lo:hi]:
            if other.end > start and not compatible(other, cand):
                break
        else:
            at = bisect_right(starts, start, lo)
            starts.insert(at, start)
            kept.insert(at, cand)
            if length > reach:
                reach = length
    kept.sort(key=lambda c: (c.start, -c.end, OUTER_FIRST[c.type]))
    return [c.mention(resp) for c in kept]
