"""Scoring arithmetic on small hand-made cases: exact vs overlap, per label, micro, error kinds."""

from __future__ import annotations

import pytest

from teikit.errors import NerInputError
from teikit.ner.evaluate import Score, evaluate, format_report
from teikit.ner.jsonl import NerDoc

TEXT = "Ông Trần Văn An đến Hà Nội ngày 31/7/2013 gặp Bộ Công an và Lê Lợi."


def span(surface: str, label: str, text: str = TEXT) -> tuple[int, int, str]:
    start = text.index(surface)
    return (start, start + len(surface), label)


GOLD = NerDoc("d1", TEXT, (
    span("Trần Văn An", "persName"),
    span("Hà Nội", "placeName"),
    span("31/7/2013", "date"),
    span("Bộ Công an", "orgName"),
    span("Lê Lợi", "persName"),
))
PRED = NerDoc("d1", TEXT, (
    span("Trần Văn An", "persName"),      # exact
    span("Hà Nội ngày", "placeName"),     # boundary: overlap only
    span("31/7/2013", "date"),            # exact
    span("Bộ Công an", "placeName"),      # type error
    span("Ông", "persName"),              # spurious
))                                        # Lê Lợi missed


def test_score_arithmetic():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().f1 == 0.0


def test_exact_and_overlap_per_label_and_micro():
    report = evaluate([GOLD], [PRED])
    assert report.documents == 1
    assert report.exact["persName"] == Score(tp=1, fp=1, fn=1)
    assert report.exact["placeName"] == Score(tp=0, fp=2, fn=1)
    assert report.exact["orgName"] == Score(tp=0, fp=0, fn=1)
    assert report.exact["date"] == Score(tp=1, fp=0, fn=0)
    assert report.exact_micro == Score(tp=2, fp=3, fn=3)
    assert report.overlap["placeName"] == Score(tp=1, fp=1, fn=0)
    assert report.overlap["persName"] == Score(tp=1, fp=1, fn=1)
    assert report.overlap_micro == Score(tp=3, fp=2, fn=2)
    assert report.exact_micro.precision == pytest.approx(0.4)
    assert report.overlap_micro.f1 == pytest.approx(0.6)


def test_errors_are_classified_and_ranked_worst_first():
    report = evaluate([GOLD], [PRED])
    kinds = [(e.kind, TEXT[slice(*(e.gold or e.pred)[:2])]) for e in report.errors]
    assert kinds == [("missed", "Lê Lợi"), ("spurious", "Ông"), ("type", "Bộ Công an"), ("boundary", "Hà Nội")]
    assert report.errors[0].context == "Hà Nội ngày 31/7/2013 gặp Bộ Công an và [Lê Lợi]."
    assert report.errors[2].pred == span("Bộ Công an", "placeName")
    text = format_report(report, max_errors=2)
    assert "worst 2 of 4 errors:" in text
    assert "missed    d1: gold persName" in text and "boundary" not in text


def test_one_prediction_matches_one_gold_span_under_overlap():
    text = "Hà Nội và Huế"
    gold = NerDoc("x", text, (span("Hà Nội", "placeName", text), span("Huế", "placeName", text)))
    pred = NerDoc("x", text, ((0, len(text), "placeName"),))
    report = evaluate([gold], [pred])
    assert report.overlap["placeName"] == Score(tp=1, fp=0, fn=1)


def test_documents_pair_by_id_then_by_text():
    other = NerDoc("file.txt", TEXT, GOLD.entities)
    report = evaluate([GOLD], [other])
    assert report.exact_micro == Score(tp=5, fp=0, fn=0)
    with pytest.raises(NerInputError, match=r"pred\.jsonl: no prediction for gold document 'd1'"):
        evaluate([GOLD], [NerDoc("zzz", "another text")], pred_name="pred.jsonl")
    with pytest.raises(NerInputError, match=r"document 'd1': the predicted text differs from the gold text"):
        evaluate([GOLD], [NerDoc("d1", "another text")])


def test_report_dict_has_micro_and_error_counts():
    data = evaluate([GOLD], [PRED]).to_dict(max_errors=1)
    assert data["exact"]["micro"] == {"tp": 2, "fp": 3, "fn": 3, "precision": 0.4, "recall": 0.4, "f1": 0.4}
    assert len(data["errors"]) == 1
    assert data["error_counts"] == {"missed": 1, "spurious": 1, "type": 1, "boundary": 1}


def test_the_error_list_shows_control_characters_of_the_input_escaped():
    # An ESC in a document's text went to the terminal as it was (ESC [2J clears the screen).
    text = "abc\u001b[2J\u2028def"
    ident = "a\u001b]0;x\u0007"
    report = evaluate([NerDoc(ident, text, ((0, 3, "date"),))], [NerDoc(ident, text, ((8, 11, "date"),))])
    lines = format_report(report, max_errors=5).splitlines()
    assert lines[-2:] == ["  missed    a\\x1b]0;x\\x07: gold date 0-3; pred -: [abc]\\x1b[2J def",
                          "  spurious  a\\x1b]0;x\\x07: gold -; pred date 8-11: abc\\x1b[2J [def]"]
    assert all(line.isprintable() for line in lines)
