"""Authority identifiers (Wikidata) of listed places and organisations, by register key.

The gazetteers carry an id only where it is known for certain; the corpus register
(toolkit/register) and each article's standOff write it as a URI, <idno type="URI">
http://www.wikidata.org/entity/Q… (the Wikidata concept URI).
"""

from __future__ import annotations

from functools import lru_cache

from ..model import ORG, PLACE
from .gazetteers import default_gazetteers


WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


@lru_cache(maxsize=1)
def _wikidata_ids() -> dict[tuple[str, str], str]:
    gaz = default_gazetteers()
    ids = {(PLACE, p.name): p.wikidata for p in gaz.place_list if p.wikidata}
    ids.update({(ORG, o.name): o.wikidata for o in gaz.org_list if o.wikidata})
    return ids


def authority_ids(kind: str, key: str) -> list[tuple[str, str]]:
    """[(idno type, value)] for the entity of that kind and canonical name; [] when unknown."""
    value = _wikidata_ids().get((kind, key))
    return [("URI", WIKIDATA_ENTITY + value)] if value else []
