"""How fast does validation run? RELAX NG + Schematron over many seed-sized documents.

    .venv/bin/python benchmarks/validate.py [--count 1000] [--source tests/data/validate/valid.xml]

Generates COUNT documents in memory by copying a valid TEI document with varied
ids and text (so no two are byte-identical), then validates each from bytes in
one process: parse, RELAX NG, Schematron, as `teikit validate` does per file.
Prints the schema compile time apart from the throughput.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from teikit.validate import Validator

REPO = Path(__file__).resolve().parents[1]


def default_source() -> Path:
    """A real encoder output when there is one: that is what 'seed-sized' means."""
    encoded = sorted((REPO / "tei").glob("*.xml"))
    return encoded[0] if encoded else REPO / "tests" / "data" / "validate" / "valid.xml"


def variants(source: bytes, count: int) -> list[bytes]:
    """COUNT valid documents: a new document id and a few changed words in each."""
    text = source.decode("utf-8")
    doc_id = text.split('xml:id="', 1)[1].split('"', 1)[0]
    docs = []
    for n in range(count):
        varied = text.replace(doc_id, f"doc-bench_{n:06d}").replace("</head>", f" ({n})</head>", 1)
        varied = varied.replace("<p>", f"<p>Bản tin số {n}. ", 1)
        docs.append(varied.encode("utf-8"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="documents to validate (default 1000)")
    parser.add_argument("--source", type=Path, default=default_source(),
                        help="a valid TEI document to copy (default: the first tei/*.xml, else the test fixture)")
    args = parser.parse_args()

    validator = Validator()

    docs = variants(args.source.read_bytes(), args.count)
    started = time.perf_counter()
    invalid = sum(1 for n, doc in enumerate(docs) if not validator.is_valid(doc, name=f"bench-{n}.xml"))
    elapsed = time.perf_counter() - started

    print(f"source: {args.source} ({len(docs[0])} bytes per document)")
    print(f"schema compile: {validator.compile_seconds * 1000:.1f} ms (RELAX NG + Schematron, once)")
    print(f"validated: {len(docs)} documents in {elapsed:.2f} s = {len(docs) / elapsed:.0f} documents/s "
          f"({elapsed / len(docs) * 1000:.2f} ms each; parse + RELAX NG + Schematron)")
    print(f"invalid: {invalid}")
    if invalid:
        raise SystemExit("benchmark documents should all be valid")


if __name__ == "__main__":
    main()
