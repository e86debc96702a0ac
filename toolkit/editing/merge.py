"""Merge a fresh recognition of a source into the TEI an editor corrected.

Contract: `merge(edited, fresh, article, record)` returns the merged tree (a
new tree; neither input is changed) and a MergeSummary. The edited file is
the base: its header, comments, processing instructions and every element an
editor added or changed stay exactly as they are, but for the source's sha256
in the header, which becomes the fresh encoding's: the merged text is that
source's (check_text), and the deposit checks the source against it; and for the calendars
a fresh date points to (a lunar date's), which the header declares as the fresh one does. Only the machine markup
teikit wrote and nobody touched is taken out, and the fresh recognition's
markup (from `fresh`, the tree the encoder made for the same article) is put
in wherever it fits around the editor's: never crossing it, never at the
same place as it, nesting only as model.MAY_CONTAIN allows, and never where
the editor removed a name (see `removed_names`). The register is then tidied
(tidy.tidy_tree, with the fresh tree's entries for the new names);
`record_change` then says so in revisionDesc (the caller adds it only when
the merge changed the file, so merging twice changes nothing).

Which markup is the machine's: an element whose @resp is `#ner-…` (the
convention, docs/editing.md) and, when the file has a record, that is exactly
as teikit wrote it (same place, element and attributes). Anything else is the
editor's. Without a record, removed names cannot be known (`summary.unrecorded`).
When the source changed since teikit wrote the file (`moved`: a typo fixed in the
source and the TEI alike), the record's offsets are the old text's: machine markup is
then what teikit wrote by length, element and attributes wherever it now stands
(`_as_written`), the names removed in earlier merges are looked for where the new
text writes them (`relocated`), and names removed since cannot be known (`summary.moved`).
A record of version 1 (record.Record.legacy) for a file with blocks inside sections, lists,
quotes or tables placed its markup wrongly: the merge is then one without a record.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from .. import names as N
from ..encode.header import SOURCE_SHA256, TEIKIT_AGENT
from ..errors import EditingError
from ..model import MAY_CONTAIN, OUTER_FIRST
from .record import Record
from .textindex import (DOC_AUTHOR, KIND, Span, article_div, block_place, blocks, children_at, index, is_element,
                        is_machine, text_of, unwrap, wrap)
from .tidy import tidy_tree


@dataclass
class MergeSummary:
    kept: int = 0        # elements of the editor's kept
    refreshed: int = 0   # machine elements put in from the fresh recognition
    withheld: int = 0    # fresh elements not put in: the editor removed that name
    unrecorded: bool = False
    moved: bool = False  # the record's offsets were the old source's (see the docstring)
    removed: list = field(default_factory=list)  # [start, end, tag, surface], for the next record
    machine: list = field(default_factory=list)  # signatures of the machine markup written
    tidied: list = field(default_factory=list)

    def line(self) -> str:
        return (f"kept {self.kept} element{'s' if self.kept != 1 else ''} of the editor's, "
                f"{self.refreshed} recognised again, {self.withheld} left unmarked as the editor removed them")


def starts_of(article) -> list[int]:
    return [b.start for b in article.blocks]


_KEPT = ("merge keeps the words and changes only the markup, so the file is kept as it is: to keep its edits, correct "
         "{name} the same way and merge again (--overwrite replaces the file, its edits gone)")


def check_text(tree, article, path: str) -> None:
    """The edited file's blocks (textindex.blocks) must hold the source's words exactly (merge keeps
    the text); else an EditingError naming the first block that differs."""
    elements = blocks(tree)
    found = [text_of(b) for b in elements]
    wanted = [b.text for b in article.blocks]
    i = next((j for j, (have, want) in enumerate(zip(found, wanted)) if have != want), min(len(found), len(wanted)))
    if i == len(found) == len(wanted):
        return
    counts = f"has {len(found)} text blocks where {article.name} has {len(wanted)}: "
    if i == len(found):
        message = f"{counts}block {i + 1} of {article.name} ({wanted[i][:20]!r}) is not in the file"
    elif i == len(wanted):
        message = f"{counts}block {i + 1} ({block_place(elements[i])}: {found[i][:20]!r}) is not in {article.name}"
    else:
        have, want = found[i], wanted[i]
        at = next((j for j, (x, y) in enumerate(zip(have, want)) if x != y), min(len(have), len(want)))
        message = (f"the text of block {i + 1} ({block_place(elements[i])}) differs from {article.name} at character "
                   f"{at + 1} ({have[at:at + 20]!r} vs {want[at:at + 20]!r})")
        if len(found) != len(wanted):
            message += f" (the file has {len(found)} text blocks, {article.name} {len(wanted)})"
    raise EditingError(f"{message}; {_KEPT.format(name=article.name)}", path=path)


def _key(span: Span) -> tuple:
    start, end, tag, attrs = span.signature()
    return start, end, tag, tuple(sorted(attrs.items()))


def _shape(start: int, end: int, tag: str, attrs: dict) -> tuple:
    return end - start, tag, tuple(sorted(attrs.items()))


def _as_written(span: Span, recorded: set | None, shapes: Counter | None) -> bool:
    """Whether a machine element is as teikit wrote it (an editor's change to it makes it the
    editor's): at its recorded place, or, its places moved, of a recorded length, element and
    attributes not yet claimed by another; without a record, by @resp alone."""
    if shapes is None:
        return recorded is None or _key(span) in recorded
    shape = _shape(*span.signature())
    if shapes[shape] <= 0:
        return False
    shapes[shape] -= 1
    return True


def _holds_notes(element) -> bool:
    """An element with a comment or processing instruction inside is the editor's: unwrapping
    it (a choice becomes its abbreviation's text) would lose the note."""
    return any(not is_element(node) for node in element.iterdescendants())


def relocated(removed: list, text: str) -> list:
    """The removed names [start, end, tag, surface] of a record made for another text, where `text`
    writes them: at the same place, else at the nearest place it writes that surface; a name it
    no longer writes is left out."""
    out = []
    for start, end, tag, surface in removed:
        if text[start:end] != surface:
            places = [m.start() for m in re.finditer(re.escape(surface), text)] if surface else []
            if not places:
                continue
            start = min(places, key=lambda at: abs(at - start))
            end = start + len(surface)
        if [start, end, tag, surface] not in out:
            out.append([start, end, tag, surface])
    return out


def removed_names(record: Record | None, spans: list[Span], text: str) -> tuple[set, set, list]:
    """(spans removed, (surface, tag) removed, the removed list for the next record).
    A recorded machine element that is no longer in the file, as it was, was removed
    or changed by the editor; the record's earlier removals still hold."""
    if record is None:
        return set(), set(), []
    present = {(s.start, s.end, s.tag) for s in spans}
    removed = [list(r) for r in record.removed]
    for start, end, tag, _attrs in record.markup:
        if tag != "docAuthor" and (start, end, tag) not in present and [start, end, tag, text[start:end]] not in removed:
            removed.append([start, end, tag, text[start:end]])
    return {(s, e, t) for s, e, t, _ in removed}, {(surface, t) for _, _, t, surface in removed}, removed


def _legacy_places_hold(tree) -> bool:
    """Whether a version 1 record's places (Record.legacy: read from the article's top-level
    head, p, byline, trailer and figure/head only) are the file's: every block is one of those."""
    div = article_div(tree)
    top = (N.HEAD, N.P, N.BYLINE, N.TRAILER)
    return all((b.getparent() is div and b.tag in top) or
               (b.tag == N.HEAD and b.getparent().tag == N.FIGURE and b.getparent().getparent() is div)
               for b in blocks(tree))


def merge(edited, fresh, article, record: Record | None, *, path: str = "", moved: bool = False):
    check_text(edited, article, path)
    held = []  # an unusable record's earlier removals, found again by their text
    if record is not None and record.legacy and not _legacy_places_hold(edited):
        # its places were read past the blocks of sections, lists, quotes, tables: none is known, but the
        # names the editor removed before are still the editor's (their surfaces hold)
        record, held = None, relocated(record.removed, article.text)
    tree = copy.deepcopy(edited)
    starts = starts_of(article)
    text = article.text
    shapes = None  # with `moved`: what teikit wrote, by length, element and attributes (its places are the old text's)
    if moved and record is not None:  # its offsets are the old text's: its removals are found again
        shapes = Counter(_shape(*entry) for entry in record.markup)
        record = Record(record.sha256, markup=[], removed=relocated(record.removed, text))
    summary = MergeSummary(unrecorded=record is None, moved=shapes is not None)
    spans = index(tree, starts)
    recorded = record.machine_keys() if record is not None and shapes is None else None
    untouched = [s for s in spans if s.kind != DOC_AUTHOR and is_machine(s.element)
                 and _as_written(s, recorded, shapes) and not _holds_notes(s.element)]
    gone_spans, gone_names, summary.removed = removed_names(record, spans, text)
    if held:
        gone_spans |= {(start, end, tag) for start, end, tag, _ in held}
        gone_names |= {(surface, tag) for _, _, tag, surface in held}
        summary.removed = held
    kept_machine = {(s.start, s.end, s.tag) for s in untouched}
    for span in sorted(untouched, key=lambda s: -len(list(s.element.iterancestors()))):
        unwrap(span.element)
    summary.kept = sum(1 for s in index(tree, starts) if s.kind != DOC_AUTHOR)

    inserted = []
    for span in index(fresh, starts):
        if span.kind == DOC_AUTHOR:
            continue
        where = (span.start, span.end, span.tag)
        if where in gone_spans or ((text[span.start:span.end], span.tag) in gone_names and where not in kept_machine):
            summary.withheld += 1
            continue
        element = _insert(tree, starts, span)
        if element is not None:
            inserted.append(element)
    summary.refreshed = len(inserted)
    _declare_recognisers(tree, fresh)
    _declare_calendars(tree, fresh)
    _source_sha256(tree, fresh)
    summary.tidied = tidy_tree(tree, supply=fresh)
    mine = {id(e) for e in inserted}
    summary.machine = [s.signature() for s in index(tree, starts) if id(s.element) in mine]
    return tree, summary


def _new_element(span: Span):
    if span.element.tag == N.CHOICE:
        element = copy.deepcopy(span.element)
        element.tail = None
        return element
    return etree.Element(span.element.tag, dict(span.element.attrib))


BLOCK, OTHER = "block", "other"
_MENTIONS = frozenset(KIND.values())
ABBR_KIND = KIND[N.CHOICE]


def _kind_of(element) -> str:
    if element.tag == N.DOC_AUTHOR:
        return DOC_AUTHOR
    return KIND.get(element.tag, OTHER)


def _insert(tree, starts, span: Span):
    """Put a fresh element around its text in `tree` where it fits; the element, or None."""
    a, b, kind = span.start, span.end, KIND[span.element.tag]
    for block, start in zip(blocks(tree), starts):
        if start <= a and b <= start + len(text_of(block)):
            break
    else:
        return None
    parent, parent_start, parent_kind = block, start, BLOCK
    while True:
        inner = None
        for child, s, e in children_at(parent, parent_start):
            if not is_element(child) or s == e or e <= a or s >= b:
                continue
            ckind = _kind_of(child)
            if (s, e) == (a, b) and ckind in _MENTIONS:
                if ckind == kind:
                    return None  # the editor's element is already there
                if OUTER_FIRST[kind] >= OUTER_FIRST[ckind]:
                    inner = (child, s, ckind)
                break  # else the fresh element goes around it
            if s <= a and b <= e:
                inner = (child, s, ckind)
                break
            if not (a <= s and e <= b):
                return None  # it would cross an element
        if inner is None:
            break
        parent, parent_start, parent_kind = inner
        if parent_kind in (OTHER, ABBR_KIND):
            return None
    if parent_kind not in (BLOCK, DOC_AUTHOR) and kind not in MAY_CONTAIN[parent_kind]:
        return None
    for child, s, e in children_at(parent, parent_start):
        if a <= s and e <= b and (s < e or a < s < b):
            if kind == ABBR_KIND:
                return None  # an abbreviation holds its own text only
            if is_element(child) and s < e and _kind_of(child) not in MAY_CONTAIN[kind]:
                return None
    element = _new_element(span)
    wrap(parent, parent_start, a, b, element)
    return element


def _declare_recognisers(tree, fresh) -> None:
    """Every recogniser whose markup the merged text carries is declared: its respStmt
    in titleStmt and its application in appInfo, copied from the fresh encoding."""
    root = tree.getroot()
    header = root.find(N.TEI_HEADER)
    title_stmt = root.find(f"{N.TEI_HEADER}/{N.FILE_DESC}/{N.TITLE_STMT}")
    app_info = root.find(f"{N.TEI_HEADER}/{N.ENCODING_DESC}/{N.APP_INFO}")
    if header is None or title_stmt is None or app_info is None:
        return
    declared = {e.get(N.XML_ID) for e in root.iter() if is_element(e) and e.get(N.XML_ID)}
    used = {e.get("resp")[1:] for e in root.iter() if is_element(e) and is_machine(e)}
    fresh_ids = {e.get(N.XML_ID): e for e in fresh.getroot().iter() if is_element(e) and e.get(N.XML_ID)}
    for xml_id in sorted(used - declared):
        resp_stmt = fresh_ids.get(xml_id)
        if resp_stmt is None:
            continue
        last = title_stmt.findall(N.RESP_STMT)
        copied = copy.deepcopy(resp_stmt)
        (last[-1].addnext(copied) if last else title_stmt.append(copied))
        for name in resp_stmt.iter(N.NAME):
            application = fresh_ids.get((name.get("ref") or "#")[1:])
            if application is not None and application.tag == N.APPLICATION:
                app_info.append(copy.deepcopy(application))
    etree.indent(title_stmt, space="  ", level=3)
    etree.indent(app_info, space="  ", level=3)


def _declare_calendars(tree, fresh) -> None:
    """The calendars the merged text's dates point to (date/@calendar: a lunar date) that the edited
    header does not declare, declared as the fresh encoding does (its profileDesc/calendarDesc)."""
    root = tree.getroot()
    declared = {c.get(N.XML_ID) for c in root.iterfind(f"{N.TEI_HEADER}/{N.PROFILE_DESC}/{N.CALENDAR_DESC}/{N.CALENDAR}")}
    wanted = {d.get("calendar", "")[1:] for d in root.iterfind(f"{N.TEXT}//{N.DATE}[@calendar]")} - declared
    profile = root.find(f"{N.TEI_HEADER}/{N.PROFILE_DESC}")
    fresh_calendars = fresh.getroot().iterfind(f"{N.TEI_HEADER}/{N.PROFILE_DESC}/{N.CALENDAR_DESC}/{N.CALENDAR}")
    add = [c for c in fresh_calendars if c.get(N.XML_ID) in wanted]
    if not add or profile is None:
        return
    desc = profile.find(N.CALENDAR_DESC)
    if desc is None:
        desc = etree.SubElement(profile, N.CALENDAR_DESC)
    desc.extend(copy.deepcopy(c) for c in add)
    etree.indent(profile, space="  ", level=2)


def _source_sha256(tree, fresh) -> None:
    """The header's sha256 of the source is the fresh encoding's (when both have one)."""
    mine, theirs = tree.getroot().find(SOURCE_SHA256), fresh.getroot().find(SOURCE_SHA256)
    if mine is not None and theirs is not None:
        mine.text = theirs.text


def record_change(tree, article, summary: MergeSummary, when: str | None = None) -> None:
    """The merge, as a `change` at the end of revisionDesc."""
    revision = tree.getroot().find(f"{N.TEI_HEADER}/{N.REVISION_DESC}")
    if revision is None:
        return
    change = etree.SubElement(revision, N.CHANGE, who=f"#{TEIKIT_AGENT}")
    if when:
        change.set("when", when)
    change.text = (f"Merged with a new recognition of {article.name} by teikit {__version__}: "
                   f"{summary.line()}.")
    etree.indent(revision, space="  ", level=2)
