"""Where the files teikit reads at run time are: package data, through importlib.resources.

    xslt_dir()       the XSLT stylesheets      (source tree: xslt/,              installed: teikit/xslt/)
    schema_dir()     the ODD, RELAX NG and Schematron (schema/,                  teikit/schema/)
    gazetteer_dir()  the rules' TSV lexicon    (toolkit/data/gazetteers/,        teikit/data/gazetteers/)
    language_dir()   languages' names, dates   (toolkit/data/languages/,         teikit/data/languages/)
    tei_all_rng()    TEI P5 tei_all RELAX NG   (toolkit/data/schemas/,           teikit/data/schemas/)
    tei_odd_dir()    the TEI Stylesheets' ODD processors and p5subset.xml
                                               (toolkit/data/tei-odd/,           teikit/data/tei-odd/)

The mapping of the brief's top-level folders onto the one import package is
in setup.py. Nothing in teikit finds a resource by a path relative to its own
source file: this module is the one place that knows where they are, so an
editable install, a wheel and a source checkout behave alike.

TEIKIT_SCHEMA_DIR names another schema folder (a deposit's copy, say); it is
read at every call, so a value set after import is honoured.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import ToolkitError

SCHEMA_DIR_VARIABLE = "TEIKIT_SCHEMA_DIR"


def _package_folder(package: str) -> Path:
    """The folder of an installed package's data, as a real path (Saxon and libxml2 need files)."""
    found = resources.files(package)
    if not isinstance(found, Path):
        raise ToolkitError(f"the package data of {package} is not on the file system "
                           f"(teikit must be installed unzipped): {found}")
    return found


def xslt_dir() -> Path:
    return _package_folder("teikit.xslt")


def schema_dir() -> Path:
    override = os.environ.get(SCHEMA_DIR_VARIABLE)
    return Path(override) if override else _package_folder("teikit.schema")


def gazetteer_dir() -> Path:
    return _package_folder("teikit") / "data" / "gazetteers"


def language_dir() -> Path:
    return _package_folder("teikit") / "data" / "languages"


def tei_all_rng() -> Path:
    return _package_folder("teikit") / "data" / "schemas" / "tei_all.rng"


def tei_odd_dir() -> Path:
    return _package_folder("teikit") / "data" / "tei-odd"
