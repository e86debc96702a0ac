"""The site's build record is tabled: its entries and each article's site record are in its
store (`<site>/.teikit-build.sqlite`, teikit.buildrecord.Blobs and TableEntries), the JSON
beside it naming the store: an entry names its site record by digest, the store holds exactly
the texts its entries name, and a store that is damaged, lost or behind its pages never makes a
site other than a render from scratch.
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
    assert json.loads((site / buildrecord.RECORD).read_text(encoding="utf-8"))["entries"] == buildrecord.STORE
    with sqlite3.connect(site / buildrecord.STORE) as db:
        entries = {name: json.loads(entry) for name, entry in db.execute("SELECT name, entry FROM entries")}
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


def test_a_store_that_cannot_commit_keeps_the_old_record_and_every_text_it_names(tei, tmp_path, monkeypatch):
    """As a run killed after its pages, before its store's one commit: the old record still holds."""
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    old = named(site)
    edit_tei(tei, "c03")

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(buildrecord.Blobs, "_commit", full)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {site / buildrecord.STORE}: cannot write the build record's store (database or disk is full); "
        "the next run makes again what it lacks"]
    assert named(site) == old and stored(site) == set(old.values())  # the old record and every text it names
    monkeypatch.undo()
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert stored(site) == set(named(site).values()) and named(site)["c03"] != old["c03"]
    assert_as_from_scratch(tei, site, tmp_path)


