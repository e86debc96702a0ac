"""Incremental `teikit build`: a build over outputs made before redoes only what its inputs changed.

Each test builds a small corpus (test_incremental's: a name found in one article marks
another), changes one input, builds again and checks which files the build rewrote (a
rewrite is a new inode: every write is atomic), what each step's line says, and that the
outputs are then those of a build from scratch, byte for byte: the search index
(pagefind/, not reproducible run to run: Pagefind#638) and the build records aside, the
editing records without their history (`previous`).
"""

from __future__ import annotations

import json
import sqlite3
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import teikit
from teikit import buildrecord, resources
from teikit.cli import app
from teikit.deposit.output import aside_path
from teikit.render import default_renderer

from test_incremental import ARTICLES

runner = CliRunner()
OPTIONS = ("--bagging-date", "2024-01-01", "--jobs", "1")


def build(root: Path, *extra):
    return runner.invoke(app, ["build", "--seeds", str(root / "seeds"), "--tei", str(root / "tei"),
                               "--dist", str(root / "dist"), *OPTIONS, *map(str, extra)])


def steps(result) -> dict[str, str]:
    """Each step's summary line, by step ("convert", "validate", "html", "txt", "deposit")."""
    found = {}
    for line in result.stderr.splitlines():
        head, _, rest = line.partition(":")
        if head in ("convert", "validate", "deposit"):
            found[head] = rest.strip()
        elif head == "render":
            found["html" if "HTML pages" in rest else "txt"] = rest.strip()
    return found


def inodes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in root.rglob("*")
            if p.is_file() and "seeds" not in p.relative_to(root).parts}


def rewritten(before: dict[str, int], root: Path) -> set[str]:
    """The outputs written since `before` (the site's manifest and scripts, written every time, aside)."""
    every_time = {"dist/html/.teikit-site.json", *(f"dist/html/assets/{n}" for n in ("highlight.js", "search.js", "sort.js"))}
    return {rel for rel, ino in inodes(root).items() if before.get(rel) != ino} - every_time


def outputs(root: Path) -> dict[str, object]:
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or rel.parts[0] == "seeds" or "pagefind" in rel.parts or path.name in buildrecord.FILES:
            continue
        if path.parent.name == ".teikit":
            record = json.loads(path.read_text(encoding="utf-8"))
            record.pop("previous", None)
            found[str(rel)] = record
        else:
            found[str(rel)] = path.read_bytes()
    return found


def assert_as_from_scratch(root: Path, tmp_path: Path, *extra) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(root / "seeds", fresh / "seeds")
    if (root / "tei" / "register").is_dir():  # an input as the sources are: it keeps every name it held
        shutil.copytree(root / "tei" / "register", fresh / "tei" / "register")
    result = build(fresh, *extra)
    assert result.exit_code == 0, result.output
    assert outputs(root) == outputs(fresh)


@pytest.fixture
def built(tmp_path) -> Path:
    root = tmp_path / "run"
    (root / "seeds").mkdir(parents=True)
    for stem, text in ARTICLES.items():
        (root / "seeds" / f"{stem}.txt").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.exit_code == 0, result.output
    return root


def test_a_build_with_nothing_changed_writes_nothing(built, tmp_path):
    before = inodes(built)
    result = build(built)
    assert result.exit_code == 0, result.output
    said = steps(result)
    assert said["convert"] == f"0 TEI files in {built / 'tei'}, 3 unchanged"
    assert said["validate"] == "3 files, 3 valid, 0 invalid, 0 errors, 3 unchanged"
    assert said["html"].startswith(f"0 HTML pages in {built / 'dist' / 'html'}, ")
    assert said["txt"] == f"0 text files in {built / 'dist' / 'txt'}, 3 unchanged"
    assert said["deposit"].endswith(", unchanged")
    assert rewritten(before, built) == set()  # no page, no search index, no package, no record
    assert_as_from_scratch(built, tmp_path)


def test_an_edited_source_rebuilds_its_article_and_what_shows_it(built, tmp_path):
    before = inodes(built)
    seed = built / "seeds" / "c03.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("tăng mạnh", "tăng nhẹ"), encoding="utf-8")
    result = build(built)
    assert result.exit_code == 0, result.output
    said = steps(result)
    assert said["convert"] == f"1 TEI files in {built / 'tei'}, 2 unchanged"
    assert said["validate"] == "3 files, 3 valid, 0 invalid, 0 errors, 2 unchanged"
    assert said["txt"] == f"1 text files in {built / 'dist' / 'txt'}, 2 unchanged"
    assert not said["deposit"].endswith(", unchanged")
    changed = rewritten(before, built)
    assert {"tei/c03.xml", "dist/html/c03.html", "dist/txt/c03.txt", "dist/deposit/seeds-corpus.zip"} <= changed
    assert not changed & {"tei/a01.xml", "tei/b02.xml", "dist/html/a01.html", "dist/html/b02.html", "dist/txt/a01.txt"}
    assert_as_from_scratch(built, tmp_path)


