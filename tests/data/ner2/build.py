"""Build train.jsonl and test.jsonl of the second NER corpus from source.txt, computing offsets.

source.txt holds one item per line, ``ID<TAB>TOPIC<TAB>TEXT``, entities inline as
``[[LABEL:surface]]`` with LABEL one of PER, ORG, LOC, DATE (the ner tools map them
to persName/orgName/placeName/date). ``#`` lines and blank lines are comments.
The split is fixed: every 4th item (n004, n008, ...) goes to test.jsonl, the rest
to train.jsonl, so each topic block contributes to both.

Run:  python tests/data/ner2/build.py          (rewrites both JSONL files)
      python tests/data/ner2/build.py --check  (exit 1 if they are stale)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Za-z]+):([^\[\]]+?)\]\]")
LABELS = {"PER", "ORG", "LOC", "DATE"}
TEST_EVERY = 4


class SourceError(ValueError):
    pass


def parse_line(line: str, where: str) -> dict:
    fields = line.split("\t")
    if len(fields) != 3:
        raise SourceError(f"{where}: expected ID<TAB>TOPIC<TAB>TEXT, got {len(fields)} fields")
    item_id, topic, marked = fields
    if not unicodedata.is_normalized("NFC", marked):
        raise SourceError(f"{where}: text is not NFC")
    parts, entities, surfaces, position, length = [], [], [], 0, 0
    for match in MARK.finditer(marked):
        plain = marked[position:match.start()]
        parts.append(plain)
        length += len(plain)
        label, surface = match.group(1), match.group(2)
        if label not in LABELS:
            raise SourceError(f"{where}: label {label!r} not allowed")
        if surface != surface.strip():
            raise SourceError(f"{where}: surface {surface!r} has outer spaces")
        entities.append([length, length + len(surface), label])
        surfaces.append(surface)
        parts.append(surface)
        length += len(surface)
        position = match.end()
    parts.append(marked[position:])
    text = "".join(parts)
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


def build(source: Path) -> list[dict]:
    items, seen_ids, seen_texts = [], set(), set()
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        item = parse_line(line, f"{source.name}:{number}")
        if item["id"] in seen_ids or item["text"] in seen_texts:
            raise SourceError(f"{source.name}:{number}: duplicate id or text")
        seen_ids.add(item["id"])
        seen_texts.add(item["text"])
        items.append(item)
    return items


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    train = [item for k, item in enumerate(items, start=1) if k % TEST_EVERY]
    test = [item for k, item in enumerate(items, start=1) if not k % TEST_EVERY]
    return train, test


def render(items: list[dict]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    train, test = split(build(HERE / "source.txt"))
    stale = []
    for name, items in (("train.jsonl", train), ("test.jsonl", test)):
        rendered = render(items)
        output = HERE / name
        if check:
            if not output.exists() or output.read_text(encoding="utf-8") != rendered:
                stale.append(name)
        else:
            output.write_text(rendered, encoding="utf-8")
        counts: dict[str, int] = {}
        for item in items:
            for _, _, label in item["entities"]:
                counts[label] = counts.get(label, 0) + 1
        print(f"{name}: {len(items)} texts; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if stale:
        print("stale: " + ", ".join(stale) + " (run build.py)")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
