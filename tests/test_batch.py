"""The one batch runner (teikit.batch): what every stage over files can rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.batch import Batch, Counted, Report
from teikit.errors import ToolkitError
from teikit.errors import MissingInputError, NoInputError


@pytest.fixture
def folder(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")  # a sidecar, never an input
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    return tmp_path


def written(out: Path):
    def work(path: Path) -> Path:
        target = out / f"{path.stem}.out"
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        return target
    return work


def test_every_file_with_the_suffix_is_worked_on_in_sorted_order(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    batch = Batch([folder], (".txt",), output_suffix=".out")
    results = batch.run(written(out))
    assert [p.name for p in batch.report.written] == ["a.out", "b.out", "c.out"]
    assert results == batch.report.written
    assert batch.report.ok and batch.report.failures == [] and batch.report.warnings == []


def test_a_bad_file_in_the_middle_costs_that_file_only(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")

    def work(path):
        if path.name == "b.txt":
            raise ToolkitError("cannot read it", path=str(path))
        return written(out)(path)

    batch = Batch([folder], (".txt",), output_suffix=".out")
    batch.run(work)
    assert [p.name for p in batch.report.written] == ["a.out", "c.out"]
    assert [(f.path.name, f.message) for f in batch.report.failures] == [("b.txt", f"{folder / 'b.txt'}: cannot read it")]
    assert not batch.report.ok


def test_a_bug_is_one_internal_error_line_and_the_batch_goes_on(folder):
    def work(path):
        if path.name == "a.txt":
            raise KeyError("oops")
        return path

    batch = Batch([folder], (".txt",))
    batch.run(work)
    assert [f.message for f in batch.report.failures] == [
        f"{folder / 'a.txt'}: internal error, please report it (KeyError: 'oops')"]
    assert [p.name for p in batch.report.written] == ["b.txt", "c.txt"]


def test_a_name_clash_is_refused_before_the_work_and_reported_in_order(tmp_path):
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(sub, encoding="utf-8")
    (tmp_path / "two" / "zz.txt").write_text("z", encoding="utf-8")
    seen = []
    batch = Batch([tmp_path / "one", tmp_path / "two"], (".txt",), output_suffix=".xml")
    batch.run(lambda path: seen.append(path) or path)
    assert seen == [tmp_path / "one" / "same.txt", tmp_path / "two" / "zz.txt"]
    assert [f.message for f in batch.report.failures] == [
        f"{tmp_path / 'two' / 'same.txt'}: same output name as {tmp_path / 'one' / 'same.txt'}: same.xml"]


def test_a_file_named_twice_is_one_input(folder):
    batch = Batch([folder, folder / "a.txt"], (".txt",), output_suffix=".out")
    assert [p.name for p in batch.files] == ["a.txt", "b.txt", "c.txt"]
    batch.run(lambda path: path)
    assert batch.report.ok


def test_a_missing_path_is_a_usage_error_before_anything_runs(folder):
    with pytest.raises(MissingInputError, match="no such file or directory"):
        Batch([folder, folder / "missing"], (".txt",))


def test_paths_holding_no_input_are_refused_before_anything_runs(folder):
    with pytest.raises(NoInputError) as raised:
        Batch([folder], (".html", ".htm"), unread=lambda path: f"{path.suffix} file (unsupported input type)")
    assert str(raised.value) == (f"{folder}: no input files (*.html, *.htm) in it; 1 .md file (unsupported input type) "
                                 "left out; 3 .txt files (unsupported input type) left out; nothing done")
    empty = folder / "empty"
    empty.mkdir()
    with pytest.raises(NoInputError, match=r"^.*empty, .*empty: no input files \(\*\.txt\) in it; nothing done$"):
        Batch([empty, empty], (".txt",))
    assert len(Batch([empty, folder], (".txt",)).files) == 3  # one folder without inputs among others: no refusal


def test_progress_sees_every_input_once_with_the_label(folder):
    calls = []

    def progress(items, label):
        items = list(items)
        calls.append(([p.name for p in items], label))
        return items

    Batch([folder], (".txt",), progress=progress).run(lambda p: None, label="reading")
    assert calls == [(["a.txt", "b.txt", "c.txt"], "reading")]


def test_counted_items_have_their_number_and_are_made_as_they_are_read():
    made = []

    def items():
        for name in ("a", "b"):
            made.append(name)
            yield name

    counted = Counted(items(), 2)
    assert len(counted) == 2 and made == []
    assert list(counted) == ["a", "b"]


def test_attempt_guards_a_step_that_walks_its_own_items(folder):
    batch = Batch([folder], (".txt",))
    assert batch.attempt(folder / "a.txt", lambda: 42) == 42
    assert batch.attempt(folder / "b.txt", lambda: 1 / 0) is None
    assert [f.message for f in batch.report.failures] == [
        f"{folder / 'b.txt'}: internal error, please report it (ZeroDivisionError: division by zero)"]


def test_report_warnings_and_failures_are_kept_in_order():
    report = Report()
    report.warn("x.txt: markup given up")
    report.fail("y.txt", "y.txt: unreadable")
    assert report.warnings == ["x.txt: markup given up"] and [f.message for f in report.failures] == ["y.txt: unreadable"]
    assert not report.ok


def test_a_batch_keeps_its_files_as_strings_and_gives_them_back_as_paths(tmp_path):
    """A Path that has been used holds about 600 bytes, its string about 100: a batch may name a million files."""
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    batch = Batch([tmp_path], (".txt",))
    assert all(isinstance(name, str) for name in batch.files._names)
    assert list(batch.files) == [tmp_path / "a.txt", tmp_path / "b.txt"] == batch.files
    assert batch.files[1] == tmp_path / "b.txt" and batch.files[:1] == [tmp_path / "a.txt"] and len(batch.files) == 2
