"""deposit make: the package's layout, bag-info, metadata, refusal of invalid TEI, name safety."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import unicodedata
from pathlib import Path

import bagit
import pytest
from typer.testing import CliRunner

from teikit import __version__
from teikit.cli import app
from teikit.deposit import DepositOptions, make_package, verify_package
from teikit.deposit import stages
from teikit.deposit.safenames import assign_names, contained, slugify_stem
from teikit.errors import DepositError, RenderError

DATA = Path(__file__).resolve().parent / "data" / "deposit"
ARTICLES = ("art-one.xml", "art-two.xml")
NO_EDITIONS = DepositOptions(editions=False)


def corpus(folder: Path, names=ARTICLES) -> Path:
    """A fresh copy of the hand-written TEI articles in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(DATA / name, folder / name)
    return folder


def make_invalid(path: Path) -> Path:
    """Point one name at a register entry that does not exist (a Schematron error)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<persName ref="#pers-nguyen-van-binh"', '<persName ref="#pers-nobody"', 1), encoding="utf-8")
    return path


def tree_listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------- layout and bag-info


def test_directory_package_layout_and_bagit_validation(tmp_path):
    bag = tmp_path / "deposit"
    result = make_package([corpus(tmp_path / "in")], bag, NO_EDITIONS)
    assert tree_listing(bag) == [
        "bag-info.txt", "bagit.txt",
        "data/metadata/metadata.csv", "data/metadata/validation-report.json",
        "data/schema/teikit.odd", "data/schema/teikit.rng", "data/schema/teikit.sch",
        "data/tei/art-one.xml", "data/tei/art-two.xml",
        "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt",
    ]
    assert (bag / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    # The library's own validation, independent of ours.
    opened = bagit.Bag(str(bag))
    assert opened.validate() and opened.version_info == (1, 0)
    assert sorted(opened.algorithms) == ["sha256", "sha512"]
    # The TEI masters are copied byte for byte; the schema comes from the project.
    assert (bag / "data/tei/art-one.xml").read_bytes() == (DATA / "art-one.xml").read_bytes()
    assert (bag / "data/schema/teikit.rng").read_bytes() == (stages.schema_dir() / "teikit.rng").read_bytes()
    tags = [line.split("  ")[1] for line in (bag / "tagmanifest-sha512.txt").read_text().splitlines()]
    assert tags == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"]
    assert (result.articles, result.payload_files, result.format) == (2, 7, "dir")


def info_of(bag: Path) -> dict[str, list[str]]:
    info: dict[str, list[str]] = {}
    for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines():
        key, value = line.split(": ", 1)
        info.setdefault(key, []).append(value)
    return info


def test_bag_info_elements(tmp_path):
    bag = tmp_path / "corpus-2014"
    options = DepositOptions(editions=False, source_organization="Thư viện Mẫu", contact_name="A. Archivist", contact_email="a@example.org")
    make_package([corpus(tmp_path / "in")], bag, options)
    info = info_of(bag)
    payload = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == [f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"]
    assert info["Bagging-Date"] == ["2014-03-02"]  # the newer of the two article dates, not today
    assert info["Source-Organization"] == ["Thư viện Mẫu"]
    assert info["Contact-Name"] == ["A. Archivist"] and info["Contact-Email"] == ["a@example.org"]
    assert info["External-Identifier"] == ["corpus-2014"]
    assert info["External-Description"][0].startswith(f"2 news article(s) as TEI P5 made with teikit {__version__}")
    assert info["Bag-Software-Agent"][0] == f"teikit {__version__}"
    assert info["Bag-Software-Agent"][1].startswith("bagit.py v")
    assert "Teikit-Allow-Invalid" not in info
    assert list(info)[:3] == ["Source-Organization", "Contact-Name", "Contact-Email"]


def test_bagging_date_option_and_missing_dates(tmp_path):
    src = corpus(tmp_path / "in")
    make_package([src], tmp_path / "dated", DepositOptions(editions=False, bagging_date="2020-05-06"))
    assert info_of(tmp_path / "dated")["Bagging-Date"] == ["2020-05-06"]
    for name in ARTICLES:
        # The header date is optional ("absent when the source has no date").
        lines = (src / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (src / name).write_text("".join(l for l in lines if not l.strip().startswith("<date when=")), encoding="utf-8")
    with pytest.raises(DepositError) as caught:
        make_package([src], tmp_path / "undated", NO_EDITIONS)
    assert str(caught.value) == f"{tmp_path / 'undated'}: no article has a full publication date (YYYY-MM-DD) to date the bag; give --bagging-date"
    assert not (tmp_path / "undated").exists()


def test_metadata_csv(tmp_path):
    bag = tmp_path / "bag"
    make_package([corpus(tmp_path / "in")], bag, NO_EDITIONS)
    rows = list(csv.reader(io.StringIO((bag / "data/metadata/metadata.csv").read_text(encoding="utf-8"))))
    assert rows == [
        ["filename", "dc.title", "dc.creator", "dc.date", "dc.language", "dc.source", "dc.identifier"],
        ["data/tei/art-one.xml", "Hội nghị tổng kết công tác năm", "Nguyễn Văn An", "2014-01-15", "vi", "https://example.org/tin/hoi-nghi", "doc-art-one"],
        ["data/tei/art-two.xml", "Khai mạc triển lãm ảnh", "", "2014-03-02", "vi", "art-two.txt", "doc-art-two"],
    ]
    assert unicodedata.is_normalized("NFC", (bag / "data/metadata/metadata.csv").read_text(encoding="utf-8"))


def test_validation_report_of_a_valid_package(tmp_path):
    bag = tmp_path / "bag"
    make_package([corpus(tmp_path / "in")], bag, NO_EDITIONS)
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    assert report["generator"] == f"teikit {__version__}"
    assert report["allow_invalid"] is False
    assert report["summary"] == {"files": 2, "valid": 2, "invalid": 0, "errors": 0}
    assert [(f["file"], f["source_name"], f["valid"], f["errors"]) for f in report["files"]] == [
        ("data/tei/art-one.xml", "art-one.xml", True, []),
        ("data/tei/art-two.xml", "art-two.xml", True, []),
    ]


# ---------------------------------------------------------------- invalid TEI


def test_invalid_tei_is_refused_with_every_error(tmp_path):
    src = corpus(tmp_path / "in")
    bad = make_invalid(src / "art-one.xml")
    result = run("deposit", "make", src, "-o", tmp_path / "out.zip", "--no-editions")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"error: refusing to package 1 invalid TEI file(s) of 2: {bad} (fix them, or use --allow-invalid)"
    assert all(line.startswith(f"{bad}:") for line in lines[:-1]) and len(lines) == 3
    assert "error: [ref-resolves]" in lines[0] and "#pers-nobody" in lines[0]
    assert "error: [register-referenced]" in lines[1]
    assert sorted(os.listdir(tmp_path)) == ["in"]  # no package, no staging left behind


def test_allow_invalid_is_recorded(tmp_path):
    src = corpus(tmp_path / "in")
    bad = make_invalid(src / "art-one.xml")
    bag = tmp_path / "out"
    result = run("deposit", "make", src, "-o", bag, "--no-editions", "--allow-invalid")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"warning: packaged 1 invalid TEI file(s) (--allow-invalid): {bad}\n"
    info = info_of(bag)
    assert info["Teikit-Allow-Invalid"] == ["true"] and info["Teikit-Invalid-Files"] == ["1"]
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    assert report["allow_invalid"] is True
    assert report["summary"]["invalid"] == 1 and report["summary"]["valid"] == 1
    assert [e["rule"] for e in report["files"][0]["errors"]] == ["ref-resolves", "register-referenced"]
    assert bagit.Bag(str(bag)).validate()
    # Fixity is intact but verify still reports the TEI it re-validates.
    assert [p.message.split("]")[0] for p in verify_package(bag).problems] == ["invalid TEI: [ref-resolves", "invalid TEI: [register-referenced"]


# ---------------------------------------------------------------- CLI and atomicity


def test_make_cli_reports_and_verify_accepts(tmp_path):
    src = corpus(tmp_path / "in")
    out = tmp_path / "out.tar.gz"
    result = run("deposit", "make", src, "-o", out, "--no-editions")
    assert result.exit_code == 0, result.stderr
    size = sum(p.stat().st_size for p in src.iterdir())
    assert result.stdout.startswith(f"{out}: tar.gz package of 2 article(s), 7 payload files (")
    assert result.stdout.endswith("bytes), Bagging-Date 2014-03-02\n") and size > 0
    checked = run("deposit", "verify", out)
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout == f"{out}: intact: 7 payload files match their sha256 and sha512 checksums; 2 TEI file(s) valid against the packaged schema\n"


@pytest.mark.parametrize("args, message", [
    (["--format", "rar"], "Invalid value for '--format': must be one of: dir, zip, tar.gz"),
    (["--bagging-date", "2014-13-01"], "Invalid value for '--bagging-date': must be a date YYYY-MM-DD"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "x", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())


def test_missing_input_and_existing_directory(tmp_path):
    result = run("deposit", "make", tmp_path / "absent", "-o", tmp_path / "x")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'absent'}: no such file or directory\n")
    (tmp_path / "taken").mkdir()
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "taken", "--no-editions")
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path / 'taken'}: already exists; a package is never written over a directory\n")
    result = run("deposit", "make", tmp_path / "taken", "-o", tmp_path / "x.zip")
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path / 'taken'}: no TEI files (*.xml) found\n")


@pytest.mark.parametrize("name", ["out", "out.zip", "out.tar.gz"])
def test_a_failure_midway_leaves_nothing(tmp_path, monkeypatch, name):
    class Broken:
        def render(self, tree, source, tei_href):
            raise RenderError("stylesheet failed", path=str(source))

    monkeypatch.setattr(stages, "Editions", Broken)
    (tmp_path / "target").mkdir()
    with pytest.raises(RenderError):
        make_package([corpus(tmp_path / "in")], tmp_path / "target" / name, DepositOptions())
    assert os.listdir(tmp_path / "target") == []


def test_help_for_every_command_and_option():
    import typer.main

    group = typer.main.get_command(app).commands["deposit"]
    assert group.help
    for name in ("make", "verify"):
        command = group.commands[name]
        assert command.help and run("deposit", name, "--help").exit_code == 0
        for param in command.params:
            assert param.help, f"{name} {param.name} has no help"
    options = {opt for p in group.commands["make"].params for opt in p.opts + p.secondary_opts}
    assert {"--output", "--format", "--no-editions", "--allow-invalid", "--bagging-date", "--source-organization",
            "--contact-name", "--contact-email", "--external-identifier", "--external-description"} <= options


# ---------------------------------------------------------------- name safety


@pytest.mark.parametrize("raw, expected", [
    ("Hội nghị Đà Nẵng", "Hoi-nghi-Da-Nang"),
    (unicodedata.normalize("NFD", "Hội nghị Đà Nẵng"), "Hoi-nghi-Da-Nang"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "article"),
    (".hidden", "hidden"),
    ("a..b", "a.b"),
    ("  spaces and\ttabs  ", "spaces-and-tabs"),
    ("名前", "article"),
    ("x" * 300, "x" * 100),
])
def test_slugify_stem(raw, expected):
    assert slugify_stem(raw) == expected


def test_collisions_resolve_in_input_order_case_insensitively():
    names = assign_names([Path("a/Tin.xml"), Path("b/tin.xml"), Path("c/Tín.xml"), Path("d/tin-2.xml")], ".xml")
    assert list(names.values()) == ["Tin.xml", "tin-2.xml", "Tin-3.xml", "tin-2-2.xml"]


def test_payload_names_are_ascii_nfc_and_inside_the_package(tmp_path):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    shutil.copyfile(DATA / "art-one.xml", src / "a" / unicodedata.normalize("NFD", "Hội nghị.xml"))
    shutil.copyfile(DATA / "art-two.xml", src / "b" / "Hội nghị.xml")
    bag = tmp_path / "bag"
    make_package([src], bag, NO_EDITIONS)
    assert tree_listing(bag / "data" / "tei") == ["Hoi-nghi-2.xml", "Hoi-nghi.xml"]
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    assert [f["source_name"] for f in report["files"]] == ["Hội nghị.xml", unicodedata.normalize("NFD", "Hội nghị.xml")]


@pytest.mark.parametrize("relative", ["../x", "/etc/x", "a/../../x", "a/./b", "a\\..\\b", ""])
def test_contained_refuses_escapes(tmp_path, relative):
    with pytest.raises(DepositError):
        contained(tmp_path, relative)


def test_contained_refuses_a_symlink_escape(tmp_path):
    (tmp_path / "bag").mkdir()
    (tmp_path / "bag" / "link").symlink_to(tmp_path)
    with pytest.raises(DepositError, match="path escapes the package: 'link/x'"):
        contained(tmp_path / "bag", "link/x")


def test_symlinked_inputs_are_refused(tmp_path):
    src = corpus(tmp_path / "in")
    outside = corpus(tmp_path / "outside", ("art-two.xml",)) / "art-two.xml"
    (src / "sneaky.xml").symlink_to(outside)
    result = run("deposit", "make", src, "-o", tmp_path / "out", "--no-editions")
    assert result.exit_code == 1
    assert result.stderr == f"error: {src / 'sneaky.xml'}: is a symbolic link; a deposit takes only regular files (name the file it points to)\n"
    assert not (tmp_path / "out").exists()


def test_schema_lookup_fails_clearly_when_schema_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_SCHEMA_DIR", str(tmp_path / "schema"))
    with pytest.raises(DepositError) as caught:
        stages.schema_dir()
    assert str(caught.value) == (
        f"{tmp_path / 'schema'}: project schema not found (missing teikit.odd, teikit.rng, teikit.sch); "
        "is teikit installed from its source tree?"
    )


def test_fixture_articles_are_tei_conformant(assert_tei_all_valid):
    for name in ARTICLES:
        assert_tei_all_valid(DATA / name)


def test_editions_are_included_by_default(tmp_path):
    bag = tmp_path / "bag"
    src = corpus(tmp_path / "in")
    shutil.move(src / "art-one.xml", src / "Bài một.xml")  # the edition names follow the safe TEI name
    result = make_package([src], bag)
    assert tree_listing(bag / "data" / "editions") == ["html/Bai-mot.html", "html/art-two.html", "txt/Bai-mot.txt", "txt/art-two.txt"]
    html = (bag / "data/editions/html/Bai-mot.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'href="../../tei/Bai-mot.xml"' in html
    assert "Hội nghị tổng kết công tác năm" in html
    assert str(tmp_path) not in html  # no input path leaks into the package
    text = (bag / "data/editions/txt/Bai-mot.txt").read_text(encoding="utf-8")
    assert "Ngày 15/1/2014, tại Hà Nội, Bộ Tài chính tổ chức hội nghị." in text
    assert result.payload_files == 11
    assert bagit.Bag(str(bag)).validate()
    assert verify_package(bag).ok
