"""A web page's headline, when trafilatura took a part of its <title> for it (ingest/html.py uses it).

A <title> names the site beside the headline ("Northern Post - Rail strike called off", "Rail
strike called off | Northern Post"), parted by a separator set apart by white space (SEPARATOR_RE,
trafilatura's). Without an h1 or a title meta tag trafilatura takes the <title>'s first part for the
title, which is the site's name as often as not. When its title is parts of the <title> (or the
site's name), the headline is, of the <title>'s parts that are not the site's name (og:site_name,
a publisher's name: trafilatura's sitename, any case):

    0. trafilatura's title itself when the page also gives it as its headline (an h1, og:title,
       twitter:title: "Kiev – the city that never sleeps" is whole),
    1. one the page also gives as its headline (an h1, og:title, twitter:title: strong evidence),
    2. else, when the first or last part is the site's name, the rest as printed,
    3. else the longest (a site's name is shorter than a headline).

Any other title trafilatura gives (an h1, a title meta tag) is the title as it is.
"""

from __future__ import annotations

import re

from .htmltext import text_of as _text

SEPARATOR_RE = re.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+")
# in the page (HTML)
TITLE_XPATH = "//head//title"
HEADLINE_XPATH = "//h1"
HEADLINE_META = frozenset({"og:title", "twitter:title"})  # property or name of a meta tag


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _headlines(tree) -> set[str]:
    """What the page gives as its headline besides its <title>, as keys."""
    found = {_key(_text(h1)) for h1 in tree.xpath(HEADLINE_XPATH)}
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in HEADLINE_META:
            found.add(_key(meta.get("content")))
    return found - {""}


def _runs(printed: str) -> set[str]:
    """The keys of every run of the <title>'s parts, as printed ("A - B" of "A - B - C": trafilatura cuts
    at the last separator)."""
    cuts = list(SEPARATOR_RE.finditer(printed))
    starts, ends = [0, *(c.end() for c in cuts)], [*(c.start() for c in cuts), len(printed)]
    return {_key(printed[start:end]) for i, start in enumerate(starts) for end in ends[i:]}


def headline(tree, title: str | None, site: str | None) -> str | None:
    """The page's headline (the module contract); `title` and `site` are trafilatura's."""
    element = next(iter(tree.xpath(TITLE_XPATH)), None)
    printed = " ".join(_text(element).split()) if element is not None else ""
    parts = SEPARATOR_RE.split(printed)
    keys = [_key(part) for part in parts]
    if len(parts) < 2 or not title or (_key(title) not in _runs(printed) and _key(title) != _key(site)):
        return title
    named = [part for part, key in zip(parts, keys) if key and key != _key(site)]
    given = _headlines(tree)
    if not named or _key(title) in given:  # the page gives it as its headline: a dash of its own is in it
        return title
    if evidenced := [part for part in named if _key(part) in given]:
        return max(evidenced, key=len)
    if site and _key(site) in (keys[0], keys[-1]):
        cut = list(SEPARATOR_RE.finditer(printed))
        return printed[cut[0].end():] if keys[0] == _key(site) else printed[:cut[-1].start()]
    return max(named, key=len)
