#!/usr/bin/env python3
"""The per-document stylesheets of this checkout against another revision's, side by side.

A change to xslt/ that should make a transform faster and change nothing is
measured here: the site record (xslt/site/data.xsl), the article page
(tei-to-html.xsl) and the text edition (tei-to-txt.xsl) of each document, by
this checkout's xslt/ and by the xslt/ of `--rev` (taken with `git archive`),
in one process, the two interleaved rep by rep (taking turns to go first) so
that a machine shared with other work slows both alike. It first checks that
both make the same output for every document (exit 1 and the first document
that differs if not; a document both refuse alike, say a malformed fixture, is
named and left out), then prints CPU ms per document, the best rep of each (the
least disturbed), and the ratio. Each document is read once (the process has one
Saxon processor, whose trees both sides' stylesheets take). Documents:
`--articles` generated as benchmarks/pipeline.py makes them, converted by this
checkout (no validation), or the TEI files given.

    .venv/bin/python benchmarks/stylesheets.py --rev 5b0d94d [--articles 50] [--reps 15] [TEI ...]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline import make_corpus  # noqa: E402
from teikit.convert import convert_paths  # noqa: E402
from teikit.options import ConvertOptions  # noqa: E402
from teikit.errors import RenderError  # noqa: E402
from teikit.render.renderer import Renderer  # noqa: E402

TRANSFORMS = {"site record": Renderer.site_record, "article page": Renderer.html, "text": Renderer.text}


def _outcome(transform, renderer, doc) -> tuple[bool, str]:
    """(refused, the transform's output or what it was refused with)."""
    try:
        return False, transform(renderer, doc)
    except RenderError as exc:
        return True, str(exc)


def xslt_at(rev: str, into: Path) -> Path:
    """xslt/ as it was at `rev`, unpacked under `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "xslt"],
                             capture_output=True, check=False)
    if archive.returncode:
        sys.exit(f"Error: git archive {rev}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        # our own repository's tree, but no member is let out of `into` where Python can say so
        tar.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return into / "xslt"


def documents(work: Path, count: int, given: list[Path]) -> list[Path]:
    if given:
        return given
    make_corpus(work / "src", count)
    convert_paths([work / "src"], work / "tei", ConvertOptions(validate=False), jobs=1)
    return sorted((work / "tei").glob("*.xml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", required=True, help="the git revision whose xslt/ to compare with")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("tei", nargs="*", type=Path, help="TEI files to use instead of generated articles")
    args = parser.parse_args()
    if args.articles < 1 or args.reps < 1:
        parser.error("--articles and --reps must be at least 1")
    with tempfile.TemporaryDirectory(prefix="teikit-stylesheets-") as tmp:
        work = Path(tmp)
        files = documents(work, args.articles, args.tei)
        sides = {"then": Renderer(xslt_at(args.rev, work / "then")), "now": Renderer(ROOT / "xslt")}
        loaded, refused = [], 0
        for file in files:
            try:
                doc = sides["now"].load(file)
            except RenderError as exc:  # read the same by both sides: refused alike
                print(f"not compared: {exc}")
                refused += 1
                continue
            outcomes = {name: [_outcome(transform, renderer, doc) for renderer in sides.values()]
                        for name, transform in TRANSFORMS.items()}
            for name, (then, now) in outcomes.items():
                if then != now:
                    sys.exit(f"Error: {file}: the {name} differs between {args.rev} and this checkout")
            refusal = next((out for (failed, out), _ in outcomes.values() if failed), None)
            if refusal is not None:
                print(f"not timed: {file}: {refusal}")
                refused += 1
                continue
            loaded.append(doc)
        if not loaded:
            sys.exit("Error: no document to time")
        print(f"{len(loaded)} documents the same on both sides ({refused} refused alike, left out), "
              f"CPU ms per document, best of {args.reps} interleaved reps")
        print(f"  {'transform':<14}{args.rev:>12}{'now':>10}{'ratio':>8}")
        for name, transform in TRANSFORMS.items():
            best = {side: float("inf") for side in sides}
            for rep in range(args.reps):
                order = list(sides.items())
                for side, renderer in order if rep % 2 else order[::-1]:  # neither always first
                    started = time.process_time()
                    for doc in loaded:
                        transform(renderer, doc)
                    best[side] = min(best[side], (time.process_time() - started) * 1000 / len(loaded))
            print(f"  {name:<14}{best['then']:>12.2f}{best['now']:>10.2f}{best['now'] / best['then']:>8.2f}")


if __name__ == "__main__":
    main()
