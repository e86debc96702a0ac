"""Incremental render: into a site or text folder rendered before, only what changed is made again.

A page rewritten is a new file (atomic writes rename a new inode over the old), so the
inodes before and after say exactly which files a run wrote. After each run the folder
holds what a render from scratch makes, byte for byte, but for the search index
(pagefind/: not reproducible run to run, Pagefind#638) and the build record itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit import buildrecord, resources
from teikit.cli import app
from teikit.errors import RenderError
from teikit.render import corpuspages, default_renderer
from teikit.render.siterecord import ENTITY_DIRS

from test_incremental import ARTICLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [*map(str, args)])


def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def rewritten(before: dict[str, int], folder: Path) -> list[str]:
    return sorted(rel for rel, ino in inodes(folder).items() if before.get(rel) != ino)


def made(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "pagefind" not in p.relative_to(folder).parts and p.name not in buildrecord.FILES}


def assert_as_from_scratch(tei: Path, out: Path, tmp_path: Path, *extra) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    assert run("render", tei, "-o", fresh, "--jobs", "1", *extra).exit_code == 0
    assert made(out) == made(fresh)


@pytest.fixture
def tei(tmp_path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for stem, text in ARTICLES.items():
        (src / f"{stem}.txt").write_text(text, encoding="utf-8")
    assert run("convert", src, "-o", tmp_path / "tei", "--jobs", "1").exit_code == 0
    return tmp_path / "tei"


def edit_tei(tei: Path, stem: str) -> None:
    """An editor's change to a TEI file (render takes any TEI)."""
    path = tei / f"{stem}.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("trong tuần qua", "trong tháng qua"), encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_site_rendered_again_unchanged_writes_nothing_and_keeps_its_search_index(tei, tmp_path, jobs):
    site = tmp_path / "site"
    first = run("render", tei, "-o", site, "--jobs", jobs)
    assert first.exit_code == 0, first.output
    before = inodes(site)
    again = run("render", tei, "-o", site, "--jobs", jobs)
    assert again.exit_code == 0, again.output
    pages = len([rel for rel in before if rel.endswith(".html")])
    assert again.stderr.splitlines()[-1] == f"rendered 0 file(s) into {site}, {pages} unchanged; the site holds 3 article(s)"
    # the scripts and the manifest are written each time (the same bytes); no page, no search index
    assert rewritten(before, site) == [".teikit-site.json", "assets/highlight.js", "assets/search.js", "assets/sort.js"]
    assert_as_from_scratch(tei, site, tmp_path)


