"""corpusnames.written_in: the test by which a look after the first keeps an article's last result
may say yes too often, never no where the recogniser or SharedNames.missed_in would see a name."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from teikit.corpusnames import written_forms, written_in
from teikit.recognise.base import Context
from teikit.recognise.rules import default_recogniser
from teikit.register import SharedNames

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED = next((Path(__file__).parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")


def test_a_name_is_written_from_a_capitalised_syllable_on_whatever_lies_between():
    forms = written_forms({("Hà Nội", "place")})
    assert written_in(forms, "Đoàn đến Hà Nội hôm qua.")
    assert written_in(forms, "Đoàn đến Hà-Nội.")
    assert written_in(forms, "Đoàn đến Hà\nNội.")  # missed_in reads words across lines
    assert written_in(forms, "Đoàn đến HÀ NỘI.")
    assert not written_in(forms, "Đoàn đến hà Nội.")  # no rule sees a name that starts in lower case
    assert not written_in(forms, "Đoàn đến Hà Nam.")
    assert not written_in(frozenset(), "Hà Nội")


def test_tone_placement_and_normal_forms_are_those_of_the_tokens():
    assert written_in(written_forms({("Thanh Hoá", "place")}), "Tỉnh Thanh Hóa")
    decomposed = unicodedata.normalize("NFD", "Hà Nội")
    assert written_in(written_forms({(decomposed, "place")}), f"Đoàn đến {decomposed}.")
    assert written_in(written_forms({(decomposed, "place")}), "Đoàn đến Hà Nội.")


def test_a_name_said_not_written_changes_neither_the_look_nor_the_recognition():
    """Names of other articles: those written_in says are not in the seed are neither missed
    there nor marked; those it says are, some of which are (it may say yes too often)."""
    recogniser = default_recogniser()
    alone = recogniser.find(SEED)
    names = set()
    for path in sorted(ARTICLES.glob("a*.txt")):
        text = path.read_text(encoding="utf-8")
        names |= {(text[m.start:m.end], m.type) for m in recogniser.find(text) if m.type in ("person", "org", "place")}
    said = {name: written_in(written_forms({name}), SEED) for name in sorted(names)}
    assert 0 < sum(said.values()) < len(said)
    for name, written in said.items():
        missed = SharedNames({name}).missed_in(SEED, [])
        marked = recogniser.find(SEED, Context(known_names=frozenset({name}))) != alone
        assert written or not (missed or marked), name


def test_a_look_that_keeps_the_last_results_writes_what_looking_again_at_every_article_writes(tmp_path, monkeypatch):
    """Three looks (a name the first adds, then one the second adds): the articles whose last
    result stands, and those a changed name is written in, give the bytes of a run that looks at
    every article again (written_in always yes, as convert did before)."""
    import sys

    from teikit import convertpasses
    from teikit.convert import convert_paths
    from teikit.options import ConvertOptions

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from pipeline import make_corpus  # articles made from the seed and the gazetteers

    make_corpus(tmp_path / "src", 40)
    org = "An ninh Tổ quốc"  # a name the first look adds (written in lower case in every article)
    (tmp_path / "src" / "extra.txt").write_text(f"Tin ngắn\n\nTheo {org}, lực lượng đã làm việc với "
                                                 f"{org.title()} tại Hà Nội.\n", encoding="utf-8")
    said = []
    real = convertpasses.written_in
    monkeypatch.setattr(convertpasses, "written_in", lambda forms, text: said.append(real(forms, text)) or said[-1])
    convert_paths([tmp_path / "src"], tmp_path / "kept", ConvertOptions(validate=False), jobs=1)
    assert said.count(False) > 40 and said.count(True) >= 1
    monkeypatch.setattr(convertpasses, "written_in", lambda forms, text: True)
    convert_paths([tmp_path / "src"], tmp_path / "all", ConvertOptions(validate=False), jobs=1)
    kept, every = (_files(tmp_path / name) for name in ("kept", "all"))
    assert kept.keys() == every.keys() and len(kept) > 41
    for rel, data in kept.items():
        assert data == every[rel], rel


def _files(folder: Path) -> dict:
    """Every file under `folder` (the register, the editing records, the build record) by its path."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
