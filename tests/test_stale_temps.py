"""fsutil's temporary names, and the clean-up of those a killed run left behind:
only teikit's own names, only of processes that no longer run."""

from __future__ import annotations

import os
from pathlib import Path
import subprocess
import sys
import time

import pytest

from teikit.fsutil import TEMP_NAME, atomic_path, clean_stale_temps, staging_dir, write_atomic


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_names_carry_the_writers_pid(tmp_path):
    with atomic_path(tmp_path / "a.xml") as tmp:
        match = TEMP_NAME.match(tmp.name)
        assert match and match.group("name") == "a.xml" and int(match.group("pid")) == os.getpid()
    folder = staging_dir(tmp_path, "pkg")
    assert folder.is_dir() and folder.parent == tmp_path
    match = TEMP_NAME.match(folder.name)
    assert match and match.group("name") == "pkg" and folder.name.endswith(".staging")


def test_only_teikits_stale_temporaries_are_removed(tmp_path):
    gone = dead_pid()
    stale_file = tmp_path / f".a.xml.{gone}.k2j_x9ab.tmp"
    stale_file.write_bytes(b"<TEI")
    stale_dir = tmp_path / f".pkg.{gone}.q1w2e3r4.staging"
    (stale_dir / "pkg" / "data").mkdir(parents=True)
    (stale_dir / "pkg" / "data" / "x.xml").write_bytes(b"<TEI/>")
    kept = [
        tmp_path / f".b.xml.{os.getpid()}.abcdefgh.tmp",   # this process: still writing
        tmp_path / f".c.xml.{os.getppid()}.abcdefgh.tmp",  # a process that runs
        tmp_path / ".d.xml.abcdefgh.tmp",                   # no pid: not a name teikit writes
        tmp_path / f"e.xml.{gone}.abcdefgh.tmp",             # not hidden: not ours
        tmp_path / f".f.xml.{gone}.abcdefgh.bak",            # another suffix
        tmp_path / "a.xml",
    ]
    for path in kept:
        path.write_bytes(b"x")
    removed = clean_stale_temps(tmp_path)
    assert sorted(removed) == sorted([stale_file, stale_dir])
    assert sorted(tmp_path.iterdir()) == sorted(kept)
    assert clean_stale_temps(tmp_path / "no-such-folder") == []


def test_a_process_ended_but_not_yet_reaped_has_ended(tmp_path):
    """A killed worker is a zombie until whoever adopted it reaps it (some container's PID 1 never
    does): its temporaries go all the same."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        for _ in range(500):  # it exits in well under 10 s; not waited for, it stays a zombie
            if not stat.exists() or stat.read_bytes().rsplit(b")", 1)[1].startswith(b" Z"):
                break
            time.sleep(0.02)
        if not stat.exists():
            pytest.skip("no /proc")
        assert stat.read_bytes().rsplit(b")", 1)[1].startswith(b" Z"), "the child never ended"
        stale = tmp_path / f".a.xml.{child.pid}.abcdefgh.tmp"
        stale.write_bytes(b"<TEI")
        assert clean_stale_temps(tmp_path) == [stale]
    finally:
        child.wait()


def test_the_first_write_into_a_folder_cleans_it(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    stale = folder / f".page.html.{dead_pid()}.abcdefgh.tmp"
    stale.write_bytes(b"<!DOCTYPE html><p>half")
    write_atomic(folder / "other.html", b"whole")
    assert sorted(p.name for p in folder.iterdir()) == ["other.html"]


def test_scratch_folders_are_teikits_by_name_and_a_killed_runs_go_with_the_next(tmp_path, monkeypatch):
    import tempfile

    from teikit import fsutil
    from teikit.parallel import PoolEngine
    from teikit.render.sitedata import SiteData

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(fsutil, "_swept", set())
    stale = tmp_path / f".teikit-site.{dead_pid()}.abcd1234.staging"
    (stale / "site.sqlite").parent.mkdir()
    (stale / "site.sqlite").write_bytes(b"x" * 1000)  # as a killed render leaves its store
    with SiteData() as store:
        folder = Path(store.path).parent
        assert TEMP_NAME.match(folder.name) and folder.parent == tmp_path
        assert not stale.exists()
    assert not folder.exists()
    engine = PoolEngine(1)
    shared = Path(engine._tmp.name)
    assert TEMP_NAME.match(shared.name) and shared.parent == tmp_path
    engine._tmp.cleanup()
    with fsutil.ScratchDir("teikit-policy") as name:
        assert TEMP_NAME.match(Path(name).name)
    assert sorted(tmp_path.iterdir()) == []
