#!/usr/bin/env python3
"""Benchmark hostile text shapes: one name repeated thousands of times, one capitalised run of
thousands of syllables. Convert (rule recognition) and `ner train` should cost about twice as
much for twice the text; each size runs in a child process of its own (CPU seconds, peak RSS).

    .venv/bin/python benchmarks/long_runs.py [--sizes 4000 16000]

Two shapes, each at every size N:
- convert: "Ông " + "Nguyễn Văn " * N + "đến Hà Nội." as one article (persons._covered: the
  spans already taken were scanned once per occurrence of a last name, quadratic);
- train: a TEI whose one persName holds N syllables, beside a seed TEI (features._run_features:
  the run-level features were worked out once per token of the run, quadratic).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, folder, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
start = time.process_time()
if kind == "convert":
    from teikit.convert import convert_paths
    (folder / "in").mkdir()
    (folder / "in" / "a.txt").write_text("Tiêu đề bài\n\nÔng " + "Nguyễn Văn " * n + "đến Hà Nội.\n", encoding="utf-8")
    report = convert_paths([folder / "in"], folder / "out")
else:
    from teikit.cli import app
    (folder / "in").mkdir()
    seed = next(p for p in sorted(Path(sys.argv[4]).glob("*.xml")))
    (folder / "in" / "seed.xml").write_bytes(seed.read_bytes())
    (folder / "in" / "long.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName>'
                                            + "A " * n + "</persName></p></body></text></TEI>", encoding="utf-8")
    app(["ner", "train", str(folder / "in"), "-o", str(folder / "model")], standalone_mode=False)
print(json.dumps({"cpu_s": round(time.process_time() - start, 2),
                  "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 16000])
    args = parser.parse_args()
    for kind in ("convert", "train"):
        for n in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                done = subprocess.run([sys.executable, "-c", CHILD, kind, tmp, str(n), str(ROOT / "tei")],
                                      capture_output=True, text=True, check=True)
                print(kind, n, json.loads(done.stdout.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
