"""The corpus register: one TEI file per entity type beside the articles, the single source of
entity identity and of the names shared across articles (docs/encoding.md, "The corpus register").

    DIR/register/persons.xml   listPerson/person
    DIR/register/orgs.xml      listOrg/org
    DIR/register/places.xml    listPlace/place

where DIR is convert's output folder. Contract:
- `Register.read(folder)` reads the files present (none: an empty register); a file that is not
  a register (not well-formed, unsafe, another root or list, an entry without xml:id or name,
  an xml:id twice) raises RegisterError naming it, before anything is written.
- `merged(found)` adds the names an article set found, `found` being (type, key, printed form
  or None) triples (`found_names`): a set, so the result does not depend on the order or the
  grouping of the articles (--jobs, --scheduler). A key goes to the entry that has it (an
  editor's entry claims every name it holds; then a canonical name; then the entry whose id
  the key's id is: names equal but for case or punctuation are one entity), else to a new
  entry `entity_id(prefix, key)`, its canonical name the least of its keys in collation
  order, its other keys and forms variants, its authority ids (recognise.authority) URIs.
  Nothing is ever removed. Only teikit's own entries are changed: an entry is teikit's when it
  carries resp="#teikit" and holds only what teikit writes (its names, then idno); any other
  entry is an editor's, kept byte for byte and never changed.
- `write(folder)` writes each file that has entries, atomically (temp + rename), in a stable
  order (collation of the canonical name, then id), one line per entry; the same register
  gives the same bytes, and writing what was read with nothing new changes no byte.
- `known_names()` is what convert looks for in every article: each name and variant
  (persons of two words or more), the same set whichever articles made the register.
- `view(keys)` is what an article's encoding needs of it (encode/: ids, canonical names,
  authority ids, the href of each entry, and `state_of`: the register state the header records,
  as far as it bears on the article: the entries it points to and the names that may be
  marked in it, so that a name the register gains elsewhere changes no byte of it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .. import names as N
from ..collation import sort_key
from ..encode.ids import entity_id
from ..errors import RegisterError, ToolkitError
from ..fsutil import write_atomic
from ..model import PERSON
from ..recognise.authority import authority_ids
from ..recognise.tokens import phrase_key, syllables
from .files import KINDS, empty_document, entry_line, parse_register, serialise_register
from .shared import SharedNames

__all__ = ["Register", "RegisterView", "SharedNames", "found_names", "settle", "entry_href", "registers_beside", "register_digest",
           "copies_state", "KINDS", "MIN_SHARED_WORDS"]

# Only names this specific travel between articles: a bare two-syllable person's
# name is too often something else in another article.
MIN_SHARED_WORDS = 2
TEIKIT_RESP = "#teikit"
ROUNDS = 4  # most rounds of looking for the register's names (one is enough unless they find new ones)


@dataclass
class Entry:
    id: str
    names: list[str]                 # canonical first, then the variants
    idnos: list[tuple[str, str]]     # (type, value)
    element: object = None           # an editor's entry: its element, written as it is
    teikit: bool = True

    @property
    def canonical(self) -> str:
        return self.names[0]


def _copied(entry: Entry) -> tuple:
    """(canonical name, authority ids) of an entry: what a view holds of it, what copy_of gives."""
    return entry.canonical, tuple(entry.idnos)


def found_names(text: str, mentions) -> set[tuple[str, str, str | None]]:
    """(type, key, the form printed when it is not the key) of every name mention."""
    found = set()
    for m in mentions:
        if m.type in KINDS:
            printed = " ".join(text[m.start:m.end].split())
            found.add((m.type, m.key, printed if printed and printed != m.key else None))
    return found


@dataclass(frozen=True)
class RegisterView:
    """What encoding an article needs of the register: ids by (type, key), (canonical name,
    authority ids) by (type, id), and the register's names by their first syllable, for the
    article's register state (`state_of`)."""

    ids: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)   # first syllable -> sorted (surface, type) of the known names

    def id_for(self, kind: str, key: str) -> str | None:
        return self.ids.get((kind, key))

    def copy_of(self, kind: str, key: str):
        """(id, canonical name, authority ids) of the entry the key belongs to (None: none)."""
        ident = self.ids.get((kind, key))
        entry = self.entries.get((kind, ident)) if ident else None
        return None if entry is None else (ident, *entry)

    def href(self, kind: str, ident: str) -> str:
        return entry_href(kind, ident)

    def state_of(self, text: str, used) -> str:
        """The register state an article was converted against, as far as it bears on it: the
        sha256 of the entries its names point to (`used`: (type, id); of each its id, canonical
        name and authority ids, what the article's copy takes of it) and of the register's
        names that begin with a syllable of its text (only those can be marked in it). What
        else the register holds does not change it."""
        digest = hashlib.sha256()
        for kind, ident in sorted(used):
            entry = self.entries.get((kind, ident))
            if entry is not None:
                digest.update(("entry\0" + "\0".join([kind, *_copy_fields(ident, *entry)]) + "\n").encode("utf-8"))
        for syllable in sorted(syllables(text) & self.names.keys()):
            for surface, kind in self.names[syllable]:
                digest.update(f"name\0{kind}\0{surface}\n".encode("utf-8"))
        return digest.hexdigest()


