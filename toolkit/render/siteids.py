"""The site's ids of the register entries of a document with ids of its own (anyone's TEI:
xslt/site/data.xsl's ids="document"), which render/sitedata.py stores its entries under and
render/siterecord.py looks its changed entries up by.

teikit's articles share the corpus register's ids; another project's document numbers its
entries as it likes ("p1" in every letter), so its entry is the document's own unless an
authority URI names it, and then it is the same entry in every document. Either id is a page
name on every file system: ASCII letters, digits and hyphens in lower case, at most 80
characters, told apart by a hash of what it stands for (a slug alone would make "a.b" + "c"
and "a" + "b.c", or "P1" and "p1", one entry).
"""

from __future__ import annotations

import hashlib

from ..asciifold import slug

_SLUG_CHARS = 30  # of each readable part


def site_id(stem: str, ident: str, uri: str | None) -> str:
    """The site's id of a register entry of a document with ids of its own: one named by an
    authority URI is that URI's in every document ("uri-" + a slug of the URI + 10 hex digits of
    its SHA-1); any other is the document's own ("doc-" + slugs of the stem and the xml:id + 10 hex
    digits of the SHA-1 of both)."""
    if uri:
        return f"uri-{_readable(uri.split('://', 1)[-1], 2 * _SLUG_CHARS)}-{_hash(uri)}"
    return f"doc-{_readable(stem, _SLUG_CHARS)}-{_readable(ident, _SLUG_CHARS)}-{_hash(stem + chr(0) + ident)}"


class SiteIds(dict):
    """A record's ids to the site's: an id not mapped (a record of teikit's, whose ids are the
    corpus register's) is its own."""

    def __missing__(self, ident: str) -> str:
        return ident


def record_ids(doc, stem: str) -> SiteIds:
    """The site ids of a site record's entries (its <e id uri>, and the <m ref> that name them), by the
    ids the record gives: none to map for a record of teikit's (the corpus register's ids)."""
    if doc.get("ids") != "document":
        return SiteIds()
    return SiteIds((e.get("id"), site_id(stem, e.get("id"), e.get("uri"))) for e in doc.iterfind("e"))


def _readable(text: str, size: int) -> str:
    return slug(text)[:size].strip("-") or "x"


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