def test_an_option_of_the_text_edition_rebuilds_the_text_edition_only(built, tmp_path):
    before = inodes(built)
    result = build(built, "--abbr", "expand")
    said = steps(result)
    assert said["convert"].endswith("3 unchanged") and said["html"].startswith("0 HTML pages")
    assert said["txt"] == f"3 text files in {built / 'dist' / 'txt'}"
    assert said["deposit"].endswith(", unchanged")  # the package's editions do not take --abbr
    assert {rel for rel in rewritten(before, built) if Path(rel).name not in buildrecord.FILES} == {
        f"dist/txt/{stem}.txt" for stem in ARTICLES}
    assert_as_from_scratch(built, tmp_path, "--abbr", "expand")


def test_an_option_of_the_tei_rebuilds_everything(built, tmp_path):
    result = build(built, "--publisher", "Báo Mới")
    said = steps(result)
    assert said["convert"] == f"3 TEI files in {built / 'tei'}"
    assert said["validate"] == "3 files, 3 valid, 0 invalid, 0 errors"
    assert said["txt"] == f"3 text files in {built / 'dist' / 'txt'}"
    assert not said["deposit"].endswith(", unchanged")
    assert_as_from_scratch(built, tmp_path, "--publisher", "Báo Mới")


def test_changed_stylesheets_rebuild_the_editions_and_the_package_not_the_tei(built, tmp_path, monkeypatch):
    xslt = tmp_path / "xslt"
    shutil.copytree(resources.xslt_dir(), xslt)
    css = xslt / "html" / "assets" / "edition.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    monkeypatch.setattr(resources, "xslt_dir", lambda: xslt)
    default_renderer.cache_clear()
    buildrecord.forget_digests()  # as a new process would
    try:
        result = build(built)
        assert result.exit_code == 0, result.output
        said = steps(result)
        assert said["convert"].endswith("3 unchanged") and said["validate"].endswith("3 unchanged")
        assert "unchanged" not in said["html"] and "unchanged" not in said["txt"]
        assert not said["deposit"].endswith(", unchanged")
        assert "/* changed */" in (built / "dist" / "html" / "a01.html").read_text(encoding="utf-8")
        assert_as_from_scratch(built, tmp_path)
    finally:
        default_renderer.cache_clear()
        buildrecord.forget_digests()


def test_a_new_teikit_version_rebuilds_everything(built, monkeypatch):
    monkeypatch.setattr(teikit, "__version__", teikit.__version__ + ".post1")
    said = steps(build(built))
    assert said["convert"] == f"3 TEI files in {built / 'tei'}"
    assert "unchanged" not in said["validate"] + said["html"] + said["txt"] + said["deposit"]


