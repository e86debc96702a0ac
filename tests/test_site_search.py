"""The site's search, without a browser: the search page and its facets, the articles'
filters, Pagefind's bundle put in place whole, and what a failure of Pagefind costs."""

from __future__ import annotations

import re
import stat

import pytest

from teikit.errors import SearchIndexError
from teikit.render import build_site
from teikit.render import search as search_module

from render_helpers import H, SAMPLE, parse_html, search_index, search_shards

NS = {"h": H[1:-1]}


def _corpus(folder, names):
    folder.mkdir()
    for n, name in enumerate(names):
        data = SAMPLE.read_text(encoding="utf-8").replace("Phạm Linh", name).replace("pers-pham-linh", f"pers-x{n}")
        (folder / f"a{n}.xml").write_text(data, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    out = tmp / "html"
    assert build_site([_corpus(tmp / "tei", ["Zidane", "Đặng Văn Lâm", "Dương Văn Minh", "An Khê"])], out).ok
    return out


def _page(path):
    return parse_html(path.read_text(encoding="utf-8"), str(path))


def test_search_page_offers_facets_in_collation_order(site):
    tree = _page(site / "search.html")
    legends = [" ".join("".join(x.itertext()).split()) for x in tree.xpath("//h:fieldset[@class='facet']/h:legend", namespaces=NS)]
    assert legends == ["Nhân vật", "Tổ chức", "Địa danh", "Năm", "Trang nguồn"]
    persons = tree.xpath("//h:input[@name='person']/@value", namespaces=NS)
    assert persons == ["An Khê", "Dương Văn Minh", "Đặng Văn Lâm", "Trần Đại Quang", "Vũ Trọng Kim", "Zidane"]
    assert tree.xpath("//h:input[@name='year']/@value", namespaces=NS) == ["2013"]
    assert tree.xpath("//h:input[@name='site']/@value", namespaces=NS) == ["Cổng Thông tin điện tử Chính phủ"]
    # Every checkbox has its label; the words too.
    assert all(box.getparent().tag == f"{H}label" for box in tree.xpath("//h:input[@type='checkbox']", namespaces=NS))
    assert tree.xpath("//h:label[@for='search-q']", namespaces=NS)
    assert tree.xpath("//h:script/@src", namespaces=NS) == ["assets/search.js"]
    assert (site / "assets" / "search.js").is_file()


def test_articles_carry_their_filters_and_every_page_a_search_box(site):
    tree = _page(site / "a1.html")
    filters = [(s.get("data-pagefind-filter"), s.text) for s in tree.xpath("//*[@data-pagefind-filter]")]
    assert ("person", "Đặng Văn Lâm") in filters and ("person", "Trần Đại Quang") in filters
    assert ("place", "Hà Nội") in filters and ("org", "Bộ Công an") in filters
    assert ("year", "2013") in filters and ("site", "Cổng Thông tin điện tử Chính phủ") in filters
    assert tree.xpath("//h:article/@data-pagefind-body", namespaces=NS) == [""]
    assert "Dặng" in tree.xpath("string(//h:p[@class='search-folded'])", namespaces=NS)
    for rel, action in (("index.html", "search.html"), ("a1.html", "search.html"), ("registers/persons.html", "../search.html"),
                        ("registers/persons/pers-x1.html", "../../search.html")):
        forms = _page(site / rel).xpath("//h:form[@role='search']", namespaces=NS)
        assert [f.get("action") for f in forms] == [action], rel
    # Only articles are indexed: the register pages carry no data-pagefind-body.
    assert not _page(site / "registers" / "persons.html").xpath("//*[@data-pagefind-body]")


def test_the_bundle_is_in_place_and_no_staging_folder_is_left(site):
    for folder in search_shards(site):  # every shard a Pagefind bundle of its own
        assert (site / "pagefind" / folder / "pagefind.js").is_file()
        assert (site / "pagefind" / folder / "pagefind-entry.json").is_file()
    assert not [p for p in site.iterdir() if p.name.endswith(".staging")]


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _failing_pagefind(tmp_path, monkeypatch, said: str) -> None:
    """Pagefind replaced by a script that says `said` on stderr and exits 3."""
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\necho '{said}' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search_module, "executable", lambda: fake)


def test_a_failing_pagefind_is_one_error_and_the_old_index_stays(site, tmp_path, monkeypatch):
    _failing_pagefind(tmp_path, monkeypatch, "boom: cannot index")
    before = _files(site / "pagefind")
    with pytest.raises(SearchIndexError, match=r"pagefind failed: boom: cannot index$"):
        search_module.build_index(site, "vi")
    assert _files(site / "pagefind") == before
    assert not [p for p in site.iterdir() if p.name.endswith(".staging")]
    out = tmp_path / "html"
    report = build_site([_corpus(tmp_path / "tei", ["An"])], out)
    assert [f.message for f in report.failures] == [f"{out}: pagefind failed: boom: cannot index"]
    assert (out / "search.html").is_file() and (out / "a0.html").is_file()


