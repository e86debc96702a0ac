"""The search index made again shard by shard: into a site built before, Pagefind runs only
for the shards whose pages changed (a page written again, removed or added), and the other
shards' bundles stay as they are, file for file (the same inodes). Every shard is indexed
again when the shard count changes, with no readable build record, or with `force`; a shard
missing or damaged on disk is indexed again. The index is switched from the old to the new
in one rename (its listing), so a run killed at any point leaves the old index or the new,
and the next run leaves no folder the listing does not name.

Each site here has 14 articles a00 … a13 in four shards of at most four pages on average
(render.search: shard_of), and Pagefind's runs are counted by the pages each was given.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from teikit import buildrecord
from teikit.errors import SearchIndexError
from teikit.render import build_site
from teikit.render import search as search_module
from teikit.render.search import shard_of

from render_helpers import SAMPLE, indexed_pages, search_index, search_shards

ARTICLES = 14
SHARD_PAGES = 4  # 14 articles: four shards
FOLDER = re.compile(r"shards/(\d+)-[0-9a-f]+/")


def write_article(tei: Path, n: int, word: str = "") -> None:
    """Article a<n> (its own author), its heading naming `word` when given."""
    data = SAMPLE.read_text(encoding="utf-8").replace("Phạm Linh", f"Tác Giả {n}").replace("pers-pham-linh", f"pers-a{n}")
    if word:
        data = data.replace("<head>Đẩy mạnh phong trào", f"<head>{word} và phong trào", 1)
    (tei / f"a{n:02d}.xml").write_text(data, encoding="utf-8")


def corpus(tmp_path: Path) -> Path:
    tei = tmp_path / "tei"
    tei.mkdir()
    for n in range(ARTICLES):
        write_article(tei, n, "Zidane" if n == 3 else "")
    return tei


def build(tei: Path, site: Path, **options):
    report = build_site([tei], site, search_shard_pages=options.pop("shard_pages", SHARD_PAGES), **options)
    assert report.ok, report.failures
    return report


def members(count: int, pages: int = ARTICLES) -> dict[int, list[str]]:
    """The pages of each shard (that has any) of a site of articles a00 … a<pages - 1>."""
    shards: dict[int, list[str]] = {}
    for name in sorted(f"a{n:02d}.html" for n in range(pages)):
        shards.setdefault(shard_of(name, count), []).append(name)
    return dict(sorted(shards.items()))


def by_shard(site: Path) -> dict[int, str]:
    """The index's shard folders (pagefind/shards/<number>-<name>/, every shard a bundle of its own) by shard number."""
    listed = search_shards(site)
    assert all(FOLDER.fullmatch(folder) for folder in listed), listed
    return {int(FOLDER.fullmatch(folder).group(1)): folder for folder in listed}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def left_over(site: Path) -> list[str]:
    """What the site's top folder and its index hold beyond the index's listing and the folders it names."""
    bundle = site / "pagefind"
    listed = set(search_shards(site))
    extra = [p.name for p in site.iterdir() if p.name.endswith(".staging")]
    extra += [p.name for p in bundle.iterdir() if p.name not in ("teikit-shards.json", "shards")]
    extra += [f"shards/{p.name}/" for p in (bundle / "shards").iterdir() if f"shards/{p.name}/" not in listed]
    return sorted(extra)


def urls(pages: int = ARTICLES, *, without=()) -> list[str]:
    return [f"/a{n:02d}.html" for n in range(pages) if n not in without]


@pytest.fixture
def runs(monkeypatch):
    """Each Pagefind run, as the sorted names of the pages it was given."""
    done: list[list[str]] = []
    real = search_module._pagefind

    def counted(site, output, lang, named):
        done.append(sorted(p.name for p in Path(site).glob("*.html")))
        return real(site, output, lang, named)

    monkeypatch.setattr(search_module, "_pagefind", counted)
    return done


def test_every_shard_is_a_bundle_of_its_own_folder_listed_in_order(tmp_path, runs):
    site = tmp_path / "html"
    build(corpus(tmp_path), site)
    assert runs == list(members(4).values())  # one run a shard, one after another
    shards = by_shard(site)
    assert list(shards) == list(members(4))
    for number, folder in shards.items():
        bundle = site / "pagefind" / folder
        assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
        assert sorted(indexed_pages(bundle)) == [f"/{name}" for name in members(4)[number]]
    assert left_over(site) == []


