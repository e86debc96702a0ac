"""deposit make: the package's layout, bag-info, Bagging-Date, sources, metadata, refusal of
invalid TEI, output guards, name safety."""

from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tarfile
import time
import unicodedata
from pathlib import Path

import bagit
import pytest
from typer.testing import CliRunner

from teikit import __version__
from teikit.cli import app
from teikit.deposit import DepositOptions, OutputError, make_package, verify_package
from teikit.deposit import dates, sources, stages
import teikit.deposit.make as make_module
from teikit.deposit.safenames import assign_names, contained, safe_names, slugify_stem
from teikit.errors import DepositError, RenderError

DATA = Path(__file__).resolve().parent / "data" / "deposit"
ARTICLES = ("art-one.xml", "art-two.xml")
SOURCES = ("art-one.txt", "art-two.txt")  # the files the TEI headers name, with the sha256 they record
NO_EDITIONS = DepositOptions(editions=False)
TODAY = dt.date(2026, 5, 4)  # the clock, as the tests fix it (fixed_clock)
NO_SOURCES_WARNING = (
    "warning: no sources given: the package holds no source files, so the sha256 in its TEI headers "
    "cannot be checked inside it (give --sources FOLDER)\n"
)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """Today is TODAY, and SOURCE_DATE_EPOCH is unset unless a test sets it."""
    monkeypatch.setattr(dates, "today_utc", lambda: TODAY)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def corpus(folder: Path, names=ARTICLES, sources=SOURCES) -> Path:
    """A fresh copy of the hand-written TEI articles, and their source files, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (*names, *sources):
        shutil.copyfile(DATA / name, folder / name)
    return folder


def with_sources(folder: Path, **options) -> DepositOptions:
    """Options packaging the sources found in `folder` (no editions unless asked)."""
    return DepositOptions(**{"editions": False, "sources": (folder,), **options})


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    """Every name under `folder`, hidden ones (staging) included."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


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
    src = corpus(tmp_path / "in")
    result = make_package([src], bag, with_sources(src))
    assert tree_listing(bag) == [
        "bag-info.txt", "bagit.txt",
        "data/metadata/metadata.csv", "data/metadata/validation-report.json",
        "data/schema/teikit.odd", "data/schema/teikit.rng", "data/schema/teikit.sch",
        "data/sources/art-one.txt", "data/sources/art-two.txt",
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
    assert (bag / "data/sources/art-one.txt").read_bytes() == (DATA / "art-one.txt").read_bytes()
    assert (bag / "data/schema/teikit.rng").read_bytes() == (stages.schema_dir() / "teikit.rng").read_bytes()
    tags = [line.split("  ")[1] for line in (bag / "tagmanifest-sha512.txt").read_text().splitlines()]
    assert tags == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"]
    assert (result.articles, result.source_files, result.payload_files, result.format) == (2, 2, 9, "dir")
    assert (result.replaced, result.warnings) == (False, ())


def info_of(bag: Path) -> dict[str, list[str]]:
    info: dict[str, list[str]] = {}
    for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines():
        key, value = line.split(": ", 1)
        info.setdefault(key, []).append(value)
    return info


def test_bag_info_elements(tmp_path):
    bag = tmp_path / "corpus-2014"
    src = corpus(tmp_path / "in")
    options = with_sources(src, source_organization="Thư viện Mẫu", contact_name="A. Archivist", contact_email="a@example.org")
    make_package([src], bag, options)
    info = info_of(bag)
    payload = [p for p in (bag / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == [f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"]
    assert info["Bagging-Date"] == ["2026-05-04"]  # the day the bag is made, not an article's date (2014)
    assert info["Source-Organization"] == ["Thư viện Mẫu"]
    assert info["Contact-Name"] == ["A. Archivist"] and info["Contact-Email"] == ["a@example.org"]
    assert info["External-Identifier"] == ["corpus-2014"]
    assert info["External-Description"] == [
        f"2 news article(s) as TEI P5 made with teikit {__version__}: TEI P5 masters with their 2 source file(s), "
        "the project schema (ODD, RELAX NG, Schematron), Dublin Core metadata (metadata.csv) and a validation report."
    ]
    assert info["Bag-Software-Agent"][0] == f"teikit {__version__}"
    assert info["Bag-Software-Agent"][1].startswith("bagit.py v")
    assert info["Teikit-Source-Files"] == ["2"]
    assert "Teikit-Allow-Invalid" not in info
    assert list(info)[:3] == ["Source-Organization", "Contact-Name", "Contact-Email"]


# ---------------------------------------------------------------- Bagging-Date: the day the bag is made


def tar_mtimes(package: Path) -> set[int]:
    with tarfile.open(package) as archive:
        return {member.mtime for member in archive.getmembers()}


def midnight(day: str) -> int:
    return calendar.timegm(dt.date.fromisoformat(day).timetuple())


def test_bagging_date_is_today_in_utc_by_default(tmp_path):
    package = tmp_path / "pkg.tar.gz"
    result = make_package([corpus(tmp_path / "in")], package, NO_EDITIONS)
    assert result.bagging_date == "2026-05-04"
    assert tar_mtimes(package) == {midnight("2026-05-04")}  # the archive's times are the Bagging-Date's


def test_the_real_clock_is_read_in_utc(monkeypatch):
    monkeypatch.undo()  # the real dates.today_utc, SOURCE_DATE_EPOCH as the environment has it
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.timezone.utc).date().isoformat()
    day = dates.bagging_day(None)
    after = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert day in {before, after}


def test_bagging_date_option_wins_over_source_date_epoch_and_the_clock(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1393718400")
    package = tmp_path / "pkg.tar.gz"
    result = make_package([corpus(tmp_path / "in")], package, DepositOptions(editions=False, bagging_date="2020-05-06"))
    assert result.bagging_date == "2020-05-06"
    assert tar_mtimes(package) == {midnight("2020-05-06")}


@pytest.fixture
def far_east(monkeypatch):
    """The local time zone is UTC+14, where the local day is often not the UTC day."""
    monkeypatch.setenv("TZ", "LINT-14")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("epoch, day", [
    ("1393718400", "2014-03-02"),   # 2014-03-02T00:00:00Z
    ("1393804799", "2014-03-02"),   # 23:59:59 the same day: the UTC day, whatever the local zone
    ("1393804800", "2014-03-03"),
    (" 0 ", "1970-01-01"),
    ("", "2026-05-04"),             # set but empty: as if unset, today
])
def test_source_date_epoch_gives_its_utc_day(tmp_path, monkeypatch, far_east, epoch, day):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    bag = tmp_path / "bag"
    make_package([corpus(tmp_path / "in")], bag, NO_EDITIONS)
    assert info_of(bag)["Bagging-Date"] == [day]


@pytest.mark.parametrize("epoch, message", [
    ("yesterday", "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970-01-01 (unset it, or give --bagging-date)"),
    ("1.5", "SOURCE_DATE_EPOCH='1.5' is not a whole number of seconds since 1970-01-01 (unset it, or give --bagging-date)"),
    ("-86400", "SOURCE_DATE_EPOCH='-86400' is not a whole number of seconds since 1970-01-01 (unset it, or give --bagging-date)"),
    ("9" * 20, f"SOURCE_DATE_EPOCH='{'9' * 20}' is out of range for a date (unset it, or give --bagging-date)"),
])
def test_an_invalid_source_date_epoch_is_one_error_line(tmp_path, monkeypatch, epoch, message):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    src = corpus(tmp_path / "in")
    result = run("deposit", "make", src, "-o", tmp_path / "out.zip", "--no-editions")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {message}\n")
    assert sorted(os.listdir(tmp_path)) == ["in"]
    # --bagging-date makes the environment irrelevant.
    assert run("deposit", "make", src, "-o", tmp_path / "out.zip", "--no-editions", "--bagging-date", "2020-01-01").exit_code == 0


def test_an_invalid_bagging_date_option_is_refused_by_the_library(tmp_path):
    with pytest.raises(DepositError) as caught:
        make_package([corpus(tmp_path / "in")], tmp_path / "bag", DepositOptions(editions=False, bagging_date="2014-3-2"))
    assert str(caught.value) == "bagging date '2014-3-2' is not a date YYYY-MM-DD"
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_undated_articles_never_stop_a_deposit(tmp_path):
    src = corpus(tmp_path / "in")
    for name in ARTICLES:
        # The header date is optional ("absent when the source has no date").
        lines = (src / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (src / name).write_text("".join(l for l in lines if not l.strip().startswith("<date when=")), encoding="utf-8")
    bag = tmp_path / "undated"
    result = run("deposit", "make", src, "-o", bag, "--no-editions")
    assert result.exit_code == 0, result.stderr
    assert info_of(bag)["Bagging-Date"] == ["2026-05-04"]
    rows = list(csv.DictReader(io.StringIO((bag / "data/metadata/metadata.csv").read_text(encoding="utf-8"))))
    assert [row["dc.date"] for row in rows] == ["", ""]


@pytest.mark.parametrize("how", ["option", "SOURCE_DATE_EPOCH"])
@pytest.mark.parametrize("fmt", ["zip", "tar.gz"])
def test_rebuilds_on_other_days_are_byte_identical_with_a_fixed_date(tmp_path, monkeypatch, how, fmt):
    options = DepositOptions(bagging_date="2014-03-02") if how == "option" else DepositOptions()
    if how == "SOURCE_DATE_EPOCH":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1393718400")
    builds = []
    for n, today in enumerate((dt.date(2026, 5, 4), dt.date(2031, 1, 1))):
        monkeypatch.setattr(dates, "today_utc", lambda today=today: today)
        package = tmp_path / f"build-{n}" / f"pkg.{fmt}"
        src = corpus(tmp_path / f"build-{n}" / "in")
        make_package([src], package, dataclasses.replace(options, editions=False, sources=(src,)))
        builds.append(package.read_bytes())
    assert builds[0] == builds[1]


def test_without_a_fixed_date_the_day_of_building_shows(tmp_path, monkeypatch):
    builds = []
    for n, today in enumerate((dt.date(2026, 5, 4), dt.date(2026, 5, 5))):
        monkeypatch.setattr(dates, "today_utc", lambda today=today: today)
        package = tmp_path / f"build-{n}" / "pkg.tar.gz"
        make_package([corpus(tmp_path / f"build-{n}" / "in")], package, NO_EDITIONS)
        builds.append(package.read_bytes())
    assert builds[0] != builds[1]


def test_metadata_csv(tmp_path):
    bag = tmp_path / "bag"
    src = corpus(tmp_path / "in")
    make_package([src], bag, with_sources(src))
    rows = list(csv.reader(io.StringIO((bag / "data/metadata/metadata.csv").read_text(encoding="utf-8"))))
    assert rows == [
        ["filename", "dc.title", "dc.creator", "dc.date", "dc.language", "dc.source", "dc.identifier", "teikit.source_file"],
        ["data/tei/art-one.xml", "Hội nghị tổng kết công tác năm", "Nguyễn Văn An", "2014-01-15", "vi", "https://example.org/tin/hoi-nghi", "doc-art-one", "data/sources/art-one.txt"],
        ["data/tei/art-two.xml", "Khai mạc triển lãm ảnh", "", "2014-03-02", "vi", "art-two.txt", "doc-art-two", "data/sources/art-two.txt"],
    ]
    assert unicodedata.is_normalized("NFC", (bag / "data/metadata/metadata.csv").read_text(encoding="utf-8"))


def test_validation_report_of_a_valid_package(tmp_path):
    bag = tmp_path / "bag"
    src = corpus(tmp_path / "in")
    make_package([src], bag, with_sources(src))
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    assert report["generator"] == f"teikit {__version__}"
    assert report["allow_invalid"] is False
    assert report["summary"] == {"files": 2, "valid": 2, "invalid": 0, "errors": 0}
    assert [(f["file"], f["source_name"], f["source_file"], f["valid"], f["errors"]) for f in report["files"]] == [
        ("data/tei/art-one.xml", "art-one.xml", "data/sources/art-one.txt", True, []),
        ("data/tei/art-two.xml", "art-two.xml", "data/sources/art-two.txt", True, []),
    ]


# ---------------------------------------------------------------- invalid TEI


def test_invalid_tei_is_refused_with_every_error(tmp_path):
    src = corpus(tmp_path / "in")
    bad = make_invalid(src / "art-one.xml")
    result = run("deposit", "make", src, "-o", tmp_path / "out.zip", "--no-editions")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"error: refusing to package 1 invalid TEI file(s) of 2: {bad} (fix them, or package them as they are: teikit deposit make --allow-invalid)"
    assert all(line.startswith(f"{bad}:") for line in lines[:-1]) and len(lines) == 3
    assert "error: [ref-resolves]" in lines[0] and "#pers-nobody" in lines[0]
    assert "error: [register-referenced]" in lines[1]
    assert sorted(os.listdir(tmp_path)) == ["in"]  # no package, no staging left behind


def test_a_repeated_xml_id_is_a_finding_that_allow_invalid_packages(tmp_path):
    # It was "not well-formed" to deposit make, which packaged nothing even with --allow-invalid.
    src = corpus(tmp_path / "in")
    one = src / "art-one.xml"
    one.write_text(one.read_text(encoding="utf-8").replace("<p>", '<p xml:id="dup">', 2), encoding="utf-8")
    bag = tmp_path / "out"
    result = run("deposit", "make", src, "-o", bag, "--no-editions", "--allow-invalid", "--sources", src)
    assert result.exit_code == 0, result.stderr
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    rules = {issue["rule"] for entry in report["files"] for issue in entry["errors"]}
    assert rules and "xml-syntax" not in rules  # what the schema says of it (RELAX NG's ID check), not a parse error


def test_allow_invalid_is_recorded(tmp_path):
    src = corpus(tmp_path / "in")
    bad = make_invalid(src / "art-one.xml")
    bag = tmp_path / "out"
    result = run("deposit", "make", src, "-o", bag, "--no-editions", "--allow-invalid", "--sources", src)
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
    result = run("deposit", "make", src, "-o", out, "--no-editions", "--sources", src)
    assert (result.exit_code, result.stderr) == (0, "")
    with tarfile.open(out) as archive:
        payload = [m for m in archive.getmembers() if m.isfile() and m.name.startswith("out/data/")]
    assert result.stdout == (
        f"{out}: tar.gz package of 2 article(s) and 2 source file(s), 9 payload files ({sum(m.size for m in payload)} bytes), "
        "Bagging-Date 2026-05-04\n"
    ) and len(payload) == 9
    checked = run("deposit", "verify", out)
    assert (checked.exit_code, checked.stderr) == (0, "")
    assert checked.stdout == (
        f"{out}: intact: 9 payload files match their sha256 and sha512 checksums; 2 TEI file(s) valid against teikit's schema 0.1.0; "
        "2 TEI header(s) match their packaged source's sha256\n"
    )


@pytest.mark.parametrize("args, message", [
    (["--format", "rar"], "error: Invalid value for '--format': Value error, 'rar' is not one of 'dir', 'zip', "
                          "'tar.gz' (see 'teikit deposit make -h')\n"),  # typer's words: the choices are archive.FORMATS
])
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "x", *args)
    assert result.exit_code == 2
    assert result.stderr == message


@pytest.mark.parametrize("day", ["2014-13-01", "2014-3-2", "20140302", "yesterday"])
def test_a_bagging_date_that_is_not_a_day_is_a_usage_error(tmp_path, day):
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "x", "--bagging-date", day)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: --bagging-date {day}: not a date YYYY-MM-DD\n")
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_missing_input_and_existing_directory(tmp_path):
    result = run("deposit", "make", tmp_path / "absent", "-o", tmp_path / "x")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'absent'}: no such file or directory\n")
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine\n")
    for replace in ([], ["--replace"]):  # an existing directory is never written over nor replaced: a usage error
        result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "taken", "--no-editions", *replace)
        assert (result.exit_code, result.stderr) == (2, (
            f"error: {tmp_path / 'taken'}: already exists as a directory; a package never writes over a directory "
            "(choose another name, or remove it)\n"))
        assert listing(tmp_path / "taken") == ["keep.txt"]
    result = run("deposit", "make", tmp_path / "taken", "-o", tmp_path / "x.zip")
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path / 'taken'}: no TEI files (*.xml, *.tei) found\n")


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

    group = typer.main.get_command(app).get_command(None, "deposit")
    assert group.help
    for name in ("make", "verify"):
        command = group.commands[name]
        assert command.help and run("deposit", name, "--help").exit_code == 0
        for param in command.params:
            assert param.help, f"{name} {param.name} has no help"
    options = {opt for p in group.commands["make"].params for opt in p.opts + p.secondary_opts}
    assert {"--output", "--format", "--no-editions", "--allow-invalid", "--bagging-date", "--source-organization",
            "--contact-name", "--contact-email", "--external-identifier", "--external-description",
            "--sources", "--replace"} <= options
    bagging = next(p for p in group.commands["make"].params if "--bagging-date" in p.opts)
    assert bagging.help == ("Bagging-Date YYYY-MM-DD, the day the bag is made (default: the UTC day of $SOURCE_DATE_EPOCH "
                            "when set, else today in UTC). Either keeps rebuilds byte-identical.")


