"""Deterministic ASCII identifiers: the same name gives the same id in every article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 60
_NON_SLUG_RE = re.compile(r"[^a-z0-9]+")
_NON_STEM_RE = re.compile(r"[^A-Za-z0-9_.-]")


def ascii_fold(text: str) -> str:
    """Vietnamese (and other Latin) letters without their diacritics; đ becomes d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(name: str) -> str:
    base = _NON_SLUG_RE.sub("-", ascii_fold(name).lower()).strip("-") or "x"
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
    return "doc-" + _NON_STEM_RE.sub("-", ascii_fold(stem))