def test_one_changed_article_rewrites_its_page_and_the_corpus_pages_that_show_it(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    before = inodes(site)
    edit_tei(tei, "c03")
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    pages = [rel for rel in rewritten(before, site) if rel.endswith(".html")]
    assert "c03.html" in pages and "a01.html" not in pages and "b02.html" not in pages
    # only the corpus pages whose data holds c03's changed text: the entries it names, the search index
    assert "registers/persons.html" not in pages
    assert any(rel.startswith("pagefind/") for rel in rewritten(before, site))
    assert_as_from_scratch(tei, site, tmp_path)


def corpus_entries(site: Path) -> dict[str, tuple]:
    """The build record's entry of each corpus page (/p/<path>): its key and its page's sha256."""
    record = buildrecord.Record(site, "site", blobs=("site",), tabled=True)
    return {name: (entry.get("key"), entry.get("sha256")) for name, entry in record.entries.named("/p/")}


def test_two_workers_make_and_record_the_corpus_pages_one_process_does(tei, tmp_path):
    """At --jobs 2 the workers transform and write the corpus pages, the parent records each as it
    comes back (render.corpuspages): the same pages rewritten, the same lines, the same entries."""
    sites = {jobs: tmp_path / f"site{jobs}" for jobs in ("1", "2")}
    for jobs, site in sites.items():
        assert run("render", tei, "-o", site, "--jobs", jobs).exit_code == 0
    before = {jobs: inodes(site) for jobs, site in sites.items()}
    edit_tei(tei, "c03")
    seen = {}
    for jobs, site in sites.items():
        result = run("render", tei, "-o", site, "--jobs", jobs)
        assert result.exit_code == 0, result.output
        pages = [rel for rel in rewritten(before[jobs], site) if rel.endswith(".html")]
        seen[jobs] = (pages, result.stderr.replace(str(site), "SITE"), corpus_entries(site), made(site))
    assert any(rel.startswith("registers/") for rel in seen["1"][0]) and len(seen["1"][2]) > 10
    assert seen["2"] == seen["1"]


def test_a_removed_article_leaves_the_replaced_site_and_its_index(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    (tei / "c03.xml").unlink()
    result = run("render", tei, "-o", site, "--jobs", "1", "--replace-site")
    assert result.exit_code == 0, result.output
    assert not (site / "c03.html").exists()
    assert "c03.html" not in (site / "index.html").read_text(encoding="utf-8")
    assert_as_from_scratch(tei, site, tmp_path)


def test_changed_stylesheets_render_every_page_again(tei, tmp_path, monkeypatch):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    xslt = tmp_path / "xslt"
    shutil.copytree(resources.xslt_dir(), xslt)
    monkeypatch.setattr(resources, "xslt_dir", lambda: xslt)
    default_renderer.cache_clear()
    try:
        # the same stylesheets elsewhere: nothing to make
        assert "rendered 0 file(s)" in run("render", tei, "-o", site, "--jobs", "1").stderr
        css = xslt / "html" / "assets" / "edition.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
        default_renderer.cache_clear()
        buildrecord.forget_digests()  # as a new process would
        before = inodes(site)
        result = run("render", tei, "-o", site, "--jobs", "1")
        assert result.exit_code == 0, result.output
        pages = [rel for rel in before if rel.endswith(".html")]
        assert result.stderr.splitlines()[-1] == f"rendered {len(pages)} file(s) into {site}; the site holds 3 article(s)"
        assert set(pages) <= set(rewritten(before, site))
        assert "/* changed */" in (site / "a01.html").read_text(encoding="utf-8")
        assert_as_from_scratch(tei, site, tmp_path)
    finally:
        default_renderer.cache_clear()
        buildrecord.forget_digests()


def test_text_editions_are_made_again_only_when_their_tei_or_options_change(tei, tmp_path):
    txt = tmp_path / "txt"
    assert run("render", tei, "-f", "txt", "-o", txt).stderr.splitlines()[-1] == f"rendered 3 file(s) into {txt}"
    before = inodes(txt)
    assert run("render", tei, "-f", "txt", "-o", txt).stderr.splitlines()[-1] == f"rendered 0 file(s) into {txt}, 3 unchanged"
    assert rewritten(before, txt) == []
    edit_tei(tei, "c03")
    assert run("render", tei, "-f", "txt", "-o", txt).stderr.splitlines()[-1] == f"rendered 1 file(s) into {txt}, 2 unchanged"
    assert rewritten(before, txt) == [buildrecord.RECORD, "c03.txt"]
    assert_as_from_scratch(tei, txt, tmp_path, "-f", "txt")
    result = run("render", tei, "-f", "txt", "-o", txt, "--abbr", "expand")
    assert result.stderr.splitlines()[-1] == f"rendered 3 file(s) into {txt}"
    assert_as_from_scratch(tei, txt, tmp_path, "-f", "txt", "--abbr", "expand")
    assert run("render", tei, "-f", "txt", "-o", txt, "--abbr", "expand", "--force").stderr.splitlines()[-1] == \
        f"rendered 3 file(s) into {txt}"


def test_a_damaged_site_record_is_a_full_render_with_one_warning(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    (site / buildrecord.RECORD).write_text('{"teikit-build": 1, "stage": "site", "entries": {"a": 1}}', encoding="utf-8")
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {site / buildrecord.RECORD}: the build record cannot be read (its entries are not a table of keys); "
        "everything is made again"]
    assert "unchanged" not in result.stderr.splitlines()[-1]
    assert_as_from_scratch(tei, site, tmp_path)


def test_an_entry_page_that_could_not_be_made_is_made_again_by_the_next_render(tei, tmp_path, monkeypatch):
    """The article that changed is recorded as it now is; the entry page it changed, which failed,
    must not then pass as standing because no article that changed names it (review)."""
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    path = tei / "a01.xml"  # the words before a name: its mention's context, on the page of the entry it names
    text = path.read_text(encoding="utf-8")
    at = min(text.find(f"<{tag}", text.find("<body")) for tag in ("persName", "placeName", "orgName") if f"<{tag}" in text)
    path.write_text(text[:at] + "sửa " + text[at:], encoding="utf-8")
    real = corpuspages.write_page  # the corpus pages (the entry pages among them) are written by it

    def failing(target, data):
        if Path(target).relative_to(site).as_posix().startswith(tuple(f"registers/{folder}/" for folder in ENTITY_DIRS)):
            raise RenderError("cannot write: No space left on device", path=str(target))
        return real(target, data)

    monkeypatch.setattr(corpuspages, "write_page", failing)
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 1
    monkeypatch.undo()
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    assert_as_from_scratch(tei, site, tmp_path)


def test_an_update_at_jobs_2_gathers_the_pages_that_stand_as_at_jobs_1(tei, tmp_path):
    for jobs in ("1", "2"):
        site = tmp_path / f"site-{jobs}"
        assert run("render", tei, "-o", site, "--jobs", jobs).exit_code == 0
    edit_tei(tei, "b02")
    lines = [run("render", tei, "-o", tmp_path / f"site-{jobs}", "--jobs", jobs).stderr.splitlines()[-1]
             for jobs in ("1", "2")]
    assert lines[0].replace("site-1", "site-2") == lines[1] and ", " in lines[0] and "unchanged" in lines[0]
    assert made(tmp_path / "site-1") == made(tmp_path / "site-2")