# ---------------------------------------------------------------- sources: found by sha256, packaged, linked


def set_source_name(tei: Path, name: str) -> None:
    """Make the header record `name` as its source file's name."""
    text = tei.read_text(encoding="utf-8")
    start = text.index('<idno type="filename">') + len('<idno type="filename">')
    tei.write_text(text[:start] + name + text[text.index("</idno>", start):], encoding="utf-8")


def links_of(bag: Path) -> list[tuple[str, str]]:
    rows = csv.DictReader(io.StringIO((bag / "data/metadata/metadata.csv").read_text(encoding="utf-8")))
    return [(row["filename"], row["teikit.source_file"]) for row in rows]


def test_sources_are_found_by_sha256_and_named_as_the_header_records(tmp_path):
    src = corpus(tmp_path / "in", sources=())
    elsewhere = tmp_path / "archive" / "2014"
    elsewhere.mkdir(parents=True)
    shutil.copyfile(DATA / "art-one.txt", elsewhere / "renamed by someone.txt")
    (elsewhere / "art-one.txt").write_text("Một bài khác cùng tên.\n", encoding="utf-8")  # a decoy: the name, not the bytes
    shutil.copyfile(DATA / "art-two.txt", elsewhere / "art-two.txt")
    bag = tmp_path / "bag"
    result = make_package([src], bag, with_sources(tmp_path / "archive"))
    assert tree_listing(bag / "data" / "sources") == ["art-one.txt", "art-two.txt"]
    for name in SOURCES:
        assert (bag / "data/sources" / name).read_bytes() == (DATA / name).read_bytes()
    assert links_of(bag) == [("data/tei/art-one.xml", "data/sources/art-one.txt"), ("data/tei/art-two.xml", "data/sources/art-two.txt")]
    assert result.source_files == 2 and verify_package(bag).ok


