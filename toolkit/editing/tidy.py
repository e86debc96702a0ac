"""tidy: bring an edited TEI file back into the encoding, keeping everything the editor wrote.

Contract: `tidy_tree(tree, supply=None)` changes the tree in place and returns
one line per change (empty: nothing to do); `tidy_file(path)` writes the file
atomically only when something changed; `tidy_paths(paths)` runs it over
files and folders with the batch runner (report.written: the files changed).

What it does (docs/editing.md):
- only in teikit's encoding (text/body/div[@type="article"]): other TEI is refused (NOT_TEIKITS);
- every persName/orgName/placeName in the text points to a register entry of its kind: a name
  without @ref gets one (the entry of that name if the register has it, else a new entry
  `pers-|org-|place-SLUG` with the name as printed and the authority ids teikit knows); a @ref to
  an entry of another kind (an element the editor retyped) or to no entry is pointed at the right
  entry, made if needed (from `supply`, a tree the encoder made for the article, if it has it);
- register entries no name points to any more are removed, unless they hold
  something teikit does not write (an editor's idno, note, attribute): those
  are kept and reported, for the editor to decide;
- entries stay exactly as they are otherwise (an editor's own register data
  is never rewritten), in order of first mention; empty lists and an empty
  standOff are removed;
- an @resp that points nowhere gets its declaration (an application for
  `#ner-…`, else an editor's respStmt); a @cert left without @resp is dropped;
  a roleName without @type is an office.
"""

from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

from lxml import etree

from .. import names as N
from ..batch import Batch, Progress, Report
from ..encode import VARIANT, serialise
from ..encode.header import declare_agent
from ..encode.ids import disambiguated, entity_id
from ..encode.inline import DEFAULT_ROLE_KIND
from ..errors import EditingError
from ..fsutil import write_atomic
from ..model import ORG, PERSON, PLACE
from ..recognise.authority import authority_ids
from ..register import entry_href
from ..xmlsafe import parse_file
from .textindex import NAME_TAGS, article_div, holds_roles, is_element, name_text, text_of

# name element → (kind, register list, register entry, id prefix)
REGISTER = {N.PERS_NAME: (PERSON, N.LIST_PERSON, N.PERSON, "pers"),
            N.ORG_NAME: (ORG, N.LIST_ORG, N.ORG, "org"),
            N.PLACE_NAME: (PLACE, N.LIST_PLACE, N.PLACE, "place")}
ENTRY_NAME = {entry: name for name, (_, _, entry, _) in REGISTER.items()}
KIND_WORDS = {PERSON: "a person", ORG: "an organisation", PLACE: "a place"}  # in the lines tidy says
SUFFIXES = N.TEI_SUFFIXES
NEEDS_EDITOR = "holds data teikit did not write"  # in the line of a change the editor must finish
NOT_TEIKITS = ("not in teikit's encoding (its text is no text/body/div[@type=\"article\"]), so which names point to "
               "its register cannot be told; tidy leaves it as it is")


def _local(tag) -> str:
    return etree.QName(tag).localname


def _printed(element) -> str:
    return name_text(element) if holds_roles(element) else " ".join(text_of(element).split())


def _loose(name: str) -> str:
    """A name case- and punctuation-insensitively (“Ban chỉ đạo ‘X’” is “Ban Chỉ đạo X”)."""
    name = unicodedata.normalize("NFC", name).casefold()
    return " ".join("".join(" " if unicodedata.category(c)[0] == "P" else c for c in name).split())


