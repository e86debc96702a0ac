"""Token features for the CRF: form, shape, affixes, gazetteers, neighbours, and the rules' opinion.

Computed alike when a model is trained (teikit.ner.train) and when it tags
(crf.CrfRecogniser), over the tokens of tokens.sequences: the folded syllables
the rules read, punctuation as tokens of its own. The gazetteer phrases are
the rules' own lists (`feature_gazetteers`), tokenised the same way.

FEATURE_SET_VERSION is stored in every model's meta.json; change it whenever
the features below change, so an old model is refused rather than silently
fed features it never saw. Set 4 is set 3 read from the rules' tokeniser:
the folded syllable where set 3 (its own tokeniser) took the spelling as
written, "a_b" one token where set 3 made three, a combining mark left after
NFC a token of its own; on text with none of these the features are the
same (every annotated set in tests/data gives byte-identical models).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Mention
from .gazetteers import gazetteer_lists
from .labels import MENTION_TYPE_TO_LABEL
from .tokens import Token, tokenize

FEATURE_SET_VERSION = "4"
GAZETTEER_KINDS = ("family", "place", "orghead", "role")
_MAX_PHRASE = 8


@dataclass(frozen=True)
class Gazetteers:
    """Lower-cased phrases (tuples of syllables) per kind: family names, places, org head words, roles."""

    phrases: dict = field(default_factory=dict)  # kind -> frozenset[tuple[str, ...]]

    @classmethod
    def from_lists(cls, lists: dict) -> "Gazetteers":
        phrases = {}
        for kind, entries in lists.items():
            phrases[kind] = frozenset(
                tuple(t.text.lower() for t in tokenize(entry)) for entry in entries if entry and entry.strip()
            )
        return cls(phrases)

    def size(self) -> dict:
        return {kind: len(self.phrases.get(kind, ())) for kind in GAZETTEER_KINDS}


@lru_cache(maxsize=1)
def feature_gazetteers() -> Gazetteers:
    """Family names, places, org head words and role words from the rules' gazetteers."""
    return Gazetteers.from_lists({kind: entries for kind, entries in gazetteer_lists().items()
                                  if kind in GAZETTEER_KINDS})


_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_REPEAT = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    shape = _LETTER.sub(lambda m: "X" if m.group().isupper() else "x", word)
    shape = _DIGIT.sub("d", shape)
    return _REPEAT.sub(r"\1\1", shape)[:6]


def _case(word: str) -> str:
    if word.isdigit():
        return "digit"
    if not any(c.isalpha() for c in word):
        return "punct"
    if word.isupper():
        return "upper" if len(word) > 1 else "init"
    if word[0].isupper():
        return "init"
    return "lower" if word.islower() else "mixed"


def gazetteer_tags(lowered: list[str], gaz: Gazetteers) -> list[list[str]]:
    """Per token, 'B-kind'/'I-kind' for the longest gazetteer phrase of each kind covering it."""
    tags: list[list[str]] = [[] for _ in lowered]
    for kind in GAZETTEER_KINDS:
        entries = gaz.phrases.get(kind)
        if not entries:
            continue
        i = 0
        while i < len(lowered):
            for n in range(min(_MAX_PHRASE, len(lowered) - i), 0, -1):
                if tuple(lowered[i:i + n]) in entries:
                    tags[i].append("B-" + kind)
                    for k in range(i + 1, i + n):
                        tags[k].append("I-" + kind)
                    i += n
                    break
            else:
                i += 1
    return tags


def rules_tags(tokens: list[Token], mentions: list[Mention]) -> list[tuple[str, str]]:
    """Per token, the rules recogniser's (name/date tag, role/abbr tag) in BIO form.

    The name tag follows the outermost person/org/place/date mention covering the
    token; role and abbreviation marks are a separate feature because they nest
    around or inside names.
    """
    names = sorted(((m.start, m.end, MENTION_TYPE_TO_LABEL[m.type]) for m in mentions if m.type in MENTION_TYPE_TO_LABEL),
                   key=lambda s: (s[0], -s[1]))
    other = sorted(((m.start, m.end, m.type) for m in mentions if m.type not in MENTION_TYPE_TO_LABEL),
                   key=lambda s: (s[0], -s[1]))
    result = []
    for tok in tokens:
        result.append((_cover(names, tok), _cover(other, tok)))
    return result


