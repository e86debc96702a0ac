"""What every command shares: exit codes, error lines, progress bars, the
option definitions more than one command uses, and readable help.

Contract:
- A library ToolkitError becomes one `error: …` line on stderr and exit 1
  (`guarded`); a usage problem is one `error: …` line and exit 2 (`usage_error`).
- A batch's report (teikit.batch.Report) is printed one way (`print_report`):
  warnings, failures, then a summary line; `progress(items, label)` is the bar
  every stage is given (the batch runner's protocol).
- An option two commands share is defined here once (`output_dir_option`,
  `model_option`, …), with its help, metavar and check; a closed list of values
  is an Enum built from the tuple of the stage that owns it (`choices`), so the
  CLI never retypes a stage's list.
- `-o` naming an existing file where a directory is written (or an existing
  directory where a file is written) is a usage error, caught before any work.
- `Group`, the root command's class, makes typer's help readable for every
  command under it: no type shown for flags, arguments shown by their metavar
  (PATH...) without braces, and values as PATH, DIR, TEXT, INTEGER or [a|b|c].
"""

from __future__ import annotations

import datetime as dt
import errno
import inspect
import os
import sys
import typing
from collections.abc import Sized
from contextlib import contextmanager
from enum import Enum
from pathlib import Path, PurePath
from typing import Iterable, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ..editing import KEEP, MERGE, OVERWRITE
from ..errors import MissingInputError, ToolkitError, one_line
from ..language import valid_tag
from ..options import ConvertOptions
from ..deposit.archive import FORMATS as PACKAGE_FORMATS
from ..render import ABBR_MODES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells count it
INTERRUPTED = ("interrupted: the files written so far are whole (each is written to a temporary file, then renamed), the others were not written: run it again to finish")
PROGRESS_THRESHOLD = 5  # show a bar only for batches larger than this
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


class ReportFormat(str, Enum):
    """--format of a command that reports: text for people, json for programs."""

    text = "text"
    json = "json"


def command_group(name: str, help: str, **settings) -> typer.Typer:
    """A group of commands (the root `teikit`, `teikit deposit`, `teikit ner`), all made alike:
    help when called bare, -h as --help, no shell-completion options."""
    return typer.Typer(name=name, help=help, no_args_is_help=True, add_completion=False,
                       context_settings=CONTEXT_SETTINGS, **settings)


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """A str Enum whose members are exactly `values` (a stage's own tuple of choices)."""
    return Enum(name, [(value, value) for value in values], type=str)


AbbrMode = choices("AbbrMode", ABBR_MODES)
PackageFormat = choices("PackageFormat", PACKAGE_FORMATS)


def stage_default(function, parameter: str):
    """The default the stage's own function gives `parameter`."""
    return inspect.signature(function).parameters[parameter].default


def say(message: str, *, err: bool = False) -> None:
    """One line of a command's own output (a summary, a note), whatever the names in it hold:
    a newline or escape in a file name is shown escaped (errors.one_line)."""
    typer.echo(one_line(message), err=err)


def error_line(message: str) -> None:
    typer.echo(f"error: {one_line(message)}", err=True)


def warning_line(message: str) -> None:
    typer.echo(f"warning: {one_line(message)}", err=True)


def usage_error(message: str):
    """One `error:` line and exit 2."""
    error_line(message)
    raise typer.Exit(EXIT_USAGE)


