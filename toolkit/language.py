"""The language of an article: the one place it is decided.

Contract: `decide(text, stated=…, option=…, declared=…)` returns a Decision:
the language (a BCP 47 tag, written to the text's xml:lang and the deposit
metadata), where it came from, and the warning line to print, if any. In order:

1. `stated`: the sidecar's "language" (NAME.meta.json), as written;
2. `option`: `--language` of convert and build, for every article of the batch
   (the sidecar, which speaks for one article, beats it);
3. `declared`: what the page itself declares (<html lang>, Content-Language),
   checked against the text: when the text is long enough and the detector is
   sure (CONTRADICTED) that it is another language, the detected language wins
   and the Decision carries a warning saying so; otherwise the declaration holds;
4. detection over the text (py3langid, whose model ships inside its wheel:
   nothing is downloaded): the detected language when the text has at least
   MIN_LETTERS letters and the detector's probability is at least CONFIDENT;
5. otherwise DEFAULT_LANGUAGE ("vi": teikit's corpus is Vietnamese news), so a
   short or ambiguous text is treated as the seed's articles always were.

Tags are compared by their primary subtag ("en-GB" agrees with "en"). The
model's labels that are written as another language (Wu and Cantonese as
Chinese, zh) are data, data/languages/aliases.tsv, and their probabilities add up; the languages teikit names,
and how each writes numeric dates and years (Thai's Buddhist Era: LanguageInfo.gregorian), are
data/languages/languages.tsv.
Detection is pure: the same text gives the same decision.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import ToolkitError
from .resources import language_dir, read_tsv

DEFAULT_LANGUAGE = "vi"
MIN_LETTERS = 40       # fewer letters than this: too short to tell
CONFIDENT = 0.80       # the detector's probability needed to take its answer
CONTRADICTED = 0.98    # ... and to overrule a page's own declaration
DETECT_CHARS = 20_000  # a news text tells its language well before this; the rest is not read
NO_LANGUAGE = "zxx"    # ISO 639-2: no linguistic content

# BCP 47, as far as xml:lang needs: a 2-3 letter primary subtag, then subtags of 1-8 letters or digits
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

# where the decision came from
STATED, OPTION, DECLARED, DETECTED, DEFAULT = "sidecar", "option", "declared", "detected", "default"


@dataclass(frozen=True)
class Decision:
    language: str
    source: str                       # STATED, OPTION, DECLARED, DETECTED or DEFAULT
    detected: str | None = None       # what the detector said, when it was asked
    confidence: float | None = None   # its probability
    warning: str | None = None        # one line (without the file name), when the text contradicted a declaration


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: str
    date_order: str  # "DMY", "MDY" or "-" (either: numeric dates stay without @when when ambiguous)
    era: tuple[int, int, int] | None = None  # (first, last, offset): languages.tsv's era (Thai: 2200, 2742, 543)

    def gregorian(self, year: int) -> int:
        """The Gregorian year of a year as the language writes it in a date: a year of its era
        less the era's offset (Thai 2567 is 2024), any other as written (2024)."""
        if self.era and self.era[0] <= year <= self.era[1]:
            return year - self.era[2]
        return year


def valid_tag(value: str) -> bool:
    return bool(_TAG.fullmatch(value or ""))


def normal_tag(value: str) -> str:
    """A tag as written to xml:lang: primary subtag lower case, a script title case and a region
    upper case ("en-GB", "zh-Hant-TW"), as BCP 47 writes them."""
    parts = value.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 and part.isalpha() else
                   part.title() if len(part) == 4 and part.isalpha() and len(out) == 1 else part)
    return "-".join(out)


def canonical_tag(value: str | None) -> str | None:
    """A language tag as BCP 47 writes it, its primary subtag the two-letter ISO 639-1 code where
    a three-letter ISO 639-2 code has one ("deu" and "ger" -> "de", "fre-CA" -> "fr-CA":
    data/languages/iso639.tsv, CLDR's aliases); None for a value that is no tag."""
    if not value or not valid_tag(value.strip()):
        return None
    tag = normal_tag(value)
    first, _, rest = tag.partition("-")
    first = _shortest().get(first, first)
    return f"{first}-{rest}" if rest else first


