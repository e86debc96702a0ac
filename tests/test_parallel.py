"""--jobs: every stage writes the same bytes and reports the same lines whatever the number of workers.

The corpus is made so that a name found in one article changes another's markup
(convert's map → reduce → map): "Sùng A Châu" is a person in a01 (after "Ông"),
and b02 mentions him bare, which the rules alone do not mark.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit import parallel
from teikit.batch import Report
from teikit.cli import app
from teikit.errors import WorkerError

runner = CliRunner()

ARTICLES = {
    "a01": "Đoàn công tác thăm Mường Khương\n\n04/12/2023\nÔng Sùng A Châu phát biểu tại Mường Khương, "
           "tỉnh Lào Cai, trong buổi làm việc với đoàn công tác của tỉnh.\n",
    "b02": "Chuyến đi lên bản\n\n05/12/2023\nSùng A Châu kể lại chuyến đi. Đoàn về Mường Khương hôm qua "
           "và ở lại hai ngày.\n",
    "c03": "Giá lúa tăng\n\n06/12/2023\nGiá lúa tại Đồng bằng sông Cửu Long tăng mạnh trong tuần qua, "
           "theo Bộ Nông nghiệp và Phát triển nông thôn.\n",
}
BAD = {"d04": "", "e05": "\xff\xfe not text"}


def make_corpus(folder: Path, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in ARTICLES.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    if bad:
        (folder / "d04.txt").write_text("", encoding="utf-8")
        (folder / "e05.txt").write_bytes(b"\xff\xfe\x00 not text \xc3")
    return folder


# The site's search index (pagefind/) differs between two runs of the same render, --jobs 1 both times:
# its hashes are not reproducible (a defect of the search index, not of --jobs); it is left out here.
UNREPRODUCIBLE = "pagefind"


# The build records (teikit.buildrecord) name the sources by their paths (two runs in two folders differ
# there); what they make reused is checked by tests/test_incremental.py (on a cluster: tests/test_cluster.py).
BUILD_RECORD = (".teikit-build.json", ".teikit-build.sqlite")  # the record and its store


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden editing records included) by its relative path, the search
    index and the build records aside."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and UNREPRODUCIBLE not in p.relative_to(folder).parts and p.name not in BUILD_RECORD}


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    root = tmp_path_factory.mktemp("jobs")
    seeds = make_corpus(root / "seeds")
    results = {jobs: invoke("convert", str(seeds), "-o", str(root / f"tei{jobs}"), "--jobs", str(jobs))
               for jobs in (1, 2)}
    return root, results


def test_the_corpus_name_reaches_the_other_article(tmp_path, converted):
    root, _ = converted
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "b02.txt").write_text(ARTICLES["b02"], encoding="utf-8")
    assert invoke("convert", str(alone), "-o", str(tmp_path / "tei"), "--jobs", "1").exit_code == 0
    assert ">Sùng A Châu</persName>" not in (tmp_path / "tei" / "b02.xml").read_text(encoding="utf-8")
    for jobs in (1, 2):
        assert ">Sùng A Châu</persName>" in (root / f"tei{jobs}" / "b02.xml").read_text(encoding="utf-8")


def test_convert_jobs_2_writes_the_bytes_jobs_1_writes(converted):
    root, _ = converted
    one, two = tree_bytes(root / "tei1"), tree_bytes(root / "tei2")
    assert sorted(one) == sorted(two)
    assert {"a01.xml", "b02.xml", "c03.xml"} <= set(one)
    assert one == two


def test_convert_reports_the_same_lines_in_input_order(converted):
    root, results = converted
    lines = {jobs: r.stderr.replace(f"tei{jobs}", "teiN").splitlines() for jobs, r in results.items()}
    assert results[1].exit_code == results[2].exit_code == 1
    assert lines[1] == lines[2]
    errors = [line for line in lines[2] if line.startswith("error: ")]
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {root / 'seeds' / 'd04.txt'}: ")
    assert errors[1].startswith(f"error: {root / 'seeds' / 'e05.txt'}: ")
    assert lines[2][-1] == f"3 of 5 converted into {root / 'teiN'}"


def test_validate_jobs_2_reports_what_jobs_1_does(tmp_path, converted):
    root, _ = converted
    folder = tmp_path / "v"
    folder.mkdir()
    for name, data in tree_bytes(root / "tei1").items():
        if name.endswith(".xml") and "/" not in name:
            (folder / name).write_bytes(data)
    (folder / "z_broken.xml").write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    (folder / "m_invalid.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    out = {jobs: invoke("validate", str(folder), "--jobs", str(jobs)) for jobs in (1, 2)}
    assert out[1].exit_code == out[2].exit_code == 1
    assert out[1].stdout == out[2].stdout
    assert "z_broken.xml" in out[2].stdout and "m_invalid.xml" in out[2].stdout
    as_json = {jobs: invoke("validate", str(folder), "--jobs", str(jobs), "--format", "json").stdout for jobs in (1, 2)}
    assert as_json[1] == as_json[2]


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_render_jobs_2_writes_the_bytes_jobs_1_writes(tmp_path, converted, fmt):
    root, _ = converted
    tei = root / "tei1"
    for jobs in (1, 2):
        result = invoke("render", str(tei), "-f", fmt, "-o", str(tmp_path / f"{fmt}{jobs}"), "--jobs", str(jobs))
        assert result.exit_code == 0, result.stderr
    one, two = (tree_bytes(tmp_path / f"{fmt}{jobs}") for jobs in (1, 2))
    assert one == two
    assert f"b02.{fmt}" in one


def test_build_jobs_2_builds_what_jobs_1_builds(tmp_path):
    for jobs in (1, 2):
        root = tmp_path / f"run{jobs}"
        seeds = make_corpus(root / "seeds", bad=False)
        result = invoke("build", "--seeds", str(seeds), "--tei", str(root / "tei"), "--dist", str(root / "dist"),
                        "--package-format", "dir", "--bagging-date", "2024-01-01", "--jobs", str(jobs))
        assert result.exit_code == 0, result.stderr
    one, two = (tree_bytes(tmp_path / f"run{jobs}") for jobs in (1, 2))
    assert sorted(one) == sorted(two)
    assert one == two
    assert "Sùng A Châu" in one["dist/html/registers/persons.html"].decode("utf-8")


def test_ner_extract_jobs_2_writes_what_jobs_1_writes(tmp_path):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    for jobs in (1, 2):
        result = invoke("ner", "extract", str(seeds), "-o", str(tmp_path / f"ents{jobs}.jsonl"), "--jobs", str(jobs))
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "ents1.jsonl").read_bytes() == (tmp_path / "ents2.jsonl").read_bytes()
    assert (tmp_path / "ents1.jsonl").read_text(encoding="utf-8").count('"id"') == 3


def test_an_edited_file_is_kept_by_every_worker_count(tmp_path):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    tei = tmp_path / "tei"
    assert invoke("convert", str(seeds), "-o", str(tei), "--jobs", "2").exit_code == 0
    edited = (tei / "c03.xml").read_text(encoding="utf-8").replace("Giá lúa tăng", "Giá lúa tăng mạnh", 1)
    (tei / "c03.xml").write_text(edited, encoding="utf-8")
    result = invoke("convert", str(seeds), "-o", str(tei), "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert (tei / "c03.xml").read_text(encoding="utf-8") == edited
    assert f"warning: {tei / 'c03.xml'}: edited since teikit wrote it" in result.stderr
    assert result.stderr.splitlines()[-1] == f"0 of 3 converted into {tei}, 2 unchanged, 1 edited file kept as it was"


def test_jobs_below_one_is_a_usage_error():
    result = invoke("convert", "x", "-o", "y", "--jobs", "0")
    assert result.exit_code == 2


def test_jobs_resolve_to_the_usable_cores():
    assert parallel.resolve_jobs(None) == len(os.sched_getaffinity(0)) == parallel.usable_cores()
    assert parallel.resolve_jobs(3) == 3
    with pytest.raises(ValueError, match="at least 1"):
        parallel.resolve_jobs(0)


def test_a_warning_said_once_per_run_stays_once_when_reports_merge():
    merged = Report()
    for name in ("a", "b"):
        part = Report()
        part.warn_once("not validated")
        part.warn(f"{name}: something given up")
        merged.absorb(part)
    assert merged.warnings == ["not validated", "a: something given up", "b: something given up"]


def _square(_state, shared, chunk):
    return [item * item + shared for item in chunk]


def _die(_state, _shared, chunk):
    if 13 in chunk:
        os._exit(9)  # a worker killed mid-run
    return chunk


def _nothing():
    return None


def test_the_pool_returns_results_in_input_order():
    with parallel.make_engine(2) as engine:
        assert list(engine.map(_square, range(200), state=_nothing, shared=1)) == [i * i + 1 for i in range(200)]
    with parallel.make_engine(1) as engine:
        assert list(engine.map(_square, range(5), state=_nothing, shared=0)) == [0, 1, 4, 9, 16]


def test_a_worker_that_dies_is_one_error_not_a_hang():
    with parallel.make_engine(2) as engine:
        with pytest.raises(WorkerError, match="a worker process died"):
            list(engine.map(_die, range(100), state=_nothing))
