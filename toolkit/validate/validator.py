"""Validate TEI documents against teikit's profile (RELAX NG + Schematron) or any schema the user names.

Schemas are compiled once per process (schemas.py keeps them); `default_validator()`
keeps teikit's Validator, so a batch pays the compile cost once. A document that is
not a teikit document, checked against teikit's profile, gets one `not-teikit`
warning saying so and naming --schema tei_all.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from contextlib import nullcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import Iterable, Iterator, Sequence, Union

from lxml import etree

from ..batch import Batch, Progress, attempt_each
from ..errors import NotWellFormedError, ToolkitError, UnsafeXMLError, ValidationError, XMLLimitError
from ..names import TEI_NS, TEI_SUFFIXES, is_teikit_document
from ..parallel import make_engine
from ..resources import schema_dir
from ..xmlsafe import POSITION, check_limits, parse_bytes, parse_file
from .attributes import AttributeTypes
from .columns import Columns
from .issues import FileResult, Issue, Report
from .schematron import without_tidy_advice
from .schemas import (AUTO, RNG_NAME, SCH_NAME, TEI_ALL, TEIKIT, SchemaError, declared_schemas, fallback_schema, load_file,
                      load_schema, teikit_engines)

Source = Union[str, os.PathLike, bytes, etree._ElementTree, etree._Element]

_LINE_PREFIX = re.compile(r"^line \d+: ")
NOT_TEIKIT = ("not a teikit document (its header declares no teikit application): teikit's news profile "
              "does not apply to it; validate it with --schema tei_all (or --schema auto)")


class Validator:
    """The checkers of one or more schemas, compiled once. Not thread-safe: one per thread.

    Validator()                          teikit's profile (teikit.rng + teikit.sch)
    Validator(rng_path=…, sch_path=…)    teikit's profile from other files (a deposit's copy)
    Validator(schemas=["tei_all"])       any of schemas.load_schema's names and files, combined
    Validator(schemas=["auto"])          per document: its <?xml-model?>, else teikit or tei_all
    """

    def __init__(self, rng_path: str | os.PathLike | None = None, sch_path: str | os.PathLike | None = None,
                 *, schemas: Sequence[str] | None = None):
        started = time.perf_counter()
        self.schemas = tuple(schemas) if schemas else (TEIKIT,)
        if AUTO in self.schemas and len(self.schemas) > 1:
            raise SchemaError("--schema auto chooses the schema per document: it cannot be combined with another")
        self.auto = self.schemas == (AUTO,)
        self.rng_path = Path(rng_path) if rng_path else schema_dir() / RNG_NAME
        self.sch_path = Path(sch_path) if sch_path else schema_dir() / SCH_NAME
        self._engines: list = []
        self._teikit = False
        self._tei = all(spec in (TEIKIT, TEI_ALL) for spec in self.schemas)  # only TEI's schemas: the namespace is TEI's
        if not self.auto:
            for spec in self.schemas:
                if spec == TEIKIT:
                    self._engines.extend(teikit_engines(self.rng_path, self.sch_path))
                    self._teikit = True
                else:
                    self._engines.extend(load_schema(spec))
        self._attributes: AttributeTypes | None = None
        self.compile_seconds = time.perf_counter() - started

    # ------------------------------------------------------------------ public API

    def iter_errors(self, source: Source, *, name: str | None = None) -> Iterator[Issue]:
        """Every error in one document (a path, bytes, or a parsed tree), in document order per engine."""
        return (issue for issue in self.iter_issues(source, name=name) if issue.is_error)

    def iter_issues(self, source: Source, *, name: str | None = None) -> Iterator[Issue]:
        """The errors and the warnings (Issue.severity), as `teikit validate` prints them."""
        loaded = _load(source, name)
        if isinstance(loaded, Issue):
            yield loaded
            return
        tree, file, data = loaded
        columns = Columns(tree, data)
        if self.auto:
            try:
                engines, teikit, notes, tei = self._choose(tree, file)
            except ToolkitError as exc:
                yield Issue(file, 0, 0, "schema-error", f"{exc.path}: {exc.message}" if exc.path else exc.message)
                return
            yield from notes
        else:
            engines, teikit, tei = self._engines, self._teikit, self._tei
        wrong = _namespace_issue(tree, file) if tei else None  # TEI's schemas only: a user's may want any namespace
        if wrong is not None:  # every rule would fail on it, each saying something else
            yield columns.placed(wrong)
            return
        anyones = teikit and not is_teikit_document(tree.getroot())
        if anyones:
            yield Issue(file, tree.getroot().sourceline or 0, 0, "not-teikit", NOT_TEIKIT, severity="warning")
        for engine in engines:
            for issue in engine.check(tree, file):
                if anyones:  # tidy refuses another project's document: the profile's rules do not advise it
                    issue = dataclasses.replace(issue, message=without_tidy_advice(issue.message, file))
                yield columns.placed(issue)

    def explain(self, element: etree._Element) -> list[str]:
        """What is wrong with the attributes of one element, by teikit's RELAX NG schema alone
        ('date/@dur "P2W": not a valid duration'), one line each; [] when each is fine."""
        if self._attributes is None:
            self._attributes = AttributeTypes(parse_file(self.rng_path))
        return self._attributes.problems(element)

    def is_valid(self, source: Source, *, name: str | None = None) -> bool:
        return next(self.iter_errors(source, name=name), None) is None

    def validate(self, source: Source, *, name: str | None = None) -> None:
        """Raise ValidationError (with .errors, the Issues) unless the document is valid."""
        issues = list(self.iter_errors(source, name=name))
        if issues:
            first = issues[0]
            count = f"{len(issues)} error{'s' if len(issues) != 1 else ''}"
            raise ValidationError(
                f"not valid: {count}, first at line {first.line}: [{first.rule}] {first.message}",
                path=first.file,
                errors=issues,
            )

    def validate_paths(self, paths: Iterable[str | os.PathLike], *, progress: Progress | None = None,
                       jobs: int | None = 1, engine=None, follow_symlinks: bool = False) -> Report:
        """Validate files, and *.xml and *.tei under directories (sorted), one result per file, on the
        batch runner (teikit.batch): `progress(items, label)` is the CLI's bar; `jobs`
        processes (None: every core) or the given teikit.parallel engine, each worker
        compiling the schemas once. The report is the same whatever the number of workers.

        Raises fsutil.MissingInputError for a path that does not exist. A file the
        validator itself fails on (a bug) is reported as that file's `internal-error`.
        """
        batch = Batch(paths, TEI_SUFFIXES, progress=progress, follow_symlinks=follow_symlinks)
        if engine is None and jobs == 1:
            done = batch.run(self.validate_file, label="validating")
        else:
            state = partial(_worker_validator, str(self.rng_path), str(self.sch_path), self.schemas)
            with nullcontext(engine) if engine is not None else make_engine(jobs, warm=state) as running:
                done = batch.run_on(running, _validate_task, state=state, label="validating")
        results = {result.file: result for result in done}
        for failure in batch.report.failures:
            file = str(failure.path)
            results[file] = FileResult(file, (Issue(file, 0, 0, "internal-error", failure.message),))
        return Report(tuple(results[str(path)] for path in batch.files), tuple(batch.report.warnings))

    def validate_file(self, path: str | os.PathLike) -> FileResult:
        file = str(path)
        return FileResult(file, tuple(self.iter_issues(Path(path), name=file)))

    # ------------------------------------------------------------------ auto

    def _choose(self, tree: etree._ElementTree, file: str):
        """auto: the engines for this document, whether they are teikit's, notes on its xml-model PIs,
        and whether they are TEI's own (none declared)."""
        declared, notes = declared_schemas(tree, file)
        if declared:
            engines = [engine for d in declared for engine in load_file(d.path, d.kind)]
            return engines, False, notes, False
        spec = fallback_schema(tree)
        engines = teikit_engines(self.rng_path, self.sch_path) if spec == TEIKIT else load_schema(spec)
        return engines, spec == TEIKIT, notes, True