def test_a_site_built_again_unchanged_runs_no_pagefind_and_keeps_every_file(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    before = inodes(site / "pagefind")
    runs.clear()
    build(tei, site)
    assert runs == []
    assert inodes(site / "pagefind") == before


def test_one_changed_article_runs_pagefind_for_its_shard_only(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    assert "Zidane" in search_index(site)["/a03.html"]
    before, folders = inodes(site / "pagefind"), by_shard(site)
    runs.clear()
    write_article(tei, 3, "Beckham")
    build(tei, site)
    changed = shard_of("a03.html", 4)
    assert runs == [members(4)[changed]]
    after = by_shard(site)
    assert [n for n in after if after[n] != folders[n]] == [changed]
    # The other shards' files are those of the first build, not rewritten; the listing is new.
    kept = {rel: ino for rel, ino in before.items() if rel.startswith("shards/") and not rel.startswith(folders[changed])}
    assert len(kept) > 3 * 15
    assert {rel: ino for rel, ino in inodes(site / "pagefind").items() if rel in kept} == kept
    assert not (site / "pagefind" / folders[changed]).exists()
    index = search_index(site)
    assert sorted(index) == urls()
    assert "Beckham" in index["/a03.html"] and "Zidane" not in index["/a03.html"]
    assert left_over(site) == []


def test_a_removed_article_leaves_its_shards_index(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    folders = by_shard(site)
    runs.clear()
    (tei / "a06.xml").unlink()
    build(tei, site, replace_site=True)
    shard = shard_of("a06.html", 4)
    assert runs == [[name for name in members(4)[shard] if name != "a06.html"]]
    assert sorted(search_index(site)) == urls(without={6})
    assert {n: f for n, f in by_shard(site).items() if n != shard} == {n: f for n, f in folders.items() if n != shard}
    assert left_over(site) == []


def test_an_article_a_replaced_site_drops_leaves_a_one_shard_index_too(tmp_path, runs):
    # Its page is removed after the index is made: the index is made from the pages the site holds, not its folder.
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site, shard_pages=100)
    (tei / "a06.xml").unlink()
    build(tei, site, shard_pages=100, replace_site=True)
    assert len(by_shard(site)) == 1 and sorted(search_index(site)) == urls(without={6})


def test_an_added_article_joins_its_shard(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    write_article(tei, 14)
    build(tei, site)
    assert runs == [members(4, 15)[shard_of("a14.html", 4)]]
    assert sorted(search_index(site)) == urls(15)
    assert left_over(site) == []


def test_a_shard_left_without_pages_leaves_the_index(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    emptied = shard_of("a02.html", 4)
    for name in members(4)[emptied]:
        (tei / name.replace(".html", ".xml")).unlink()
    build(tei, site, replace_site=True)
    assert runs == []  # no shard holds other pages than before
    assert emptied not in by_shard(site)
    assert sorted(search_index(site)) == sorted(f"/{name}" for n, names in members(4).items() if n != emptied
                                                for name in names)
    assert left_over(site) == []


def test_a_change_of_the_shard_count_indexes_every_shard_again(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    old = set(search_shards(site))
    runs.clear()
    for n in (14, 15, 16):  # 17 articles: eight shards
        write_article(tei, n)
    build(tei, site)
    assert runs == list(members(8, 17).values())
    assert list(by_shard(site)) == list(members(8, 17)) and not old & set(search_shards(site))
    assert sorted(search_index(site)) == urls(17)
    assert left_over(site) == []


def test_force_indexes_every_shard_again(tmp_path, runs):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    build(tei, site, force=True)
    assert runs == list(members(4).values())
    assert sorted(search_index(site)) == urls() and left_over(site) == []


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_without_a_readable_record_every_shard_is_indexed_again(tmp_path, runs, damage):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    record = site / buildrecord.RECORD
    if damage == "missing":  # the record and its store (the site's record is tabled: buildrecord)
        for name in buildrecord.FILES:
            (site / name).unlink()
    else:
        record.write_text('{"teikit-build": 1, "stage": "site", "entries": {"/pagefind": ', encoding="utf-8")
    report = build(tei, site)
    assert runs == list(members(4).values())
    assert any("the build record cannot be read" in line for line in report.warnings) == (damage == "damaged")
    assert sorted(search_index(site)) == urls() and left_over(site) == []


def _truncate_a_fragment(bundle: Path) -> None:
    fragment = sorted((bundle / "fragment").iterdir())[0]
    fragment.write_bytes(fragment.read_bytes()[:10])


@pytest.mark.parametrize("damage", ["its folder removed", "a file of it truncated", "a file of it removed"])
def test_a_shard_missing_or_damaged_on_disk_is_indexed_again(tmp_path, runs, damage):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    bundle = site / "pagefind" / by_shard(site)[1]
    if damage == "its folder removed":
        shutil.rmtree(bundle)
    elif damage == "a file of it truncated":
        _truncate_a_fragment(bundle)
    else:
        (bundle / "pagefind-entry.json").unlink()
    build(tei, site)
    assert runs == [members(4)[1]]
    assert sorted(search_index(site)) == urls() and left_over(site) == []


@pytest.mark.parametrize("damage", ["removed", "damaged", "listing another folder"])
def test_an_index_whose_listing_is_lost_is_indexed_again(tmp_path, runs, damage):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    listing = site / "pagefind" / "teikit-shards.json"
    if damage == "removed":
        listing.unlink()
    elif damage == "damaged":
        listing.write_text('{"shards": ["shards/0-', encoding="utf-8")
    else:
        listing.write_text(json.dumps({"shards": ["../../elsewhere/"]}), encoding="utf-8")
    build(tei, site)
    assert runs == list(members(4).values())  # no shard the listing names: every one is made again
    assert sorted(search_index(site)) == urls() and left_over(site) == []


def test_whatever_else_the_index_folder_holds_goes(tmp_path, runs):
    """An index of an older layout (the first shard at pagefind/ itself, the others in
    pagefind/shards/N/), or files put there by hand: only the listing and its folders stay."""
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    runs.clear()
    bundle = site / "pagefind"
    (bundle / "pagefind.js").write_text("old", encoding="utf-8")
    (bundle / "fragment").mkdir()
    (bundle / "shards" / "1").mkdir()
    (bundle / "shards" / "1" / "pagefind.js").write_text("old", encoding="utf-8")
    build(tei, site)
    assert runs == [] and left_over(site) == []
    assert sorted(search_index(site)) == urls()


def test_the_index_is_switched_only_once_every_changed_shard_is_made(tmp_path, runs, monkeypatch):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site)
    before, old = inodes(site / "pagefind"), search_index(site)
    counted = search_module._pagefind
    runs.clear()

    def second_fails(site_dir, output, lang, named):
        if len(runs) == 1:
            raise SearchIndexError("pagefind failed: boom", path=str(named))
        return counted(site_dir, output, lang, named)

    monkeypatch.setattr(search_module, "_pagefind", second_fails)
    write_article(tei, 3, "Beckham")  # shard 0
    write_article(tei, 1, "Ronaldo")  # shard 2
    report = build_site([tei], site, search_shard_pages=SHARD_PAGES)
    assert [f.message for f in report.failures] == [f"{site}: pagefind failed: boom"]
    assert inodes(site / "pagefind") == before and search_index(site) == old
    assert left_over(site) == []
    # The next run makes both shards (the record still describes the old index).
    monkeypatch.setattr(search_module, "_pagefind", counted)
    runs.clear()
    build(tei, site)
    assert runs == [members(4)[0], members(4)[2]]
    assert "Beckham" in search_index(site)["/a03.html"] and "Ronaldo" in search_index(site)["/a01.html"]


# A run killed anywhere while it puts shards in place (simulated: the process exits, as on
# SIGKILL, at its k-th rename, replace or removal inside build_index, or just after it).

KILLER = r"""
import json, os, shutil, sys
from pathlib import Path
from teikit.render import search

site, step, built, pages = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
done = [0]

def killing(real):
    def call(*args, **kwargs):
        done[0] += 1
        if done[0] == step:
            os._exit(9)
        return real(*args, **kwargs)
    return call

for module, name in ((os, "rename"), (os, "replace"), (shutil, "rmtree")):
    setattr(module, name, killing(getattr(module, name)))
search.build_index(site, "vi", pages=[site / page for page in pages], shard_pages=4, built=built)
os._exit(9 if done[0] + 1 == step else 0)
"""


def test_a_run_killed_anywhere_leaves_the_old_index_or_the_new(tmp_path):
    tei, site = corpus(tmp_path), tmp_path / "html"
    build(tei, site, search_index=False)
    pages = sorted(p.name for p in site.glob("a*.html"))
    built = search_module.build_index(site, "vi", pages=[site / p for p in pages], shard_pages=SHARD_PAGES)
    old = search_index(site)
    pristine = tmp_path / "pagefind-before"
    shutil.copytree(site / "pagefind", pristine)
    write_article(tei, 3, "Beckham")  # shards 0 and 2 change
    write_article(tei, 1, "Ronaldo")
    build(tei, site, search_index=False)
    new = None
    kills = {"old": 0, "new": 0}
    for step in range(1, 200):
        shutil.rmtree(site / "pagefind")
        shutil.copytree(pristine, site / "pagefind")
        child = subprocess.run([sys.executable, "-c", KILLER, str(site), str(step), json.dumps(built), json.dumps(pages)],
                               capture_output=True, text=True, check=False)
        assert child.returncode in (0, 9), child.stderr
        left = search_index(site)
        if child.returncode == 0:  # it ran to the end before its step-th move
            assert left != old and left == new
            break
        assert left == old or (new is not None and left == new), f"killed at step {step}: neither the old index nor the new"
        kills["old" if left == old else "new"] += 1
        # The next run (a process of its own, as after a kill), with the record as the killed run left
        # it (naming the old index), completes the new.
        again = subprocess.run([sys.executable, "-c", KILLER, str(site), "0", json.dumps(built), json.dumps(pages)],
                               capture_output=True, text=True, check=False)
        assert again.returncode == 0, again.stderr
        new = new or search_index(site)
        assert search_index(site) == new and left_over(site) == []
        assert "Beckham" in new["/a03.html"] and "Ronaldo" in new["/a01.html"]
    # Killed as it made the two shards and put them in place: the old index; once the listing is replaced: the new.
    assert kills["old"] >= 4 and kills["new"] >= 3, kills