def _canonical(element) -> str:
    """A name's canonical form for a new register entry: as printed, abbreviations expanded
    (the encoder's canonical name of "Ủy ban Trung ương MTTQVN" spells MTTQVN out); a
    person's name without the roles inside its persName."""
    if holds_roles(element):
        return name_text(element, lambda child: "".join(child.find(N.EXPAN).itertext())
                         if child.tag == N.CHOICE and child.find(N.EXPAN) is not None else text_of(child))
    parts = [element.text or ""]
    for child in element:
        if is_element(child):
            expan = child.find(N.EXPAN) if child.tag == N.CHOICE else None
            parts.append("".join(expan.itertext()) if expan is not None else text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class _Register:
    def __init__(self, root, supply):
        self.entries: dict[str, etree._Element] = {}
        self.duplicates: list[etree._Element] = []  # entries whose id an earlier entry has: kept as they are
        stand_off = root.find(N.STAND_OFF)
        if stand_off is not None:
            for listing in stand_off:
                for entry in listing:  # only register entries: another list (a listBibl) is left alone
                    if is_element(entry) and entry.tag in ENTRY_NAME and entry.get(N.XML_ID):
                        if entry.get(N.XML_ID) in self.entries:
                            self.duplicates.append(entry)
                        else:
                            self.entries[entry.get(N.XML_ID)] = entry
        offered = supply.getroot().iterfind(f"{N.STAND_OFF}/*/*") if supply is not None else ()
        self.supply = {entry.get(N.XML_ID): entry for entry in offered if entry.tag in ENTRY_NAME}
        self.added: list[etree._Element] = []

    def of_kind(self, name_tag, xml_id):
        entry = self.entries.get(xml_id)
        return entry if entry is not None and entry.tag == REGISTER[name_tag][2] else None

    def by_name(self, name_tag, *names):
        """The entry of this kind with one of `names`: as written, else case- and punctuation-insensitively."""
        loose = {_loose(n) for n in names}
        found = None
        for xml_id, entry in self.entries.items():
            first = entry.find(name_tag)
            if entry.tag != REGISTER[name_tag][2] or first is None:
                continue
            written = " ".join((first.text or "").split())
            if written in names:
                return xml_id
            if found is None and _loose(written) in loose:
                found = xml_id
        return found

    def add(self, name_tag, xml_id, canonical) -> None:
        kind, _, entry_tag, _ = REGISTER[name_tag]
        offered = self.supply.get(xml_id)
        if offered is not None and offered.tag == entry_tag:
            entry = copy.deepcopy(offered)
        else:
            entry = etree.Element(entry_tag)
            entry.set(N.XML_ID, xml_id)
            etree.SubElement(entry, name_tag).text = canonical
            for id_type, value in authority_ids(kind, canonical):
                etree.SubElement(entry, N.IDNO, type=id_type).text = value
        entry.tail = None
        self.entries[xml_id] = entry
        self.added.append(entry)

    def free_id(self, name_tag, canonical) -> str:
        prefix = REGISTER[name_tag][3]
        xml_id = entity_id(prefix, canonical)
        if xml_id in self.entries and not self._names(xml_id, name_tag, canonical):
            xml_id = disambiguated(prefix, canonical)
        return xml_id

    def _names(self, xml_id, name_tag, canonical) -> bool:
        entry = self.of_kind(name_tag, xml_id)
        first = entry.find(name_tag) if entry is not None else None
        return first is not None and " ".join((first.text or "").split()) == canonical


def _is_teikits(entry) -> bool:
    """Whether an entry holds only what teikit writes: its id, one name, its variants, the authority ids teikit knows."""
    name_tag = ENTRY_NAME[entry.tag]
    kids = list(entry)
    copy_of = entry.get("sameAs") == entry_href(REGISTER[name_tag][0], entry.get(N.XML_ID, ""))  # as the encoder writes it
    attributes = set(entry.attrib) - ({"sameAs"} if copy_of else set())
    if set(attributes) != {N.XML_ID} or (entry.text or "").strip() or not all(is_element(c) for c in kids):
        return False
    if not kids or kids[0].tag != name_tag or kids[0].attrib or len(kids[0]):
        return False
    known = list(authority_ids(REGISTER[name_tag][0], kids[0].text or ""))
    variants = 1
    while (variants < len(kids) and kids[variants].tag == name_tag and dict(kids[variants].attrib) == {"type": VARIANT}
           and not len(kids[variants])):
        variants += 1  # the other forms the article printed the name in, as the encoder records them
    rest = [(c.get("type"), c.text) for c in kids[variants:] if c.tag == N.IDNO and set(c.attrib) == {"type"} and not len(c)]
    return len(rest) == len(kids) - variants and rest == known


def _point_names(root, register: _Register, changes: list) -> dict[str, int]:
    """Every name's @ref made to point at an entry of its kind; first mention of each entry."""
    first: dict[str, int] = {}
    div = article_div(root.getroottree())
    names = [e for e in div.iter(*NAME_TAGS)] if div is not None else []
    # (tag, text as printed) → the entry a name printed so points to: a name that needs an
    # entry takes the one of its twin first (tidy's canonical form may not be the encoder's key)
    pointed: dict[tuple, str] = {}
    for element in names:
        ref = element.get("ref") or ""
        if ref.startswith("#") and register.of_kind(element.tag, ref[1:]) is not None:
            pointed.setdefault((element.tag, _same(element)), ref[1:])
    for order, element in enumerate(names):
        tag, printed, canonical = _local(element.tag), _printed(element), _canonical(element)
        ref = element.get("ref")
        if ref is not None and not ref.startswith("#"):
            changes.append(f"left {tag} \"{printed}\" ref=\"{ref}\" as it is: not a pointer into this file's register")
            continue
        wanted = ref[1:] if ref else None
        if wanted and register.of_kind(element.tag, wanted) is not None:
            first.setdefault(wanted, order)
            continue
        if wanted and wanted not in register.entries and wanted.startswith(REGISTER[element.tag][3] + "-"):
            register.add(element.tag, wanted, canonical)
            changes.append(f"{tag} \"{printed}\": added register entry #{wanted}")
            first.setdefault(wanted, order)
            pointed.setdefault((element.tag, _same(element)), wanted)
            continue
        if wanted in register.entries:  # an entry of another kind: the editor retyped the element
            other = register.entries[wanted].find(ENTRY_NAME[register.entries[wanted].tag])
            canonical = " ".join((other.text or "").split()) if other is not None and other.text else canonical
        xml_id = (pointed.get((element.tag, _same(element))) or register.by_name(element.tag, canonical, printed)
                  or register.free_id(element.tag, canonical))
        if register.of_kind(element.tag, xml_id) is None:
            register.add(element.tag, xml_id, canonical)
            made = " (register entry added)"
        else:
            made = ""
        element.set("ref", f"#{xml_id}")
        why = "had no @ref" if not ref else f"pointed to {ref}, " + (
            "which is not " + KIND_WORDS[REGISTER[element.tag][0]] if wanted in register.entries else "which is nowhere")
        changes.append(f"{tag} \"{printed}\" {why}: now ref=\"#{xml_id}\"{made}")
        first.setdefault(xml_id, order)
        pointed.setdefault((element.tag, _same(element)), xml_id)
    return first


def _same(element) -> str:
    """A name's printed text, folded: the key of names printed alike."""
    return unicodedata.normalize("NFC", _printed(element))


def _rebuild_register(root, register: _Register, first: dict[str, int], changes: list) -> None:
    stand_off = root.find(N.STAND_OFF)
    before = _entry_ids(stand_off)
    chosen = set(register.entries.values())
    for entry in register.duplicates:
        xml_id = entry.get(N.XML_ID)
        changes.append(f"kept a second register entry #{xml_id}: an entry above has that id, and it {NEEDS_EDITOR}; "
                       "give it an id of its own or merge it into the other")
    kept_orphans: list = []
    for xml_id, entry in register.entries.items():
        if xml_id in first:
            continue
        if _is_teikits(entry):
            changes.append(f"removed register entry #{xml_id} ({_printed(entry[0])}): no name points to it")
        else:
            kept_orphans.append(entry)
            changes.append(f"kept register entry #{xml_id}: no name points to it, but it {NEEDS_EDITOR}; "
                           f"point a name at it (ref=\"#{xml_id}\") or delete it")
    if stand_off is None:
        stand_off = etree.Element(N.STAND_OFF)
    lists = {}
    for name_tag, (_, list_tag, entry_tag, _) in REGISTER.items():
        olds = stand_off.findall(list_tag)  # a second list of the kind is merged into the first
        entries = sorted((e for i, e in register.entries.items() if e.tag == entry_tag and i in first),
                         key=lambda e: first[e.get(N.XML_ID)]) + [e for e in kept_orphans if e.tag == entry_tag]
        listing = olds[0] if olds else etree.Element(list_tag)
        # everything but the entries placed here stays: an editor's comments, an entry with no
        # xml:id, a second entry with an id already taken (never an editor's data dropped)
        leftovers = [c for old in olds for c in old if c not in chosen]
        for old in olds:
            for child in list(old):
                old.remove(child)
        comments = [c for c in leftovers if not is_element(c)]
        for node in comments + entries + [c for c in leftovers if is_element(c)]:  # the editor's entries after
            listing.append(node)
        lists[list_tag] = listing if entries or any(is_element(c) for c in leftovers) else None
    # the register lists in their order, where they were; anything else in standOff (a listBibl) stays put
    children = list(stand_off)
    slots = [i for i, c in enumerate(children) if is_element(c) and c.tag in lists]
    queue = [lists[t] for t in (N.LIST_PERSON, N.LIST_ORG, N.LIST_PLACE) if lists[t] is not None]
    placed = []
    for i, child in enumerate(children):
        if i not in slots:
            placed.append(child)
            continue
        if queue:
            placed.append(queue.pop(0))
        if i == slots[-1]:
            placed.extend(queue)
            queue = []
    placed.extend(queue)
    for child in children:
        stand_off.remove(child)
    for child in placed:
        stand_off.append(child)
    if not len(stand_off):
        if stand_off.getparent() is not None:
            root.remove(stand_off)
            changes.append("removed the empty standOff")
        return
    if stand_off.getparent() is None:
        root.append(stand_off)
        text = root.find(N.TEXT)
        if text is not None:
            text.tail = "\n  "
    etree.indent(stand_off, space="  ", level=1)
    stand_off.tail = "\n"
    after = _entry_ids(stand_off)
    if [i for i in after if i in before] != [i for i in before if i in after]:
        changes.append("put the register in order of first mention")


def _entry_ids(stand_off) -> list[str]:
    if stand_off is None:
        return []
    return [e.get(N.XML_ID) for e in stand_off.iterfind("*/*") if e.tag in ENTRY_NAME and e.get(N.XML_ID)]


def _declare_resp(root, changes: list) -> None:
    ids = {e.get(N.XML_ID) for e in root.iter() if is_element(e) and e.get(N.XML_ID)}
    header = root.find(N.TEI_HEADER)
    if header is None:
        return
    wanted = []
    for element in root.iter():
        if not is_element(element):
            continue
        for attr in ("resp", "who"):
            value = element.get(attr)
            if attr == "who" and element.tag != N.CHANGE:
                continue
            if value and value.startswith("#") and value[1:] not in ids and value[1:] not in wanted:
                wanted.append(value[1:])
    for xml_id in wanted:
        if xml_id.startswith("ner-"):
            app_info = header.find(f"{N.ENCODING_DESC}/{N.APP_INFO}")
            if app_info is None:
                continue
            if header.find(f"{N.FILE_DESC}/{N.TITLE_STMT}") is None:
                continue
            declare_agent(header, xml_id, "automatic entity markup", xml_id.removeprefix("ner-"),
                          ident=f"teikit-{xml_id}")
            etree.indent(header.find(f"{N.FILE_DESC}/{N.TITLE_STMT}"), space="  ", level=3)
            etree.indent(app_info, space="  ", level=3)
            changes.append(f"declared the recogniser #{xml_id} (a respStmt in titleStmt, its application in appInfo)")
        else:
            title_stmt = header.find(f"{N.FILE_DESC}/{N.TITLE_STMT}")
            if title_stmt is None:
                continue
            resp_stmt = etree.Element(N.RESP_STMT)
            resp_stmt.set(N.XML_ID, xml_id)
            etree.SubElement(resp_stmt, N.RESP).text = "correction of the entity markup"
            etree.SubElement(resp_stmt, N.NAME).text = xml_id
            last = title_stmt.findall(N.RESP_STMT)
            (last[-1].addnext(resp_stmt) if last else title_stmt.append(resp_stmt))
            etree.indent(title_stmt, space="  ", level=3)
            changes.append(f"declared #{xml_id} as an editor (a respStmt in titleStmt: put the editor's name in it)")
        ids.add(xml_id)


def _small_fixes(root, changes: list) -> None:
    div = article_div(root.getroottree())
    if div is None:
        return
    for element in div.iter():
        if not is_element(element):
            continue
        tag = _local(element.tag)
        if element.get("cert") is not None and element.get("resp") is None:
            del element.attrib["cert"]
            changes.append(f"{tag} \"{_printed(element)}\": dropped @cert, left without @resp")
        if element.tag == N.ROLE_NAME and not element.get("type"):
            element.set("type", DEFAULT_ROLE_KIND)
            changes.append(f"roleName \"{_printed(element)}\" had no @type: now type=\"{DEFAULT_ROLE_KIND}\"")


def tidy_tree(tree, supply=None) -> list[str]:
    root = tree.getroot()
    changes: list[str] = []
    _small_fixes(root, changes)
    register = _Register(root, supply)
    first = _point_names(root, register, changes)
    _rebuild_register(root, register, first, changes)
    _declare_resp(root, changes)
    return changes


def tidy_file(path) -> list[str]:
    """Tidy one file in place (written only when something changed); the changes."""
    tree = parse_file(path)
    if article_div(tree) is None:  # the names tidy reads are there: other TEI would lose entries its text points to
        raise EditingError(NOT_TEIKITS, path=str(path))
    changes = tidy_tree(tree)
    if changes:
        try:
            write_atomic(Path(path), serialise(tree))
        except OSError as exc:
            raise EditingError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    return changes


def tidy_paths(paths, *, progress: Progress | None = None, follow_symlinks: bool = False) -> tuple[Report, dict]:
    """Tidy every TEI file under `paths`: (report, {path: changes}) — written lists the files changed."""
    batch = Batch(paths, SUFFIXES, progress=progress, follow_symlinks=follow_symlinks)
    done: dict[Path, list[str]] = {}

    def work(path: Path):
        changes = tidy_file(path)
        done[path] = changes
        return path if changes else None

    batch.run(work, label="tidying")
    return batch.report, done


__all__ = ["tidy_tree", "tidy_file", "tidy_paths"]
