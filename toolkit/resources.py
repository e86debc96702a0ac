"""Where the files teikit reads at run time are: package data, through importlib.resources.

    xslt_dir()       the XSLT stylesheets      (source tree: xslt/,              installed: teikit/xslt/)
    schema_dir()     the ODD, RELAX NG and Schematron (schema/,                  teikit/schema/)
    gazetteer_dir()  the rules' TSV lexicon    (toolkit/data/gazetteers/,        teikit/data/gazetteers/)
    language_dir()   languages' names, dates   (toolkit/data/languages/,         teikit/data/languages/)
    html_data_dir()  web pages' boilerplate classes and headings (toolkit/data/html/, teikit/data/html/)
    tei_all_rng()    TEI P5 tei_all RELAX NG   (toolkit/data/schemas/,           teikit/data/schemas/)
    tei_odd_dir()    the TEI Stylesheets' ODD processors and p5subset.xml
                                               (toolkit/data/tei-odd/,           teikit/data/tei-odd/)
    tei_odd_dir()    the TEI Stylesheets' ODD processors and p5subset.xml
                                               (toolkit/data/tei-odd/,           teikit/data/tei-odd/)
    read_tsv(path)   the rows of a data table (TSV, '#' comments, a header line) as dicts

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


def package_dir() -> Path:
    """The code folder itself (installed as `teikit`)."""
    return _package_folder("teikit")


def xslt_dir() -> Path:
    return _package_folder("teikit.xslt")


def schema_dir() -> Path:
    override = os.environ.get(SCHEMA_DIR_VARIABLE)
    return Path(override) if override else _package_folder("teikit.schema")


def gazetteer_dir() -> Path:
    return _package_folder("teikit") / "data" / "gazetteers"


def language_dir() -> Path:
    return _package_folder("teikit") / "data" / "languages"


def html_data_dir() -> Path:
    return _package_folder("teikit") / "data" / "html"


def tei_all_rng() -> Path:
    return _package_folder("teikit") / "data" / "schemas" / "tei_all.rng"


def tei_odd_dir() -> Path:
    return _package_folder("teikit") / "data" / "tei-odd"


def read_tsv(path: Path, *, error: type[ToolkitError] = ToolkitError, what: str = "data file") -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts keyed by its header's column names: blank and '#'
    lines skipped, missing trailing cells empty, cells stripped. A file that cannot be read,
    has no header, or a row with more cells than the header or an empty first cell raises
    `error` naming the file (and the line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what}: {exc}", path=str(path)) from None
    rows, header = [], None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header) or not cells[0].strip():
            raise error(f"line {number}: expected at most {len(header)} tab-separated columns "
                        f"with a non-empty first one", path=str(path))
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    if header is None:
        raise error("no header line", path=str(path))
    return rows
