"""`make_package`: TEI files (and their sources) -> a BagIt 1.0 deposit (directory, zip or tar.gz).

The output is checked first (output.py: the name says the format; an existing
directory is never touched, an existing file only with `replace`). The bag is
assembled in a staging directory beside the target, its manifests and tag
files written for BagIt 1.0 and reproducibility (baginfo.py: the bytes
bagit-python's make_bag wrote, then rewritten), serialised there when it is an
archive, and only then moved to
the output in one rename (output.place): a failure at any step leaves no
package behind and the previous one, if any, untouched; a kill at any step
leaves the old package or the new one (or, where the two names cannot be
exchanged at once, the old one aside, put back by the next run: output.recover),
and the staging folder, which the next run into that folder removes
(fsutil.clean_stale_temps).

The corpus register beside the TEI files (their folder's register/: toolkit/register)
is packaged byte for byte under data/tei/register/, where the articles' @sameAs
links (register/persons.xml#id) find it; it is read first (a file that is not a
register is one error naming it), and TEI files from folders with two different
registers are refused (one corpus per package).

Memory is flat in the number of articles: the inputs, their payload names and
everything else known per article or per file is kept on disk in a
scratch.Scratch (a private temporary database that a kill leaves nothing of),
articles are packaged one at a time (payload.py), the manifests and archives
are written streaming (baginfo.py, archive.py). What grows is on disk; in
memory only the corpus register (one corpus's entities, read once to check
the articles' links) and the findings of invalid files.

Bagging-Date is the day the bag is made (dates.py). With `sources`, each
article's source file is found by the sha256 its header records and packaged
under data/sources/ (sources.py); without, the package holds none and the
result carries a warning saying so.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import bagit

from .. import __version__
from ..errors import DepositError, InvalidTEIError
from ..names import REGISTER_DIR, TEI_SUFFIXES, is_register_file
from ..register import KINDS, Register, registers_beside
from ..fsutil import (LOCK_NAME, TEMP_NAME, cannot_write, clean_stale_temps, exclusive_lock, file_in_the_way, lock_path,
                      staging_dir)
from ..inputfiles import collect_files, is_input_name
from ..validate import Validator
from . import stages
from .archive import archive_top_name, base_name, write_archive
from .baginfo import finish_tag_files, human_size, write_manifests
from .dates import bagging_day, day_epoch
from .options import DepositOptions
from .reference import SCHEMA_VERSION, VERSION_KEY
from .output import aside_path, check_target, package_format, place, recover
from .payload import SCHEMA_DIR, TEI_DIR, PayloadWriter
from .safenames import assign_name, contained
from .scratch import Scratch, blob_path, path_blob, path_key, sorted_tree
from .sources import SourceFinder, SourcePlanner


@dataclass(frozen=True)
class PackageResult:
    package: Path
    format: str
    articles: int
    payload_files: int
    payload_bytes: int
    bagging_date: str
    invalid_files: tuple[str, ...]  # inputs packaged although invalid (only with allow_invalid)
    source_files: int = 0           # files under data/sources/
    replaced: bool = False          # an existing package file at `package` was replaced
    warnings: tuple[str, ...] = ()  # what the caller should tell the user (e.g. no sources packaged)


NO_SOURCES_WARNING = (
    "no sources given: the package holds no source files, so the sha256 in its TEI headers "
    "cannot be checked inside it (give --sources FOLDER)"
)


class Inputs:
    """The TEI files to package, gathered and named on disk (in `scratch`), never listed in memory:
    regular *.xml and *.tei files named or found under directories (in the order inputfiles.collect_files gives),
    never a symlink, never twice, each named as safenames.assign_names names them in that order.
    Files inside the package being made (`output`, a folder package inside an input folder: the TEI
    of the package it replaces) or inside teikit's temporaries (its staging folder, a package left
    aside as .NAME.previous) are not inputs, as no command reads its own output (teikit.batch, "Own
    outputs"): `left_out` counts them, and nothing is said of them."""

    def __init__(self, scratch: Scratch, paths, output: Path | None = None):
        self._scratch, self._db = scratch, scratch.db
        self._table = scratch.table("seq INTEGER PRIMARY KEY, name BLOB, path BLOB", index="name")
        seen = scratch.table("real BLOB PRIMARY KEY")
        taken = scratch.name_set()
        self.count = self.left_out = 0
        package = output.resolve() if output is not None else None
        for raw in paths:
            root = Path(raw)
            for path in self._collect(root):
                real_parent = path.parent.resolve()
                if package is not None and (real_parent == package or real_parent.is_relative_to(package)
                                            or any(_is_own_temporary(part, output) for part in path.parts[:-1])):
                    self.left_out += 1
                    continue
                if path.is_symlink():
                    raise DepositError("is a symbolic link; a deposit takes only regular files (name the file it points to)", path=str(path))
                real = path.resolve()
                if root.is_dir() and not real.is_relative_to(root.resolve()):
                    raise DepositError(f"resolves outside {root}", path=str(path))
                if self._db.execute(f"INSERT OR IGNORE INTO {seen} VALUES (?)", (path_blob(real),)).rowcount:
                    name = assign_name(path, ".xml", taken)
                    self._db.execute(f"INSERT INTO {self._table} (name, path) VALUES (?, ?)", (name.encode(), path_blob(path)))
                    self.count += 1
        self._db.execute(f"DELETE FROM {seen}")
        if not self.count:
            raise DepositError("no TEI files (*.xml, *.tei) found", path=", ".join(str(p) for p in paths))

    def _collect(self, root: Path):
        """collect_files([root], TEI_SUFFIXES), one file at a time: a folder's listing is sorted on disk."""
        if not root.is_dir():
            yield from collect_files([root], TEI_SUFFIXES)
            return
        for relative, _ in sorted_tree(self._scratch, root, path_key, folders=False):
            path = root / relative
            if path.is_file() and not is_register_file(path) and is_input_name(path.name, TEI_SUFFIXES):
                yield path

    def paths(self):
        """The inputs in the order they were gathered."""
        for (raw,) in self._db.execute(f"SELECT path FROM {self._table} ORDER BY seq"):
            yield blob_path(raw)

    def by_name(self):
        """(input, payload name) in payload-name order."""
        for name, raw in self._db.execute(f"SELECT name, path FROM {self._table} ORDER BY name"):
            yield blob_path(raw), name.decode()


def _is_own_temporary(part: str, output: Path) -> bool:
    """A folder name teikit gives the package's staging folder or the old package it sets aside."""
    match = TEMP_NAME.match(part)
    return bool(match and match.group("name") == output.name) or part == aside_path(output).name


def _settle(output: Path) -> None:
    """Undo what a killed make of the package at `output` left; the caller holds its lock."""
    recover(output)  # a package a killed run left aside goes back first
    clean_stale_temps(output.parent)  # and its staging folder goes, whatever this run does


def settle(output) -> None:
    """What a killed make of the package at `output` left is undone under the package's lock:
    the old package set aside goes back, the staging folder goes, and the lock file with it.
    make_package does this itself; a caller that may find the package unchanged and not make it
    (buildcache.deposit_unchanged) calls this first, so a killed run's leftovers never outlive
    the next run. Raises DepositError (write_failure) when the package's folder cannot be written."""
    output = Path(output)
    if not _left_by_a_killed_run(output):
        return  # nothing to undo: no lock taken, nothing written (a read-only folder stays fine)
    try:
        with exclusive_lock(output):
            _settle(output)
    except OSError as exc:
        raise write_failure(exc, output) from None


def _left_by_a_killed_run(output: Path) -> bool:
    """Whether the package's folder holds what a make of it leaves only when killed (or while
    it runs): the old package aside, its lock file, its staging folder or a temporary."""
    if os.path.lexists(aside_path(output)) or os.path.lexists(lock_path(output)):
        return True
    try:
        names = os.listdir(output.parent)
    except OSError:
        return False
    return any((match := TEMP_NAME.match(name)) and match.group("name") == output.name for name in names)


def make_package(paths, output, options: DepositOptions = DepositOptions(), *, cache=None, staged=None) -> PackageResult:
    """Package the TEI files under `paths` as a BagIt deposit at `output`; `cache` (a
    deposit.payloadcache.PayloadCache) spares the validation and editions of articles packaged before;
    `staged(path)` is told the finished package's path just before it takes the output's name
    (teikit.buildcache records what it will be: a run killed during the swap leaves a package
    the next build knows)."""
    output = Path(output)
    fmt = package_format(output, options.format)
    check_target(output, fmt, options.replace)
    bagging_date = bagging_day(options.bagging_date)
    schema = Path(options.schema_dir) if options.schema_dir else stages.schema_dir()
    with Scratch() as scratch:
        inputs = Inputs(scratch, paths, output)
        register = corpus_register(inputs.paths())
        finder = SourceFinder(options.sources, scratch) if options.sources else None
        try:
            with exclusive_lock(output):  # a second writer of this package is told it is busy
                _settle(output)
                replacing = check_target(output, fmt, options.replace)  # again: another run may have made it meanwhile
                # inputs.left_out, its own output, is not said (teikit.batch, "Own outputs")
                return _make(inputs, output, fmt, replacing, bagging_date, schema, finder, options, cache, register,
                             scratch, staged)
        except OSError as exc:
            raise write_failure(exc, output) from None


def write_failure(exc: OSError, output: Path) -> Exception:
    """What an OSError while making the package at `output` tells the user, in one line.

    Writing the package (its staging folder, temporaries, lock, or the output itself) failed:
    a DepositError naming the package and the cause (a full or read-only disk, a file where a
    folder is needed); the package there, if any, is untouched. An error about another file (an
    input that cannot be read) is left as it is: it names that file."""
    name = exc.filename
    if name is not None:
        path = Path(os.fsdecode(name))
        ours = path == output or any(TEMP_NAME.match(part) or LOCK_NAME.match(part) for part in path.parts)
        if not ours and not (output.is_relative_to(path) and exc.errno in (errno.ENOTDIR, errno.EEXIST, errno.EACCES, errno.EROFS)):
            return exc
        if exc.errno in (errno.ENOTDIR, errno.EEXIST) and file_in_the_way(output) is not None:
            return DepositError(f"cannot be made: {cannot_write(exc, output)}", path=str(output))
    cause = os.strerror(exc.errno).lower() if exc.errno else str(exc)
    return DepositError(f"cannot be made: {cause}; nothing was written (a package already there is kept)", path=str(output))


def corpus_register(inputs) -> Path | None:
    """The one corpus register folder beside the inputs, TEI files (None: none); two that differ are refused."""
    folders = registers_beside(inputs)
    if not folders:
        return None
    first = _register_bytes(folders[0])
    for other in folders[1:]:
        if _register_bytes(other) != first:
            raise DepositError(f"the TEI files come from two corpus registers ({folders[0]} and {other}): "
                               "package one corpus at a time", path=str(other))
    Register.read(folders[0])  # a file that is not a register: one error naming it, before anything is made
    return folders[0]


class RegisterLinks:
    """Every article's register link (@sameAs register/FILE#id) names an entry of the register packaged:
    `links(path, values)` is the error for the first that does not, or None."""

    def __init__(self, register: Path | None):
        self.register = register
        entries = Register.read(register).entries if register is not None else {}
        self._ids = {f"{REGISTER_DIR}/{KINDS[kind].file}": set(found) for kind, found in entries.items()}

    def __call__(self, path: Path, links) -> DepositError | None:
        for link in links:
            file, _, ident = link.partition("#")
            if ident not in self._ids.get(file, ()):
                where = f"the corpus register beside it ({self.register})" if self.register else "a corpus register (none beside it)"
                return DepositError(f"@sameAs=\"{link}\" names no entry of {where}: convert it again with its register",
                                    path=str(path))
        return None


def _register_bytes(folder: Path) -> dict[str, bytes]:
    files = {}
    for spec in KINDS.values():
        path = folder / spec.file
        if path.is_symlink():
            raise DepositError("is a symbolic link; a deposit takes only regular files", path=str(path))
        if path.is_file():
            try:
                files[spec.file] = path.read_bytes()
            except OSError as exc:
                raise DepositError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return files


def _make(inputs: Inputs, output: Path, fmt: str, replacing: bool, bagging_date: str, schema: Path, finder, options,
          cache, register: Path | None, scratch: Scratch, on_staged=None) -> PackageResult:
    name = base_name(output) if fmt == "dir" else archive_top_name(output)
    staging = staging_dir(output.parent, name)
    writer = None
    try:
        bag = staging / name
        bag.mkdir()
        data = bag / "data"  # the payload
        _copy_schema(schema, data)
        if register is not None:
            for file_name, register_data in _register_bytes(register).items():
                target = contained(data, f"{TEI_DIR}/{REGISTER_DIR}/{file_name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(register_data)
        # Validate against the very bytes being packaged, so the report and the schema agree.
        checker = Validator(rng_path=data / SCHEMA_DIR / "teikit.rng", sch_path=data / SCHEMA_DIR / "teikit.sch")
        planner = SourcePlanner(finder) if finder else None
        writer = PayloadWriter(data, staging, checker, planner, stages.Editions() if options.editions else None, cache,
                               RegisterLinks(register))
        for path, payload_name in inputs.by_name():  # one article at a time: memory flat in their number
            writer.add(path, payload_name)
        if writer.invalid and not options.allow_invalid:
            files = ", ".join(str(path) for path, _ in writer.invalid)
            raise InvalidTEIError(
                f"refusing to package {len(writer.invalid)} invalid TEI file(s) of {writer.articles}: {files} (fix them, or package them as they are: teikit deposit make --allow-invalid)",
                [f for _, findings in writer.invalid for f in findings],
            )
        if writer.source_error is not None:
            raise writer.source_error
        if writer.link_error is not None:
            raise writer.link_error
        writer.finish(options.allow_invalid)
        sources = planner.count if planner else 0
        info = _bag_info(output, writer.articles, len(writer.invalid), bagging_date, sources, options, register is not None)
        os.chmod(data, os.stat(bag).st_mode)  # the payload folder's mode is the bag's, as bagit-python's make_bag set it
        payload_bytes, payload_files = write_manifests(bag, scratch)
        info["Payload-Oxum"] = f"{payload_bytes}.{payload_files}"
        info["Bag-Size"] = human_size(payload_bytes)
        finish_tag_files(bag, info)
        staged = bag
        if fmt != "dir":
            staged = staging / output.name
            write_archive(bag, staged, fmt, day_epoch(bagging_date))
        if on_staged is not None:
            on_staged(staged)
        place(staged, output, replacing)
        if cache is not None:
            cache.finish()
    finally:
        try:
            if writer is not None:
                writer.close()  # may fail too (a full disk): the staging folder goes all the same
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return PackageResult(
        output, fmt, writer.articles, payload_files, payload_bytes, bagging_date, tuple(str(p) for p, _ in writer.invalid),
        source_files=sources, replaced=replacing, warnings=() if finder else (NO_SOURCES_WARNING,),
    )


def _copy_schema(schema: Path, bag: Path) -> None:
    for schema_file in stages.SCHEMA_FILES:
        source = schema / schema_file
        if not source.is_file():
            raise DepositError("schema file missing", path=str(source))
        target = contained(bag, f"{SCHEMA_DIR}/{schema_file}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())


def _bag_info(output: Path, articles: int, invalid: int, bagging_date: str, sources: int, options: DepositOptions,
              register: bool = False) -> dict:
    holds = "TEI P5 masters, the project schema (ODD, RELAX NG, Schematron)"
    if sources:
        holds = f"TEI P5 masters with their {sources} source file(s), the project schema (ODD, RELAX NG, Schematron)"
    if register:
        holds += ", the corpus register (data/tei/register/)"
    if options.editions:
        holds += ", HTML and plain-text editions"
    description = options.external_description or (
        f"{articles} news article(s) as TEI P5 made with teikit {__version__}: {holds}, "
        "Dublin Core metadata (metadata.csv) and a validation report."
    )
    info = {
        "Source-Organization": options.source_organization,
        "Contact-Name": options.contact_name,
        "Contact-Email": options.contact_email,
        "External-Description": description,
        "External-Identifier": options.external_identifier or base_name(output),
        "Bagging-Date": bagging_date,
        "Bag-Software-Agent": [f"teikit {__version__}", f"bagit.py v{bagit.VERSION} <{bagit.PROJECT_URL}>"],
        "Teikit-Source-Files": str(sources),
        VERSION_KEY: SCHEMA_VERSION,
    }
    if options.allow_invalid:
        info["Teikit-Allow-Invalid"] = "true"
        info["Teikit-Invalid-Files"] = str(invalid)
    return {k: v for k, v in info.items() if v}