@lru_cache(maxsize=1)
def _shortest() -> dict[str, str]:
    return {row["code"]: row["shortest"] for row in _rows("iso639.tsv")}


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


@lru_cache(maxsize=1)
def _table() -> dict[str, LanguageInfo]:
    return {row["code"]: LanguageInfo(row["code"], row["name"], row["date_order"], _era(row))
            for row in _rows("languages.tsv")}


def _era(row: dict[str, str]) -> tuple[int, int, int] | None:
    """languages.tsv's era, FIRST-LAST:OFFSET ("2200-2742:543"), or None when the cell is empty."""
    if not row.get("era"):
        return None
    match = re.fullmatch(r"([0-9]{4})-([0-9]{4}):([0-9]{1,4})", row["era"])
    if not match or int(match.group(1)) > int(match.group(2)):
        raise ToolkitError(f"era of {row['code']!r} is {row['era']!r}, not FIRST-LAST:OFFSET", path="languages.tsv")
    first, last, offset = map(int, match.groups())
    return first, last, offset


def gregorian_date(iso: str, tag: str) -> str | None:
    """An ISO date ("2567-03-05", "2567-03") read from a text in the language, its year made
    Gregorian ("2024-03-05"); None when the day is then none (29 February of a common year)."""
    year = info(tag).gregorian(int(iso[:4]))
    if year == int(iso[:4]):
        return iso
    moved = f"{year:04d}{iso[4:]}"
    try:
        if len(moved) == 10:
            _dt.date.fromisoformat(moved)
    except ValueError:
        return None
    return moved


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {row["detected"]: row["written"] for row in _rows("aliases.tsv")}


def _rows(name: str) -> list[dict[str, str]]:
    return read_tsv(language_dir() / name)


def info(tag: str) -> LanguageInfo:
    """What teikit knows of a language (by its primary subtag); an unlisted one by its code."""
    code = primary(tag)
    return _table().get(code) or LanguageInfo(code, code, "-")


def name_of(tag: str) -> str:
    """'English (en)', 'Vietnamese (vi)', or the bare code for a language teikit does not name."""
    known = info(tag)
    return f"{known.name} ({tag})" if known.name != known.code else tag


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy and the model: only when needed

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def has_letters(text: str, count: int) -> bool:
    """Whether the text holds at least `count` letters (it stops counting there: a news text
    reaches MIN_LETTERS in its first line, and counting all 20,000 characters cost more than
    the rest of the language decision but the detector)."""
    if count <= 0:
        return True
    for c in text:
        if c.isalpha():
            count -= 1
            if not count:
                return True
    return False


def detect(text: str) -> tuple[str | None, float]:
    """(language, probability) the detector gives the text, None when the text has too few
    letters to tell or no linguistic content."""
    sample = text[:DETECT_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return None, 0.0
    aliases, merged = _aliases(), {}
    for label, probability in _identifier().rank(sample):  # labels written as one language add up
        written = aliases.get(label, label)
        merged[written] = merged.get(written, 0.0) + probability
    label = max(merged, key=lambda code: (merged[code], code))
    return (None if label == NO_LANGUAGE else label), round(float(merged[label]), 4)


def decide(text: str, *, stated: str | None = None, option: str | None = None,
           declared: str | None = None) -> Decision:
    """The article's language; see the module's contract for the order."""
    if stated:
        return Decision(normal_tag(stated), STATED)
    if option:
        return Decision(normal_tag(option), OPTION)
    detected, probability = detect(text)
    if declared and valid_tag(declared):
        declared = normal_tag(declared)
        if detected and probability >= CONTRADICTED and primary(detected) != primary(declared):
            return Decision(detected, DETECTED, detected, probability,
                            f"the page declares its language {name_of(declared)}, but its text is "
                            f"{name_of(detected)} (probability {probability:.2f}): written as {detected}")
        return Decision(declared, DECLARED, detected, probability)
    if detected and probability >= CONFIDENT:
        return Decision(detected, DETECTED, detected, probability)
    return Decision(DEFAULT_LANGUAGE, DEFAULT, detected, probability)