def test_an_added_article_is_built_and_joins_the_index_and_registers(built, tmp_path):
    before = inodes(built)
    (built / "seeds" / "d04.txt").write_text("Hội nghị\n\n07/12/2023\nBà Giàng Thị Mai đến Mường Khương.\n",
                                             encoding="utf-8")
    result = build(built)
    assert result.exit_code == 0, result.output
    said = steps(result)
    assert said["convert"] == f"1 TEI files in {built / 'tei'}, 3 unchanged"
    assert said["txt"] == f"1 text files in {built / 'dist' / 'txt'}, 3 unchanged"
    changed = rewritten(before, built)
    assert {"tei/d04.xml", "dist/html/d04.html", "dist/html/index.html", "dist/txt/d04.txt"} <= changed
    assert "d04.html" in (built / "dist" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Giàng Thị Mai" in (built / "dist" / "html" / "registers" / "persons.html").read_text(encoding="utf-8")
    assert_as_from_scratch(built, tmp_path)


def test_a_removed_article_leaves_every_output_and_the_index(built, tmp_path):
    (built / "seeds" / "c03.txt").unlink()
    result = build(built)
    assert result.exit_code == 0, result.output
    tei, html, txt = built / "tei", built / "dist" / "html", built / "dist" / "txt"
    lines = result.stderr.splitlines()
    assert (f"warning: {tei / 'c03.xml'}: removed: no source in {built / 'seeds'} makes it any more (teikit wrote "
            "it, and it was not edited since)") in lines
    assert f"warning: {html / 'c03.html'}: removed (the site no longer holds c03)" in lines
    assert f"warning: {txt / 'c03.txt'}: removed (its TEI left the corpus)" in lines
    assert not (tei / "c03.xml").exists() and not (tei / ".teikit" / "c03.json").exists()
    assert not (html / "c03.html").exists() and not (txt / "c03.txt").exists()
    assert "c03.html" not in (html / "index.html").read_text(encoding="utf-8")
    assert "Bộ Nông nghiệp" not in (html / "registers" / "organisations.html").read_text(encoding="utf-8")
    assert steps(result)["deposit"].startswith(f"{built / 'dist' / 'deposit' / 'seeds-corpus.zip'} (2 articles")
    assert_as_from_scratch(built, tmp_path)


def test_a_removed_article_whose_tei_was_edited_keeps_its_tei(built):
    edited = built / "tei" / "c03.xml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Giá lúa tăng", "Giá lúa tăng vọt", 1), encoding="utf-8")
    (built / "seeds" / "c03.txt").unlink()
    result = build(built)
    assert result.exit_code == 0, result.output
    assert edited.is_file()
    assert (f"warning: {edited}: kept, but no source in {built / 'seeds'} makes it (its source renamed or removed?; a file "
            "renamed as its source now is keeps its edits); not validated, rendered or packaged") in result.stderr.splitlines()


def test_jobs_2_over_a_jobs_1_build_finds_it_unchanged(built):
    result = runner.invoke(app, ["build", "--seeds", str(built / "seeds"), "--tei", str(built / "tei"),
                                 "--dist", str(built / "dist"), "--bagging-date", "2024-01-01", "--jobs", "2"])
    said = steps(result)
    assert said["convert"].endswith("3 unchanged") and said["txt"].endswith("3 unchanged")
    assert said["deposit"].endswith(", unchanged")


def test_an_unchanged_package_is_not_made_again_but_a_killed_runs_leftovers_go(built):
    # A build killed while making the package leaves its staging folder and lock; the next build,
    # finding the package unchanged, removes them all the same (they outlived it: CI, 2026-12-03).
    deposit = built / "dist" / "deposit"
    staging = deposit / f".seeds-corpus.zip.{os.getpid() + 999_999}.abcdefgh.staging"  # no such process
    (staging / "seeds-corpus" / "data").mkdir(parents=True)
    (deposit / ".seeds-corpus.zip.lock").touch()
    package = (deposit / "seeds-corpus.zip").stat().st_ino
    said = steps(build(built))
    assert said["deposit"].endswith(", unchanged")
    assert (deposit / "seeds-corpus.zip").stat().st_ino == package
    assert sorted(p.name for p in deposit.iterdir()) == [".teikit-build.json", ".teikit-payload", "seeds-corpus.zip"]


def test_a_folder_package_a_killed_run_left_aside_is_put_back_and_found_unchanged(tmp_path):
    root = tmp_path / "run"
    (root / "seeds").mkdir(parents=True)
    for stem, text in ARTICLES.items():
        (root / "seeds" / f"{stem}.txt").write_text(text, encoding="utf-8")
    assert build(root, "--package-format", "dir").exit_code == 0
    package = root / "dist" / "deposit" / "seeds-corpus"
    files = {p.relative_to(package): p.read_bytes() for p in package.rglob("*") if p.is_file()}
    package.rename(aside_path(package))  # killed between place()'s two renames
    said = steps(build(root, "--package-format", "dir"))
    assert said["deposit"].endswith(", unchanged")
    assert {p.relative_to(package): p.read_bytes() for p in package.rglob("*") if p.is_file()} == files
    assert not aside_path(package).exists()


def test_force_rebuilds_everything(built, tmp_path):
    said = steps(build(built, "--force"))
    assert "unchanged" not in "".join(said.values())
    assert_as_from_scratch(built, tmp_path)


@pytest.mark.parametrize("folder", ["tei", "dist", "dist/html", "dist/txt", "dist/deposit"])
def test_a_damaged_record_rebuilds_its_step_with_one_warning(built, tmp_path, folder):
    record = built / folder / buildrecord.RECORD
    record.write_text("{damaged", encoding="utf-8")
    result = build(built)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {record}: the build record cannot be read (Expecting property name enclosed in "
                        "double quotes: line 1 column 2 (char 1)); everything is made again"]
    assert_as_from_scratch(built, tmp_path)
    assert json.loads(record.read_text(encoding="utf-8"))["teikit-build"] == 1


