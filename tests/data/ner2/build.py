"""Build train.jsonl and test.jsonl of the second NER corpus from source.txt, computing offsets.

source.txt holds one item per line, ``ID<TAB>TOPIC<TAB>TEXT``, entities inline as
``[[LABEL:surface]]`` with LABEL one of PER, ORG, LOC, DATE (the ner tools map them
to persName/orgName/placeName/date). ``#`` lines and blank lines are comments.
The split is fixed: every 4th item (n004, n008, ...) goes to test.jsonl, the rest
to train.jsonl, so each topic block contributes to both. Parsing and checking
are those of ../ner/build_gold.py, so both corpora follow one format.

Run:  python tests/data/ner2/build.py          (rewrites both JSONL files)
      python tests/data/ner2/build.py --check  (exit 1 if they are stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ner"))

from build_gold import SourceError, build, write_or_check  # noqa: E402

LABELS = {"PER", "ORG", "LOC", "DATE"}
TEST_EVERY = 4


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [item for k, item in enumerate(items, start=1) if k % TEST_EVERY]
    test = [item for k, item in enumerate(items, start=1) if not k % TEST_EVERY]
    return train, test


def main(argv: list[str]) -> int:
    check = "--check" in argv
    train, test = split(build(HERE / "source.txt", LABELS))
    stale = [name for name, items in (("train.jsonl", train), ("test.jsonl", test))
             if not write_or_check(HERE / name, items, check)]
    if stale:
        print("stale: " + ", ".join(stale) + " (run build.py)")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
