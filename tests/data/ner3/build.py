"""Build test.jsonl of the third (held-out) NER corpus from source.txt, computing offsets.

source.txt holds one item per line, ``ID<TAB>TOPIC<TAB>TEXT``, entities inline as
``[[LABEL:surface]]`` with LABEL one of PER, ORG, LOC, DATE, in the VLSP span
convention of docs/ner.md. Every item goes to test.jsonl: this set is never
trained or tuned on. Parsing and checking are those of ../ner/build_gold.py.

Run:  python tests/data/ner3/build.py          (rewrites test.jsonl)
      python tests/data/ner3/build.py --check  (exit 1 if it is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ner"))

from build_gold import SourceError, build, write_or_check  # noqa: E402

LABELS = {"PER", "ORG", "LOC", "DATE"}


def main(argv: list[str]) -> int:
    if not write_or_check(HERE / "test.jsonl", build(HERE / "source.txt", LABELS), "--check" in argv):
        print("stale: test.jsonl (run build.py)")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
