"""bagit-python's second opinion on a bag, for `deposit verify`: bagit's own validation, in slices of the bag.

    problems = bagit_opinion(root, files)   # [] or one Problem ("bagit: ...") naming what bagit found

bagit.Bag.validate() is the check an archive would run with bagit's own tool,
kept as an independent opinion beside teikit's fixity check (fixity.py). But
bagit.Bag holds every manifest entry, both names of every payload file and,
while it hashes, every result (about 1.6 KB of Python memory a file), so a bag
of 40,000 files cost 65 MB. Here bagit's code runs unchanged on one slice of
the bag at a time: a slice is the paths whose crc32 (of their NFC form, the
form bagit compares) falls in it, on the manifests' side (_Kept: the entries
of other slices are read, checked as bagit checks every line, and not kept)
and on the payload's (payload_files); every entry and every file belongs to
exactly one slice, so together the slices check what one bagit.Bag checked,
each file hashed once. Bag structure, bagit.txt, bag-info.txt and fetch.txt
are checked by every slice; Payload-Oxum by the first, over every file.
A bag of up to SLICE_FILES files is one slice, bagit.Bag itself; a larger one
is cut into as many slices as make SLICE_FILES files each, at most
MAX_SLICES (bagit reads the manifests and lists the payload once per slice):
bagit's memory is then about 1.6 KB x files / slices. The first slice bagit
finds wrong gives the problem; a bag wrong in several slices is reported
from the first only (one line either way), where one bagit.Bag listed all.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import bagit

from .baginfo import quiet_bagit
from .fixity import Problem

SLICE_FILES = 5000  # files bagit holds at once, up to MAX_SLICES
MAX_SLICES = 16


def slices_for(files: int) -> int:
    return max(1, min(MAX_SLICES, -(-files // SLICE_FILES)))


def bagit_opinion(root: Path, files: int = 0) -> list[Problem]:
    """bagit's validation of the bag at `root` (`files`: about how many files it holds)."""
    count = slices_for(files)
    try:
        with quiet_bagit():
            for index in range(count):
                (_SlicedBag(str(root), index, count) if count > 1 else bagit.Bag(str(root))).validate(processes=1)
    except bagit.BagError as exc:
        return [Problem(None, f"bagit: {exc}")]
    except (ValueError, LookupError) as exc:  # bagit's own reading of a hostile tag file
        return [Problem(None, f"bagit: cannot read the bag ({exc.__class__.__name__}: {exc})")]
    return []


def _in_slice(path: str, index: int, count: int) -> bool:
    return zlib.crc32(bagit.normalize_unicode(path).encode("utf-8", "surrogatepass")) % count == index


class _Kept(dict):
    """bagit.Bag.entries of one slice: bagit's _load_manifests reads every line and calls
    setdefault(path, {}) for it; a path of another slice gets a dictionary kept nowhere (and
    one set directly is not kept either: a slice never lists another's entries, which its
    filtered payload would then call missing).
    (It holds the slice, not the bag: a bag holding it would be a cycle, freed only by the
    garbage collector, and the slices' bags would pile up.)"""

    def __init__(self, index: int, count: int):
        super().__init__()
        self.index, self.count = index, count

    def setdefault(self, key, default=None):
        if _in_slice(key, self.index, self.count):
            return super().setdefault(key, default)
        return {} if default is None else default

    def __setitem__(self, key, value) -> None:  # should a bagit to come set entries directly
        if _in_slice(key, self.index, self.count):
            super().__setitem__(key, value)


class _SlicedBag(bagit.Bag):
    """bagit.Bag seeing the entries and payload files of slice `index` of `count` only."""

    def __init__(self, path: str, index: int, count: int):
        self._index, self._count, self._every_file = index, count, False
        super().__init__(path)

    @property
    def entries(self):
        return self._entries

    @entries.setter
    def entries(self, value) -> None:  # bagit sets {} and fills it in _load_manifests
        self._entries = _Kept(self._index, self._count)
        self._entries.update(value)

    def payload_files(self):
        for path in super().payload_files():
            if _in_slice(path, self._index, self._count):
                yield path
            else:
                self.normalized_filesystem_names.pop(bagit.normalize_unicode(path), None)
                if self._every_file:
                    yield path

    def _validate_oxum(self):
        if self._index == 0:  # the first slice counts every payload file
            self._every_file = True
            try:
                super()._validate_oxum()
            finally:
                self._every_file = False
