"""NER figures: characters per second of each recogniser, seconds to train on N articles.

    .venv/bin/python benchmarks/ner.py [--articles 500] [--max-iterations 150] [--sample FILE.jsonl]
    .venv/bin/python benchmarks/ner.py --curve   # learning curve on tests/data/ner2

The learning curve trains on the first 25%, 50% and 100% of
tests/data/ner2/train.jsonl and scores rules, crf and combined on
tests/data/ner2/test.jsonl (exact F1 per label; micro over persName, orgName,
placeName).

Synthetic annotated articles are made by replicating the annotated training
sample (tests/data/ner/train_sample.jsonl) with variations: every entity is
replaced by another surface of the same label seen in the sample, offsets
recomputed, twelve such texts to an article (about 1,000 characters). Without the sample, the rules recogniser's own output over the
test articles stands in as annotation.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from teikit.ner import NerDoc, Score, TrainOptions, evaluate, extract, read_jsonl, train  # noqa: E402
from teikit.recognise.combined import CombinedRecogniser  # noqa: E402
from teikit.recognise.crf import CrfRecogniser  # noqa: E402
from teikit.recognise.features import feature_gazetteers  # noqa: E402
from teikit.recognise.rules import default_recogniser  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "ner" / "train_sample.jsonl"
NER2 = ROOT / "tests" / "data" / "ner2"
NAMES = ("persName", "orgName", "placeName")
ARTICLES = ROOT / "tests" / "data" / "articles"


def seed_docs(rules, sample: Path = SAMPLE) -> list[NerDoc]:
    if sample.is_file():
        return read_jsonl(sample)
    texts = [NerDoc(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    return extract(texts, rules)


def _varied(doc: NerDoc, rng: random.Random, pools: dict) -> tuple[str, list]:
    """The document's text with each entity swapped for a random surface of its label."""
    parts, spans, pos, length = [], [], 0, 0
    for s, e, label in sorted(doc.entities):
        if s < pos:
            continue
        parts.append(doc.text[pos:s])
        length += s - pos
        surface = rng.choice(pools[label])
        spans.append((length, length + len(surface), label))
        parts.append(surface)
        length += len(surface)
        pos = e
    parts.append(doc.text[pos:])
    return "".join(parts), spans


def vary(docs: list[NerDoc], count: int, per_article: int = 12, seed: int = 7) -> list[NerDoc]:
    """`count` articles of `per_article` varied sample documents each, in paragraphs of three."""
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for doc in docs:
        for s, e, label in doc.entities:
            pools.setdefault(label, []).append(doc.text[s:e])
    pools = {label: sorted(set(surfaces)) for label, surfaces in pools.items()}
    out = []
    for i in range(count):
        text, spans = "", []
        for k in range(per_article):
            piece, piece_spans = _varied(rng.choice(docs), rng, pools)
            if k:
                text += "\n\n" if k % 3 == 0 else " "
            spans.extend((s + len(text), e + len(text), label) for s, e, label in piece_spans)
            text += piece
        out.append(NerDoc(f"syn{i}", text, tuple(spans)))
    return out


def chars_per_second(recogniser, docs: list[NerDoc]) -> float:
    chars = sum(len(d.text) for d in docs)
    start = time.perf_counter()
    for doc in docs:
        recogniser.find(doc.text)
    return chars / (time.perf_counter() - start)


def figures(report) -> str:
    names = sum((report.exact[label] for label in NAMES), Score())
    per_label = " ".join(f"{label} {report.exact[label].f1:.3f}" for label in (*NAMES, "date"))
    return f"names micro F1 {names.f1:.3f} (P {names.precision:.3f} R {names.recall:.3f}); {per_label}"


def learning_curve(rules, gazetteers, max_iterations: int) -> None:
    train_docs, test_docs = read_jsonl(NER2 / "train.jsonl"), read_jsonl(NER2 / "test.jsonl")
    print(f"test: {len(test_docs)} texts of {NER2 / 'test.jsonl'}")
    print(f"rules           {figures(evaluate(test_docs, extract(test_docs, rules)))}")
    for share in (0.25, 0.5, 1.0):
        subset = train_docs[:round(len(train_docs) * share)]
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            train(subset, tmp, rules=rules, gazetteers=gazetteers, options=TrainOptions(max_iterations=max_iterations))
            seconds = time.perf_counter() - start
            crf = CrfRecogniser(tmp, rules=rules, gazetteers=gazetteers)
            for recogniser in (crf, CombinedRecogniser(rules, crf)):
                report = evaluate(test_docs, extract(test_docs, recogniser))
                print(f"{len(subset):>3} {recogniser.name:<11} {figures(report)}  (train {seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="synthetic articles to train on")
    parser.add_argument("--max-iterations", type=int, default=TrainOptions.max_iterations)
    parser.add_argument("--speed-articles", type=int, default=100, help="articles each recogniser tags")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="annotated JSONL the synthetic articles vary")
    parser.add_argument("--curve", action="store_true", help="print the learning curve on tests/data/ner2 instead")
    args = parser.parse_args()

    rules = default_recogniser()
    gazetteers = feature_gazetteers()
    if args.curve:
        learning_curve(rules, gazetteers, args.max_iterations)
        return
    base = seed_docs(rules, args.sample)
    docs = vary(base, args.articles)
    chars = sum(len(d.text) for d in docs)
    print(f"data: {len(docs)} synthetic articles from {len(base)} "
          f"{'annotated sample' if args.sample.is_file() else 'rules-annotated'} documents, {chars} characters, "
          f"{sum(len(d.entities) for d in docs)} entities")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = train(docs, tmp, rules=rules, gazetteers=gazetteers,
                       options=TrainOptions(max_iterations=args.max_iterations))
        seconds = time.perf_counter() - start
        size = (Path(tmp) / "model.crfsuite").stat().st_size
        print(f"train: {seconds:.1f} s for {report.documents} articles, {report.tokens} tokens, "
              f"max_iterations={args.max_iterations}; model.crfsuite {size / 1024:.0f} KiB")
        crf = CrfRecogniser(tmp, rules=rules, gazetteers=gazetteers)
        combined = CombinedRecogniser(rules, crf)
        speed_docs = docs[:args.speed_articles]
        for recogniser in (rules, crf, combined):
            recogniser.find(speed_docs[0].text)  # warm caches (gazetteer loading) before timing
            cps = chars_per_second(recogniser, speed_docs)
            print(f"speed: {recogniser.name:<9} {cps:>10,.0f} characters/s over {len(speed_docs)} articles")


if __name__ == "__main__":
    main()
