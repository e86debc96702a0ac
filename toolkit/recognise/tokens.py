"""Syllable tokens of a text, with what the rules ask of them: case, gaps, sentence starts.

Vietnamese writes one syllable per space-separated token, so the rules work on
runs of tokens. Before tokenising, tone-mark placement is folded to one
convention ("hoà" → "hòa", "Uỷ" → "Ủy", "khoẻ" → "khỏe"): both are in print
and must match the same gazetteer entry and give the same key. Folding swaps
two characters and never changes the length, so offsets into the folded text
are offsets into the original.

Between two tokens lies a *gap*; its class is " " for plain spaces, "" for
nothing at all, "-" for a dash with or without spaces, None when the gap holds
a line break (a name never runs across blocks), else the punctuation without
its spaces ("." in "TP.HCM" and in "TP. HCM", "," after a comma).

The CRF reads the same split of the same folded text (`sequences`), one
difference for one reason: its punctuation is tokens of their own (each
non-space character of a gap), because the model's features look at quotes,
colons and full stops as neighbours, where the rules ask for the class of the
gap. A line break ends the CRF's sequence as it ends a rules name. So the
CRF's gazetteer features and the rules match the same folded syllables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _fold_table() -> dict[str, str]:
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            new = unicodedata.normalize("NFC", first + tone) + second
            for case in (str.lower, str.capitalize, str.upper):
                table[case(old)] = case(new)
    return table


_FOLD = _fold_table()
# Only at the end of a syllable ("hoàn" keeps its mark on a) and never after q ("quý": u
# belongs to the consonant). The q test is done in _unfolded, not by a lookbehind, so the
# pattern starts with a character set and the regex engine skips to its candidates quickly.
_FOLD_RE = re.compile("(?:" + "|".join(sorted(_FOLD, key=len, reverse=True)) + r")(?!\w)")
_WORDS_RE = re.compile(r"(\w+)")
_DASHES = frozenset("-–—")
# Gap text that glues two tokens into one written unit ("TP.HCM", "GD&ĐT", "09-CT/TW").
_GLUE = frozenset({"", ".", "-", "/", "&", "_", "'", "’"})
_SENTENCE_END = frozenset(".!?…:;“\"«(")


def fold(text: str) -> str:
    """`text` with one tone-mark placement (same length, same offsets)."""
    def _unfolded(m):
        at = m.start()
        return m.group() if at and text[at - 1] in "qQ" else _FOLD[m.group()]

    return _FOLD_RE.sub(_unfolded, text)


def gap_class(gap: str) -> str | None:
    if gap == " ":
        return " "
    if "\n" in gap:
        return None
    stripped = gap.strip()
    if not stripped:
        return " " if gap else ""
    if stripped in _DASHES:
        return "-"
    return stripped


class _GapClasses(dict):
    """gap text -> gap_class, remembered (news text has few distinct gaps)."""

    def __missing__(self, gap: str):
        value = gap_class(gap)
        if len(gap) < 8:
            self[gap] = value
        return value


_GAP_CLASSES = _GapClasses()


class Tokens:
    """The syllable tokens of one text: parallel lists indexed by token number.

    Made once per text with one regex split; what the rules ask of every token
    (lower case, capitalised, name-like) is computed here once, as lists, so the
    rules' loops index lists instead of calling methods.
    """

    __slots__ = ("text", "folded", "starts", "ends", "words", "low", "gaps", "glue", "n",
                 "caps", "titles", "_low_seq", "_word_seq", "_positions")

    def __init__(self, text: str):
        self.text = text
        self.folded = folded = fold(text)
        parts = _WORDS_RE.split(folded)  # gap, word, gap, word, …, gap
        self.words = words = parts[1::2]
        self.n = n = len(words)
        offsets = list(accumulate(map(len, parts)))
        self.starts = offsets[0:2 * n:2]
        self.ends = offsets[1::2]
        self.low = [w.lower() for w in words]
        raw = parts[2:-1:2]
        self.gaps = list(map(_GAP_CLASSES.__getitem__, raw))
        self.gaps.append(None)
        self.glue = [g in _GLUE for g in raw]
        self.glue.append(False)
        self.caps = [w[0].isupper() for w in words]
        self.titles = [c and (len(w) == 1 or w[1:].islower()) for c, w in zip(self.caps, words)]
        self._low_seq = self._word_seq = self._positions = None

    def where(self, firsts) -> list[int]:
        """Sorted numbers of the tokens whose lower-case form is in `firsts` (a dict or set,
        such as a PhraseIndex's `first`): the only tokens where a gazetteer can match, found
        by one set intersection instead of a look at every token."""
        positions = self._positions
        if positions is None:
            positions = self._positions = {}
            for i, w in enumerate(self.low):
                at = positions.get(w)
                if at is None:
                    positions[w] = [i]
                else:
                    at.append(i)
        # a dict's keys view, not the dict, so the smaller side is the one iterated
        hits = positions.keys() & (firsts.keys() if isinstance(firsts, dict) else firsts)
        if not hits:
            return []
        if len(hits) == 1:
            return positions[next(iter(hits))]
        out = [i for w in hits for i in positions[w]]
        out.sort()
        return out

    def low_seq(self) -> list:
        """[low 0, gap 0, low 1, gap 1, …]: a phrase key matches at token i when
        low_seq()[2i:2i+len(key)] equals it (gazetteers.PhraseIndex)."""
        if self._low_seq is None:
            seq = [None] * (2 * self.n)
            seq[0::2], seq[1::2] = self.low, self.gaps
            self._low_seq = seq
        return self._low_seq

    def word_seq(self) -> list:
        """Like low_seq() with the words as written (case-sensitive lookups)."""
        if self._word_seq is None:
            seq = [None] * (2 * self.n)
            seq[0::2], seq[1::2] = self.words, self.gaps
            self._word_seq = seq
        return self._word_seq

    # --- questions the rules ask -------------------------------------------------

    def cap(self, i: int) -> bool:
        """Starts with a capital letter."""
        return self.caps[i]

    def title(self, i: int) -> bool:
        """Capitalised like a name syllable: "Quang", "Đại" (not "MTTQVN", not "31")."""
        return self.titles[i]

    def acronym(self, i: int) -> bool:
        w = self.words[i]
        return len(w) > 1 and w.isupper()

    def lower(self, i: int) -> bool:
        return self.words[i].islower()

    def joined(self, i: int) -> bool:
        """Token i and token i+1 are separated by plain spaces only."""
        return self.gaps[i] == " "

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.gaps[i - 1]
        return gap is None or any(c in _SENTENCE_END for c in gap)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens i..j-1."""
        return self.starts[i], self.ends[j - 1]

    def surface(self, i: int, j: int) -> str:
        """The folded text of tokens i..j-1 with runs of white space made one space."""
        return " ".join(self.folded[self.starts[i]:self.ends[j - 1]].split())


def _key(phrase: str, lower: bool) -> tuple:
    """(syllable, gap class, syllable, …) of a phrase, as Tokens would give them, without
    building Tokens (names found in an article are keyed by the hundred)."""
    parts = _WORDS_RE.split(fold(unicodedata.normalize("NFC", phrase)))
    n = len(parts) // 2
    if not n:
        return ()
    key: list = [None] * (2 * n - 1)
    key[0::2] = [w.lower() for w in parts[1::2]] if lower else parts[1::2]
    key[1::2] = [_GAP_CLASSES[g] for g in parts[2:-1:2]]
    return tuple(key)


@lru_cache(maxsize=4096)
def phrase_key(phrase: str) -> tuple:
    """A phrase as (syllable, gap, syllable, …), lower-cased and folded, for gazetteer lookups."""
    return _key(phrase, True)


def words(text: str) -> list[str]:
    """The words of Tokens(text) (`Tokens.words`: the folded syllables as written, in order),
    without the rest of what Tokens works out."""
    return _WORDS_RE.findall(fold(text))


def syllables(text: str) -> set[str]:
    """The syllables of a text as phrase keys hold them (lower-cased and folded): _key's, without
    the gaps between them (a whole article's, for its register state)."""
    return set(map(str.lower, words(unicodedata.normalize("NFC", text))))


@lru_cache(maxsize=1024)
def exact_key(phrase: str) -> tuple:
    """Like phrase_key but keeping case (for abbreviations: "TP" is not "tp")."""
    return _key(phrase, False)


# --- the CRF's view: syllables and punctuation characters, one sequence per line ----------


@dataclass(frozen=True)
class Token:
    """A syllable or one punctuation character; `text` is the folded text[start:end]."""

    text: str
    start: int
    end: int


def _crf_tokens(text: str):
    """Tokens of `text` in order, None at each line break (the split Tokens makes)."""
    pos = 0
    for k, part in enumerate(_WORDS_RE.split(fold(text))):
        if k % 2:
            yield Token(part, pos, pos + len(part))
        elif part != " ":
            for offset, char in enumerate(part):
                if char == "\n":
                    yield None
                elif not char.isspace():
                    yield Token(char, pos + offset, pos + offset + 1)
        pos += len(part)


def tokenize(text: str) -> list[Token]:
    """Every token of `text`, across lines."""
    return [token for token in _crf_tokens(text) if token is not None]


def sequences(text: str) -> list[list[Token]]:
    """Token sequences, one per line/paragraph: the CRF labels one paragraph at a time."""
    result, current = [], []
    for token in _crf_tokens(text):
        if token is not None:
            current.append(token)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def bio_tags(tokens: list[Token], spans) -> list[str]:
    """BIO tags for `tokens` from non-crossing (start, end, label) spans; a token belongs to
    the span its first character is in."""
    tags = ["O"] * len(tokens)
    ordered = sorted(spans)
    j = 0
    for i, tok in enumerate(tokens):
        while j < len(ordered) and ordered[j][1] <= tok.start:
            j += 1
        if j < len(ordered) and ordered[j][0] <= tok.start < ordered[j][1]:
            start, _, label = ordered[j]
            first = i == 0 or tokens[i - 1].start < start
            tags[i] = ("B-" if first else "I-") + label
    return tags


def spans_from_tags(tokens: list[Token], tags: list[str]) -> list[tuple[int, int, str, int, int]]:
    """(start, end, label, first token index, last token index + 1) for each B/I run."""
    found, i = [], 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O":
            i += 1
            continue
        label = tag[2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        found.append((tokens[i].start, tokens[j - 1].end, label, i, j))
        i = j
    return found
