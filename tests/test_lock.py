"""fsutil.exclusive_lock: one writer per output; a second one is told "busy" (BusyError), the lock
file goes when released, and one a killed writer left behind is reused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from teikit.errors import BusyError, ToolkitError
from teikit.fsutil import exclusive_lock, lock_path


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path):
    target = tmp_path / "out" / "site"
    with exclusive_lock(target) as held:
        assert held == tmp_path / "out" / ".site.lock" == lock_path(target)
        with pytest.raises(BusyError) as caught:
            with exclusive_lock(target):
                pass  # pragma: no cover - never reached
        assert str(caught.value) == (f"{target}: busy: another teikit process is writing it; "
                                     "try again when it has finished")
        assert isinstance(caught.value, ToolkitError)
    assert not held.exists()
    with exclusive_lock(target):  # free again
        pass
    assert sorted(p.name for p in target.parent.iterdir()) == []


def test_the_lock_is_released_when_the_block_fails(tmp_path):
    target = tmp_path / "pkg.zip"
    with pytest.raises(RuntimeError):
        with exclusive_lock(target):
            raise RuntimeError("write failed")
    with exclusive_lock(target):
        pass


def test_another_process_holding_the_lock_makes_this_one_busy(tmp_path):
    target = tmp_path / "pkg"
    code = ("import sys, time\nfrom teikit.fsutil import exclusive_lock\n"
            "with exclusive_lock(sys.argv[1]):\n    print('held', flush=True)\n    sys.stdin.read()\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "held\n"
        with pytest.raises(BusyError):
            with exclusive_lock(target):
                pass  # pragma: no cover
    finally:
        child.communicate("")
    assert child.returncode == 0
    with exclusive_lock(target):
        pass


def test_a_lock_file_a_killed_writer_left_is_taken_over(tmp_path):
    target = tmp_path / "pkg"
    lock_path(target).write_text("")  # as a SIGKILL leaves it: the file, no lock on it
    with exclusive_lock(target):
        pass
    assert not lock_path(target).exists()


def test_a_symlink_in_place_of_the_lock_file_is_not_followed(tmp_path):
    canary = tmp_path / "canary"
    canary.write_text("secret")
    target = tmp_path / "pkg"
    os.symlink(canary, lock_path(target))
    with pytest.raises(OSError):
        with exclusive_lock(target):
            pass  # pragma: no cover
    assert canary.read_text() == "secret"