def test_the_recorded_name_is_hashed_first_and_other_files_only_when_needed(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in")
    for n in range(3):
        (src / f"other-{n}.txt").write_text(f"không liên quan {n}\n", encoding="utf-8")
    hashed = []
    real = sources.sha256_of
    monkeypatch.setattr(sources, "sha256_of", lambda path: hashed.append(Path(path).name) or real(path))
    make_package([src], tmp_path / "bag", with_sources(src))
    assert hashed == ["art-one.txt", "art-two.txt"]
    hashed.clear()
    (src / "art-two.txt").rename(src / "renamed.txt")
    make_package([src], tmp_path / "bag2", with_sources(src))
    # art-two.txt is gone: every candidate is hashed once, in order, until the sha256 is found.
    assert hashed == ["art-one.txt", "art-one.xml", "art-two.xml", "other-0.txt", "other-1.txt", "other-2.txt", "renamed.txt"]


def test_articles_with_one_source_share_one_packaged_file(tmp_path):
    src = corpus(tmp_path / "in")
    shutil.copyfile(DATA / "art-two.xml", src / "art-two-again.xml")
    bag = tmp_path / "bag"
    result = make_package([src], bag, with_sources(src))
    assert tree_listing(bag / "data" / "sources") == ["art-one.txt", "art-two.txt"] and result.source_files == 2
    assert links_of(bag) == [
        ("data/tei/art-one.xml", "data/sources/art-one.txt"),
        ("data/tei/art-two-again.xml", "data/sources/art-two.txt"),
        ("data/tei/art-two.xml", "data/sources/art-two.txt"),
    ]
    assert verify_package(bag).ok


def test_sources_may_be_several_folders_and_files(tmp_path):
    src = corpus(tmp_path / "in", sources=())
    corpus(tmp_path / "a", names=(), sources=("art-one.txt",))
    shutil.copyfile(DATA / "art-two.txt", tmp_path / "art-two.txt")
    bag = tmp_path / "bag"
    result = run("deposit", "make", src, "-o", bag, "--no-editions", "--sources", tmp_path / "a", "--sources", tmp_path / "art-two.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert tree_listing(bag / "data" / "sources") == ["art-one.txt", "art-two.txt"]


def test_a_source_not_found_is_an_error_naming_the_tei_and_what_was_searched(tmp_path):
    src = corpus(tmp_path / "in", sources=("art-two.txt",))
    result = run("deposit", "make", src, "-o", tmp_path / "out.zip", "--no-editions", "--sources", src)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"error: {src / 'art-one.xml'}: its source art-one.txt (sha256 {sha256(DATA / 'art-one.txt')}) "
        f"is not among the 3 file(s) in {src}\n"))
    assert sorted(os.listdir(tmp_path)) == ["in"]  # nothing written


