"""A build validates each TEI file once (issue 15, item 4).

convert validates every article it encodes (invalid markup costs its mention, not the
article); the build's validate step then has nothing to learn of a file convert wrote as
it validated it and found without an error or a warning, while the file holds those
bytes (batch.Report.validated). Such a file is reported as validated, as validating it
would report it; any other (one changed since, one a warning was said of, one kept or
merged with an editor's edits) is validated as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from teikit import buildrecord
from teikit.buildcache import validate_unchanged
from teikit.cli import app
from teikit.convert import convert_paths
from teikit.options import ConvertOptions
from teikit.validate import Issue, Validator, default_validator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_03d31ed0a32cd011.txt"
ARTICLES = ROOT / "tests" / "data" / "articles"
runner = CliRunner()


def sources(tmp_path: Path, count: int = 3) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:count]:
        shutil.copy(path, seeds / path.name)
    return seeds


def asked_to_validate(monkeypatch) -> list[str]:
    """The files Validator.validate_paths is given from now on (in this process: --jobs 1)."""
    asked: list[str] = []
    real = Validator.validate_paths

    def validate_paths(self, paths, **kwargs):
        paths = list(paths)
        asked.extend(map(str, paths))
        return real(self, paths, **kwargs)

    monkeypatch.setattr(Validator, "validate_paths", validate_paths)
    return asked


def build(tmp_path: Path, *extra: str):
    return runner.invoke(app, ["build", "--seeds", str(tmp_path / "seeds"), "--tei", str(tmp_path / "tei"),
                               "--dist", str(tmp_path / "dist"), "--bagging-date", "2024-01-01", "--jobs", "1",
                               "--no-deposit", *extra])


def validate_line(result) -> str:
    return next(line for line in result.stderr.splitlines() if line.startswith("validate:"))


def test_convert_names_each_file_it_validated_clean_with_the_digest_of_its_bytes(tmp_path):
    seeds = sources(tmp_path)
    report = convert_paths([seeds], tmp_path / "tei")
    written = sorted(tmp_path.joinpath("tei").glob("*.xml"))
    assert len(written) == 3
    assert report.validated == {str(path): buildrecord.file_sha(path) for path in written}
    for path in written:  # what validating the file finds: nothing
        assert default_validator().validate_file(path).issues == ()


def test_convert_without_validation_names_none(tmp_path):
    report = convert_paths([sources(tmp_path)], tmp_path / "tei", ConvertOptions(validate=False))
    assert len(report.written) == 3
    assert report.validated == {}


def test_a_file_the_validator_warned_of_is_not_named(tmp_path):
    class Warns:  # the real validator, and a warning on every document
        def __init__(self):
            self.real = default_validator()

        def iter_issues(self, tree):
            yield from self.real.iter_issues(tree)
            yield Issue("<tree>", 0, 0, "test-warning", "said for the test", severity="warning")

    report = convert_paths([SEED], tmp_path / "tei", validator=Warns())
    assert report.written == [tmp_path / "tei" / f"{SEED.stem}.xml"]
    assert report.warnings == []  # a warning costs no markup
    assert report.validated == {}


def test_a_build_does_not_validate_again_what_its_convert_validated(tmp_path, monkeypatch):
    sources(tmp_path)
    asked = asked_to_validate(monkeypatch)
    result = build(tmp_path)
    assert result.exit_code == 0, result.output
    assert asked == []
    assert validate_line(result) == "validate: 3 files, 3 valid, 0 invalid, 0 errors"
    again = build(tmp_path)  # what it found is recorded as any validation's result is
    assert validate_line(again) == "validate: 3 files, 3 valid, 0 invalid, 0 errors, 3 unchanged"
    assert asked == []


def test_a_build_validates_a_kept_edited_file(tmp_path, monkeypatch):
    sources(tmp_path)
    assert build(tmp_path).exit_code == 0
    edited = sorted(tmp_path.joinpath("tei").glob("*.xml"))[0]
    edited.write_bytes(edited.read_bytes().replace(b"</p>", b" [An editor's note.]</p>", 1))
    asked = asked_to_validate(monkeypatch)
    result = build(tmp_path)
    assert result.exit_code == 0, result.output
    assert asked == [str(edited)]


def test_a_file_changed_since_convert_wrote_it_is_validated(tmp_path):
    seeds = sources(tmp_path, 1)
    report = convert_paths([seeds], tmp_path / "tei")
    [path] = report.written
    path.write_bytes(path.read_bytes().replace(b"<body>", b"<body><nonsense/>", 1))
    found, known = validate_unchanged(default_validator(), [path], tmp_path / "dist", validated=report.validated)
    assert known == 0
    [result] = found.files
    assert not result.valid
    assert {issue.rule for issue in result.errors} >= {"rng-element"}
