"""How many distinct names share a register id: round one's ASCII slug against the slug now.

    .venv/bin/python benchmarks/register_ids.py

Names: the PER/ORG/LOC spans of the gold sets (tests/data/ner*/*.jsonl) and the
gazetteers' places and organisations (toolkit/data/gazetteers). Two names of one
kind that differ only in their diacritics (Bùi Tiến Dụng, Bùi Tiến Dũng) shared an
id under the ASCII slug; letter case is not identity under either.
"""

from __future__ import annotations

import glob
import json
from collections import defaultdict
from pathlib import Path

from teikit.asciifold import slug as ascii_slug
from teikit.encode.ids import slug

ROOT = Path(__file__).resolve().parents[1]


def names() -> set[tuple[str, str]]:
    found = set()
    for path in sorted(glob.glob(str(ROOT / "tests" / "data" / "ner*" / "*.jsonl"))):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for start, end, label in row["entities"]:
                if label in ("PER", "ORG", "LOC"):
                    found.add((label, " ".join(row["text"][start:end].split())))
    for tsv, label in (("places.tsv", "LOC"), ("orgs.tsv", "ORG")):
        for line in (ROOT / "toolkit" / "data" / "gazetteers" / tsv).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add((label, line.split("\t")[0].strip()))
    return found


def main() -> None:
    every = names()
    for title, make in (("ASCII slug (round one)", ascii_slug), ("diacritics-keeping slug (now)", slug)):
        groups: dict = defaultdict(set)
        for label, name in every:
            groups[(label, make(name))].add(name)
        shared = [sorted(v) for v in groups.values() if len(v) > 1]
        by_marks = [v for v in shared if len({n.lower() for n in v}) > 1]
        print(f"{title}: {len(every)} names; {len(shared)} ids shared by {sum(map(len, shared))} names; "
              f"{len(by_marks)} of those ids by names that differ in more than letter case {by_marks[:3]}")


if __name__ == "__main__":
    main()