def test_a_source_changed_since_conversion_is_named(tmp_path):
    src = corpus(tmp_path / "in")
    with open(src / "art-one.txt", "a", encoding="utf-8") as handle:
        handle.write("Sửa sau khi chuyển đổi.\n")
    with pytest.raises(DepositError) as caught:
        make_package([src], tmp_path / "bag", with_sources(src, bagging_date="2014-01-01"))
    assert str(caught.value) == (
        f"{src / 'art-one.xml'}: its source art-one.txt (sha256 {sha256(DATA / 'art-one.txt')}) is not among the 4 file(s) in {src}; "
        f"{src / 'art-one.txt'} has that name but other bytes (changed since conversion?)"
    )
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_a_source_changed_while_packaging_is_refused(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in")
    real = make_module.SourceFinder.find

    def and_meanwhile(finder, name, sha256):
        found = real(finder, name, sha256)
        if found is not None and found.name == "art-two.txt":
            found.write_text("đổi giữa chừng\n", encoding="utf-8")  # changed after it was found by its sha256
        return found

    monkeypatch.setattr(make_module.SourceFinder, "find", and_meanwhile)
    with pytest.raises(DepositError) as caught:
        make_package([src], tmp_path / "bag", with_sources(src))
    assert str(caught.value) == f"{src / 'art-two.txt'}: changed while the package was being made"
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_a_missing_sources_folder_is_a_usage_error(tmp_path):
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", tmp_path / "out", "--sources", tmp_path / "nowhere")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'nowhere'}: no such file or directory (--sources)\n")
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_linked_source_files_and_folders_are_not_followed(tmp_path):
    src = corpus(tmp_path / "in", sources=("art-two.txt",))
    outside = corpus(tmp_path / "outside", names=(), sources=("art-one.txt",))
    (src / "art-one.txt").symlink_to(outside / "art-one.txt")
    (src / "linked-folder").symlink_to(outside, target_is_directory=True)
    with pytest.raises(DepositError) as caught:
        make_package([src], tmp_path / "bag", with_sources(src))
    assert str(caught.value) == (
        f"{src / 'art-one.xml'}: its source art-one.txt (sha256 {sha256(DATA / 'art-one.txt')}) is not among the 3 file(s) in {src}"
    )


