"""Entity spans as (start, end, label) triples, and reducing nested markup to flat spans."""

from __future__ import annotations

from typing import Iterable

Span = tuple[int, int, str]


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    """Document order: by start, longer first, then label, so output never depends on input order."""
    return sorted(set(spans), key=lambda s: (s[0], -s[1], s[2]))


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Keep only spans not inside another kept span; of two crossing spans keep the earlier.

    TEI markup nests (an orgName inside an orgName, a placeName inside an
    orgName); the flat scoring and training format keeps the outer name.
    """
    kept: list[Span] = []
    for span in sort_spans(s for s in spans if s[1] > s[0]):
        if kept and span[0] < kept[-1][1]:
            continue  # inside or crossing the last kept span (sorted by start, so only it matters)
        kept.append(span)
    return kept
