"""Vietnamese collation (teikit.collation): alphabet order, tones secondary, letters of the jump bar."""

from __future__ import annotations

import random

import pytest

from teikit.collation import ALPHABET, LETTERS, letter, letter_slug, sort_key, sorted_names


def test_the_alphabet_order():
    words = ["an", "ăn", "ân", "ba", "ca", "da", "đa", "em", "êm", "ga", "ha", "im", "ka", "la", "ma",
             "na", "ong", "ông", "ơn", "pa", "qua", "ra", "sa", "ta", "um", "ưng", "va", "xa", "ya"]
    shuffled = words[:]
    random.Random(3).shuffle(shuffled)
    assert sorted_names(shuffled) == words
    assert "".join(ALPHABET) == "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"


def test_d_stroke_comes_after_d_not_after_z():
    names = ["Đặng Văn Lâm", "Zidane", "Dương Văn Minh", "Yên Bái", "Đà Nẵng", "Elizabeth"]
    assert sorted_names(names) == ["Dương Văn Minh", "Đà Nẵng", "Đặng Văn Lâm", "Elizabeth", "Yên Bái", "Zidane"]


def test_tones_are_secondary():
    # Tones decide only between names equal without them: a à ả ã á ạ.
    assert sorted_names(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    # …and never before the letters: "Lý An" < "Li Bo" would be wrong if the tone counted first.
    assert sorted_names(["Lý Bình", "Ly An", "Lê"]) == ["Lê", "Ly An", "Lý Bình"]
    assert sorted_names(["Hà Nội", "Hải Phòng", "Hà Giang", "Hạ Long"]) == ["Hà Giang", "Hạ Long", "Hà Nội", "Hải Phòng"]


def test_a_word_ends_before_any_letter_and_digits_come_first():
    assert sorted_names(["Lê Anh", "Lê An Bình", "Lê An"]) == ["Lê An", "Lê An Bình", "Lê Anh"]
    assert sorted_names(["Quận 10", "Quận 3", "Quận Ba Đình"])[-1] == "Quận Ba Đình"
    assert sort_key("Hà Nội") != sort_key("hà nội") and sorted_names(["Hà Nội", "hà nội"]) == ["hà nội", "Hà Nội"]


def test_nfc_and_nfd_sort_alike():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Đặng Thùy Trâm")
    assert sort_key(nfd) == sort_key("Đặng Thùy Trâm")


@pytest.mark.parametrize("name, first", [("Đặng Văn Lâm", "Đ"), ("Ăng-gô-la", "Ă"), ("ấp Bắc", "Â"), ("Ưng Hoàng Phúc", "Ư"),
                                         ("Ơn", "Ơ"), ("Ông Ích Khiêm", "Ô"), ("Êđê", "Ê"), ("Zidane", "Z"),
                                         ("“Bà Trưng”", "B"), ("1/5", "#"), ("東京", "#"), ("", "#")])
def test_letter(name, first):
    assert letter(name) == first


def test_letters_and_slugs():
    assert LETTERS.index("Đ") == LETTERS.index("D") + 1 and LETTERS.index("F") == LETTERS.index("Ê") + 1
    slugs = [letter_slug(x) for x in (*LETTERS, "#")]
    assert len(set(slugs)) == len(slugs) and all(s.isascii() and s.isalpha() for s in slugs)
    assert letter_slug("Đ") == "dd" and letter_slug("A") == "a" and letter_slug("#") == "other"
