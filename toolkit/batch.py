"""Running a stage over many files: the one batch skeleton, and the one report.

    batch = Batch(paths, (".txt",), output_suffix=".xml", progress=progress)
    batch.run(work, label="converting")     # work(path) -> the Path(s) written, or None
    batch.attempt(path, lambda: ...)        # the same guard, for a stage that walks its own items
    batch.report                            # Report: written, failures, warnings, degraded

Every stage over files (convert, render, validate) goes through it, so they
agree on what a batch is:

- **Collection**: the files named, plus the files with one of `suffixes` under
  folders, in sorted order (inputfiles.collect_files), each once. A path that does not exist
  raises MissingInputError before anything runs: a usage error.
- **Own outputs**: nothing under a folder the stage writes (`outputs`: convert's and
  render's output folder, each of a build's) is read as an input, when it lies inside an
  input folder: a site's pages and its TEI copies (html/tei/), a build's dist/, the TEI
  of `convert in -o in/tei` are no articles or TEI of the next run, nor files it skips
  (inputfiles.collect_files's `exclude`). An output folder that is an input folder itself,
  and a file named directly, are read as ever. The one policy: each stage passes the
  folders it writes, and only here are they taken out of its inputs.
- **Nothing to do**: paths that hold none of the stage's inputs raise NoInputError (the CLI's
  one `error:` line, exit 1): a wrong folder named is said, never "0 of 0" and success.
- **Unusable names**: a file whose name is not UTF-8 is refused with one failure
  (`unusable_name`: it could be written into no TEI, page or JSON line).
- **Symbolic links**: unless follow_symlinks=True (`--follow-symlinks` of every command
  reading input folders) an input that is a link, or lies under a linked folder, is
  skipped with one warning.
- **Name clashes**: outputs are named DIR/<stem><output_suffix>, so a file whose
  output name an earlier file already has is refused with one failure and never
  handed to the work (it would overwrite the other's output).
- **One bad file costs one file**: a ToolkitError from the work is that file's
  failure, one line naming it; any other exception is too ("internal error,
  please report it"); the batch goes on.
- **Progress**: one protocol, `progress(items, label)` returning the same items
  (the CLI's bar); the default shows nothing. Items whose number is known before
  they are made (a stage's last pass, read from its spool) come as `Counted`,
  which has a len(): a bar takes its length from it and never lists them.
- **On many processes** (`run_on`, teikit.parallel): the same guards run in the
  workers (`attempt_each`: each item's result and its own Report), and the
  reports are merged back in input order, so failures, warnings and outputs
  are those of a run in one process, whatever the number of workers.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import NoInputError, ToolkitError
from .inputfiles import collect_files, linked_inputs, stem_clashes

Progress = Callable[[Iterable, str], Iterable]


def no_progress(items, _label: str = ""):
    return items


class Counted:
    """Items made one at a time, of a number known beforehand (len()): what a stage hands
    `progress` for items it does not hold all at once."""

    def __init__(self, items: Iterable, count: int):
        self._items = items
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        return iter(self._items)


@dataclass(frozen=True)
class Failure:
    path: Path
    message: str  # one line, "FILE: problem", as the CLI prints it after "error: "


@dataclass
class Report:
    """What a stage did to a batch: the files it wrote, the inputs that failed, what it gave up."""

    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "FILE: what was given up"
    once: set[str] = field(default_factory=set)  # the warnings said once per run (warn_once)
    kept: list[Path] = field(default_factory=list)  # edited outputs left as they were (each has its warning)
    merged: list[Path] = field(default_factory=list)  # edited outputs merged with a new recognition (also written)
    replaced: list[Path] = field(default_factory=list)  # edited outputs replaced, their edits gone (also written)
    # inputs written with some or all of their markup given up (each has its warning)
    degraded: list[Path] = field(default_factory=list)
    # what was not worked on, by reason ("redirect", ".docx file (unsupported input type)", …): count
    skipped: dict[str, int] = field(default_factory=dict)
    # outputs already what this run would write (an incremental build, teikit.buildrecord): not written again
    unchanged: list[Path] = field(default_factory=list)
    # of the written, those only brought up to date without redoing the work (a web archive's unchanged page)
    refreshed: list[Path] = field(default_factory=list)
    # outputs written, and unchanged, beyond those listed: counted, not listed (a site's corpus pages,
    # one or more per register entry: a list of them would grow with the corpus)
    written_unlisted: int = 0
    unchanged_unlisted: int = 0
    # of the written, those validated as they were written and found without an error or a warning:
    # path → the sha256 of the bytes written (buildrecord.data_sha). While a file holds those bytes,
    # validating it finds nothing: buildcache.validate_unchanged need not validate it again
    validated: dict[str, str] = field(default_factory=dict)

    @property
    def written_count(self) -> int:
        return len(self.written) + self.written_unlisted

    @property
    def unchanged_count(self) -> int:
        return len(self.unchanged) + self.unchanged_unlisted

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, path, message: str) -> None:
        self.failures.append(Failure(Path(path), message))

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + count

    def warn_once(self, message: str) -> None:
        """A warning said once per run, however many inputs (or workers) say it."""
        self.once.add(message)
        if message not in self.warnings:
            self.warnings.append(message)

    def absorb(self, other: "Report") -> None:
        """Add what `other` (one item's report, from a worker) recorded, after what this one holds."""
        self.written.extend(other.written)
        self.failures.extend(other.failures)
        for message in other.warnings:
            if message in other.once:
                self.warn_once(message)
            else:
                self.warnings.append(message)
        self.kept.extend(other.kept)
        self.merged.extend(other.merged)
        self.replaced.extend(other.replaced)
        self.degraded.extend(other.degraded)
        self.unchanged.extend(other.unchanged)
        self.refreshed.extend(other.refreshed)
        self.validated.update(other.validated)
        self.written_unlisted += other.written_unlisted
        self.unchanged_unlisted += other.unchanged_unlisted
        for reason, count in other.skipped.items():
            self.skip(reason, count)


@dataclass
class Outcome:
    """One item's work in a worker: what it returned (when done) and its own report."""

    done: bool
    result: object
    report: Report


def attempt_each(items, work: Callable, path_of: Callable = lambda item: item) -> list[Outcome]:
    """work(item, report) for each item, guarded as Batch.run guards it (the failure names
    path_of(item)); what a worker task returns for a chunk."""
    outcomes = []
    for item in items:
        report = Report()
        done, result = _guarded(report, path_of(item), lambda: work(item, report))
        outcomes.append(Outcome(done, result, report))
    return outcomes


def unusable_name(path) -> str | None:
    """Why a file's name cannot be worked with, or None: a name that is not UTF-8 (its bytes
    reach Python as lone surrogates) could be written into no TEI, page or JSON line."""
    name = str(path)
    try:
        name.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        raw = os.fsencode(name)
        shown = raw.decode("utf-8", "backslashreplace")
        byte = raw[len(name[:exc.start].encode("utf-8", "surrogateescape"))]
        return f"{shown}: the file name is not UTF-8 (byte 0x{byte:02x}); rename the file"


_COUNTED_NOUNS = ("redirect", "response", "record", "file", "page")


def counted(count: int, reason: str) -> str:
    """`3 redirects`, `1 request record`, `2 .docx files (unsupported input type)`: the reason's
    first noun takes the plural."""
    words = reason.split(" ")
    if count != 1:
        at = next((i for i, word in enumerate(words) if word in _COUNTED_NOUNS), len(words) - 1)
        words[at] += "s"
    return f"{count} {' '.join(words)}"


def nothing_to_do(suffixes: tuple[str, ...], skipped: dict[str, int]) -> str:
    """Why a batch whose paths hold none of its inputs does nothing (NoInputError)."""
    left = "".join(f"; {counted(count, reason)} left out" for reason, count in sorted(skipped.items()))
    return f"no input files ({', '.join('*' + suffix for suffix in suffixes)}) in it{left}; nothing done"


def internal_error(path, exc: BaseException) -> str:
    return f"{path}: internal error, please report it ({type(exc).__name__}: {exc})"


class PathList(Sequence):
    """A batch's input paths, kept as their strings and given back as Paths: a Path that has been
    used keeps its parts, their case-folded copy, its string and its hash (about 600 bytes; its
    string alone, about 100), and a batch may name a million files."""

    __slots__ = ("_names",)

    def __init__(self, paths: Iterable = ()):
        self._names = [os.fspath(path) for path in paths]

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, index):
        return PathList(self._names[index]) if isinstance(index, slice) else Path(self._names[index])

    def __iter__(self):
        return map(Path, self._names)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (PathList, list, tuple)) else NotImplemented

    def __repr__(self) -> str:
        return f"PathList({list(self)!r})"


