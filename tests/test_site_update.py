"""Rendering into a folder that holds a site updates it and never shrinks it by accident
(render.site): the manifest, updates, refusals that write nothing, --replace-site."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit import buildrecord
from teikit.cli import app
from teikit.convert import convert_paths
from teikit.errors import SiteError
from teikit.render import MANIFEST, build_site
from teikit.render.site import read_manifest
from teikit.render.siterecord import SEARCH_ENTRY

from render_helpers import H, broken_links, parse_html

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ["a01_hdnd_ha_noi", "a02_xuat_khau_gao", "a03_bong_da_viet_nam_indonesia"]
NS = {"h": H[1:-1]}
REGISTERS = ("persons", "organisations", "places")
runner = CliRunner()


@pytest.fixture(scope="module")
def masters(tmp_path_factory) -> Path:
    """Three converted articles, made once."""
    tmp = tmp_path_factory.mktemp("masters")
    report = convert_paths([ROOT / "tests" / "data" / "articles" / f"{a}.txt" for a in ARTICLES], tmp)
    assert report.ok and len(report.written) == 3
    return tmp


@pytest.fixture
def tei(masters, tmp_path) -> Path:
    shutil.copytree(masters, tmp_path / "tei")
    return tmp_path / "tei"


def render(*args):
    return runner.invoke(app, ["render", *map(str, args)])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones included, with its bytes; but Pagefind's search
    bundle, which is not byte-identical run to run (docs/site.md), by its file count only, the
    build record's entry of it by what each shard was built from (not the folder it is in or its
    files' digest, new each time it is made), and the build record's store by the texts it holds."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    bundle = [name for name in files if name.startswith("pagefind/")]
    if buildrecord.STORE in files:  # an SQLite file's bytes depend on its history: the entries and texts it holds
        with sqlite3.connect(folder / buildrecord.STORE) as db:
            entries = {name: json.loads(entry) for name, entry in db.execute("SELECT name, entry FROM entries")}
            for shard in entries.get(SEARCH_ENTRY, {}).get("index", {}).get("shards", {}).values():
                del shard["folder"], shard["files"]
            files[buildrecord.STORE] = repr((sorted(db.execute("SELECT sha, text FROM blobs")),
                                             json.dumps(entries, sort_keys=True))).encode()
    return {**{name: data for name, data in files.items() if name not in bundle},
            "pagefind/ (files)": str(len(bundle)).encode()}


def index_links(site: Path) -> list[str]:
    tree = parse_html((site / "index.html").read_text(encoding="utf-8"))
    return sorted(tree.xpath("//h:table[@class='articles']//h:td[@class='title']/h:a/@href", namespaces=NS))


def register_ids(site: Path) -> dict[str, list[str]]:
    ids = {}
    for name in REGISTERS:
        tree = parse_html((site / "registers" / f"{name}.html").read_text(encoding="utf-8"))
        ids[name] = tree.xpath("//h:ul[@class='register']/h:li/@id", namespaces=NS)
    return ids


def registered_articles(site: Path) -> set[str]:
    """Every article page a register entry's page links to (relative to registers/)."""
    found = set()
    for name in REGISTERS:
        for page in sorted((site / "registers" / name).glob("*.html")):
            tree = parse_html(page.read_text(encoding="utf-8"))
            found |= {href.removeprefix("../") for href in tree.xpath("//h:a[@class='article']/@href", namespaces=NS)}
    return found


@pytest.fixture
def site(tei, tmp_path) -> Path:
    out = tmp_path / "site"
    result = render(tei, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_a_new_site_records_what_it_holds(site, tei):
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["teikit-site"] == 1
    assert manifest["articles"] == [{"stem": a, "tei": f"../tei/{a}.xml"} for a in ARTICLES]
    assert index_links(site) == [f"{a}.html" for a in ARTICLES]


def test_rendering_one_article_into_a_site_updates_it_and_keeps_the_rest(site, tei):
    before = snapshot(site)
    fresh_registers = register_ids(site)
    assert registered_articles(site) == {f"../{a}.html" for a in ARTICLES}
    edited = tei / f"{ARTICLES[1]}.xml"
    header, text = edited.read_text(encoding="utf-8").split("<text>", 1)
    edited.write_text(header + "<text>" + text.replace("</p>", " ĐÃ SỬA LẠI</p>", 1), encoding="utf-8")

    result = render(edited, "-o", site)
    assert result.exit_code == 0, result.output
    assert "the site holds 3 article(s)" in result.stderr
    after = snapshot(site)
    assert index_links(site) == [f"{a}.html" for a in ARTICLES]
    assert register_ids(site) == fresh_registers
    assert registered_articles(site) == {f"../{a}.html" for a in ARTICLES}
    assert "ĐÃ SỬA LẠI" in after[f"{ARTICLES[1]}.html"].decode("utf-8")
    assert "ĐÃ SỬA LẠI" not in before[f"{ARTICLES[1]}.html"].decode("utf-8")
    for other in (ARTICLES[0], ARTICLES[2]):  # not re-rendered
        assert after[f"{other}.html"] == before[f"{other}.html"]
    assert broken_links(site) == []


def test_an_unchanged_update_rebuilds_the_same_site(site, tei):
    before = snapshot(site)
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 0, result.output
    assert snapshot(site) == before


def test_a_new_article_is_added_to_the_site(tei, tmp_path):
    out = tmp_path / "site"
    assert render(tei / f"{ARTICLES[0]}.xml", tei / f"{ARTICLES[1]}.xml", "-o", out).exit_code == 0
    assert index_links(out) == [f"{a}.html" for a in ARTICLES[:2]]
    result = render(tei / f"{ARTICLES[2]}.xml", "-o", out)
    assert result.exit_code == 0, result.output
    assert index_links(out) == [f"{a}.html" for a in ARTICLES]
    whole = tmp_path / "whole"  # the same site rendered at once
    assert render(tei, "-o", whole).exit_code == 0
    assert snapshot(out) == snapshot(whole)


def test_a_kept_article_whose_tei_is_gone_is_refused_and_nothing_written(site, tei):
    before = snapshot(site)
    (tei / f"{ARTICLES[2]}.xml").unlink()
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0] == (
        f"error: {site}: the site holds {ARTICLES[2]}.html, rendered from {tei / ARTICLES[2]}.xml, which no longer "
        "exists: the index and registers could not list it; nothing written "
        "(give --replace-site to rebuild the site from the given files only)")
    assert snapshot(site) == before


