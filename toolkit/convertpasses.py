"""convert's passes as a worker runs them (teikit.parallel tasks: task(state, shared, chunk)), and
how an article travels between them.

- **pass one** (`read_task`, `read_page_task` for a web archive's pages): each source read (a page
  whose declared charset was wrong warned of: SourceMeta.encoding_warning), its
  language settled (`settle_language`), recognised without the corpus names; its result
  (source, article, mentions, failure, the names it holds, the warnings said, what the recogniser
  kept for a second recognition: `first_recognition`, recognise.base.TwoStep);
- **look again** (`again_task`, once per round of register.settle): an article that holds a name
  of the others' that its own recognition missed is recognised again with the corpus names, from
  what pass one kept when the recogniser kept something (only the work that reads those names
  is done again); each entry with the names it holds then. A look after the first is given, with
  pass one's article, the last look's result for it (`Again`), which stands unless a name that
  entered or left the corpus names between the two looks is written in it
  (corpusnames.written_in: only such a name can change what the look finds in it);
- **last pass** (`write_task`): encoded against the register's view, validated, placed.

What the parent (a cluster's client) does with each of pass one's results, in input order, is
one piece of bookkeeping whatever the engine (`PassOne`): a page skipped counted, a repeated
WARC record refused its name (one failure; it goes on to no later pass), the record told what
a read article holds (ConvertRecord.found), the names gathered for the corpus register, and one
line per language whose recogniser finds no names (`not_recognised_line`); a web archive is
surveyed first, the same way too (`survey_archive`).

On this machine (`--jobs N`) the parent spools each article between the passes, and its own work
per article is what it takes to hold it. So the article travels as `Packed`: pickled once by the
worker that made it, unpickled by the worker that next works on it; the parent reads and writes
bytes and a few small fields (`First`, `Looked`: its stem, language, names and warnings), never
the article's objects (it spent ~10 ms an article in pickle at --jobs 2 on two cores, taken from
the workers). `read_packed`, `read_page_packed`, `again_packed` (given, after the first look, the
names that changed since the last one: corpusnames.written_forms) and `write_packed` are the tasks
a local run gives its engine. Its pool is told pass two's count of work beforehand
(ConvertRecord.work_count): the spooled articles (a refused one is not) less the reused ones the
last look left standing (ConvertRecord.stands) that the settled view leaves standing too. A Dask
cluster keeps the results on its workers instead (cluster.DaskEngine.two_passes) and is given
the plain tasks.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from .batch import Outcome, attempt_each
from .convertrecord import REUSED, Recheck, Reused
from .corpusnames import bears_on, written_in
from .editing import place
from .encode.checked import encode_checked as _encode_checked
from .errors import EmptyArticleError, ToolkitError, UntitledArticleError
from .ingest import ingest_file
from .ingest import warc as web_archive
from .language import decide, gregorian_date, name_of, primary
from .model import NAME_TYPES, Article, author_names
from .options import ConvertOptions
from .recognise import Context, Recogniser, TwoStep, registry
from .register import found_names


def settle_language(article: Article, options: ConvertOptions = ConvertOptions()) -> tuple[Article, str | None]:
    """The article with its language decided (language.decide) and a printed date of its era Gregorian; the warning."""
    meta = article.meta
    decision = decide(article.text, stated=meta.stated_language, option=options.language,
                      declared=meta.declared_language)
    date = gregorian_date(article.date, decision.language) if article.date and article.date_text else article.date
    if decision.language != meta.language or date != article.date:
        article = replace(article, date=date, meta=replace(meta, language=decision.language))
    return article, decision.warning


def finds_names(article: Article) -> bool:
    """Whether the recogniser for the article's language finds names (only then are names
    found in other articles looked for in it)."""
    return bool(registry.recognition_for(article.meta.language).types & set(NAME_TYPES))


def context_for(article: Article, known_names: frozenset = frozenset(), own_names: frozenset = frozenset()) -> Context:
    author = next((n.split(", ")[0] for n in author_names(article.author)), None)  # the first page author's, byline name's
    return Context(reference_date=article.date, author=author, known_names=known_names, own_names=own_names,
                   language=article.meta.language)


def recognise(article: Article, recogniser: Recogniser, known: frozenset = frozenset(), own: frozenset = frozenset(),
              prepared=None):
    """(mentions, None), or (None, why) when the recogniser itself failed. With `prepared` (what
    the recogniser's `prepare` kept of this article, first_recognition), only the work that
    reads the corpus names is done again (recognise.base.TwoStep)."""
    try:
        context = context_for(article, known, own)
        if prepared is not None:
            return recogniser.finish(article.text, prepared, context), None
        return recogniser.find(article.text, context), None
    except ToolkitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any recogniser bug must not cost the article
        return None, _failed(recogniser, exc)


def first_recognition(article: Article, recogniser: Recogniser) -> tuple:
    """(mentions, failure, prepared): the article recognised without the corpus names, and what a
    TwoStep recogniser kept of the work for a second recognition with them (None: nothing kept)."""
    if not isinstance(recogniser, TwoStep):
        return (*recognise(article, recogniser), None)
    try:
        context = context_for(article)
        prepared = recogniser.prepare(article.text, context)
        return recogniser.finish(article.text, prepared, context), None, prepared
    except ToolkitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any recogniser bug must not cost the article
        return None, _failed(recogniser, exc), None


def _failed(recogniser: Recogniser, exc: Exception) -> str:
    return f"the {getattr(recogniser, 'name', '?')} recogniser failed ({type(exc).__name__}: {exc})"


# --- the tasks -----------------------------------------------------------------------------

def read_task(state, options: ConvertOptions, sources: list) -> list:
    """Pass one over a chunk: each source ingested, its language settled, recognised, with the
    names it holds (register.found_names)."""
    recognisers, _ = state

    def read(source: Path, report) -> tuple:
        return first_look(source, ingest_file(source, follow_symlinks=options.follow_symlinks), recognisers,
                          options, report)

    return attempt_each(sources, read)


def first_look(source: Path, article: Article, recognisers, options: ConvertOptions, report) -> tuple:
    """(source, article with its language, mentions, failure, the names they hold, the warnings said,
    what the recogniser kept for pass two: first_recognition)."""
    if article.meta.encoding_warning:
        report.warn(f"{source}: {article.meta.encoding_warning}")
    article, warning = settle_language(article, options)
    if warning:
        report.warn(f"{source}: {warning}")
    mentions, failure, prepared = first_recognition(article, recognisers(article.meta.language))
    return (source, article, mentions, failure, found_names(article.text, mentions or []), list(report.warnings),
            prepared)


def read_page_task(state, options: ConvertOptions, pages: list) -> list:
    """Pass one over a chunk of a web archive's pages, as read_task over files; a page without
    article text is not a failure of the archive: its result is the reason it is skipped."""
    recognisers, _ = state

    def read(page, report):
        source = Path(web_archive.page_display(page))
        try:
            article = web_archive.page_article(page)
        except UntitledArticleError:
            raise  # its text is there: one line, not counted among the pages without text
        except EmptyArticleError:
            return web_archive.SKIP_NO_TEXT
        return first_look(source, article, recognisers, options, report)

    return attempt_each(pages, read, path_of=web_archive.page_display)


def again_task(state, shared, entries: list) -> list:
    """Pass two over a chunk of pass one's results, (source, article, mentions, failure) and what
    the recogniser kept, if anything (first_recognition): recognised again where the register
    knows a name of other articles that the article's own recognition missed
    (register.SharedNames), from what was kept when there is; each entry with the names it holds
    then. A reused article stands, unless a name that entered the corpus since is written in it:
    it is then read and recognised as the others are, and its entry carries the Reused (its
    record goes on)."""
    recognisers, _ = state
    shared_names, options = shared
    out = []
    for item in entries:
        reused = None
        if isinstance(item, Reused):
            out.append(item)
            continue
        if isinstance(item[0], Reused):
            reused, recheck = item
            try:
                article = settle_language(recheck.read(options.follow_symlinks), options)[0]
            except ToolkitError:
                out.append(reused)  # the last pass says why
                continue
            if not recheck.forced and not bears_on(recheck.phrases, article.text):
                out.append(reused)
                continue
            item = (recheck.source, article, *first_recognition(article, recognisers(article.meta.language)))
        source, article, mentions, failure = item[:4]
        prepared = item[4] if len(item) > 4 else None  # what pass one kept (first_recognition)
        found = found_names(article.text, mentions or [])
        own = (shared_names.for_article(article.text, mentions, found)
               if mentions is not None and finds_names(article) else None)
        if own is not None:
            try:
                mentions, failure = recognise(article, recognisers(article.meta.language), shared_names.names, own,
                                              prepared)
                found = found_names(article.text, mentions or [])
            except ToolkitError:
                pass  # pass one's mentions stand
        out.append((source, article, mentions, failure, found) + ((reused,) if reused is not None else ()))
    return out


def write_task(state, shared, entries: list) -> list:
    """The last pass over a chunk: encoded against the register's view, validated and placed
    (editing.place: an edited target is kept, merged or replaced)."""
    recognisers, validator = state
    view, out_dir, options, edited = shared

    def write(entry, report) -> Path | None:
        if isinstance(entry, Recheck):  # reused, unless a name that entered the corpus is written in it (pass two)
            article = settle_language(entry.read(options.follow_symlinks), options)[0]
            if not entry.forced and not bears_on(entry.phrases, article.text):
                return REUSED
            entry = (entry.source, article, *recognise(article, recognisers(article.meta.language)))
        source, article, mentions, failure = entry
        tree, clean = _encode_checked(article, source, mentions, failure, options, validator, report, view)
        return place(out_dir / f"{article.stem}.xml", tree, article, edited, report,
                     validator=validator, when=options.conversion_date, clean=clean)

    return attempt_each(entries, write, path_of=lambda entry: entry[0])


# --- an article between passes, on this machine ------------------------------------------

class Packed(NamedTuple):
    """An article between two passes: its source and stem, and (source, article, mentions,
    failure[, what the recogniser kept]) pickled in two: the article (`head`, read alone where
    only its text is asked: an Again) and the rest (`data`)."""

    source: Path
    stem: str
    head: bytes
    data: bytes

    def unpacked(self) -> tuple:
        source, *rest = pickle.loads(self.data)
        return (source, pickle.loads(self.head), *rest)

    def article(self) -> Article:
        return pickle.loads(self.head)


class First(NamedTuple):
    """Pass one's result as the parent holds it: what the record and the register need of it, and the
    article (None on a cluster's client: the article and its names stay on the cluster)."""

    source: Path
    stem: str
    language: str
    names: set
    said: list
    article: Packed | None


class Looked(NamedTuple):
    """A look again's result as the parent holds it: the names the article holds then, the Reused
    whose record goes on (a reused article recognised again) or None, and the article."""

    stem: str
    names: set
    reused: Reused | None
    article: Packed


def _packed(entry: tuple) -> Packed:
    return Packed(entry[0], entry[1].stem, pickle.dumps(entry[1], protocol=pickle.HIGHEST_PROTOCOL),
                  pickle.dumps((entry[0], *entry[2:]), protocol=pickle.HIGHEST_PROTOCOL))


def _first(outcome: Outcome) -> Outcome:
    result = outcome.result
    if not outcome.done or not isinstance(result, tuple):  # failed; a web archive's page skipped: why
        return outcome
    source, article, mentions, failure, names, said, prepared = result
    packed = _packed((source, article, mentions, failure, prepared))
    return Outcome(True, First(source, article.stem, article.meta.language, names, said, packed), outcome.report)


def read_packed(state, options: ConvertOptions, sources: list) -> list:
    """read_task, each result a First."""
    return [_first(outcome) for outcome in read_task(state, options, sources)]


def read_page_packed(state, options: ConvertOptions, pages: list) -> list:
    """read_page_task, each result a First (or why the page is skipped)."""
    return [_first(outcome) for outcome in read_page_task(state, options, pages)]


class Again(NamedTuple):
    """A look after the first at one of pass one's articles: the article, and the last look's Looked."""

    article: Packed
    last: Looked


def again_packed(state, shared, entries: list) -> list:
    """again_task over Packed articles (a Reused, or a Reused and its Recheck, as they are), `shared`
    being again_task's and the forms of the names that changed since the last look (None: this is
    the first); each result a Looked, or the Reused that stands. An Again's last Looked stands
    when none of those names is written in its article (corpusnames.written_in)."""
    *given, changed = shared
    out, todo = [], []  # the results; (where in out, again_task's entry) of those looked at
    for entry in entries:
        if isinstance(entry, Again):
            if not written_in(changed, entry.article.article().text):
                out.append(entry.last)
                continue
            entry = entry.article
        todo.append((len(out), entry.unpacked() if isinstance(entry, Packed) else entry))
        out.append(None)
    looked = again_task(state, tuple(given), [entry for _, entry in todo])
    for (at, _), entry in zip(todo, looked):
        out[at] = entry if isinstance(entry, Reused) else \
            Looked(entry[1].stem, entry[4], entry[5] if len(entry) > 5 else None, _packed(entry[:4]))
    return out


def write_packed(state, shared, entries: list) -> list:
    """write_task over Packed articles (a Recheck as it is)."""
    return write_task(state, shared, [e.unpacked() if isinstance(e, Packed) else e for e in entries])


# --- pass one's bookkeeping, the same on this machine and on a cluster ----------------------

_LISTED = 3  # articles named in the line that says which types a language's recogniser does not find


class PassOne:
    """What the parent (a cluster's client) does with pass one's results, one at a time in input
    order (`take`): a web archive's page skipped is counted; an article whose output name an
    earlier input has (a WARC record repeated: batch.claim_output) is refused, one failure (not
    gone on with: no later pass, nor pass two's count, ConvertRecord.work_count, holds it); the
    record is told what a read article holds (ConvertRecord.found); the names of the articles
    kept are gathered (`found`: a reused article's from its record); and after the pass
    (`warn`), one line per language whose recogniser finds no names."""

    def __init__(self, batch, plan):
        self.batch = batch
        self.plan = plan
        self.found: set = set()
        self._unrecognised: dict[str, list[Path]] = {}

    def take(self, result) -> bool:
        """Whether `result` (a First; a Reused, whose TEI stands; or why a page is skipped) is an
        article to go on with."""
        report = self.batch.report
        if isinstance(result, str):
            report.skip(result)
            return False
        if isinstance(result, Reused):  # what its last run found; its names are in the register already
            source, stem, language = result.source, result.stem, result.entry["language"]
            names = [tuple(name) for name in result.entry["names"]]
        else:
            source, stem, language, names = result.source, result.stem, result.language, result.names
        if why := self.batch.claim_output(stem, source):  # a WARC record repeated
            report.fail(source, why)
            return False
        if not isinstance(result, Reused):
            self.plan.found(source, stem, language, names, result.said)
        self.found.update(names)
        if registry.not_recognised(language):
            self._unrecognised.setdefault(primary(language), []).append(source)
        return True

    def warn(self) -> None:
        """The one line per language whose recogniser finds no names, in the languages' order."""
        for code in sorted(self._unrecognised):
            self.batch.report.warn(not_recognised_line(code, self._unrecognised[code]))


def survey_archive(archive: Path, report):
    """A web archive's survey (ingest.warc.survey_warc: its sha256, its pages) before its pages are
    read, on this machine or a cluster's client: the records skipped counted in `report`, and
    when some records are damaged, the archive's failure (web_archive.damage_failure; its pages
    are read all the same)."""
    found = web_archive.survey_warc(archive)
    for reason, count in found.skipped.items():
        report.skip(reason, count)
    if damaged := web_archive.damage_failure(archive, found):
        report.fail(archive, damaged)
    return found


def not_recognised_line(language: str, sources: list) -> str:
    """The one line per language saying which types no recogniser finds in it, in how many articles,
    and from which files (the first _LISTED, each once)."""
    missing = [registry.TYPE_NAMES[t] for t in registry.not_recognised(language)]
    found = [registry.TYPE_NAMES[t] for t in registry.TYPE_NAMES if t not in registry.not_recognised(language)]
    files = list(dict.fromkeys(map(str, sources)))  # a web archive is one file of many articles
    listed = ", ".join(files[:_LISTED]) + (f" and {len(files) - _LISTED} more" if len(files) > _LISTED else "")
    return (f"{name_of(language)}: {_and(missing)} are not recognised in this language, only {_and(found) or 'nothing'}; "
            f"{len(sources)} article{'s' if len(sources) != 1 else ''}: {listed}")


def _and(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)
