"""A bad day in production: a full disk, a read-only folder, a file where a folder is needed, a
failed replace, a second writer. `deposit make`, `build` and `render` report each as one line
(no traceback), exit 1 (2 for an output path a file is in the way of), keep what was there, and
leave nothing of theirs behind; a disk-full `render html` names every page it could not write.

A full disk is simulated (an OSError ENOSPC where the file is written, as the kernel raises it)
in every case, and, where this machine lets the test mount one (root), is also a real tmpfs of a
few KiB; a read-only folder is a chmod (not root) or a read-only tmpfs (root).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

import teikit.deposit.make as make_module
import teikit.deposit.payload as payload_module
import teikit.render.batch as render_batch
import teikit.render.site as site_module
from teikit.cli import app
from teikit.fsutil import LOCK_NAME, TEMP_NAME, exclusive_lock

ROOT = Path(__file__).resolve().parents[1]
DEPOSIT = ROOT / "tests" / "data" / "deposit"
STEMS = ("art-one", "art-two", "art-three", "art-four")
FULL = os.strerror(errno.ENOSPC)  # "No space left on device"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def tei(tmp_path) -> Path:
    """Four TEI articles (the two deposit fixtures, twice under other names) with their sources."""
    folder = tmp_path / "tei"
    folder.mkdir()
    for i, stem in enumerate(STEMS):
        shutil.copyfile(DEPOSIT / f"{('art-one', 'art-two')[i % 2]}.xml", folder / f"{stem}.xml")
    for name in ("art-one.txt", "art-two.txt"):
        shutil.copyfile(DEPOSIT / name, folder / name)
    return folder


def corpus_pages(tei: Path, where: Path) -> list[str]:
    """The index, register and date pages (paths under the site) a normal render of `tei` writes."""
    result = run("render", tei, "-o", where, "--jobs", "1")
    assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(where).as_posix() for p in where.rglob("*.html"))
    return [page for page in pages if Path(page).stem not in STEMS or "/" in page]


def no_space(path) -> OSError:
    return OSError(errno.ENOSPC, FULL)  # as a write() on a full disk raises it: no file name


def snapshot(root: Path) -> dict[str, bytes | None]:
    return {p.relative_to(root).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(root.rglob("*"))} if root.exists() else {}


def leftovers(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if TEMP_NAME.match(p.name) or LOCK_NAME.match(p.name) or p.name.endswith((".tmp", ".staging")))


def mount_tmpfs(where: Path, *options: str) -> bool:
    """Mount a tmpfs at `where` (made if missing) with `options`; False where not allowed."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)],
                          capture_output=True)
    return done.returncode == 0


@pytest.fixture
def tmpfs(tmp_path):
    """mount(name, *options) -> a tmpfs folder, or a skip where none can be mounted; unmounted after."""
    mounted = []

    def mount(name: str, *options: str) -> Path:
        where = tmp_path / name
        if not mount_tmpfs(where, *options):
            pytest.skip("no tmpfs can be mounted here (not root, or not allowed)")
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", str(where)], check=True)


# ------------------------------------------------------------- render html: every page reported


def test_a_full_disk_render_names_every_page_it_could_not_write_and_exits_1(tmp_path, tei, monkeypatch):
    site = tmp_path / "site"
    corpus = corpus_pages(tei, tmp_path / "good")
    real = render_batch.write_atomic
    lucky = {"art-one.html"}  # one page still fits; every other page finds the disk full

    def write(target, data):
        if Path(target).suffix == ".html" and Path(target).name not in lucky:
            raise no_space(target)
        return real(target, data)

    monkeypatch.setattr(render_batch, "write_atomic", write)  # the site's scripts
    monkeypatch.setattr(site_module, "write_atomic", write)  # its pages (render.site.write_page)
    result = run("render", tei, "-o", site, "--jobs", "1")  # in this process, where the disk is made full
    assert result.exit_code == 1
    failed = [f"{site / stem}.html" for stem in sorted(STEMS) if f"{stem}.html" not in lucky]
    assert "index.html" in corpus and "registers/persons.html" in corpus and len(corpus) >= 10
    failed += [str(site / page) for page in corpus]
    lines = result.stderr.splitlines()
    assert lines[:3] == [f"error: {path}: cannot write: {FULL}" for path in failed[:3]]  # the articles, in order
    assert sorted(lines[:-1]) == sorted(f"error: {path}: cannot write: {FULL}" for path in failed)  # every page
    assert lines[-1] == f"rendered 1 file(s) into {site}, {len(failed)} failed; the site holds 4 article(s)"
    assert sorted(p.name for p in site.glob("*.html")) == ["art-one.html"]
    assert leftovers(site) == []