def test_a_kept_article_whose_tei_is_broken_is_refused(site, tei):
    before = snapshot(site)
    (tei / f"{ARTICLES[2]}.xml").write_text("<TEI", encoding="utf-8")
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 1
    assert f"the site holds {ARTICLES[2]}.html, whose TEI cannot be read" in result.stderr
    assert "nothing written" in result.stderr
    assert snapshot(site) == before


def test_a_held_article_that_cannot_be_read_now_is_refused_not_dropped(site, tei):
    before = snapshot(site)
    broken = tei / f"{ARTICLES[1]}.xml"
    broken.write_text("<TEI", encoding="utf-8")
    result = render(broken, "-o", site)
    assert result.exit_code == 1
    assert f"the site holds {ARTICLES[1]}.html, whose TEI cannot be read ({broken}: not well-formed" in result.stderr
    assert snapshot(site) == before


def test_replace_site_rebuilds_from_the_given_files_only(site, tei):
    (tei / f"{ARTICLES[2]}.xml").unlink()
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site, "--replace-site")
    assert result.exit_code == 0, result.output
    assert index_links(site) == [f"{ARTICLES[0]}.html"]
    assert registered_articles(site) == {f"../{ARTICLES[0]}.html"}
    assert sorted(p.name for p in site.glob("*.html")) == [f"{ARTICLES[0]}.html", "index.html", "search.html"]
    assert f"warning: {site / ARTICLES[1]}.html: removed" in result.stderr
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert [a["stem"] for a in manifest["articles"]] == [ARTICLES[0]]
    assert broken_links(site) == []


@pytest.mark.parametrize("replace", [False, True])
def test_an_empty_input_never_replaces_a_site(site, tmp_path, replace):
    before = snapshot(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = render(empty, "-o", site, *(["--replace-site"] if replace else []))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {empty}: no input files (*.xml, *.tei) in it; nothing done"
    assert snapshot(site) == before


def test_an_empty_input_writes_no_new_site_either(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = render(empty, "-o", tmp_path / "site")
    assert result.exit_code == 1
    assert not (tmp_path / "site").exists()


def test_replace_site_never_leaves_an_empty_site(site, tmp_path):
    before = snapshot(site)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.xml").write_text("<TEI", encoding="utf-8")
    result = render(bad, "-o", site, "--replace-site")
    assert result.exit_code == 1
    assert "a site is never replaced by an empty one; nothing written" in result.stderr
    assert snapshot(site) == before


@pytest.mark.parametrize("replace", [False, True])
def test_an_index_teikit_did_not_make_is_never_overwritten(tei, tmp_path, replace):
    out = tmp_path / "theirs"
    out.mkdir()
    (out / "index.html").write_text("<!DOCTYPE html><title>Our own site</title>\n", encoding="utf-8")
    before = snapshot(out)
    result = render(tei, "-o", out, *(["--replace-site"] if replace else []))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {out}: index.html is not a teikit site's (no {MANIFEST} beside it): refusing to overwrite it; "
        "render into another folder, or remove it yourself; nothing written")
    assert snapshot(out) == before


def test_an_article_never_overwrites_the_sites_own_pages_nor_a_file_that_is_no_articles_page(site, tei):
    # index.xml and search.xml had their pages overwritten by the corpus index and the search page
    # (they left the site and its search, their register links dangled); about.xml replaced an
    # editor's about.html. Exit 0, not a word. Each is now its one line; the rest is rendered.
    theirs = site / "about.html"
    theirs.write_text("<!DOCTYPE html><title>About us</title>\n", encoding="utf-8")
    for stem in ("index", "search", "about"):
        shutil.copy(tei / f"{ARTICLES[0]}.xml", tei / f"{stem}.xml")
    result = render(tei, "-o", site)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {tei / 'about.xml'}: its page would replace {theirs}, which is no article's page of this site "
        f"(not in its {MANIFEST}): that file is kept; rename this one, or remove that file yourself",
        f"error: {tei / 'index.xml'}: its page would be {site / 'index.html'}, the site's own index page; "
        "rename the file (its source, for a build)",
        f"error: {tei / 'search.xml'}: its page would be {site / 'search.html'}, the site's own search page; "
        "rename the file (its source, for a build)"]
    assert theirs.read_text(encoding="utf-8") == "<!DOCTYPE html><title>About us</title>\n"
    assert index_links(site) == sorted(f"{a}.html" for a in ARTICLES)
    assert sorted(read_manifest(site / MANIFEST)) == sorted(ARTICLES)
    assert broken_links(site) == []
    # An article the site holds keeps its page (rendered again when it changes), whatever is there.
    (tei / "about.xml").unlink()
    (tei / "index.xml").unlink()
    (tei / "search.xml").unlink()
    theirs.unlink()
    shutil.copy(tei / f"{ARTICLES[0]}.xml", tei / "about.xml")
    assert render(tei, "-o", site).exit_code == 0 and "about.html" in index_links(site)
    assert render(tei, "-o", site, "--force").exit_code == 0


