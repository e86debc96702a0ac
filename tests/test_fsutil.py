"""fsutil's one temp-file-and-rename: the target is the old file or the new one, never half of one."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from teikit.fsutil import atomic_path, atomic_writer, write_atomic


def test_a_completed_write_replaces_the_target_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "sub" / "out.bin"
    write_atomic(target, b"old")
    with atomic_path(target) as tmp:
        assert tmp.parent == target.parent and tmp != target
        tmp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # not yet
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.bin"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as handle:
            handle.write(b"half")
            raise RuntimeError("killed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_writer_that_wants_a_name_gets_one_beside_the_target(tmp_path):
    target = tmp_path / "model.bin"
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as handle:  # as a library writing the file itself would
            handle.write(b"model")
    assert target.read_bytes() == b"model"


def test_a_handle_written_whole_becomes_the_target_readable_by_all(tmp_path):
    target = tmp_path / "page.html"
    target.write_bytes(b"old")
    with atomic_writer(target) as handle:
        handle.write(b"new page")
        assert target.read_bytes() == b"old"  # not yet
    assert target.read_bytes() == b"new page" and handle.closed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def _deep(root: Path, levels: int = 400) -> Path:
    """A folder `levels` deep below root, and the file at its bottom."""
    deepest = root.joinpath(*["d"] * levels)
    deepest.mkdir(parents=True)
    (deepest / "x.xml").write_text("<x/>", encoding="utf-8")
    return deepest / "x.xml"


@contextmanager
def shallow_recursion(margin: int = 150):
    """Python's recursion limit set `margin` frames above the caller's depth, so a tree a few
    hundred deep stands for one past the real limit (a thousand levels) without making one
    that shutil.rmtree, and so pytest's clean-up, could not remove."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + margin)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def test_a_folder_nested_past_pythons_recursion_limit_is_walked(tmp_path):
    # Python 3.11's Path.rglob and os.walk recurse once per level: RecursionError, a traceback in every batch.
    from teikit.fsutil import walk
    from teikit.inputfiles import collect_files
    (tmp_path / "a.xml").write_text("<a/>", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_text("<b/>", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "sub")
    (tmp_path / "file-link.xml").symlink_to(tmp_path / "a.xml")
    assert sorted((d, sorted(f), sorted(n)) for d, f, n in walk(tmp_path)) == \
        sorted((d, sorted(f), sorted(n)) for d, f, n in os.walk(tmp_path))
    assert collect_files([tmp_path], (".xml",)) == sorted(p for p in tmp_path.rglob("*") if p.is_file())
    deepest = _deep(tmp_path)
    with shallow_recursion():
        found = collect_files([tmp_path], (".xml",))
    assert deepest in found
