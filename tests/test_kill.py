"""No half-written outputs, ever: `teikit convert`, `teikit render` (html and txt) and `teikit deposit make`
killed (SIGKILL) at random moments while they write a batch leave every output either
the old file or the new one, and the next normal run leaves no temporary file behind.

Each command is killed KILLS times (seeded): once into an empty folder, then over the
outputs of a complete run. A kill lands a random delay after the command starts writing
(its output folder gets its first entry, or its staging folder appears), within the
writing time a normal run took. After every kill each output present must parse and be
byte-identical to what the final normal run writes (teikit's outputs are reproducible),
so a truncated or mixed file cannot pass.
"""

from __future__ import annotations

import io
import hashlib
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from teikit.buildrecord import STORE
from teikit.fsutil import LOCK_NAME, TEMP_NAME
from teikit.names import is_register_file
from teikit.xmlsafe import parse_bytes

from render_helpers import indexed_pages, parse_html

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
N_ARTICLES = 30
KILLS = 3
SEED = 11
FIRST_WINDOW = 0.4  # seconds of writing assumed before a normal run has been timed
TIMEOUT = 60
CLI = [sys.executable, "-c", "from teikit.cli import main; main()"]


def command_line(name: str) -> list[str]:
    return {
        "convert": ["convert", "in", "-o", "tei"],
        "render": ["render", "tei", "-o", "site"],
        "render-txt": ["render", "tei", "--format", "txt", "-o", "txt"],
        "deposit": ["deposit", "make", "tei", "-o", "deposit/corpus.zip", "--replace", "--bagging-date", "2026-01-01"],
    }[name]


def output_root(work: Path, name: str) -> Path:
    return work / {"convert": "tei", "render": "site", "render-txt": "txt", "deposit": "deposit"}[name]


def writing(work: Path, name: str) -> bool:
    """Whether the command has started writing its outputs."""
    root = output_root(work, name)
    try:
        return any(root.iterdir())
    except OSError:
        return False


def temporaries(root: Path) -> list[Path]:
    """teikit's temporary files, staging folders and lock files anywhere under `root` (a kill leaves
    the lock file of what it was writing; the next run takes it over and removes it)."""
    return sorted(p for p in root.rglob("*") if TEMP_NAME.match(p.name) or LOCK_NAME.match(p.name)
                  or p.name.endswith((".tmp", ".staging")))


def store_texts(store: Path) -> bytes:
    """The texts the build record's store holds (sha256 lines), as SQLite opens it (a copy, with the
    journal a kill left: its transaction rolled back); its pages whole, each text its own sha256."""
    with tempfile.TemporaryDirectory() as scratch:
        for path in (store, store.with_name(store.name + "-journal")):
            if path.exists():
                shutil.copy(path, Path(scratch) / path.name)
        db = sqlite3.connect(Path(scratch) / store.name)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",), f"{store}: damaged"
            made = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'blobs'").fetchone()  # not when killed making it
            rows = db.execute("SELECT sha, text FROM blobs").fetchall() if made else []
        finally:
            db.close()
    assert all(hashlib.sha256(text.encode("utf-8")).hexdigest() == sha for sha, text in rows), f"{store}: a text not whole"
    return "".join(sorted(f"{sha}\n" for sha, _ in rows)).encode()


def outputs(work: Path, name: str) -> dict[str, bytes]:
    """The command's finished outputs (temporaries left out), by path under `work`; the build
    record's store (SQLite: its bytes depend on its history) by the texts it holds."""
    found = {}
    for path in sorted(output_root(work, name).rglob("*")):
        # Pagefind's search bundle is the one output that is not byte-identical run to run
        # (its filter and meta indexes, docs/site.md); it is put in place whole by renames.
        if "pagefind" in path.relative_to(work).parts or path.name == f"{STORE}-journal":
            continue
        if path.name == STORE:
            found[path.relative_to(work).as_posix()] = store_texts(path)
            continue
        if path.is_file() and not LOCK_NAME.match(path.name) and not any(TEMP_NAME.match(part) for part in path.relative_to(work).parts):
            found[path.relative_to(work).as_posix()] = path.read_bytes()
    return found


