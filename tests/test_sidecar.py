"""Hostile NAME.meta.json sidecars (issue 12, item 4): each costs its own article one error line,
and the rest of the batch converts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.errors import IngestError
from teikit.ingest.sidecar import MAX_SIDECAR_BYTES, MAX_SIDECAR_DEPTH, read_sidecar
from teikit.jsonsafe import bad_character

ARTICLE = "Tiêu đề bài {n}\n\nHà Nội, ngày 5/6/2024. Ông Nguyễn Văn An đến thăm Bộ Y tế.\n"

# sidecar text -> the problem its article's one error line names
HOSTILE = {
    "deep-array": ("[" * 100_000 + "]" * 100_000, f"too large for a sidecar (more than {MAX_SIDECAR_BYTES:,} bytes)"),
    "deep-object": ('{"title": ' * 5000 + '"x"' + "}" * 5000,
                    f"nested deeper than {MAX_SIDECAR_DEPTH} levels"),
    "deep-small": ('{"title": ' + "[" * 20 + "]" * 20 + "}",
                   f"nested deeper than {MAX_SIDECAR_DEPTH} levels"),
    "nested": ('{"title": ["a", {"b": 1}]}', "'title' must be a string"),
    "huge-number": ('{"title": ' + "9" * 50_000 + "}", "a number of 50,000 characters (at most 24)"),
    "nan": ('{"date": NaN}', "NaN is not JSON"),
    "number": ('{"date": 20240506}', "'date' must be a string"),
    "control": (json.dumps({"title": "Tin\u0007 nóng"}), "'title' holds a control character (U+0007) at character 4"),
    "escape": (json.dumps({"author": "A\u001b[31mB"}), "'author' holds a control character (U+001B) at character 2"),
    "newline": (json.dumps({"publisher": "Báo\nGiả"}), "'publisher' holds a control character (U+000A) at character 4"),
    "c1": (json.dumps({"licence": "CC\u0085BY"}), "'licence' holds a control character (U+0085) at character 3"),
    "surrogate": ('{"title": "x\\ud800y"}', "'title' holds a lone surrogate (U+D800) at character 2"),
    "low-surrogate": ('{"url": "https://a.vn/\\udfff"}', "'url' holds a lone surrogate (U+DFFF) at character 14"),
    "nonchar": ('{"author": "\\ufffe"}', "'author' holds a non-character (U+FFFE) at character 1"),
    "nonchar-fdd0": (json.dumps({"title": "a\ufdd0"}), "'title' holds a non-character (U+FDD0) at character 2"),
    "nonchar-astral": (json.dumps({"title": "a\U0010ffff"}), "'title' holds a non-character (U+10FFFF) at character 2"),
    "twice": ('{"title": "a", "title": "b"}', "key 'title' is given twice"),
    "not-utf8": (b'{"title": "\xff"}', "sidecar is not UTF-8 (byte 11)"),
    "not-object": ("[]", "must hold a JSON object"),
    "bad-json": ('{"title": ', "not valid JSON (line 1, column 11): Expecting value"),
    # Python 3.11's date.fromisoformat also takes these; no TEI @when does (the TEI was refused as invalid)
    "basic-date": ('{"date": "20240605"}', "'date' must be an ISO date YYYY-MM-DD, not '20240605'"),
    "week-date": ('{"date": "2024-W23-3"}', "'date' must be an ISO date YYYY-MM-DD, not '2024-W23-3'"),
    "other-digits": (json.dumps({"date": "２０２４-０６-０５"}), "'date' must be an ISO date YYYY-MM-DD, not '２０２４-０６-０５'"),
}


def _write(path, content) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_every_hostile_sidecar_costs_its_article_one_line(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(3):
        (src / f"good{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    (src / "good0.meta.json").write_text(json.dumps({"title": "Tiêu đề đúng", "author": "Lê Văn Bình"}),
                                         encoding="utf-8")
    for name, (content, _) in HOSTILE.items():
        (src / f"{name}.txt").write_text(ARTICLE.format(n=name), encoding="utf-8")
        _write(src / f"{name}.meta.json", content)
    result = CliRunner().invoke(app, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    expected = sorted(f"error: {src / name}.meta.json: {problem}" for name, (_, problem) in HOSTILE.items())
    assert sorted(line for line in lines if line.startswith("error:")) == expected
    assert lines[-1] == f"3 of {3 + len(HOSTILE)} converted into {out}"
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert sorted(p.name for p in out.glob("*.xml")) == ["good0.xml", "good1.xml", "good2.xml"]
    assert "Tiêu đề đúng" in (out / "good0.xml").read_text(encoding="utf-8")


def test_a_sidecar_is_read_no_further_than_its_limit(tmp_path, monkeypatch):
    path = tmp_path / "a.meta.json"
    path.write_text(json.dumps({"title": "x" * 100}), encoding="utf-8")
    assert read_sidecar(path) == {"title": "x" * 100}
    with pytest.raises(IngestError, match=r"more than 50 bytes"):
        read_sidecar(path, max_bytes=50)
    with pytest.raises(IngestError, match=r"nested deeper than 2 levels"):
        _write(path, '{"title": [[1]]}')
        read_sidecar(path, max_depth=2)


def test_brackets_inside_strings_are_not_nesting(tmp_path):
    path = tmp_path / "a.meta.json"
    title = "[[[[" * 10 + '\\"{{{{' * 10
    path.write_text('{"title": "' + title + '"}', encoding="utf-8")
    assert read_sidecar(path) == {"title": json.loads('"' + title + '"')}


def test_what_a_value_may_hold():
    assert bad_character("Hà Nội – “Thủ đô” 😀") is None
    assert bad_character("\t") == "a control character (U+0009) at character 1"
    assert bad_character("a\tb\n", controls=False) is None
    assert bad_character("a\tb\ud83d", controls=False) == "a lone surrogate (U+D83D) at character 4"


@pytest.mark.parametrize("key", ["title", "author", "publisher", "url", "licence", "date", "language"])
def test_a_value_of_white_space_only_is_not_given(tmp_path, key):
    # "   " reached the header: <author>   </author>, and an invalid TEI for title, url and date.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (src / "a.meta.json").write_text(json.dumps({key: " \u00a0 ", "publisher": "  Báo X "}), encoding="utf-8")
    assert read_sidecar(src / "a.meta.json") == {"publisher": "Báo X"}
    result = CliRunner().invoke(app, ["convert", str(src), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"1 of 1 converted into {out}\n"), result.output
    header = (out / "a.xml").read_text(encoding="utf-8").split("<text", 1)[0]
    assert "<publisher>Báo X</publisher>" in header and ">   <" not in header and "\u00a0" not in header


def test_a_sidecar_saved_with_a_byte_order_mark_is_read(tmp_path):
    # As Windows Notepad saves it: refused with Python's "decode using utf-8-sig".
    path = tmp_path / "a.meta.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"title": "Tiêu đề"}, ensure_ascii=False).encode("utf-8"))
    assert read_sidecar(path) == {"title": "Tiêu đề"}


def test_a_sidecar_whose_source_is_not_beside_it_is_said_once_and_the_rest_converts(tmp_path):
    # A seed renamed (a.txt → b.txt) left a.meta.json, its URL and publisher unused without a word.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "b.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (seeds / "a.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")
    (seeds / "c.TXT").write_text(ARTICLE.format(n=2), encoding="utf-8")
    (seeds / "c.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")  # its source, in upper case
    (seeds / "d.Txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    (seeds / "d.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")  # its source, in mixed case
    result = CliRunner().invoke(app, ["convert", str(seeds), "-o", str(tmp_path / "tei")])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {seeds / 'a.meta.json'}: no source a.txt, .html or .warc beside it (renamed?): its metadata is not used"]
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == ["b.xml", "c.xml", "d.xml"]


def test_a_folder_of_renamed_sources_is_listed_once_for_all_its_sidecars(tmp_path, monkeypatch):
    # Each sidecar left without its source listed the folder again: quadratic in a folder of them.
    import teikit.ingest as ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(6):
        (seeds / f"new{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
        (seeds / f"old{n}.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")
    (seeds / "new0.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")  # its source beside it
    listed = []
    real = ingest.os.listdir
    monkeypatch.setattr(ingest.os, "listdir", lambda folder: listed.append(Path(folder)) or real(folder))
    check = ingest.OrphanSidecars()
    said = [check(seeds / f"old{n}.meta.json") for n in range(6)] + [check(seeds / "new0.meta.json")]
    assert said == [f"{seeds / f'old{n}.meta.json'}: no source old{n}.txt, .html or .warc beside it (renamed?): "
                    "its metadata is not used" for n in range(6)] + [None]
    assert listed == [seeds]


def test_a_sidecar_in_another_case_is_used_when_it_is_the_file_its_source_reads(tmp_path):
    # On a file system that ignores case, ingest of bai.txt reads Bai.meta.json (as bai.meta.json):
    # it is used. A hard link stands for such a file system here (bai.meta.json the same file).
    import teikit.ingest as ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bai.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
    (seeds / "Bai.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")
    if (seeds / "bai.meta.json").exists():
        pytest.skip("this file system ignores case")
    check = ingest.OrphanSidecars()
    assert check(seeds / "Bai.meta.json") == (f"{seeds / 'Bai.meta.json'}: no source Bai.txt, .html or .warc beside it "
                                              "(renamed?): its metadata is not used")  # not read: not the same file
    os.link(seeds / "Bai.meta.json", seeds / "bai.meta.json")
    assert check(seeds / "Bai.meta.json") is None
    (seeds / "bai.meta.json").unlink()
    (seeds / "bai.meta.json").write_text('{"publisher": "Báo Khác"}', encoding="utf-8")  # another file
    assert check(seeds / "Bai.meta.json") == (f"{seeds / 'Bai.meta.json'}: no source Bai.txt, .html or .warc beside it "
                                              "(renamed?): its metadata is not used")


def test_only_the_folders_looked_at_last_are_held_each_listed_once_while_held(tmp_path, monkeypatch):
    # Every folder's stems were held for the whole batch; sidecars come folder by folder.
    import teikit.ingest as ingest

    held = ingest.OrphanSidecars.FOLDERS_HELD
    folders = [tmp_path / f"f{n:02}" for n in range(held + 2)]
    for folder in folders:
        folder.mkdir()
        (folder / "a.txt").write_text(ARTICLE.format(n=1), encoding="utf-8")
        (folder / "a.meta.json").write_text('{"publisher": "Báo Ví Dụ"}', encoding="utf-8")
    listed = []
    real = ingest.os.listdir
    monkeypatch.setattr(ingest.os, "listdir", lambda folder: listed.append(Path(folder)) or real(folder))
    check = ingest.OrphanSidecars()
    order = folders[:held] + [folders[0], folders[held], folders[0], folders[1]]
    assert [check(folder / "a.meta.json") for folder in order] == [None] * len(order)
    # folders[0], looked at again, is held still (listed once); folders[held] drops folders[1],
    # the least recently used, which is listed again
    assert listed == folders[:held] + [folders[held], folders[1]]