def test_the_record_header_not_written_loses_nothing(tei, tmp_path, monkeypatch):
    """The store committed, the JSON beside it not (a full disk): the store is the record."""
    site = tmp_path / "site"
    assert run("render", tei, "-o", site, "--jobs", "1").exit_code == 0
    (site / buildrecord.RECORD).unlink()
    real = fsutil.write_atomic

    def refuse_record(target, data, *args, **kwargs):
        if target.name == buildrecord.RECORD:
            raise OSError(28, "No space left on device")
        return real(target, data, *args, **kwargs)

    monkeypatch.setattr(buildrecord, "write_atomic", refuse_record)
    before = inodes(site)
    result = run("render", tei, "-o", site, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert [rel for rel in rewritten(before, site) if rel.endswith(".html")] == []  # nothing made again
    assert f"warning: {site / buildrecord.RECORD}: cannot write: No space left on device" in result.stderr


def test_a_store_killed_as_it_was_made_is_a_new_one_without_warning(tmp_path):
    (tmp_path / buildrecord.STORE).write_bytes(b"")  # sqlite makes the file before its first transaction
    record = buildrecord.Record(tmp_path, "site", blobs=("site",), tabled=True)
    assert record.warning is None
    sha = record.keep("<doc/>")
    record.put("a", "key", None, site=sha)
    record.save()
    again = buildrecord.Record(tmp_path, "site", blobs=("site",), tabled=True)
    assert again.warning is None and again.blob(again.entries["a"]["site"]) == "<doc/>"
    assert again.blob("0" * 64) is None and not again.has_blob(7)


# -- a tabled record (buildrecord.TableEntries): the site's ------------------------------------


def tabled(folder, **kwargs) -> buildrecord.Record:
    return buildrecord.Record(folder, "site", blobs=("site",), tabled=True, **kwargs)


def test_a_tabled_record_keeps_its_entries_in_the_store_and_names_it_in_the_json(tmp_path):
    record = tabled(tmp_path)
    record.put("a", "k1", "s1", site=record.keep("<doc a/>"))
    record.put("/p/index.html", "k2", "s2")
    record.save()
    assert json.loads((tmp_path / buildrecord.RECORD).read_text(encoding="utf-8")) == {
        "teikit-build": 1, "stage": "site", "entries": buildrecord.STORE}
    again = tabled(tmp_path)
    assert again.warning is None and sorted(again.entries) == ["/p/index.html", "a"] and len(again.entries) == 2
    assert again.entries["a"]["key"] == "k1" and again.blob(again.entries["a"]["site"]) == "<doc a/>"
    assert list(again.entries.named("/p/")) == [("/p/index.html", {"key": "k2", "sha256": "s2"})]
    assert list(again.entries.values_of("site")) == [("a", again.entries["a"]["site"])]


def test_a_tabled_record_not_saved_is_the_record_before(tmp_path):
    """Every change of a run is one transaction of the store: a run that ends before save (killed) changed nothing."""
    record = tabled(tmp_path)
    record.put("a", "k1", "s1")
    record.save()
    running = tabled(tmp_path)
    running.put("a", "k2", "s2")
    running.put("b", "k3", "s3")
    running.drop("a")
    running.store.db.close()  # the process gone, its transaction never committed
    after = tabled(tmp_path)
    assert dict(after.entries.items()) == {"a": {"key": "k1", "sha256": "s1"}}


def test_entries_may_be_dropped_while_they_are_listed_a_block_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(buildrecord.TableEntries, "_BLOCK", 3)
    record = tabled(tmp_path)
    for n in range(10):
        record.put(f"a{n}", "k", None)
    for name in record.entries:
        if name != "a7":
            record.drop(name)
    assert list(record.entries) == ["a7"]


def test_a_json_record_of_an_earlier_teikit_is_taken_into_the_table(tmp_path):
    (tmp_path / buildrecord.RECORD).write_text(json.dumps({"teikit-build": 1, "stage": "site", "entries": {
        "a": {"key": "k1", "sha256": "s1"}}}), encoding="utf-8")
    record = tabled(tmp_path)
    assert record.warning is None and record.entries["a"] == {"key": "k1", "sha256": "s1"}
    record.save()
    assert json.loads((tmp_path / buildrecord.RECORD).read_text(encoding="utf-8"))["entries"] == buildrecord.STORE
    assert tabled(tmp_path).entries["a"]["sha256"] == "s1"


def test_a_row_that_is_not_an_entry_reads_as_absent_and_force_forgets_every_entry(tmp_path):
    record = tabled(tmp_path)
    record.put("a", "k1", "s1")
    record.save()
    with sqlite3.connect(tmp_path / buildrecord.STORE) as db:
        db.executemany("INSERT INTO entries VALUES (?, ?)", [("b", "{not json"), ("c", '{"sha256": "no key"}'), ("d", "[1]")])
    again = tabled(tmp_path)
    assert again.entries.get("b") is None and again.entries.get("c") is None and again.entries.get("d") is None
    assert again.fresh("b", "k", tmp_path / "b.html") is None and "a" in again.entries
    assert len(tabled(tmp_path, force=True).entries) == 0


def test_an_entry_put_again_as_it_was_leaves_the_store_file_as_it_was(tmp_path):
    record = tabled(tmp_path)
    record.put("a", "k1", "s1", site=record.keep("<doc/>"))
    record.save()
    before = (tmp_path / buildrecord.STORE).read_bytes()
    again = tabled(tmp_path)
    again.put("a", "k1", "s1", site=again.keep("<doc/>"))
    again.save()
    assert (tmp_path / buildrecord.STORE).read_bytes() == before


def test_a_run_whose_change_failed_commits_none_of_its_changes(tmp_path, monkeypatch):
    """One change failing (a full disk) and the others made: all of the run's are rolled back (review)."""
    record = tabled(tmp_path)
    record.put("a", "1", None)
    record.save()
    running = tabled(tmp_path)
    running.put("a", "2", None)
    running.store.change("INSERT INTO no_such_table VALUES (1)", ())  # fails: the store says so once
    running.put("b", "3", None)
    assert running.store.commit() is False and "cannot write the build record's store" in running.store.failure
    assert dict(tabled(tmp_path).entries.items()) == {"a": {"key": "1", "sha256": None}}


def test_a_row_that_is_not_json_is_absent_to_every_query(tmp_path):
    record = tabled(tmp_path)
    record.put("a", "k1", "s1", site=record.keep("<doc a/>"))
    record.save()
    with sqlite3.connect(tmp_path / buildrecord.STORE) as db:
        db.execute("INSERT INTO entries VALUES ('b', '{not json')")
    again = tabled(tmp_path)
    assert list(again.entries.values_of("site")) == [("a", again.entries["a"]["site"])]
    again.save()
    assert again.store.failure is None and stored(tmp_path) == {again.entries["a"]["site"]}


def test_a_tabled_record_saved_without_a_store_makes_none(tmp_path):
    (tmp_path / buildrecord.RECORD).write_text('{"teikit-build": 1, "stage": "site", "entries": ".teikit-build.sqlite"}',
                                                encoding="utf-8")
    tabled(tmp_path).save()
    assert not (tmp_path / buildrecord.STORE).exists()
