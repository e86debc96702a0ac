"""`teikit build`: the main job, a corpus end to end (SEEDS → TEI → editions → deposit).

Contract: one build at a time writes its --tei and --dist folders (a lock
beside each, fsutil.exclusive_lock); another is refused with one `busy` line.
The build's corpus is the TEI of its sources only: a TEI file in
the --tei folder that no current source would make (left by an earlier build
of a source since removed or renamed) is removed, with its text edition and
its page, when the build record says teikit wrote it and it is unchanged since
(convertrecord.remove_unmade); any other (an editor's, or not teikit's) is
reported, one warning line each, and neither validated, rendered nor packaged
(`stale_tei`). A build that makes no TEI (a seeds folder holding no source, or whose every
source fails) removes nothing.

Over outputs made before, each step redoes only what its inputs changed (the
build records, teikit.buildrecord: convertrecord, render.siterecord,
buildcache for validation and the package); --force redoes everything.

The steps run in order (convert, tidy the edited TEI files convert
kept, validate, render html, render text, deposit); each one's errors and
warnings are printed as soon as it ends, so a later failure never hides them.
A step that fails marks the build failed and the steps that can still run do
run; only when convert writes no TEI at all is
there nothing left to do. Exit 0 when every step succeeded for every article,
1 otherwise, 2 for a usage error (a missing --seeds folder, -o style paths that
are files, a bad option value).

The options are the stage commands' own: the same definitions (cli.common),
the same choices (render.ABBR_MODES, deposit.archive.FORMATS), the same defaults.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Optional

import typer

from ..batch import Report
from ..buildcache import deposit_unchanged, validate_unchanged
from ..convert import SOURCE_SUFFIXES, convert_paths
from ..convertrecord import remove_unmade
from ..deposit import DepositOptions, make_package
from ..editing import tidy_paths
from ..errors import NoInputError, ToolkitError
from ..fsutil import cannot_write, exclusive_lock, file_in_the_way
from ..ingest import WARC, source_stem, source_type
from ..ingest import warc as web_archive
from ..inputfiles import collect_files
from ..options import ConvertOptions
from ..render import build_site, render_paths
from ..render.stale import remove_made
from ..validate import default_validator
from .common import (EXIT_FAILED, AbbrMode, PackageFormat, abbr_option, day_option, edit_policy, error_line, guarded,
                     engine_for, follow_symlinks_option, force_option, jobs_option, language_option, licence_option, markup_licence_option, merge_option,
                     model_option, os_error_message, output_dir_option, overwrite_option, print_report, progress,
                     publisher_option, say, scheduler_option, usage_error, warning_line)
from .tidy import print_changes, tidy_summary

DEFAULT_PACKAGE_FORMAT = "zip"


class _Steps:
    """Whether any step failed; each step's problems are printed when it reports them."""

    def __init__(self) -> None:
        self.failed = False

    @contextmanager
    def step(self):
        """A step that may raise a ToolkitError or an OSError (a full or read-only disk): printed
        as one `error:` line, and the build goes on."""
        try:
            yield
        except ToolkitError as exc:
            self.error(str(exc))
        except OSError as exc:
            self.error(os_error_message(exc))

    def error(self, message: str) -> None:
        error_line(message)
        self.failed = True

    def report(self, report, summary: str) -> None:
        """A stage's batch.Report, printed the way every command prints one."""
        self.failed |= print_report(report, summary)


@contextmanager
def _locked(tei_dir: Path, dist: Path):
    """The build's output folders held (fsutil.exclusive_lock) for the whole build; one that
    another teikit process holds is one `busy` line, exit 1, and nothing done."""
    with guarded(), ExitStack() as held:
        for folder in (tei_dir, dist):
            try:
                held.enter_context(exclusive_lock(folder))
            except OSError as exc:
                if file_in_the_way(folder) is not None:  # -o style paths that are files: a usage error
                    usage_error(f"{folder}: cannot be written: {cannot_write(exc, folder)}")
                raise
        yield


def _kept_note(report) -> str:
    """`, N merged with their edits, K edited files kept` (the parts that are not zero)."""
    merged, kept = len(report.merged), len(report.kept)
    note = f", {merged} merged with {'its' if merged == 1 else 'their'} edits" if merged else ""
    return note + (f", {kept} edited file{'s' if kept != 1 else ''} kept" if kept else "")


