#!/usr/bin/env python3
"""Build the German NER gold sets from source.txt.

source.txt: blocks separated by blank lines. Each block starts with
    # <id> | <topic> | <country DE/AT/CH/XX>
optionally followed by lines
    # allow: <surface>
(an occurrence of a marked surface that may stay unmarked because it lies
inside a name that is no entity), then the text lines. A text of two lines is
a headline and a body, joined by "\n". Entities are written inline:
    [[p|Olaf Scholz]]  persName     [[o|SPD]]   orgName
    [[l|Berlin]]       placeName    [[d|3. März 2025]]  date
Run:  python3 build.py          # write dev.jsonl and heldout.jsonl, print counts
      python3 build.py --check  # exit 1 if the JSONL files are stale
"""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"p": "persName", "o": "orgName", "l": "placeName", "d": "date"}
MARK = re.compile(r"\[\[([plod])\|([^\[\]|]+)\]\]")
PARTICLES = {"von", "van", "der", "den", "de", "zu", "vom", "di", "da", "del"}
LOWER_ORG_OK = {"dpa", "sda"}  # agency names written in lower case
MONTHS = ("Januar Jänner Februar Feber März April Mai Juni Juli August September "
          "Oktober November Dezember Jan. Feb. Febr. Mrz. Apr. Jun. Jul. Aug. "
          "Sep. Sept. Okt. Nov. Dez.").split()
DATE_TOKEN = re.compile(r"^(\d{1,2}\.|\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})?|\d{4}(/\d{2}|/\d{4})?)$")
ABBREV = {"Dr.", "Prof.", "St.", "Sept.", "Okt.", "Jan.", "Feb.", "Nov.", "Dez.", "Aug.",
          "Apr.", "Nr.", "Mio.", "Mrd.", "ca.", "bzw.", "z.", "B."}
ROMAN = re.compile(r"^[IVXLC]+\.$")


def parse(path):
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    out = []
    for b in blocks:
        lines = b.strip("\n").split("\n")
        m = re.match(r"# (\S+) \| (\S+) \| (\S+)$", lines[0])
        if not m:
            if all(l.startswith("#") for l in lines):
                continue  # comment block
            raise SystemExit(f"bad header: {lines[0]!r}")
        ident, topic, country = m.groups()
        allow = set()
        body = []
        for l in lines[1:]:
            if l.startswith("# allow: "):
                allow.add(l[len("# allow: "):])
            elif l.startswith("#"):
                continue
            else:
                body.append(l)
        src = "\n".join(body)
        text, ents, pos, last = [], [], 0, 0
        for mm in MARK.finditer(src):
            text.append(src[last:mm.start()])
            pos += mm.start() - last
            surface = mm.group(2)
            ents.append([pos, pos + len(surface), LABELS[mm.group(1)]])
            text.append(surface)
            pos += len(surface)
            last = mm.end()
        text.append(src[last:])
        text = "".join(text)
        out.append(dict(id=ident, topic=topic, country=country, text=text,
                        entities=ents, allow=allow))
    return out


def words(text):
    return [w for w in text.split() if any(c.isalnum() for c in w)]


def sentences(body):
    toks = body.split()
    n = 0
    for i, t in enumerate(toks):
        core = t.rstrip("“”»«\"')")
        if not core or core[-1] not in ".!?":
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None:
            if not (nxt[0].isupper() or nxt[0] in "„«»\"" or nxt[0].isdigit()):
                continue
            if core in ABBREV or ROMAN.match(core) or re.fullmatch(r"\d{1,3}\.", core):
                continue
            if re.fullmatch(r"[A-ZÄÖÜ]\.", core):  # initial: Karim S.
                continue
        n += 1
    return n


