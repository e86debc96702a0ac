"""White space: the one definition, for the text teikit writes and the text it reads back.

    SPACES      every character that counts as a space: Unicode's White_Space
                characters (ASCII blanks and line breaks, no-break, figure, narrow,
                ideographic and the other typographic spaces, line/paragraph separators)
    INVISIBLE   characters that vanish: zero-width spaces and joiners, the BOM, soft hyphen
    fold(text)  runs of SPACES to one ordinary space, trimmed: the normalised text of the
                encoding (docs/encoding.md, "Text is kept exactly")

Ingest folds the article with these (ingest/decode.py), the NER readers fold
annotated text with them (ner/textnorm.py), and the stylesheets receive SPACES
as their `tk:spaces` parameter (render/renderer.py), so the reading text of a
TEI file folds the same way in Python and in XSLT.
"""

from __future__ import annotations

import re

SPACES = ("\t\n\x0b\x0c\r \x85\u00a0\u1680"
          "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
          "\u2028\u2029\u202f\u205f\u3000")
LINE_BREAKS = "\n\r"  # kept by ingest, which reads an article line by line
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The spaces an XML document can hold (XML 1.0 forbids the C0 controls \x0b and \x0c).
XML_SPACES = "".join(c for c in SPACES if c not in "\x0b\x0c")

SPACE_RUN = re.compile(f"[{re.escape(SPACES)}]+")


def fold(text: str) -> str:
    """Runs of white space to one space, trimmed at both ends."""
    return SPACE_RUN.sub(" ", text).strip(" ")
