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

from build_gold import run  # noqa: E402

LABELS = {"persName", "orgName", "placeName", "date"}

if __name__ == "__main__":
    sys.exit(run({HERE / "source.txt": (HERE / "dev.jsonl", LABELS)}, sys.argv[1:], "build.py"))
