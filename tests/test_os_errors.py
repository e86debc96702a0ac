"""Every OS error is one line naming the file, exit 1, never a traceback or "internal error"
(issue 12, item 5): disk full, permission denied, read-only, name too long, a file where a
folder goes, for convert, ner extract, validate and render (the errors are simulated: the tests
may run as root, for whom no folder is read-only); file names of 248 bytes, and names that are
not UTF-8."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.fsutil import temp_prefix

REPO = Path(__file__).resolve().parents[1]
TEI = sorted((REPO / "tei").glob("*.xml"))[0]
ARTICLE = "Tiêu đề {n}\n\nÔng Nguyễn Văn An đến Hà Nội ngày 5/6/2024.\n"
CODES = [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.ENAMETOOLONG, errno.ENOTDIR, errno.EIO]


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _sources(folder: Path, names=("a", "b")) -> Path:
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLE.format(n=name), encoding="utf-8")
    return folder


def _failing_rename(monkeypatch, code: int, target_end: str):
    """os.replace onto a name ending `target_end` fails with `code`, as a full or read-only disk would."""
    real = os.replace

    def replace(source, target, *args, **kwargs):
        if str(target).endswith(target_end):
            raise OSError(code, os.strerror(code), str(target))
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def _clean(result) -> None:
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("code", CODES, ids=errno.errorcode.get)
def test_convert_names_the_file_it_could_not_write(tmp_path, monkeypatch, code):
    src, out = _sources(tmp_path / "in"), tmp_path / "out"
    _failing_rename(monkeypatch, code, "a.xml")
    result = run("convert", src, "-o", out)
    _clean(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {out / 'a.xml'}: cannot write: {os.strerror(code)}",
                                          f"1 of 2 converted into {out}"]
    assert sorted(p.name for p in out.iterdir()) == [".teikit", ".teikit-build.json", "b.xml", "register"]  # register: the corpus register


@pytest.mark.parametrize("code", CODES, ids=errno.errorcode.get)
def test_convert_that_cannot_write_the_register_writes_no_article(tmp_path, monkeypatch, code):
    src, out = _sources(tmp_path / "in"), tmp_path / "out"
    _failing_rename(monkeypatch, code, "places.xml")
    result = run("convert", src, "-o", out)
    _clean(result)
    assert result.exit_code == 1
    target = out / "register" / "places.xml"
    assert result.stderr.splitlines() == [f"error: {target}: cannot write the corpus register: {os.strerror(code)}"]
    assert not list(out.glob("*.xml")) and not (out / "register" / "places.xml").exists()


@pytest.mark.parametrize("code", CODES, ids=errno.errorcode.get)
def test_ner_extract_names_the_output_it_could_not_write(tmp_path, monkeypatch, code):
    src, out = _sources(tmp_path / "in"), tmp_path / "o.jsonl"
    _failing_rename(monkeypatch, code, "o.jsonl")
    result = run("ner", "extract", src, "-o", out)
    _clean(result)
    assert (result.exit_code, result.stderr) == (1, f"error: {out}: {os.strerror(code).lower()}\n")
    assert list(tmp_path.glob("*o.jsonl*")) == []


@pytest.mark.parametrize("code", CODES, ids=errno.errorcode.get)
def test_render_names_the_file_it_could_not_write(tmp_path, monkeypatch, code):
    out = tmp_path / "txt"
    _failing_rename(monkeypatch, code, f"{TEI.stem}.txt")
    result = run("render", TEI, "-f", "txt", "-o", out)
    _clean(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {out / TEI.stem}.txt: cannot write: {os.strerror(code)}",
                                          f"rendered 0 file(s) into {out}, 1 failed"]


@pytest.mark.parametrize("code", CODES, ids=errno.errorcode.get)
def test_validate_and_render_name_the_file_they_could_not_read(tmp_path, monkeypatch, code):
    folder = tmp_path / "tei"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.xml").write_bytes(TEI.read_bytes())
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.xml":
            raise OSError(code, os.strerror(code), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("validate", folder)
    _clean(result)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{folder / 'a.xml'}:0:0: error: [io-error] cannot read: {os.strerror(code)}",
                                          "2 files, 1 valid, 1 invalid, 1 error"]
    out = tmp_path / "txt"
    result = run("render", folder, "-f", "txt", "-o", out)
    _clean(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {folder / 'a.xml'}: cannot read: {os.strerror(code)}",
                                          f"rendered 1 file(s) into {out}, 1 failed"]


def test_a_248_byte_file_name_goes_through_every_stage(tmp_path):
    stem = "bài-" + "b" * (244 - len("bài-".encode("utf-8")))
    assert len(f"{stem}.txt".encode("utf-8")) == 248
    src = _sources(tmp_path / "in", names=(stem,))
    tei, site, jsonl = tmp_path / "tei", tmp_path / "site", tmp_path / "o.jsonl"
    for args in (("convert", src, "-o", tei), ("validate", tei), ("render", tei, "-f", "html", "-o", site),
                 ("render", tei, "-f", "txt", "-o", tmp_path / "txt"), ("ner", "extract", src, "-o", jsonl)):
        result = run(*args)
        _clean(result)
        assert result.exit_code == 0, (args, result.output)
    assert (tei / f"{stem}.xml").is_file() and (site / f"{stem}.html").is_file()
    assert (tmp_path / "txt" / f"{stem}.txt").is_file()


def test_temporary_names_stay_within_255_bytes():
    for name in ("a.xml", "x" * 255, "ệ" * 85):
        assert len(os.fsencode(temp_prefix(name))) + 8 + len(".staging") <= 255


def test_a_name_that_is_not_utf8_is_one_line_and_costs_that_file(tmp_path):
    src = _sources(tmp_path / "in")
    bad = os.fsencode(str(src)) + b"/c\xff\xfe.txt"
    with open(bad, "wb") as handle:
        handle.write(ARTICLE.format(n="c").encode("utf-8"))
    shown = f"{src}/c\\xff\\xfe.txt"
    line = f"error: {shown}: the file name is not UTF-8 (byte 0xff); rename the file"
    out = tmp_path / "out"
    result = run("convert", src, "-o", out)
    _clean(result)
    assert result.exit_code == 1 and line in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == f"2 of 3 converted into {out}"
    result = run("ner", "extract", src, "-o", tmp_path / "o.jsonl")
    _clean(result)
    assert result.exit_code == 1 and result.stderr.splitlines()[0] == line
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    with open(os.fsencode(str(out)) + b"/d\xff.xml", "wb") as handle:
        handle.write((out / "a.xml").read_bytes())
    line = f"error: {out}/d\\xff.xml: the file name is not UTF-8 (byte 0xff); rename the file"
    result = run("render", out, "-f", "txt", "-o", tmp_path / "txt")
    _clean(result)
    assert result.exit_code == 1 and result.stderr.splitlines()[0] == line
    result = run("validate", out)
    _clean(result)
    assert result.exit_code == 1


LONG = "n" * 5000  # longer than any file system takes: Path.is_file/exists raise ENAMETOOLONG in Python 3.11


@pytest.mark.parametrize("args", [
    ["convert", "{src}", "-o", "{long}"],
    ["render", "{tei}", "--format", "html", "-o", "{long}"],
    ["render", "{tei}", "--format", "txt", "-o", "{long}"],
    ["ner", "train", "{tei}", "-o", "{long}"],
    ["validate", "--schema", "{long}.rng", "{tei}"],
    ["deposit", "verify", "{tei}", "--schema", "{long}"],
    ["validate", "--schema", "auto", "{model}"],
], ids=lambda args: " ".join(a for a in args[:3] if "{" not in a))
def test_a_name_too_long_for_the_file_system_is_one_line(tmp_path, args):
    # Each was a traceback (OSError: [Errno 36] File name too long) or, for an xml-model href, an internal error.
    src = _sources(tmp_path / "src")
    model = tmp_path / "model.xml"
    text = TEI.read_text(encoding="utf-8")
    model.write_text(text.replace("?>\n", f'?>\n<?xml-model href="{LONG}.rng" '
                                  'schematypens="http://relaxng.org/ns/structure/1.0"?>\n', 1), encoding="utf-8")
    result = run(*[a.format(src=src, long=tmp_path / LONG, tei=TEI, model=model) for a in args])
    _clean(result)
    lines = (result.stdout + result.stderr).splitlines()
    if args[-1] == "{model}":
        assert result.exit_code == 0 and "[xml-model]" in lines[0] and "no such file" in lines[0]
    else:
        assert result.exit_code in (1, 2) and len(lines) == 1 and lines[0].startswith("error: ")
        assert lines[0].endswith(("file name too long", "schema not found"))
