"""Nothing a run started outlives it: a `--jobs 2` run whose parent is killed (SIGKILL) takes its
whole process tree with it (both workers, the forkserver, multiprocessing's resource tracker)
within GRACE seconds, whatever the workers were doing (teikit.parallel's contract).

Each case starts the CLI as a subprocess and waits (bounded) until its tree is complete: the
forkserver, the resource tracker and both workers. It lets the run work a moment, records every
process descended from it by pid and start time (a pid used again by another process is no
survivor), checks the run is still going, kills the parent with SIGKILL and polls /proc until none
of them runs. A zombie has ended (only its exit status waits for whoever adopted it). Survivors of
a failing case are killed by pid, so a failure leaves no orphans either. Where the kernel's
signal is not to be had (not Linux, or a worker the parent started itself), a thread in the
worker watches its parent: a test kills the parent of such a process. A program the parent runs
and waits for (Pagefind) ends with it too, and runs as it would otherwise. Linux only (/proc).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
N_ARTICLES = 150   # render's input: a normal convert of these
N_MANY = 600       # convert's input: a run of these outlasts every kill by far
TREE = 4          # the resource tracker, the forkserver and the two workers
TIMEOUT = 120     # seconds for the tree to be complete (a loaded machine), or a normal run to end
GRACE = 5         # seconds for the tree to end once the parent is killed
CLI = [sys.executable, "-c", "from teikit.cli import main; main()"]


def stat(pid: int) -> tuple[int, str, str] | None:
    """(parent pid, state, start time) of `pid`, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after the command's name, which may hold spaces
    return int(fields[1]), fields[0], fields[19]