def test_a_site_whose_manifest_cannot_be_written_is_left_as_it_was_and_every_page_reported(tmp_path, tei, monkeypatch):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site).exit_code == 0
    before = snapshot(site)
    corpus = corpus_pages(tei, tmp_path / "good")
    (tei / "art-one.xml").write_bytes((tei / "art-one.xml").read_bytes().replace(b"</p>", " Sửa.</p>".encode(), 1))
    real = render_batch.write_atomic

    def write(target, data):
        raise no_space(target)

    @contextmanager
    def writer(target):
        raise no_space(target)
        yield

    monkeypatch.setattr(site_module, "atomic_writer", writer)
    monkeypatch.setattr(render_batch, "write_atomic", write)  # the site's scripts
    monkeypatch.setattr(site_module, "write_atomic", write)  # its pages (render.site.write_page)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 1
    manifest = site / ".teikit-site.json"
    not_written = "not written (.teikit-site.json could not be written: the site is left as it was)"
    lines = result.stderr.splitlines()
    # the one article that changed (the others' pages stand: render.siterecord), then every corpus page
    assert lines[:2] == [f"error: {manifest}: cannot write: {FULL}", f"error: {site / 'art-one'}.html: {not_written}"]
    assert sorted(lines[2:-1]) == sorted(f"error: {site / page}: {not_written}" for page in corpus)
    assert lines[-1] == f"rendered 0 file(s) into {site}, 3 unchanged, {2 + len(corpus)} failed; the site holds 4 article(s)"
    assert snapshot(site) == before
    monkeypatch.setattr(render_batch, "write_atomic", real)
    monkeypatch.setattr(site_module, "write_atomic", real)


def test_render_into_a_real_full_tmpfs_reports_every_missing_page(tmp_path, tei, tmpfs):
    disk = tmpfs("disk", "size=64k")
    site = disk / "site"
    result = subprocess.run([sys.executable, "-c", "from teikit.cli import main; main()", "render", str(tei), "-o",
                             str(site)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = [site / f"{stem}.html" for stem in STEMS] + [site / page for page in corpus_pages(tei, tmp_path / "good")]
    missing = [path for path in expected if not path.is_file()]
    assert missing, "the tmpfs did not fill up: the test proves nothing"
    reported = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert all(line.endswith(f": cannot write: {FULL}") or "not written" in line for line in reported), reported
    # The search index, if it could not be written either, is one more line naming it.
    bundle = site / "pagefind"
    assert sorted(line.split(": ")[1] for line in reported if ".teikit-site.json" not in line
                  and line != f"error: {bundle}: cannot write: {FULL}") == sorted(str(path) for path in missing)
    assert leftovers(disk) == []


# ------------------------------------------------------------- deposit make


@pytest.mark.parametrize("name", ["pkg.zip", "pkg"])
def test_deposit_make_on_a_full_disk_is_one_line_and_keeps_the_old_package(tmp_path, tei, monkeypatch, name):
    out = tmp_path / "out" / name
    fmt = ["--format", "dir"] if name == "pkg" else []
    first = run("deposit", "make", tei, "--sources", tei, "-o", out, *fmt, "--bagging-date", "2026-01-01")
    assert first.exit_code == 0, first.output
    before = snapshot(out.parent)

    def full(*args, **kwargs):
        raise no_space(None)

    if name == "pkg.zip":
        monkeypatch.setattr(make_module, "write_archive", full)
    else:
        monkeypatch.setattr(payload_module.PayloadWriter, "_write", full)
    result = run("deposit", "make", tei, "--sources", tei, "-o", out, *fmt, "--replace")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"error: {out}: cannot be made: no space left on device; nothing was written "
                             "(a package already there is kept)\n")
    assert snapshot(out.parent) == before  # the old package, and no staging or temporary left


def test_deposit_make_into_a_real_full_tmpfs(tmp_path, tei, tmpfs):
    disk = tmpfs("disk", "size=48k")
    for out in (disk / "pkg.zip", disk / "pkg"):
        result = subprocess.run([sys.executable, "-c", "from teikit.cli import main; main()", "deposit", "make",
                                 str(tei), "--sources", str(tei), "-o", str(out)], capture_output=True, text=True,
                                timeout=300)
        assert (result.returncode, result.stderr) == (1, (
            f"error: {out}: cannot be made: no space left on device; nothing was written "
            "(a package already there is kept)\n"))
        assert sorted(os.listdir(disk)) == []  # no staging folder, no temporary, no lock


def read_only_folder(tmp_path, tmpfs) -> Path:
    folder = tmp_path / "ro"
    if os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    return tmpfs("ro", "size=64k", "ro")


@pytest.mark.parametrize("name", ["pkg.zip", "pkg"])
def test_deposit_make_into_a_read_only_folder_is_one_line(tmp_path, tei, tmpfs, name):
    folder = read_only_folder(tmp_path, tmpfs)
    out = folder / name
    result = run("deposit", "make", tei, "--sources", tei, "-o", out)
    cause = "read-only file system" if os.geteuid() == 0 else "permission denied"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"error: {out}: cannot be made: {cause}; nothing was written (a package already there is kept)\n"))
    assert os.listdir(folder) == []


