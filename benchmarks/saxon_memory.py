"""Saxon's memory in a long rendering process: is it flat in the number of articles?

    .venv/bin/python benchmarks/saxon_memory.py [--articles 30000] [--every 3000] [--calls 200000]

One process (pinned to one CPU) renders N distinct generated articles (benchmarks/site.py's
corpus: each names its own author and two of 3,000 persons), each as an article page with
its own TEI link, a site record and a text edition, and prints its resident memory every
`--every` articles, then the growth in bytes per article from the first report to the last.
Then the saxonche calls themselves, `--calls` times each in the same process: the native
memory kept per call by make_string_value, by set_parameter given an atomic value, and by
set_parameter given a node (what teikit.render.saxon.Parameters sets). Saxon's collector
moves the resident memory by tens of MB either way, so read the trend, not one report.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def site_benchmark():
    spec = importlib.util.spec_from_file_location("site_benchmark", REPO / "benchmarks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(count: int, every: int) -> None:
    from teikit.render import default_renderer

    renderer = default_renderer()
    with tempfile.TemporaryDirectory(prefix="teikit-saxon-memory-") as tmp:
        folder = Path(tmp) / "tei"
        site_benchmark().write_corpus(folder, count)
        reports = []
        for i, path in enumerate(sorted(folder.iterdir()), 1):
            doc = renderer.load(path)
            renderer.html(doc, tei_href=f"../tei/{path.name}")
            renderer.site_record(doc)
            renderer.text(doc)
            if i % every == 0:
                reports.append((i, rss_bytes()))
                print(f"{i:>8} articles  RSS {reports[-1][1] / 2**20:7.1f} MiB", flush=True)
    if len(reports) >= 2:
        (first, low), (last, high) = reports[0], reports[-1]
        print(f"growth {first}..{last} articles: {(high - low) / (last - first):+.0f} bytes per article")


def calls(count: int) -> None:
    from teikit.render import saxon

    proc = saxon.processor()
    executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:param name="p"/><xsl:template name="t"/></xsl:stylesheet>'))
    kept_value, kept_node = proc.make_string_value("registers/"), saxon.text_node("registers/")
    cases = {
        "make_string_value": lambda: proc.make_string_value("registers/"),
        "set_parameter(atomic value)": lambda: executable.set_parameter("p", kept_value),
        "set_parameter(node)": lambda: executable.set_parameter("p", kept_node),
        "text_node + set_parameter": lambda: executable.set_parameter("p", saxon.text_node("registers/")),
    }
    for name, call in cases.items():
        for _ in range(count // 10):
            call()
        gc.collect()
        before = rss_bytes()
        for _ in range(count):
            call()
        gc.collect()
        print(f"{name:<30} {(rss_bytes() - before) / count:+7.1f} bytes kept per call ({count:,} calls)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--every", type=int, default=3000)
    parser.add_argument("--calls", type=int, default=200000)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    if args.articles:
        articles(args.articles, args.every)
    if args.calls:
        calls(args.calls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
