"""ner train / evaluate: bounded input (limits on a TEI file's size and on the text taken in, each
one line naming the option that raises it), and features whose cost is linear in the text
(each paragraph sees only the rules' mentions that overlap it, with the same tags as before)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.errors import NerInputError
from teikit.model import Mention
from teikit.ner import NerDoc, evaluate, read_jsonl, train
from teikit.ner.limits import DEFAULT_LIMITS, NerLimits
from teikit.recognise.features import feature_gazetteers, mentions_per_sequence, rules_tags
from teikit.recognise.rules import default_recogniser
from teikit.recognise.tokens import sequences

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "ner" / "train_sample.jsonl"
TEI = DATA / "deposit" / "art-one.xml"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_each_sequence_gets_the_tags_it_got_from_every_mention():
    rng = random.Random(12)
    rules = default_recogniser()
    for doc in read_jsonl(SAMPLE)[:20]:
        token_sequences = sequences(doc.text)
        mentions = rules.find(doc.text)
        # and spans of every kind and length, nested and crossing paragraphs, in no order
        types = sorted({m.type for m in mentions}) or ["persName"]
        for _ in range(40):
            start = rng.randrange(len(doc.text))
            mentions.append(Mention(start, min(len(doc.text), start + rng.randint(1, 400)), rng.choice(types)))
        rng.shuffle(mentions)
        per_sequence = mentions_per_sequence(token_sequences, mentions)
        assert len(per_sequence) == len(token_sequences)
        for tokens, near in zip(token_sequences, per_sequence):
            assert rules_tags(tokens, near) == rules_tags(tokens, mentions)
            assert all(m in mentions for m in near)
            assert len(near) < len(mentions) or len(token_sequences) == 1


def test_training_text_over_the_limit_is_refused_before_training(tmp_path):
    docs = read_jsonl(SAMPLE)
    total = sum(len(doc.text) for doc in docs)
    with pytest.raises(NerInputError) as caught:
        train(docs, tmp_path / "model", rules=default_recogniser(), gazetteers=feature_gazetteers(),
              limits=NerLimits(train_chars=total - 1))
    assert str(caught.value) == (f"the training data holds {total} characters of text, over the limit of "
                                 f"{total - 1} (raise it with --max-text-chars)")
    assert not (tmp_path / "model").exists()
    result = run("ner", "train", SAMPLE, "-o", tmp_path / "model", "--max-text-chars", total - 1)
    assert (result.exit_code, result.stderr) == (1, f"error: {caught.value}\n")


def test_a_tei_file_over_the_limit_is_refused_before_it_is_parsed(tmp_path):
    size = TEI.stat().st_size
    result = run("ner", "train", TEI, "-o", tmp_path / "model", "--max-tei-bytes", size - 1)
    assert result.exit_code == 1
    assert result.stderr == (f"error: {TEI}: {size} bytes, over the limit of {size - 1} for one TEI file "
                             "(raise it with --max-tei-bytes)\n"
                             "nothing trained: 1 input file(s) could not be read\n")
    result = run("ner", "evaluate", TEI, TEI, "--max-tei-bytes", size - 1)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"error: {TEI}: {size} bytes, over the limit of {size - 1} for one "
                                             "TEI file (raise it with --max-tei-bytes)")
    assert run("ner", "evaluate", TEI, TEI, "--max-tei-bytes", size).exit_code == 0


def test_evaluation_text_over_the_limit_is_refused():
    gold = [NerDoc("a", "Ông An đến Hà Nội.", ((4, 6, "persName"),))]
    assert evaluate(gold, gold, limits=NerLimits(evaluate_chars=18)).documents == 1
    with pytest.raises(NerInputError) as caught:
        evaluate(gold, gold, limits=NerLimits(evaluate_chars=17))
    assert str(caught.value) == ("the gold data holds 18 characters of text, over the limit of 17 "
                                 "(raise it with --max-text-chars)")
    result = run("ner", "evaluate", SAMPLE, SAMPLE, "--max-text-chars", 10)
    assert result.exit_code == 1 and result.stderr.startswith("error: the gold data holds ")


def test_the_defaults_are_documented():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "ner.md").read_text(encoding="utf-8")
    for option, value in (("--max-tei-bytes", "64 MiB"), ("--max-text-chars", f"{DEFAULT_LIMITS.train_chars:,}"),
                          ("--max-text-chars", f"{DEFAULT_LIMITS.evaluate_chars:,}")):
        assert option in docs and value in docs, (option, value)
