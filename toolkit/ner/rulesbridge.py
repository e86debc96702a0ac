"""The ner tools' view of the default rules recogniser and its gazetteers.

The CRF uses the rules recogniser's own labels and the rules' gazetteers as
features, so training and tagging must see the same recogniser; both go
through this one module.
"""

from __future__ import annotations

from functools import lru_cache

from ..recognise.base import Recogniser
from .features import GAZETTEER_KINDS, Gazetteers


def default_rules() -> Recogniser:
    """The default rules recogniser (teikit.recognise.rules)."""
    from ..recognise.rules import default_recogniser  # (imported late: it loads the gazetteers' modules)

    return default_recogniser()


@lru_cache(maxsize=1)
def default_gazetteers() -> Gazetteers:
    """Family names, places, org head words and role words from the rules' gazetteers."""
    from ..recognise.gazetteers import gazetteer_lists

    return Gazetteers.from_lists({kind: entries for kind, entries in gazetteer_lists().items()
                                  if kind in GAZETTEER_KINDS})
