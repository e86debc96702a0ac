"""Write toolkit/data/gazetteers/countries.tsv from the Unicode CLDR territory names in Babel.

The gazetteer's hand-compiled places.tsv names the countries Vietnamese news mentions
most; this adds every other ISO 3166 country and territory under its CLDR Vietnamese name,
with the English name as an alias. Run it by hand when Babel's CLDR changes; nothing reads
Babel at run time (it is not a dependency of teikit):

    python -m pip install babel && python tools/make_countries.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from babel import Locale, __version__ as babel_version

ROOT = Path(__file__).resolve().parent.parent
GAZETTEERS = ROOT / "toolkit" / "data" / "gazetteers"
# Not countries (EU, UN, the euro area, pseudo-regions) or names more often a person's first name.
SKIP_CODES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}
SKIP_NAMES = {"Jordan", "Chad"}


def listed_names() -> set[str]:
    names = set()
    for line in (GAZETTEERS / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        fields = line.split("\t")
        names.add(fields[0].lower())
        names.update(alias.lower() for alias in fields[3].split("|") if alias)
    return names


def main() -> int:
    vi, en = Locale("vi").territories, Locale("en").territories
    listed = listed_names()
    rows = []
    for code in sorted(vi):
        if len(code) != 2 or not code.isalpha() or code in SKIP_CODES:
            continue
        name = unicodedata.normalize("NFC", vi[code])
        english = unicodedata.normalize("NFC", en.get(code, ""))
        if name.lower() in listed or name in SKIP_NAMES or english in SKIP_NAMES:
            continue
        alias = english if english and english != name and english.lower() not in listed else ""
        rows.append(f"{name}\t{alias}\t{code}")
    header = [
        "# Countries and territories not in places.tsv, under their Vietnamese names, the English",
        "# name as an alias (|-separated), and the ISO 3166-1 alpha-2 code.",
        f"# Source: Unicode CLDR territory names as shipped in Babel {babel_version}; made by",
        "# tools/make_countries.py. CLDR data: Unicode License v3 (https://www.unicode.org/license.txt).",
        "name\taliases\tiso",
    ]
    (GAZETTEERS / "countries.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"countries.tsv: {len(rows)} countries and territories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
