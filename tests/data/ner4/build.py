"""Build dev.jsonl of the fourth NER corpus (a Vietnamese development set) from source.txt, computing offsets.

source.txt holds one item per line, ``ID<TAB>TOPIC<TAB>TEXT``, entities inline as
``[[LABEL:surface]]`` with LABEL one of persName, orgName, placeName, date, in the
span convention of docs/ner.md and the annotation guideline of tests/data/README.md.
Every item goes to dev.jsonl: this set may be tuned on (ner3 is the held-out set).
Parsing and checking are those of ../ner/build_gold.py.

Run:  python tests/data/ner4/build.py          (rewrites dev.jsonl)
      python tests/data/ner4/build.py --check  (exit 1 if it is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ner"))

from build_gold import SourceError, build, write_or_check  # noqa: E402

LABELS = {"persName", "orgName", "placeName", "date"}


def main(argv: list[str]) -> int:
    if not write_or_check(HERE / "dev.jsonl", build(HERE / "source.txt", LABELS), "--check" in argv):
        print("stale: dev.jsonl (run build.py)")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
