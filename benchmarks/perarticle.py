#!/usr/bin/env python3
"""Where an article's time goes, in steady state: ms/article per stage in one process (one core).

The stages are the library's own batch functions at --jobs 1 (convert without
validation, validate, render html with the site, render txt), run over a corpus
generated as benchmarks/pipeline.py makes it, after a warm-up batch that
compiles the schema and the stylesheets and loads the gazetteers (one-time
costs, left out). Each stage prints wall time and CPU time (this process's
plus its finished children's, e.g. Pagefind): on a machine shared with other
work, CPU time is the figure to compare. `--profile N` prints each stage's N most costly functions
(cProfile, cumulative time; `--sort tottime` for their own time), the place to look for what to cut. `--steps`
prints instead each stage's CPU time per step (the functions of STEPS, timed by
wrapping them, so Saxon's and SQLite's time count where they are spent, and no
profiler slows the rest); a step that calls another counts it too (load inside
record is not counted twice: each step's own calls are listed once).

    .venv/bin/python benchmarks/perarticle.py [--articles 300] [--profile 15 [--sort tottime] | --steps] [--stages convert ...]
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import importlib
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
from teikit import resources  # noqa: E402
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


# (stage, module, attribute, label): the steps --steps times. Names as the stage's code calls
# them (teikit.convertpasses calls its own imported `place`, encode.checked its `encode` ...).
STEPS = [
    ("convert", "teikit.convertpasses", "ingest_file", "ingest (read, lay out)"),
    ("convert", "teikit.convertpasses", "settle_language", "language (detector)"),
    ("convert", "teikit.convertpasses", "first_recognition", "recognise (pass one)"),
    ("convert", "teikit.convertpasses", "recognise", "recognise again (corpus names)"),
    ("convert", "teikit.register.shared.SharedNames", "missed_in", "corpus names missed?"),
    ("convert", "teikit.encode.checked", "encode", "encode (TEI tree)"),
    ("convert", "teikit.encode.checked", "_prove_well_formed", "well-formed proof (no validator)"),
    ("convert", "teikit.convertpasses", "place", "place (editing record, write)"),
    ("convert", "teikit.convertpasses", "_packed", "spool (pickled between passes)"),
    ("convert", "teikit.convertpasses.Packed", "unpacked", "spool (pickled between passes)"),
    ("convert", "teikit.convertpasses.Packed", "article", "spool (pickled between passes)"),
    ("validate", "teikit.validate.validator", "_load", "load (parse, limits)"),
    ("validate", "teikit.validate.relaxng.RelaxNGChecker", "check", "RELAX NG"),
    ("validate", "teikit.validate.schematron.SchematronRules", "check", "Schematron"),
    ("html", "teikit.render.renderer.Renderer", "load", "load (parse, Saxon tree)"),
    ("html", "teikit.render.renderer.Renderer", "site_record", "site record (data.xsl)"),
    ("html", "teikit.render.sitedata.SiteData", "add", "site store add (SQLite)"),
    ("html", "teikit.render.renderer.Renderer", "html", "article page (tei-to-html.xsl)"),
    ("html", "teikit.render.sitedata.SiteData", "put_page", "page kept in the store"),
    *[("html", "teikit.render.sitedata.SiteData", name, "corpus pages' data (SQLite)")
      for name in ("index_xml", "register_xml", "entity_xml", "search_xml", "timeline_xml", "year_xml")],
    ("html", "teikit.render.renderer.Renderer", "site_page", "corpus pages (corpus.xsl)"),
    *[("html", module, "write_page", "files written") for module in ("teikit.render.batch", "teikit.render.corpuspages")],
    ("html", "teikit.render.batch", "build_index", "search index (Pagefind, own + child CPU)"),
    ("txt", "teikit.render.renderer.Renderer", "load", "load (parse, Saxon tree)"),
    ("txt", "teikit.render.renderer.Renderer", "text", "text (tei-to-txt.xsl)"),
    ("txt", "teikit.render.batch", "write_page", "files written"),
]


def _owner(dotted: str):
    """The module or class a dotted name ends in."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            owner = getattr(owner, name)
        return owner
    raise ImportError(dotted)


def time_steps(stage: str, spent: collections.Counter) -> list:
    """Wrap the stage's steps so that their CPU time adds up in `spent`; returns the undo list."""
    undo = []
    for step_stage, dotted, attribute, label in STEPS:
        if step_stage != stage:
            continue
        owner = _owner(dotted)
        real = getattr(owner, attribute)

        def timed(*args, _real=real, _label=label, **kwargs):
            start = cpu_seconds()
            try:
                return _real(*args, **kwargs)
            finally:
                spent[_label] += cpu_seconds() - start

        setattr(owner, attribute, timed)
        undo.append((owner, attribute, real))
    return undo


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (Pagefind's subprocess)."""
    times = os.times()  # process_time: this process, to the nanosecond; os.times: the children waited for
    return time.process_time() + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print each stage's N costliest functions")
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime", "ncalls"],
                        help="how --profile orders the functions (tottime: their own time)")
    parser.add_argument("--steps", action="store_true", help="print each stage's CPU time per step")
    parser.add_argument("--stages", nargs="+", choices=["convert", "validate", "html", "txt"],
                        help="measure only these stages (the earlier ones still run, for their outputs)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-perarticle-"))
    try:
        make_corpus(work / "warm-src", 3, seed=1)
        start = time.perf_counter()
        for _, call in stages(work, "warm"):
            call()
        print(f"one-time (gazetteers, schema, stylesheets) with 3 articles: {time.perf_counter() - start:.2f} s")
        # Named, since teikit.xslt is a package of its own: an old commit's Python run through
        # PYTHONPATH still takes the stylesheets of whatever checkout is installed.
        print(f"code: {Path(importlib.import_module('teikit').__file__).parent}, stylesheets: {resources.xslt_dir()}")
        chars = make_corpus(work / "run-src", args.articles)
        print(f"{args.articles} articles, {chars / args.articles:,.0f} characters each; ms/article, steady state:")
        print(f"  {'stage':<9} {'wall':>8} {'cpu':>8}")
        total = total_cpu = 0.0
        for stage, call in stages(work, "run"):
            if args.stages and stage not in args.stages:
                if stage == "convert":
                    call()  # the later stages read its TEI, untimed
                continue
            profiler = cProfile.Profile() if args.profile else None
            spent: collections.Counter = collections.Counter()
            undo = time_steps(stage, spent) if args.steps else []
            start, start_cpu = time.perf_counter(), cpu_seconds()
            if profiler:
                profiler.enable()
            report = call()
            if profiler:
                profiler.disable()
            elapsed, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
            for owner, attribute, real in undo:
                setattr(owner, attribute, real)
            failures = getattr(report, "failures", None)
            assert not failures, failures[:3]
            total += elapsed
            total_cpu += cpu
            print(f"  {stage:<9} {1000 * elapsed / args.articles:8.2f} {1000 * cpu / args.articles:8.2f}")
            for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
                print(f"      {label:<42} {1000 * seconds / args.articles:8.2f}")
            if spent:
                print(f"      {'the rest':<42} {1000 * (cpu - sum(spent.values())) / args.articles:8.2f}")
            if profiler:
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.profile)
                print("\n".join("      " + line for line in out.getvalue().splitlines() if line.strip()))
        print(f"  {'whole':<9} {1000 * total / args.articles:8.2f} {1000 * total_cpu / args.articles:8.2f}" + ("  (profiled: slower)" if args.profile else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
