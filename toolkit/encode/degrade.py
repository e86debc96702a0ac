"""Encode with every mention the validator accepts: invalid markup costs its mention, not the article.

    checked = encode_valid(article, mentions, validator, options=options, authority=authority)
    checked.tree        # the TEI; valid when checked.problems is empty
    checked.clean       # valid, and not a warning either (what validating it again would find: nothing)
    checked.dropped     # how many of checked.placed mention elements were left out
    checked.causes      # why, one line per distinct cause: 'date/@dur "P2W": not a valid duration'

`validator` is anything with `iter_issues(tree)` yielding Issues (teikit.validate:
errors and warnings, told apart by Issue.is_error; only errors cost mentions) and,
optionally, `explain(element)` naming an element's bad attributes. The mentions to
drop are found, each step only when the one before found none:

1. elements whose attributes the schema refuses on their own (`explain`);
2. the element at or above the node a Schematron issue's `path` names, or, for
   an issue in a register entry, the names whose @ref points to it;
3. for a RELAX NG issue (libxml2 may report it on the enclosing block, or on a
   neighbour: "Element p has extra content: text"), bisection over the mentions
   in the enclosing block: the smallest set whose removal clears its issues.

Then the article is encoded again without them and validated again, at most
MAX_ROUNDS times and MAX_CHECKS validations in all. Whatever cannot be traced
to a mention (an issue without a path, one in the header, a budget run out) is
left in `problems`: the caller decides (convert falls back to no markup at all).

Deterministic: the same article, mentions and validator give the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import names as N
from ..model import Article, Mention
from ..options import ConvertOptions
from ..validate.issues import element_at
from . import encode

MAX_ROUNDS = 4
MAX_CHECKS = 64
_MAX_CAUSES = 3
_MACHINE = ("resp", "cert")  # the encoder's attributes, the same on every mention


@dataclass
class Checked:
    tree: etree._ElementTree
    placed: int = 0                  # mention elements in the first encoding
    dropped: int = 0                 # mentions left out because their markup was invalid
    causes: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # errors left: empty when tree is valid
    warnings: int = 0                # the validator's warnings on the tree (they cost no mention)

    @property
    def clean(self) -> bool:
        """Valid, and without a warning: the validator finds nothing to say of the tree."""
        return not self.problems and not self.warnings

    def cause_text(self) -> str:
        """The causes on one line, at most _MAX_CAUSES of them named."""
        shown = "; ".join(self.causes[:_MAX_CAUSES])
        more = len(self.causes) - _MAX_CAUSES
        return shown + (f"; and {more} more" if more > 0 else "")


def _key(m: Mention) -> tuple:
    return (m.start, m.end, m.type)


class _Attempts:
    """Encodings and validations of one article, counted against the budget."""

    def __init__(self, article, mentions, validator, options, authority, encoder):
        self.article, self.mentions, self.validator = article, list(mentions), validator
        self.options, self.authority, self.encoder = options, authority, encoder
        self.checks = 0

    def run(self, without: set) -> tuple[etree._ElementTree, dict, list, int]:
        """(the tree without those mentions, the elements placed, its errors, how many warnings)."""
        placed: dict = {}
        kept = [m for m in self.mentions if _key(m) not in without]
        tree = self.encoder(self.article, kept, self.options, authority=self.authority, placed=placed)
        self.checks += 1
        return (tree, placed, *errors_and_warnings(self.validator, tree))

    @property
    def spent(self) -> bool:
        return self.checks >= MAX_CHECKS


def errors_and_warnings(validator, tree) -> tuple[list, int]:
    """The validator's errors on the tree, and how many warnings it said beside them."""
    issues = list(validator.iter_issues(tree))
    errors = [issue for issue in issues if issue.is_error]
    return errors, len(issues) - len(errors)


def encode_valid(article: Article, mentions, validator, *, options: ConvertOptions = ConvertOptions(),
                 authority=None, encoder=encode) -> Checked:
    """encoder: encode() or a stand-in with its signature (convert passes the one it uses)."""
    attempts = _Attempts(article, mentions, validator, options, authority, encoder)
    dropped: set = set()
    causes: dict[str, None] = {}
    tree, placed, issues, warnings = attempts.run(dropped)
    result = Checked(tree, placed=len(placed))
    for _ in range(MAX_ROUNDS):
        if not issues or attempts.spent:
            break
        culprits = _culprits(tree, placed, issues, dropped, attempts, validator)
        if not culprits:
            break
        for mention, cause in culprits:
            dropped.add(_key(mention))
            causes.setdefault(cause, None)
        tree, placed, issues, warnings = attempts.run(dropped)
    result.tree, result.problems, result.warnings = tree, issues, warnings
    result.dropped, result.causes = len(dropped), list(causes)
    return result


