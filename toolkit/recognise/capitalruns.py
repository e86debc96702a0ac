"""The runs of capitalised words the "capitals" recogniser (recognise/capitals.py) classifies, and
the lines written in title case (a headline) whose runs only a list names.

A run is a list of word indices (recognise/capitalwords.Tokens): words each written with a
capital, one space between them, a connector or particle inside (two in a row at most), at most
MAX_RUN_WORDS words (the rest of a longer one is the next run). A run is
carried on past its own words (`run_reach`) by a listed name with lower-case words that opens
inside it ("Assemblée nationale": long_name_end) and by an enumeration past a comma ending an
organisation's name ("Ministry of Health, Labour and Welfare": enumeration_end). `split` parts a
run at some of its words.
"""

from __future__ import annotations

from ..model import ORG
from .capitalcues import given, head_opening, listed, lower_head
from .capitalwords import Tokens, Words

_TITLE_CASE_SHARE, _TITLE_CASE_WORDS = 0.6, 4
# Words of a run at most: no name is longer, and a run is classified by parts within it (recursion, pairs
# of its words), so a text of thousands of capitalised words in a row ("Aaa of Aaa of …") is read run by run.
MAX_RUN_WORDS = 30
_CLOSING = (".", "!", "?", ":", ";", '"', "”", "’", ")")


def title_case_lines(toks: Tokens) -> set[int]:
    """The words of lines written in title case (a headline), whose runs only a list names."""
    lines, current = [], []
    for i in range(toks.n):
        if toks.line_start(i) and current:
            lines.append(current)
            current = []
        current.append(i)
    lines.append(current)
    out: set[int] = set()
    for line in filter(None, lines):  # a text of no word has no line
        ends = toks.text[toks.spans[line[-1]][1]:].split("\n", 1)[0].strip()
        stopped = ends.endswith(_CLOSING) or (not ends and toks.words[line[-1]].endswith("."))  # "… Elk Grove, Calif."
        if len(line) >= _TITLE_CASE_WORDS and not stopped \
                and sum(toks.capitalised(i) for i in line) >= _TITLE_CASE_SHARE * len(line):
            out.update(line)  # a sentence ends with its stop: a line of names that does is no headline
    return out


def runs(toks: Tokens, lists: Words):
    """Runs of capitalised words (connectors inside, two in a row at most), as lists of word indices, each carried
    on past its own words as far as run_reach says."""
    i = 0
    while i < toks.n:
        if not toks.capitalised(i):
            i += 1
            continue
        run = [i]
        j = _grow(toks, lists, run, i + 1)
        while len(run) < MAX_RUN_WORDS and (reach := run_reach(toks, lists, run)) >= j:
            run += range(j, reach + 1)
            j = _grow(toks, lists, run, reach + 1)
        yield run
        i = j


def _grow(toks: Tokens, lists: Words, run: list[int], j: int) -> int:
    """Add to the run the capitalised words from word j on (and the connectors between them); the next word's index."""
    while j < toks.n and toks.joined(j) and len(run) < MAX_RUN_WORDS:
        if toks.capitalised(j):
            run.append(j)
            j += 1
            continue
        k = j
        while k < toks.n and k - j < 2 and toks.joined(k) and (toks.words[k] in lists["connector"]
                                                               or toks.words[k] in lists["particle"]):
            k += 1
        if k == j or k >= toks.n or not toks.joined(k) or not toks.capitalised(k) or len(run) + k - j >= MAX_RUN_WORDS:
            break
        run += [*range(j, k), k]
        j = k + 1
    return j


def long_name_end(toks: Tokens, lists: Words, i: int) -> int | None:
    """The last word of the longest listed name holding lower-case words ("Assemblée nationale",
    Words.long_names) that opens at word i, or None."""
    for words in lists.long_names.get(toks.words[i], ()):
        end = i + len(words)
        if end <= toks.n and all(toks.joined(k) for k in range(i + 1, end)) and tuple(toks.words[i:end]) == words:
            return end - 1
    return None


def run_reach(toks: Tokens, lists: Words, run: list[int]) -> int:
    """The last word a run carries on to past its own: the end of a listed name with lower-case words
    opening inside it (long_name_end), or of an enumeration ending an organisation's name
    (enumeration_end); -1 for none."""
    ends = [e for p in run if (e := long_name_end(toks, lists, p)) is not None]
    return max(ends + [enumeration_end(toks, lists, run)], default=-1)


# An enumeration's items after the comma, each this many capitalised words at most, and the last's.
_ITEM_WORDS, _LAST_ITEM_WORDS, _MAX_ITEMS = 2, 3, 4


def enumeration_end(toks: Tokens, lists: Words, run: list[int]) -> int:
    """The last word of an enumeration that an organisation's name ends with, past a comma: capitalised
    items parted by commas, the last after an org_connector ("Ministry of Health, Labour and Welfare",
    "Ministerio de Ciencia, Innovación y Universidades", "Ministério da Ciência, Tecnologia e Inovação"),
    after a run that opens an organisation's name before a connector (an org_first or a head, with a
    capital or in lower case before it) and holds one; its items no name of their own (a listed name or
    a given name): "the Ministry of Defence, France and Germany" is three. -1 for none."""
    words, at = toks.words, run[-1] + 1
    opening = run[1:] if run and words[run[0]] in lists["article"] else run
    if at >= toks.n or toks.gap(at) != ", " or not opening or listed(toks, lists, [run[-1]]):
        return -1  # "the Bank of England, Smith and Jones"
    if (lower_head(toks, lists, run[0]) or (None, None))[1] != ORG and not (  # "el ministerio de Transportes, …"
            any(words[i] in lists["connector"] for i in opening[1:]) and (head_opening(toks, lists, opening) == ORG or (
                words[opening[0]] in lists["org_first"] and words[opening[1]] in lists["connector"]))):
        return -1
    for _ in range(_MAX_ITEMS):
        end = _item_end(toks, lists, at, _ITEM_WORDS)
        if end < 0 or end + 1 >= toks.n:
            return -1
        if toks.gap(end + 1) == ", ":
            at = end + 1
        elif toks.joined(end + 1) and words[end + 1] in lists["org_connector"] and end + 2 < toks.n \
                and toks.joined(end + 2):
            last = _item_end(toks, lists, end + 2, _LAST_ITEM_WORDS)
            return last if last < 0 or last + 1 >= toks.n or not (toks.joined(last + 1) and toks.capitalised(last + 1)) \
                else -1
        else:
            return -1
    return -1


def _item_end(toks: Tokens, lists: Words, at: int, most: int) -> int:
    """The last word of an enumeration's item opening at word `at`: up to two connectors, then up to
    `most` capitalised words, none a name of its own (enumeration_end); -1 when it is none."""
    for _ in range(2):  # "de l'Alimentation", "della Sovranità"
        if at + 1 < toks.n and toks.words[at] in lists["connector"] and toks.joined(at + 1):
            at += 1
    end = at
    while end + 1 < toks.n and end + 1 - at < most and toks.joined(end + 1) and toks.capitalised(end + 1):
        end += 1
    item = list(range(at, end + 1))
    if not toks.capitalised(at) or listed(toks, lists, item) or any(
            given(lists, toks.words[i]) or listed(toks, lists, [i]) for i in item):
        return -1
    return end


def split(run: list[int], at: list[int]) -> list[list[int]]:
    parts, begin = [], 0
    for k in at:
        parts.append(run[begin:k])
        begin = k + 1
    parts.append(run[begin:])
    return [p for p in parts if p]
