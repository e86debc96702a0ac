#!/usr/bin/env python3
"""Benchmark web input: pages/s on one core (extraction, language, recognition, encoding,
validation, writing: the whole of `convert`) and peak memory, for a folder of HTML pages and
for a WARC of generated pages at two sizes (memory must not grow with the archive).

Pages are made from the fixtures in tests/data/html/ (paragraphs shuffled, numbers and URIs
varied), so each has a real page's size and boilerplate. Each run is a child process
(--jobs 1), so its peak resident set is its own.

    .venv/bin/python benchmarks/html_input.py [--pages 1000]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "data" / "html"
UTF8 = ["vnexpress_buyt_dien.html", "tuoitre_sot_xuat_huyet.html", "dantri_thi_tot_nghiep.html", "bbc_river_cleanup.html"]


def make_page(rng: random.Random, i: int) -> bytes:
    page = (FIXTURES / UTF8[i % len(UTF8)]).read_text(encoding="utf-8")
    bodies = re.findall(r"(<p[^>]*>)([^<]{80,})(</p>)", page)
    texts = [b[1] for b in bodies]
    rng.shuffle(texts)
    for (open_, old, close), new in zip(bodies, texts):
        page = page.replace(open_ + old + close, open_ + re.sub(r"\d+", lambda m: str(rng.randint(2, 99)), new) + close, 1)
    return page.replace("</title>", f" ({i})</title>", 1).encode("utf-8")


def make_warc(path: Path, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(7)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(count):
            uri = f"https://news.example.vn/bai-{i}.html"
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET /bai-{i}.html HTTP/1.1", [("Host", "news.example.vn")], is_http_request=True)))
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(make_page(rng, i)),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")))


def make_folder(folder: Path, count: int) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for i in range(count):
        (folder / f"page-{i:05d}.html").write_bytes(make_page(rng, i))


def child(source: str, out: str) -> None:
    from teikit.convert import convert_paths

    started = time.perf_counter()
    report = convert_paths([source], out, jobs=1)
    elapsed = time.perf_counter() - started
    print(json.dumps({"written": len(report.written), "failures": len(report.failures), "seconds": elapsed,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run(source: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(source), str(out)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = max(50, args.pages // 4)
        make_folder(tmp / "pages", small)
        figures = [("HTML folder", small, tmp / "pages")]
        for count in (small, args.pages):
            make_warc(tmp / f"crawl-{count}.warc.gz", count)
            figures.append((f"WARC ({(tmp / f'crawl-{count}.warc.gz').stat().st_size / 2**20:.1f} MiB)", count,
                            tmp / f"crawl-{count}.warc.gz"))
        print(f"{'input':<22} {'pages':>6} {'written':>8} {'seconds':>8} {'pages/s':>8} {'peak MiB':>9}")
        for label, count, source in figures:
            result = run(source, tmp / f"out-{label[:4]}-{count}")
            print(f"{label:<22} {count:>6} {result['written']:>8} {result['seconds']:>8.1f} "
                  f"{result['written'] / result['seconds']:>8.1f} {result['peak_mib']:>9.0f}")


if __name__ == "__main__":
    main()
