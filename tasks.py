#!/usr/bin/env python3
"""Set up and run teikit with nothing but Python 3.11+.

    python3 tasks.py build   # venv + install, then the main job: seeds/ → tei/ →
                             # validate → dist/html, dist/txt, corpus site, deposit package
    python3 tasks.py test    # venv + install with test extras, then the test suite
    python3 tasks.py schema  # venv + install, then regenerate schema/teikit.rng and teikit.sch
                             # from schema/teikit.odd (the TEI Stylesheets through saxonche)

Extra arguments after the task go to `teikit build` or to pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, cwd=ROOT, check=True)


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"teikit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(str(BIN / "python"), "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(str(BIN / "python"), "-m", "pip", "install", "-q", "-e", f".{extras}")


def ensure_chromium() -> None:
    """The browser test needs Debian's Chromium; install it when we may (root, apt)."""
    if CHROMIUM.exists() or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"], check=False, env=env)


def main(argv: list[str]) -> None:
    task, rest = (argv[0], argv[1:]) if argv else ("", [])
    if task == "build":
        setup("")
        run(str(BIN / "teikit"), "build", *rest)
    elif task == "test":
        setup("[test]")
        ensure_chromium()
        run(str(BIN / "python"), "-m", "pytest", "-q", *rest)
    elif task == "schema":
        setup("")
        run(str(BIN / "python"), "-m", "teikit.validate.generate", str(ROOT / "schema"), *rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
