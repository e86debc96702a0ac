"""What the rules' @cert values are worth: precision per (label, cert) on the tuning sets and on
the held-out set (docs/encoding.md, "What @cert is").

    .venv/bin/python benchmarks/cert.py [--format text|json]

The rules recogniser runs over each gold text; every span it writes (as `ner extract` writes
it: outermost, a range as its two dates, no duration) is right when a gold span has exactly
its extent and label. The figures are grouped by label and by the span's @cert (each rule
family has one value), and by set: the tuning sets (tests/data/ner/gold.jsonl and
train_sample.jsonl, tests/data/ner2/train.jsonl and test.jsonl, on which the rules were
written and tuned) and the held-out set (tests/data/ner3/test.jsonl, never tuned on:
tests/data/README.md). Nothing here changes a @cert value: it measures them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from teikit.ner import read_jsonl  # noqa: E402
from teikit.ner.extract import mentions_to_entities  # noqa: E402
from teikit.ner.spans import outermost  # noqa: E402
from teikit.recognise.labels import MENTION_TYPE_TO_LABEL  # noqa: E402
from teikit.recognise.registry import load_recogniser  # noqa: E402

DATA = ROOT / "tests" / "data"
TUNING = [DATA / "ner" / "gold.jsonl", DATA / "ner" / "train_sample.jsonl",
          DATA / "ner2" / "train.jsonl", DATA / "ner2" / "test.jsonl"]
HELD_OUT = [DATA / "ner3" / "test.jsonl"]


def buckets(paths, recogniser) -> dict[tuple[str, float], list[int]]:
    """{(label, cert): [spans written, spans right]} over the documents of `paths`."""
    counts: dict[tuple[str, float], list[int]] = {}
    for path in paths:
        for doc in read_jsonl(path):
            gold = set(outermost(doc.entities))
            mentions = recogniser.find(doc.text)
            certs = {}
            for m in mentions:  # the cert of each written span: its mention's (a range's two dates share it)
                label = MENTION_TYPE_TO_LABEL.get(m.type)
                if label is not None:
                    certs.setdefault((m.start, m.end, label), m.cert)
            for start, end, label in mentions_to_entities(mentions, doc.text):
                cert = certs.get((start, end, label))
                if cert is None:  # one date of a range: the range mention's cert
                    cert = next(m.cert for m in mentions if m.start <= start and end <= m.end
                                and MENTION_TYPE_TO_LABEL.get(m.type) == label)
                seen = counts.setdefault((label, cert), [0, 0])
                seen[0] += 1
                seen[1] += (start, end, label) in gold
    return counts


def table(tuning: dict, held: dict) -> list[dict]:
    rows = []
    for label, cert in sorted(set(tuning) | set(held)):
        t, h = tuning.get((label, cert), [0, 0]), held.get((label, cert), [0, 0])
        rows.append({"label": label, "cert": f"{cert:.2f}", "tuning_spans": t[0], "tuning_right": t[1],
                     "tuning_precision": round(t[1] / t[0], 3) if t[0] else None,
                     "held_out_spans": h[0], "held_out_right": h[1],
                     "held_out_precision": round(h[1] / h[0], 3) if h[0] else None})
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    rules = load_recogniser(None)
    rows = table(buckets(TUNING, rules), buckets(HELD_OUT, rules))
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print(f"{'label':<10} {'cert':>5} | {'tuning':>14} {'P':>6} | {'held out':>14} {'P':>6}")
    for r in rows:
        def cell(n, right, p):
            return f"{right:>6} of {n:<5}", (f"{p:.3f}" if p is not None else "-")
        t, tp = cell(r["tuning_spans"], r["tuning_right"], r["tuning_precision"])
        h, hp = cell(r["held_out_spans"], r["held_out_right"], r["held_out_precision"])
        print(f"{r['label']:<10} {r['cert']:>5} | {t:>14} {tp:>6} | {h:>14} {hp:>6}")


if __name__ == "__main__":
    main()
