"""deposit.opinion: bagit's second opinion run slice by slice says what one bagit.Bag says of a bag
(intact, or wrong in one way), hashes each file once, and holds one slice's entries at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import bagit
import pytest

from test_deposit_scratch import many_file_bag, traced_peak
from teikit.deposit import opinion
from teikit.deposit.baginfo import quiet_bagit


def _first_file(bag: Path) -> Path:
    return bag / "data" / "part-000" / "article-00003.txt"


def change_a_byte(bag: Path) -> None:
    _first_file(bag).write_text("changed\n", encoding="utf-8")


def remove_a_file(bag: Path) -> None:
    _first_file(bag).unlink()


def add_a_file(bag: Path) -> None:
    (bag / "data" / "part-001" / "stray.txt").write_text("stray\n", encoding="utf-8")


def grow_a_file(bag: Path) -> None:  # the Payload-Oxum's bytes no longer match, the manifests do
    change_a_byte(bag)
    with quiet_bagit():
        bagit.Bag(str(bag)).save(manifests=True)
    text = (bag / "bag-info.txt").read_text(encoding="utf-8")
    oxum = next(line for line in text.splitlines() if line.startswith("Payload-Oxum"))
    (bag / "bag-info.txt").write_text(text.replace(oxum, "Payload-Oxum: 1.250"), encoding="utf-8")


def list_a_file_twice(bag: Path) -> None:
    manifest = bag / "manifest-sha256.txt"
    first = manifest.read_text(encoding="utf-8").splitlines()[7]
    manifest.write_text(manifest.read_text(encoding="utf-8") + "0" * 64 + "  " + first.split(None, 1)[1] + "\n",
                        encoding="utf-8")


@pytest.mark.parametrize("damage", [None, change_a_byte, remove_a_file, add_a_file, grow_a_file, list_a_file_twice])
def test_sliced_bagit_says_what_one_bag_says(tmp_path, monkeypatch, damage):
    bag = many_file_bag(tmp_path / "bag", 250)
    if damage:
        damage(bag)
    whole = opinion.bagit_opinion(bag, 250)
    monkeypatch.setattr(opinion, "SLICE_FILES", 40)
    assert opinion.slices_for(250) == 7
    sliced = opinion.bagit_opinion(bag, 250)
    assert [str(p) for p in sliced] == [str(p) for p in whole]
    assert bool(whole) == bool(damage)


def test_each_file_is_hashed_once_and_the_oxum_counts_every_file(tmp_path, monkeypatch):
    bag = many_file_bag(tmp_path / "bag", 120)
    hashed = []
    calc = bagit._calc_hashes
    monkeypatch.setattr(bagit, "_calc_hashes", lambda args: hashed.append(args[1]) or calc(args))
    monkeypatch.setattr(opinion, "SLICE_FILES", 25)
    assert opinion.bagit_opinion(bag, 120) == []
    on_disk = sorted(p.relative_to(bag).as_posix() for p in bag.rglob("*") if p.is_file() and "tagmanifest" not in p.name)
    assert sorted(hashed) == on_disk  # payload and tag files, each once, over the 5 slices


def test_slices_are_capped(monkeypatch):
    monkeypatch.setattr(opinion, "SLICE_FILES", 10)
    assert [opinion.slices_for(n) for n in (0, 1, 10, 11, 95, 10_000)] == [1, 1, 1, 2, 10, opinion.MAX_SLICES]


def test_bagits_memory_is_one_slices(tmp_path, monkeypatch):
    """One bagit.Bag held about 1.6 KB a file (its entries, both names of each file, every hash result):
    in slices of 500 files, five times the files hold what 500 held."""
    small, large = many_file_bag(tmp_path / "small", 500), many_file_bag(tmp_path / "large", 2500)
    monkeypatch.setattr(opinion, "SLICE_FILES", 500)
    assert opinion.bagit_opinion(small, 500) == [] and opinion.bagit_opinion(large, 2500) == []
    grown = traced_peak(opinion.bagit_opinion, large, 2500) - traced_peak(opinion.bagit_opinion, small, 500)
    assert grown < 500_000, f"{grown} bytes more for 2,000 more files"
    shutil.rmtree(small)


def test_a_slices_entries_keep_its_paths_however_they_are_set():
    kept = opinion._Kept(0, 3)
    paths = [f"data/{i}.txt" for i in range(30)]
    for path in paths[:15]:
        kept.setdefault(path, {})["sha256"] = "0"
    for path in paths[15:]:
        kept[path] = {"sha256": "0"}
    assert sorted(kept) == sorted(p for p in paths if opinion._in_slice(p, 0, 3)) and 0 < len(kept) < 30
