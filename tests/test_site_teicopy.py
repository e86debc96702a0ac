"""The site carries its articles' TEI (render.teicopy): served as it is, every link of its
pages resolves, the "TEI file" link too. The copy is OUT/tei/<stem>.xml, the master's bytes,
written with its page, kept as the pages are (the build record), removed when --replace-site
drops the article; the manifest still records the master. Never written over: the master
itself (a site rendered beside its masters' tei/), a file teikit did not write.
"""

from __future__ import annotations

import json
import shutil

import pytest

from teikit.render import build_site
from teikit.render.site import MANIFEST

from render_helpers import SAMPLE, H, broken_links, parse_html


def _tei_links(out, stem):
    tree = parse_html((out / f"{stem}.html").read_text(encoding="utf-8"))
    return tree.xpath("//h:a[@class='tei-link']/@href", namespaces={"h": H[1:-1]})


@pytest.fixture()
def masters(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(SAMPLE, tei / "a.xml")
    shutil.copy(SAMPLE, tei / "bài 2#.xml")
    return tei


def test_each_page_links_its_copy_in_the_site_and_the_manifest_the_master(tmp_path, masters):
    out = tmp_path / "dist" / "html"
    report = build_site([masters], out)
    assert report.ok, report.failures
    assert _tei_links(out, "a") == ["tei/a.xml"]
    assert _tei_links(out, "bài 2#") == ["tei/b%C3%A0i%202%23.xml"]
    assert sorted(p.name for p in (out / "tei").iterdir()) == ["a.xml", "bài 2#.xml"]
    for name in ("a.xml", "bài 2#.xml"):
        assert (out / "tei" / name).read_bytes() == (masters / name).read_bytes()
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["articles"] == [
        {"stem": "a", "tei": "../../tei/a.xml"}, {"stem": "bài 2#", "tei": "../../tei/bài 2#.xml"}]
    assert broken_links(out, contained=True) == []


def test_the_copy_is_kept_up_to_date_as_the_page_is(tmp_path, masters):
    out = tmp_path / "html"
    assert build_site([masters], out).ok
    again = build_site([masters], out)
    assert (again.written_count, again.failures) == (0, [])
    # The master changed: its page and its copy are made again.
    changed = SAMPLE.read_text(encoding="utf-8").replace("Phạm Linh", "Phạm Linh Chi")
    (masters / "a.xml").write_text(changed, encoding="utf-8")
    third = build_site([masters], out)
    assert third.ok and (out / "tei" / "a.xml").read_text(encoding="utf-8") == changed
    assert "Phạm Linh Chi" in (out / "a.html").read_text(encoding="utf-8")
    # A copy removed, or changed, by hand: made again (with its page), the other left as it is.
    for damage in (lambda copy: copy.unlink(), lambda copy: copy.write_text("x", encoding="utf-8")):
        damage(out / "tei" / "a.xml")
        before = (out / "tei" / "bài 2#.xml").stat().st_mtime_ns
        report = build_site([masters], out)
        assert report.ok, report.failures
        assert (out / "tei" / "a.xml").read_text(encoding="utf-8") == changed
        assert (out / "tei" / "bài 2#.xml").stat().st_mtime_ns == before


def test_parallel_workers_write_the_same_copies(tmp_path, masters):
    local, workers = tmp_path / "one", tmp_path / "two"
    assert build_site([masters], local).ok
    assert build_site([masters], workers, jobs=2).ok
    for name in ("a.xml", "bài 2#.xml"):
        assert (workers / "tei" / name).read_bytes() == (local / "tei" / name).read_bytes() == (masters / name).read_bytes()
        page = name.replace(".xml", ".html")
        assert (workers / page).read_bytes() == (local / page).read_bytes()
    (workers / "tei" / "a.xml").unlink()
    assert build_site([masters], workers, jobs=2).ok
    assert (workers / "tei" / "a.xml").read_bytes() == (masters / "a.xml").read_bytes()


def test_replace_site_removes_the_copy_of_an_article_it_drops(tmp_path, masters):
    out = tmp_path / "html"
    assert build_site([masters], out).ok
    (masters / "bài 2#.xml").unlink()
    report = build_site([masters], out, replace_site=True)
    assert report.ok, report.failures
    assert sorted(p.name for p in (out / "tei").iterdir()) == ["a.xml"]
    assert not (out / "bài 2#.html").exists()
    assert broken_links(out, contained=True) == []


def test_a_copy_changed_by_hand_is_not_removed_when_its_article_is_dropped(tmp_path, masters):
    out = tmp_path / "html"
    assert build_site([masters], out).ok
    (out / "tei" / "bài 2#.xml").write_text("notes", encoding="utf-8")
    (masters / "bài 2#.xml").unlink()
    assert build_site([masters], out, replace_site=True).ok
    assert (out / "tei" / "bài 2#.xml").read_text(encoding="utf-8") == "notes"


def test_a_site_beside_its_masters_links_them_and_never_writes_or_removes_them(tmp_path, masters):
    # The site's folder is the project's: OUT/tei/<stem>.xml is the master itself.
    data = {name: (masters / name).read_bytes() for name in ("a.xml", "bài 2#.xml")}
    report = build_site([masters], tmp_path)
    assert report.ok, report.failures
    assert _tei_links(tmp_path, "a") == ["tei/a.xml"]
    assert {name: (masters / name).read_bytes() for name in data} == data
    assert build_site([masters], tmp_path).written_count == 0  # standing, the master as its copy
    report = build_site([masters / "a.xml"], tmp_path, replace_site=True)
    assert report.ok, report.failures
    assert not (tmp_path / "bài 2#.html").exists()
    assert (masters / "bài 2#.xml").read_bytes() == data["bài 2#.xml"]  # a master is never removed


def test_a_file_teikit_did_not_write_at_the_copys_place_is_kept_and_the_article_refused(tmp_path, masters):
    out = tmp_path / "html"
    (out / "tei").mkdir(parents=True)
    (out / "tei" / "a.xml").write_text("an editor's file", encoding="utf-8")
    report = build_site([masters], out)
    assert [f.message for f in report.failures] == [
        f"{masters / 'a.xml'}: its TEI copy in the site would replace {out / 'tei' / 'a.xml'}, which teikit "
        "did not write: that file is kept; rename this one, or remove that file yourself"]
    assert (out / "tei" / "a.xml").read_text(encoding="utf-8") == "an editor's file"
    assert not (out / "a.html").exists() and (out / "bài 2#.html").is_file()
    assert [e["stem"] for e in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["articles"]] == ["bài 2#"]


def test_the_masters_bytes_already_at_the_copys_place_are_taken_as_the_copy(tmp_path, masters):
    out = tmp_path / "html"
    (out / "tei").mkdir(parents=True)
    shutil.copy(masters / "a.xml", out / "tei" / "a.xml")
    report = build_site([masters], out)
    assert report.ok, report.failures
    assert (out / "tei" / "a.xml").read_bytes() == (masters / "a.xml").read_bytes()
