"""Training a CRF model folder, loading it back, tagging, and refusing broken model folders.

A tiny stand-in rules recogniser keeps these tests independent of the real
rules (which the CLI tests and floors exercise); the model code only needs
the Recogniser protocol.
"""

from __future__ import annotations

import json
import re

import pytest

from teikit.errors import NerInputError, RecogniseError
from teikit.model import Mention
from teikit.ner import NerDoc, TrainOptions, evaluate, extract, train
from teikit.recognise.features import Gazetteers
from teikit.recognise.base import Recogniser
from teikit.recognise.combined import CombinedRecogniser
from teikit.recognise.crf import CrfRecogniser


class DateRules:
    """Finds d/m/yyyy dates only, so persons and orgs must come from the model."""

    name = "rules"
    version = "0.0.1"

    def find(self, text, context=None):
        return [Mention(m.start(), m.end(), "date", attrs=(("when", "x"),))
                for m in re.finditer(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)]


GAZ = Gazetteers.from_lists({"family": ["Trần", "Nguyễn", "Lê", "Phạm"], "orghead": ["Bộ", "Sở"]})
PEOPLE = ["Trần Văn An", "Nguyễn Thị Bình", "Lê Quang Hải", "Phạm Minh Đức"]
ORGS = ["Bộ Công an", "Bộ Tài chính", "Sở Y tế", "Bộ Ngoại giao"]
PLACES = ["Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ"]


