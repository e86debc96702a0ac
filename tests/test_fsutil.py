"""fsutil's one temp-file-and-rename: the target is the old file or the new one, never half of one."""

from __future__ import annotations

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