def check_parses(files: dict[str, bytes]) -> None:
    """Every output whole: XML well-formed (xmlsafe), HTML5 that parses strictly and ends, UTF-8 text,
    JSON, a zip whose every member reads back."""
    for rel, data in files.items():
        if rel.endswith(".xml"):
            parse_bytes(data, path=rel)
        elif rel.endswith(".html"):
            text = data.decode("utf-8")
            assert text.endswith("</html>\n"), f"{rel}: truncated"
            parse_html(text, rel)
        elif rel.endswith(".txt"):
            assert data.decode("utf-8").endswith("\n"), f"{rel}: truncated"
        elif rel.endswith(".json"):
            json.loads(data.decode("utf-8"))
        elif rel.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert archive.testzip() is None, f"{rel}: corrupt member"
                check_parses({f"{rel}!{m}": archive.read(m) for m in archive.namelist() if m.endswith(CHECKED)})
        elif rel.endswith(STORE):
            pass  # read whole by store_texts
        elif rel.endswith(".js"):
            # The site's own scripts, copied whole from the stylesheets' assets.
            assert data == (ROOT / "xslt" / "html" / "assets" / Path(rel).name).read_bytes(), f"{rel}: not whole"
        else:
            raise AssertionError(f"{rel}: an output this test does not know how to check")


CHECKED = (".xml", ".html", ".txt", ".json")


def check_search_index(site: Path) -> None:
    """The search index a kill left, if any, whole: every shard its listing names a Pagefind bundle
    that stands (its entry, its metadata), and together they index every article once. (Its bytes
    are not compared: they differ run to run.)"""
    listing = site / "pagefind" / "teikit-shards.json"
    if not listing.exists():
        return
    pages: list[str] = []
    for folder in json.loads(listing.read_text(encoding="utf-8"))["shards"]:
        bundle = site / "pagefind" / folder
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert all((bundle / f"pagefind.{language['hash']}.pf_meta").is_file() for language in entry["languages"].values())
        pages += indexed_pages(bundle)
    assert len(pages) == len(set(pages)) == N_ARTICLES, f"{site}: the search index holds {len(pages)} pages"


