#!/usr/bin/env python3
"""Peak memory (RSS) of `teikit deposit make`, `deposit verify` and `teikit ner train` by corpus size.

Each measured command runs in a child process of its own (the CLI, as a user runs
it) and its peak resident set size is read from the kernel's accounting of that
child (os.wait4), so one run's memory never shows in another's figure. The
articles are the variants benchmarks/deposit.py makes of one TEI file (distinct
ids, sources and checksums); `ner train` reads the first N of them back as
annotated TEI (their persName/orgName/placeName/date markup) and trains with
--max-iterations 5 (memory does not depend on the iterations; time does).

    .venv/bin/python benchmarks/memory.py [--deposit 1000 10000] [--ner 100 300 1000] [--no-editions] [--verify]

Prints one line per run: articles, characters of text (ner), seconds, peak RSS in
MB, and how much more memory each run takes than the smallest: per 1,000 more
articles for deposit (flat memory: close to 0), per million more characters of
text for ner train (its constant per character). `--verify` also runs `deposit
verify` on each package made, with its own line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from deposit import copy_register, default_template, make_corpus  # noqa: E402  (benchmarks/deposit.py)

from teikit.ner import load_annotated  # noqa: E402

CLI = [sys.executable, "-c", "from teikit.cli import main; main()"]


def peak_rss(args: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of the CLI run with `args`, which must succeed."""
    started = time.perf_counter()
    child = subprocess.Popen(CLI + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    child.stderr.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"teikit {' '.join(args)}: exit {child.returncode}\n{stderr.decode('utf-8', 'replace')}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deposit", type=int, nargs="*", default=[1000, 10000], help="articles per deposit make run")
    parser.add_argument("--ner", type=int, nargs="*", default=[100, 300, 1000], help="articles per ner train run")
    parser.add_argument("--no-editions", action="store_true", help="deposit make --no-editions")
    parser.add_argument("--verify", action="store_true", help="deposit verify each package made, measured the same way")
    parser.add_argument("--template", type=Path, default=None, help="the TEI file to copy (default as benchmarks/deposit.py)")
    args = parser.parse_args()
    template = args.template or default_template()
    most = max([*args.deposit, *args.ner, 1])
    with tempfile.TemporaryDirectory(prefix="teikit-bench-memory-") as tmp:
        work = Path(tmp)
        corpus, sources = work / "all-tei", work / "all-seeds"
        corpus.mkdir()
        sources.mkdir()
        size = make_corpus(template, corpus, sources, most)
        print(f"{most} articles from {template.name} ({size / most / 1000:.1f} KB of TEI each); "
              f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
        files = sorted(corpus.glob("*.xml"))
        first = verified = None
        for n in sorted(args.deposit):
            tei = work / f"tei-{n}"
            tei.mkdir()
            for path in files[:n]:
                os.link(path, tei / path.name)
            copy_register(corpus, tei)  # the register the articles' @sameAs links name
            extra = ["--no-editions"] if args.no_editions else []
            seconds, rss = peak_rss(["deposit", "make", str(tei), "--sources", str(sources), "-o", str(work / f"pkg-{n}.zip"),
                                     "--bagging-date", "2014-01-01", *extra], work)
            growth = "" if first is None else f", {(rss - first[1]) / ((n - first[0]) / 1000):+.2f} MB per 1,000 more articles"
            first = first or (n, rss)
            print(f"deposit make{' --no-editions' if extra else ''}: {n:6d} articles  {seconds:7.1f} s  peak RSS {rss:7.1f} MB{growth}")
            if args.verify:
                seconds, rss = peak_rss(["deposit", "verify", str(work / f"pkg-{n}.zip")], work)
                growth = "" if verified is None else f", {(rss - verified[1]) / ((n - verified[0]) / 1000):+.2f} MB per 1,000 more articles"
                verified = verified or (n, rss)
                print(f"deposit verify: {n:6d} articles  {seconds:7.1f} s  peak RSS {rss:7.1f} MB{growth}")
            (work / f"pkg-{n}.zip").unlink()
        first = None
        for n in sorted(args.ner):
            tei = work / f"ner-{n}"
            tei.mkdir()
            for path in files[:n]:
                os.link(path, tei / path.name)
            docs, _ = load_annotated([tei])
            chars = sum(len(doc.text) for doc in docs)
            seconds, rss = peak_rss(["ner", "train", str(tei), "-o", str(work / f"model-{n}"), "--max-iterations", "5",
                                     "--max-text-chars", str(max(chars, 1))], work)
            growth = "" if first is None else f", {(rss - first[1]) / ((chars - first[0]) / 1e6):+.0f} MB per million more characters"
            first = first or (chars, rss)
            print(f"ner train: {n:6d} articles, {chars:9d} characters  {seconds:7.1f} s  peak RSS {rss:7.1f} MB{growth}")


if __name__ == "__main__":
    main()
