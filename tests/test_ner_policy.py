"""The per-label policy training chooses for the combined recogniser, and how combine() applies it.

A stand-in rules recogniser (listed places, sure; "ông X Y" persons, unsure)
and synthetic documents whose annotations disagree with it on purpose:
- places: the annotators leave a place unmarked when it names a team
  ("đội Huế"), a convention the rules never follow and the model learns, so
  the model's places beat the rules' (and the combined, which trusts them);
- persons: only odd-numbered documents have any, so a model trained on the
  even half never sees one; the rules find them all, and win.
"""

from __future__ import annotations

import json
import re

import pytest

from teikit.errors import RecogniseError
from teikit.model import Mention
from teikit.ner import NerDoc, TrainOptions, train
from teikit.recognise.features import Gazetteers
from teikit.recognise.model_dir import DEFAULT_POLICY, read_meta
from teikit.recognise.combined import CombinedRecogniser, combine
from teikit.recognise.crf import CrfRecogniser

PLACES = ["Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ", "Vinh", "Hải Phòng"]
PEOPLE = ["Trần An", "Lê Bình", "Phạm Hải", "Võ Đức"]
_PLACE = re.compile("|".join(PLACES))
_PERSON = re.compile(r"(?<=ông )[A-ZĐÀ-Ỹ]\w* [A-ZĐÀ-Ỹ]\w*")


class StubRules:
    name = "rules"
    version = "0.0.1"

    def find(self, text, context=None):
        found = [Mention(m.start(), m.end(), "place", key=m.group(), cert=0.95) for m in _PLACE.finditer(text)]
        found += [Mention(m.start(), m.end(), "person", key=m.group(), cert=0.7) for m in _PERSON.finditer(text)]
        return sorted(found, key=lambda m: (m.start, -m.end))


GAZ = Gazetteers.from_lists({"family": ["Trần", "Lê", "Phạm", "Võ"], "place": PLACES})


