"""Validate TEI documents against the project schema (RELAX NG) and rules (Schematron).

Schemas are compiled once per Validator; `default_validator()` keeps one per
process, so a batch pays the compile cost once.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import nullcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import Iterable, Iterator, Union

from lxml import etree

from ..errors import NotWellFormedError, ToolkitError, UnsafeXMLError, ValidationError
from ..batch import Batch, Progress, attempt_each
from ..parallel import make_engine
from ..resources import schema_dir
from ..xmlsafe import parse_bytes, parse_file
from .attributes import AttributeTypes
from .issues import FileResult, Issue, Report, element_at
from .schematron import SchematronRules

Source = Union[str, os.PathLike, bytes, etree._ElementTree, etree._Element]

RNG_NAME = "teikit.rng"
SCH_NAME = "teikit.sch"

_LINE_PREFIX = re.compile(r"^line \d+: ")
_DUPLICATE_ID = re.compile(r"ID (\S+) already defined")
_RNG_FOLLOW_ONS = frozenset({
    "RELAXNG_ERR_EXTRACONTENT",
    "RELAXNG_ERR_CONTENTVALID",
    "RELAXNG_ERR_INTEREXTRA",
    "RELAXNG_ERR_NOELEM",
})


class Validator:
    """RELAX NG + Schematron, compiled once. Not thread-safe: one per thread."""

    def __init__(self, rng_path: str | os.PathLike | None = None, sch_path: str | os.PathLike | None = None):
        started = time.perf_counter()
        self.rng_path = Path(rng_path) if rng_path else schema_dir() / RNG_NAME
        self.sch_path = Path(sch_path) if sch_path else schema_dir() / SCH_NAME
        try:
            self._rng_tree = parse_file(self.rng_path)
            self._rng = etree.RelaxNG(self._rng_tree)
        except ToolkitError as exc:
            raise ToolkitError(f"cannot compile the RELAX NG schema: {exc.message}", path=str(self.rng_path)) from None
        except etree.LxmlError as exc:
            raise ToolkitError(f"cannot compile the RELAX NG schema: {exc}", path=str(self.rng_path)) from None
        self._rules = SchematronRules(self.sch_path)
        self._attributes: AttributeTypes | None = None
        self.compile_seconds = time.perf_counter() - started

    # ------------------------------------------------------------------ public API

    def iter_errors(self, source: Source, *, name: str | None = None) -> Iterator[Issue]:
        """Every issue in one document (a path, bytes, or a parsed tree), in document order per engine."""
        loaded = _load(source, name)
        if isinstance(loaded, Issue):
            yield loaded
            return
        tree, file = loaded
        yield from self._relaxng(tree, file)
        yield from self._rules.check(tree, file)

    def explain(self, element: etree._Element) -> list[str]:
        """What is wrong with the attributes of one element, by the RELAX NG schema alone
        ('date/@dur "P2W": not a valid duration'), one line each; [] when each is fine."""
        if self._attributes is None:
            self._attributes = AttributeTypes(self._rng_tree)
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
                       jobs: int | None = 1, engine=None) -> Report:
        """Validate files, and *.xml under directories (sorted), one result per file, on the
        batch runner (teikit.batch): `progress(items, label)` is the CLI's bar; `jobs`
        processes (None: every core) or the given teikit.parallel engine, each worker
        compiling the schemas once. The report is the same whatever the number of workers.

        Raises fsutil.MissingInputError for a path that does not exist. A file the
        validator itself fails on (a bug) is reported as that file's `internal-error`.
        """
        batch = Batch(paths, (".xml",), progress=progress)
        if engine is None and jobs == 1:
            done = batch.run(self.validate_file, label="validating")
        else:
            state = partial(_worker_validator, str(self.rng_path), str(self.sch_path))
            with nullcontext(engine) if engine is not None else make_engine(jobs, warm=state) as running:
                done = batch.run_on(running, _validate_task, state=state, label="validating")
        results = {result.file: result for result in done}
        for failure in batch.report.failures:
            file = str(failure.path)
            results[file] = FileResult(file, (Issue(file, 0, 0, "internal-error", failure.message),))
        return Report(tuple(results[str(path)] for path in batch.files))

    def validate_file(self, path: str | os.PathLike) -> FileResult:
        file = str(path)
        return FileResult(file, tuple(self.iter_errors(Path(path), name=file)))

    # ------------------------------------------------------------------ engines

    def _relaxng(self, tree: etree._ElementTree, file: str) -> list[Issue]:
        if self._rng.validate(tree):
            return []
        entries = list(self._rng.error_log)
        issues: list[Issue] = []
        for index, entry in enumerate(entries):
            # libxml2 follows a real problem with generic reports on each ancestor
            # ("p has extra content", "Extra element in interleave", …): keep the
            # first report and every specific one, drop the follow-ons.
            if issues and entry.type_name in _RNG_FOLLOW_ONS:
                continue
            line = entry.line or next((e.line for e in entries[index + 1:] if e.line), 0)
            message = entry.message.strip()
            where = _element_name(tree, entry.path)
            if where and where not in message:  # "Error validating datatype token": say where
                message = f"{message} (in {where})"
            issues.append(Issue(file, line, entry.column or 0, _rng_rule(entry.type_name), message, entry.path or ""))
        return issues


def _worker_validator(rng_path: str, sch_path: str) -> Validator:
    """A worker's validator (teikit.parallel): the process-wide one for the project schema."""
    if (Path(rng_path), Path(sch_path)) == (schema_dir() / RNG_NAME, schema_dir() / SCH_NAME):
        return default_validator()
    return Validator(rng_path, sch_path)


def _validate_task(validator: Validator, _shared, paths: list) -> list:
    return attempt_each(paths, lambda path, _report: validator.validate_file(path))


def _element_name(tree: etree._ElementTree, path: str | None) -> str | None:
    found = element_at(tree, path)
    return etree.QName(found).localname if found is not None else None


def _rng_rule(type_name: str) -> str:
    if "ATTR" in type_name:
        return "rng-attribute"
    if any(key in type_name for key in ("DATA", "VALUE", "TYPEVAL", "LIST", "TEXTWRONG")):
        return "rng-value"
    return "rng-element"


def _load(source: Source, name: str | None) -> tuple[etree._ElementTree, str] | Issue:
    """A tree and the file name to report, or the Issue that stops validation before it starts."""
    if isinstance(source, etree._Element):
        source = source.getroottree()
    if isinstance(source, etree._ElementTree):
        return source, name or source.docinfo.URL or "<tree>"
    if isinstance(source, (bytes, bytearray)):
        file, data = name or "<bytes>", bytes(source)
    else:
        file = name or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            return Issue(file, 0, 0, "io-error", f"cannot read: {exc.strerror}")
    try:
        return parse_bytes(data, path=file), file
    except UnsafeXMLError as exc:
        return Issue(file, exc.line, exc.column, "xml-unsafe", _LINE_PREFIX.sub("", exc.message))
    except NotWellFormedError as exc:
        duplicate = _DUPLICATE_ID.search(exc.message)
        if duplicate:  # libxml2 refuses a repeated xml:id while parsing: report it as the rule it breaks
            message = f'xml:id "{duplicate.group(1)}" is used more than once: every xml:id must be unique in the document.'
            return Issue(file, exc.line, exc.column, "id-unique", message)
        return Issue(file, exc.line, exc.column, "xml-syntax", exc.message)


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
