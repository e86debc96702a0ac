"""What `deposit make` needs beyond the input files and the package path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DepositOptions:
    format: str | None = None            # dir | zip | tar.gz; None: from the package name's suffix
    editions: bool = True                # HTML and text editions under data/editions/
    allow_invalid: bool = False          # package TEI that fails validation (recorded in bag-info)
    bagging_date: str | None = None      # YYYY-MM-DD; None: SOURCE_DATE_EPOCH's day, else today (issue 9)
    source_organization: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    external_identifier: str | None = None   # None: the package name
    external_description: str | None = None  # None: a sentence counting what the package holds
    schema_dir: Path | None = None       # None: the project's schema/ (stages.schema_dir)
    sources: tuple[Path, ...] = ()       # folders (or files) holding the articles' source files, packaged beside their TEI
    replace: bool = False                # replace an existing package file at the output path (atomically); default: refuse