@pytest.mark.parametrize("below", ["pkg.zip", "sub/pkg.zip", "sub/pkg"])
def test_a_file_in_the_way_of_the_package_folder_is_one_line(tmp_path, tei, below):
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    out = tmp_path / "afile" / below
    result = run("deposit", "make", tei, "--sources", tei, "-o", out)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"error: {out}: cannot be made: {tmp_path / 'afile'} is a file where a folder is needed\n"))
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_a_failed_replace_is_one_line_and_keeps_the_old_package(tmp_path, tei, monkeypatch):
    out = tmp_path / "pkg.zip"
    assert run("deposit", "make", tei, "--sources", tei, "-o", out, "--bagging-date", "2026-01-01").exit_code == 0
    old = out.read_bytes()

    def refused(staged, output, replace):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(output))

    monkeypatch.setattr(make_module, "place", refused)
    result = run("deposit", "make", tei, "--sources", tei, "-o", out, "--replace")
    assert (result.exit_code, result.stderr) == (1, (
        f"error: {out}: cannot be made: device or resource busy; nothing was written "
        "(a package already there is kept)\n"))
    assert out.read_bytes() == old and sorted(os.listdir(tmp_path)) == ["pkg.zip", "tei"]


def test_an_input_that_cannot_be_read_is_named_itself(tmp_path, tei, monkeypatch):
    def unreadable(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(payload_module, "_read", unreadable)
    result = run("deposit", "make", tei, "--sources", tei, "-o", tmp_path / "pkg.zip")
    assert (result.exit_code, result.stderr) == (1, f"error: {tei / 'art-four.xml'}: permission denied\n")


# ------------------------------------------------------------- a second writer


def test_a_second_deposit_make_into_one_package_is_busy(tmp_path, tei):
    out = tmp_path / "pkg.zip"
    with exclusive_lock(out):  # as another `deposit make` holds it while it writes
        result = run("deposit", "make", tei, "--sources", tei, "-o", out)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"error: {out}: busy: another teikit process is writing it; try again when it has finished\n"))
    assert sorted(os.listdir(tmp_path)) == ["tei"]


@pytest.mark.parametrize("held", ["tei", "dist"])
def test_a_second_build_into_one_folder_is_busy(tmp_path, held):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(next((ROOT / "seeds").glob("*.txt")), seeds / "one.txt")
    folder = tmp_path / held
    with exclusive_lock(folder):  # as another build holds it
        result = run("build", "--seeds", seeds, "--tei", tmp_path / "tei", "--dist", tmp_path / "dist")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"error: {folder}: busy: another teikit process is writing it; try again when it has finished\n"))
    assert sorted(os.listdir(tmp_path)) == ["seeds"]


