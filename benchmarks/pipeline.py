#!/usr/bin/env python3
"""Benchmark the whole job as a user runs it: convert, validate, render html, render txt.

Each stage is one `teikit` process (start-up included), run over the same
generated corpus at every --jobs value asked for (default 1 and 2). Printed per
corpus size and --jobs: seconds and ms/article per stage, articles/s for the
whole job, the peak resident set of the largest process of each stage (the
stage's own process or one of its workers: os.wait4's rusage, which covers the
children it waited for), and the scaling factor (whole-job time at --jobs 1 over
the time at --jobs N). Outputs at every N are compared byte for byte with --jobs 1.

Articles are generated from the seed corpus and the gazetteers (toolkit/data):
the seed's paragraphs (shuffled, a varying number of them) with a sentence of
people (family names, given names, roles), places and organisations drawn from
the gazetteers, and dates; every article differs, all are of the seed's size.

    .venv/bin/python benchmarks/pipeline.py [--articles 1000 10000] [--jobs 1 2] [--no-incremental]
    .venv/bin/python benchmarks/pipeline.py --articles 1000 --stages convert --no-incremental   # convert's scaling

`incremental_cases` measures the incremental builds (`teikit build` twice with
nothing changed, then with one article changed, checked against a build from
scratch) and prints the ratios to the first build; it runs at the smallest size.
`--only-incremental` skips the per-stage runs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teikit import buildrecord

ROOT = Path(__file__).resolve().parent.parent
GAZETTEERS = ROOT / "toolkit" / "data" / "gazetteers"
TEIKIT = [str(Path(sys.executable).parent / "teikit")]  # the command beside this Python (.venv/bin)
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Tâm", "Tuấn",
         "Hải", "Hương", "Khoa", "Linh", "Quân", "Thảo", "Trung", "Vinh", "Yến"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công"]


def column(name: str, field: int = 0) -> list[str]:
    """One column of a gazetteer (comments and the header line left out)."""
    rows = [line.split("\t") for line in (GAZETTEERS / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [row[field] for row in rows[1:] if len(row) > field and row[field]]


def make_corpus(folder: Path, count: int, seed: int = 15) -> int:
    """`count` articles in `folder`; their characters in all."""
    rng = random.Random(seed)
    families, roles = column("family_names.tsv"), column("roles.tsv")
    places, orgs = column("places.tsv"), column("orgs.tsv")
    texts = [s.read_text(encoding="utf-8") for s in sorted((ROOT / "seeds").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        lines = texts[i % len(texts)].split("\n")
        title = lines[0]
        paragraphs = [line.strip() for line in lines[2:] if len(line.strip()) > 40]
        rng.shuffle(paragraphs)
        paragraphs = paragraphs[:rng.randint(max(1, len(paragraphs) - 1), len(paragraphs))]
        person = f"{rng.choice(families)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2005, 2024)
        news = (f"Ngày {day}/{month}/{year}, tại {rng.choice(places)}, {rng.choice(roles)} {person} đã làm việc "
                f"với {rng.choice(orgs)} và đại diện {rng.choice(orgs)} về tình hình {rng.choice(places)}.")
        body = "\n\n".join([news, *paragraphs])
        text = f"{title} ({i})\n\n{day:02d}/{month:02d}/{year}\n{body}\n\n{person}\n"
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB of the largest process) of one teikit command, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(TEIKIT + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"teikit {' '.join(args)} failed ({process.returncode}):\n{stderr.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def stages(jobs: int) -> list[tuple[str, list[str]]]:
    """The whole job, stage by stage, run in a folder holding the sources in src/."""
    j = ["--jobs", str(jobs)]
    return [
        ("convert", ["convert", "src", "-o", "tei", "--no-validate", *j]),  # validation is the next stage
        ("validate", ["validate", "tei", *j]),
        ("html", ["render", "tei", "-f", "html", "-o", "html", *j]),
        ("txt", ["render", "tei", "-f", "txt", "-o", "txt", *j]),
    ]


def same_tree(a: Path, b: Path) -> bool:
    """Every file under a and b has the same name and bytes: teikit's records of what it wrote (.teikit/,
    the build records: buildrecord.FILES, the JSON record and its SQLite store, whose pages SQLite lays
    out in the order rows came) and the search index (pagefind/: its bytes differ run to run,
    Pagefind#638, docs/site.md) excepted, as the tests leave them out."""
    files = lambda root: sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and ".teikit" not in p.parts  # noqa: E731
                                and "pagefind" not in p.parts and p.name not in buildrecord.FILES)
    left, right = files(a), files(b)
    return left == right and all(filecmp.cmp(a / p, b / p, shallow=False) for p in left)


