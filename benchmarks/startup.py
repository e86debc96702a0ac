#!/usr/bin/env python3
"""Start-up of the `teikit` command: `import teikit.cli`, `teikit --version`, `teikit --help`.

Each is run N times in a fresh interpreter (like hyperfine); printed: wall time
and CPU time (user + sys of the child, os.wait4: little moved by other load on
the machine), min and median, beside `python -c pass` for the interpreter's own
share. `--importtime` adds the ten costliest imports of `import teikit.cli`
(python -X importtime, cumulative microseconds).

    .venv/bin/python benchmarks/startup.py [--runs 10] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def command(args: list[str]) -> str:
    return f"import sys\nsys.argv = ['teikit', *{args!r}]\nfrom teikit.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass"


CASES = [
    ("python -c pass", "pass"),
    ("import teikit.cli", "import teikit.cli"),
    ("teikit --version", command(["--version"])),
    ("teikit --help", command(["--help"])),
]


def measure(code: str, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {code}")
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    print(f"{args.runs} runs each; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':<20} {'wall min':>9} {'median':>8} {'CPU min':>8} {'median':>8}  (ms)")
    for label, code in CASES:
        walls, cpus = measure(code, args.runs)
        print(f"{label:<20} {1000 * min(walls):9.0f} {1000 * statistics.median(walls):8.0f} "
              f"{1000 * min(cpus):8.0f} {1000 * statistics.median(cpus):8.0f}")
    if args.importtime:
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import teikit.cli"],
                              capture_output=True, text=True, check=True)
        rows = [line.split("|") for line in done.stderr.splitlines() if line.startswith("import time:")][1:]
        costly = sorted(((int(row[1]), row[2].rstrip()) for row in rows if row[1].strip().isdigit()), reverse=True)
        print("costliest imports of `import teikit.cli` (cumulative µs):")
        for micros, name in costly[:10]:
            print(f"  {micros:8d} {name.strip()}")


if __name__ == "__main__":
    main()