def _culprits(tree, placed: dict, issues, dropped: set, attempts: _Attempts, validator) -> list[tuple]:
    """(mention, cause) for the mentions to drop so that `issues` go; [] when none can be named.

    In this order, each only when the one before found nothing: elements whose attributes
    the schema refuses on their own (validator.explain; no validation needed); elements a
    Schematron issue names (its context is exact); then, for RELAX NG issues, which libxml2
    may report on a neighbour or the enclosing block, bisection over the mentions in the
    enclosing block."""
    explain = getattr(validator, "explain", None)
    if explain is not None:
        named = [(placed[e], "; ".join(why)) for e in placed for why in [explain(e)] if why]
        if named:
            return named
    direct: dict = {}
    blocks: dict = {}
    for issue in issues:
        node = element_at(tree, getattr(issue, "path", ""))
        if node is None:
            continue
        element = node if node in placed else next((e for e in node.iterancestors() if e in placed), None)
        if element is not None and not issue.rule.startswith("rng-"):
            direct.setdefault(element, issue)
            continue
        referring = _referring(node, placed)
        if referring:  # a register entry exists only for the names that point to it
            for element in referring:
                direct.setdefault(element, issue)
            continue
        while node in placed:
            node = node.getparent()
        if any(e in placed for e in node.iter()):
            blocks.setdefault(node, issue)
    if direct:
        return [(placed[e], _cause(e, issue)) for e, issue in direct.items()]
    found = []
    for block, issue in blocks.items():
        where = tree.getpath(block)
        by_key = {_key(placed[e]): e for e in block.iter() if e in placed}

        def clears(without: set, where=where) -> bool:
            new_tree, _, new_issues, _ = attempts.run(dropped | without)
            return not any(_within(new_tree, i, where) for i in new_issues)

        for key in _isolate(list(by_key), set(), clears, attempts) or ():
            found.append((placed[by_key[key]], _cause(by_key[key], issue)))
    return found


def _isolate(suspects: list, base: set, clears, attempts: _Attempts) -> list | None:
    """The suspects whose removal (with `base`'s) clears the issue, by bisection; None when
    removing them all does not, or the budget runs out."""
    if attempts.spent or not clears(base | set(suspects)):
        return None
    return _bisect(suspects, base, clears, attempts)


def _bisect(suspects: list, base: set, clears, attempts: _Attempts) -> list | None:
    # invariant: removing base and all of suspects clears the issue
    if len(suspects) == 1:
        return suspects
    if attempts.spent:
        return None
    half = len(suspects) // 2
    first, second = suspects[:half], suspects[half:]
    if clears(base | set(first)):
        return _bisect(first, base, clears, attempts)
    if attempts.spent:
        return None
    if clears(base | set(second)):
        return _bisect(second, base, clears, attempts)
    # culprits in both halves: those of the first with the second removed, then the second's
    in_first = _bisect(first, base | set(second), clears, attempts)
    if in_first is None:
        return None
    in_second = _bisect(second, base | set(in_first), clears, attempts)
    return None if in_second is None else in_first + in_second


def _referring(node, placed: dict) -> list:
    """The inline names whose @ref points to the register entry (standOff/list*/entry)
    at or above `node`; [] when `node` is in no register entry."""
    for element in (node, *node.iterancestors()):
        listing = element.getparent()
        if (element.get(N.XML_ID) and listing is not None and listing.getparent() is not None
                and listing.getparent().tag == N.STAND_OFF):
            target = "#" + element.get(N.XML_ID)
            return [e for e in placed if e.get("ref") == target]
    return []


def _within(tree, issue, where: str) -> bool:
    node = element_at(tree, getattr(issue, "path", ""))
    if node is None:
        return True  # an issue that cannot be placed is not known to be cleared
    path = tree.getpath(node)
    return path == where or path.startswith(where + "/")


def _cause(element, issue) -> str:
    """The element and the issue: 'date: [date-text-agrees] …'; for RELAX NG, which may
    report the enclosing block, the element's own attributes too
    ('date @when="2024" @dur="P1Y": refused by the RELAX NG schema (…)')."""
    local = etree.QName(element).localname
    if not issue.rule.startswith("rng-"):
        return f"{local}: [{issue.rule}] {issue.message}"
    own = "".join(f' @{k}="{v}"' for k, v in element.attrib.items() if k not in _MACHINE)
    return f"{local}{own}: refused by the RELAX NG schema ({issue.message})"
