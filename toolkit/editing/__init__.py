"""editing: TEI that people correct, and what teikit does when it meets it again.

Contract (docs/editing.md):
- teikit records every TEI file it writes (editing.record, DIR/.teikit/<stem>.json)
  and so knows, before writing a target, whether it is absent, teikit's own
  unedited output (replaced as always) or edited since.
- An edited target is handled by the policy the caller chose (EDIT_POLICIES,
  the choices `convert` and `build` offer): KEEP leaves it as it is and says
  so (a warning; report.kept), MERGE re-recognises the source around the
  editor's markup (editing.merge; report.merged), OVERWRITE replaces it and
  says what it replaced (a warning; report.replaced). An edited target that is not well-formed
  is kept and is that file's failure (EditingError), whatever the policy but
  OVERWRITE. A merge that would change nothing in the file (merged before, or
  the fresh recognition adds nothing to the editor's) writes nothing: the file
  is kept (report.kept, a warning saying so), and only its record learns what
  the merge found (the machine markup, the names removed: record.note_merged).
- Human markup is told from machine markup by @resp: `#ner-…` is a
  recogniser's, anything else (or none) a person's.
- `tidy` (editing.tidy) brings an edited file back into the encoding.

The re-exported names and this module's helpers load their submodules on first
use (PEP 562), so the policy names cost nothing to import (the `teikit` help).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import EditingError

KEEP, MERGE, OVERWRITE = "keep", "merge", "overwrite"
EDIT_POLICIES = (KEEP, MERGE, OVERWRITE)

__all__ = ["EDIT_POLICIES", "KEEP", "MERGE", "OVERWRITE", "place", "describe", "tidy_file",
           "tidy_paths", "tidy_tree", "is_machine"]


def __getattr__(name):
    """A re-exported name, imported from its submodule when first asked for."""
    if name == "is_machine":
        from .textindex import is_machine as value
    elif name in ("tidy_file", "tidy_paths", "tidy_tree"):
        from . import tidy
        value = getattr(tidy, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def machine_markup(tree, article) -> list:
    """The record of the markup in a tree the encoder made: every inline element's signature."""
    from .merge import starts_of
    from .textindex import DOC_AUTHOR, index

    return [s.signature() for s in index(tree, starts_of(article)) if s.kind != DOC_AUTHOR]


def describe(existing, tree, article=None) -> str:
    """What makes an existing file someone's: a few words for a one-line message. Each kind of edit
    found is said: elements marked by hand, teikit's elements (as its record has them) no longer in the
    file as written (unwrapped, retyped or changed), the text changed from `article`'s (the editor's
    change when the file was made from that source, else "its source changed since"), comments."""
    from collections import Counter
    from itertools import repeat

    from lxml import etree

    from ..encode.header import recorded_source_sha256
    from .textindex import DOC_AUTHOR, KIND, article_div, blocks, index, is_machine, text_of

    parts = []
    if tree is None:
        parts.append("not well-formed")
    else:
        root = tree.getroot()
        div = article_div(tree)
        human = sum(1 for e in div.iter(*KIND) if not is_machine(e)) if div is not None else 0
        comments = sum(1 for _ in root.iter(etree.Comment))
        if human:
            parts.append(f"{human} element{'s' if human != 1 else ''} marked by hand")
        if existing.record is not None:  # by element and attributes: the places move when the text does
            shape = lambda tag, attrs: (tag, tuple(sorted(attrs.items())))  # noqa: E731
            there = Counter(shape(*s.signature()[2:]) for s in index(tree, repeat(0)) if s.kind != DOC_AUTHOR)
            gone = sum((Counter(shape(*m[2:]) for m in existing.record.markup if m[2] != "docAuthor") - there).values())
            if gone:
                parts.append(f"{gone} of teikit's elements unwrapped or changed")
            if removed := len(existing.record.removed):  # by earlier merges: no longer in the record's markup
                parts.append(f"{removed} name{'s' if removed != 1 else ''} the editor removed, left unmarked by merges")
        if article is not None and [text_of(b) for b in blocks(tree)] != [b.text for b in article.blocks]:
            # the editor's change only when the file was made from this very source; else the source's
            source = recorded_source_sha256(root)
            parts.append("its text changed" if source in (None, article.sha256) else "its source changed since")
        if comments:
            parts.append(f"{comments} comment{'s' if comments != 1 else ''}")
    if existing.record is None:
        parts.append("no record that teikit wrote it")
    elif existing.record.edited and not parts:
        parts.append("merged with an editor's markup")
    return ", ".join(parts) or "changed since"


def place(target: Path, tree, article, policy: str, report, *, validator=None, when: str | None = None,
          clean: bool = False):
    """Write the encoder's `tree` for `article` to `target` as `policy` says for an edited
    target (see the module docstring); the path written, or None when the file was kept.
    `clean`: the validator found nothing to say of `tree`; the file written as it is is then
    one of report.validated (a merged one is not: its tree is another)."""
    from ..buildrecord import data_sha
    from ..encode import serialise
    from ..encode.header import recorded_source_sha256
    from . import record as _record
    from .merge import merge, record_change

    target = Path(target)
    data = serialise(tree)
    existing = _record.inspect(target, data)
    if not existing.edited:
        _record.write(target, data, machine_markup(tree, article), before=existing)
        if clean:
            report.validated[str(target)] = data_sha(data)
        return target
    if policy == OVERWRITE:
        try:
            what = describe(existing, existing.tree(), article)
        except EditingError:
            what = describe(existing, None)
        _record.write(target, data, machine_markup(tree, article), before=existing)
        if clean:
            report.validated[str(target)] = data_sha(data)
        report.replaced.append(target)
        report.warn(f"{target}: replaced a file edited since teikit wrote it ({what}); those edits are gone")
        return target
    edited = existing.tree()  # not well-formed: EditingError, the file is kept
    moved = recorded_source_sha256(edited.getroot()) not in (None, article.sha256)  # its source changed since
    if policy == KEEP:
        report.kept.append(target)
        report.warn(f"{target}: edited since teikit wrote it ({describe(existing, edited, article)}); kept as it is"
                    + (f", though its source {article.name} changed since" if moved else "")
                    + " (--merge re-recognises around the edits, --overwrite replaces them)")
        return None
    merged, summary = merge(edited, tree, article, existing.record, path=str(target), moved=moved)
    if serialise(merged) == existing.data:  # nothing to change (merged before, or nothing new): not written
        _record.note_merged(existing, summary.machine, summary.removed)
        report.kept.append(target)
        report.warn(f"{target}: edited since teikit wrote it; merging a new recognition of {article.name} changes "
                    f"nothing in it ({summary.line()}), so it is kept as it is")
        return None
    record_change(merged, article, summary, when)
    problems = list(validator.iter_errors(merged)) if validator is not None else []
    if problems:
        raise EditingError(f"merged with its edits it would be invalid ({problems[0].rule}: {problems[0].message}); "
                           "the file is kept as it is: correct it, or run `teikit tidy` on it", path=str(target))
    _record.write(target, serialise(merged), summary.machine, removed=summary.removed, edited=True)
    report.merged.append(target)
    if summary.moved:
        report.warn(f"{target}: merged with a source changed since teikit wrote the file, so where its markup was "
                    "cannot be told: names removed by hand since then may be marked again (those removed before "
                    "stay unmarked)")
    if summary.unrecorded:
        report.warn(f"{target}: merged without a record of what teikit wrote, so names removed by hand may be "
                    "marked again")
    return target