def _doc(i: int) -> NerDoc:
    home, team, other = PLACES[i % 6], PLACES[(i + 2) % 6], PLACES[(i + 3) % 6]
    parts = [("Đoàn công tác đến ", None), (home, "placeName"), (" hôm qua. Trận đấu giữa đội ", None),
             (team, None), (" và đội ", None), (other, None), (" diễn ra tại ", None), (other, "placeName"), (".", None)]
    if i % 2:
        parts += [(" Phát biểu tại đây, ông ", None), (PEOPLE[i // 2 % 4], "persName"), (" cảm ơn khán giả.", None)]
    text, spans = "", []
    for surface, label in parts:
        if label:
            spans.append((len(text), len(text) + len(surface), label))
        text += surface
    return NerDoc(f"d{i}", text, tuple(spans))


DOCS = [_doc(i) for i in range(24)]
OPTIONS = TrainOptions(max_iterations=30)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("policy-model")
    report = train(DOCS, out, rules=StubRules(), gazetteers=GAZ, options=OPTIONS)
    assert report.policy_chosen
    return out


def _meta(model_dir):
    return json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))


def test_policy_follows_the_annotations_per_label(model_dir):
    meta = _meta(model_dir)
    assert meta["policy"] == {"persName": "rules", "orgName": "combined", "placeName": "model", "date": "rules"}
    scores = meta["policy_scores"]
    assert sorted(scores) == ["date", "orgName", "persName", "placeName"]
    assert sorted(scores["date"]) == ["combined", "rules"]  # dates are never the model's alone
    place, person = scores["placeName"], scores["persName"]
    assert place["model"]["f1"] > place["combined"]["f1"] and place["model"]["f1"] > place["rules"]["f1"]
    assert place["rules"]["fp"] == 2 * 24  # every team named after a place, in every held-out document
    assert person["rules"] == {"tp": 12, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert person["model"]["tp"] < 12 and person["combined"]["tp"] < 12
    assert meta["policy_selection"]["method"] == "cross-validation" and meta["policy_selection"]["folds"] == 2


def test_combined_recogniser_applies_the_models_policy(model_dir):
    rules = StubRules()
    combined = CombinedRecogniser(rules, CrfRecogniser(model_dir, rules=rules, gazetteers=GAZ))
    assert combined.policy == _meta(model_dir)["policy"]
    text = "Đoàn công tác đến Vinh hôm qua. Trận đấu giữa đội Huế và đội Cần Thơ diễn ra tại Cần Thơ. " \
           "Phát biểu tại đây, ông Đỗ Minh cảm ơn khán giả."
    found = [(text[m.start:m.end], m.type, m.resp) for m in combined.find(text)]
    assert found == [("Vinh", "place", "crf"), ("Cần Thơ", "place", "crf"), ("Đỗ Minh", "person", "rules")]
    assert all(0 < m.cert <= 1 for m in combined.find(text))
    # the same model with today's fixed policy keeps the rules' sure team names
    fixed = CombinedRecogniser(rules, CrfRecogniser(model_dir, rules=rules, gazetteers=GAZ), policy=DEFAULT_POLICY)
    assert ("Huế", "place") in {(text[m.start:m.end], m.type) for m in fixed.find(text)}


def test_training_with_a_policy_is_deterministic(model_dir, tmp_path):
    report = train(DOCS, tmp_path, rules=StubRules(), gazetteers=GAZ, options=OPTIONS)
    assert report.policy_line() == ("combined policy: persName rules, orgName combined, placeName model, "
                                    "date rules (chosen by 2-fold cross-validation)")
    for name in ("model.crfsuite", "meta.json", "lowercase-words.txt"):
        assert (tmp_path / name).read_bytes() == (model_dir / name).read_bytes(), name


def test_too_few_documents_keep_the_default_policy(tmp_path):
    report = train(DOCS[:19], tmp_path, rules=StubRules(), gazetteers=GAZ, options=OPTIONS)
    meta = _meta(tmp_path)
    assert report.policy == meta["policy"] == DEFAULT_POLICY and not report.policy_chosen
    assert meta["policy_scores"] == {}
    assert report.policy_line() == ("combined policy: persName combined, orgName combined, placeName combined, "
                                    "date rules (default: fewer than 20 documents)")
    assert meta["policy_selection"] == {"method": "default", "reason": "fewer than 20 documents: too few to hold "
                                        "any out; names combined, dates from the rules"}


def _copy(model_dir, target, edit):
    target.mkdir()
    for name in ("model.crfsuite", "lowercase-words.txt"):
        (target / name).write_bytes((model_dir / name).read_bytes())
    meta = _meta(model_dir)
    edit(meta)
    (target / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return target


def test_a_model_without_a_policy_combines_as_before(model_dir, tmp_path):
    old = _copy(model_dir, tmp_path / "old", lambda meta: [meta.pop(k) for k in ("policy", "policy_scores",
                                                                                  "policy_selection")])
    rules = StubRules()
    combined = CombinedRecogniser(rules, CrfRecogniser(old, rules=rules, gazetteers=GAZ))
    assert combined.policy == DEFAULT_POLICY


@pytest.mark.parametrize("policy", [{"date": "model"}, {"persName": "crf"}, {"person": "rules"}, ["rules"]])
def test_a_malformed_policy_is_refused(model_dir, tmp_path, policy):
    bad = _copy(model_dir, tmp_path / "bad", lambda meta: meta.update(policy=policy))
    with pytest.raises(RecogniseError) as info:
        read_meta(bad)
    assert str(info.value) == f"{bad}: corrupt model: meta.json has an invalid policy {policy!r}"


RULES = [
    Mention(0, 6, "place", key="Hà Nội", cert=0.95),
    Mention(10, 20, "person", key="Guess", cert=0.5),
    Mention(30, 40, "org", key="Sure Org", cert=0.9),
    Mention(50, 59, "date", attrs=(("when", "2020-01-01"),)),
]
MODEL = [
    Mention(0, 6, "place", resp="crf", cert=0.9),
    Mention(10, 18, "person", resp="crf", cert=0.9),
    Mention(25, 45, "org", resp="crf", cert=0.9),     # around the sure org
    Mention(60, 70, "date", resp="crf", cert=0.9),
]


def _spans(result):
    return [(m.start, m.end, m.type, m.resp) for m in result]


def test_combine_rules_policy_keeps_every_rules_span_of_the_label():
    result = combine(RULES, MODEL, {"persName": "rules", "orgName": "rules"})
    assert _spans(result) == [(0, 6, "place", "rules"), (10, 20, "person", "rules"), (30, 40, "org", "rules"),
                              (50, 59, "date", "rules")]  # the org is pinned: the model's wider org cannot replace it


def test_combine_model_policy_takes_the_label_from_the_model_only():
    result = combine(RULES, MODEL, {"placeName": "model", "date": "combined"})
    assert _spans(result) == [(0, 6, "place", "crf"), (10, 18, "person", "crf"), (25, 45, "org", "crf"),
                              (50, 59, "date", "rules"), (60, 70, "date", "crf")]
    assert result[0].cert == 0.9


def test_combine_default_policy_is_todays_behaviour_and_order_free():
    assert combine(RULES, MODEL) == combine(RULES, MODEL, DEFAULT_POLICY)
    assert _spans(combine(RULES, MODEL)) == [(0, 6, "place", "rules"), (10, 18, "person", "crf"),
                                             (25, 45, "org", "crf"), (50, 59, "date", "rules")]
    for policy in ({"placeName": "model", "persName": "rules"}, {"orgName": "model", "date": "combined"}):
        assert combine(RULES, MODEL, policy) == combine(RULES[::-1], MODEL[::-1], policy)


def test_a_half_without_entities_keeps_the_default_policy(tmp_path):
    # the odd documents are empty: the model of the even half would have nothing to learn from
    docs = [DOCS[i] if i % 2 == 0 else NerDoc(f"e{i}", "") for i in range(20)]
    report = train(docs, tmp_path, rules=StubRules(), gazetteers=GAZ, options=OPTIONS)
    meta = _meta(tmp_path)
    assert meta["policy"] == DEFAULT_POLICY and meta["policy_scores"] == {}
    assert meta["policy_selection"]["reason"] == ("the documents of one cross-validation half have no entities; "
                                                  "names combined, dates from the rules")
    assert report.policy_line().endswith("(default: one cross-validation half has no entities)")
