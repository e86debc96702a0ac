"""Options travel as one frozen dataclass per stage, never as dozens of keywords."""

from __future__ import annotations

from dataclasses import dataclass

# Licences teikit can point to by name (availability/licence/@target): the one table.
LICENCE_URLS = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY-NC 4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC BY-NC-SA 4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def licence_url(licence: str | None) -> str | None:
    """The URL of a licence named in LICENCE_URLS, or the licence itself when it is an
    http(s) URL; None otherwise (the name is then shown without a link)."""
    if not licence:
        return None
    if licence.startswith(("https://", "http://")) and " " not in licence:
        return licence
    return LICENCE_URLS.get(licence.strip())


@dataclass(frozen=True)
class ConvertOptions:
    """What `convert` needs beyond the input files.

    Text and markup are licensed apart (docs/encoding.md, Availability): the article's
    text belongs to its publisher, so its licence is the one a NAME.meta.json sidecar
    or `licence` states, and unknown (said so in the header) when neither does; the
    markup is teikit's edition's, `markup_licence`."""

    publisher: str = "teikit digital edition"
    licence: str | None = None            # the text's licence, when the publisher gave one
    markup_licence: str = "CC BY 4.0"     # the TEI markup's (this edition's own work)
    # The language of every article (BCP 47; --language); None: each article's own, as
    # teikit.language decides it (a sidecar's "language" beats this either way).
    language: str | None = None
    # Date of the conversion recorded in revisionDesc; None keeps the output
    # free of any date not taken from the source (byte-identical rebuilds).
    conversion_date: str | None = None
    model_dir: str | None = None  # a trained NER model (issue 6); None: rules only
    validate: bool = True
    # Read inputs reached through a symbolic link (--follow-symlinks); by default each is skipped
    # with one warning, since a link may lead out of the input folders (to /etc/passwd).
    follow_symlinks: bool = False
