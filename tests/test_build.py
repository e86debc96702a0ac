"""`teikit build`: the main job, seeds → TEI → validation → editions → deposit."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from teikit.cli import app
from teikit.deposit import verify_package

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def build(tmp: Path, *extra: str):
    return runner.invoke(app, ["build", "--seeds", str(tmp / "seeds"), "--tei", str(tmp / "tei"),
                               "--dist", str(tmp / "dist"), *extra])


def test_build_makes_every_output_and_a_verifiable_package(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    result = build(tmp_path, "--contact-name", "Ban biên tập", "--contact-email", "bbt@example.org")
    assert result.exit_code == 0, result.output
    stems = sorted(p.stem for p in (tmp_path / "seeds").glob("*.txt"))
    assert sorted(p.stem for p in (tmp_path / "tei").glob("*.xml")) == stems
    for stem in stems:
        assert (tmp_path / "dist" / "html" / f"{stem}.html").is_file()
        assert (tmp_path / "dist" / "txt" / f"{stem}.txt").is_file()
    for page in ("index.html", "registers/persons.html", "registers/organisations.html", "registers/places.html"):
        assert (tmp_path / "dist" / "html" / page).is_file()
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    assert verify_package(package).ok
    assert "validate: 1 files, 1 valid, 0 invalid, 0 errors" in result.stderr


def test_two_builds_give_identical_files(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert build(tmp_path).exit_code == 0
    first = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert build(tmp_path).exit_code == 0
    second = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    assert first == second


def test_a_bad_seed_fails_the_build_but_not_the_others(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "broken.txt").write_bytes(b"\xff\xfeT\x00")
    result = build(tmp_path, "--no-deposit")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'seeds' / 'broken.txt'}: encoded as UTF-16" in result.stderr
    assert len(list((tmp_path / "dist" / "txt").glob("*.txt"))) == len(list((ROOT / "seeds").glob("*.txt")))