def test_no_pagefind_binary_is_said_plainly(monkeypatch):
    import builtins
    real = builtins.__import__

    def no_pagefind(name, *args, **kwargs):
        if name == "pagefind_bin":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pagefind)
    with pytest.raises(SearchIndexError, match=r"needs the pagefind package \(pip install 'pagefind\[bin\]'\)"):
        search_module.executable()


# A large site is indexed in shards: Pagefind's memory is that of one shard.

def test_shards_are_the_least_power_of_two_that_keeps_each_within_its_size():
    assert [search_module.shard_count(n, 4) for n in (0, 1, 4, 5, 8, 9, 16, 17)] == [1, 1, 1, 2, 2, 4, 4, 8]
    assert search_module.shard_count(100_000) == 32
    with pytest.raises(ValueError, match="shard_pages must be at least 1, not 0"):
        search_module.shard_count(10, 0)


def test_a_pages_shard_depends_on_its_name_alone():
    names = [f"a{n}.html" for n in range(200)]
    shards = [search_module.shard_of(name, 8) for name in names]
    assert shards == [search_module.shard_of(name, 8) for name in names]
    assert set(shards) == set(range(8))
    # Doubling the shards splits each one in two: a page moves only to its shard + 8.
    assert all(search_module.shard_of(name, 16) in (s, s + 8) for name, s in zip(names, shards))


def _page_count(bundle):
    import json
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_a_small_site_is_one_shard(site):
    [folder] = search_shards(site)
    assert re.fullmatch(r"shards/0-[0-9a-f]{8}/", folder)
    assert _page_count(site / "pagefind" / folder) == 4


def test_a_sharded_index_holds_every_article_once(tmp_path):
    names = [f"Nguyễn Văn {chr(0x41 + n)}" for n in range(12)]
    out = tmp_path / "html"
    report = build_site([_corpus(tmp_path / "tei", names)], out, search_shard_pages=4)
    assert report.ok, report.failures
    bundle = out / "pagefind"
    shards = search_shards(out)
    expected = sorted({search_module.shard_of(f"a{n}.html", 4) for n in range(12)})
    assert [int(re.fullmatch(r"shards/(\d+)-[0-9a-f]{8}/", folder).group(1)) for folder in shards] == expected
    counts = [_page_count(bundle / folder) for folder in shards]
    assert sum(counts) == 12 and all(counts)
    assert sorted(search_index(out)) == sorted(f"/a{n}.html" for n in range(12))
    assert all((bundle / folder / "pagefind.js").is_file() for folder in shards)
    assert not [p for p in out.iterdir() if p.name.endswith(".staging")]


def test_a_failing_shard_is_one_error_and_the_old_index_stays(site, tmp_path, monkeypatch):
    _failing_pagefind(tmp_path, monkeypatch, "boom: shard")
    before = _files(site / "pagefind")
    pages = sorted(site.glob("a*.html"))
    with pytest.raises(SearchIndexError, match=r"pagefind failed: boom: shard$"):
        search_module.build_index(site, "vi", pages=pages, shard_pages=1)
    assert _files(site / "pagefind") == before
    assert not [p for p in site.iterdir() if p.name.endswith(".staging")]


def test_an_index_that_cannot_be_written_is_one_line_naming_it(site, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(search_module, "staging_dir", full)
    with pytest.raises(SearchIndexError) as caught:
        search_module.build_index(site, "vi")
    assert (caught.value.path, caught.value.message) == (str(site / "pagefind"), "cannot write: No space left on device")


def test_by_default_the_index_is_of_the_article_pages_the_site_manifest_lists(tmp_path):
    # The default took every page of the site's top folder, index.html and search.html with them
    # (review): an index built so was not the one build_site makes, and was made again by it.
    out = tmp_path / "html"
    assert build_site([_corpus(tmp_path / "tei", ["An", "Bình"])], out, search_index=False).ok
    assert (out / "index.html").is_file() and (out / "search.html").is_file()
    made = search_module.build_index(out, "vi")
    articles = [out / "a0.html", out / "a1.html"]
    # the same pages as given: nothing is made again
    assert search_module.build_index(out, "vi", pages=articles, built=made) == made
    assert search_module.article_pages(out) == articles


def test_without_a_site_manifest_the_default_pages_are_not_known(tmp_path):
    (tmp_path / "index.html").write_text("<html/>", encoding="utf-8")
    with pytest.raises(SearchIndexError) as caught:
        search_module.build_index(tmp_path, "vi")
    assert (caught.value.path, caught.value.message) == (
        str(tmp_path), "not a teikit site (no .teikit-site.json): which pages are articles is not known")
