"""Kinds of rules span the user's annotations do not bear out are learned at training time
and never kept by the combined recogniser (docs/ner.md, "The model path").

A stand-in rules recogniser gives each kind of rule its own cert, as the real rules do:
sure listed places (0.9) and "tỉnh X" with its level word (0.7). The annotators mark the
listed places, and for "tỉnh X" only the name ("X"): another span convention.
"""

from __future__ import annotations

import json
import re

import pytest

from teikit.errors import RecogniseError
from teikit.model import Mention
from teikit.ner import NerDoc, TrainOptions, train
from teikit.ner.train import DISTRUST_MIN_SPANS, distrusted_kinds
from teikit.recognise.combined import combine
from teikit.recognise.features import Gazetteers
from teikit.recognise.model_dir import read_distrusted

LISTED = ["Hà Nội", "Huế", "Đà Nẵng"]
PROVINCES = ["Nghệ An", "Lào Cai", "Sơn La"]
_LISTED = re.compile("|".join(LISTED))
_LEVEL = re.compile(r"tỉnh (?:" + "|".join(PROVINCES) + ")")


class StubRules:
    name = "rules"
    version = "0.0.1"

    def find(self, text, context=None):
        found = [Mention(m.start(), m.end(), "place", key=m.group(), cert=0.9) for m in _LISTED.finditer(text)]
        found += [Mention(m.start(), m.end(), "place", key=m.group()[5:], cert=0.7) for m in _LEVEL.finditer(text)]
        return sorted(found, key=lambda m: (m.start, -m.end))


def _doc(i: int) -> NerDoc:
    city, province = LISTED[i % 3], PROVINCES[i % 3]
    text = f"Đoàn đi từ {city} đến tỉnh {province} hôm qua."
    a = text.index(city)
    b = text.index(province)
    return NerDoc(f"d{i}", text, ((a, a + len(city), "placeName"), (b, b + len(province), "placeName")))


DOCS = [_doc(i) for i in range(24)]


def test_a_kind_of_rule_the_annotators_never_mark_is_distrusted_and_the_others_kept():
    rules = StubRules()
    kinds, table = distrusted_kinds(DOCS, [rules.find(d.text) for d in DOCS])
    assert kinds == frozenset({("placeName", 0.7)})
    assert table == {"placeName 0.7": {"spans": 24, "marked": 0, "distrusted": True},
                     "placeName 0.9": {"spans": 24, "marked": 24, "distrusted": False}}


def test_too_few_spans_of_a_kind_decide_nothing():
    rules = StubRules()
    few = DOCS[:DISTRUST_MIN_SPANS - 1]
    assert distrusted_kinds(few, [rules.find(d.text) for d in few])[0] == frozenset()


def test_combine_drops_the_distrusted_kinds_under_every_policy_and_lets_the_model_fill_in():
    text = DOCS[1].text
    rules = StubRules().find(text)
    b = text.index("Lào Cai")
    model = [Mention(b, b + len("Lào Cai"), "place", key="Lào Cai", resp="crf", cert=0.8)]
    for policy in ({"placeName": "combined"}, {"placeName": "rules"}):
        kept = combine(rules, model if policy["placeName"] == "combined" else [], policy, frozenset({("placeName", 0.7)}))
        assert "tỉnh Lào Cai" not in [text[m.start:m.end] for m in kept]
        assert "Huế" in [text[m.start:m.end] for m in kept]
    kept = combine(rules, model, {"placeName": "combined"}, frozenset({("placeName", 0.7)}))
    assert [(text[m.start:m.end], m.resp) for m in kept] == [("Huế", "rules"), ("Lào Cai", "crf")]


def test_the_model_folder_records_them(tmp_path):
    train(DOCS, tmp_path, rules=StubRules(), gazetteers=Gazetteers.from_lists({"place": LISTED + PROVINCES}),
          options=TrainOptions(max_iterations=20))
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert meta["distrusted_rules"] == [["placeName", 0.7]]
    assert read_distrusted(meta) == frozenset({("placeName", 0.7)})


@pytest.mark.parametrize("bad", [{"distrusted_rules": "placeName"}, {"distrusted_rules": [["date", 0.9]]},
                                 {"distrusted_rules": [["placeName", 2]]}, {"distrusted_rules": [["nope", 0.5]]},
                                 {"distrusted_rules": [["placeName", True]]}])
def test_a_malformed_record_is_refused_on_loading(bad):
    with pytest.raises(RecogniseError, match="corrupt model: meta.json has invalid distrusted_rules"):
        read_distrusted(bad, "model/")


def test_a_model_folder_without_the_record_distrusts_nothing():
    assert read_distrusted({}) == frozenset()
