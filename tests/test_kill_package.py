"""A folder package is replaced atomically: `deposit make -o DIR --replace` and
`build --package-format dir` killed (SIGKILL) at any moment leave the old package or the new one
at that name, and the next run leaves nothing of the killed one behind (staging, the old package
aside).

Two kinds of kill:
- at each step of the swap itself (output.place), by a child that kills itself just before and
  just after each rename or exchange and halfway through removing the old package, both where
  the two names are exchanged in one step (renameat2) and where two renames do it (the old
  package aside as .NAME.previous for a moment, put back by the next run: output.recover);
- at random moments once the package's staging folder has appeared (seeded).
The old and the new package differ only by their Bagging-Date, so each is known whole, and a
package that is neither (a mixture, a half-removed tree) cannot pass.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teikit.deposit.output import aside_path, recover
from teikit.fsutil import LOCK_NAME, TEMP_NAME

ROOT = Path(__file__).resolve().parents[1]
DEPOSIT = ROOT / "tests" / "data" / "deposit"
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("a0[1-3]_*.txt"))
OLD_DAY, NEW_DAY = "2026-01-01", "2026-01-02"
TIMEOUT = 300
SEED = 12

# A child that runs the CLI with output.place's file-system steps counted, and kills itself
# (SIGKILL: no clean-up of any kind) at step argv[1]; argv[2] says whether the atomic exchange
# is available ("exchange") or two renames must do ("renames").
CHILD = r'''
import os, shutil, signal, sys
from teikit.deposit import output

point, exchange, steps = int(sys.argv[1]), sys.argv[2] == "exchange", [0]

def step():
    steps[0] += 1
    if steps[0] == point:
        os.kill(os.getpid(), signal.SIGKILL)

class Os:
    def __getattr__(self, name):
        return getattr(os, name)

    def rename(self, a, b):
        step(); os.rename(a, b); step()

real_exchange = output._exchange

def exchange_names(a, b):
    if not exchange:
        return False
    step(); done = real_exchange(a, b); step()
    return done

class Shutil:
    def __getattr__(self, name):
        return getattr(shutil, name)

    def rmtree(self, path, *args, **kwargs):
        step()
        for name in sorted(os.listdir(path))[::2]:  # half of it gone, then the kill
            entry = os.path.join(path, name)
            shutil.rmtree(entry) if os.path.isdir(entry) and not os.path.islink(entry) else os.unlink(entry)
        step()
        shutil.rmtree(path, *args, **kwargs)

output.os, output.shutil, output._exchange = Os(), Shutil(), exchange_names
from teikit.cli import main
sys.argv = ["teikit", *sys.argv[3:]]
main()
'''
CLI = [sys.executable, "-c", "from teikit.cli import main; main()"]
# The steps of place() when it replaces a folder package: exchange (before, after), removing the
# old one (start, halfway); or rename old aside (before, after), rename new in (before, after),
# removing the old one (start, halfway). One more step is never reached: the run completes.
STEPS = {"exchange": 4, "renames": 6}


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `root`; {} when it is not there."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))}


def leftovers(folder: Path) -> list[str]:
    """teikit's temporaries, staging folders, lock files and packages aside, directly in `folder`."""
    return sorted(p.name for p in folder.iterdir()
                  if TEMP_NAME.match(p.name) or LOCK_NAME.match(p.name) or p.name.endswith(".previous"))


def make_args(tei: Path, out: Path, day: str) -> list[str]:
    return ["deposit", "make", str(tei), "--sources", str(tei), "-o", str(out), "--format", "dir", "--replace",
            "--bagging-date", day]


