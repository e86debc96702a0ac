"""The test data is derived by scripts; a hand edit of a derived file, or a source
edited without rebuilding, fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("script", [
    DATA / "ner" / "build_gold.py",
    DATA / "ner2" / "build.py",
])
def test_derived_annotations_are_current(script):
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_article_expectations_agree_with_their_texts():
    result = subprocess.run([sys.executable, str(DATA / "articles" / "check_expected.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
