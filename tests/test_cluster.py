"""--scheduler: the same work on a real dask.distributed cluster on loopback (two worker
processes): outputs identical to a local run, corpus names reduced on the
cluster, a worker killed mid-run costs no article and leaves no partial file; into a folder
converted before, only what changed is converted again, as in a local run (test_incremental)."""

from __future__ import annotations

import os
import shutil
import signal
import threading

import pytest
from typer.testing import CliRunner

from teikit import buildrecord
from teikit.cli import app
from teikit.cluster import DaskEngine
from teikit.convert import convert_paths
from teikit.errors import WorkerError
from test_incremental import contents, inodes, rewritten
from test_incremental_warc import ADDED
from test_parallel import ARTICLES, make_corpus, tree_bytes
from test_warc_damage import BBC, _member_crc_altered, damaged_crawl
from test_warc_input import CRAWL, write_warc

distributed = pytest.importorskip("distributed")

runner = CliRunner()


# A killed worker's nanny starts another; waiting for it is bounded (a failure, never a hang).
WORKERS_BACK = 180
# Per worker: far above what these tests need, so no worker is paused (Dask pauses one at 80 %
# of it), which would keep it from counting as running: one wait never ended under load, with
# 600 MiB (first-pass results now carry pass one's kept recognition).
WORKER_MEMORY = "2GiB"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit=WORKER_MEMORY,
                                  host="127.0.0.1", dashboard_address=None, silence_logs=40) as local:
        yield local


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_convert_on_the_cluster_writes_what_a_local_run_writes(tmp_path, cluster):
    seeds = make_corpus(tmp_path / "seeds")
    local = invoke("convert", str(seeds), "-o", str(tmp_path / "local"), "--jobs", "1")
    remote = invoke("convert", str(seeds), "-o", str(tmp_path / "remote"), "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 1
    assert local.stderr.replace("local", "X") == remote.stderr.replace("remote", "X")
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")
    # the name a01 gives is marked in b02: the reduction ran (on the cluster)
    assert ">Sùng A Châu</persName>" in (tmp_path / "remote" / "b02.xml").read_text(encoding="utf-8")


def test_validate_and_render_on_the_cluster_match_local_runs(tmp_path, cluster):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    assert invoke("convert", str(seeds), "-o", str(tmp_path / "tei"), "--jobs", "1").exit_code == 0
    (tmp_path / "tei" / "x_invalid.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    local = invoke("validate", str(tmp_path / "tei"), "--jobs", "1")
    remote = invoke("validate", str(tmp_path / "tei"), "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 1
    assert local.stdout == remote.stdout
    (tmp_path / "tei" / "x_invalid.xml").unlink()
    for fmt in ("html", "txt"):
        for where, option in (("local", ["--jobs", "1"]), ("remote", ["--scheduler", cluster.scheduler_address])):
            result = invoke("render", str(tmp_path / "tei"), "-f", fmt, "-o", str(tmp_path / f"{where}-{fmt}"), *option)
            assert result.exit_code == 0, result.stderr
        assert tree_bytes(tmp_path / f"local-{fmt}") == tree_bytes(tmp_path / f"remote-{fmt}")


def test_build_on_the_cluster_builds_what_a_local_build_does(tmp_path, cluster):
    for where, option in (("local", ["--jobs", "1"]), ("remote", ["--scheduler", cluster.scheduler_address])):
        root = tmp_path / where
        seeds = make_corpus(root / "seeds", bad=False)
        result = invoke("build", "--seeds", str(seeds), "--tei", str(root / "tei"), "--dist", str(root / "dist"),
                        "--package-format", "dir", "--bagging-date", "2024-01-01", *option)
        assert result.exit_code == 0, result.stderr
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")


def test_a_second_convert_on_the_cluster_with_nothing_changed_writes_nothing(tmp_path, cluster):
    seeds = make_corpus(tmp_path / "seeds")  # three articles, two that fail
    # and one whose language has no recogniser of names (one warning line, after the reading)
    (seeds / "f06.txt").write_text("Burmistrz Warszawy\n\n04/12/2023\nBurmistrz Warszawy mówił w poniedziałek o nowych "
                                   "planach dotyczących ruchu w mieście i na drogach.\n", encoding="utf-8")
    out = tmp_path / "tei"
    local = [invoke("convert", str(seeds), "-o", str(out), "--jobs", "1") for _ in range(2)]
    assert "warning: Polish (pl): persons, organisations" in local[0].stderr
    record, files = (out / buildrecord.RECORD).read_bytes(), contents(out)
    shutil.rmtree(out)
    first = invoke("convert", str(seeds), "-o", str(out), "--scheduler", cluster.scheduler_address)
    assert first.stderr == local[0].stderr
    assert (out / buildrecord.RECORD).read_bytes() == record  # the record a local run writes
    before = inodes(out)
    again = invoke("convert", str(seeds), "-o", str(out), "--scheduler", cluster.scheduler_address)
    assert again.exit_code == 1  # d04 and e05 fail again
    assert again.stderr == local[1].stderr
    assert again.stderr.splitlines()[-1] == f"0 of 6 converted into {out}, 4 unchanged"
    assert rewritten(before, out) == []
    assert contents(out) == files and (out / buildrecord.RECORD).read_bytes() == record
    # and the other way round: a local run trusts the cluster's record
    assert invoke("convert", str(seeds), "-o", str(out), "--jobs", "1").stderr == local[1].stderr


def test_an_edited_source_on_the_cluster_converts_it_and_the_articles_its_new_name_bears_on(tmp_path, cluster):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    (seeds / "f06.txt").write_text("Tin vắn\n\n08/12/2023\nGiàng Thị Mai về bản hôm qua.\n", encoding="utf-8")
    out = tmp_path / "tei"
    assert invoke("convert", str(seeds), "-o", str(out), "--scheduler", cluster.scheduler_address).exit_code == 0
    assert "Giàng Thị Mai</persName>" not in (out / "f06.xml").read_text(encoding="utf-8")
    before = inodes(out)
    # c03 now names her with a title: the name enters the corpus, and f06 names her bare
    (seeds / "c03.txt").write_text(ARTICLES["c03"] + "Bà Giàng Thị Mai nói giá sẽ còn tăng.\n", encoding="utf-8")
    result = invoke("convert", str(seeds), "-o", str(out), "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"2 of 4 converted into {out}, 2 unchanged"
    assert rewritten(before, out) == ["c03", "f06"]
    assert ">Giàng Thị Mai</persName>" in (out / "f06.xml").read_text(encoding="utf-8")
    # what a local run from scratch writes, against the same corpus register; and the same record
    fresh = tmp_path / "fresh"
    shutil.copytree(out / "register", fresh / "register")
    assert invoke("convert", str(seeds), "-o", str(fresh), "--jobs", "1").exit_code == 0
    assert contents(out) == contents(fresh)
    record = (out / buildrecord.RECORD).read_bytes()
    assert invoke("convert", str(seeds), "-o", str(out), "--jobs", "1").stderr.splitlines()[-1] == (
        f"0 of 4 converted into {out}, 4 unchanged")
    assert (out / buildrecord.RECORD).read_bytes() == record


def test_a_second_build_on_the_cluster_with_nothing_changed_rewrites_nothing(tmp_path, cluster):
    root = tmp_path / "run"
    seeds = make_corpus(root / "seeds", bad=False)

    def build():
        result = invoke("build", "--seeds", str(seeds), "--tei", str(root / "tei"), "--dist", str(root / "dist"),
                        "--package-format", "dir", "--bagging-date", "2024-01-01",
                        "--scheduler", cluster.scheduler_address)
        assert result.exit_code == 0, result.stderr
        return result.stderr

    build()
    before = {p: p.stat().st_ino for p in root.rglob("*") if p.is_file()}
    said = build()
    assert f"convert:  0 TEI files in {root / 'tei'}, 3 unchanged" in said
    assert "validate: 3 files, 3 valid, 0 invalid, 0 errors, 3 unchanged" in said
    assert f"render:   0 text files in {root / 'dist' / 'txt'}, 3 unchanged" in said
    every_time = {"dist/html/.teikit-site.json", *(f"dist/html/assets/{n}" for n in ("highlight.js", "search.js", "sort.js"))}
    assert {str(p.relative_to(root)) for p, ino in before.items() if p.stat().st_ino != ino} <= every_time
    # one edited source: its TEI, and its editions, again
    (seeds / "c03.txt").write_text(ARTICLES["c03"].replace("tăng mạnh", "tăng nhẹ"), encoding="utf-8")
    said = build()
    assert f"convert:  1 TEI files in {root / 'tei'}, 2 unchanged" in said
    assert f"render:   1 text files in {root / 'dist' / 'txt'}, 2 unchanged" in said


def test_a_web_archive_on_the_cluster_converts_as_locally_and_then_only_its_new_page(tmp_path, cluster):
    src = tmp_path / "src"
    src.mkdir()
    archive = write_warc(src / "crawl.warc.gz", CRAWL)
    (src / "a01.txt").write_text(ARTICLES["a01"], encoding="utf-8")
    options = {"local": ["--jobs", "1"], "remote": ["--scheduler", cluster.scheduler_address]}
    runs = {where: [invoke("convert", str(src), "-o", str(tmp_path / where), *option)]
            for where, option in options.items()}
    write_warc(archive, CRAWL + [ADDED])  # a page added
    for where, option in options.items():
        runs[where].append(invoke("convert", str(src), "-o", str(tmp_path / where), *option))
    for local, remote in zip(runs["local"], runs["remote"]):
        assert local.exit_code == remote.exit_code == 0, remote.stderr
        assert local.stderr.replace("local", "X") == remote.stderr.replace("remote", "X")
    assert "into X, 1 unchanged (2 unchanged pages given their archive's new sha256)" in runs["remote"][1].stderr.replace(
        str(tmp_path / "remote"), "X")
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")
    record = buildrecord.RECORD
    assert (tmp_path / "local" / record).read_bytes() == (tmp_path / "remote" / record).read_bytes()


def test_a_worker_killed_mid_run_costs_no_article_and_leaves_no_partial_file(tmp_path, cluster):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(40):  # enough chunks that some are running when the worker dies
        for stem, text in ARTICLES.items():
            (seeds / f"{stem}_{i:02d}.txt").write_text(text, encoding="utf-8")
    expected = convert_paths([seeds], tmp_path / "local")
    assert expected.ok and len(expected.written) == 120
    killed = threading.Event()

    with DaskEngine(cluster.scheduler_address) as engine:
        victim = sorted(engine.client.scheduler_info()["workers"])[0]
        pid = engine.client.run(os.getpid, workers=[victim])[victim]

        def progress(items, label):
            for n, item in enumerate(items):
                if label == "converting" and n == 2 and not killed.is_set():
                    killed.set()
                    os.kill(pid, signal.SIGKILL)
                yield item

        report = convert_paths([seeds], tmp_path / "remote", engine=engine, progress=progress)
    assert killed.is_set()
    assert report.ok, [f.message for f in report.failures]
    assert len(report.written) == 120 and not report.kept and not report.warnings
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")
    leftovers = [p for p in (tmp_path / "remote").rglob("*") if p.name.endswith((".tmp", ".staging"))]
    assert leftovers == []
    cluster.wait_for_workers(2, timeout=WORKERS_BACK)


def test_a_shared_value_outlives_every_worker_that_held_it(cluster):
    # The corpus names and the last pass's view are shared once for every task. Scattered, the
    # scheduler's memory manager kept one copy of them, and a worker killed holding it cancelled
    # every task still to run ("already forgotten": the killed-worker test above failed so under
    # load). Made by a task, the value is made again when its holders are gone.
    with DaskEngine(cluster.scheduler_address) as engine:
        shared = engine.share(("names", list(range(1000))))
        assert engine.result(engine.submit(len, shared)) == 2
        holders = engine.client.who_has(shared)[shared.key]
        assert holders
        pids = engine.client.run(os.getpid, workers=list(holders))
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
        cluster.wait_for_workers(2, timeout=WORKERS_BACK)
        assert engine.result(engine.submit(sum, engine.submit(lambda value: value[1], shared))) == sum(range(1000))
    cluster.wait_for_workers(2, timeout=WORKERS_BACK)


def test_an_unreachable_scheduler_is_one_error_line(tmp_path):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    result = invoke("convert", str(seeds), "-o", str(tmp_path / "tei"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "tei").exists()


def test_jobs_and_scheduler_together_are_a_usage_error(tmp_path):
    result = invoke("convert", "x", "-o", str(tmp_path), "--jobs", "2", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "--jobs and --scheduler exclude each other" in result.stderr


def test_a_cluster_that_loses_the_run_is_a_worker_error(cluster):
    with DaskEngine(cluster.scheduler_address) as engine:
        # a task that kills every worker it runs on: the scheduler gives up on it (KilledWorker)
        with pytest.raises(WorkerError, match="the cluster lost the run"):
            engine.result(engine.client.submit(os._exit, 3, pure=False))
    cluster.wait_for_workers(2, timeout=WORKERS_BACK)


def test_a_web_archive_repeating_its_records_converts_on_the_cluster_as_locally(tmp_path, cluster):
    # A repeated record was refused by its source's name, which the kept first copy shares: on the
    # cluster the kept copy was dropped with it, and the last pass's outcomes shifted (review).
    src, scratch = tmp_path / "src", tmp_path / "scratch"
    src.mkdir(), scratch.mkdir()
    once = write_warc(scratch / "once.warc", CRAWL).read_bytes()
    archive = src / "crawl.warc"
    archive.write_bytes(once + once)  # every record twice (one record id each): the repeats refused
    (src / "a01.txt").write_text(ARTICLES["a01"], encoding="utf-8")

    def both() -> None:
        local = invoke("convert", str(src), "-o", str(tmp_path / "local"), "--jobs", "1")
        remote = invoke("convert", str(src), "-o", str(tmp_path / "remote"), "--scheduler", cluster.scheduler_address)
        assert local.exit_code == remote.exit_code == 1
        assert "a second record of the same WARC-Record-ID and URI in this archive; not converted" in local.stderr
        assert local.stderr.replace("local", "X") == remote.stderr.replace("remote", "X")
        assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")
        record = buildrecord.RECORD
        assert (tmp_path / "local" / record).read_bytes() == (tmp_path / "remote" / record).read_bytes()

    both()
    archive.write_bytes(write_warc(scratch / "more.warc", CRAWL + [ADDED]).read_bytes() + once)  # and again, a page added
    both()


def test_a_damaged_web_archive_converts_on_the_cluster_as_locally(tmp_path, cluster):
    # The cluster's first pass surveys and streams the archive as a local run does: the same pages
    # read past the damage, the same one line for it.
    src, archive, _, offsets = damaged_crawl(  # a page's member, and the end
        tmp_path, lambda data, offsets: _member_crc_altered(data, offsets[2])[:-30])
    (src / "a01.txt").write_text(ARTICLES["a01"], encoding="utf-8")
    local = invoke("convert", str(src), "-o", str(tmp_path / "local"), "--jobs", "1")
    remote = invoke("convert", str(src), "-o", str(tmp_path / "remote"), "--scheduler", cluster.scheduler_address)
    assert local.exit_code == remote.exit_code == 1
    assert f"error: {archive}: record 3 (offset {offsets[2]}) is damaged" in local.stderr
    assert local.stderr.replace("local", "X") == remote.stderr.replace("remote", "X")
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "remote")
    assert sorted(p.stem for p in (tmp_path / "remote").glob("*.xml")) == sorted(["a01", BBC])
