"""What `deposit make` needs beyond the input files and the package path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DepositOptions:
    format: str | None = None            # dir | zip | tar.gz; None: from the package name's suffix (output.py)
    editions: bool = True                # HTML and text editions under data/editions/
    allow_invalid: bool = False          # package TEI that fails validation (recorded in bag-info)
    bagging_date: str | None = None      # YYYY-MM-DD, the day the bag is made; None: SOURCE_DATE_EPOCH's UTC day, else today in UTC (dates.py)
    source_organization: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    external_identifier: str | None = None   # None: the package name
    external_description: str | None = None  # None: a sentence counting what the package holds
    schema_dir: Path | None = None       # None: the project's schema/ (stages.schema_dir)
    sources: tuple[Path, ...] = ()       # folders (or files) searched for each article's source, matched by the sha256 in its
                                         # header and packaged under data/sources/ (sources.py); not found: DepositError.
                                         # (): no sources packaged, PackageResult.warnings says so
    replace: bool = False                # an existing package *file* at the output is replaced atomically once the new one is
                                         # complete; False: refused (OutputError). A directory is never replaced.
