"""Deterministic ASCII identifiers: the same name gives the same id in every article."""

from __future__ import annotations

import hashlib
import re

from ..asciifold import fold, slug as ascii_slug

MAX_SLUG = 60
_NON_STEM_RE = re.compile(r"[^A-Za-z0-9_.-]")


def slug(name: str) -> str:
    """The register-id form of a name (asciifold.slug), at most MAX_SLUG characters:
    a longer one is cut and ends with a hash of the whole name, so ids stay distinct."""
    base = ascii_slug(name) or "x"
    if len(base) <= MAX_SLUG:
        return base
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{base[:MAX_SLUG - 9].rstrip('-')}-{digest}"


def entity_id(prefix: str, key: str) -> str:
    return f"{prefix}-{slug(key)}"


def disambiguated(prefix: str, key: str) -> str:
    """For two keys of one article that fold to the same slug: add the key's hash."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{entity_id(prefix, key)[: MAX_SLUG - 9 + len(prefix) + 1].rstrip('-')}-{digest}"


def document_id(stem: str) -> str:
    return "doc-" + _NON_STEM_RE.sub("-", fold(stem))