class Batch:
    """The files of one run of a stage, and its report."""

    def __init__(self, paths, suffixes: tuple[str, ...], *, output_suffix: str | None = None,
                 progress: Progress | None = None, clash_message: str = "same output name as",
                 stem: Callable[[Path], str] = lambda path: path.stem,
                 unread: Callable[[Path], str] | None = None, follow_symlinks: bool = False, outputs=(),
                 sidecar: Callable[[Path], str | None] | None = None):
        # A file named twice (directly and inside a named folder) is one input.
        self.report = Report()
        left_out: list[Path] = []
        said = self._say_sidecar(sidecar) if sidecar is not None else None  # its line about a sidecar: a warning
        self.files: PathList | list[Path] = PathList(dict.fromkeys(collect_files(paths, suffixes, left_out=left_out,
                                                                                 exclude=outputs, sidecar=said)))
        if unread is not None:  # files under the folders that the stage does not read: counted by reason
            for path in left_out:
                self.report.skip(unread(path))
        if not self.files:  # a wrong folder named: refused, not "0 of 0" and exit 0
            raise NoInputError(nothing_to_do(suffixes, self.report.skipped),
                               path=", ".join(map(os.fspath, paths)) or None)
        if not follow_symlinks:  # a link may lead anywhere (/etc/passwd): skipped unless asked
            linked = set(linked_inputs(paths, self.files))
            for path in (path for path in self.files if path in linked):  # in input order
                self.report.warn(f"{path}: a symbolic link, skipped (--follow-symlinks reads it)")
            self.files = PathList(path for path in self.files if path not in linked)
        self.progress: Progress = progress or no_progress
        self._stem = stem
        self._clashes = stem_clashes(self.files, stem) if output_suffix is not None else {}
        self._output_suffix = output_suffix
        self._clash_message = clash_message
        self._claimed: dict[str, object] = {}  # claim_output: output stem -> the input that has it
        # a stage's own reason an input may not have its output (the line to say), or None: render.site.page_refusal
        self.refuse: Callable[[Path], str | None] | None = None

    def clash(self, path: Path) -> str | None:
        """Why `path` may not be worked on (its name is not UTF-8, its output name is an earlier
        file's, or the stage's `refuse` says why), or None."""
        unusable = unusable_name(path)
        if unusable:
            return unusable
        first = self._clashes.get(path)
        if first is not None:
            return f"{path}: {self._clash_message} {first}: {self._stem(path)}{self._output_suffix}"
        return self.refuse(path) if self.refuse is not None else None

    def claim_output(self, stem: str, source) -> str | None:
        """Take output name `stem` for `source`, an input found while the batch runs (a web archive's
        page, which the clash check of files cannot see): None, or why it may not have it (an earlier
        input of the run has it: two WARC records of one WARC-Record-ID and URI)."""
        first = self._claimed.setdefault(stem, source)
        if first is source:
            return None
        if str(first) == str(source):  # one archive holding the record twice: the names are one name
            return f"{source}: a second record of the same WARC-Record-ID and URI in this archive; not converted"
        return f"{source}: same output name as an earlier input ({first}): {stem}{self._output_suffix}; not converted"

    def attempt(self, path, work: Callable):
        """work(); its ToolkitError or any other exception becomes `path`'s failure (and None is returned)."""
        return self._guarded(path, work)[1]

    def run(self, work: Callable[[Path], object], *, label: str = "") -> list:
        """work(path) for every input, guarded; what it returned for each file that did not fail.
        A returned Path (or list of Paths) is recorded as written."""
        results = []
        for path in self.progress(self.files, label):
            refused = self.clash(path)
            if refused:
                self.report.fail(path, refused)
                continue
            done, result = self._guarded(path, lambda: work(path))
            if done:
                self._record(result, results)
        return results

    def run_on(self, engine, task: Callable, *, state: Callable, shared=None, label: str = "",
               each: Callable | None = None, ready: dict | Callable | None = None) -> list:
        """run, on a teikit.parallel engine: task(state, shared, chunk of paths) -> [Outcome]
        (attempt_each). Clashes are refused here; reports merge back in input order.
        With `each`, each result is handed to it as it comes (nothing is kept: [] is returned).
        `ready` maps paths whose Outcome is already known (an incremental build's) to it: they
        are not worked on, their outcome is gathered in its place in the input order. It may be
        a function of the path instead (None: not ready), called twice a path, so that no
        outcome is held for a path before it is gathered."""
        known = ready if callable(ready) else (ready or {}).get
        work = [path for path in self.files if self.clash(path) is None and known(path) is None]
        outcomes = iter(engine.map(task, self.progress(work, label), state=state, shared=shared, count=len(work))
                        if work else ())
        results: list = []
        for path in self.files:
            refused = self.clash(path)
            if refused:
                self.report.fail(path, refused)
                continue
            outcome = known(path)
            self.gather(outcome if outcome is not None else next(outcomes), results, each)
        return results

    def gather(self, outcome: Outcome, results: list | None = None, each: Callable | None = None):
        """One worker Outcome into this batch's report; its result (None when it failed)."""
        self.report.absorb(outcome.report)
        if outcome.done and results is not None:
            self._record(outcome.result, results, each)
        return outcome.result if outcome.done else None

    def _record(self, result, results: list, each: Callable | None = None) -> None:
        if isinstance(result, Path):
            self.report.written.append(result)
        elif isinstance(result, list) and all(isinstance(r, Path) for r in result):
            self.report.written.extend(result)
        if each is not None:
            each(result)
        else:
            results.append(result)

    def _say_sidecar(self, sidecar: Callable[[Path], str | None]) -> Callable[[Path], None]:
        """What collect_files calls with each sidecar it finds: `sidecar`'s line about it, if any, a warning."""
        def say(path: Path) -> None:
            if (line := sidecar(path)) is not None:
                self.report.warn(line)
        return say

    def _guarded(self, path, work: Callable) -> tuple[bool, object]:
        return _guarded(self.report, path, work)


def _guarded(report: Report, path, work: Callable) -> tuple[bool, object]:
    try:
        return True, work()
    except ToolkitError as exc:
        report.fail(path, str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must cost one file, not the batch
        report.fail(path, internal_error(path, exc))
    return False, None


def interleaved(items, known, run):
    """Each of `items` (read once, as they come) with its outcome, in their order: `known(item)`'s,
    or when that is None the one `run(the items left)` gives (an engine's map: results in order)."""
    order: deque = deque()

    def work():
        for item in items:
            order.append(known(item))
            if order[-1] is None:
                yield item

    left = work()
    for outcome in run(left):
        while order[0] is not None:
            yield order.popleft()
        order.popleft()
        yield outcome
    for _ in left:  # the known ones after the last worked on
        pass
    yield from order
