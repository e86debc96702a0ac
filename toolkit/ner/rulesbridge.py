"""The ner tools' view of the default rules recogniser and its gazetteers.

The CRF uses the rules recogniser's own labels and the rules' gazetteers as
features, so training and tagging must see the same recogniser; both go
through this one module.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import RecogniseError
from ..recognise.base import Recogniser
from .features import GAZETTEER_KINDS, Gazetteers


def default_rules() -> Recogniser:
    """The default rules recogniser (toolkit.recognise.rules)."""
    try:
        from ..recognise.rules import default_recogniser
    except ImportError as exc:  # only while the rules module is missing from a broken install
        raise RecogniseError(f"the rules recogniser cannot be loaded: {exc}") from None
    return default_recogniser()


@lru_cache(maxsize=1)
def default_gazetteers() -> Gazetteers:
    """Family names, places, org head words and role words from the rules' gazetteers."""
    try:
        from ..recognise import gazetteers as source
    except ImportError:
        return Gazetteers({})
    lists = {}
    loader = getattr(source, "gazetteer_lists", None)
    if callable(loader):
        lists = {kind: list(entries) for kind, entries in loader().items() if kind in GAZETTEER_KINDS}
    return Gazetteers.from_lists(lists)
