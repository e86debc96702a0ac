"""What the tests of the capitals recogniser read of it, one language's recogniser at a time
(tests/test_recognise_capitals*.py): `names, surfaces, dates = readers("es")`."""

from __future__ import annotations

from teikit.recognise import Context
from teikit.recognise.capitals import CapitalsRecogniser


def readers(code: str):
    """(names, surfaces, dates) of the language's recogniser:
    names(text, **context): (type, surface, key, cert) of every name found, in order (dates left out);
    surfaces(text): (type, surface) of each;
    dates(text, reference_date=None): (surface, attributes) of every date."""
    recogniser = CapitalsRecogniser(code)

    def names(text: str, **context) -> list[tuple[str, str, str, float]]:
        return [(m.type, m.surface(text), m.key, m.cert) for m in recogniser.find(text, Context(**context))
                if m.type != "date"]

    def surfaces(text: str) -> list[tuple[str, str]]:
        return [(kind, surface) for kind, surface, _, _ in names(text)]

    def dates(text: str, reference_date: str | None = None) -> list[tuple[str, dict]]:
        return [(m.surface(text), dict(m.attrs)) for m in recogniser.find(text, Context(reference_date=reference_date))
                if m.type == "date"]

    return names, surfaces, dates
