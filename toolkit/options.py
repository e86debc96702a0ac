"""Options travel as one frozen dataclass per stage, never as dozens of keywords."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConvertOptions:
    """What `convert` needs beyond the input files."""

    publisher: str = "teikit digital edition"
    licence: str = "CC BY 4.0"
    licence_url: str = "https://creativecommons.org/licenses/by/4.0/"
    # The language of every article (BCP 47; --language); None: each article's own, as
    # teikit.language decides it (a sidecar's "language" beats this either way).
    language: str | None = None
    # Date of the conversion recorded in revisionDesc; None keeps the output
    # free of any date not taken from the source (byte-identical rebuilds).
    conversion_date: str | None = None
    model_dir: str | None = None  # a trained NER model (issue 6); None: rules only
    validate: bool = True
