"""The complement a title takes with no connector before a person's name, as Indonesian writes it, for the
"capitals" recogniser (recognise/capitals.py): "Gubernur Jawa Barat Dedi Mulyadi", "Menteri Keuangan Sri
Mulyani", "Kepala BNPB Letjen TNI Suharyanto". A language's titles that take one are its title_complement
(capitalwords.Words.complement_titles); what is no name in a complement (a portfolio, "Keuangan") its not_name
and not_alone words. `title_complements` reads the Tokens of a text and the language's Words and changes
nothing, as the functions of recognise/capitalcues.py do.
"""

from __future__ import annotations

from .capitalcues import given, listed, lower_title_before, title_length
from .capitalwords import Tokens, Words


def title_complements(toks: Tokens, lists: Words, run: list[int]) -> tuple[list[tuple[int, int]], int, int]:
    """The complements of the titles of title_complement that open the run (or, in lower case, stand right before
    it), written in capitals right after each with no connector: (the names in them, as (first, end) places in the
    run; where the last complement opens; where it ends, the person's name or more titles after it), ([], 0, 0) for
    none. "Gubernur Jawa Barat Dedi Mulyadi": ([(1, 3)], 1, 3); "Menteri Luar Negeri AS Marco Rubio": ([(3, 4)], 1,
    4), a portfolio no name; "Kepala BNPB Letjen TNI Suharyanto": ([(1, 2), (3, 4)], 3, 4), a rank taking one too;
    "Pj Gubernur DKI Jakarta …": a title before a title; "Menteri Keuangan": ([], 1, 2), no person after it."""
    names, begin, at, skipped = [], 0, 0, 0
    if lower_title_before(toks, lists, run[0]) and (toks.words[run[0] - 1].casefold(),) in lists.complement_titles:
        parts, k = _complement(toks, lists, run)
        if 0 < k < len(run):  # "kata gubernur Jawa Barat Dedi Mulyadi"
            names, at = parts, k
    while size := title_length(toks, lists, run[at:]):
        parts, k = _complement(toks, lists, run[at + size:]) \
            if tuple(toks.words[i].casefold() for i in run[at:at + size]) in lists.complement_titles else ([], 0)
        if k:
            names += [(at + size + a, at + size + b) for a, b in parts]
            begin, at = at + size, at + size + k
        elif title_length(toks, lists, run[at + size:]):  # "Pj Gubernur …", "Kapolri Jenderal …"
            at, skipped = at + size, at + size
        else:
            break
    return (names, begin, at) if at > skipped else ([], 0, 0)  # titles alone: the title's rule (capitals.py)


_MOST_COMPLEMENT = 4  # words of a complement before a second title ("Metro Jaya Irjen …")


def _complement(toks: Tokens, lists: Words, rest: list[int]) -> tuple[list[tuple[int, int]], int]:
    """(the names in it, how many words) of the complement a title's words `rest` open with: the words before a
    second title, no connector among them ("Metro Jaya Irjen …": one name of 2), else listed names, words no name
    alone (not_name, not_alone: a portfolio, "Keuangan", "Luar Negeri"; no names), acronyms (the last word only
    when listed), a head of an organisation's or a place's name and the words after it, one name ("Partai
    Solidaritas Indonesia", "Dinas Kesehatan DKI Jakarta"), connectors between them; then, past a word that is no
    given name, a given name further on opens the person's name, two words at least ("… Mada Ova Emilia");
    ([], 0) for none."""
    words = [toks.words[i] for i in rest]
    for k in range(1, min(len(rest), _MOST_COMPLEMENT + 1)):
        if words[k - 1] in lists["connector"]:
            break
        if title_length(toks, lists, rest[k:]):
            return [(0, k)], k
    names, k, head, after_head = [], 0, None, False
    while k < len(rest):
        word, size = words[k], _head_size(lists, words, k)
        end = max((e for e in range(k, min(len(rest), k + lists.longest)) if listed(toks, lists, rest[k:e + 1])),
                  default=None)
        if end is not None:
            if head is None:
                names.append((k, end + 1))
            k, after_head = end + 1, False
        elif size:
            head = k if head is None else head
            k, after_head = k + size, True
        elif word in lists["not_name"] or word in lists["not_alone"] or after_head or (
                word.isupper() and len(word) > 1 and k + 1 < len(rest) and words[k + 1] not in lists["connector"]):
            if head is None and word.isupper() and word not in lists["not_alone"]:
                names.append((k, k + 1))  # an acronym: "Kapolda NTT …"
            k, after_head = k + 1, False
        elif word in lists["connector"] and 0 < k < len(rest) - 1:
            k += 1
        else:
            break
    while k and words[k - 1] in lists["connector"]:  # "… dan": no complement ends with a connector
        k -= 1
    if 0 < k < len(rest) - 1 and not given(lists, words[k]):
        reach = next((j for j in range(k + 1, len(rest) - 1) if given(lists, words[j])
                      and words[j - 1] not in lists["connector"]), k)
        if head is None and reach > k:  # the words passed belong to the name before them, or are one
            names = names[:-1] + [(names[-1][0], reach)] if names and names[-1][1] == k else names + [(k, reach)]
        k = reach
    k = min(k, len(rest))
    return (names + [(head, k)] if head is not None else names), k


def _head_size(lists: Words, words: list[str], k: int) -> int:
    """The words of a capitalised head of an organisation's or a place's name opening words[k:] (org_first,
    place_first, a capitalised org_lower_first or place_lower_first), more words after it; 0 for none."""
    if k + 1 < len(words) and (words[k] in lists["org_first"] or words[k] in lists["place_first"]):
        return 1
    return next((len(head) for head, _ in lists.heads if len(words) - k > len(head)
                 and tuple(words[k:k + len(head)]) == head), 0)
