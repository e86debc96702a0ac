"""The `teikit` command: a thin typer layer over the library stages.

Each command group lives in its own module and registers itself (`register(app)`).
`-h` is `--help` everywhere; `common.Group` makes every command's help readable.

A command's module (and the stages it imports: lxml schemas, saxonche, the
recognisers, ...) is imported only when that command runs or shows its help
(`LazyRoot`), so `teikit --help` and `teikit --version` load no stage. The root
help lists each command with its one line from COMMANDS;
tests/test_cli_help.py checks that line against the command's own help.

A usage error (unknown command or option, missing argument, bad value) is one
line `error: MESSAGE (see 'teikit CMD -h')` on stderr, exit 2, like every other
error (`LazyRoot.main`), not click's usage block.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer.core import TyperCommand

from .. import __version__
from ..errors import one_line

try:  # typer 0.2x carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # older typer runs on click itself
    from click import exceptions as click_errors
from .common import EXIT_INTERRUPTED, INTERRUPTED, Group, command_group, os_error_message, tidy_help

# name -> (module of toolkit.cli that registers it, its line in `teikit --help`); the order of the help.
COMMANDS = {
    "convert": ("convert", "Convert news articles to TEI P5 with entity markup and a register."),
    "validate": ("validate", "Validate TEI documents against the teikit schema (RELAX NG and Schematron) or the one given."),
    "tidy": ("tidy", "Bring edited TEI back into the encoding: registers rebuilt from the names, @refs made to "
                     "resolve."),
    "render": ("render", "Render TEI to HTML (article pages and corpus pages) or plain text."),
    "build": ("build", "Convert, validate, render and package a corpus: SEEDS → TEI → dist/html, dist/txt, "
                       "dist/deposit."),
    "deposit": ("deposit", "Package TEI as a BagIt 1.0 archival deposit, and verify such a package."),
    "ner": ("ner", "Entity recognition: train a CRF model from corrected TEI or JSON lines, extract, evaluate."),
}


def load_command(name: str):
    """The click command `name`, its module imported and registered now."""
    module = importlib.import_module(f".{COMMANDS[name][0]}", __name__)
    holder = command_group(name, "")
    module.register(holder)
    command = typer.main.get_group(holder).commands[name]
    tidy_help(command)
    return command


class LazyRoot(Group):
    """The root command: commands load on first use; its own help lists them from COMMANDS."""

    listing = False

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands) + [name for name in COMMANDS if name not in self.commands]

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMANDS:
            if self.listing:
                return TyperCommand(name=name, help=COMMANDS[name][1])
            self.add_command(load_command(name), name)
        return self.commands.get(name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """click's main, its usage errors turned into one `error:` line (exit 2), and an operating-system
        error no command turned into its own line (a name too long for the file system) one line too."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            if code == EXIT_INTERRUPTED:  # typer's answer to KeyboardInterrupt (Ctrl-C): no command exits so
                typer.echo(f"error: {INTERRUPTED}", err=True)
        except click_errors.UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # a group named without its command: its help
                e.show()
                sys.exit(e.exit_code)
            where = e.ctx.command_path if e.ctx is not None else (prog_name or "teikit")
            typer.echo(f"error: {one_line(e.format_message()).rstrip('.')} (see '{where} -h')", err=True)
            sys.exit(e.exit_code)
        except click_errors.ClickException as e:
            typer.echo(f"error: {one_line(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        except OSError as e:  # what no command's guarded() caught (checking an output path before work)
            typer.echo(f"error: {one_line(os_error_message(e))}", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_help(self, ctx, formatter) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = command_group("teikit", "News articles to archival TEI P5: convert, validate, render, deposit.",
                    pretty_exceptions_enable=False, cls=LazyRoot)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"teikit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """News articles to archival TEI P5: convert, validate, render, deposit."""


def main() -> None:
    app()