@pytest.mark.parametrize("folder", ["tei", "dist", "dist/html", "dist/txt", "dist/deposit"])
def test_a_record_whose_entries_were_edited_by_hand_is_not_trusted(built, tmp_path, folder):
    """Entries that keep their keys but lose what a reused output needs: made again, never a crash."""
    record = built / folder / buildrecord.RECORD
    data = json.loads(record.read_text(encoding="utf-8"))

    def edited(entry: dict) -> dict:
        return {field: value if field in ("key", "sha256") else 7 for field, value in entry.items()}

    if data["entries"] == buildrecord.STORE:  # a tabled record (the site's): its entries are in its store
        with sqlite3.connect(built / folder / buildrecord.STORE) as db:
            for name, entry in db.execute("SELECT name, entry FROM entries").fetchall():
                db.execute("UPDATE entries SET entry = ? WHERE name = ?", (json.dumps(edited(json.loads(entry))), name))
    else:
        data["entries"] = {name: edited(entry) for name, entry in data["entries"].items()}
        record.write_text(json.dumps(data), encoding="utf-8")
    result = build(built)
    assert result.exit_code == 0, result.output
    assert_as_from_scratch(built, tmp_path)


@pytest.mark.parametrize("edit", [
    # an authority id: the articles' copies carry it (their TEI, pages and package), and the entry's page
    ('<persName>Sùng A Châu</persName></person>',
     '<persName>Sùng A Châu</persName><idno type="URI">http://www.wikidata.org/entity/Q123</idno></person>', "Q123"),
    # a variant no article prints: no TEI changes, the entry's page shows it
    ('<persName>Sùng A Châu</persName></person>',
     '<persName>Sùng A Châu</persName><persName type="variant">Zơ Sùng Châu</persName></person>', "Zơ Sùng Châu"),
])
def test_an_edited_register_entry_is_built_as_from_scratch(built, tmp_path, edit):
    old, new, shows = edit
    register = built / "tei" / "register" / "persons.xml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace(old, new).replace('<person xml:id="pers-sung2-a-chau6" resp="#teikit">',
                                                       '<person xml:id="pers-sung2-a-chau6">'), encoding="utf-8")
    result = build(built)
    assert result.exit_code == 0, result.output
    page = built / "dist" / "html" / "registers" / "persons" / "pers-sung2-a-chau6.html"
    assert shows in page.read_text(encoding="utf-8")
    assert_as_from_scratch(built, tmp_path)


def test_another_file_beside_the_register_rebuilds_nothing(built, tmp_path):
    # An editor's backup of a register file (what an editor's text editor leaves) is not the
    # register: the package holds the register's own files only, and was once made again for it.
    register = built / "tei" / "register"
    (register / "persons.xml~").write_bytes((register / "persons.xml").read_bytes())
    before = inodes(built)
    result = build(built)
    assert result.exit_code == 0, result.output
    said = steps(result)
    assert said["convert"].endswith("3 unchanged") and said["validate"].endswith("3 unchanged")
    assert said["deposit"].endswith(", unchanged")
    assert rewritten(before, built) == set()


def test_the_edit_policy_rebuilds_only_the_edited_article(built):
    """A build with --merge and a plain one after it leave the unedited articles as they are (the
    policy decides only what becomes of an edited file); an edited file's entry stands for the
    policy it was made with only: a plain build's kept file is merged by --merge, and kept again
    by the plain build after (each says what it did)."""
    edited = built / "tei" / "c03.xml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("<text>", "<text><!-- checked -->", 1), encoding="utf-8")
    kept = (f"warning: {edited}: edited since teikit wrote it (1 comment); kept as it is (--merge re-recognises around "
            "the edits, --overwrite replaces them)")
    merged = (f"warning: {edited}: edited since teikit wrote it; merging a new recognition of c03.txt changes nothing in "
              "it (kept 0 elements of the editor's, 2 recognised again, 0 left unmarked as the editor removed them), so "
              "it is kept as it is")
    for flags, said in (((), kept), (("--merge",), merged), ((), kept)):
        before = inodes(built)
        result = build(built, *flags)
        assert result.exit_code == 0, result.output
        assert said in result.stderr.splitlines()
        assert steps(result)["convert"] == f"0 TEI files in {built / 'tei'}, 2 unchanged, 1 edited file kept"
        assert not rewritten(before, built) & {"tei/a01.xml", "tei/b02.xml", "dist/html/a01.html", "dist/txt/a01.txt"}