def mentions_per_sequence(token_sequences, mentions: list[Mention]) -> list[list[Mention]]:
    """For each token sequence of one text (in text order), the mentions that overlap it, in
    their given order: what `rules_tags` of that sequence can use (a mention that does not
    overlap a sequence covers none of its tokens), so tagging a text's paragraphs one by one
    costs time linear in the text, not in paragraphs times mentions. One sweep."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out: list[list[Mention]] = []
    open_: list[int] = []  # mentions begun before the current sequence's end and not yet over
    k = 0
    for tokens in token_sequences:
        if not tokens:
            out.append([])
            continue
        lo, hi = tokens[0].start, tokens[-1].end
        while k < len(order) and mentions[order[k]].start < hi:
            open_.append(order[k])
            k += 1
        open_ = [i for i in open_ if mentions[i].end > lo]
        out.append([mentions[i] for i in sorted(i for i in open_ if mentions[i].start < hi)])
    return out


def _cover(spans, tok: Token) -> str:
    """BIO tag from the first (outermost) span covering the token's first character."""
    for start, end, label in spans:
        if start > tok.start:
            break
        if tok.start < end:
            return ("B-" if start == tok.start else "I-") + label
    return "O"


def _capital_runs(cases: list[str]) -> list[str]:
    """Where each token sits in a run of capitalised syllables: B/I of a run of 2+, S alone, O not capitalised."""
    out = ["O"] * len(cases)
    i = 0
    while i < len(cases):
        if cases[i] not in ("init", "upper"):
            i += 1
            continue
        j = i
        while j < len(cases) and cases[j] in ("init", "upper"):
            j += 1
        out[i] = "S" if j - i == 1 else "B"
        for k in range(i + 1, j):
            out[k] = "I"
        i = j
    return out


def _run_spans(runs: list[str]) -> list[tuple[int, int] | None]:
    """Per token, the (start, end) token indices of the capitalised run it is in, or None."""
    out: list[tuple[int, int] | None] = [None] * len(runs)
    i = 0
    while i < len(runs):
        if runs[i] == "O":
            i += 1
            continue
        j = i + 1
        while j < len(runs) and runs[j] == "I":
            j += 1
        for k in range(i, j):
            out[k] = (i, j)
        i = j
    return out


def _quoted(tokens: list[Token]) -> list[bool]:
    """Whether each token sits between an opening and a closing quotation mark."""
    inside, flags = False, []
    for tok in tokens:
        if tok.text in _QUOTES:
            inside = not inside
            flags.append(False)
        else:
            flags.append(inside)
    return flags


_QUOTES = frozenset('"“”«»')


@lru_cache(maxsize=1)
def address_words() -> frozenset[str]:
    """Words of address that stand before a personal name (and start a capitalised run when a
    sentence begins with them): the rules' person cues of any case (person_cues.tsv), one lexicon."""
    return frozenset(word.lower() for word in gazetteer_lists()["address"] if len(word.split()) == 1)


def lowercase_words(token_sequences) -> set[str]:
    """Syllables written in lower case somewhere in `token_sequences` (tokens.sequences of a
    text, made once for its features too): ordinary words, not names."""
    return {t.text for tokens in token_sequences for t in tokens
            if t.text.islower() and not any(c.isdigit() for c in t.text)}


def _run_features(i: int, span, lowered: list[str], cases: list[str], gaz_tags, rule_tags, common,
                  whole: dict) -> list[str]:
    """What the whole capitalised run says about each of its tokens.

    A name's type is mostly decided by its first syllable (Bệnh viện, Trường,
    Công ty, a family name) and by the lower-case word just before it (ông,
    tại, xã, huyện); in a linear-chain CRF a token deep inside a long run
    cannot see those, so every token of the run gets them. What depends on the
    run alone is worked out once per run (`whole`: span -> its features), so a
    run of n tokens costs O(n), not O(n²) (a 100,000-syllable name in hostile
    training TEI took minutes).
    """
    if span is None:
        return []
    start, end = span
    feats = [f"rp={min(i - start, 5)}", f"rq={min(end - 1 - i, 5)}"]
    if span not in whole:
        whole[span] = _whole_run_features(start, end, lowered, cases, gaz_tags, rule_tags, common)
    return [whole[span][0], *feats, *whole[span][1:]]


