"""convert does not follow symbolic links unless asked (issue 12, item 6): a linked input, or
one under a linked folder, is skipped with one warning and its target's content never reaches
a TEI; --follow-symlinks reads it."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from teikit.cli import app
from teikit.inputfiles import linked_inputs

CANARY = "CANARY-symlink-91c4 root:x:0:0"
ARTICLE = "Tiêu đề\n\nÔng Nguyễn Văn An đến Hà Nội ngày 5/6/2024.\n"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _tree(tmp_path):
    src, outside = tmp_path / "in", tmp_path / "outside"
    src.mkdir()
    outside.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (outside / "passwd.txt").write_text(f"{CANARY}\n\n{CANARY} daemon:x:1:1\n", encoding="utf-8")
    os.symlink(outside / "passwd.txt", src / "p.txt")
    return src, outside


def test_a_linked_input_is_skipped_with_one_warning(tmp_path):
    src, _ = _tree(tmp_path)
    out = tmp_path / "out"
    result = run("convert", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"warning: {src / 'p.txt'}: a symbolic link, skipped (--follow-symlinks reads it)",
                                          f"1 of 1 converted into {out}"]
    assert sorted(p.name for p in out.glob("*.xml")) == ["a.xml"]
    assert not any(CANARY in p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    result = run("convert", src / "p.txt", "-o", tmp_path / "out2")  # named directly: still a link
    assert result.stderr.splitlines()[0].startswith(f"warning: {src / 'p.txt'}: a symbolic link, skipped")
    assert CANARY not in result.output


def test_follow_symlinks_reads_it(tmp_path):
    src, _ = _tree(tmp_path)
    out = tmp_path / "out"
    result = run("convert", src, "-o", out, "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.xml")) == ["a.xml", "p.xml"]


def test_a_link_to_nothing_in_a_folder_is_said_skipped_and_read_when_asked(tmp_path):
    """It was skipped without a word."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", src / "gone.txt")
    result = run("convert", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"warning: {src / 'gone.txt'}: a symbolic link, skipped (--follow-symlinks reads it)"
    followed = run("convert", src, "-o", tmp_path / "out", "--follow-symlinks")
    assert followed.exit_code == 1
    assert f"error: {src / 'gone.txt'}: cannot read: No such file or directory" in followed.stderr.splitlines()


def test_a_named_pipe_named_on_the_command_line_is_said_what_it_is(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    result = run("convert", fifo, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"error: {fifo}: not a file or folder teikit reads (a named pipe)\n"


def test_what_counts_as_linked(tmp_path):
    src, outside = _tree(tmp_path)
    os.symlink(outside, src / "dir")
    real = src / "real"
    real.mkdir()
    (real / "b.txt").write_text(ARTICLE, encoding="utf-8")
    files = [src / "a.txt", src / "p.txt", src / "dir" / "passwd.txt", real / "b.txt"]
    assert linked_inputs([src], files) == [src / "p.txt", src / "dir" / "passwd.txt"]
    os.symlink(src, tmp_path / "named-link")  # a folder named on the command line may be a link
    assert linked_inputs([tmp_path / "named-link"], [tmp_path / "named-link" / "a.txt"]) == []


def test_a_linked_sidecar_is_refused_unless_asked(tmp_path):
    src, outside = _tree(tmp_path)
    os.remove(src / "p.txt")
    (outside / "meta.json").write_text('{"title": "%s"}' % CANARY, encoding="utf-8")
    os.symlink(outside / "meta.json", src / "a.meta.json")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", src, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == \
        f"error: {src / 'a.meta.json'}: a symbolic link, not read (--follow-symlinks reads it)"
    assert sorted(p.name for p in out.glob("*.xml")) == ["b.xml"]  # the other article still converts
    assert CANARY not in result.output
    result = run("convert", src, "-o", tmp_path / "out2", "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert CANARY in (tmp_path / "out2" / "a.xml").read_text(encoding="utf-8")


def test_build_skips_links_like_convert_unless_asked(tmp_path, monkeypatch):
    src, _ = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("build", "--seeds", src, "--no-deposit")
    assert f"warning: {src / 'p.txt'}: a symbolic link, skipped (--follow-symlinks reads it)" in result.stderr.splitlines()
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == ["a.xml"]
    assert not any(CANARY in p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.joinpath("dist").rglob("*")
                   if p.is_file())
    result = run("build", "--seeds", src, "--no-deposit", "--follow-symlinks")
    assert "symbolic link" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == ["a.xml", "p.xml"]


def _tei_tree(tmp_path):
    """tei/ with one TEI file and a link to a canary TEI outside it."""
    import shutil
    from pathlib import Path
    valid = Path(__file__).resolve().parent / "data" / "validate" / "valid.xml"
    tei, outside = tmp_path / "tei", tmp_path / "outside"
    tei.mkdir()
    outside.mkdir()
    shutil.copy(valid, tei / "a.xml")
    (outside / "secret.xml").write_text(valid.read_text(encoding="utf-8").replace("Phạm Linh", CANARY),
                                        encoding="utf-8")
    os.symlink(outside / "secret.xml", tei / "s.xml")
    return tei


def _jsonl_tree(tmp_path):
    src, outside = tmp_path / "jl", tmp_path / "outside"
    src.mkdir()
    outside.mkdir()
    (src / "a.jsonl").write_text('{"id": "a", "text": "Ông An đến Hà Nội.", "entities": []}\n', encoding="utf-8")
    (outside / "s.jsonl").write_text('{"id": "s", "text": "%s", "entities": []}\n' % CANARY, encoding="utf-8")
    os.symlink(outside / "s.jsonl", src / "s.jsonl")
    return src


# every command reading input folders: (arguments, the folder maker, the skipped link's name)
COMMANDS = {
    "validate": (lambda tmp, d: ["validate", d], _tei_tree, "s.xml"),
    "render html": (lambda tmp, d: ["render", d, "-o", tmp / "html"], _tei_tree, "s.xml"),
    "render txt": (lambda tmp, d: ["render", d, "-f", "txt", "-o", tmp / "txt"], _tei_tree, "s.xml"),
    "tidy": (lambda tmp, d: ["tidy", d], _tei_tree, "s.xml"),
    "ner extract": (lambda tmp, d: ["ner", "extract", d, "-o", tmp / "x.jsonl"], lambda tmp: _tree(tmp)[0], "p.txt"),
    "ner train": (lambda tmp, d: ["ner", "train", d, "-o", tmp / "model", "--max-iterations", "1"], _tei_tree, "s.xml"),
    "ner evaluate": (lambda tmp, d: ["ner", "evaluate", d, d], _jsonl_tree, "s.jsonl"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_skips_links_unless_asked(tmp_path, command):
    args, make, link = COMMANDS[command]
    folder = make(tmp_path)
    result = run(*args(tmp_path, folder))
    assert f"warning: {folder / link}: a symbolic link, skipped (--follow-symlinks reads it)" in \
        result.stderr.splitlines(), result.output
    assert CANARY not in result.output
    assert not any(CANARY in p.read_text(encoding="utf-8", errors="replace")
                   for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and "outside" not in p.parts)
    followed = run(*args(tmp_path, folder), "--follow-symlinks")
    assert "symbolic link" not in followed.stderr, followed.output


def test_an_input_suffix_in_capitals_is_an_input_in_a_folder_as_named(tmp_path):
    """UPPER.HTM converted when named, and was 'an unsupported input type' in a folder."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "NOTE.TXT").write_text(ARTICLE, encoding="utf-8")
    result = run("convert", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").glob("*.xml")] == ["NOTE.xml"]
