"""One bad document costs itself only (issue 12, item 4): in `ner extract` and `ner train` a
document the recogniser fails on, or a JSON line that is no document, is one error line and the
others are still done; the same for a bad TEI among good ones in `validate` and `render`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.recognise import registry, rules as rules_module

DATA = Path(__file__).parent / "data" / "ner"
SAMPLE = DATA / "train_sample.jsonl"
REPO = Path(__file__).resolve().parents[1]


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


class Crashing:
    """The rules, except that a text holding BOOM makes them raise (a recogniser bug)."""

    def __init__(self, inner):
        self.inner, self.name, self.version = inner, inner.name, inner.version

    def find(self, text, context=None):
        if "BOOM" in text:
            raise IndexError("list index out of range")
        return self.inner.find(text, context) if context is not None else self.inner.find(text)


def test_extract_leaves_out_the_document_the_recogniser_fails_on(tmp_path, monkeypatch):
    real = registry.load_recogniser
    monkeypatch.setattr(registry, "load_recogniser", lambda *a, **k: Crashing(real(*a, **k)))
    for name, text in (("a", "Ông Nguyễn Văn An đến Hà Nội."), ("b", "BOOM ở Huế"), ("c", "Bà Lan ở Huế.")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = run("ner", "extract", tmp_path, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: b.txt: internal error, please report it (IndexError: list index out of range); left out",
        f"4 entities in 2 documents (rules) written to {out}"]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a.txt", "c.txt"]


def test_extract_reports_each_bad_json_line_and_tags_the_others(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "good1", "text": "Ông An đến Hà Nội."}),
             "[" * 50_000 + "]" * 50_000,
             '{"id": "s", "text": "x\\ud800"}',
             '{"id": "n", "text": "x", "n": ' + "1" * 5000 + "}",
             '{"id": "t", "text": "a", "id": "u"}',
             "{not json",
             json.dumps({"id": "good2\nerror: forged", "text": "Bà Lan ở Huế."})]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = run("ner", "extract", "--input-format", "jsonl", src, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {src}: line 2: nested deeper than 16 levels",
        f"error: {src}: line 3: 'text' holds a lone surrogate (U+D800) at character 2",
        f"error: {src}: line 4: a number of 5,000 characters (at most 24)",
        f"error: {src}: line 5: key 'id' is given twice",
        f"error: {src}: line 6: not valid JSON (line 1, column 2): Expecting property name enclosed in double quotes",
        f"4 entities in 2 documents (rules) written to {out}"]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        ["good1", "good2\nerror: forged"]


def test_an_error_line_is_one_line_whatever_the_id_holds(tmp_path, monkeypatch):
    real = registry.load_recogniser
    monkeypatch.setattr(registry, "load_recogniser", lambda *a, **k: Crashing(real(*a, **k)))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x\nerror: forged\u2028\x1b[2J", "text": "BOOM"}) + "\n", encoding="utf-8")
    result = run("ner", "extract", "--input-format", "jsonl", src, "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("error: x\\nerror: forged\\u2028\\x1b[2J: internal error, please report "
                                             "it (IndexError: list index out of range); left out")


def test_train_goes_on_without_the_bad_documents(tmp_path, monkeypatch):
    real = rules_module.default_recogniser
    monkeypatch.setattr(rules_module, "default_recogniser", lambda: Crashing(real()))
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:8]]
    docs[2] = {"id": "boom", "text": "BOOM " + docs[2]["text"], "entities": []}
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join([json.dumps(d, ensure_ascii=False) for d in docs] + ['{"text": 3}']) + "\n",
                    encoding="utf-8")
    model = tmp_path / "model"
    result = run("ner", "train", data, "-o", model, "--max-iterations", "3")
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines[:2] == [f'error: {data}: line 9: expected an object with a string "text"',
                         "error: boom: internal error, please report it (the rules recogniser failed: IndexError: "
                         "list index out of range); not trained on"]
    assert lines[2].startswith("trained on 7 documents, ") and lines[2].endswith(f"into {model}; 2 left out")
    assert json.loads((model / "meta.json").read_text(encoding="utf-8"))["training"]["documents"] == 7


CANARY = "CANARY-7f3a-must-never-appear"


@pytest.fixture
def tei_batch(tmp_path):
    """Two good TEI files and one of each kind of bad one."""
    folder = tmp_path / "tei"
    folder.mkdir()
    good = sorted((REPO / "tei").glob("*.xml"))[0].read_bytes()
    (folder / "a.xml").write_bytes(good)
    (folder / "z.xml").write_bytes(good)
    canary = tmp_path / "canary.xml"
    canary.write_text(f"<secret>{CANARY}</secret>", encoding="utf-8")
    (folder / "b-broken.xml").write_text("<TEI><teiHeader>", encoding="utf-8")
    (folder / "c-xxe.xml").write_text(f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{canary}">]><TEI>&x;</TEI>',
                                      encoding="utf-8")
    (folder / "d-latin1.xml").write_bytes(b"<?xml version='1.0' encoding='utf-8'?><TEI>\xe9</TEI>")
    (folder / "e-empty.xml").write_bytes(b"")
    return folder


def test_validate_reports_each_bad_tei_and_checks_the_others(tei_batch):
    result = run("validate", tei_batch)
    assert result.exit_code == 1
    assert CANARY not in result.output and "Traceback" not in result.output
    assert "internal error" not in result.output
    bad = {line.split(":")[0] for line in result.stdout.splitlines() if ": error:" in line}
    assert bad == {str(tei_batch / n) for n in ("b-broken.xml", "c-xxe.xml", "d-latin1.xml", "e-empty.xml")}
    assert result.stdout.splitlines()[-1] == "6 files, 2 valid, 4 invalid, 4 errors"


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_render_reports_each_bad_tei_and_renders_the_others(tei_batch, tmp_path, fmt):
    out = tmp_path / "out"
    result = run("render", tei_batch, "--format", fmt, "-o", out)
    assert result.exit_code == 1
    assert CANARY not in result.output and "Traceback" not in result.output and "internal error" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sorted(line.split(":")[1].strip() for line in errors) == \
        [str(tei_batch / n) for n in ("b-broken.xml", "c-xxe.xml", "d-latin1.xml", "e-empty.xml")]
    assert sorted(p.name for p in out.glob(f"*.{fmt}") if p.name not in ("index.html", "search.html")) == [f"a.{fmt}", f"z.{fmt}"]
    assert not any(CANARY in p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file())
