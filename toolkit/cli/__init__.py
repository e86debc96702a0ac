"""The `teikit` command: a thin typer layer over the library stages.

Each command group lives in its own module and registers itself on `app`.
`-h` is `--help` everywhere; `common.Group` makes every command's help readable.
"""

from __future__ import annotations

import typer

from .. import __version__
from .common import Group, command_group

app = command_group("teikit", "News articles to archival TEI P5: convert, validate, render, deposit.",
                    pretty_exceptions_enable=False, cls=Group)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"teikit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """News articles to archival TEI P5: convert, validate, render, deposit."""


# Registration order is the order of `teikit --help`.
from . import convert as _convert  # noqa: E402
from . import validate as _validate  # noqa: E402
from . import tidy as _tidy  # noqa: E402
from . import render as _render  # noqa: E402
from . import build as _build  # noqa: E402
from . import deposit as _deposit  # noqa: E402
from . import ner as _ner  # noqa: E402

for _module in (_convert, _validate, _tidy, _render, _build, _deposit, _ner):
    _module.register(app)


def main() -> None:
    app()