def stale_tei(seeds: Path, tei_dir: Path, converted: Report, own=()) -> list[Path]:
    """TEI files in `tei_dir` (where convert writes DIR/<stem>.xml) that no source under `seeds` makes
    (`own`: the build's output folders, whose files are never sources): not one `converted` (this
    run's convert) wrote, found unchanged or kept, nor one a source that failed would make (a file's
    stem, a web archive's page's); while an archive could not be read at all, none is stale (any
    may be one of its pages); while `seeds` holds no source at all (a wrong or empty folder, a disk
    not mounted), none is stale: the corpus is not taken to be empty."""
    sources = collect_files([seeds], SOURCE_SUFFIXES, exclude=own)
    if not sources:
        return []
    stems = {Path(path).stem for path in (*converted.written, *converted.unchanged, *converted.kept)}
    stems |= {source_stem(path) for path in sources if source_type(path) != WARC}
    archives = {str(path) for path in sources if source_type(path) == WARC}
    for failure in converted.failures:
        if str(failure.path) in archives:
            return []
        archive, stem = web_archive.page_of_display(str(failure.path))  # a page's failure, or a file's
        if archive in archives:
            stems.add(stem)
    try:
        found = sorted(tei_dir.glob("*.xml"))
    except OSError:
        return []
    return [path for path in found if not path.name.startswith(".") and path.stem not in stems and path.is_file()]


def package_path(seeds: Path, dist: Path, fmt: str) -> Path:
    """dist/deposit/<seeds folder name>-corpus[.zip|.tar.gz]."""
    suffix = "" if fmt == "dir" else f".{fmt}"
    return dist / "deposit" / f"{seeds.resolve().name}-corpus{suffix}"


def build(
    seeds: Path = typer.Option(Path("seeds"), "--seeds", metavar="DIR", help="Folder of source articles."),
    tei_dir: Path = output_dir_option("Folder for the TEI master files.", "--tei", default=Path("tei")),
    dist: Path = output_dir_option("Folder for editions and the deposit package.", "--dist", default=Path("dist")),
    model: Optional[Path] = model_option("A model folder from `teikit ner train` for convert; rules only without it."),
    publisher: str = publisher_option("Publisher of the edition: TEI header and the package's Source-Organization."),
    licence: Optional[str] = licence_option(),
    markup_licence: str = markup_licence_option(),
    abbr: AbbrMode = abbr_option(),
    deposit: bool = typer.Option(True, "--deposit/--no-deposit", help="Also make the BagIt deposit package."),
    package_format: PackageFormat = typer.Option(PackageFormat(DEFAULT_PACKAGE_FORMAT), "--package-format",
                                                 help="Deposit package format: dist/deposit/<seeds>-corpus as a folder, .zip or .tar.gz."),
    bagging_date: Optional[str] = day_option("--bagging-date", "Bagging-Date of the deposit package (default: the day of $SOURCE_DATE_EPOCH when set, else today)."),
    contact_name: Optional[str] = typer.Option(None, "--contact-name", metavar="TEXT", help="Contact-Name for the deposit package's bag-info.txt."),
    contact_email: Optional[str] = typer.Option(None, "--contact-email", metavar="TEXT", help="Contact-Email for the deposit package's bag-info.txt."),
    language: Optional[str] = language_option(),
    merge: bool = merge_option(),
    overwrite: bool = overwrite_option(),
    jobs: Optional[int] = jobs_option(),
    follow_symlinks: bool = follow_symlinks_option(),
    scheduler: Optional[str] = scheduler_option(),
    force: bool = force_option(),
) -> None:
    """Convert, validate, render and package a corpus: SEEDS → TEI → dist/html, dist/txt, dist/deposit.

    Every error and warning of every step is printed, even when a later step
    fails. A TEI file edited since teikit wrote it is kept (and tidied before
    validation) unless --merge or --overwrite says otherwise. Exit 0 when
    every step succeeded for every article, 1 otherwise (what could be done
    is still done), 2 for a usage error.
    """
    edited = edit_policy(merge, overwrite)
    # a second build into these folders is told they are busy; one pool of workers (or a cluster) for every step
    with _locked(tei_dir, dist), engine_for(jobs, scheduler, always=True) as engine:
        _build(seeds, tei_dir, dist, model, publisher, licence, markup_licence, abbr, deposit, package_format, bagging_date,
               contact_name, contact_email, language, edited, engine, follow_symlinks, force)


# What a build refused to update its site says: the site is made from the seeds' TEI alone once every seed converts.
SITE_HINT = "correct the files that failed to convert, or remove them, and build again"


def _unchanged(report) -> str:
    return f", {report.unchanged_count} unchanged" if report.unchanged_count else ""


