"""What a review of round two's scale work found, each pinned: a Mention pickles every field it
has; a manifest line longer than many read blocks is read whole and in order; settling a package
no killed run touched takes no lock and writes nothing."""

from __future__ import annotations

import dataclasses
import pickle

from teikit.deposit import bagread
from teikit.deposit.make import settle
from teikit.model import Mention


def test_a_mention_pickles_every_field_it_has():
    values = {"start": 3, "end": 9, "type": "persName", "key": "pers-x", "attrs": (("role", "x"),),
              "resp": "model", "cert": 0.5}
    assert {f.name for f in dataclasses.fields(Mention)} == set(values)  # a new field: give it a value here
    assert pickle.loads(pickle.dumps(Mention(**values))) == Mention(**values)


def test_a_manifest_line_longer_than_many_blocks_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(bagread, "BLOCK", 8)
    long = "a" * 100 + " data/x.xml"
    (tmp_path / "manifest-sha256.txt").write_bytes(f"{long}\r\nb data/y.xml\nc data/z.xml\r\n".encode())
    lines = list(bagread.member_lines(tmp_path, "manifest-sha256.txt", 10_000, "--max-manifest-bytes"))
    assert lines == [long, "b data/y.xml", "c data/z.xml"]


def test_settling_a_package_no_killed_run_touched_writes_nothing(tmp_path):
    settle(tmp_path / "dist" / "deposit" / "corpus.zip")
    assert list(tmp_path.iterdir()) == []  # no folder made, no lock file left
