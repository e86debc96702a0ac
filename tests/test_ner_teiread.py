"""teikit's own TEI output reads back as the text the recogniser saw and the spans it marked,
so corrected output files are training data as they stand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.convert import context_for, convert_article
from teikit.ingest import ingest_file
from teikit.ner.extract import mentions_to_entities
from teikit.ner.teiread import read_tei
from teikit.recognise.registry import load_recogniser

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("a0[1-4]*.txt"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    rules = load_recogniser(None)
    out = tmp_path_factory.mktemp("tei")
    expected = {}
    for path in ARTICLES:
        article = ingest_file(path)
        tree = convert_article(article, rules)
        target = out / f"{article.stem}.xml"
        target.write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))
        expected[target.name] = (article.text, set(mentions_to_entities(rules.find(article.text, context_for(article)))))
    return out, expected


def test_teikit_output_reads_back_exactly(converted):
    out, expected = converted
    for name, (text, spans) in expected.items():
        doc = read_tei(out / name)
        assert doc.text == text
        assert set(doc.entities) == spans
        assert spans  # the articles do have names


def test_train_from_tei_folder_counts_its_markup(converted, tmp_path):
    out, expected = converted
    result = CliRunner().invoke(app, ["ner", "train", str(out), "-o", str(tmp_path / "m"), "--max-iterations", "10"])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["documents"] == len(ARTICLES)
    assert sum(meta["training"]["entities"].values()) == sum(len(s) for _, s in expected.values())


def test_a_persname_holding_its_roles_gives_the_name_and_the_org_inside_a_role(tmp_path):
    """Training spans follow the span convention: a person is the name alone, and the
    organisation of an office inside the persName is a span of its own."""
    path = tmp_path / "r.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="article"><p>Có '
                    '<persName><roleName>Đại tướng</roleName> Trần Đại Quang, <roleName>Bộ trưởng <orgName>Bộ Công an'
                    '</orgName></roleName></persName> đến.</p></div></body></text></TEI>', encoding="utf-8")
    doc = read_tei(path)
    assert [(doc.text[s:e], label) for s, e, label in doc.entities] == [
        ("Trần Đại Quang", "persName"), ("Bộ Công an", "orgName")]