def test_two_real_deposit_makes_at_once_end_in_one_package_or_one_busy_line(tmp_path, tei):
    """Started together: each either makes the package or is refused with the busy line; never a traceback."""
    out = tmp_path / "pkg"
    cli = [sys.executable, "-c", "from teikit.cli import main; main()", "deposit", "make", str(tei), "--sources",
           str(tei), "-o", str(out), "--format", "dir", "--replace", "--bagging-date", "2026-01-01"]
    for _ in range(3):
        runs = [subprocess.Popen(cli, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]
        for p in runs:
            p.stdout.close()
            p.stderr.close()
        busy = (1, f"error: {out}: busy: another teikit process is writing it; try again when it has finished\n")
        assert all(r[0] == 0 or r == busy for r in results), results
        assert any(r[0] == 0 for r in results)
    assert sorted(os.listdir(tmp_path)) == ["pkg", "tei"]


# ------------------------------------------------------------- build


def test_build_on_a_full_disk_reports_each_step_in_one_line(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(next((ROOT / "seeds").glob("*.txt")), seeds / "one.txt")
    real = render_batch.write_atomic

    def write(target, data):
        if Path(target).suffix in (".html", ".txt"):
            raise no_space(target)
        return real(target, data)

    def full(*args, **kwargs):
        raise no_space(None)

    monkeypatch.setattr(render_batch, "write_atomic", write)  # the site's scripts
    monkeypatch.setattr(site_module, "write_atomic", write)  # its pages (render.site.write_page)
    monkeypatch.setattr(make_module, "write_archive", full)
    dist = tmp_path / "dist"
    result = run("build", "--seeds", seeds, "--tei", tmp_path / "tei", "--dist", dist, "--jobs", "1")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    html = [line for line in errors if "/html/" in line]
    assert html[0] == f"error: {dist / 'html' / 'one.html'}: cannot write: {FULL}"
    assert f"error: {dist / 'html' / 'index.html'}: cannot write: {FULL}" in html
    assert all(line.endswith(f": cannot write: {FULL}") for line in html) and len(html) > 5
    assert errors[len(html):] == [
        f"error: {dist / 'txt' / 'one.txt'}: cannot write: {FULL}",
        f"error: {dist / 'deposit' / 'seeds-corpus.zip'}: cannot be made: no space left on device; "
        "nothing was written (a package already there is kept)"]


def test_an_os_error_in_a_build_step_is_one_line_and_the_other_steps_run(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(next((ROOT / "seeds").glob("*.txt")), seeds / "one.txt")
    import teikit.cli.build as build_module

    def broken(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "dist" / "txt"))

    monkeypatch.setattr(build_module, "render_paths", broken)
    result = run("build", "--seeds", seeds, "--tei", tmp_path / "tei", "--dist", tmp_path / "dist")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'dist' / 'txt'}: permission denied\n" in result.stderr
    assert "Traceback" not in result.output
    assert (tmp_path / "dist" / "deposit" / "seeds-corpus.zip").is_file()  # the step after it still ran


def test_build_with_a_file_in_the_way_of_its_folders_is_a_usage_error(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    result = run("build", "--seeds", seeds, "--dist", tmp_path / "afile" / "dist")
    assert (result.exit_code, result.stderr) == (2, (
        f"error: {tmp_path / 'afile' / 'dist'}: cannot be written: {tmp_path / 'afile'} is a file where a folder is needed\n"))


def test_a_full_temporary_folder_under_the_site_store_is_one_line(tmp_path, tei, monkeypatch):
    import sqlite3
    import tempfile

    import teikit.render.sitedata as sitedata

    def full(self, stem, record):
        raise sqlite3.OperationalError("database or disk is full")

    real = sitedata.SiteData.add

    monkeypatch.setattr(sitedata.SiteData, "add", full)
    site = tmp_path / "site"
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert (result.exit_code, result.stdout) == (1, "")
    where = f"the site's working store in {tempfile.gettempdir()} (database or disk is full)"
    lines = result.stderr.splitlines()
    assert lines[:-1] == [f"error: {tei / stem}.xml: cannot be kept in {where}" for stem in sorted(STEMS)]
    assert lines[-1].startswith(f"rendered ") and lines[-1].endswith(", 4 failed; the site holds 0 article(s)")
    monkeypatch.setattr(sitedata.SiteData, "add", real)

    def index_fails(self, *page):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sitedata.SiteData, "index_xml", index_fails)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert (result.exit_code, result.stdout) == (1, "")
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {site / 'index.html'}: cannot be made from {where}"
    assert lines[1].startswith("rendered ") and lines[1].endswith(", 1 failed; the site holds 4 article(s)")


def test_an_atomic_write_that_fails_names_the_output_not_its_temporary(tmp_path):
    from teikit.fsutil import atomic_writer

    target = tmp_path / "out.jsonl"
    with pytest.raises(OSError) as caught:
        with atomic_writer(target) as handle:
            handle.write(b"half")
            raise no_space(None)
    assert (caught.value.errno, caught.value.filename) == (errno.ENOSPC, str(target))
    assert os.listdir(tmp_path) == []


def test_ner_extract_into_a_read_only_folder_is_one_line_naming_the_output(tmp_path, tmpfs):
    folder = read_only_folder(tmp_path, tmpfs)
    text = tmp_path / "a.txt"
    text.write_text("Ông Nguyễn Văn An đến Hà Nội.", encoding="utf-8")
    out = folder / "out.jsonl"
    result = run("ner", "extract", text, "-o", out)
    cause = "read-only file system" if os.geteuid() == 0 else "permission denied"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {out}: {cause}\n")
