#!/usr/bin/env python3
"""Benchmark `deposit`: seconds to package and to verify N articles (default 1,000) with editions and sources.

The articles are copies of one seed-sized TEI file (the seed's master in tei/
when it is there, else the deposit test article) with varied ids: the root
xml:id, the teikit idno and the source file name differ per copy, and each
copy gets a source file of its own (the template's source, when it is beside
the template in seeds/ or tests/data/deposit/, plus a line naming the copy)
whose sha256 its header records, so every file, edition and checksum is
distinct and `deposit make --sources` has N files to find. Packaging and
verification each run once per format in this process (one core).

    .venv/bin/python benchmarks/deposit.py [--articles 1000] [--formats dir zip tar.gz] [--no-editions] [--no-sources] [--template FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from teikit.deposit import DepositOptions, make_package, verify_package  # noqa: E402
from teikit.names import REGISTER_DIR, XML_ID, XPATH_NS  # noqa: E402
from teikit.xmlsafe import parse_file  # noqa: E402


def default_template() -> Path:
    masters = sorted((ROOT / "tei").glob("*.xml"))
    return masters[0] if masters else ROOT / "tests" / "data" / "deposit" / "art-one.xml"


def template_source(template: Path, recorded: str) -> bytes:
    """The template's own source file when it can be found, else a stand-in of seed size."""
    for folder in (ROOT / "seeds", template.parent, ROOT / "tests" / "data" / "deposit"):
        if (folder / recorded).is_file():
            return (folder / recorded).read_bytes()
    return "Bài báo mẫu để đo thời gian đóng gói.\n".encode() * 80


def copy_register(source_folder: Path, folder: Path) -> None:
    """The corpus register beside the TEI in `source_folder` (its register/), if any, into `folder`/register."""
    if (source_folder / REGISTER_DIR).is_dir():
        shutil.copytree(source_folder / REGISTER_DIR, folder / REGISTER_DIR, dirs_exist_ok=True)


def make_corpus(template: Path, folder: Path, sources: Path, count: int) -> int:
    """Write `count` variants of `template` into `folder`, each one's source into `sources`; return the TEI bytes written.
    The template's corpus register (its folder's register/), which its @sameAs links name, is copied to `folder`/register."""
    copy_register(template.parent, folder)
    tree = parse_file(template)
    root = tree.getroot()
    idnos = root.xpath("//tei:publicationStmt/tei:idno[@type='teikit']", namespaces=XPATH_NS)
    names = root.xpath("//tei:sourceDesc//tei:idno[@type='filename']", namespaces=XPATH_NS)
    sums = root.xpath("//tei:sourceDesc//tei:idno[@type='sha256']", namespaces=XPATH_NS)
    source = template_source(template, names[0].text if names else "")
    total = 0
    for i in range(count):
        ident = f"doc-bench-{i:05d}"
        own_source = source + f"\nbench {i:05d}\n".encode()
        (sources / f"bench-{i:05d}.txt").write_bytes(own_source)
        root.set(XML_ID, ident)
        for idno in idnos:
            idno.text = ident
        for name in names:
            name.text = f"bench-{i:05d}.txt"
        for digest in sums:
            digest.text = hashlib.sha256(own_source).hexdigest()
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"
        (folder / f"bench-{i:05d}.xml").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many TEI files to package")
    parser.add_argument("--formats", nargs="+", default=["dir", "zip", "tar.gz"], choices=["dir", "zip", "tar.gz"], help="package formats to time")
    parser.add_argument("--no-editions", action="store_true", help="leave out the HTML and text editions")
    parser.add_argument("--no-sources", action="store_true", help="package without the source files")
    parser.add_argument("--template", type=Path, default=None, help="the TEI file to copy (default: tei/*.xml, else the test article)")
    args = parser.parse_args()

    template = args.template or default_template()
    with tempfile.TemporaryDirectory(prefix="teikit-bench-deposit-") as tmp:
        work = Path(tmp)
        corpus, sources = work / "tei", work / "seeds"
        corpus.mkdir()
        sources.mkdir()
        options = DepositOptions(editions=not args.no_editions, bagging_date="2014-01-01",
                                 sources=() if args.no_sources else (sources,))
        size = make_corpus(template, corpus, sources, args.articles)
        print(f"{args.articles} articles from {template.name} ({size / args.articles / 1000:.1f} KB each), "
              f"editions: {'no' if args.no_editions else 'yes'}, sources: {'no' if args.no_sources else 'yes'}")
        for fmt in args.formats:
            target = work / {"dir": "bag", "zip": "bag.zip", "tar.gz": "bag.tar.gz"}[fmt]
            started = time.perf_counter()
            result = make_package([corpus], target, options)
            made = time.perf_counter() - started
            started = time.perf_counter()
            verified = verify_package(target)
            checked = time.perf_counter() - started
            if not verified.ok:
                raise SystemExit(f"verify failed: {verified.problems[:3]}")
            package_size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) if target.is_dir() else target.stat().st_size
            print(
                f"{fmt:>6}: package {made:6.2f} s ({args.articles / made:6.0f} articles/s), "
                f"verify {checked:6.2f} s ({args.articles / checked:6.0f} articles/s), "
                f"{result.payload_files} payload files, package {package_size / 1e6:.1f} MB"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
