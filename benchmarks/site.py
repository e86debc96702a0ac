"""Site benchmark: a corpus site of N generated articles on one core; time per phase, peak memory.

    .venv/bin/python benchmarks/site.py [--docs 1000 --docs 10000] [--shard-pages N] [--changed] [--keep DIR]

For each N (a fresh child process each, pinned to one CPU, so that its peak memory is its
own): writes N TEI files made from tests/data/render/sample.xml, each naming its own author
and two of 3,000 invented persons, dated over 2000-2024, then runs build_site into a new
folder and prints: the whole build; reading the TEI and rendering the article pages (the
first pass, into the store); the corpus pages (index, registers, entry pages, date register,
search page) and their count; Pagefind's index; the peak resident memory of the build
process and of Pagefind (its largest run: a large site is indexed in shards, render.search).
`--shard-pages N`: the site's search index in shards of at most N pages (build_site's
search_shard_pages; default render.search.SHARD_PAGES). `--changed`: then one article's TEI
changed and the site built again: that build's time, its search index's and its Pagefind runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "data" / "render" / "sample.xml"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Anh"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Khánh", "Lâm", "Mai", "Nam", "Oanh", "Phúc", "Quân", "Sơn",
         "Tâm", "Uyên", "Vinh", "Yến", "Ánh", "Đạt"]


def person(k: int) -> str:
    return f"{FAMILY[k % len(FAMILY)]} {MIDDLE[(k // 16) % len(MIDDLE)]} {GIVEN[(k // 160) % len(GIVEN)]}"


def write_corpus(folder: Path, count: int) -> None:
    base = SAMPLE.read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    for i in range(count):
        a, b = (i * 7) % 3000, (i * 13 + 1) % 3000
        data = (base.replace("Phạm Linh", f"Tác Giả {i}").replace("pers-pham-linh", f"pers-author-{i}")
                .replace("Trần Đại Quang", person(a)).replace("pers-tran-dai-quang", f"pers-p{a}")
                .replace("Vũ Trọng Kim", person(b)).replace("pers-vu-trong-kim", f"pers-p{b}"))
        year, month, day = 2000 + i % 25, 1 + i % 12, 1 + i % 28
        data = data.replace('<date when="2013-07-31">31/07/2013</date>',
                            f'<date when="{year}-{month:02d}-{day:02d}">{day}/{month}/{year}</date>', 1)
        data = data.replace("<title>Đẩy mạnh phong trào", f"<title>Bài {i}: phong trào", 1)
        (folder / f"a{i:05d}.xml").write_text(data, encoding="utf-8")


def child(count: int, keep: str | None, shard_pages: int | None = None, changed: bool = False) -> None:
    """One measured build (in its own process)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from teikit.render import batch, search
    from teikit.render.renderer import default_renderer

    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="teikit-bench-site-"))
    try:
        write_corpus(work / "tei", count)
        renderer = default_renderer()
        times = {"corpus pages": 0.0, "search index": 0.0}
        pages, runs = [0], [0]
        real_page, real_index, real_run = renderer.site_page, search.build_index, search._pagefind
        shard_pages = shard_pages or search.SHARD_PAGES

        def site_page(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real_page(*args, **kwargs)
            finally:
                times["corpus pages"] += time.perf_counter() - started
                pages[0] += 1

        def build_index(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real_index(*args, **kwargs)
            finally:
                times["search index"] += time.perf_counter() - started

        def pagefind(*args, **kwargs):
            runs[0] += 1
            return real_run(*args, **kwargs)

        renderer.site_page = site_page
        batch.build_index = build_index
        search._pagefind = pagefind
        started = time.perf_counter()
        report = batch.build_site([work / "tei"], work / "html", renderer=renderer, jobs=1, search_shard_pages=shard_pages)
        total = time.perf_counter() - started
        assert report.ok, report.failures[:3]
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        shards = runs[0]  # one Pagefind run a shard
        built_first, corpus_pages = dict(times), pages[0]  # the first build's (the second, if any, is reported apart)
        again = {}
        if changed:  # one article's text changed, the site built again
            first = work / "tei" / "a00000.xml"
            first.write_text(first.read_text(encoding="utf-8").replace("<head>Đẩy mạnh", "<head>Sửa lại: đẩy mạnh", 1),
                             encoding="utf-8")
            times["search index"], runs[0] = 0.0, 0
            started = time.perf_counter()
            report = batch.build_site([work / "tei"], work / "html", renderer=renderer, jobs=1, search_shard_pages=shard_pages)
            again = {"changed_total_s": round(time.perf_counter() - started, 2),
                     "changed_search_index_s": round(times["search index"], 2), "changed_pagefind_runs": runs[0]}
            assert report.ok, report.failures[:3]
        # Pagefind's own peak (its largest run: one shard): the index built again from a small
        # helper process (a child forked from this large process would count this process's
        # pages as its own).
        probe = ("import resource, sys; from pathlib import Path; from teikit.render.search import build_index; "
                 "site = Path(sys.argv[1]); "
                 "build_index(site, 'vi', pages=[site / (p.stem + '.html') for p in Path(sys.argv[2]).glob('*.xml')], "
                 "shard_pages=int(sys.argv[3])); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        rerun = [sys.executable, "-c", probe, str(work / "html"), str(work / "tei"), str(shard_pages)]
        children = int(subprocess.run(rerun, capture_output=True, text=True, check=True).stdout.split()[-1]) / 1024
        print(json.dumps({"articles": count, "total_s": round(total, 1),
                          "articles_and_store_s": round(total - built_first["corpus pages"] - built_first["search index"], 1),
                          "corpus_pages_s": round(built_first["corpus pages"], 1), "corpus_pages": corpus_pages,
                          "search_index_s": round(built_first["search index"], 1),
                          "peak_rss_build_mib": round(own), "peak_rss_pagefind_mib": round(children), "shards": shards,
                          "files_written": report.written_count, **again}))
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, action="append", help="corpus size; repeat for several (default 1000 and 10000)")
    parser.add_argument("--keep", help="build in this folder and keep it (one size only)")
    parser.add_argument("--shard-pages", type=int, help="the search index's shard size (default: render.search.SHARD_PAGES)")
    parser.add_argument("--changed", action="store_true", help="then one article changed: the site built again")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.keep, args.shard_pages, args.changed)
        return
    for count in args.docs or [1000, 10000]:
        command = [sys.executable, __file__, "--child", str(count)] + (["--keep", args.keep] if args.keep else [])
        command += (["--shard-pages", str(args.shard_pages)] if args.shard_pages else []) + (["--changed"] if args.changed else [])
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{count} articles: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            sys.exit(1)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{figures['articles']:>6} articles, one core: {figures['total_s']} s in all; "
              f"reading + article pages {figures['articles_and_store_s']} s; "
              f"{figures['corpus_pages']} corpus pages {figures['corpus_pages_s']} s; "
              f"search index {figures['search_index_s']} s; peak memory: build {figures['peak_rss_build_mib']} MiB, "
              f"Pagefind {figures['peak_rss_pagefind_mib']} MiB (largest of {figures['shards']} shard runs)")
        if "changed_total_s" in figures:
            print(f"{'':>6} one article changed: {figures['changed_total_s']} s in all; search index "
                  f"{figures['changed_search_index_s']} s, {figures['changed_pagefind_runs']} Pagefind run(s)")


if __name__ == "__main__":
    main()