def _doc(i: int) -> NerDoc:
    person, org, place = PEOPLE[i % 4], ORGS[(i // 4) % 4], PLACES[(i // 2) % 4]
    date = f"{i % 28 + 1}/{i % 12 + 1}/20{10 + i % 10}"
    text = f"Ngày {date}, ông {person} đến {place} làm việc với {org}."
    spans = []
    for surface, label in ((date, "date"), (person, "persName"), (place, "placeName"), (org, "orgName")):
        start = text.index(surface)
        spans.append((start, start + len(surface), label))
    return NerDoc(f"d{i}", text, tuple(sorted(spans)))


DOCS = [_doc(i) for i in range(32)]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    train(DOCS, out, rules=DateRules(), gazetteers=GAZ, options=TrainOptions(max_iterations=40))
    return out


def test_model_folder_is_self_contained_and_described(model_dir):
    assert sorted(p.name for p in model_dir.iterdir()) == ["lowercase-words.txt", "meta.json", "model.crfsuite"]
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["format"] == "teikit-ner-crf" and meta["format_version"] == 1
    assert meta["labels"] == ["persName", "orgName", "placeName", "date"]
    assert meta["training"]["documents"] == 32
    assert meta["training"]["entities"] == {"date": 32, "orgName": 32, "persName": 32, "placeName": 32}
    assert meta["rules"] == {"name": "rules", "version": "0.0.1"}
    assert meta["params"]["max_iterations"] == 40
    # 32 documents: a policy chosen by cross-validation, one for each label (tests/test_ner_policy.py)
    assert sorted(meta["policy"]) == sorted(meta["policy_scores"]) == ["date", "orgName", "persName", "placeName"]
    words = (model_dir / "lowercase-words.txt").read_text(encoding="utf-8").split()
    # lower-case in every text; names and the sentence-initial "Ngày" are capitalised, never listed
    assert {"ông", "đến", "làm", "việc", "với"} <= set(words) and not {"nguyễn", "ngày"} & set(words)
    assert words == sorted(words) and meta["lowercase_words"]["count"] == len(words)


def test_crf_learns_the_training_data_and_certs_are_marginals(model_dir):
    crf = CrfRecogniser(model_dir, rules=DateRules(), gazetteers=GAZ)
    assert isinstance(crf, Recogniser) and crf.name == "crf"
    report = evaluate(DOCS, extract(DOCS, crf))
    assert report.exact_micro.f1 > 0.95
    mentions = crf.find(DOCS[0].text)
    assert {m.resp for m in mentions} == {"crf"}
    assert all(0.0 < m.cert <= 1.0 for m in mentions)
    date = next(m for m in mentions if m.type == "date")
    assert date.attrs == (("when", "x"),)  # the rules' value for the same words


def test_model_generalises_to_an_unseen_name(model_dir):
    crf = CrfRecogniser(model_dir, rules=DateRules(), gazetteers=GAZ)
    text = "Ngày 3/4/2015, ông Nguyễn Văn Tâm đến Huế làm việc với Bộ Tài chính."
    found = {(text[m.start:m.end], m.type) for m in crf.find(text)}
    assert ("Nguyễn Văn Tâm", "person") in found
    assert ("Bộ Tài chính", "org") in found


def test_training_twice_gives_the_same_model(model_dir, tmp_path):
    train(DOCS, tmp_path, rules=DateRules(), gazetteers=GAZ, options=TrainOptions(max_iterations=40))
    for name in ("model.crfsuite", "meta.json", "lowercase-words.txt"):
        assert (tmp_path / name).read_bytes() == (model_dir / name).read_bytes(), name


def test_combined_keeps_rules_dates_and_model_names(model_dir):
    crf = CrfRecogniser(model_dir, rules=DateRules(), gazetteers=GAZ)
    combined = CombinedRecogniser(DateRules(), crf)
    mentions = combined.find(DOCS[5].text)
    assert [(m.type, m.resp) for m in mentions] == [("date", "rules"), ("person", "crf"), ("place", "crf"), ("org", "crf")]


def test_training_without_entities_is_refused(tmp_path):
    with pytest.raises(NerInputError, match="the training data has no persName/orgName/placeName/date entities"):
        train([NerDoc("x", "không có gì")], tmp_path / "m", rules=DateRules(), gazetteers=GAZ)
    with pytest.raises(NerInputError, match="no training documents"):
        train([], tmp_path / "m", rules=DateRules(), gazetteers=GAZ)


@pytest.mark.parametrize("damage, message", [
    (lambda d: (d / "meta.json").unlink(), "not a teikit model directory: meta.json is missing"),
    (lambda d: (d / "model.crfsuite").unlink(), "corrupt model: model.crfsuite is missing"),
    (lambda d: (d / "meta.json").write_text("{oops", encoding="utf-8"), "corrupt model: meta.json is not valid JSON"),
    (lambda d: (d / "meta.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),  # RecursionError before
     "corrupt model: meta.json is not valid JSON"),
    (lambda d: (d / "model.crfsuite").write_bytes((d / "model.crfsuite").read_bytes()[:100]),
     "corrupt model: model.crfsuite does not match the checksum in meta.json"),
    (lambda d: (d / "meta.json").write_text('{"format": "other"}', encoding="utf-8"),
     'not a teikit model directory: meta.json has no format "teikit-ner-crf"'),
    (lambda d: (d / "lowercase-words.txt").unlink(), "corrupt model: lowercase-words.txt is missing"),
    (lambda d: (d / "lowercase-words.txt").write_text("nguyễn\n", encoding="utf-8"),
     "corrupt model: lowercase-words.txt does not match the checksum in meta.json"),
])
def test_broken_model_folders_are_refused(model_dir, tmp_path, damage, message):
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("meta.json", "model.crfsuite", "lowercase-words.txt"):
        (broken / name).write_bytes((model_dir / name).read_bytes())
    damage(broken)
    with pytest.raises(RecogniseError) as info:
        CrfRecogniser(broken, rules=DateRules(), gazetteers=GAZ)
    assert str(info.value) == f"{broken}: {message}"


def test_feature_set_mismatch_asks_for_retraining(model_dir, tmp_path):
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    meta["feature_set_version"] = "0"
    for name in ("model.crfsuite",):
        (tmp_path / name).write_bytes((model_dir / name).read_bytes())
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(RecogniseError, match="trained with feature set '0'.*retrain it"):
        CrfRecogniser(tmp_path, rules=DateRules(), gazetteers=GAZ)


def test_missing_model_folder(tmp_path):
    with pytest.raises(RecogniseError, match=r"nowhere: model directory does not exist"):
        CrfRecogniser(tmp_path / "nowhere", rules=DateRules(), gazetteers=GAZ)


def test_model_path_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "model"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(RecogniseError) as info:
        train(DOCS, target, rules=DateRules(), gazetteers=GAZ)
    assert str(info.value) == f"{target}: exists and is not a directory"
