"""Write toolkit/data/languages/names/<code>_places.tsv from the Unicode CLDR territory names in Babel.

The names recogniser of a language written with capitals (teikit.recognise.capitals) knows
the world's countries and regions by the names this writes: CLDR's name of every ISO 3166
country and territory and of the continents and world regions, in the language, with
CLDR's short and variant names beside. Run it by hand when Babel's CLDR changes; nothing
reads Babel at run time (it is not a dependency of teikit):

    python -m pip install babel && python tools/make_name_places.py en
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale, __version__ as babel_version

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "toolkit" / "data" / "languages" / "names"
# Not places (the EU and the UN are organisations; the euro area, unknown and pseudo-regions), and
# names that are more often a person's (the name recogniser would take "Jordan Smith" for a place;
# in French, "Maurice" and "Dominique" are given names before they are Mauritius and Dominica; in
# Spanish, "Mauricio" and "Guadalupe" are given names and "Diego García" a person's whole name), or
# a common noun written with a capital where a sentence opens (Spanish "Reunión", a meeting).
SKIP_CODES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "001"}
SKIP_NAMES = {"Jordan", "Chad", "Georgia", "Maurice", "Dominique",
              "Mauricio", "Guadalupe", "Diego García", "Reunión"}
# The same, for one language only (English and French write "Diego Garcia" for the island, which
# Portuguese, Italian and Indonesian write too, a person's whole name there; Portuguese "Maurício" is a given name first,
# "Reunião" a meeting where a sentence opens, and European Portuguese "Salvador", El Salvador, the
# Brazilian city of the hand-compiled list; Italian "Riunione" is a meeting where a sentence opens; Dutch
# writes "Diego Garcia" for the island, a person's whole name there too, and so does German; Indonesian "Dunia", CLDR's World,
# is the word "world" inside names of other things ("Bank Dunia", "Piala Dunia"), and "Jersey" a football
# shirt where a sentence opens).
SKIP_NAMES_OF = {"pt": {"Maurício", "Reunião", "Diego Garcia", "Salvador"}, "it": {"Riunione", "Diego Garcia"},
                 "nl": {"Diego Garcia"}, "de": {"Diego Garcia"}, "id": {"Dunia", "Diego Garcia", "Jersey"}}
# The regional CLDR locales whose names a language's list holds too, after the language's own
# (European Portuguese spells many countries otherwise than Brazilian: "Irão", "Quénia").
ALSO_LOCALES = {"pt": ("pt_PT",)}


def rows(code: str) -> list[tuple[str, str]]:
    skip = SKIP_NAMES | SKIP_NAMES_OF.get(code, set())
    out = {}
    for locale in (code, *ALSO_LOCALES.get(code, ())):
        for key, name in Locale.parse(locale).territories.items():
            base = key.split("-")[0]
            if base in SKIP_CODES or (not base.isalpha() and len(base) != 3):
                continue
            if " - " in name or "(" in name or name in skip:  # "Congo - Kinshasa": a name no text writes
                continue
            out.setdefault(name, base)
    return sorted(out.items(), key=lambda item: (item[1], item[0]))


def main(argv: list[str]) -> int:
    code = argv[1] if len(argv) > 1 else "en"
    also = "".join(f" and {locale}" for locale in ALSO_LOCALES.get(code, ()))
    lines = [f"# Countries, territories and world regions in {code}{also}: the Unicode CLDR names (with their short",
             "# and variant forms) as shipped in Babel " + babel_version + "; made by tools/make_name_places.py.",
             "# CLDR data: Unicode License v3 (https://www.unicode.org/license.txt). Read by",
             "# teikit.recognise.capitals as places; a hand-compiled list of more places is in " + f"{code}.tsv.",
             "name\tcode"]
    lines += [f"{name}\t{key}" for name, key in rows(code)]
    (NAMES / f"{code}_places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
