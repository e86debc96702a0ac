"""What the tests of the capitals recogniser read of it, one language's recogniser at a time
(tests/test_recognise_capitals*.py): `names, surfaces, dates = readers("es")`, and two articles
of a language converted together (`converted_pair`)."""

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


def converted_pair(folder, code: str, first: str, second: str) -> tuple[str, str]:
    """The TEI (text) of two articles of language `code` converted in one batch (a name the first
    gives is known to the second): a.txt and b.txt under folder/src, their TEI under folder/tei."""
    from teikit.convert import convert_paths
    from teikit.options import ConvertOptions

    (folder / "src").mkdir()
    (folder / "src" / "a.txt").write_text(first, encoding="utf-8")
    (folder / "src" / "b.txt").write_text(second, encoding="utf-8")
    report = convert_paths([folder / "src"], folder / "tei", ConvertOptions(language=code))
    assert report.ok, report.failures
    return tuple((folder / "tei" / f"{stem}.xml").read_text(encoding="utf-8") for stem in ("a", "b"))
