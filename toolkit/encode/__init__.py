"""encode: an Article and its Mentions → a TEI P5 tree (see docs/encoding.md).

Public entry: `encode(article, mentions, options)`; `serialise(tree)` gives the
bytes written to disk. Both are deterministic: no clock, no randomness, dict
order fixed by first mention.
"""

from __future__ import annotations

from lxml import etree

from .. import names as N
from ..errors import EncodeError
from ..model import (BYLINE, CAPTION, CELL, CREDIT, DATE, HEAD, ITEM, LEAD, LUNAR_CALENDAR, NAME_TYPES, ORG, PERSON,
                     PLACE, QUOTE, SUBHEAD, Article, Mention)
from ..options import ConvertOptions
from .header import build_header
from .ids import disambiguated, document_id, entity_id
from .inline import DOC_AUTHOR, InlineWriter
from .tables import cell_element, finish_tables

# Mention type -> (register list, register entry, name element, id prefix).
_REGISTER = {PERSON: (N.LIST_PERSON, N.PERSON, N.PERS_NAME, "pers"),
             ORG: (N.LIST_ORG, N.ORG, N.ORG_NAME, "org"),
             PLACE: (N.LIST_PLACE, N.PLACE, N.PLACE_NAME, "place")}
VARIANT = "variant"  # name[@type] of a register entry's other printed forms
RECOGNISER_LABELS = {"rules": "rules and gazetteers", "crf": "trained CRF model", "combined": "rules and trained CRF model",
                     "dates": "language-neutral dates", "capitals": "capitalised names and word lists"}

__all__ = ["encode", "serialise"]


def encode(article: Article, mentions: list[Mention], options: ConvertOptions = ConvertOptions(),
           authority=None, placed: dict | None = None, register=None) -> etree._ElementTree:
    """authority(type, key) → [(idno type, value)] for register entries, e.g. Wikidata ids.
    placed, when given, is filled with {inline element: the Mention it was made from}.
    register, when given, is the corpus register's view (register.RegisterView): it gives each
    name its id, each standOff entry its canonical name, authority ids and @sameAs, and the
    header its state; names it does not know keep ids of their own."""
    doc_id = document_id(article.stem)
    ids = _entity_ids(mentions, register)
    # (type, id) → [the first key, the forms (other keys, printed forms) in order of appearance]
    referenced: dict[tuple[str, str], list] = {}
    text = article.text

    def ref_for(m: Mention) -> str:
        ident = ids[(m.type, m.key)]
        first, forms = referenced.setdefault((m.type, ident), [m.key, {}])
        printed = " ".join(text[m.start:m.end].split())
        for form in (m.key, printed):
            if form and form != first:
                forms.setdefault(form, None)
        return ident

    writer = InlineWriter(ref_for, set(), placed)
    div = etree.Element(N.DIV, type="article")
    container = div  # a section heading opens a div[@type='section'] that runs to the next one
    tables: dict = {}  # Cell.table → its table element
    for block in article.blocks:
        start, end = block.start, block.end
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if block.kind == SUBHEAD:
            container = etree.SubElement(div, N.DIV, type="section")
            container.text = container.tail = "\n"
        if block.kind == CELL:
            target = cell_element(container, block.cell, tables)
        else:
            target = _block_element(div if block.kind in (BYLINE, CREDIT) else container, block.kind)
        if block.kind == BYLINE:
            inside.append(_author_span(article, block))
        writer.fill(target, block.text, block.start, inside)
        element = target  # one line per child of a div, and per list item
        while element.getparent().tag != N.DIV:
            if element.tag == N.ITEM:
                element.tail = "\n"
            element = element.getparent()
        element.tail = "\n"
    finish_tables(tables)
    if not len(div):
        raise EncodeError("the article has no text", path=article.name)

    root = etree.Element(N.TEI, nsmap=N.NSMAP)
    root.set(N.XML_LANG, article.meta.language)
    root.set(N.XML_ID, doc_id)
    recognisers = sorted(writer.resp_ids)
    header = build_header(article, doc_id, options, [
        (r, f"teikit-{r}", RECOGNISER_LABELS.get(r.removeprefix("ner-"), r)) for r in recognisers],
        register_state=register.state_of(article.text, list(referenced)) if register is not None else None,
        lunar=any(m.type == DATE and ("calendar", f"#{LUNAR_CALENDAR}") in m.attrs for m in mentions))
    root.append(header)
    text = etree.SubElement(root, N.TEXT)
    body = etree.SubElement(text, N.BODY)
    body.append(div)
    div.text = "\n"
    etree.indent(header, space="  ", level=1)
    root.text, header.tail, text.tail = "\n  ", "\n  ", "\n"
    text.text, body.text, body.tail, div.tail = "\n", "\n", "\n", "\n"
    stand_off = _stand_off(referenced, authority, register)
    if stand_off is not None:
        root.append(stand_off)
        etree.indent(stand_off, space="  ", level=1)
        text.tail, stand_off.tail = "\n  ", "\n"
    return etree.ElementTree(root)