def test_a_tei_without_a_source_sha256_cannot_have_its_source_found(tmp_path):
    src = corpus(tmp_path / "in")
    text = (src / "art-two.xml").read_text(encoding="utf-8")
    (src / "art-two.xml").write_text("".join(l for l in text.splitlines(keepends=True) if 'type="sha256"' not in l), encoding="utf-8")
    with pytest.raises(DepositError) as caught:
        make_package([src], tmp_path / "bag", with_sources(src, allow_invalid=True))
    assert str(caught.value) == (
        f"{src / 'art-two.xml'}: its header records no sha256 of its source "
        "(sourceDesc/bibl/idno[@type='sha256'], 64 hex digits), so its source cannot be found"
    )
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_packaged_source_names_are_safe_and_distinct(tmp_path):
    src = corpus(tmp_path / "in")
    set_source_name(src / "art-one.xml", "../../Bài một.TXT")
    set_source_name(src / "art-two.xml", "bài một.txt")
    bag = tmp_path / "bag"
    make_package([src], bag, with_sources(src))
    assert tree_listing(bag / "data" / "sources") == ["Bai-mot.TXT", "bai-mot-2.txt"]
    assert links_of(bag) == [("data/tei/art-one.xml", "data/sources/Bai-mot.TXT"), ("data/tei/art-two.xml", "data/sources/bai-mot-2.txt")]
    assert verify_package(bag).ok


