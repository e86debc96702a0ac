#!/usr/bin/env python3
"""Benchmark `convert`: articles/s, characters/s and peak memory over generated articles.

Articles are made from the seed corpus: paragraphs shuffled, dates and the
names of a small pool swapped in, so every article has the seed's size and
shape but different text. Runs in one process (one core); memory is the peak
resident set, measured at several corpus sizes to show whether it stays flat.

    .venv/bin/python benchmarks/convert.py [--articles 1000] [--no-validate]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from teikit.convert import convert_paths  # noqa: E402
from teikit.options import ConvertOptions  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Tâm", "Tuấn"]


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in sources]
    total = 0
    for i in range(count):
        lines = texts[i % len(texts)].split("\n")
        title, rest = lines[0], lines[1:]
        paragraphs = [l for l in rest if len(l) > 200]
        rng.shuffle(paragraphs)
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2005, 2024)
        body = "\n\n".join(p.replace("2012", str(year - 1)) for p in paragraphs)
        text = f"{title} {i}\n\n{day:02d}/{month:02d}/{year}\nNgày {day}/{month}/{year}, ông {name} phát biểu.\n\n{body}\n\n{name}\n"
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-"))
    try:
        options = ConvertOptions(validate=not args.no_validate)
        # Warm up: load gazetteers, compile the schema once, outside the timing.
        warm = work / "warm"; warm.mkdir()
        make_corpus(warm, 2)
        t0 = time.perf_counter()
        convert_paths([warm], work / "warm-out", options)
        print(f"start-up (gazetteers, schema compile): {time.perf_counter() - t0:.2f} s")
        for count in sorted({max(args.articles // 4, 1), max(args.articles // 2, 1), args.articles}):
            src = work / f"src{count}"; src.mkdir()
            chars = make_corpus(src, count)
            start = time.perf_counter()
            report = convert_paths([src], work / f"out{count}", options)
            elapsed = time.perf_counter() - start
            assert not report.failures, report.failures[:3]
            print(f"{count:6d} articles ({chars / count:,.0f} chars each, validate={'on' if options.validate else 'off'}): "
                  f"{count / elapsed:8.1f} articles/s  {chars / elapsed:12,.0f} chars/s  "
                  f"peak RSS {peak_rss_mib():7.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
