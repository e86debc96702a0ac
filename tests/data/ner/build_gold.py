"""Build the NER JSONL files from their readable sources, computing offsets.

Sources hold one item per line, ``ID<TAB>TOPIC<TAB>TEXT``, with entities written
inline as ``[[label:surface]]``; ``#`` lines and blank lines are comments. The
output is one JSON object per line:

    {"id": "g001", "topic": "politics", "text": "...", "entities": [[start, end, "label"], ...]}

with Python ``str`` offsets (end exclusive) into the NFC text. Offsets are computed
here, never counted by hand, and every span is checked against its marked surface.

Run:  python tests/data/ner/build_gold.py          (rewrites gold.jsonl and train_sample.jsonl)
      python tests/data/ner/build_gold.py --check  (exit 1 if the JSONL files are stale)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Za-z]+):([^\[\]]+?)\]\]")

# source file -> (output file, labels allowed in it)
BUILDS = {
    "gold_source.txt": ("gold.jsonl", {"persName", "orgName", "placeName", "date"}),
    "train_source.txt": (
        "train_sample.jsonl",
        {"persName", "orgName", "placeName", "date", "PER", "ORG", "LOC", "DATE", "MISC"},
    ),
}


class SourceError(ValueError):
    pass


def parse_line(line: str, where: str, labels: set[str]) -> dict:
    fields = line.split("\t")
    if len(fields) != 3:
        raise SourceError(f"{where}: expected ID<TAB>TOPIC<TAB>TEXT, got {len(fields)} fields")
    item_id, topic, marked = fields
    if not unicodedata.is_normalized("NFC", marked):
        raise SourceError(f"{where}: text is not NFC")
    text_parts: list[str] = []
    entities: list[list] = []
    surfaces: list[str] = []
    position = 0
    length = 0
    for match in MARK.finditer(marked):
        plain = marked[position:match.start()]
        text_parts.append(plain)
        length += len(plain)
        label, surface = match.group(1), match.group(2)
        if label not in labels:
            raise SourceError(f"{where}: label {label!r} not allowed here")
        if surface != surface.strip():
            raise SourceError(f"{where}: surface {surface!r} has outer spaces")
        entities.append([length, length + len(surface), label])
        surfaces.append(surface)
        text_parts.append(surface)
        length += len(surface)
        position = match.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise SourceError(f"{where}: malformed entity mark")
    for (start, end, label), surface in zip(entities, surfaces):
        if text[start:end] != surface:
            raise SourceError(f"{where}: span {start}:{end} is {text[start:end]!r}, not {surface!r}")
        for edge in (start - 1, end):
            if 0 <= edge < len(text) and text[edge].isalnum():
                raise SourceError(f"{where}: {surface!r} does not end on a word boundary")
    if not entities:
        raise SourceError(f"{where}: no entities")
    return {"id": item_id, "topic": topic, "text": text, "entities": entities}


def build(source: Path, labels: set[str]) -> list[dict]:
    items = []
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        item = parse_line(line, f"{source.name}:{number}", labels)
        if item["id"] in seen_ids or item["text"] in seen_texts:
            raise SourceError(f"{source.name}:{number}: duplicate id or text")
        seen_ids.add(item["id"])
        seen_texts.add(item["text"])
        items.append(item)
    return items


def render(items: list[dict]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def write_or_check(output: Path, items: list[dict], check: bool) -> bool:
    """Write `items` as JSON lines to `output` (check: only compare); print a summary line.
    False when checking finds the file stale."""
    rendered = render(items)
    fresh = True
    if check:
        fresh = output.exists() and output.read_text(encoding="utf-8") == rendered
    else:
        output.write_text(rendered, encoding="utf-8")
    counts: dict[str, int] = {}
    for item in items:
        for _, _, label in item["entities"]:
            counts[label] = counts.get(label, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in sorted(counts.items()))
    print(f"{output.name}: {len(items)} texts; {summary}")
    return fresh


def run(builds: dict[Path, tuple[Path, set[str]]], argv: list[str], script: str) -> int:
    """A build script's command line: each source (its output, its labels) written, or with --check
    exit status 1 naming those that are stale; a source that cannot be read, its one error line."""
    try:
        stale = [output.name for source, (output, labels) in builds.items()
                 if not write_or_check(output, build(source, labels), "--check" in argv)]
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if stale:
        print("stale: " + ", ".join(stale) + f" (run {script})")
        return 1
    return 0


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = [output_name for source_name, (output_name, labels) in BUILDS.items()
             if not write_or_check(HERE / output_name, build(HERE / source_name, labels), check)]
    if stale:
        print("stale: " + ", ".join(stale) + " (run build_gold.py)")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
