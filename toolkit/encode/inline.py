"""Mentions → nested inline TEI elements inside one block of text.

Mentions nest but must never cross, and nest only as model.MAY_CONTAIN allows;
a recogniser should not produce other spans, and any that slip through are
dropped here so the output is always valid TEI. Text between elements is kept
to the character.

A role that qualifies a person is a part of the person's name (TEI 13.2.1:
roleName is a component of persName): a role written right before a person's
name, with only white space between ("ROLE NAME", a run of them too), and a
role in apposition right after it, after a comma ("NAME, ROLE", a run of them too, as TEI's own `<persName>… Murat,
<roleName>roi de Naples</roleName></persName>`), are put inside the person's
persName, which then spans the roles, the name and what lies between them
(`attach_roles`). The name itself stays plain text; its extent is the
persName's content outside its roleName children (teitext.name_part). A role
before a name wins over an apposition after another. The person's Mention is
unchanged (its span is the name: the register keys and variants are the name's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import names as N
from ..model import ABBR, DATE, DURATION, MAY_CONTAIN, MENTION_TYPES, ORG, OUTER_FIRST, PERSON, PLACE, ROLE, Mention

DOC_AUTHOR = "docAuthor"  # an encoder-made span: the author's name in a byline

# Which element wraps which when two spans cover the same characters.
_OUTER_FIRST = {DOC_AUTHOR: -1, **OUTER_FIRST}  # docAuthor wraps whatever names the author
_MAY_CONTAIN = {DOC_AUTHOR: frozenset(MENTION_TYPES), **MAY_CONTAIN}
_ELEMENT = {PERSON: N.PERS_NAME, ORG: N.ORG_NAME, PLACE: N.PLACE_NAME, ROLE: N.ROLE_NAME, DATE: N.DATE,
            DURATION: N.MEASURE}
_DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter", "dur", "calendar")
# A length of time with no start is no date (TEI's date/@dur is the length of a dated
# event, read from its start): <measure type="duration" quantity="10" unit="year">10 năm</measure>.
DURATION_TYPE = "duration"
_DURATION_ATTRS = ("quantity", "unit")
# A role's kind (rank | office | honorific) is the recogniser's: the rules take it from
# the role lexicon (data/gazetteers/roles.tsv). A role without one is an office.
DEFAULT_ROLE_KIND = "office"


APPOSITION = ","  # what joins a person's name and a role in apposition after it (with white space)


@dataclass
class _Node:
    mention: Mention
    start: int  # the element's extent: the mention's, or for a person the roles attached to it too
    end: int
    children: list["_Node"] = field(default_factory=list)


def attach_roles(mentions, text: str, offset: int = 0) -> dict[tuple[int, int, str], tuple[int, int]]:
    """{(start, end, type) of a person mention: the extent of its persName} for each person
    a role qualifies (see the module's docstring); `text` is the block, starting at `offset`.
    A person inside another mention (a docAuthor, say) is left as it is: its extent could
    not grow past its container."""
    roles = sorted((m for m in mentions if m.type == ROLE), key=lambda m: (m.start, -m.end))
    by_end = {m.end: m for m in roles}
    by_start = {m.start: m for m in roles}
    persons = [m for m in mentions if m.type == PERSON]
    others = [m for m in mentions if m.type not in (ROLE, PERSON)]

    def contained(p):
        return any(o.start <= p.start and p.end <= o.end for o in others)

    taken: set[tuple[int, int]] = set()
    extents: dict[tuple[int, int, str], list[int]] = {}
    for p in persons:  # roles before the name first: a role right before a name is that name's
        if contained(p):
            continue
        start = p.start
        while True:
            j = start
            while j > offset and text[j - 1 - offset].isspace():
                j -= 1
            role = by_end.get(j) if j < start else None
            if role is None or (role.start, role.end) in taken:
                break
            taken.add((role.start, role.end))
            start = role.start
        extents[(p.start, p.end, p.type)] = [start, p.end]
    for p in persons:  # then roles in apposition after the name: "NAME, ROLE …"
        key = (p.start, p.end, p.type)
        if key not in extents:
            continue
        end = p.end
        while text.startswith(APPOSITION, end - offset):
            after = end + len(APPOSITION)
            gap = len(text) - (after - offset) - len(text[after - offset:].lstrip())
            role = by_start.get(after + gap) if gap else None
            if role is None or (role.start, role.end) in taken:
                break
            taken.add((role.start, role.end))
            end = role.end
        extents[key][1] = end
    return {k: (a, b) for k, (a, b) in extents.items() if (a, b) != k[:2]}


def nest(mentions, text: str | None = None, offset: int = 0) -> list[_Node]:
    """Properly nested trees of mentions; crossing spans, and spans the nesting policy
    (model.MAY_CONTAIN) does not allow where they sit, are dropped. With the block's
    `text`, a person's node spans the roles attached to it (attach_roles)."""
    extents = attach_roles(mentions, text, offset) if text is not None else {}
    nodes = [_Node(m, *extents.get((m.start, m.end, m.type), (m.start, m.end))) for m in mentions]
    roots: list[_Node] = []
    stack: list[_Node] = []
    seen = set()
    for node in sorted(nodes, key=lambda n: (n.start, -n.end, _OUTER_FIRST[n.mention.type])):
        m = node.mention
        if m.end <= m.start or (m.start, m.end, m.type) in seen:
            continue
        while stack and stack[-1].end <= node.start:
            stack.pop()
        if stack:
            parent = stack[-1]
            if node.end > parent.end or m.type not in _MAY_CONTAIN[parent.mention.type]:
                continue
        seen.add((m.start, m.end, m.type))
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


class InlineWriter:
    """Writes text with mentions into an element; `ref_for(mention)` gives @ref.
    `placed`, when given, is filled with {element: the Mention it was made from}
    (encoder-made docAuthor elements aside)."""

    def __init__(self, ref_for, resp_ids: set[str], placed: dict | None = None):
        self._ref_for = ref_for
        self.resp_ids = resp_ids  # collects the recognisers actually used
        self._placed = placed

    def fill(self, parent: etree._Element, text: str, offset: int, mentions) -> None:
        self._fill(parent, text, offset, nest(mentions, text, offset))

    def _fill(self, parent, text: str, offset: int, nodes: list[_Node]) -> None:
        pos, last = offset, None
        for node in nodes:
            m = node.mention
            last = _append_text(parent, last, text[pos - offset:node.start - offset])
            element = self._element(parent, m)
            if m.type == ABBR:
                etree.SubElement(element, N.ABBR).text = text[m.start - offset:m.end - offset]
                etree.SubElement(element, N.EXPAN).text = m.key
            else:
                self._fill(element, text[node.start - offset:node.end - offset], node.start, node.children)
            last, pos = element, node.end
        _append_text(parent, last, text[pos - offset:])

    def _element(self, parent, m: Mention) -> etree._Element:
        if m.type == DOC_AUTHOR:
            return etree.SubElement(parent, N.DOC_AUTHOR)
        tag = N.CHOICE if m.type == ABBR else _ELEMENT[m.type]
        # the attributes in the order they are written, made with the element (one call into lxml)
        if m.type in (PERSON, ORG, PLACE):
            attrib = {"ref": "#" + self._ref_for(m)}
        elif m.type == ROLE:
            attrib = {"type": dict(m.attrs).get("type") or DEFAULT_ROLE_KIND}
        elif m.type == DATE:
            attrib = {name: value for name, value in m.attrs if name in _DATE_ATTRS}
        elif m.type == DURATION:
            attrib = {"type": DURATION_TYPE}
            attrib.update((name, value) for name, value in m.attrs if name in _DURATION_ATTRS)
        else:
            attrib = {}
        resp = f"ner-{m.resp}"
        self.resp_ids.add(resp)
        attrib["resp"] = "#" + resp
        attrib["cert"] = format_cert(m.cert)
        element = etree.SubElement(parent, tag, attrib)
        if self._placed is not None:
            self._placed[element] = m
        return element


def _append_text(parent, last, text: str):
    if text:
        if last is None:
            parent.text = (parent.text or "") + text
        else:
            last.tail = (last.tail or "") + text
    return last


def format_cert(cert: float) -> str:
    return f"{min(max(cert, 0.0), 1.0):.2f}"
