"""Deterministic ASCII identifiers: the same name gives the same id in every article, and
names that differ only in their diacritics (`Bùi Tiến Dụng`, `Bùi Tiến Dũng`) different ids:
the slug keeps the marks as VNI digits (asciifold.marked_slug), and a name with a mark or
letter that has none ends in a hash of the name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..asciifold import fold, marked_slug

MAX_SLUG = 60
_NON_STEM_RE = re.compile(r"[^A-Za-z0-9_.-]")


@lru_cache(maxsize=1 << 16)  # a pure function of the name, and a corpus names the same people again and again
def slug(name: str) -> str:
    """The register-id form of a name (asciifold.marked_slug), at most MAX_SLUG characters:
    a longer one, or one whose marks could not all be written, is cut and ends with a hash
    of the whole name, so ids stay distinct."""
    base, lossless = marked_slug(name)
    base = base or "x"
    if len(base) <= MAX_SLUG and lossless:
        return base
    digest = hashlib.sha1(unicodedata.normalize("NFC", name).lower().encode("utf-8")).hexdigest()[:8]
    return f"{base[:MAX_SLUG - 9].rstrip('-')}-{digest}"


def entity_id(prefix: str, key: str) -> str:
    return f"{prefix}-{slug(key)}"


def disambiguated(prefix: str, key: str) -> str:
    """For two keys of one article that fold to the same slug: add the key's hash."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{entity_id(prefix, key)[: MAX_SLUG - 9 + len(prefix) + 1].rstrip('-')}-{digest}"


def document_id(stem: str) -> str:
    """`doc-` and the file's stem, when it is all ASCII letters, digits, `_`, `.` and `-`; else its
    folded ASCII form and a hash of the stem as written, so that two files whose stems fold alike
    ("a b", "a-b"; "Huế" composed and decomposed) get two ids."""
    ascii_stem = _NON_STEM_RE.sub("-", fold(stem))
    if ascii_stem == stem:
        return "doc-" + stem
    return f"doc-{ascii_stem}-{hashlib.sha1(stem.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