def _whole_run_features(start: int, end: int, lowered: list[str], cases: list[str], gaz_tags, rule_tags,
                        common) -> list[str]:
    feats = [f"rl={min(end - start, 6)}", "rf=" + lowered[start], "rz=" + lowered[end - 1]]
    feats.extend("rfg=" + g for g in gaz_tags[start])
    if lowered[start] in common:
        feats.append("rflc")
    if lowered[start] in address_words():
        feats.append("rfhon")
    unknown = sum(1 for k in range(start, end) if lowered[k] not in common)
    feats.append(f"rnew={min(unknown, 3)}")
    if start > 0:
        feats.append("rb=" + lowered[start - 1])
        if start > 1:
            feats.append("rbb=" + lowered[start - 2] + "|" + lowered[start - 1])
    else:
        feats.append("rb=BOS")
    feats.append("ra=" + (lowered[end] if end < len(lowered) else "EOS"))
    feats.append("rr0=" + rule_tags[start][0])
    if any(c == "upper" for c in cases[start:end]):
        feats.append("rcaps")
    return feats


def sequence_features(tokens: list[Token], mentions: list[Mention], gaz: Gazetteers,
                      common: frozenset | set = frozenset()) -> list[list[str]]:
    """One list of binary feature strings per token.

    `common` holds syllables known as ordinary lower-case words (from the
    training corpus, kept in the model folder, plus the text being tagged): a
    capitalised syllable that is also a common word is less likely a name.
    """
    lowered = [t.text.lower() for t in tokens]
    cases = [_case(t.text) for t in tokens]
    gaz_tags = gazetteer_tags(lowered, gaz)
    rule_tags = rules_tags(tokens, mentions)
    runs = _capital_runs(cases)
    run_spans = _run_spans(runs)
    quoted = _quoted(tokens)
    n = len(tokens)
    whole: dict = {}
    out = []
    for i, tok in enumerate(tokens):
        word, low = tok.text, lowered[i]
        feats = ["bias", "w=" + low, "W=" + word, "shape=" + _shape(word), "case=" + cases[i],
                 "p2=" + low[:2], "p3=" + low[:3], "s2=" + low[-2:], "s3=" + low[-3:],
                 "r=" + rule_tags[i][0], "rr=" + rule_tags[i][1],
                 "run=" + runs[i]]
        feats.extend("g=" + g for g in gaz_tags[i])
        feats.extend(_run_features(i, run_spans[i], lowered, cases, gaz_tags, rule_tags, common, whole))
        if low in address_words():
            feats.append("hon")
        if cases[i] in ("init", "upper") and low in common:
            feats.append("lc")
        if quoted[i]:
            feats.append("quoted")
        if i == 0:
            feats.append("BOS")
        elif i == 1 or lowered[i - 1] in (".", ":", "-", "–"):
            feats.append("sentstart")
        if i == n - 1:
            feats.append("EOS")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.append(f"{off}:w={lowered[j]}")
                feats.append(f"{off}:case={cases[j]}")
                feats.append(f"{off}:r={rule_tags[j][0]}")
                feats.extend(f"{off}:g={g}" for g in gaz_tags[j])
                if abs(off) == 1:
                    feats.append(f"{off}:rr={rule_tags[j][1]}")
                    feats.append(f"{off}:bi={lowered[min(i, j)]}|{lowered[max(i, j)]}")
                else:
                    k = i + off // 2
                    feats.append(f"{off}:bi={lowered[min(k, j)]}|{lowered[max(k, j)]}")
            else:
                feats.append(f"{off}:pad")
        out.append(feats)
    return out
