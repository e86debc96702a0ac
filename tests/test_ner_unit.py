"""ner building blocks: label mapping, spans, offsets through normalisation, TEI reading, tokens."""

from __future__ import annotations

import json
import unicodedata

import pytest

from teikit.errors import IngestError, InputError, NerInputError, RecogniseError
from teikit.model import Mention
from teikit.ner.extract import mentions_to_entities
from teikit.ner.jsonl import NerDoc, read_jsonl, write_jsonl
from teikit.recognise.labels import normalise_label
from teikit.ner.spans import outermost
from teikit.ner.teiread import read_tei
from teikit.ner.textnorm import nfc_with_offsets
from teikit.whitespace import fold_spans as fold_space
from teikit.recognise.tokens import bio_tags, spans_from_tags, tokenize


@pytest.mark.parametrize("raw, label", [
    ("PERSON", "persName"), ("PER", "persName"), ("persName", "persName"), ("per", "persName"),
    ("ORGANIZATION", "orgName"), ("ORG", "orgName"), ("orgName", "orgName"),
    ("LOCATION", "placeName"), ("LOC", "placeName"), ("placeName", "placeName"),
    ("DATE", "date"), ("date", "date"),
    ("MISC", None), ("roleName", None), ("", None), (3, None),
])
def test_label_mapping(raw, label):
    assert normalise_label(raw) == label


def test_mentions_map_to_labels_and_flatten_to_outermost():
    text = "Bộ trưởng Bộ Công an tại Hà Nội ngày 31/7"
    mentions = [
        Mention(0, 20, "role", key="Bộ trưởng"),
        Mention(10, 20, "org"),
        Mention(25, 31, "place"),
        Mention(21, 31, "org"),       # an org wrapping a place: the org is kept
        Mention(37, 41, "date"),
        Mention(37, 39, "abbr"),
    ]
    assert mentions_to_entities(mentions) == [(10, 20, "orgName"), (21, 31, "orgName"), (37, 41, "date")]
    assert text[10:20] == "Bộ Công an"


def test_outermost_drops_nested_and_crossing_keeps_earlier():
    assert outermost([(5, 9, "date"), (0, 10, "orgName"), (8, 14, "placeName"), (12, 14, "persName")]) == [
        (0, 10, "orgName"), (12, 14, "persName")]


def test_nfc_moves_offsets():
    decomposed = unicodedata.normalize("NFD", "Ông Trần Văn An ở Hà Nội")
    start = decomposed.index("H")
    text, spans = nfc_with_offsets(decomposed, [(start, len(decomposed), "placeName")])
    assert text == unicodedata.normalize("NFC", decomposed)
    assert text[spans[0][0]:spans[0][1]] == "Hà Nội"


def test_fold_space_moves_and_trims_offsets():
    raw = "  Gặp  ông\n  Lê  Văn Tám  hôm qua "
    start = raw.index("Lê") - 1  # includes a space: trimmed away
    text, spans = fold_space(raw, [(start, raw.index("Tám") + 3, "persName")])
    assert text == "Gặp ông Lê Văn Tám hôm qua"
    assert [text[s:e] for s, e, _ in spans] == ["Lê Văn Tám"]


def _tei(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
            f'<text><body><div type="article">\n{body}\n</div></body></text></TEI>\n')