@pytest.mark.parametrize("names, expected", [
    (["art-one.txt", "ART-ONE.txt", "art-one.txt"], ["art-one.txt", "ART-ONE-2.txt", "art-one-3.txt"]),
    (["../../etc/passwd"], ["etc-passwd"]),
    (["Tin ngày 2/3.html"], ["Tin-ngay-2-3.html"]),  # a slash in a recorded name is no folder
    (["a.tar.gz", ".hidden", "x.t x!t"], ["a.tar.gz", "hidden", "x.txt"]),
    (["..", "名前.txt", "名.txt"], ["source", "source.txt", "source-2.txt"]),
])
def test_safe_names_keep_the_suffix(names, expected):
    assert safe_names(names) == expected


def test_without_sources_the_package_says_it_holds_none(tmp_path):
    src = corpus(tmp_path / "in")
    bag = tmp_path / "bag"
    result = run("deposit", "make", src, "-o", bag, "--no-editions")
    assert (result.exit_code, result.stderr) == (0, NO_SOURCES_WARNING)
    assert f"{bag}: dir package of 2 article(s) and 0 source file(s), 7 payload files (" in result.stdout
    assert not (bag / "data" / "sources").exists()
    assert info_of(bag)["Teikit-Source-Files"] == ["0"]
    assert links_of(bag) == [("data/tei/art-one.xml", ""), ("data/tei/art-two.xml", "")]
    report = json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))
    assert [f["source_file"] for f in report["files"]] == [None, None]
    assert make_package([src], tmp_path / "lib", NO_EDITIONS).warnings == (NO_SOURCES_WARNING.removeprefix("warning: ").rstrip("\n"),)


# ---------------------------------------------------------------- output guards: the name says the format, no package is lost


@pytest.mark.parametrize("name, suffix", [("x.7z", ".7z"), ("x.rar", ".rar"), ("x.tar.bz2", ".tar.bz2"), ("corpus.v2", ".v2")])
def test_an_unknown_archive_suffix_is_refused(tmp_path, name, suffix):
    out = tmp_path / "out" / name
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", out, "--no-editions")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        f"error: {out}: unknown archive suffix {suffix!r}: name the package NAME.zip, NAME.tar.gz or NAME.tgz "
        "(or give --format dir for a directory of this name)\n"))
    assert sorted(os.listdir(tmp_path)) == ["in"]


