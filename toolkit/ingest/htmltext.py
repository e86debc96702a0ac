"""What the web-page modules of ingest read of an element, in the page's tree or trafilatura's: one reading.

    is_tag(node, *tags)  whether `node` is an element (not a comment or processing instruction) of one of `tags`
    text_of(element)     its text, its white space folded to single spaces
    squeezed(text)       the text without its white space: what two readings of one text agree on
"""

from __future__ import annotations


def is_tag(node, *tags) -> bool:
    return isinstance(node.tag, str) and node.tag in tags


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def squeezed(text: str) -> str:
    return "".join(text.split())
