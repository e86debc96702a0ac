"""How the corpus pages' data (render.sitedata's XML, read by Saxon into xslt/site/corpus.xsl) is
written: its attributes escaped with character references only, a list's page window
(render.site's paging policy), and the language the pages speak (site_language, the majority
language of the articles: SiteData.lang).

Contract: `attrs` gives XML any text can be put in and read back the same, which Saxon's
parser (the JDK's) reads whatever its length: it holds no entity reference.
"""

from __future__ import annotations

from .site import page_count

# An attribute value's escapes are character references only: the JDK's XML parser, which reads
# each page's data into Saxon, counts every entity reference (&amp; &lt; &quot; …) of a document
# against jdk.xml.maxGeneralEntitySizeLimit (100,000) and refuses the page beyond it; character
# references (&#38;) it does not count. White space other than the space is kept as a reference
# (an attribute's newline would be read as a space).
_ESCAPES = str.maketrans({"&": "&#38;", "<": "&#60;", '"': "&#34;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def attrs(**values) -> str:
    """' name="value"' for each value (None: empty), name's _ written -, for an element's start tag."""
    out = []
    for name, value in values.items():  # a corpus page's data is most of its attributes: the common case first
        text = "" if value is None else value if isinstance(value, str) else str(value)
        if "&" in text or "<" in text or '"' in text or "\n" in text or "\r" in text or "\t" in text:
            text = text.translate(_ESCAPES)  # what needs no escape (most values) is not translated
        out.append(f' {name.replace("_", "-")}="{text}"')
    return "".join(out)


def pages(items: int, page_size: int | None) -> int:
    """How many pages (render.site's paging policy) a list of `items` takes (one, without a page size)."""
    return page_count(items, page_size) if page_size else 1


def window(page: int, page_size: int | None) -> tuple[int, int]:
    """SQL's LIMIT and OFFSET of page `page` (from 1) of `page_size` rows (every row, without one)."""
    return (page_size, (page - 1) * page_size) if page_size else (-1, 0)


def site_language(counts) -> str:
    """The majority language of (tag, articles, first stem) rows, one a tag (SiteData.lang); 'en' for none."""
    languages: dict[str, list] = {}
    for tag, n, first in counts:
        languages.setdefault(tag.split("-")[0].lower(), []).append((-n, first, tag))
    if not languages:
        return "en"
    tags = min(languages.values(), key=lambda rows: (-sum(-n for n, _, _ in rows), min(first for _, first, _ in rows)))
    return min(tags)[2]
