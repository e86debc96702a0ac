"""The site's build record keeps each article's site record out of its JSON, in its store
(`<site>/.teikit-build.sqlite`, teikit.buildrecord.Blobs): the record names each by its
digest, the store holds exactly the texts the record on disk names, and a store that is
damaged, lost or behind its record never makes a site other than a render from scratch.
"""

from __future__ import annotations

import json
import re
import sqlite3

from teikit import buildrecord, fsutil

from test_incremental_render import assert_as_from_scratch, edit_tei, inodes, rewritten, run, tei  # noqa: F401

SHA = re.compile(r"[0-9a-f]{64}")


def stored(site) -> set[str]:
    with sqlite3.connect(site / buildrecord.STORE) as db:
        return {sha for (sha,) in db.execute("SELECT sha FROM blobs")}


def named(site) -> dict[str, str]:
    entries = json.loads((site / buildrecord.RECORD).read_text(encoding="utf-8"))["entries"]
    return {stem: entry["site"] for stem, entry in entries.items() if not stem.startswith("/")}


def test_the_record_names_each_site_record_by_digest_and_the_store_holds_exactly_those(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    first = named(site)
    assert sorted(first) == ["a01", "b02", "c03"] and all(SHA.fullmatch(sha) for sha in first.values())
    assert stored(site) == set(first.values())
    with sqlite3.connect(site / buildrecord.STORE) as db:
        text = db.execute("SELECT text FROM blobs WHERE sha = ?", (first["c03"],)).fetchone()[0]
    assert text.startswith("<doc") and "<doc" not in (site / buildrecord.RECORD).read_text(encoding="utf-8")
    edit_tei(tei, "c03")
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    second = named(site)
    assert second["c03"] != first["c03"] and {second["a01"], second["b02"]} == {first["a01"], first["b02"]}
    assert stored(site) == set(second.values())  # c03's old record went with the record that named it
    assert_as_from_scratch(tei, site, tmp_path)


def test_a_damaged_store_is_a_full_render_with_one_warning(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    store = site / buildrecord.STORE
    store.write_bytes(b"not a database, but long enough to be read as one's header" * 20)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {store}: the build record's store cannot be read (file is not a database); "
                        "everything is made again"]
    assert "unchanged" not in result.stderr.splitlines()[-1]
    assert_as_from_scratch(tei, site, tmp_path)
    assert "unchanged" in run("render", tei, "-o", site, "--jobs", "1").stderr.splitlines()[-1]  # a store again


def test_a_lost_store_makes_again_the_articles_it_held(tei, tmp_path):
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "2").exit_code == 0
    (site / buildrecord.STORE).unlink()
    before = inodes(site)
    result = run("render", tei, "-o", site, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert not [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert {"a01.html", "b02.html", "c03.html"} <= set(rewritten(before, site))
    assert_as_from_scratch(tei, site, tmp_path)


def test_a_record_not_written_keeps_the_texts_the_old_one_names(tei, tmp_path, monkeypatch):
    """As a run killed after its pages and store, before its record: the old record still holds."""
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    old = named(site)
    edit_tei(tei, "c03")
    real = fsutil.write_atomic

    def refuse_record(target, data, *args, **kwargs):
        if target.name == buildrecord.RECORD:
            raise OSError(28, "No space left on device")
        return real(target, data, *args, **kwargs)

    monkeypatch.setattr(buildrecord, "write_atomic", refuse_record)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert named(site) == old and set(old.values()) <= stored(site)  # the old record and every text it names
    monkeypatch.undo()
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert stored(site) == set(named(site).values())
    assert_as_from_scratch(tei, site, tmp_path)


def test_a_store_killed_as_it_was_made_is_a_new_one_without_warning(tmp_path):
    (tmp_path / buildrecord.STORE).write_bytes(b"")  # sqlite makes the file before its first transaction
    record = buildrecord.Record(tmp_path, "site", blobs=("site",))
    assert record.warning is None
    sha = record.keep("<doc/>")
    record.put("a", "key", None, site=sha)
    record.save()
    again = buildrecord.Record(tmp_path, "site", blobs=("site",))
    assert again.warning is None and again.blob(again.entries["a"]["site"]) == "<doc/>"
    assert again.blob("0" * 64) is None and not again.has_blob(7)