def test_read_tei_leaves_expan_out_and_keeps_offsets(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(_tei(
        '<head>Họp tại <placeName ref="#p" resp="#ner-rules" cert="0.9">Hà Nội</placeName></head>\n'
        '<p>Ngày <date when="2013-07-31">31/7/2013</date>, <roleName type="office">Bộ trưởng '
        '<orgName ref="#o">Bộ Công an</orgName></roleName> <persName ref="#x">Trần\n   Văn An</persName> và '
        '<orgName ref="#m">Ủy ban <choice><abbr>MTTQ</abbr><expan>Mặt trận Tổ quốc</expan></choice> '
        '<placeName ref="#q">tỉnh Nam</placeName></orgName>.</p>\n'
        '<figure><head>Ảnh minh họa</head></figure>\n'
        '<byline><docAuthor><persName ref="#z">Phạm Linh</persName></docAuthor></byline>'), encoding="utf-8")
    doc = read_tei(path)
    assert doc.id == "a.xml"
    assert doc.text == ("Họp tại Hà Nội\n\nNgày 31/7/2013, Bộ trưởng Bộ Công an Trần Văn An và Ủy ban MTTQ tỉnh Nam."
                        "\n\nẢnh minh họa\n\nPhạm Linh")
    assert "Mặt trận" not in doc.text
    assert [(doc.text[s:e], label) for s, e, label in doc.entities] == [
        ("Hà Nội", "placeName"), ("31/7/2013", "date"), ("Bộ Công an", "orgName"),
        ("Trần Văn An", "persName"), ("Ủy ban MTTQ tỉnh Nam", "orgName"), ("Phạm Linh", "persName")]


def test_read_tei_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text(_tei("<p>  </p>"), encoding="utf-8")
    with pytest.raises(NerInputError, match=r"empty\.xml: no article text found in the TEI document"):
        read_tei(path)


def test_jsonl_reading_maps_labels_and_checks_offsets(tmp_path):
    path = tmp_path / "g.jsonl"
    text = "Ông Lê Lợi ở Thanh Hóa"
    rows = [{"id": "x", "text": text, "entities": [[4, 10, "PER"], [13, 22, "LOC"], [0, 3, "MISC"]]}, {}]
    path.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n\n", encoding="utf-8")
    (doc,) = read_jsonl(path)
    assert doc.entities == ((4, 10, "persName"), (13, 22, "placeName"))
    path.write_text(json.dumps({"id": "y", "text": "abc", "entities": [[1, 9, "PER"]]}) + "\n", encoding="utf-8")
    with pytest.raises(NerInputError, match=r"g\.jsonl: line 1: entity \[1, 9, 'PER'\] is outside the text \(length 3\)"):
        read_jsonl(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(NerInputError, match=r"g\.jsonl: line 1: not valid JSON \(line 1, column 2\)"):
        read_jsonl(path)


def test_unreadable_or_malformed_documents_are_input_errors_not_recogniser_errors(tmp_path):
    from teikit.ner.extract import read_text_inputs

    latin = tmp_path / "latin.txt"
    latin.write_bytes("Hà Nam".encode("latin-1"))
    lines = tmp_path / "latin.jsonl"
    lines.write_bytes(b'{"id": "a", "text": "H\xe0"}\n')
    bad_line = tmp_path / "bad.jsonl"
    bad_line.write_text('{"id": "a", "text": "x", "entities": []}\n[1, 2]\n', encoding="utf-8")
    for call, message in [(lambda: read_text_inputs([latin]), r"latin\.txt: not UTF-8 text \(byte \d+\)"),
                          (lambda: read_jsonl(lines), r"latin\.jsonl: not UTF-8 text"),
                          (lambda: read_jsonl(bad_line), r"bad\.jsonl: line 2: expected an object")]:
        with pytest.raises(InputError, match=message) as info:
            call()
        assert isinstance(info.value, NerInputError) and not isinstance(info.value, RecogniseError)
    assert issubclass(IngestError, InputError)  # one family for every stage's unreadable input


def test_jsonl_written_sorted_and_unescaped(tmp_path):
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [NerDoc("b", "Hà Nội", ((0, 6, "placeName"),))])
    assert path.read_text(encoding="utf-8") == '{"entities": [[0, 6, "placeName"]], "id": "b", "text": "Hà Nội"}\n'


def test_tokens_split_punctuation_and_round_trip_bio():
    text = "Ngày 31/7/2013, ông Trần Đại Quang (Bộ Công an)."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:7] == ["Ngày", "31", "/", "7", "/", "2013", ","]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    spans = [(5, 14, "date"), (text.index("Trần"), text.index("Quang") + 5, "persName"),
             (text.index("Bộ"), text.index("an)") + 2, "orgName")]
    tags = bio_tags(tokens, spans)
    assert [(s, e, label) for s, e, label, _, _ in spans_from_tags(tokens, tags)] == spans


def test_tokens_are_the_rules_folded_syllables_and_gazetteer_features_fold_alike():
    from teikit.recognise.features import Gazetteers, gazetteer_tags
    from teikit.recognise.tokens import Tokens, sequences

    text = "Về Thanh Hoá, x_y\n\n“Uỷ ban”"
    rules = Tokens(text)
    (first, second) = sequences(text)
    # the rules' syllables, with the punctuation of the gaps as tokens of its own
    assert [t.text for t in first] == ["Về", "Thanh", "Hóa", ",", "x_y"]
    assert [t.text for t in second] == ["“", "Ủy", "ban", "”"]
    syllables = [t for t in first + second if t.text[0].isalnum()]
    assert [(t.text, t.start, t.end) for t in syllables] == list(zip(rules.words, rules.starts, rules.ends))
    # a gazetteer entry in either tone-mark placement matches the text in either
    for entry, written in [("Thanh Hoá", "ở Thanh Hóa"), ("Thanh Hóa", "ở Thanh Hoá")]:
        gaz = Gazetteers.from_lists({"place": [entry]})
        lowered = [t.text.lower() for t in sequences(written)[0]]
        assert gazetteer_tags(lowered, gaz) == [[], ["B-place"], ["I-place"]]


@pytest.mark.parametrize("record", [
    {"text": "Ông Nguyễn Văn An đến Huế.", "label": [[4, 17, "PER"], [22, 25, "LOC"]]},
    {"text": "Ông Nguyễn Văn An đến Huế.", "spans": [{"start": 4, "end": 17, "label": "PERSON"},
                                                 {"start": 22, "end": 25, "label": "LOCATION", "token_start": 5}]},
])
def test_annotation_tool_exports_are_read(record):
    from teikit.ner.jsonl import doc_from_record

    doc = doc_from_record(record, where="x.jsonl:1", default_id="x", need_entities=True)
    assert list(doc.entities) == [(4, 17, "persName"), (22, 25, "placeName")]


def test_the_crf_reads_words_of_address_from_the_rules_person_cues():
    """One role lexicon: the CRF's 'hon' feature fires on the person cues of person_cues.tsv."""
    from teikit.recognise.features import address_words
    from teikit.recognise.gazetteers import default_gazetteers

    cues = {w.lower() for w in default_gazetteers().address_words if " " not in w}
    assert address_words() == cues and {"ông", "bà", "thầy"} <= cues