def _build(seeds, tei_dir, dist, model, publisher, licence, markup_licence, abbr, deposit, package_format, bagging_date,
           contact_name, contact_email, language, edited, engine, follow_symlinks=False, force=False) -> None:
    steps = _Steps()
    options = ConvertOptions(publisher=publisher, licence=licence, markup_licence=markup_licence, model_dir=str(model) if model else None,
                             language=language, follow_symlinks=follow_symlinks)
    own = (tei_dir, dist)  # the build's outputs: never read as its articles, even inside the seeds folder
    with guarded():  # no seeds folder, or a model that cannot be loaded: nothing can be built
        try:
            converted = convert_paths([seeds], tei_dir, options, progress=progress, edited=edited, engine=engine,
                                      force=force, outputs=own)
        except NoInputError as exc:  # said, and the build stops below as one that makes no TEI
            converted = Report()
            converted.fail(seeds, str(exc))
    # this build's TEI only (written, unchanged since the last build, or edited and kept), never a stale
    # file from an earlier one
    tei = sorted(converted.written + converted.unchanged + converted.kept, key=str)
    # a TEI file no source makes any more: removed when teikit wrote it and no one edited it since; none
    # by a build that makes no TEI at all (it stops: its seeds are a wrong folder, or every one fails)
    stale = stale_tei(seeds, tei_dir, converted, own) if tei else []
    removed = remove_unmade(tei_dir, stale)
    converted.warnings.extend(f"{path}: kept, but no source in {seeds} makes it (its source renamed or removed?; a file "
                              "renamed as its source now is keeps its edits); not validated, rendered or packaged"
                              for path in stale if path not in removed)
    converted.warnings.extend(f"{path}: removed: no source in {seeds} makes it any more (teikit wrote it, and it "
                              "was not edited since)" for path in removed)
    steps.report(converted, f"convert:  {len(converted.written)} TEI files in {tei_dir}{_unchanged(converted)}{_kept_note(converted)}")
    if converted.kept:
        with steps.step():
            tidied, changes = tidy_paths(converted.kept, follow_symlinks=follow_symlinks)
            print_changes(changes, "tidy:     ")
            steps.report(tidied, f"tidy:     {tidy_summary(tidied, changes)}")
    if not tei:
        left = sum(1 for _ in tei_dir.glob("*.xml")) if tei_dir.is_dir() else 0  # after the removals: what is there
        kept = f" ({left} TEI file{'s' if left != 1 else ''} left as {'they are' if left != 1 else 'it is'} in {tei_dir})" if left else ""
        steps.error(f"{seeds}: no TEI written; nothing to validate, render or deposit{kept}")
        raise typer.Exit(EXIT_FAILED)

    with steps.step():
        # what convert wrote as it validated it (with the same, default, validator) is not validated again
        report, known = validate_unchanged(default_validator(), tei, dist, engine=engine, follow_symlinks=follow_symlinks,
                                           force=force, warn=warning_line, validated=converted.validated)
        for issue in report.issues:  # already "file:line:col: error: [rule] message"
            say(str(issue), err=True)
        steps.failed |= not report.valid
        say(f"validate: {report.summary()}" + (f", {known} unchanged" if known else ""), err=True)

    with steps.step():
        # The site is this build's corpus; while an article failed, it keeps what it held for it.
        site = build_site(tei, dist / "html", progress=progress, replace_site=not converted.failures,
                          engine=engine, follow_symlinks=follow_symlinks, force=force, replace_hint=SITE_HINT)
        steps.report(site, f"render:   {site.written_count} HTML pages in {dist / 'html'}{_unchanged(site)}")

    with steps.step():
        texts = render_paths(tei, dist / "txt", "txt", abbr=abbr.value, progress=progress, engine=engine,
                             follow_symlinks=follow_symlinks, force=force)
        for page in remove_made(dist / "txt", "txt", [path.stem for path in stale], ".txt"):  # as the site drops its page
            texts.warn(f"{page}: removed (its TEI left the corpus)")
        steps.report(texts, f"render:   {len(texts.written)} text files in {dist / 'txt'}{_unchanged(texts)}")

    if deposit and converted.failures:  # a package without them would replace one that holds them
        steps.error(f"{package_path(seeds, dist, package_format.value)}: not made, {len(converted.failures)} "
                    "article(s) failed to convert; the package there (if any) is kept")
    elif deposit:
        with steps.step():
            target = package_path(seeds, dist, package_format.value)
            said = []
            holds, made = deposit_unchanged(tei, target, DepositOptions(
                format=package_format.value, sources=(seeds,), replace=True, bagging_date=bagging_date,
                source_organization=publisher, contact_name=contact_name, contact_email=contact_email),
                make_package, force=force, warn=said.append,
                others=[package_path(seeds, dist, other.value) for other in PackageFormat if other != package_format])
            steps.report(Report(warnings=said + holds["warnings"]),
                         f"deposit:  {target} ({holds['articles']} articles, {holds['source_files']} source files, "
                         f"{holds['payload_files']} payload files, bagged {holds['bagging_date']})"
                         + ("" if made else ", unchanged"))
    if steps.failed:
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.command("build")(build)
