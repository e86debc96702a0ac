"""White space: the one definition, for the text teikit writes and the text it reads back.

    SPACES      every character that counts as a space: Unicode's White_Space
                characters (ASCII blanks and line breaks, no-break, figure, narrow,
                ideographic and the other typographic spaces, line/paragraph separators)
    INVISIBLE   characters that vanish: the zero-width space, the word joiner, the BOM, the
                soft hyphen. Not the zero-width non-joiner and joiner (U+200C, U+200D)
                between two characters: they are spelling (Persian, Kurdish, Indic scripts) and
                make emoji sequences; next to a space or at a line's end they join nothing and
                vanish too (STRAY_JOINERS: "Hà\u200d Nội" is "Hà Nội")
    BIDI_MARKS  the marks that set the direction of right-to-left text (LRM, RLM, ALM), kept in
                the text; a date's parts may have them beside the space between ("5\u200f مارس")
    fold(text)  runs of SPACES to one ordinary space, trimmed: the normalised text of the
                encoding (docs/encoding.md, "Text is kept exactly")
    fold_spans(text, spans)  the same, carrying (start, end, payload) offsets along

Ingest folds the article with these (ingest/decode.py), the reading text of TEI
is folded with them (teitext.py, which the NER readers use), and the stylesheets receive SPACES
as their `tk:spaces` parameter (render/renderer.py), so the reading text of a
TEI file folds the same way in Python and in XSLT.
"""

from __future__ import annotations

import re

SPACES = ("\t\n\x0b\x0c\r \x85\u00a0\u1680"
          "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
          "\u2028\u2029\u202f\u205f\u3000")
LINE_BREAKS = "\n\r"  # kept by ingest, which reads an article line by line
INVISIBLE = "\u200b\u2060\ufeff\u00ad"
BIDI_MARKS = "\u200e\u200f\u061c"
STRAY_JOINERS = re.compile(r"[\u200c\u200d]+(?= |$)|(?:^|(?<= ))[\u200c\u200d]+")  # after the spaces are folded to " "
# The spaces an XML document can hold (XML 1.0 forbids the C0 controls \x0b and \x0c).
XML_SPACES = "".join(c for c in SPACES if c not in "\x0b\x0c")

SPACE_RUN = re.compile(f"[{re.escape(SPACES)}]+")


def fold(text: str) -> str:
    """Runs of white space to one space, trimmed at both ends."""
    return SPACE_RUN.sub(" ", text).strip(" ")


def fold_spans(text: str, spans: list[tuple]) -> tuple[str, list[tuple]]:
    """fold(text), with `spans` ((start, end, payload) in `text`) moved to match and trimmed of
    edge space; a span left empty is dropped."""
    out, new_pos, pos, last = [], [0] * (len(text) + 1), 0, 0
    for match in SPACE_RUN.finditer(text):
        for i in range(last, match.start()):
            new_pos[i] = pos + (i - last)
        out.append(text[last:match.start()])
        pos += match.start() - last
        keep = 1 if match.start() > 0 and match.end() < len(text) else 0
        for i in range(match.start(), match.end()):
            new_pos[i] = pos
        out.append(" " * keep)
        pos += keep
        last = match.end()
    for i in range(last, len(text) + 1):
        new_pos[i] = pos + (i - last)
    folded = "".join(out) + text[last:]
    moved = []
    for s, e, label in spans:
        ns, ne = new_pos[s], new_pos[e]
        while ns < ne and folded[ns] == " ":
            ns += 1
        while ne > ns and folded[ne - 1] == " ":
            ne -= 1
        if ne > ns:
            moved.append((ns, ne, label))
    return folded, moved