class Runs:
    """Runs and kills of one command in the work folder, with what they did."""

    def __init__(self, work: Path, name: str):
        self.work, self.name = work, name
        self.rng = random.Random(f"{SEED}-{name}")
        self.window: dict[str, float] = {}
        self.figures: dict[str, dict] = {}

    def normal(self, name: str) -> None:
        """A run to the end; it must leave no temporary file, and removes those kills left."""
        root = output_root(self.work, name)
        stale = temporaries(root)
        started = time.perf_counter()
        process = subprocess.Popen(CLI + command_line(name), cwd=self.work, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        began = None
        while process.poll() is None:
            if began is None and writing(self.work, name):
                began = time.perf_counter()
            time.sleep(0.002)
        stderr = process.stderr.read().decode("utf-8", "replace")
        process.stderr.close()
        assert process.returncode == 0, f"teikit {name}: exit {process.returncode}\n{stderr}"
        ended = time.perf_counter()
        self.window[name] = max(0.05, ended - (began or started))
        assert temporaries(root) == [], f"{name}: temporaries left after a normal run (before it: {stale})"
        figures = self.figures.setdefault(name, {})
        figures["stale_temporaries_cleaned"] = figures.get("stale_temporaries_cleaned", 0) + len(stale)

    def kill(self, name: str) -> dict:
        """Start the command, kill -9 it a random moment into its writing; what it left."""
        process = subprocess.Popen(CLI + command_line(name), cwd=self.work, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        delay = self.rng.uniform(0.0, 0.9 * self.window.get(name, FIRST_WINDOW))
        deadline = time.perf_counter() + TIMEOUT
        while process.poll() is None and not writing(self.work, name) and time.perf_counter() < deadline:
            time.sleep(0.001)
        time.sleep(delay)
        alive = process.poll() is None
        process.kill()
        process.wait(timeout=TIMEOUT)  # reaped: its pid no longer runs
        figures = self.figures.setdefault(name, {})
        for key, empty in (("kills", 0), ("mid_run", 0), ("temporaries_left", 0), ("outputs_left", [])):
            figures.setdefault(key, empty)
        figures["kills"] += 1
        figures["mid_run"] += alive
        figures["temporaries_left"] += len(temporaries(output_root(self.work, name)))
        left = outputs(self.work, name)
        check_parses(left)
        if name == "render":
            check_search_index(output_root(self.work, name))
        figures["outputs_left"].append(len(left))
        return left


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("kill")
    (work / "in").mkdir()
    for i in range(N_ARTICLES):
        source = ARTICLES[i % len(ARTICLES)]
        shutil.copy(source, work / "in" / f"k{i:02d}_{source.name}")
    return work


def kill_and_rerun(work: Path, name: str) -> dict:
    """KILLS kills of `name` (the first into an empty folder) and a normal run, checked; its figures."""
    runs = Runs(work, name)
    left_by_kill = [runs.kill(name)]          # into an empty folder
    runs.normal(name)                         # times the writing
    for _ in range(KILLS - 1):
        left_by_kill.append(runs.kill(name))  # over a complete run's outputs
    runs.normal(name)
    final = outputs(work, name)
    check_parses(final)
    for i, left in enumerate(left_by_kill):
        for rel, data in left.items():
            assert rel in final, f"{name}, kill {i + 1}: {rel} is not an output of a normal run"
            if rel.endswith(STORE):  # the same inputs each run: the texts of a run killed, some of the final ones
                assert set(data.splitlines()) <= set(final[rel].splitlines()), f"{name}, kill {i + 1}: {rel} holds other texts"
                continue
            assert data == final[rel], f"{name}, kill {i + 1}: {rel} is neither the old file nor the new one"
    figures = runs.figures[name]
    figures["outputs"] = len(final)
    assert figures["kills"] == KILLS
    assert figures["mid_run"] >= 1, f"{name}: no kill landed while it ran: {figures}"
    return figures


def test_killed_runs_leave_old_or_new_outputs_and_the_next_run_no_temporaries(work, capsys):
    figures = {"convert": kill_and_rerun(work, "convert")}
    # render (html, txt) and deposit all read tei/ and write apart (site/, txt/, deposit/): side by side.
    with ThreadPoolExecutor(max_workers=3) as pool:
        running = {name: pool.submit(kill_and_rerun, work, name) for name in ("render", "render-txt", "deposit")}
        figures.update({name: future.result() for name, future in running.items()})
    assert temporaries(work) == []
    converted = [rel for rel in outputs(work, "convert") if rel.endswith(".xml")]
    # the articles, and the corpus register beside them (one file per entity type)
    assert len([rel for rel in converted if not is_register_file(rel)]) == N_ARTICLES
    assert sorted(rel for rel in converted if is_register_file(rel)) == [
        "tei/register/orgs.xml", "tei/register/persons.xml", "tei/register/places.xml"]
    pages = [rel for rel in outputs(work, "render") if rel.endswith(".html")]
    # The articles, the index and the search page, four register pages; then a page per entry and per year.
    assert len([rel for rel in pages if rel.count("/") == 1]) == N_ARTICLES + 2
    assert len([rel for rel in pages if rel.count("/") == 2]) == 4
    assert len([rel for rel in pages if rel.count("/") == 3]) > N_ARTICLES
    assert len([rel for rel in outputs(work, "render-txt") if rel.endswith(".txt")]) == N_ARTICLES  # and the build record
    assert list(outputs(work, "deposit")) == ["deposit/corpus.zip"]
    with capsys.disabled():
        print("\nkill figures:", json.dumps(figures, sort_keys=True))
