"""The site's ids of the register entries of a document with ids of its own (anyone's TEI:
xslt/site/data.xsl's ids="document"), which render/sitedata.py stores its entries under.

teikit's articles share the corpus register's ids; another project's document numbers its
entries as it likes ("p1" in every letter), so its entry is the document's own unless an
authority URI names it, and then it is the same entry in every document.
"""

from __future__ import annotations

import hashlib

from ..asciifold import slug


def site_id(stem: str, ident: str, uri: str | None) -> str:
    """The site's id of a register entry of a document with ids of its own (anyone's TEI,
    xslt/site/data.xsl): one named by an authority URI is the same entry in every document
    that names it ("uri-" + a slug of the URI and 10 hex digits of its SHA-1: a page name
    that two URIs never share); any other is the document's own ("<stem>.<xml:id>")."""
    if uri:
        readable = slug(uri.split("://", 1)[-1])[:_URI_SLUG_CHARS].strip("-")
        return f"uri-{readable}-{hashlib.sha1(uri.encode('utf-8')).hexdigest()[:10]}"
    return f"{stem}.{ident}"


_URI_SLUG_CHARS = 60