def serialise(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def _block_element(div, kind: str) -> etree._Element:
    if kind in (HEAD, SUBHEAD):
        return etree.SubElement(div, N.HEAD)
    if kind == CAPTION:
        return etree.SubElement(etree.SubElement(div, N.FIGURE), N.HEAD)
    if kind == BYLINE:
        return etree.SubElement(div, N.BYLINE)
    if kind == CREDIT:
        return etree.SubElement(div, N.TRAILER, type="credit")
    if kind == ITEM:
        listing = div[-1] if len(div) and div[-1].tag == N.LIST else etree.SubElement(div, N.LIST)
        return etree.SubElement(listing, N.ITEM)
    if kind == QUOTE:
        return etree.SubElement(div, N.QUOTE)
    paragraph = etree.SubElement(div, N.P)
    if kind == LEAD:
        paragraph.set("rend", "lead")
    return paragraph


def _author_span(article: Article, block) -> Mention:
    """docAuthor around the author's name(s) in the byline, else around the whole line."""
    line = block.text.lower()
    names = [n.lower() for n in (article.author or "").split(", ") if n]
    first = line.find(names[0]) if names else -1
    last = line.rfind(names[-1]) if names else -1
    if first < 0 or last < first:
        return Mention(block.start, block.end, DOC_AUTHOR)
    return Mention(block.start + first, block.start + last + len(names[-1]), DOC_AUTHOR)


def _entity_ids(mentions, register=None) -> dict[tuple[str, str], str]:
    """(type, key) → id: the corpus register's, else the key's own (two keys of one article that
    the register does not know and that slug alike told apart by a hash)."""
    keys = sorted({(m.type, m.key) for m in mentions if m.type in NAME_TYPES})
    known = {k: register.id_for(*k) for k in keys} if register is not None else {}
    plain = {k: entity_id(_REGISTER[k[0]][3], k[1]) for k in keys if not known.get(k)}
    taken: dict[str, int] = {}
    for value in [*plain.values(), *filter(None, known.values())]:
        taken[value] = taken.get(value, 0) + 1
    ids = {k: (v if taken[v] == 1 else disambiguated(_REGISTER[k[0]][3], k[1])) for k, v in plain.items()}
    ids.update({k: v for k, v in known.items() if v})
    return ids


def _stand_off(referenced, authority, register):
    if not referenced:
        return None
    stand_off = etree.Element(N.STAND_OFF)
    for kind in (PERSON, ORG, PLACE):
        entries = [(ident, first, forms) for (t, ident), (first, forms) in referenced.items() if t == kind]
        if not entries:
            continue
        list_tag, entry_tag, name_tag, _ = _REGISTER[kind]
        listing = etree.SubElement(stand_off, list_tag)
        for ident, first, forms in entries:
            entry = etree.SubElement(listing, entry_tag)
            entry.set(N.XML_ID, ident)
            shared = register.entries.get((kind, ident)) if register is not None else None
            if shared is not None:  # a copy of the corpus register's entry (docs/encoding.md)
                entry.set("sameAs", register.href(kind, ident))
                canonical, idnos = shared
            else:
                canonical, idnos = first, (authority(kind, first) if authority else ())
            etree.SubElement(entry, name_tag).text = canonical
            for form in [first, *forms]:  # the same entity printed otherwise (docs/encoding.md)
                if form != canonical:
                    etree.SubElement(entry, name_tag, type=VARIANT).text = form
            for id_type, value in idnos:
                etree.SubElement(entry, N.IDNO, type=id_type).text = value
    return stand_off