def test_format_dir_makes_a_directory_of_a_dotted_name(tmp_path):
    out = tmp_path / "corpus.v2"
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", out, "--no-editions", "--format", "dir")
    assert result.exit_code == 0, result.stderr
    assert out.is_dir() and verify_package(out).ok


@pytest.mark.parametrize("name, fmt, message", [
    ("x.tar.gz", "zip", "a zip package must be named NAME.zip"),
    ("x", "tar.gz", "a tar.gz package must be named NAME.tar.gz"),
    ("x.7z", "zip", "a zip package must be named NAME.zip, not '.7z'"),
    ("x.zip", "dir", "--format dir contradicts the name's '.zip' suffix (a directory named like an archive)"),
])
def test_a_format_the_name_contradicts_is_refused(tmp_path, name, fmt, message):
    out = tmp_path / name
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", out, "--no-editions", "--format", fmt)
    assert (result.exit_code, result.stderr) == (2, f"error: {out}: {message}\n")
    assert sorted(os.listdir(tmp_path)) == ["in"]


@pytest.mark.parametrize("name", ["out.zip", "out.tar.gz", "out.tgz"])
def test_an_existing_file_is_refused_without_replace(tmp_path, name):
    out = tmp_path / name
    out.write_bytes(b"an older package\n")
    result = run("deposit", "make", corpus(tmp_path / "in"), "-o", out, "--no-editions")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        f"error: {out}: already exists; give --replace to replace it with the new package, or choose another name\n"))
    assert out.read_bytes() == b"an older package\n"
    assert sorted(os.listdir(tmp_path)) == ["in", name]