def _copy_fields(ident: str, canonical: str, idnos) -> list[str]:
    """What an article's copy of an entry takes of it (its id, canonical name, authority ids), as
    the register states (RegisterView.state_of, copies_state) digest it."""
    return [ident, canonical, *(f"{id_type}={value}" for id_type, value in idnos)]


def entry_href(kind: str, ident: str) -> str:
    """Where an article's copy of a register entry points (@sameAs): register/FILE#id."""
    return f"{N.REGISTER_DIR}/{KINDS[kind].file}#{ident}"


class Register:
    """The corpus register in memory (see the module contract)."""

    def __init__(self, documents: dict | None = None, entries: dict | None = None):
        self.documents = documents or {}               # type -> parsed tree of the file read
        self.entries: dict[str, dict[str, Entry]] = entries or {kind: {} for kind in KINDS}
        self._index()

    # -- reading -----------------------------------------------------------------------

    @classmethod
    def read(cls, folder) -> "Register":
        folder = Path(folder)
        documents, entries = {}, {kind: {} for kind in KINDS}
        for kind, spec in KINDS.items():
            path = folder / spec.file
            if not path.is_file():
                if path.exists() or path.is_symlink():
                    raise RegisterError("not a regular file; a corpus register file is expected here", path=str(path))
                continue
            tree, found = parse_register(path, spec)
            documents[kind] = tree
            for ident, names, idnos, element, own in found:
                entries[kind][ident] = Entry(ident, names, idnos, None if own else element, own)
        return cls(documents, entries)

    def _index(self) -> None:
        self._claimed: dict[tuple[str, str], str] = {}
        self._canonical: dict[tuple[str, str], str] = {}
        for kind, entries in self.entries.items():
            for entry in entries.values():
                if not entry.teikit:
                    for name in entry.names:
                        self._claimed.setdefault((kind, name), entry.id)
                else:
                    self._canonical.setdefault((kind, entry.canonical), entry.id)

    def lookup(self, kind: str, key: str) -> str | None:
        """The id of the entry a key belongs to, None when none has it yet."""
        found = self._claimed.get((kind, key)) or self._canonical.get((kind, key))
        if found:
            return found
        ident = entity_id(KINDS[kind].prefix, key)
        return ident if ident in self.entries[kind] else None

    def copy_of(self, kind: str, key: str):
        """What an article's copy of the entry the key belongs to takes of it (RegisterView.copy_of)."""
        ident = self.lookup(kind, key)
        entry = self.entries[kind].get(ident) if ident else None
        return None if entry is None else (ident, *_copied(entry))

    # -- merging -----------------------------------------------------------------------

    def merged(self, found) -> "Register":
        """A register with the names `found` added (the module contract); self is unchanged."""
        entries = {kind: {i: Entry(e.id, list(e.names), list(e.idnos), e.element, e.teikit)
                          for i, e in self.entries[kind].items()} for kind in KINDS}
        result = Register(self.documents, entries)
        forms: dict[tuple[str, str], set] = {}
        for kind, key, printed in found:
            forms.setdefault((kind, key), set())
            if printed:
                forms[(kind, key)].add(printed)
        order = sorted(forms, key=lambda k: (k[0], sort_key(k[1]), k[1]))
        for kind, key in order:
            ident = result.lookup(kind, key)
            if ident is None:
                ident = entity_id(KINDS[kind].prefix, key)
                entry = Entry(ident, [key], [("URI", uri) for uri in authority_uris(kind, key)])
                entries[kind][ident] = entry
                result._canonical.setdefault((kind, key), ident)
            entry = entries[kind][ident]
            if entry.teikit:
                for name in sorted({key, *forms[(kind, key)]} - set(entry.names), key=lambda n: (sort_key(n), n)):
                    entry.names.append(name)
        for entries_of in entries.values():
            for entry in entries_of.values():
                if entry.teikit:
                    entry.names[1:] = sorted(set(entry.names[1:]) - {entry.canonical}, key=lambda n: (sort_key(n), n))
        return result

    # -- what convert reads of it ------------------------------------------------------

    def known_names(self) -> frozenset:
        """(surface, type) of every name and variant worth looking for in other articles."""
        known = set()
        for kind, entries in self.entries.items():
            for entry in entries.values():
                for name in entry.names:
                    if name.strip() and (kind != PERSON or len(name.split()) >= MIN_SHARED_WORDS):
                        known.add((name, kind))
        return frozenset(known)

    def view(self, keys) -> RegisterView:
        """The view an article set needs: `keys` are the (type, key) pairs its mentions have."""
        ids, entries = {}, {}
        for kind, key in keys:
            ident = self.lookup(kind, key)
            if ident is None:
                continue
            ids[(kind, key)] = ident
            entries[(kind, ident)] = _copied(self.entries[kind][ident])
        names: dict[str, list] = {}
        for surface, kind in sorted(self.known_names()):
            key = phrase_key(surface)
            if key:
                names.setdefault(key[0], []).append((surface, kind))
        return RegisterView(ids, entries, names)

    def __len__(self) -> int:
        return sum(len(e) for e in self.entries.values())

    # -- writing -----------------------------------------------------------------------

    def serialised(self) -> dict[str, bytes]:
        """file name -> bytes, for each type that has entries."""
        out = {}
        for kind, spec in KINDS.items():
            entries = self.entries[kind]
            if not entries:
                continue
            tree = self.documents.get(kind)
            tree = empty_document(spec) if tree is None else tree
            ordered = sorted(entries.values(), key=lambda e: (sort_key(e.canonical), e.canonical, e.id))
            lines = [entry_line(spec, e.id, e.names, e.idnos, TEIKIT_RESP) if e.teikit else e.element
                     for e in ordered]
            out[spec.file] = serialise_register(tree, spec, lines)
        return out

    def write(self, folder) -> None:
        """Write the register into `folder` (each file whose bytes change)."""
        folder = Path(folder)
        for name, data in self.serialised().items():
            path = folder / name
            try:
                current = path.read_bytes() if path.is_file() else None
            except OSError:
                current = None
            if current != data:
                try:
                    write_atomic(path, data)
                except OSError as exc:
                    raise ToolkitError(f"cannot write the corpus register: {exc.strerror or exc}", path=str(path)) from None