def check(rec, errors):
    t, ents, rid = rec["text"], rec["entities"], rec["id"]
    def err(msg):
        errors.append(f"{rid}: {msg}")
    if unicodedata.normalize("NFC", t) != t:
        err("text not NFC")
    if "[[" in t or "]]" in t:
        err("stray markup")
    prev_end = -1
    for s, e, lab in ents:
        span = t[s:e]
        if s < prev_end:
            err(f"overlap at {span!r}")
        prev_end = e
        if span != span.strip() or not span:
            err(f"whitespace at edge of {span!r}")
        if s > 0 and t[s - 1].isalnum():
            err(f"left boundary {span!r}")
        if e < len(t) and t[e].isalnum():
            err(f"right boundary {span!r}")
        if lab == "date":
            if not any(c.isdigit() for c in span):
                err(f"date without digit {span!r}")
            for tok in span.split():
                if not (DATE_TOKEN.match(tok) or tok in MONTHS):
                    err(f"date token {tok!r} in {span!r}")
        else:
            first = span.split()[0]
            ok = span[0].isupper() or span[0].isdigit()
            if lab == "persName" and first in PARTICLES:
                ok = True
            if lab == "orgName" and span in LOWER_ORG_OK:
                ok = True
            if not ok:
                err(f"name span starts lower case {span!r}")
        if lab == "persName":
            for w in span.split():
                if w[0].islower() and w not in PARTICLES:
                    err(f"lower-case word {w!r} in persName {span!r}")
    # every other occurrence of a marked surface is marked (or inside a span)
    for surf in {t[s:e] for s, e, _ in ents}:
        for m in re.finditer(re.escape(surf), t):
            a, b = m.span()
            if a > 0 and t[a - 1].isalnum():
                continue
            if b < len(t) and t[b].isalnum():
                continue
            if not any(s <= a and b <= e for s, e, _ in ents):
                if surf not in rec["allow"]:
                    err(f"unmarked occurrence of {surf!r} at {a}")
    body = t.split("\n", 1)[-1]
    nw = len(words(t))
    nws = len(t.split())
    if not (60 <= nw <= 75 and 60 <= nws <= 75):
        err(f"word count {nw}/{nws}")
    ns = sentences(body)
    if not (2 <= ns <= 5):
        err(f"sentence count {ns}")
    if t.count("\n") > 1:
        err("more than one line break")


def main():
    recs = parse(HERE / "source.txt")
    errors = []
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    if len({r["text"] for r in recs}) != len(recs):
        errors.append("duplicate texts")
    sets = {"dev": [r for r in recs if r["id"].startswith("de-d-")],
            "heldout": [r for r in recs if r["id"].startswith("de-h-")]}
    for name, rs in sets.items():
        want = [f"de-{name[0]}-{i:02d}" for i in range(1, (36 if name == "dev" else 30) + 1)]
        if [r["id"] for r in rs] != want:
            errors.append(f"{name}: ids not {want[0]}..{want[-1]} in order")
    for r in recs:
        check(r, errors)
    surf = {name: {lab: Counter(r["text"][s:e] for r in rs for s, e, l in r["entities"] if l == lab)
                   for lab in LABELS.values()} for name, rs in sets.items()}
    shared_p = set(surf["dev"]["persName"]) & set(surf["heldout"]["persName"])
    if shared_p:
        errors.append(f"persName surfaces shared: {sorted(shared_p)}")
    outputs = {}
    for name, rs in sets.items():
        lines = [json.dumps({"id": r["id"], "topic": r["topic"], "text": r["text"],
                             "entities": r["entities"]}, ensure_ascii=False) for r in rs]
        outputs[name] = "\n".join(lines) + "\n"
    if "--check" in sys.argv:
        stale = [n for n, s in outputs.items()
                 if not (HERE / f"{n}.jsonl").exists()
                 or (HERE / f"{n}.jsonl").read_text(encoding="utf-8") != s]
        if stale or errors:
            print("\n".join(errors + [f"stale: {n}.jsonl" for n in stale]))
            sys.exit(1)
        print("ok")
        return
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    for name, s in outputs.items():
        (HERE / f"{name}.jsonl").write_text(s, encoding="utf-8")
    for name, rs in sets.items():
        c = Counter(l for r in rs for _, _, l in r["entities"])
        wc = [len(words(r["text"])) for r in rs]
        print(f"{name}: {len(rs)} texts, {sum(c.values())} entities, "
              + ", ".join(f"{l} {c[l]}" for l in LABELS.values())
              + f"; words {min(wc)}-{max(wc)}; countries {dict(Counter(r['country'] for r in rs))}; "
              f"headlines {sum(1 for r in rs if chr(10) in r['text'])}")
        print("  topics:", dict(Counter(r["topic"] for r in rs)))
    shared = {lab: sorted(set(surf["dev"][lab]) & set(surf["heldout"][lab]))
              for lab in ("orgName", "placeName")}
    print("shared org surfaces:", shared["orgName"])
    print("shared place surfaces:", shared["placeName"])


if __name__ == "__main__":
    main()