def test_an_article_an_earlier_teikit_let_have_a_site_page_leaves_the_site_with_a_warning(site, tei):
    # A site made before the refusal held an article "index": it stayed held (the index linked to
    # itself as an article) and every update was refused for it. Any case: Index.xml is index.html
    # on a folder that does not tell case apart.
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    shutil.copy(tei / f"{ARTICLES[0]}.xml", tei / "Index.xml")
    manifest["articles"].insert(0, {"stem": "Index", "tei": manifest["articles"][0]["tei"].replace(ARTICLES[0], "Index")})
    (site / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = render(tei / f"{ARTICLES[1]}.xml", "-o", site)
    assert result.exit_code == 0, result.output
    assert f"warning: {site / MANIFEST}: the site held an article Index, whose page was the site's own Index.html: " \
           "left out of the site (rename its file, render it again)" in result.stderr.splitlines()
    assert sorted(read_manifest(site / MANIFEST)) == sorted(ARTICLES)
    assert index_links(site) == sorted(f"{a}.html" for a in ARTICLES)
    refused = render(tei / "Index.xml", "-o", site)
    assert refused.exit_code == 1 and "the site's own index page" in refused.stderr


@pytest.mark.parametrize("text", ["{not json", "[" * 100_000 + "]" * 100_000])  # nested past the parser's recursion
def test_an_unreadable_manifest_is_refused_unless_replacing(site, tei, text):
    (site / MANIFEST).write_text(text, encoding="utf-8")
    before = snapshot(site)
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 1
    assert f"{MANIFEST} cannot be read" in result.stderr and "nothing written" in result.stderr
    assert snapshot(site) == before
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site, "--replace-site")
    assert result.exit_code == 0, result.output
    assert index_links(site) == [f"{ARTICLES[0]}.html"]


def test_a_kept_article_whose_page_is_missing_is_rendered_again(site, tei):
    before = snapshot(site)
    (site / f"{ARTICLES[2]}.html").unlink()  # as a run killed before writing it would leave it
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 0, result.output
    assert snapshot(site) == before


def test_the_library_refuses_with_a_site_error(site, tei):
    (tei / f"{ARTICLES[1]}.xml").unlink()
    with pytest.raises(SiteError, match="no longer exists"):
        build_site([tei], site)
    assert build_site([tei], site, replace_site=True).ok
    assert index_links(site) == [f"{ARTICLES[0]}.html", f"{ARTICLES[2]}.html"]


def test_every_missing_tei_is_counted_in_the_one_line(site, tei):
    for article in ARTICLES[1:]:
        (tei / f"{article}.xml").unlink()
    result = render(tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 1
    assert f"the site holds {ARTICLES[1]}.html, rendered from {tei / ARTICLES[1]}.xml, which no longer exists " \
           "(and 1 more):" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_new_article_that_cannot_be_read_costs_only_itself(site, tei, tmp_path):
    bad = tmp_path / "new" / "zz_new.xml"
    bad.parent.mkdir()
    bad.write_text("<TEI", encoding="utf-8")
    result = render(bad, tei / f"{ARTICLES[0]}.xml", "-o", site)
    assert result.exit_code == 1
    assert f"error: {bad}: not well-formed" in result.stderr
    assert "the site holds 3 article(s)" in result.stderr
    assert index_links(site) == [f"{a}.html" for a in ARTICLES]