def copies_state(register, names) -> str:
    """The digest of what an article's register copies take of `register` (a Register or a
    RegisterView): for each of its `names` ((type, key, ...), register.found_names), the id of
    the entry it belongs to, that entry's canonical name and authority ids. An entry edited
    by hand (an idno added, its canonical name changed, a name claimed) changes it for exactly
    the articles that name it (teikit.convertrecord)."""
    digest = hashlib.sha256()
    for kind, key in sorted({(name[0], name[1]) for name in names}):
        copy = register.copy_of(kind, key)
        fields = [kind, key, *_copy_fields(*(copy if copy is not None else ("", "", ())))]
        digest.update(("\0".join(fields) + "\n").encode("utf-8"))
    return digest.hexdigest()


def registers_beside(tei) -> list[Path]:
    """The corpus register folders beside the TEI files `tei` (each file's sibling register/), those
    that hold a register file, each once, in sorted order: each folder of TEI files looked at once,
    however many files it holds."""
    folders = sorted({Path(path).parent / N.REGISTER_DIR for path in tei})
    return [folder for folder in folders if any((folder / spec.file).is_file() for spec in KINDS.values())]


def register_digest(folder) -> str:
    """The digest of the corpus register in `folder`: each kind's file's name and bytes (one missing
    or unreadable: none). What a key of anything made from the register takes of it (the site's
    corpus pages, render.siterecord; a deposit package, teikit.buildcache): other files there are
    not the register."""
    digest = hashlib.sha256()
    for spec in KINDS.values():
        try:
            data = (Path(folder) / spec.file).read_bytes()
        except OSError:
            data = b""
        digest.update(hashlib.sha256(data).hexdigest().encode("ascii") + spec.file.encode("ascii"))
    return digest.hexdigest()


def authority_uris(kind: str, key: str) -> list[str]:
    """The authority ids recognise.authority knows for a key, as URIs."""
    return [value for id_type, value in authority_ids(kind, key) if id_type == "URI"]



def settle(register: Register, folder, found: set, look_again) -> RegisterView:
    """convert's reduce step: the register with the batch's `found` names; its names looked for
    in every article (`look_again(SharedNames, the register then)` gives the names the articles hold then), again
    while that adds a name to look for (at most ROUNDS times); written into `folder`; the view
    the articles are encoded with. `found` is updated with the names of the last look."""
    register = register.merged(found)
    for _ in range(ROUNDS):
        known = register.known_names()
        named = look_again(SharedNames(known), register)
        found |= named
        register = register.merged(named)
        if register.known_names() == known:
            break
    register.write(folder)
    return register.view({(kind, key) for kind, key, _ in found})
