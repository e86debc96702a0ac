"""One ASCII fold (teikit.asciifold) for register ids, document ids and deposit file names."""

from __future__ import annotations

import pytest

from teikit.asciifold import fold, slug
from teikit.deposit.safenames import slugify_stem
from teikit.encode.ids import document_id, entity_id


@pytest.mark.parametrize("text, folded", [
    ("Đà Nẵng", "Da Nang"), ("Thừa Thiên Huế", "Thua Thien Hue"), ("Øresund Łódź", "Oresund Lodz"),
    ("Straße", "Strasse"), ("ﬁnal", "final"), ("北京", "北京"),
])
def test_fold_strips_diacritics_and_maps_the_letters_nfkd_keeps(text, folded):
    assert fold(text) == folded


def test_ids_and_file_names_fold_a_name_alike():
    name = "Øresund – Đà Nẵng"
    assert entity_id("place", name) == "place-oresund-da92-nang84"  # ids keep the marks (VNI digits)
    assert slugify_stem(name) == "Oresund-Da-Nang"
    assert document_id("Bài_Đà.Nẵng") == "doc-Bai_Da.Nang-f36e6700"  # folded, and a hash of the stem as written


def test_document_ids_of_stems_that_fold_alike_differ():
    """Two files of one folder, two documents: "a b" and "a-b" (or a name composed and decomposed)
    gave one xml:id, listed twice in the deposit's metadata."""
    assert document_id("a-b") == "doc-a-b"  # an ASCII stem is its id as it is
    assert document_id("a b").startswith("doc-a-b-") and len(document_id("a b")) == len("doc-a-b-") + 8
    assert document_id("Hu\u1ebf") != document_id("Hue\u0301")
    assert document_id("Hu\u1ebf").startswith("doc-Hue-") and document_id("Hue\u0301").startswith("doc-Hue-")


def test_slug_keeps_only_the_allowed_characters_in_runs_of_one_dash():
    assert slug("  Bộ Y tế (BYT)!  ") == "bo-y-te-byt"
    assert slug("a/b\\c d", allowed="A-Za-z0-9._-", lower=False) == "a-b-c-d"
