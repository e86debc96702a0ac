"""Where the deposit finds the project schema, and how it renders editions.

    schema_dir()                      the project's schema/ folder
    Editions().render(tree, source, tei_href) -> (html bytes, text bytes)

Validation needs no adapter: make.py and verify.py use the validate stage's
Validator on the schema files inside the bag directly.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DepositError, RenderError
from ..validate import schema_dir as validate_schema_dir

SCHEMA_FILES = ("teikit.odd", "teikit.rng", "teikit.sch")


def schema_dir() -> Path:
    """The schema folder validation uses (validate.schema_dir), checked complete for packaging."""
    folder = validate_schema_dir()
    missing = [name for name in SCHEMA_FILES if not (folder / name).is_file()]
    if missing:
        raise DepositError(f"project schema not found (missing {', '.join(missing)}); is teikit installed from its source tree?", path=str(folder))
    return folder


class Editions:
    """HTML and plain-text editions through the render stage (compiled once, used many times)."""

    def __init__(self):
        from ..render import default_renderer  # noqa: PLC0415 - saxonche loads only when editions are wanted

        self._renderer = default_renderer()

    def render(self, tree, source: Path, tei_href: str) -> tuple[bytes, bytes]:
        """(HTML page, text edition) of one article. Rendered from the tree, so no input path
        leaks into the output; the package has no corpus pages and no scripts, so those
        links are left out (the page reads whole without its script)."""
        try:
            doc = self._renderer.load(tree)
            html = self._renderer.html(doc, tei_href=tei_href, registers_href="", index_href="", assets_href="")
            text = self._renderer.text(doc)
        except RenderError as exc:
            raise RenderError(exc.message, path=str(source)) from None
        return html.encode("utf-8"), text.encode("utf-8")
