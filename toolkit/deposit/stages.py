"""The one place the deposit touches other stages (validate, render) and the schema.

Keeping the adapter thin and in one module means a change in another stage's
API is one edit here, and the rest of the deposit code sees only:

    schema_dir()                      the project's schema/ folder
    SchemaChecker(rng, sch).check(tree, name) -> [Finding]
    Editions().html(tree, tei_href) / .text(tree) -> bytes
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron

import toolkit

from ..errors import DepositError
from ..names import SVRL_NS
from ..xmlsafe import parse_file

SCHEMA_FILES = ("teikit.odd", "teikit.rng", "teikit.sch")


def schema_dir() -> Path:
    """The project's schema/ folder, found next to the installed package."""
    folder = Path(toolkit.__file__).resolve().parent.parent / "schema"
    missing = [name for name in SCHEMA_FILES if not (folder / name).is_file()]
    if missing:
        raise DepositError(f"project schema not found (missing {', '.join(missing)}); is teikit installed from its source tree?", path=str(folder))
    return folder


@dataclass(frozen=True)
class Finding:
    """A validation error, in the validate stage's shape."""

    file: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: error: [{self.rule}] {self.message}"


class SchemaChecker:
    """RELAX NG + Schematron validation against explicit schema files."""

    def __init__(self, rng: Path, sch: Path):
        for path in (rng, sch):
            if not Path(path).is_file():
                raise DepositError("schema file missing", path=str(path))
        self._validator = _stage_validator(Path(rng), Path(sch))
        if self._validator is None:
            self._rng = _compile(etree.RelaxNG, rng)
            self._sch = _compile(lambda doc: isoschematron.Schematron(doc, store_report=True), sch)

    def check(self, tree, name: str) -> list[Finding]:
        """Every error in `tree`, reported against `name` (the caller's file name)."""
        if self._validator is not None:
            return [Finding(name, i.line, i.column, i.rule, i.message) for i in self._validator.iter_errors(tree, name=name)]
        findings = []
        if not self._rng.validate(tree):
            for e in self._rng.error_log:
                findings.append(Finding(name, e.line, e.column, "relaxng", e.message))
        if not self._sch.validate(tree):
            report = self._sch.validation_report
            for failed in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
                line = _line_of(tree, failed.get("location", ""))
                rule = failed.get("id") or failed.get("role") or "schematron"
                text = " ".join("".join(failed.itertext()).split())
                findings.append(Finding(name, line, 0, rule, text))
        return findings


def _stage_validator(rng: Path, sch: Path):
    """The validate stage's Validator bound to these schema files, if it is installed."""
    try:
        from ..validate import Validator  # noqa: PLC0415 - optional until the stage lands
    except ImportError:
        return None
    return Validator(rng_path=rng, sch_path=sch)


def _compile(factory, path: Path):
    try:
        return factory(parse_file(path))
    except (etree.RelaxNGParseError, etree.SchematronParseError, etree.XSLTParseError) as exc:
        raise DepositError(f"cannot compile schema: {exc}", path=str(path)) from None


def _line_of(tree, location: str) -> int:
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return 0
    return found[0].sourceline or 0 if found and hasattr(found[0], "sourceline") else 0


class Editions:
    """HTML and plain-text editions through the render stage (compiled once, used many times)."""

    def __init__(self):
        try:
            from ..render import default_renderer  # noqa: PLC0415 - optional until the stage lands
        except ImportError:
            raise DepositError("the render stage is not installed; use --no-editions") from None
        self._renderer = default_renderer()

    def html(self, tree, tei_href: str) -> bytes:
        return _as_bytes(self._renderer.html(tree, tei_href=tei_href))

    def text(self, tree) -> bytes:
        return _as_bytes(self._renderer.text(tree))


def _as_bytes(result) -> bytes:
    return result if isinstance(result, bytes) else str(result).encode("utf-8")
