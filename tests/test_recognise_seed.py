"""The rules recogniser on the seed article: every required item of its .expected.json.

Expectations are the seed's own `*.expected.json` (tests/data/seeds/, a copy of the
project's seed expectations).
The article goes through the real ingest stage, as convert does.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from teikit.ingest import ingest_file
from teikit.model import ABBR, DATE, ORG, PERSON, PLACE, ROLE
from teikit.recognise.base import Context
from teikit.recognise.rules import default_recogniser

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_03d31ed0a32cd011.txt"
EXPECTED = ROOT / "tests" / "data" / "seeds" / "000_03d31ed0a32cd011.expected.json"


@pytest.fixture(scope="module")
def expected():
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article():
    return ingest_file(SEED)


@pytest.fixture(scope="module")
def found(article):
    text = article.text
    mentions = default_recogniser().find(text, Context(reference_date=article.date, author=article.author))
    return text, mentions


def _of(found, kind):
    text, mentions = found
    return [(m, text[m.start:m.end]) for m in mentions if m.type == kind]


def test_required_persons_with_their_mention_counts(found, expected):
    persons = _of(found, PERSON)
    for item in expected["persons"]["required"]:
        keyed = [s for m, s in persons if m.key == item["name"]]
        assert keyed, f"{item['name']} not found"
        assert Counter(keyed)[item["name"]] == item["mentions"], (item["name"], keyed)
        assert all(s == item["name"] for s in keyed), keyed


def test_required_orgs_share_a_key_across_their_surfaces(found, expected):
    orgs = _of(found, ORG)
    for item in expected["orgs"]["required"]:
        for surface in item["surfaces"]:
            hits = [m for m, s in orgs if s == surface or s.startswith(surface + " ")
                    or (s.startswith(surface) and not s[len(surface):len(surface) + 1].isalnum())]
            assert hits, f"{surface!r} is not marked as an org"
            assert {m.key for m in hits} == {item["key"]}, (surface, {m.key for m in hits})


def test_required_places(found, expected):
    places = _of(found, PLACE)
    for item in expected["places"]["required"]:
        assert sum(1 for m, s in places if s == item["name"] and m.key == item["name"]) == item["mentions"]


def test_required_dates_with_their_values(found, article, expected):
    text, _ = found
    dates = _of(found, DATE)
    for item in expected["dates"]["required"]:
        if item["surface"] not in text:
            # the publication date line goes to the header, not the text: recognise it on its own
            assert item["surface"] == article.date_text
            alone = default_recogniser().find(item["surface"])
            assert [(m.type, dict(m.attrs).get("when")) for m in alone] == [(DATE, item["when"])]
            continue
        hits = [m for m, s in dates if item["surface"] in s]
        assert any(dict(m.attrs).get("when") == item["when"] for m in hits), (item, hits)


def test_required_roles(found, expected):
    roles = [s for _, s in _of(found, ROLE)]
    for role in expected["roles"]["required"]:
        assert any(s == role or s.startswith(role + " ") for s in roles), role


def test_required_abbreviations_at_every_use(found, expected):
    text, _ = found
    abbrs = _of(found, ABBR)
    for item in expected["abbreviations"]["required"]:
        import re

        uses = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(item["abbr"]) + r"(?!\w)", text)]
        marked = [m.start for m, s in abbrs if s == item["abbr"] and m.key == item["expan"]]
        assert uses and marked == uses, (item, len(marked), len(uses))


def test_must_not_mark(found, expected):
    text, mentions = found
    for item in expected["must_not_mark"]:
        at = text.find(item["surface"])
        assert at >= 0, item
        while at >= 0:
            end = at + len(item["surface"])
            assert not [m for m in mentions if m.type == item["type"] and m.start < end and at < m.end], item
            at = text.find(item["surface"], end)


def test_the_seed_output_is_well_formed(found):
    text, mentions = found
    assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end))
    assert len({(m.start, m.end, m.type) for m in mentions}) == len(mentions)
    for a in mentions:
        for b in mentions:
            assert not (a.start < b.start < a.end < b.end), (a, b)
        assert a.resp == "rules" and 0 <= a.cert <= 1