def test_replace_swaps_a_directory_package_whole_and_never_a_folder_that_is_not_one(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in")
    out = tmp_path / "pkg"
    assert run("deposit", "make", src, "-o", out, "--no-editions", "--sources", src, "--bagging-date", "2014-01-01").exit_code == 0
    old_info = (out / "bag-info.txt").read_text(encoding="utf-8")
    again = run("deposit", "make", src, "-o", out, "--no-editions", "--sources", src, "--replace")
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout.splitlines()[0] == f"{out}: replaced the package that was there"
    assert (out / "bag-info.txt").read_text(encoding="utf-8") != old_info and verify_package(out).ok
    assert sorted(os.listdir(tmp_path)) == ["in", "pkg"]  # the old package and the staging folder are gone
    # Where the atomic exchange is not available, two renames do the same.
    from teikit.deposit import output as output_module
    monkeypatch.setattr(output_module, "_exchange", lambda a, b: False)
    assert make_package([src], out, with_sources(src, replace=True, format="dir")).replaced is True
    assert verify_package(out).ok and sorted(os.listdir(tmp_path)) == ["in", "pkg"]


@pytest.mark.parametrize("name", ["out.zip", "out.tar.gz"])
def test_replace_finishes_the_new_package_then_renames_it_over_the_old(tmp_path, name):
    src = corpus(tmp_path / "in")
    out = tmp_path / name
    first = run("deposit", "make", src, "-o", out, "--no-editions", "--sources", src, "--bagging-date", "2014-01-01")
    assert (first.exit_code, first.stderr) == (0, "")
    old = out.read_bytes()
    again = run("deposit", "make", src, "-o", out, "--no-editions", "--sources", src, "--replace")
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout.splitlines()[0] == f"{out}: replaced the package that was there"
    assert again.stdout.splitlines()[1].endswith("Bagging-Date 2026-05-04")
    assert out.read_bytes() != old and verify_package(out).ok
    assert sorted(os.listdir(tmp_path)) == ["in", name]  # no staging, no temporary file left
    assert make_package([src], out, with_sources(src, replace=True)).replaced is True
    assert make_package([src], tmp_path / "new.zip", with_sources(src, replace=True)).replaced is False


def test_a_failed_replace_keeps_the_old_package(tmp_path, monkeypatch):
    src = corpus(tmp_path / "in")
    out = tmp_path / "out.zip"
    out.write_bytes(b"the old package\n")

    def half_written(root, target, fmt, mtime):
        Path(target).write_bytes(b"PK half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(make_module, "write_archive", half_written)
    with pytest.raises(DepositError) as caught:
        make_package([src], out, with_sources(src, replace=True))
    assert str(caught.value) == (f"{out}: cannot be made: no space left on device; nothing was written "
                                 "(a package already there is kept)")
    assert out.read_bytes() == b"the old package\n"
    assert sorted(os.listdir(tmp_path)) == ["in", "out.zip"]
    monkeypatch.undo()
    make_invalid(src / "art-one.xml")
    result = run("deposit", "make", src, "-o", out, "--no-editions", "--replace")
    assert result.exit_code == 1
    assert out.read_bytes() == b"the old package\n"
    assert sorted(os.listdir(tmp_path)) == ["in", "out.zip"]


def test_replace_never_turns_a_file_into_a_directory_nor_replaces_a_link(tmp_path):
    src = corpus(tmp_path / "in")
    (tmp_path / "pkg").write_bytes(b"old\n")
    result = run("deposit", "make", src, "-o", tmp_path / "pkg", "--no-editions", "--replace")
    assert (result.exit_code, result.stderr) == (2, (
        f"error: {tmp_path / 'pkg'}: already exists as a file; a directory package cannot replace it (remove it, or choose another name)\n"))
    (tmp_path / "real.zip").write_bytes(b"old\n")
    (tmp_path / "link.zip").symlink_to(tmp_path / "real.zip")
    result = run("deposit", "make", src, "-o", tmp_path / "link.zip", "--no-editions", "--replace")
    assert (result.exit_code, result.stderr) == (2, (
        f"error: {tmp_path / 'link.zip'}: already exists as a symbolic link; it is never replaced "
        "(name the file itself, or choose another name)\n"))
    assert (tmp_path / "pkg").read_bytes() == (tmp_path / "real.zip").read_bytes() == b"old\n"
    assert (tmp_path / "link.zip").is_symlink()


@pytest.mark.parametrize("name", ["out", "out.zip"])
def test_a_file_appearing_meanwhile_is_not_overwritten(tmp_path, monkeypatch, name):
    src = corpus(tmp_path / "in")
    out = tmp_path / name
    real = make_module.finish_tag_files

    def and_meanwhile(bag, info):
        real(bag, info)
        out.write_bytes(b"someone else's\n")

    monkeypatch.setattr(make_module, "finish_tag_files", and_meanwhile)
    with pytest.raises(OutputError) as caught:
        make_package([src], out, NO_EDITIONS)
    assert str(caught.value) == f"{out}: already exists (it appeared while the package was being made); nothing was replaced"
    assert out.read_bytes() == b"someone else's\n"
    assert sorted(os.listdir(tmp_path)) == ["in", name]


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
    result = make_package([src], bag, DepositOptions(sources=(src,)))
    assert tree_listing(bag / "data" / "editions") == ["html/Bai-mot.html", "html/art-two.html", "txt/Bai-mot.txt", "txt/art-two.txt"]
    html = (bag / "data/editions/html/Bai-mot.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'href="../../tei/Bai-mot.xml"' in html
    # The link resolves inside the package (its master there: a package's edition is no site, it holds no copy).
    assert (bag / "data/editions/html/../../tei/Bai-mot.xml").resolve() == (bag / "data/tei/Bai-mot.xml").resolve()
    assert (bag / "data/tei/Bai-mot.xml").is_file() and not (bag / "data/editions/html/tei").exists()
    assert "Hội nghị tổng kết công tác năm" in html
    assert str(tmp_path) not in html  # no input path leaks into the package
    text = (bag / "data/editions/txt/Bai-mot.txt").read_text(encoding="utf-8")
    assert "Ngày 15/1/2014, tại Hà Nội, Bộ Tài chính tổ chức hội nghị." in text
    assert result.payload_files == 13
    assert bagit.Bag(str(bag)).validate()
    assert verify_package(bag).ok


def test_a_folder_package_inside_its_input_folder_does_not_package_itself(tmp_path):
    # Remaking tei/pkg from tei/ packaged the old package's data/tei/*.xml again: 4 articles, 2 of them copies.
    tei = corpus(tmp_path / "tei")
    package = tei / "pkg"
    assert make_package([tei], package, NO_EDITIONS).articles == 2
    (tei / f".pkg.{os.getpid() + 999_999}.abcdefgh.staging" / "pkg" / "data" / "tei").mkdir(parents=True)
    shutil.copy(tei / "art-one.xml", tei / f".pkg.{os.getpid() + 999_999}.abcdefgh.staging" / "pkg" / "data" / "tei" / "x.xml")
    again = make_package([tei], package, dataclasses.replace(NO_EDITIONS, replace=True, format="dir"))
    assert again.articles == 2
    assert sorted(p.name for p in (package / "data" / "tei").iterdir()) == list(ARTICLES)
    assert not any("inside the package" in warning for warning in again.warnings)  # its own output: not said
    assert verify_package(package).ok