def whole_job(work: Path, jobs: int, only: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """stage -> (seconds, peak MiB) of the four stages (or the first ones, up to the last of `only`,
    timing those of `only`) at --jobs `jobs`, in work/jN."""
    here = work / f"j{jobs}"
    shutil.copytree(work / "src", here / "src")
    names = [name for name, _ in stages(jobs)]
    last = max(names.index(name) for name in only) if only else len(names) - 1
    figures = {}
    for name, args in stages(jobs)[:last + 1]:  # a later stage reads an earlier one's outputs
        figures[name] = run(args, here)
    return {name: value for name, value in figures.items() if not only or name in only}


def incremental_cases(work: Path, count: int) -> list[tuple[str, float]]:
    """The incremental builds: (case, seconds) for a first `teikit build`, a second with nothing changed,
    one after one article changed, and a build from scratch of the changed corpus (in another folder),
    whose outputs the incremental ones must equal (same_tree; printed when they do not)."""
    build = ["build", "--seeds", "seeds", "--bagging-date", "2024-01-01"]
    shutil.copytree(work / "src", work / "inc" / "seeds")
    inc = work / "inc"
    cases = [("first build", run(build, inc)[0])]
    shutil.copytree(inc / "dist", work / "first-dist")
    cases.append(("nothing changed", run(build, inc)[0]))
    for out in ("html", "txt", "deposit"):
        if not same_tree(work / "first-dist" / out, inc / "dist" / out):
            print(f"  outputs differ: dist/{out}/ after a build with nothing changed")
    changed = inc / "seeds" / "article_00000.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("\n\n", "\n\nMột đoạn mới được thêm vào.\n\n", 1),
                       encoding="utf-8")
    cases.append(("one article changed", run(build, inc)[0]))
    shutil.copytree(inc / "seeds", work / "fresh" / "seeds")
    cases.append(("from scratch again", run(build, work / "fresh")[0]))
    for out in ("tei", "dist/html", "dist/txt", "dist/deposit"):
        if not same_tree(inc / out, work / "fresh" / out):
            print(f"  outputs differ: {out}/ after one article changed and from scratch")
    return cases


def incremental_report(cases: list[tuple[str, float]]) -> None:
    times = dict(cases)
    for case, seconds in cases:
        print(f"  build, {case:<20} {seconds:8.2f} s")
    first = times["first build"]
    print(f"  nothing changed: {first / times['nothing changed']:.1f}x faster than the first build (goal: >= 10x)")
    print(f"  one article changed: {100 * times['one article changed'] / first:.1f}% of the first build (goal: < 30%)")


def report(count: int, chars: int, results: dict[int, dict]) -> None:
    print(f"\n{count} articles ({chars / count:,.0f} characters each)")
    print(f"{'jobs':>4}  {'stage':<9} {'s':>8} {'ms/article':>11} {'peak MiB':>9}")
    base = sum(t for t, _ in results[min(results)].values())
    for jobs, figures in results.items():
        for name, (seconds, peak) in figures.items():
            print(f"{jobs:>4}  {name:<9} {seconds:8.2f} {1000 * seconds / count:11.2f} {peak:9.1f}")
        total = sum(t for t, _ in figures.values())
        print(f"{jobs:>4}  {'whole':<9} {total:8.2f} {1000 * total / count:11.2f}   "
              f"{count / total:7.1f} articles/s, scaling x{base / total:.2f} over --jobs {min(results)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-incremental", action="store_true", help="skip the incremental builds")
    parser.add_argument("--only-incremental", action="store_true", help="only the incremental builds")
    parser.add_argument("--stages", nargs="+", choices=[name for name, _ in stages(1)],
                        help="time only these stages (the earlier ones still run, untimed in the figures)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (its path is printed)")
    args = parser.parse_args()
    print(f"teikit: {' '.join(TEIKIT)}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for count in args.articles:
        work = Path(tempfile.mkdtemp(prefix=f"teikit-pipeline-{count}-"))
        try:
            chars = make_corpus(work / "src", count)
            results = {} if args.only_incremental else {jobs: whole_job(work, jobs, args.stages) for jobs in args.jobs}
            if results:
                report(count, chars, results)
            first = min(args.jobs)
            for jobs in results:
                for out in ("tei", "html", "txt"):
                    if not (work / f"j{first}" / out).exists():
                        continue
                    if jobs != first and not same_tree(work / f"j{first}" / out, work / f"j{jobs}" / out):
                        print(f"  outputs differ: {out}/ at --jobs {first} and --jobs {jobs}")
            if not args.no_incremental and count == min(args.articles):
                incremental_report(incremental_cases(work, count))
        finally:
            if args.keep:
                print(f"  kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
