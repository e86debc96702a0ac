"""`teikit ner train|extract|evaluate`: outputs, exit codes and error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app

DATA = Path(__file__).parent / "data" / "ner"
SAMPLE = DATA / "train_sample.jsonl"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    model = tmp_path_factory.mktemp("cli") / "model"
    result = run("ner", "train", SAMPLE, "-o", model, "--max-iterations", "15")
    assert result.exit_code == 0, result.output
    return model, result


def test_train_writes_a_model_folder_and_says_what_it_learned(trained):
    model, result = trained
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert meta["training"]["documents"] == len(docs)
    assert meta["params"]["max_iterations"] == 15
    assert f"trained on {len(docs)} documents" in result.output
    assert str(model) in result.output
    policy = meta["policy"]
    assert result.output.splitlines()[1].startswith(
        f"combined policy: persName {policy['persName']}, orgName {policy['orgName']}, "
        f"placeName {policy['placeName']}, date {policy['date']}")


def _write_texts(folder: Path) -> list[Path]:
    folder.mkdir()
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()][:3]
    paths = []
    for i, doc in enumerate(docs):
        path = folder / f"t{i}.txt"
        path.write_text(doc["text"], encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("recogniser", [None, "rules", "crf", "combined"])
def test_extract_offsets_are_text_slices_and_output_is_deterministic(trained, tmp_path, recogniser):
    model, _ = trained
    paths = _write_texts(tmp_path / "in")
    choice = ["--recogniser", recogniser] if recogniser else []
    model_args = ["--model", model] if recogniser != "rules" else []
    out1, out2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (out1, out2):
        result = run("ner", "extract", *paths, *model_args, *choice, "-o", out)
        assert result.exit_code == 0, result.output
    assert out1.read_bytes() == out2.read_bytes()
    lines = out1.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    total = 0
    for line, path in zip(lines, paths):
        record = json.loads(line)
        assert list(record) == ["entities", "id", "text"]
        assert record["id"] == path.name and record["text"] == path.read_text(encoding="utf-8")
        for start, end, label in record["entities"]:
            assert label in ("persName", "orgName", "placeName", "date")
            assert 0 <= start < end <= len(record["text"])
            assert record["text"][start:end].strip() == record["text"][start:end]
            total += 1
    assert total > 0


def test_extract_jsonl_input_echoes_ids_and_texts(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x1", "text": "Ngày 31/7/2013, tại Hà Nội."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("ner", "extract", src, "--input-format", "jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "x1" and record["text"] == "Ngày 31/7/2013, tại Hà Nội."
    assert [record["text"][s:e] for s, e, label in record["entities"] if label == "date"] == ["31/7/2013"]


def test_saved_model_reloads_and_scores_the_same(trained, tmp_path):
    model, _ = trained
    outs = []
    for name in ("p1.jsonl", "p2.jsonl"):
        out = tmp_path / name
        assert run("ner", "extract", SAMPLE, "--input-format", "jsonl", "--model", model, "-o", out).exit_code == 0
        outs.append(out)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    result = run("ner", "evaluate", SAMPLE, outs[0], "--format", "json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] > 0
    assert scores["overlap"]["micro"]["f1"] >= scores["exact"]["micro"]["f1"] > 0.5  # it saw these texts in training


def test_evaluate_text_report_and_errors(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text('{"id": "a", "text": "Ông Lê Lợi ở Huế", "entities": [[4, 10, "PER"], [13, 16, "LOC"]]}\n', encoding="utf-8")
    pred.write_text('{"id": "a", "text": "Ông Lê Lợi ở Huế", "entities": [[4, 10, "persName"]]}\n', encoding="utf-8")
    result = run("ner", "evaluate", gold, pred, "--errors", "5")
    assert result.exit_code == 0, result.output
    assert "micro      exact      1.000   0.500   0.667" in result.output
    assert "missed    a: gold placeName 13-16; pred -: Ông Lê Lợi ở [Huế]" in result.output


def test_evaluate_reads_tei_gold(tmp_path):
    tei = tmp_path / "a.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="article">'
                   '<p>Ông <persName>Lê Lợi</persName> ở <placeName>Huế</placeName></p></div></body></text></TEI>',
                   encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "a.txt", "text": "Ông Lê Lợi ở Huế", "entities": [[4, 10, "persName"], [13, 16, "placeName"]]}\n',
                    encoding="utf-8")
    result = run("ner", "evaluate", tmp_path / "a.xml", pred, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["exact"]["micro"]["f1"] == 1.0


def test_missing_input_is_a_usage_error(tmp_path):
    result = run("ner", "evaluate", tmp_path / "nope.jsonl", tmp_path / "nope2.jsonl")
    assert result.exit_code == 2
    assert f"error: {tmp_path / 'nope.jsonl'}: no such file or directory" in result.output


def test_corrupt_model_fails_with_one_error_line(tmp_path):
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model" / "model.crfsuite").write_bytes(b"junk")
    src = tmp_path / "t.txt"
    src.write_text("Hà Nội", encoding="utf-8")
    result = run("ner", "extract", src, "--model", tmp_path / "model", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert result.output.strip() == f'error: {tmp_path / "model"}: not a teikit model directory: meta.json has no format "teikit-ner-crf"'
    assert not (tmp_path / "o.jsonl").exists()


def test_crf_without_model_and_bad_training_data_fail(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("Hà Nội", encoding="utf-8")
    result = run("ner", "extract", src, "--recogniser", "crf", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert result.output.strip() == "error: the crf recogniser needs a model directory"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 3}\n', encoding="utf-8")
    result = run("ner", "train", bad, "-o", tmp_path / "m")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f'error: {bad}: line 1: expected an object with a string "text"',
                                                  "nothing trained: 1 input file(s) could not be read"]
    assert not (tmp_path / "m").exists()


def test_extract_reports_an_unreadable_file_and_writes_the_others(tmp_path):
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text("Ông Nguyễn Văn An đến Hà Nội.", encoding="utf-8")
    bad.write_bytes(b"H\xe0 N\xf4i")
    result = run("ner", "extract", tmp_path, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"error: {bad}: not UTF-8 text (byte 1)"
    assert lines[1].endswith(f"in 1 documents (rules) written to {tmp_path / 'o.jsonl'}")
    assert [json.loads(line)["id"] for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()] == ["a.txt"]


def test_evaluate_scores_nothing_when_an_input_cannot_be_read(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Hà Nội", "entities": [[0, 6, "placeName"]]}\n', encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("{not json\n", encoding="utf-8")
    result = run("ner", "evaluate", gold, pred)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {pred}: line 1: not valid JSON (line 1, column 2): Expecting property name enclosed in double quotes",
                                                  "nothing scored: 1 input file(s) could not be read"]


def test_undecodable_text_input(tmp_path):
    src = tmp_path / "latin.txt"
    src.write_bytes("Hà Nội".encode("cp1258", errors="replace") + b"\xff")
    result = run("ner", "extract", src, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"error: {src}: not UTF-8 text (byte ")
