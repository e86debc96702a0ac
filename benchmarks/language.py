#!/usr/bin/env python3
"""Benchmark language detection (teikit.language): accuracy and speed on the repository's texts.

Samples, each with the language it is in:
- whole texts: tests/data/languages/*.txt (en, fr, zh, vi; the file name's prefix),
  the Vietnamese articles of tests/data/articles/ and seeds/, the pages of
  tests/data/html/ (their text as ingest extracts it; the language their
  expected.json gives, detection only: their declarations are not used);
- their paragraphs one by one (harder: 100-600 characters);
- their titles (shortest: most fall back to the default, which is counted apart).

For each group: how many samples, how many were detected right, how many fell
back to the default (too short or unsure; right for a Vietnamese sample), how
many were detected as a wrong language, and the mean time of one `decide`. The model's load time is printed first (once per process).

    .venv/bin/python benchmarks/language.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from teikit import language  # noqa: E402
from teikit.ingest import ingest_file  # noqa: E402


def samples() -> dict[str, list[tuple[str, str]]]:
    """group -> [(expected language, text)]."""
    files = [(p.name.split("_")[0], p) for p in sorted((ROOT / "tests" / "data" / "languages").glob("*.txt"))]
    files += [("vi", p) for p in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]
    files += [("vi", p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = json.loads((ROOT / "tests" / "data" / "html" / "expected.json").read_text(encoding="utf-8"))
    known = {"xinhua_metro.html": "zh"}  # declares no language: Chinese
    files += [(spec["lang"] or known[name], ROOT / "tests" / "data" / "html" / name) for name, spec in sorted(pages.items())]
    groups: dict[str, list[tuple[str, str]]] = {"whole texts": [], "paragraphs": [], "titles": []}
    for code, path in files:
        article = ingest_file(path)
        groups["whole texts"].append((code, article.text))
        groups["titles"].append((code, article.title))
        groups["paragraphs"] += [(code, b.text) for b in article.blocks[1:] if len(b.text) >= 100]
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="times each sample is decided, for the timing")
    args = parser.parse_args()
    start = time.perf_counter()
    language.detect("Model load: a sentence long enough to be classified by the detector.")
    print(f"model load (first call): {time.perf_counter() - start:.3f} s")
    for group, items in samples().items():
        detected = by_default = lost = 0
        wrongs = []
        for code, text in items:
            decision = language.decide(text)
            if decision.source == language.DEFAULT:
                by_default += code == language.DEFAULT_LANGUAGE
                lost += code != language.DEFAULT_LANGUAGE
            elif language.primary(decision.language) == code:
                detected += 1
            else:
                wrongs.append(f"{code}->{decision.language}")
        start = time.perf_counter()
        for _ in range(args.repeat):
            for _code, text in items:
                language.decide(text)
        each = (time.perf_counter() - start) / (args.repeat * len(items))
        chars = sum(len(t) for _, t in items) / len(items)
        print(f"{group:12s} {len(items):4d} samples (mean {chars:6.0f} chars): {detected} detected right, "
              f"{by_default} Vietnamese taken as the default, {lost} other too short or unsure (written as "
              f"'{language.DEFAULT_LANGUAGE}'), {len(wrongs)} detected wrong {wrongs or ''}; "
              f"{each * 1000:.2f} ms each ({1 / each:,.0f}/s)")


if __name__ == "__main__":
    main()
