#!/usr/bin/env python3
"""Where an article's time goes, in steady state: ms/article per stage in one process (one core).

The stages are the library's own batch functions at --jobs 1 (convert without
validation, validate, render html with the site, render txt), run over a corpus
generated as benchmarks/pipeline.py makes it, after a warm-up batch that
compiles the schema and the stylesheets and loads the gazetteers (one-time
costs, left out). Each stage prints wall time and CPU time (this process's
plus its finished children's, e.g. Pagefind): on a machine shared with other
work, CPU time is the figure to compare. `--profile N` prints each stage's N most costly functions
(cProfile, cumulative time), the place to look for what to cut.

    .venv/bin/python benchmarks/perarticle.py [--articles 300] [--profile 15]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline import make_corpus  # noqa: E402
from teikit.convert import convert_paths  # noqa: E402
from teikit.options import ConvertOptions  # noqa: E402
from teikit.render import build_site, render_paths  # noqa: E402
from teikit.validate import validate_paths  # noqa: E402


def stages(work: Path, name: str):
    """(stage, a call running it over work/name) in the order of the job."""
    src, tei = work / f"{name}-src", work / f"{name}-tei"
    return [
        ("convert", lambda: convert_paths([src], tei, ConvertOptions(validate=False), jobs=1)),
        ("validate", lambda: validate_paths([tei], jobs=1)),
        ("html", lambda: build_site([tei], work / f"{name}-html", jobs=1)),
        ("txt", lambda: render_paths([tei], work / f"{name}-txt", "txt", jobs=1)),
    ]


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (Pagefind's subprocess)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print each stage's N costliest functions")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-perarticle-"))
    try:
        make_corpus(work / "warm-src", 3, seed=1)
        start = time.perf_counter()
        for _, call in stages(work, "warm"):
            call()
        print(f"one-time (gazetteers, schema, stylesheets) with 3 articles: {time.perf_counter() - start:.2f} s")
        chars = make_corpus(work / "run-src", args.articles)
        print(f"{args.articles} articles, {chars / args.articles:,.0f} characters each; ms/article, steady state:")
        print(f"  {'stage':<9} {'wall':>8} {'cpu':>8}")
        total = total_cpu = 0.0
        for stage, call in stages(work, "run"):
            profiler = cProfile.Profile() if args.profile else None
            start, start_cpu = time.perf_counter(), cpu_seconds()
            if profiler:
                profiler.enable()
            report = call()
            if profiler:
                profiler.disable()
            elapsed, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
            failures = getattr(report, "failures", None)
            assert not failures, failures[:3]
            total += elapsed
            total_cpu += cpu
            print(f"  {stage:<9} {1000 * elapsed / args.articles:8.2f} {1000 * cpu / args.articles:8.2f}")
            if profiler:
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile)
                print("\n".join("      " + line for line in out.getvalue().splitlines() if line.strip()))
        print(f"  {'whole':<9} {1000 * total / args.articles:8.2f} {1000 * total_cpu / args.articles:8.2f}" + ("  (profiled: slower)" if args.profile else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
