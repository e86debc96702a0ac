"""Render benchmark: ms per document for the HTML and the text edition.

    .venv/bin/python benchmarks/render.py [--docs 1000] [--tei PATH]

Generates N documents from the TEI files in tei/ (taken in turn; the test
fixture if tei/ has none) with varied xml:ids and register ids, then times, per document:
loading (xmlsafe parse + hand-over to Saxon, once for both outputs), the HTML
page, and the text edition. Stylesheet compilation is reported apart.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from lxml import etree

from teikit import xmlsafe
from teikit.render import Renderer

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "render" / "sample.xml"


def default_sources() -> list[Path]:
    """The project's TEI files (tei/*.xml), else the render test fixture."""
    return sorted((REPO / "tei").glob("*.xml")) or [FIXTURE]


def variants(sources, count: int) -> list[etree._ElementTree]:
    """`count` copies of the sources, taken in turn, with distinct document ids and
    register ids (so keys differ per document)."""
    texts = [Path(p).read_bytes().decode("utf-8") for p in sources]
    trees = []
    for i in range(count):
        text = texts[i % len(texts)]
        varied = re.sub(r'(xml:id|ref)="(#?)(doc|pers|org|place)-([^"]*)"',
                        lambda m: f'{m.group(1)}="{m.group(2)}{m.group(3)}-{m.group(4)}-{i % 97}"', text)
        trees.append(xmlsafe.parse_bytes(varied.encode("utf-8"), path=f"bench-{i}.xml"))
    return trees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to render (default 1000)")
    parser.add_argument("--tei", type=Path, action="append", default=None,
                        help="TEI file to vary; repeat for several (default: tei/*.xml, else the test fixture)")
    args = parser.parse_args()
    sources = args.tei or default_sources()

    started = time.perf_counter()
    renderer = Renderer()
    print(f"stylesheets compiled (html, txt, site) in {(time.perf_counter() - started) * 1000:.0f} ms "
          f"(includes starting Saxon)")

    trees = variants(sources, args.docs)
    names = ", ".join(f"{p.resolve().relative_to(REPO) if p.resolve().is_relative_to(REPO) else p} ({p.stat().st_size} bytes)"
                      for p in sources)
    print(f"source: {names}; {len(trees)} variants")

    # Warm up (first transforms pay for lazy initialisation inside Saxon).
    for tree in trees[:20]:
        doc = renderer.load(tree)
        renderer.html(doc)
        renderer.text(doc)

    load_t, html_t, text_t = [], [], []
    docs = []
    for tree in trees:
        t0 = time.perf_counter()
        doc = renderer.load(tree)
        t1 = time.perf_counter()
        renderer.html(doc, tei_href="../tei/x.xml")
        t2 = time.perf_counter()
        renderer.text(doc)
        t3 = time.perf_counter()
        load_t.append(t1 - t0)
        html_t.append(t2 - t1)
        text_t.append(t3 - t2)
        docs.append(doc)

    def report(label, times):
        ms = [t * 1000 for t in times]
        print(f"{label:<28} mean {statistics.mean(ms):6.3f} ms   median {statistics.median(ms):6.3f} ms")

    report("load (parse + to Saxon)", load_t)
    report("html", html_t)
    report("text", text_t)
    report("html + text", [a + b for a, b in zip(html_t, text_t)])
    report("load + html + text", [a + b + c for a, b, c in zip(load_t, html_t, text_t)])

    # The corpus pages over every loaded document (not part of the per-document figures).
    t0 = time.perf_counter()
    site_index = renderer.index_page(docs)
    t1 = time.perf_counter()
    renderer.register_page(docs, "org")
    t2 = time.perf_counter()
    print(f"corpus index over {len(docs)} docs: {(t1 - t0) * 1000:.0f} ms; "
          f"organisations register: {(t2 - t1) * 1000:.0f} ms ({len(site_index)} chars of index)")


if __name__ == "__main__":
    main()
