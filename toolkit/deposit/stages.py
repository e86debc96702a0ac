"""The one place the deposit touches other stages (validate, render) and the schema.

Keeping the adapter thin and in one module means a change in another stage's
API is one edit here, and the rest of the deposit code sees only:

    schema_dir()                      the project's schema/ folder
    SchemaChecker(rng, sch).check(tree, name) -> [Finding]   (the validate stage's Issue)
    report_dict([(name, findings), …]) -> the validate stage's report as a dict
    Editions().render(tree, source, tei_href) -> (html bytes, text bytes)
"""

from __future__ import annotations

from pathlib import Path

import toolkit

from ..errors import DepositError, RenderError
from ..validate import FileResult, Issue, Report, Validator

SCHEMA_FILES = ("teikit.odd", "teikit.rng", "teikit.sch")


def schema_dir() -> Path:
    """The project's schema/ folder, found next to the installed package."""
    folder = Path(toolkit.__file__).resolve().parent.parent / "schema"
    missing = [name for name in SCHEMA_FILES if not (folder / name).is_file()]
    if missing:
        raise DepositError(f"project schema not found (missing {', '.join(missing)}); is teikit installed from its source tree?", path=str(folder))
    return folder


Finding = Issue  # file, line, column, rule, message; str() is `file:line:col: error: [rule] msg`


def report_dict(results) -> dict:
    """The validate stage's machine-readable report of (file name, findings) pairs."""
    return Report(tuple(FileResult(name, tuple(findings)) for name, findings in results)).to_dict()


class SchemaChecker:
    """RELAX NG + Schematron validation against explicit schema files (the validate stage's Validator)."""

    def __init__(self, rng: Path, sch: Path):
        for path in (rng, sch):
            if not Path(path).is_file():
                raise DepositError("schema file missing", path=str(path))
        self._validator = Validator(rng_path=rng, sch_path=sch)

    def check(self, tree, name: str) -> list[Finding]:
        """Every error in `tree`, reported against `name` (the caller's file name)."""
        return list(self._validator.iter_errors(tree, name=name))


class Editions:
    """HTML and plain-text editions through the render stage (compiled once, used many times)."""

    def __init__(self):
        from ..render import default_renderer  # noqa: PLC0415 - saxonche loads only when editions are wanted

        self._renderer = default_renderer()

    def render(self, tree, source: Path, tei_href: str) -> tuple[bytes, bytes]:
        """(HTML page, text edition) of one article. Rendered from the tree, so no input path
        leaks into the output; the package has no corpus pages, so those links are left out."""
        try:
            doc = self._renderer.load(tree)
            html = self._renderer.html(doc, tei_href=tei_href, registers_href="", index_href="")
            text = self._renderer.text(doc)
        except RenderError as exc:
            raise RenderError(exc.message, path=str(source)) from None
        return html.encode("utf-8"), text.encode("utf-8")
