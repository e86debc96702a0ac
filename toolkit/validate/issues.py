"""What validation finds: one Issue per problem, a FileResult per document, a Report per run."""

from __future__ import annotations

import json
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class Issue:
    """One problem in one file. Line and column are 1-based; 0 means none could be told (the
    engines give lines; columns.py finds the column of the node an issue's path names).

    rule is a stable id: a Schematron assert id (e.g. `ref-resolves`), `rng-element`,
    `rng-attribute` or `rng-value` for the RELAX NG schema, `tei-namespace` for a TEI (or
    teiCorpus) root outside the TEI namespace, by teikit's or TEI's schemas (then the only issue), `xml-syntax` for a document
    that is not well-formed, `xml-unsafe` for one refused before parsing, `xml-limits` for
    one too deep or with too many attributes for render and deposit to read, `io-error`
    for one that cannot be read, `internal-error` for one the validator itself failed
    on (a bug).

    path is an XPath to the offending node in the validated tree, as the engine gave
    it ("" when none): RELAX NG names the element, Schematron the element or attribute.
    It is not part of the printed or JSON form.

    severity is "error", or "warning" for a Schematron assert or report whose role says
    so (warning, nonfatal, info) and for notes about the schema chosen (`not-teikit`):
    warnings are printed but do not make a document invalid, and JSON lists errors only.
    """

    file: str
    line: int
    column: int
    rule: str
    message: str
    path: str = ""
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: [{self.rule}] {self.message}"

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "rule": self.rule, "message": self.message}


@dataclass(frozen=True)
class FileResult:
    file: str
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": self.valid, "errors": [i.to_dict() for i in self.errors]}


@dataclass(frozen=True)
class Report:
    """The result of validating several files, in the order they were given."""

    files: tuple[FileResult, ...]
    warnings: tuple[str, ...] = ()  # inputs not validated, one line each ("FILE: a symbolic link, skipped ...")

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(i for f in self.files for i in f.issues)

    def counts(self) -> dict:
        valid = sum(1 for f in self.files if f.valid)
        return {
            "files": len(self.files),
            "valid": valid,
            "invalid": len(self.files) - valid,
            "errors": sum(len(f.errors) for f in self.files),
        }

    def summary(self) -> str:
        c = self.counts()
        files, errors = c["files"], c["errors"]
        return (f"{files} file{'' if files == 1 else 's'}, {c['valid']} valid, {c['invalid']} invalid, "
                f"{errors} error{'' if errors == 1 else 's'}")

    def to_dict(self) -> dict:
        return {"summary": self.counts(), "files": [f.to_dict() for f in self.files]}

    def to_json(self) -> str:
        """Deterministic JSON (stable key order, UTF-8 text kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def element_at(tree, path: str | None):
    """The element an issue's XPath (Issue.path) names, an attribute counting as its element;
    None when there is no path or it finds nothing."""
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found:
        return None
    node = found[0]
    if not isinstance(node, etree._Element):
        node = node.getparent() if hasattr(node, "getparent") else None
    return node
