"""A build killed while its deposit package takes its name (the new package in place, the
build's record not yet saved) leaves a package the next build knows as its own: the new
package's digest is recorded (`pending`) once it is whole, just before the swap. The next
build then makes its package again, as after any change, instead of refusing the package as
"not the package a build made here" (tests/test_kill_package.py once hit that window)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teikit.buildcache import deposit_unchanged
from teikit.deposit import DepositOptions, make_package
from teikit.errors import DepositError

DEPOSIT = Path(__file__).resolve().parent / "data" / "deposit"


class Killed(BaseException):
    """The kill: nothing after it runs (a BaseException, as SIGKILL leaves no handler a say)."""


@pytest.fixture
def corpus(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    for name in ("art-one.xml", "art-two.xml", "art-one.txt", "art-two.txt"):
        shutil.copyfile(DEPOSIT / name, tei / name)
    return sorted(tei.glob("*.xml")), tmp_path / "dist" / "deposit" / "corpus"


def _build(tei, package, day: str, make=make_package):
    options = DepositOptions(format="dir", replace=True, sources=(tei[0].parent,), bagging_date=day)
    return deposit_unchanged(tei, package, options, make, warn=[].append)


def _killed(when: str):
    """make_package, killed just before the swap or just after it (before the record is saved)."""
    def make(*args, staged=None, **kwargs):
        def before(path):
            staged(path)
            if when == "before the swap":
                raise Killed
        make_package(*args, staged=before, **kwargs)
        raise Killed  # after the swap: the new package stands, the record not saved
    return make


@pytest.mark.parametrize("when", ["before the swap", "after the swap"])
def test_a_build_killed_at_the_swap_leaves_a_package_the_next_build_takes_for_its_own(corpus, when):
    tei, package = corpus
    _build(tei, package, "2026-01-01")
    with pytest.raises(Killed):
        _build(tei, package, "2026-01-02", _killed(when))
    holds, made = _build(tei, package, "2026-01-03")
    assert made and holds["bagging_date"] == "2026-01-03"
    assert "Bagging-Date: 2026-01-03" in (package / "bag-info.txt").read_text(encoding="utf-8")


def test_a_package_changed_by_hand_is_still_kept(corpus):
    tei, package = corpus
    _build(tei, package, "2026-01-01")
    (package / "bag-info.txt").write_text("edited by an archivist\n", encoding="utf-8")
    with pytest.raises(DepositError) as caught:
        _build(tei, package, "2026-01-02")
    assert str(caught.value) == (f"{package}: kept: it is not the package a build made here (one `deposit make` made, "
                                 "or changed since a build made it); move it away, or remove it yourself, and build again")
