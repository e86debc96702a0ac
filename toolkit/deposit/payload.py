"""A package's payload, written article by article: memory flat in the number of articles.

    writer = PayloadWriter(payload_root, work, checker, planner, editions, cache, links)
    for path, name in inputs:   # in payload-name order
        writer.add(path, name)  # read once, validate, write TEI, its source (if new), editions, its rows
    writer.finish(allow_invalid)  # metadata/validation-report.json

Each article is read, parsed, validated and written before the next one is
read, and only counts (and the findings of an invalid file, for the error) are
kept: metadata.csv is written row by row, the validation report's entries go
to a file in the staging folder `work` and are copied into the report at the
end. The bytes are those the whole-corpus writer gave (same JSON layout).
A source that cannot be found is remembered (`source_error`) and the rest is
still validated, so invalid TEI is reported first, as before anything is kept;
so is the first register link (@sameAs) that `links(path, values)` refuses
(`link_error`). Nothing of an article is kept once it is written (its tree,
and the link values that would keep it alive, go with it), only counts, the
invalid files' findings and the first errors.
"""

from __future__ import annotations

import csv
import json
import posixpath
import shutil
from pathlib import Path

from .. import __version__
from ..errors import DepositError
from ..validate import FileResult
from ..xmlsafe import parse_bytes
from .metadata import COLUMNS, read_record, register_links
from .safenames import contained
from .sources import SourcePlanner, copy_source, sidecar_payload

TEI_DIR, SCHEMA_DIR, METADATA_DIR = "tei", "schema", "metadata"
HTML_DIR, TXT_DIR = "editions/html", "editions/txt"
_MARK = "\0files\0"


class PayloadWriter:
    def __init__(self, bag: Path, work: Path, checker, planner: SourcePlanner | None, editions=None, cache=None,
                 links=None):
        self.bag, self.checker, self.planner, self.editions = bag, checker, planner, editions
        self.links = links  # (input, [@sameAs values]) -> DepositError | None: what the register makes of its links
        self.cache = cache  # deposit.payloadcache.PayloadCache: the findings and editions of a package made before
        self.articles = self.valid = self.errors = 0
        self.invalid: list[tuple[Path, tuple]] = []  # (input, findings) of each invalid file
        self.source_error: DepositError | None = None
        self.link_error: DepositError | None = None  # the first register link (@sameAs) that names no entry
        metadata = contained(bag, f"{METADATA_DIR}/metadata.csv")
        metadata.parent.mkdir(parents=True, exist_ok=True)
        self._csv_file = open(metadata, "w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._csv_file, fieldnames=COLUMNS, lineterminator="\n")
        self._csv.writeheader()
        self._entries_path = work / "validation-entries.part"
        self._entries = open(self._entries_path, "w", encoding="utf-8", newline="\n")

    def close(self) -> None:
        self._csv_file.close()
        self._entries.close()

    def _write(self, relative: str, data: bytes) -> None:
        target = contained(self.bag, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def add(self, path: Path, name: str) -> None:
        data = _read(path)  # read once: what is validated is what is packaged
        tree = parse_bytes(data, path=str(path), ids_checked=False)  # a repeated xml:id: validation's finding
        kept = self.cache.get(name, data) if self.cache is not None else None
        findings = kept[0] if kept is not None else tuple(self.checker.iter_errors(tree, name=str(path)))
        if self.links is not None and self.link_error is None:
            self.link_error = self.links(path, register_links(tree))
        payload = f"data/{TEI_DIR}/{name}"
        self._write(f"{TEI_DIR}/{name}", data)  # the master, byte for byte
        source_file = self._source(tree, path, name)
        html = text = None
        if self.editions is not None:
            stem = name.removesuffix(".xml")
            tei_href = posixpath.relpath(f"{TEI_DIR}/{name}", HTML_DIR)  # from the page to its master
            html, text = kept[1:] if kept is not None and kept[1] is not None else self.editions.render(
                tree, path, tei_href=tei_href)
            self._write(f"{HTML_DIR}/{stem}.html", html)
            self._write(f"{TXT_DIR}/{stem}.txt", text)
        if self.cache is not None and kept is None:
            self.cache.put(name, data, findings, html, text)
        del data
        self._csv.writerow(read_record(tree, payload, source_file))
        entry = FileResult(payload, findings).to_dict()
        entry["source_name"] = path.name
        entry["source_file"] = source_file or None
        side = sidecar_payload(source_file) if source_file else ""
        entry["sidecar_file"] = side if side and contained(self.bag, side.removeprefix("data/")).is_file() else None
        self._entries.write((",\n    " if self.articles else "") + json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        self.articles += 1
        self.errors += len(findings)
        if findings:
            self.invalid.append((path, findings))
        else:
            self.valid += 1

    def _source(self, tree, path: Path, name: str) -> str:
        if self.planner is None or self.source_error is not None:
            return ""
        try:
            source_file, new = self.planner.add(tree, path, name)
        except DepositError as exc:
            self.source_error = exc
            return ""
        if new is not None:
            found, sha256, side = new
            target = contained(self.bag, source_file.removeprefix("data/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_source(found, sha256, target)  # the source, byte for byte
            if side is not None:  # its sidecar beside it, byte for byte: the TEI's title, date, licence … came from it
                _copy_sidecar(side, contained(self.bag, sidecar_payload(source_file).removeprefix("data/")))
        return source_file

    def finish(self, allow_invalid: bool) -> None:
        """Write the validation report (the validate stage's report of every TEI file at packaging
        time, named by its place in the bag, plus the schema's place, --allow-invalid, each file's
        original name and its packaged source) and close the metadata table."""
        self.close()
        report = {
            "generator": f"teikit {__version__}",
            "schema": {"relaxng": f"data/{SCHEMA_DIR}/teikit.rng", "schematron": f"data/{SCHEMA_DIR}/teikit.sch"},
            "allow_invalid": allow_invalid,
            "summary": {"files": self.articles, "valid": self.valid, "invalid": self.articles - self.valid, "errors": self.errors},
            "files": [_MARK],
        }
        head, tail = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").split(json.dumps(_MARK))
        target = contained(self.bag, f"{METADATA_DIR}/validation-report.json")
        with open(target, "w", encoding="utf-8", newline="\n") as out, open(self._entries_path, encoding="utf-8") as entries:
            out.write(head)
            shutil.copyfileobj(entries, out)
            out.write(tail)
        self._entries_path.unlink()


def _copy_sidecar(side: Path, target: Path) -> None:
    try:
        data = side.read_bytes()
    except OSError as exc:
        raise DepositError(f"cannot read: {exc.strerror}", path=str(side)) from None
    with open(target, "xb") as out:
        out.write(data)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DepositError(f"cannot read: {exc.strerror}", path=str(path)) from None
