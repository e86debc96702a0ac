"""Write toolkit/data/languages/iso639.tsv from the Unicode CLDR language aliases in Babel.

A document may name its language by a three-letter ISO 639-2 code ("deu", "ger", "fre": a
TEI header's langUsage, as the Deutsches Textarchiv writes it), which BCP 47 writes with the
two-letter ISO 639-1 code where there is one ("de", "fr"). This writes CLDR's aliases of that
kind, code -> its two-letter code. Run it by hand when Babel's CLDR changes; nothing reads
Babel at run time (it is not a dependency of teikit):

    python -m pip install babel && python tools/make_language_codes.py
"""

from __future__ import annotations

import os
from pathlib import Path

from babel import __version__ as babel_version
from babel.core import get_global

OUT = Path(__file__).resolve().parent.parent / "toolkit" / "data" / "languages" / "iso639.tsv"


def main() -> int:
    aliases = get_global("language_aliases")
    rows = sorted((code, short) for code, short in aliases.items()
                  if len(code) == 3 and code.isalpha() and code.islower() and len(short) == 2 and short.isalpha())
    lines = ["# Three-letter ISO 639-2 language codes and the two-letter ISO 639-1 code BCP 47 writes",
             "# them with: the Unicode CLDR language aliases as shipped in Babel " + babel_version + ";",
             "# made by tools/make_language_codes.py. CLDR data: Unicode License v3",
             "# (https://www.unicode.org/license.txt). Read by teikit.language.canonical_tag.",
             "code\tshortest"]
    lines += [f"{code}\t{short}" for code, short in rows]
    partial = OUT.with_name(OUT.name + ".part")  # then renamed: never a half-written data file
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(partial, OUT)
    print(f"{len(rows)} codes written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