def run(args, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(CLI + args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """TEI with sources, and the old and the new package made of them (their trees)."""
    work = tmp_path_factory.mktemp("kill-package")
    tei = work / "tei"
    tei.mkdir()
    for name in ("art-one.xml", "art-two.xml", "art-one.txt", "art-two.txt"):
        shutil.copyfile(DEPOSIT / name, tei / name)
    trees = {}
    for day in (NEW_DAY, OLD_DAY):  # the old one last: it is the one each test starts from
        run(make_args(tei, work / "pkg", day), work)
        trees[day] = tree(work / "pkg")
    assert trees[OLD_DAY] != trees[NEW_DAY] and trees[OLD_DAY]
    return work, tei, trees


@pytest.mark.parametrize("mode", sorted(STEPS))
def test_a_kill_at_each_step_of_the_swap_leaves_the_old_package_or_the_new(packages, mode):
    work, tei, trees = packages
    out = work / "pkg"
    seen = []
    for point in range(1, STEPS[mode] + 2):
        child = subprocess.run([sys.executable, "-c", CHILD, str(point), mode, *make_args(tei, out, NEW_DAY)],
                               cwd=work, capture_output=True, text=True, timeout=TIMEOUT)
        killed = child.returncode == -signal.SIGKILL
        assert killed == (point <= STEPS[mode]), f"step {point}: exit {child.returncode}\n{child.stderr}"
        now = tree(out)
        if now == {}:
            # only between the two renames: the old package waits aside, whole
            assert mode == "renames" and point in (2, 3), f"step {point}: no package"
            assert tree(aside_path(out)) == trees[OLD_DAY], f"step {point}: the package aside is not the old one"
            assert recover(out) == "restored"
            now = tree(out)
        assert now in (trees[OLD_DAY], trees[NEW_DAY]), f"step {point}: the package is neither the old nor the new"
        seen.append("old" if now == trees[OLD_DAY] else "new")
        # the next run finds what the kill left, cleans it, and makes its package
        run(make_args(tei, out, OLD_DAY), work)
        assert tree(out) == trees[OLD_DAY]
        assert leftovers(work) == [], f"step {point}: left behind after the next run"
    assert "old" in seen and "new" in seen  # kills on both sides of the swap


def test_the_next_make_puts_back_a_package_left_aside_before_anything_else(packages):
    work, tei, trees = packages
    out = work / "pkg"
    child = subprocess.run([sys.executable, "-c", CHILD, "2", "renames", *make_args(tei, out, NEW_DAY)],
                           cwd=work, capture_output=True, text=True, timeout=TIMEOUT)
    assert child.returncode == -signal.SIGKILL and not out.exists()
    # without --replace the package put back is not replaced: the run refuses, and the old one stays
    result = subprocess.run(CLI + ["deposit", "make", str(tei), "-o", str(out), "--format", "dir"], cwd=work,
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"error: {out}: already exists as a directory; a package never writes over a directory "
                             "(choose another name, or remove it)\n")
    assert tree(out) == trees[OLD_DAY] and leftovers(work) == []


def kill_randomly(cwd: Path, args: list[str], staging_in: Path, rng: random.Random, window: float) -> bool:
    """Start the command, kill -9 it a random moment after its package's staging folder appears
    in `staging_in`; whether it was still running when killed."""
    process = subprocess.Popen(CLI + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    while process.poll() is None and time.monotonic() < deadline:
        if staging_in.is_dir() and any(p.name.endswith(".staging") for p in staging_in.iterdir()):
            break
        time.sleep(0.001)
    time.sleep(rng.uniform(0.0, window))
    alive = process.poll() is None
    process.kill()
    process.wait(timeout=TIMEOUT)
    return alive


def timed(cwd: Path, args: list[str], staging_in: Path) -> float:
    """Seconds from the staging folder's appearance to the end of a normal run."""
    process = subprocess.Popen(CLI + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    began = None
    while process.poll() is None:
        if began is None and staging_in.is_dir() and any(p.name.endswith(".staging") for p in staging_in.iterdir()):
            began = time.monotonic()
        time.sleep(0.001)
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.returncode == 0, stderr
    return max(0.05, time.monotonic() - (began or time.monotonic()))


def test_random_kills_of_deposit_make_into_a_folder(packages):
    work, tei, trees = packages
    out = work / "pkg"
    rng = random.Random(f"{SEED}-deposit")
    window = timed(work, make_args(tei, out, OLD_DAY), work)
    alive = 0
    for _ in range(4):
        alive += kill_randomly(work, make_args(tei, out, NEW_DAY), work, rng, 1.2 * window)
        assert tree(out) in (trees[OLD_DAY], trees[NEW_DAY]) or (
            tree(out) == {} and tree(aside_path(out)) == trees[OLD_DAY])
        run(make_args(tei, out, OLD_DAY), work)
        assert tree(out) == trees[OLD_DAY] and leftovers(work) == []
    assert alive >= 1


def test_random_kills_of_build_with_a_folder_package(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in ARTICLES:
        shutil.copyfile(source, seeds / source.name)
    build = ["build", "--seeds", "seeds", "--package-format", "dir", "--bagging-date"]
    package = tmp_path / "dist" / "deposit" / "seeds-corpus"
    run(build + [NEW_DAY], tmp_path)
    new = tree(package)
    window = timed(tmp_path, build + [OLD_DAY], package.parent)
    old = tree(package)
    assert old != new and old
    rng = random.Random(f"{SEED}-build")
    alive = 0
    for _ in range(3):
        alive += kill_randomly(tmp_path, build + [NEW_DAY], package.parent, rng, 1.2 * window)
        assert tree(package) in (old, new) or (tree(package) == {} and tree(aside_path(package)) == old)
        run(build + [OLD_DAY], tmp_path)
        assert tree(package) == old and leftovers(package.parent) == []
    assert alive >= 1
