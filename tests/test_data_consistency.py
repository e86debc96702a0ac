"""The test data is derived by scripts; a hand edit of a derived file, or a source
edited without rebuilding, fails here."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("script", [
    DATA / "ner" / "build_gold.py",
    DATA / "ner2" / "build.py",
    DATA / "ner3" / "build.py",
    DATA / "ner4" / "build.py",
])
def test_derived_annotations_are_current(script):
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_article_expectations_agree_with_their_texts():
    result = subprocess.run([sys.executable, str(DATA / "articles" / "check_expected.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


TEI_ALL_SHA256 = "b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48"


def test_tei_all_is_the_official_release_unchanged():
    data = (DATA / "schemas" / "tei_all.rng").read_bytes()
    assert hashlib.sha256(data).hexdigest() == TEI_ALL_SHA256


def test_no_test_reads_outside_the_repository():
    """The suite must pass in a clean clone with nothing beside it: no test builds a path
    above the repository's root (the tests folder's grandparent or higher)."""
    pattern = re.compile(r"""parents\[[2-9]\]|\.parent\.parent\.parent|\b(?:ROOT|REPO)\.parent\b""")
    offenders = [path.name for path in Path(__file__).parent.glob("*.py")
                 if path.name != Path(__file__).name and pattern.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
