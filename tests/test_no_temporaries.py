"""After a normal run of every command that writes files, nothing but its outputs is
left: no temporary file (.NAME.<pid>.<random>.tmp) and no staging folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))[:3]
TRAIN = ROOT / "tests" / "data" / "ner" / "train_sample.jsonl"
runner = CliRunner()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.name.endswith((".tmp", ".staging")) or ".staging/" in p.as_posix())


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("work")
    (work / "in").mkdir()
    for article in ARTICLES:
        shutil.copy(article, work / "in" / article.name)
    return work


COMMANDS = [  # (command line, an output it writes)
    (["convert", "in", "-o", "tei"], "tei/" + ARTICLES[0].stem + ".xml"),
    (["convert", "in", "-o", "tei"], "tei/" + ARTICLES[0].stem + ".xml"),  # over its own outputs
    (["render", "tei", "-o", "site"], "site/registers/places.html"),
    (["render", "tei", "-o", "site"], "site/index.html"),  # an update of the site
    (["render", "tei", "-f", "txt", "-o", "txt"], "txt/" + ARTICLES[0].stem + ".txt"),
    (["deposit", "make", "tei", "-o", "pkg"], "pkg/bagit.txt"),
    (["deposit", "make", "tei", "-o", "pkg.zip"], "pkg.zip"),
    (["deposit", "make", "tei", "-o", "pkg.zip", "--replace"], "pkg.zip"),
    (["deposit", "make", "tei", "-o", "pkg.tar.gz"], "pkg.tar.gz"),
    (["ner", "train", str(TRAIN), "-o", "model", "--max-iterations", "5"], "model/meta.json"),
    (["ner", "extract", "in", "--model", "model", "-o", "entities.jsonl"], "entities.jsonl"),
    (["build", "--seeds", "in", "--tei", "b/tei", "--dist", "b/dist"], "b/dist/deposit/in-corpus.zip"),
    (["build", "--seeds", "in", "--tei", "b/tei", "--dist", "b/dist"], "b/dist/html/index.html"),
]


@pytest.mark.parametrize("args, output", COMMANDS, ids=lambda a: " ".join(a[:2]) if isinstance(a, list) else "")
def test_a_normal_run_leaves_no_temporary_file(work, args, output, monkeypatch):
    monkeypatch.chdir(work)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (work / output).is_file()
    assert leftovers(work) == []