def _worker_validator(rng_path: str, sch_path: str, schemas: tuple) -> Validator:
    """A worker's validator (teikit.parallel): the process-wide one for the project schema."""
    if schemas == (TEIKIT,) and (Path(rng_path), Path(sch_path)) == (schema_dir() / RNG_NAME, schema_dir() / SCH_NAME):
        return default_validator()
    return Validator(rng_path, sch_path, schemas=schemas)


def _validate_task(validator: Validator, _shared, paths: list) -> list:
    return attempt_each(paths, lambda path, _report: validator.validate_file(path))


def _namespace_issue(tree: etree._ElementTree, file: str) -> Issue | None:
    """A TEI or teiCorpus root outside the TEI namespace (none, or another: a typo'd URI), said once."""
    root = tree.getroot()
    name = etree.QName(root)
    if name.localname not in ("TEI", "teiCorpus") or name.namespace == TEI_NS:
        return None
    where = f"in the namespace {name.namespace}" if name.namespace else "in no namespace"
    return Issue(file, root.sourceline or 0, 0, "tei-namespace",
                 f'the root element {name.localname} is {where}, not in the TEI namespace: write '
                 f'<{name.localname} xmlns="{TEI_NS}">', "/*")


def _load(source: Source, name: str | None) -> tuple[etree._ElementTree, str, bytes | None] | Issue:
    """A tree, the file name to report and the bytes it was parsed from (None for a tree given),
    or the Issue that stops validation before it starts."""
    if isinstance(source, etree._Element):
        source = source.getroottree()
    if isinstance(source, etree._ElementTree):
        file = name or source.docinfo.URL or "<tree>"
        try:  # a tree built in memory is held to the limits a parsed one is
            check_limits(source, path=file)
        except XMLLimitError as exc:
            return Issue(file, exc.line, exc.column, "xml-limits", _LINE_PREFIX.sub("", exc.message))
        return source, file, None
    if isinstance(source, (bytes, bytearray)):
        file, data = name or "<bytes>", bytes(source)
    else:
        file = name or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            return Issue(file, 0, 0, "io-error", f"cannot read: {exc.strerror}")
    try:
        return parse_bytes(data, path=file, ids_checked=False), file, data
    except UnsafeXMLError as exc:
        return Issue(file, exc.line, exc.column, "xml-unsafe", _LINE_PREFIX.sub("", exc.message))
    except XMLLimitError as exc:  # what render and deposit could not read (xmlsafe.check_limits)
        return Issue(file, exc.line, exc.column, "xml-limits", _LINE_PREFIX.sub("", exc.message))
    except NotWellFormedError as exc:  # a repeated xml:id is no such error here: the schema's id-unique says it
        return Issue(file, exc.line, exc.column, "xml-syntax", POSITION.sub("", exc.message))  # the Issue's own


@lru_cache(maxsize=1)
def default_validator() -> Validator:
    """The process-wide Validator for the project schema (compiled on first use)."""
    return Validator()


def iter_errors(source: Source, *, name: str | None = None) -> Iterator[Issue]:
    return default_validator().iter_errors(source, name=name)


def is_valid(source: Source, *, name: str | None = None) -> bool:
    return default_validator().is_valid(source, name=name)


def validate(source: Source, *, name: str | None = None) -> None:
    default_validator().validate(source, name=name)


def validate_paths(paths: Iterable[str | os.PathLike], *, progress: Progress | None = None,
                   jobs: int | None = 1, engine=None) -> Report:
    return default_validator().validate_paths(paths, progress=progress, jobs=jobs, engine=engine)
