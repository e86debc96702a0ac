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

from build_gold import run  # noqa: E402

LABELS = {"PER", "ORG", "LOC", "DATE"}

if __name__ == "__main__":
    sys.exit(run({HERE / "source.txt": (HERE / "test.jsonl", LABELS)}, sys.argv[1:], "build.py"))
