"""The TEI convert writes for one article: valid, or proven well-formed, whatever its markup.

`encode_checked(article, source, mentions, failure, options, validator, report, register)` (see
its docstring) gives (the tree, whether the validator found nothing at all to say of it: no
error, no warning; always False without a validator); markup the validator refuses costs only the mentions it came from
(encode.degrade); a recogniser that failed, or markup still invalid, costs the markup, never the
text; each such loss is a warning and the article one of report.degraded. `report` is the
article's batch.Report (warn, warn_once, degraded).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..errors import ToolkitError
from ..model import Article
from ..recognise.authority import authority_ids
from ..xmlsafe import POSITION, parse_bytes
from . import encode, serialise
from .degrade import encode_valid, errors_and_warnings

__all__ = ["NOT_VALIDATED", "encode_checked"]


def encode_checked(article: Article, source: Path, mentions, failure: str | None, options, validator, report,
                    register=None) -> tuple:
    """(The article's TEI, valid (or, without a validator, proven well-formed), whether it is
    clean: valid without a warning either). Markup the validator refuses costs only the
    mentions it came from: they are dropped and counted in one warning naming the element
    and attribute. Should the recogniser have failed, or the markup stay invalid without
    those, the text is still worth keeping: it is encoded without machine markup and the
    loss is a warning. Either way the article is one of report.degraded."""
    if validator is None:
        _not_validated(report)
        tree = encode(article, mentions or [], options, authority=authority_ids, register=register)
        _prove_well_formed(tree, source)
        if failure is not None:
            _degraded(report, source, f"{source}: {failure}; written without entity markup")
        return tree, False
    if mentions is not None:
        checked = encode_valid(article, mentions, validator, options=options, authority=authority_ids,
                               encoder=partial(encode, register=register))
        if not checked.problems:
            if checked.dropped:
                plural = "s" if checked.placed != 1 else ""
                _degraded(report, source, f"{source}: dropped {checked.dropped} of {checked.placed} mention{plural}"
                                          f" whose markup was invalid ({checked.cause_text()})")
            return checked.tree, checked.clean
        first = checked.problems[0]
        failure = f"its entity markup is invalid ({first.rule}: {first.message})"
    tree = encode(article, [], options, register=register)
    problems, warnings = errors_and_warnings(validator, tree)
    if problems:
        raise ToolkitError(f"the TEI made from it is invalid: {problems[0].rule}: {problems[0].message}"
                           f" ({len(problems)} error{'s' if len(problems) > 1 else ''}); nothing written",
                           path=str(source))
    _degraded(report, source, f"{source}: {failure}; written without entity markup")
    return tree, not warnings


NOT_VALIDATED = ("not validated (--no-validate): the TEI written is well-formed, but was not checked "
                 "against the project schema; run `teikit validate` on it")


def _not_validated(report) -> None:
    """Said once per run."""
    report.warn_once(NOT_VALIDATED)


def _prove_well_formed(tree, source: Path) -> None:
    """Never write what does not parse back (with the parser teikit reads TEI with)."""
    try:
        parse_bytes(serialise(tree), path=str(source))
    except ToolkitError as exc:
        reason = POSITION.sub("", exc.message.removeprefix("not well-formed: "))
        where = f", line {exc.line}, column {exc.column}" if getattr(exc, "line", 0) else ""
        raise ToolkitError(f"the TEI made from it is not well-formed ({reason}{where}); nothing written",
                           path=str(source)) from None


def _degraded(report, source: Path, warning: str) -> None:
    report.warn(warning)
    report.degraded.append(Path(source))


