"""Shared test fixtures.

`tei_all` loads the official TEI P5 RELAX NG (10-20 s) once per session;
`assert_tei_all_valid` asserts a tree or file is valid against it, with the
error log in the failure message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from teikit.xmlsafe import parse_file

REPO = Path(__file__).resolve().parents[1]


def tei_all_path() -> Path:
    """TEIKIT_TEI_ALL, else the official tei_all.rng copied into tests/data/schemas/."""
    override = os.environ.get("TEIKIT_TEI_ALL")
    return Path(override) if override else REPO / "tests" / "data" / "schemas" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    path = tei_all_path()
    if not path.is_file():
        pytest.fail(f"tei_all.rng not found at {path} (set TEIKIT_TEI_ALL)")
    return etree.RelaxNG(etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)))


@pytest.fixture(scope="session")
def assert_tei_all_valid(tei_all):
    """Call with an lxml tree/element or a path: fails with tei_all's error log."""

    def check(source) -> None:
        if isinstance(source, (str, os.PathLike)):
            name = str(source)
            tree = parse_file(name)
        else:
            tree = source.getroottree() if isinstance(source, etree._Element) else source
            name = tree.docinfo.URL or "<tree>"
        if not tei_all.validate(tree):
            log = "\n".join(f"  line {e.line}: {e.message}" for e in tei_all.error_log)
            raise AssertionError(f"{name} is not valid against tei_all.rng:\n{log}")

    return check
