"""Check that every NAME.expected.json agrees with its NAME.txt.

This is a consistency check of the test data itself (not of teikit): every
surface string quoted in an expectation must occur in the article, person and
place "mentions" must equal the number of occurrences computed from the text,
and date values must be well-formed ISO 8601.

Run:  python tests/data/articles/check_expected.py      (exit 1 on any problem)

Counting rule for persons and places (documented in tests/data/README.md):
the occurrences of an entity's surfaces (its "name" plus any "surfaces"),
matched longest first, on word boundaries, without overlaps, and not lying
inside a longer surface listed anywhere in the same file (an org, a place, a
person, required or optional).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISO = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$")
META_KEYS = {"url", "publisher", "licence", "language", "author"}


def normalise(raw: str) -> str:
    """NFC, then fold runs of spaces / no-break spaces / tabs to one space per line."""
    text = unicodedata.normalize("NFC", raw)
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def inside(span: tuple[int, int], blockers: list[tuple[int, int]]) -> bool:
    return any(b0 <= span[0] and span[1] <= b1 and (b0, b1) != span for b0, b1 in blockers)


def count_mentions(text: str, surfaces: list[str], blockers: list[tuple[int, int]]) -> int:
    taken: list[tuple[int, int]] = []
    for surface in sorted(set(surfaces), key=len, reverse=True):
        for span in spans_of(text, surface):
            if inside(span, blockers):
                continue
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
    return len(taken)


def check_date(entry: dict, text: str, where: str, problems: list[str]) -> None:
    surface = entry["surface"]
    context = entry.get("context")
    if context is not None:
        if context not in text:
            problems.append(f"{where}: context {context!r} not in text")
        elif surface not in context:
            problems.append(f"{where}: surface {surface!r} not in its context")
        elif text.count(context) != 1:
            problems.append(f"{where}: context {context!r} is not unique")
    elif surface not in text:
        problems.append(f"{where}: date {surface!r} not in text")
    elif len(spans_of(text, surface)) > 1:
        problems.append(f"{where}: date {surface!r} occurs more than once; give a context")
    for key in ("when", "from", "to"):
        if key in entry and not ISO.match(entry[key]):
            problems.append(f"{where}: {key}={entry[key]!r} is not ISO 8601")


def check_one(txt: Path) -> list[str]:
    problems: list[str] = []
    raw = txt.read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", raw):
        problems.append(f"{txt.name}: source is not NFC")
    text = normalise(raw)
    exp = json.loads(txt.with_suffix(".expected.json").read_text(encoding="utf-8"))
    name = txt.name
    for key, value in exp.items():
        if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
            problems.append(f"{name}: {key} is not NFC")
    if exp["source"] != name:
        problems.append(f"{name}: source field is {exp['source']!r}")
    header = exp["header"]
    if header["title"] not in text.split("\n"):
        problems.append(f"{name}: title is not a line of the text")
    if header["published"] is not None and not ISO.match(header["published"]):
        problems.append(f"{name}: published {header['published']!r} not ISO")
    for line in exp["boilerplate_not_in_text"]:
        if line not in text.split("\n"):
            problems.append(f"{name}: boilerplate {line!r} is not a line of the source")
    for key in ("caption", "lead"):
        if exp.get(key) and exp[key]["text_starts"] not in text:
            problems.append(f"{name}: {key} start not in text")
    for key in ("credit", "date_line", "byline"):
        if exp.get(key) and exp[key]["text"] not in text.split("\n"):
            problems.append(f"{name}: {key} is not a line of the text")

    orgs = exp["orgs"]
    org_surfaces = [s for o in orgs["required"] for s in o["surfaces"]] + list(orgs.get("optional", []))
    for surface in org_surfaces:
        if surface not in text:
            problems.append(f"{name}: org surface {surface!r} not in text")
    listed = org_surfaces + list(exp["places"].get("optional", [])) + list(exp["persons"].get("optional", []))
    for kind in ("persons", "places"):
        for entry in exp[kind]["required"]:
            listed += [entry["name"]] + entry.get("surfaces", [])
    blockers = [sp for s in listed for sp in spans_of(text, s)]
    for kind in ("persons", "places"):
        for entry in exp[kind]["required"]:
            surfaces = [entry["name"]] + entry.get("surfaces", [])
            for surface in surfaces:
                if surface not in text:
                    problems.append(f"{name}: {kind} surface {surface!r} not in text")
            found = count_mentions(text, surfaces, blockers)
            if found != entry["mentions"]:
                problems.append(f"{name}: {entry['name']!r} mentions={entry['mentions']} but text has {found}")
        for surface in exp[kind].get("optional", []):
            if surface not in text:
                problems.append(f"{name}: optional {kind} {surface!r} not in text")
    for i, entry in enumerate(exp["dates"]["required"] + exp["dates"].get("optional", [])):
        check_date(entry, text, f"{name}: dates[{i}]", problems)
    for role in exp["roles"]["required"] + exp["roles"].get("optional", []):
        if role not in text:
            problems.append(f"{name}: role {role!r} not in text")
    for entry in exp["abbreviations"]["required"] + exp["abbreviations"].get("optional", []):
        if entry["abbr"] not in text:
            problems.append(f"{name}: abbr {entry['abbr']!r} not in text")
    for entry in exp["must_not_mark"]:
        probe = entry.get("context", entry["surface"])
        if probe not in text or entry["surface"] not in probe:
            problems.append(f"{name}: must_not_mark {entry['surface']!r} not in text")
    meta_path = txt.with_suffix(".meta.json")
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if set(meta) != META_KEYS:
            problems.append(f"{meta_path.name}: keys {sorted(meta)}")
        if header["author"] != meta["author"]:
            problems.append(f"{name}: header author must be the meta.json author")
    words = len(text.split())
    if not 150 <= words <= 600:
        problems.append(f"{name}: {words} words, outside 150-600")
    return problems


def main() -> int:
    problems: list[str] = []
    articles = sorted(HERE.glob("*.txt"))
    for txt in articles:
        if not txt.with_suffix(".expected.json").exists():
            problems.append(f"{txt.name}: no expected.json")
            continue
        problems += check_one(txt)
    for line in problems:
        print(line)
    print(f"{len(articles)} articles checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
