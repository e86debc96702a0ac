"""Check a TEI tree against an `*.expected.json` (the format of tests/data/seeds/).

`check(tree, expected)` returns (passed, failures): the number of required
items that hold and a message for each that does not. A persName is read as the
name it carries (teikit.teitext.name_part): the encoding puts the roles that
qualify a person inside its persName, and an expected person is its name. Positions are taken in
the article's text as a reader sees it (every `expan` left out), so a
must-not-mark rule can say "no date element lies inside 'lần thứ 7'".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit import names as N, teitext
from teikit.model import BLOCK_SEPARATOR

NS = N.XPATH_NS
TYPE_TAG = {"person": N.PERS_NAME, "org": N.ORG_NAME, "place": N.PLACE_NAME, "date": N.DATE, "role": N.ROLE_NAME}


@dataclass
class Marked:
    tag: str
    start: int
    end: int
    text: str
    element: object


def flatten(div) -> tuple[str, list[Marked]]:
    """The reader's text of the article (teikit.teitext) and every inline element's span in it."""
    parts: list[str] = []
    marked: list[Marked] = []
    offset = 0
    for block in teitext.blocks(div):
        if parts:
            offset += len(BLOCK_SEPARATOR)
        parts.append(block.text)
        for start, end, element in block.spans:
            start, end = teitext.name_part(block, start, end, element)  # a persName: the name, not its roles
            marked.append(Marked(element.tag, start + offset, end + offset, block.text[start:end], element))
        offset += len(block.text)
    return BLOCK_SEPARATOR.join(parts), marked


def _words(text: str, surface: str):
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]


def check(tree, expected: dict) -> tuple[int, list[str]]:
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    div = root.find(".//tei:text/tei:body/tei:div", NS)
    text, marked = flatten(div)
    by_tag: dict[str, list[Marked]] = {}
    for m in marked:
        by_tag.setdefault(m.tag, []).append(m)
    register = {e.get(N.XML_ID): "".join(e[0].itertext()) for e in root.iterfind(".//tei:standOff//*[@xml:id]", NS)}
    results: list[tuple[bool, str]] = []

    def need(ok: bool, message: str):
        results.append((bool(ok), message))

    header = expected.get("header", {})
    need(root.findtext(".//tei:titleStmt/tei:title", namespaces=NS) == header.get("title"), f"header title is {header.get('title')!r}")
    if header.get("author"):
        need(root.findtext(".//tei:titleStmt/tei:author", namespaces=NS) == header["author"], f"header author is {header['author']!r}")
    date = root.find(".//tei:sourceDesc/tei:bibl/tei:date", NS)
    if header.get("published"):
        need(date is not None and date.get("when") == header["published"], f"source date is {header['published']}")
    elif "published" in header:
        need(date is None, "the source has no date, so the header has none")
    for line in expected.get("boilerplate_not_in_text", []):
        need(line not in text, f"boilerplate {line!r} is not in the text")
    paragraphs = len(div.findall("tei:p", NS))
    need(paragraphs >= expected.get("paragraphs_min", 0), f"at least {expected.get('paragraphs_min')} paragraphs (found {paragraphs})")

    for person in expected.get("persons", {}).get("required", []):
        _check_name(need, by_tag.get(N.PERS_NAME, []), register, "person", person["name"],
                    [person["name"], *person.get("surfaces", [])], person.get("mentions"))
    for place in expected.get("places", {}).get("required", []):
        _check_name(need, by_tag.get(N.PLACE_NAME, []), register, "place", place["name"],
                    [place["name"], *place.get("surfaces", [])], place.get("mentions"))
    for org in expected.get("orgs", {}).get("required", []):
        refs = set()
        for surface in org["surfaces"]:
            hits = [m for m in by_tag.get(N.ORG_NAME, []) if m.text == surface or m.text.startswith(surface + " ")
                    or (m.text.startswith(surface) and not m.text[len(surface):len(surface) + 1].isalnum())]
            need(hits, f"org {org['key']!r}: {surface!r} is marked as orgName")
            refs |= {m.element.get("ref") for m in hits}
        need(len(refs) == 1, f"org {org['key']!r}: all its surfaces share one register entry (refs: {sorted(filter(None, refs))})")
    header_dates = [date] if date is not None else []
    for item in expected.get("dates", {}).get("required", []):
        candidates = [m.element for m in by_tag.get(N.DATE, []) if item["surface"] in m.text]
        candidates += [d for d in header_dates if d.text == item["surface"]]
        want = {k: item[k] for k in ("when", "from", "to", "notBefore", "notAfter", "dur") if k in item}
        need(any(all(c.get(k) == v for k, v in want.items()) for c in candidates),
             f"date {item['surface']!r} is marked with {want} (found {[dict(c.attrib) for c in candidates]})")
    for role in expected.get("roles", {}).get("required", []):
        need(any(m.text == role or m.text.startswith(role + " ") for m in by_tag.get(N.ROLE_NAME, [])), f"role {role!r} is marked")
    choices = [(c.findtext("tei:abbr", namespaces=NS), c.findtext("tei:expan", namespaces=NS)) for c in div.iter(N.CHOICE)]
    for item in expected.get("abbreviations", {}).get("required", []):
        uses = len(_words(text, item["abbr"]))
        marked_uses = choices.count((item["abbr"], item["expan"]))
        need(uses and marked_uses == uses,
             f"abbreviation {item['abbr']!r} → {item['expan']!r} marked at every use ({marked_uses} of {uses})")
    for rule in expected.get("must_not_mark", []):
        tag = TYPE_TAG[rule["type"]]
        spans = _words(text, rule["surface"])
        if rule.get("context"):
            contexts = _words(text, rule["context"])
            spans = [s for s in spans if any(c0 <= s[0] and s[1] <= c1 for c0, c1 in contexts)]
        bad = [m.text for m in by_tag.get(tag, []) for s0, s1 in spans if s0 <= m.start and m.end <= s1]
        need(not bad, f"{rule['surface']!r} is not marked as {rule['type']} (marked: {bad})")
    return sum(ok for ok, _ in results), [msg for ok, msg in results if not ok]


def _check_name(need, elements, register, kind, name, surfaces, mentions):
    hits = [m for m in elements if m.text in surfaces]
    refs = {m.element.get("ref") for m in hits}
    need(len(refs) == 1, f"{kind} {name!r}: its mentions share one register entry (refs: {sorted(filter(None, refs))})")
    if mentions is not None:
        need(len(hits) == mentions, f"{kind} {name!r}: {mentions} mentions marked (found {len(hits)})")
    keys = {register.get((r or "#")[1:]) for r in refs}
    need(name in keys, f"{kind} {name!r}: the register entry is named {name!r} (found {sorted(filter(None, keys))})")
