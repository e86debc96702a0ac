"""The reading text of any TEI document, worked out independently of the stylesheets,
and the words an edition shows, for the editions tests (tests/test_editions.py).

Reading text (what an edition of a document must show, word for word):
- the text element: front, body and back; nothing of the header or standOff;
- one branch per alternative: of a choice its corr, else reg, else expan, else
  its first child (an abbr whose choice has @resp pointing to an application is
  teikit's machine markup: the abbr); of an app its lem, else its first rdg (those
  inside a rdgGrp too);
- notes are not part of the sentence: their words are collected apart; but a speaker note
  (note type="speaker"), which says who speaks, is read in the text;
- left out: del (but for one inside a restore), am inside expan, figDesc, graphic, index, interp(Grp), link(Grp),
  span(Grp), fs, fw (forme work: running heads, catchwords, page numbers);
- a caesura separates words; lb, pb and cb separate words unless @break="no" (then the white space at
  the break goes too, and a line-end hyphen ¬, - or ‐ before it) or the text before them ends with
  ¬ (the DTA's line-end hyphen, which goes); block elements (p, l, item, cell …) separate words.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from teikit.xmlsafe import parse_file

TEI = "{http://www.tei-c.org/ns/1.0}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HIDDEN = {"del", "figDesc", "graphic", "binaryObject", "index", "interp", "interpGrp", "link", "linkGrp",
          "span", "spanGrp", "fs", "fLib", "fw"}
BREAKS = {"lb", "pb", "cb"}
BLOCKS = {"p", "ab", "div", "head", "lg", "l", "list", "item", "label", "table", "row", "cell", "figure",
          "opener", "closer", "salute", "signed", "dateline", "byline", "trailer", "postscript", "epigraph",
          "titlePage", "docTitle", "titlePart", "docImprint", "sp", "speaker", "castItem", "front", "body", "back",
          "person", "place", "org", "addrLine", "note", "stage", "u", "seg", "vocal", "incident", "kinesic"}
ENTRIES = {"person", "personGrp", "place", "org", "event", "bibl", "castItem"}
WORD = re.compile(r"\w+")
HTML_BLOCKS = {"p", "div", "section", "li", "tr", "td", "th", "caption", "br", "h1", "h2", "h3", "figure",
               "figcaption", "blockquote", "ul", "ol", "dl", "dt", "dd", "sup"}


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _is_machine(choice, ids, names) -> bool:
    """@resp points to an application, or to a respStmt whose name points to one (teikit's)."""
    agents = [r[1:] for r in (choice.get("resp") or "").split() if r.startswith("#")]
    return any(ids.get(a) == "application" or any(ids.get(n) == "application" for n in names.get(a, ()))
               for a in agents)


def reading(path) -> tuple[str, list[str]]:
    """(the reading text, the text of each note) of a TEI file."""
    root = parse_file(path).getroot()
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id"): _local(el) for el in root.iter() if isinstance(el.tag, str)}
    names = {el.get("{http://www.w3.org/XML/1998/namespace}id"): [n.get("ref", "")[1:] for n in el if _local(n) == "name"]
             for el in root.iter() if _local(el) == "respStmt"}
    notes: list[str] = []

    def read(el) -> str:
        name = _local(el)
        if name == "del" and any(_local(a) == "restore" for a in el.iterancestors()):
            return inner(el)  # a restored deletion is read
        if not name or name in HIDDEN or (name == "am" and any(_local(a) == "expan" for a in el.iterancestors())):
            return ""
        if name == "note" and el.get("type") == "speaker":
            return f" {inner(el)} "  # who speaks: read in the text, at the head of the utterance after it
        if name == "note":
            notes.append(inner(el))
            return " "
        if name == "caesura":
            return " "
        if name in BREAKS:
            before = el.getprevious().tail if el.getprevious() is not None else el.getparent().text
            if el.get("break") == "no":
                return "\u0000"
            return "\u0001" if re.search(r"¬\s*$", before or "") else " "
        if name in ("choice", "app"):
            kids = [k for k in el if isinstance(k.tag, str)]
            if name == "app":
                while any(_local(k) == "rdgGrp" for k in kids):  # a group's readings are the app's
                    kids = [g for k in kids for g in ([c for c in k if isinstance(c.tag, str)] if _local(k) == "rdgGrp" else [k])]
                pick = [k for k in kids if _local(k) == "lem"] or [k for k in kids if _local(k) == "rdg"]
            elif any(_local(k) == "abbr" for k in kids) and _is_machine(el, ids, names):
                pick = [k for k in kids if _local(k) == "abbr"]
            else:
                pick = next(([k for k in kids if _local(k) == n] for n in ("corr", "reg", "expan") if any(_local(k) == n for k in kids)), kids)
            return inner(pick[0]) if pick else ""
        text = inner(el)
        return f" {text} " if name in BLOCKS or _local(el.getparent()) in ENTRIES else text

    def inner(el) -> str:
        parts = [el.text or ""]
        for child in el:
            parts.append(read(child))
            parts.append(child.tail or "")
        return "".join(parts)

    text_el = root.find(f"{TEI}text")
    main = inner(text_el) if text_el is not None else ""
    return _join(main), [_join(n) for n in notes]


def _join(text: str) -> str:
    # A break with @break="no" takes the white space on both sides with it, and a line-end hyphen
    # (¬ - ‐) before it; a break after ¬ (the DTA's line-end hyphen) joins too, without the ¬.
    return " ".join(re.sub(r"¬\s*\u0001\s*", "", re.sub(r"[¬‐-]?\s*\u0000\s*", "", text)).split())


def words(text: str) -> Counter:
    return Counter(WORD.findall(text))


def coverage(expected: str, shown: str) -> float:
    """Share of the words of `expected` (with their counts) that `shown` holds."""
    want, have = words(expected), words(shown)
    total = sum(want.values())
    return 1.0 if total == 0 else sum(min(n, have[w]) for w, n in want.items()) / total


def html_text(el) -> str:
    """The text a browser shows of an HTML element: blocks and br separate words; title attributes are not text."""
    parts: list[str] = []

    def walk(node):
        name = node.tag.replace(XHTML, "") if isinstance(node.tag, str) else ""
        if name in ("script", "style"):
            return
        block = name in HTML_BLOCKS
        if block:
            parts.append(" ")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(el)
    return " ".join("".join(parts).split())