@contextmanager
def guarded():
    """Turn a ToolkitError into one `error:` line and exit 1 (2 for a missing path); an
    OSError the stage did not name (a folder that is a file, a full or read-only disk)
    also becomes one line naming the path, never a traceback."""
    try:
        yield
    except MissingInputError as exc:
        error_line(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    except ToolkitError as exc:
        error_line(str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    except OSError as exc:
        error_line(os_error_message(exc))
        raise typer.Exit(EXIT_FAILED) from None


def os_error_message(exc: OSError) -> str:
    """`PATH: problem` for an operating-system error, in words a user can act on."""
    path = exc.filename
    if path is not None and exc.errno in (errno.EEXIST, errno.ENOTDIR) and os.path.isfile(path):  # never raises
        problem = "is a file where a folder is needed"
    else:
        problem = (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)
    return f"{path}: {problem}" if path is not None else problem


def print_report(report, summary: str) -> bool:
    """The one way a command reports a batch (batch.Report): each warning, then each
    failure, one line apiece on stderr, then the summary. True when something failed."""
    for message in report.warnings:
        warning_line(message)
    for failure in report.failures:
        error_line(failure.message)
    say(summary, err=True)
    return not report.ok


def progress(items, description: str):
    """Iterate, with a progress bar on stderr only when it is a terminal and the batch is large.
    The bar's length is len(items) when they have one (batch.Counted: made one at a time, never
    listed); other items are listed first to count them."""
    if not isinstance(items, Sized):
        items = list(items)
    total = len(items)
    if total <= PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(items, total=total, description=description, console=Console(stderr=True), transient=True)


# --- checks run while the command line is parsed --------------------------------

def directory_or_new(value: Optional[Path]) -> Optional[Path]:
    """A directory to write into: it may exist as a directory or not at all."""
    if value is not None and value.exists() and not value.is_dir():
        usage_error(f"{value}: exists and is not a directory")
    return value


def file_or_new(value: Optional[Path]) -> Optional[Path]:
    """A file to write: it may exist as a file or not at all."""
    if value is not None and value.is_dir():
        usage_error(f"{value}: is a directory, not a file")
    return value


def iso_day(param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """A calendar day written YYYY-MM-DD."""
    if value is not None:
        try:
            if dt.date.fromisoformat(value).isoformat() != value:
                raise ValueError
        except ValueError:
            usage_error(f"{param.opts[0]} {value}: not a date YYYY-MM-DD")
    return value


# --- option definitions shared by several commands ------------------------------

def output_dir_option(help: str, *decls: str, default=...):
    """`-o/--output DIR` (or other `decls`): a folder to write into, never an existing file."""
    return typer.Option(default, *(decls or ("--output", "-o")), metavar="DIR", callback=directory_or_new,
                        help=help, show_default=default is not ...)


def model_option(help: str = "A model folder from `teikit ner train`: rules plus the model (rules only without it)."):
    return typer.Option(None, "--model", metavar="DIR", help=help)


def publisher_option(help: str = "Publisher of this edition, for the TEI header."):
    return typer.Option(ConvertOptions.publisher, "--publisher", metavar="TEXT", help=help)


def licence_option():
    return typer.Option(ConvertOptions.licence, "--licence", metavar="TEXT",
                        help="Licence of the articles' text, when their publisher has given one (a sidecar's "
                             "\"licence\" wins); without either the header says the text's licence is unknown.")


def markup_licence_option():
    return typer.Option(ConvertOptions.markup_licence, "--markup-licence", metavar="TEXT",
                        help="Licence of this edition's TEI markup, for the TEI header.")


def abbr_option():
    from ..render import render_paths  # the render stage loads only in the commands that offer --abbr

    return typer.Option(AbbrMode(stage_default(render_paths, "abbr")), "--abbr",
                        help="Text edition: keep abbreviations as written, or expand them (the expansion "
                             "replaces the abbreviation, except where it is defined in parentheses).")


def language_tag(param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """A BCP 47 language tag (vi, en, zh-TW)."""
    if value is not None and not valid_tag(value):
        usage_error(f"{param.opts[0]} {value}: not a language tag such as vi, en or zh-TW")
    return value


def language_option():
    return typer.Option(None, "--language", metavar="TAG", callback=language_tag,
                        help="Language of every article (vi, en, zh-TW …), instead of detecting each one's; "
                             "a sidecar's \"language\" still wins. Names are recognised in Vietnamese (with roles and "
                             "abbreviations) and English text; other languages get their dates marked.")


def follow_symlinks_option():
    return typer.Option(False, "--follow-symlinks", help="Read inputs and sidecars reached through a symbolic link (by default each input is skipped with one warning, each sidecar refused: a link may lead out of the input folders).")


def force_option():
    """`--force`: make every output again, whatever the build record (teikit.buildrecord) says."""
    return typer.Option(False, "--force", help="Make every output again, even those the build record says are "
                                                "up to date (by default only what changed is made).")


def jobs_option():
    """`--jobs N`: worker processes for a stage over files (teikit.parallel)."""
    return typer.Option(None, "--jobs", "-j", min=1, metavar="N", show_default=False,
                        help="Worker processes (default: every usable core; 1: all in this process). "
                             "The output is the same whatever N.")


def scheduler_option():
    """`--scheduler ADDRESS`: run the stage on a dask.distributed cluster (teikit.cluster)."""
    return typer.Option(None, "--scheduler", metavar="ADDRESS", show_default=False,
                        help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786; needs "
                             "the dask extra of teikit, and every worker the same files at the same paths). Same output.")


@contextmanager
def engine_for(jobs: Optional[int], scheduler: Optional[str], *, always: bool = False):
    """The engine the options ask for: a Dask cluster's, or with `always` a local pool (teikit.parallel);
    else None (the stage makes its own from --jobs). Both options at once is a usage error."""
    if scheduler is not None and jobs is not None:
        usage_error("--jobs and --scheduler exclude each other: --jobs is for this machine's processes")
    if scheduler is None and not always:
        yield None
        return
    with guarded():
        if scheduler is not None:
            from ..cluster import DaskEngine

            engine = DaskEngine(scheduler)
        else:
            from ..parallel import make_engine  # here: --help and --version load no process pool

            engine = make_engine(jobs)
    with engine:
        yield engine


def day_option(name: str, help: str):
    return typer.Option(None, name, metavar="YYYY-MM-DD", callback=iso_day, help=help)


# What to do with a TEI file edited since teikit wrote it: the choices are the
# editing stage's (editing.EDIT_POLICIES: keep, merge, overwrite); keep needs no flag.
EDIT_FLAGS = {MERGE: "--merge", OVERWRITE: "--overwrite"}


def merge_option():
    return typer.Option(False, EDIT_FLAGS[MERGE], help="A TEI file edited since teikit wrote it: recognise its source "
                        "again around the editor's markup, keeping every edit (by default it is kept as it is).")


def overwrite_option():
    return typer.Option(False, EDIT_FLAGS[OVERWRITE], help="A TEI file edited since teikit wrote it: replace it with "
                        "a fresh conversion, losing the edits (by default it is kept as it is).")


def edit_policy(merge: bool, overwrite: bool) -> str:
    """The editing stage's choice the flags make; both at once is a usage error."""
    if merge and overwrite:
        usage_error(f"{EDIT_FLAGS[MERGE]} and {EDIT_FLAGS[OVERWRITE]} exclude each other: choose one")
    return MERGE if merge else OVERWRITE if overwrite else KEEP


# --- readable help ---------------------------------------------------------------
# typer (0.2x) shows a flag as `<bool>`, a str as `<str>`, a path as `<path>`
# and a required argument as `{name}` typed `<list[Path]>`. The subclasses
# below change only how parameters are *shown*; parsing stays typer's. Older
# typer versions never call these methods and already show click's names.

_NAMES = {str: "TEXT", int: "INTEGER", float: "FLOAT"}
_PATH_KINDS = {"directory": "DIR", "file": "FILE"}


class _Argument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.metavar + ("..." if self.nargs != 1 else "")
        return name if self.required else f"[{name}]"

    def display_type_rich(self, ctx) -> None:
        return None  # the metavar and the help say what it is


class _Option(TyperOption):
    def display_type_rich(self, ctx) -> Optional[str]:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return None  # a flag takes no value
        desc = getattr(self, "type_descriptor", None)
        return (_value_label(desc) if desc is not None else None) or super().display_type_rich(ctx)


def _value_label(desc) -> Optional[str]:
    """PATH, DIR, FILE, TEXT, INTEGER, FLOAT or [a|b|c] (with ... for a list); None: typer's own."""
    if desc.is_choice:
        label = "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices) + "]"
    else:
        annotation = typing.get_args(desc.annotation)[0] if desc.is_list else desc.annotation
        if desc.is_path or (isinstance(annotation, type) and issubclass(annotation, PurePath)):
            label = _PATH_KINDS.get(desc.path_type, "PATH")
        elif annotation in _NAMES:
            label = _NAMES[annotation]
        else:
            return None
    return label + "..." if desc.is_list else label


class _Command(TyperCommand):
    def get_help_option(self, ctx):
        return _tidied(super().get_help_option(ctx))


class Group(TyperGroup):
    """The root command: every command under it gets readable help."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tidy_help(self)

    def get_help_option(self, ctx):
        return _tidied(super().get_help_option(ctx))


# Exactly typer's classes are replaced (a subclass someone chose is left alone).
_READABLE = {TyperArgument: _Argument, TyperOption: _Option, TyperCommand: _Command, TyperGroup: Group}


def _tidied(obj):
    """`obj`, its class swapped for the subclass above that only shows it differently (state untouched)."""
    if obj is not None and type(obj) in _READABLE:
        if type(obj) is TyperArgument and obj.metavar is None:
            obj.metavar = obj.name.upper()
        obj.__class__ = _READABLE[type(obj)]
    return obj


def tidy_help(command) -> None:
    """Readable help for `command` and every command under it."""
    _tidied(command)
    for param in command.params:
        _tidied(param)
    for sub in getattr(command, "commands", {}).values():
        tidy_help(sub)
