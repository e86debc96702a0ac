"""Ctrl-C: the terminal sends SIGINT to every process of the run (the parent and its workers).
The parent alone answers, with one line and exit 130; no worker prints a traceback; every file
written is whole (test_kill holds the outputs to that for SIGKILL)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teikit.xmlsafe import parse_bytes

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
CLI = [sys.executable, "-c", "from teikit.cli import main; main()"]
MESSAGE = ("error: interrupted: the files written so far are whole (each is written to a temporary file, then renamed), "
           "the others were not written: run it again to finish")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_is_one_line_and_exit_130(tmp_path, jobs):
    seeds = tmp_path / "in"
    seeds.mkdir()
    for n in range(8):  # enough articles that the run is still converting when the first TEI is written
        for source in ARTICLES:
            shutil.copyfile(source, seeds / f"{n}-{source.name}")
    tei = tmp_path / "tei"
    run = subprocess.Popen([*CLI, "convert", str(seeds), "-o", str(tei), "--jobs", jobs], cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not (tei.is_dir() and any(tei.glob("*.xml"))) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert run.poll() is None, "the run ended before it could be interrupted"
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130
    assert "Traceback" not in err.decode() and err.decode().splitlines()[-1] == MESSAGE
    for path in tei.glob("*.xml"):
        parse_bytes(path.read_bytes(), path=str(path))