def descendants(root: int) -> dict[int, str]:
    """Every live process below `root`, by pid: its start time."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (found := stat(int(entry))) is not None:
            table[int(entry)] = found
    below, todo = {}, [root]
    while todo:
        parent = todo.pop()
        for pid, (ppid, state, started) in table.items():
            if ppid == parent and pid not in below and state != "Z":
                below[pid] = started
                todo.append(pid)
    return below


def surviving_after_grace(tree: dict) -> list:
    """Those of `tree` (surviving's argument) still running once they had GRACE seconds to end."""
    deadline = time.monotonic() + GRACE
    while surviving(tree) and time.monotonic() < deadline:
        time.sleep(0.05)
    return surviving(tree)


def surviving(tree: dict[int, str]) -> list[int]:
    """The processes of `tree` still running: same pid, same start time, not a zombie."""
    alive = []
    for pid, started in tree.items():
        now = stat(pid)
        if now is not None and now[2] == started and now[1] != "Z":
            alive.append(pid)
    return alive


def command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")[:100]
    except OSError:
        return "?"


def kill_mid_run(work: Path, args: list[str], after: float) -> tuple[dict[int, str], list[str]]:
    """Start `teikit ARGS --jobs 2` in `work`, SIGKILL it `after` seconds past its tree being
    complete; (its tree then, those of it still running GRACE seconds later: pid and command)."""
    run = subprocess.Popen(CLI + args + ["--jobs", "2"], cwd=work, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    tree: dict[int, str] = {}
    try:
        deadline = time.monotonic() + TIMEOUT
        while len(tree) < TREE and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            tree = descendants(run.pid)
        assert len(tree) >= TREE, f"teikit {args[0]}: its tree never grew to {TREE} processes: {tree}"
        time.sleep(after)
        tree.update(descendants(run.pid))
        assert run.poll() is None, f"teikit {args[0]} ended before it was killed: give it more articles"
    finally:
        run.kill()
        run.wait()
    left = surviving_after_grace(tree)
    said = [f"{pid} ({command(pid)})" for pid in left]
    # A failure leaves nothing running either: the tracker last, left to end on its own once the
    # others are gone (it then unlinks the pool's semaphores, which a SIGKILL would leave in /dev/shm).
    trackers = [pid for pid in left if "resource_tracker" in command(pid)]
    for pid in left:
        if pid not in trackers:
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + GRACE
    while surviving({pid: tree[pid] for pid in trackers}) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in surviving({pid: tree[pid] for pid in trackers}):
        os.kill(pid, signal.SIGKILL)
    return tree, said


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """N_MANY articles in many/; N_ARTICLES in in/, converted by a normal --jobs 2 run into tei/."""
    work = tmp_path_factory.mktemp("orphans")
    for folder, count in (("in", N_ARTICLES), ("many", N_MANY)):
        (work / folder).mkdir()
        for i in range(count):
            source = ARTICLES[i % len(ARTICLES)]
            shutil.copy(source, work / folder / f"o{i:03d}_{source.name}")
    done = subprocess.run(CLI + ["convert", "in", "-o", "tei", "--no-validate", "--jobs", "2"], cwd=work,
                          capture_output=True, text=True, timeout=TIMEOUT * 3)
    assert done.returncode == 0, done.stderr
    return work


@pytest.mark.parametrize("name, args, after", [
    ("convert, its workers starting", ["convert", "many", "-o", "tei-1", "--no-validate"], 0.0),
    ("convert, its workers working", ["convert", "many", "-o", "tei-2", "--no-validate"], 2.0),
    ("render html, its workers working", ["render", "tei", "--format", "html", "-o", "site"], 1.0),
])
def test_a_killed_run_takes_its_workers_forkserver_and_resource_tracker_with_it(work, name, args, after):
    tree, left = kill_mid_run(work, args, after)
    assert len(tree) >= TREE
    assert left == [], f"{name}: still running {GRACE} s after the parent was killed: " + ", ".join(left)


# Elsewhere (no prctl, or workers spawned by the parent itself): a thread watches the parent.
CHILD = ("from teikit import parallel; import time; parallel._die_with_parent(); print('watching', flush=True); "
         "time.sleep(60)")
PARENT = ("import subprocess, sys, time; child = subprocess.Popen([sys.executable, '-c', sys.argv[1]]); "
          "print(child.pid, flush=True); time.sleep(60)")


def test_a_worker_not_forked_by_the_forkserver_ends_soon_after_its_parent():
    parent = subprocess.Popen([sys.executable, "-c", PARENT, CHILD], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert parent.stdout.readline() == "watching\n"  # the child's own line (it shares the pipe)
    started = stat(child)[2]
    parent.kill()
    parent.wait()
    parent.stdout.close()
    deadline = time.monotonic() + GRACE
    while surviving({child: started}) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = surviving({child: started})
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"the child still runs {GRACE} s after its parent was killed"


# A program the parent runs and waits for, Pagefind making the search index, ends with it. The
# stand-in would run for a minute (a shell script that becomes `sleep 60`, its pid the same).
RUNS_PAGEFIND = ("import sys; from pathlib import Path; from teikit.render import search; "
                 "search.executable = lambda: Path(sys.argv[1]); "
                 "search._pagefind(Path(sys.argv[2]), Path(sys.argv[2]) / 'out', '', Path(sys.argv[2]))")


def test_a_pagefind_run_ends_with_the_process_that_waits_for_it(tmp_path):
    stand_in = tmp_path / "pagefind"
    stand_in.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    stand_in.chmod(0o755)
    parent = subprocess.Popen([sys.executable, "-c", RUNS_PAGEFIND, str(stand_in), str(tmp_path)])
    running: dict[int, str] = {}
    try:
        deadline = time.monotonic() + TIMEOUT
        while not running and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            running = {pid: started for pid, started in descendants(parent.pid).items()
                       if command(pid).startswith("sleep 60")}
        assert running, "the stand-in for Pagefind never ran"
    finally:
        parent.kill()
        parent.wait()
    left = surviving_after_grace(running)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"Pagefind still runs {GRACE} s after the process running it was killed"


def test_a_program_so_run_is_run_as_it_would_be():
    from teikit.parallel import ended_with_caller
    done = subprocess.run(ended_with_caller(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]),
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (3, "out\n", "err\n")
    missing = "/no/such/pagefind"
    with pytest.raises(FileNotFoundError) as raised:
        subprocess.run(ended_with_caller([missing, "--site", "x"]))
    assert raised.value.filename == missing
