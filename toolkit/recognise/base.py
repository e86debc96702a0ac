"""The interface every recogniser implements, and how their results are combined.

A recogniser takes the whole text of one article (or any text) and returns
Mentions with character offsets into exactly that text. It is pure: the same
text and context give the same mentions, so conversion stays reproducible.

A recogniser may also be a `TwoStep`: `prepare(text, context)` does all the
work that does not read the corpus names (Context.known_names, own_names) and
returns it, picklable; `finish(text, prepared, context)` does the rest, so that
finish(text, prepare(text, c1), c2) == find(text, c2) whenever c1 and c2 differ
only in those names. convert recognises an article without the corpus names,
then again with them: a TwoStep does the second recognition's share only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import Mention


@dataclass(frozen=True)
class Context:
    """What a recogniser may know beyond the text itself.

    reference_date: the article's ISO publication date, to give a year to
      partial dates such as "31/7" (None: leave them as --MM-DD).
    author: the byline's author, a person for certain.
    known_names: (surface, type) pairs found elsewhere in the corpus in a
      first pass, so a name found once with a title is marked everywhere.
    own_names: the forms (keys and printed) of the names the text's own
      recognition found: a known name written alike (the same phrase key) is
      the text's own, not one found elsewhere, and is not looked for.
    language: the text's language (BCP 47, teikit.language), for a recogniser
      that serves several (the dates of any language read numeric dates as
      the language writes them); None: not known.
    """

    reference_date: str | None = None
    author: str | None = None
    known_names: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    own_names: frozenset[str] = field(default_factory=frozenset)
    language: str | None = None


@runtime_checkable
class Recogniser(Protocol):
    #: short ASCII name; encode writes resp="#ner-<name>" and declares it in appInfo
    name: str
    version: str

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        """Mentions in `text`, sorted by (start, -end); spans nest but never cross."""
        ...


@runtime_checkable
class TwoStep(Protocol):
    """A recogniser whose work that does not depend on the corpus names can be kept (see above)."""

    def prepare(self, text: str, context: Context = Context()):
        ...

    def finish(self, text: str, prepared, context: Context = Context()) -> list[Mention]:
        ...
