"""convert: source articles → TEI files, one stage after another.

Public entries: `convert_article` (an Article in memory → a TEI tree) and
`convert_paths` (files and folders → DIR/<stem>.xml, going on past bad files).

Each article's language is decided first (teikit.language, `settle_language`);
it chooses the recogniser (recognise.registry: Vietnamese has the rules, any
other language the dates of any language), and one warning per language says
which types were not recognised in it.

Across a batch, names found in one article are looked for in all (a person
named once with a title is marked wherever the bare name appears): a first
pass gathers the names, the second encodes with that knowledge. Memory grows
with the number of distinct names, not with the corpus.
"""

from __future__ import annotations

import pickle
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Iterable

from lxml import etree

from .batch import Batch, Progress, Report, attempt_each
from .convertrecord import REUSED, ConvertRecord, Recheck, Reused
from .corpusnames import CorpusNames as _CorpusNames, bears_on, shareable_names
from .editing import place
from .editing.record import RECORD_DIR
from .encode import encode, serialise
from .encode.degrade import encode_valid
from .errors import EmptyArticleError, ToolkitError
from .ingest import SOURCE_SUFFIXES, WARC, ingest_file, input_type_of, source_stem, source_type
from .ingest import warc as web_archive
from .language import decide, name_of, primary
from .fsutil import clean_stale_temps
from .model import NAME_TYPES, Article
from .options import ConvertOptions
from .recognise import Context, Recogniser, registry
from .recognise.authority import authority_ids
from .parallel import make_engine
from .validate import Validator, default_validator
from .xmlsafe import parse_bytes

_LISTED = 3  # articles named in the line that says which types a language's recogniser does not find


def load_recogniser(options: ConvertOptions) -> Recogniser:
    """The Vietnamese recogniser the options ask for (recognise.registry.ByLanguage gives every language's)."""
    return registry.load_recogniser(options.model_dir)


def settle_language(article: Article, options: ConvertOptions = ConvertOptions()) -> tuple[Article, str | None]:
    """The article with its language decided (teikit.language.decide), and the warning line, if any."""
    meta = article.meta
    decision = decide(article.text, stated=meta.stated_language, option=options.language,
                      declared=meta.declared_language)
    if decision.language != meta.language:
        article = replace(article, meta=replace(meta, language=decision.language))
    return article, decision.warning


def finds_names(article: Article) -> bool:
    """Whether the recogniser for the article's language finds names (only then are names
    found in other articles looked for in it)."""
    return bool(registry.recognition_for(article.meta.language).types & set(NAME_TYPES))


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


def context_for(article: Article, known_names: frozenset = frozenset()) -> Context:
    author = article.author.split(", ")[0] if article.author else None
    return Context(reference_date=article.date, author=author, known_names=known_names,
                   language=article.meta.language)


def convert_article(article: Article, recogniser: Recogniser, options: ConvertOptions = ConvertOptions(),
                    known_names: frozenset = frozenset()) -> etree._ElementTree:
    mentions = recogniser.find(article.text, context_for(article, known_names))
    return encode(article, mentions, options, authority=authority_ids)


def _recognise(article: Article, recogniser: Recogniser, known: frozenset = frozenset()):
    """(mentions, None), or (None, why) when the recogniser itself failed."""
    try:
        return recogniser.find(article.text, context_for(article, known)), None
    except ToolkitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any recogniser bug must not cost the article
        return None, f"the {getattr(recogniser, 'name', '?')} recogniser failed ({type(exc).__name__}: {exc})"


def _encode_checked(article: Article, source: Path, mentions, failure: str | None, options, validator, report):
    """The article's TEI, valid (or, without a validator, proven well-formed). Markup the
    validator refuses costs only the mentions it came from: they are dropped and counted
    in one warning naming the element and attribute. Should the recogniser have failed,
    or the markup stay invalid without those, the text is still worth keeping: it is
    encoded without machine markup and the loss is a warning. Either way the article is
    one of report.degraded."""
    if validator is None:
        _not_validated(report)
        tree = encode(article, mentions or [], options, authority=authority_ids)
        _prove_well_formed(tree, source)
        if failure is not None:
            _degraded(report, source, f"{source}: {failure}; written without entity markup")
        return tree
    if mentions is not None:
        checked = encode_valid(article, mentions, validator, options=options, authority=authority_ids,
                               encoder=encode)
        if not checked.problems:
            if checked.dropped:
                plural = "s" if checked.placed != 1 else ""
                _degraded(report, source, f"{source}: dropped {checked.dropped} of {checked.placed} mention{plural}"
                                          f" whose markup was invalid ({checked.cause_text()})")
            return checked.tree
        first = checked.problems[0]
        failure = f"its entity markup is invalid ({first.rule}: {first.message})"
    tree = encode(article, [], options)
    problems = list(validator.iter_errors(tree))
    if problems:
        raise ToolkitError(f"the TEI made from it is invalid: {problems[0].rule}: {problems[0].message}"
                           f" ({len(problems)} error{'s' if len(problems) > 1 else ''}); nothing written",
                           path=str(source))
    _degraded(report, source, f"{source}: {failure}; written without entity markup")
    return tree


NOT_VALIDATED = ("not validated (--no-validate): the TEI written is well-formed, but was not checked "
                 "against the project schema; run `teikit validate` on it")


def _not_validated(report) -> None:
    """Said once per run."""
    report.warn_once(NOT_VALIDATED)


def _prove_well_formed(tree, source: Path) -> None:
    """Never write what does not parse back (with the parser teikit reads TEI with)."""
    try:
        parse_bytes(serialise(tree), path=str(source))
    except ToolkitError as exc:
        reason = exc.message.removeprefix("not well-formed: ")
        raise ToolkitError(f"the TEI made from it is not well-formed ({reason}); nothing written",
                           path=str(source)) from None


def _degraded(report, source: Path, warning: str) -> None:
    report.warn(warning)
    report.degraded.append(Path(source))


def convert_paths(paths: Iterable, out_dir, options: ConvertOptions = ConvertOptions(), *,
                  recogniser: Recogniser | None = None, validator=None,
                  progress: Progress | None = None, edited: str = "keep", jobs: int | None = 1,
                  engine=None, force: bool = False) -> Report:
    """Convert every article under `paths` into out_dir/<stem>.xml.

    A target edited since teikit wrote it is kept, merged or overwritten as
    `edited` (one of editing.EDIT_POLICIES) says; see teikit.editing.place.

    A file that fails is reported and skipped; nothing is written for it, and
    the rest of the batch goes on. Written files are valid (unless
    options.validate is False): an invalid result is a failure, not a file.

    Map, reduce, map (teikit.parallel: `jobs` processes, None for every core,
    or the given `engine`, e.g. a Dask cluster's): the first pass ingests and
    recognises each article, and the parent spools the results to a temporary
    file, so its memory holds only the set of names found; the names are
    reduced to the corpus's, handed to every worker once; the second pass
    recognises again only the articles that hold a name found elsewhere but
    not in them, then encodes, validates and writes. The files written and the
    report are the same whatever the number of workers.

    Into a folder converted before, an article whose TEI is already what it would be
    (teikit.convertrecord: same source, options, model, schema, teikit, corpus names that
    bear on it) is not converted again (report.unchanged); `force` converts every one.
    """
    batch = Batch(paths, SOURCE_SUFFIXES, output_suffix=".xml", progress=progress, stem=source_stem,
                  unread=_unread_reason, follow_symlinks=options.follow_symlinks)
    out_dir = Path(out_dir)
    if options.validate and validator is None and engine is None and jobs == 1:
        validator = default_validator()
    state = _state_factory(options, recogniser, validator, local=engine is None and jobs == 1)
    report = batch.report
    if getattr(engine, "distributed", False):
        engine.two_passes(batch, state, (out_dir, options, edited), read=_read_task, write=_write_task,
                          corpus=_CorpusNames)
        # a worker killed mid-write left its temporary behind (its chunk was written again elsewhere)
        for folder in (out_dir, out_dir / RECORD_DIR):
            clean_stale_temps(folder)
        return report
    plan = ConvertRecord(out_dir, options, edited, validator, force=force)
    if plan.warning:
        report.warn(plan.warning)
    own_engine = engine is None
    engine = engine or make_engine(jobs, warm=state)
    try:
        with tempfile.TemporaryFile() as spool:
            known: set[tuple[str, str]] = set()
            spooled = 0

            def keep(result) -> None:
                nonlocal spooled
                if isinstance(result, str):  # a web archive's page that was skipped: why
                    report.skip(result)
                    return
                if isinstance(result, Reused):  # its TEI stands: what its last run found
                    source, language, item = result.source, result.entry["language"], result
                    names, stem = [tuple(name) for name in result.entry["names"]], source_stem(source)
                else:
                    source, article, mentions, failure, names, said = result
                    language, item, stem = article.meta.language, (source, article, mentions, failure), article.stem
                if refused := batch.claim_output(stem, source):  # a WARC record repeated
                    return report.fail(source, refused)
                if not isinstance(result, Reused):
                    plan.read(source, article, names, said)
                known.update(names)
                if registry.not_recognised(language):
                    unrecognised.setdefault(primary(language), []).append(source)
                pickle.dump(item, spool, protocol=pickle.HIGHEST_PROTOCOL)
                spooled += 1

            unrecognised: dict[str, list[Path]] = {}
            archives = [path for path in batch.files if source_type(path) == WARC]
            batch.files = [path for path in batch.files if path not in archives]
            ready = plan.reusable([path for path in batch.files if batch.clash(path) is None])
            batch.run_on(engine, _read_task, state=state, shared=options, label="reading", each=keep, ready=ready)
            for archive in archives:
                _read_archive(archive, batch, engine, state, options, keep)
            for code in sorted(unrecognised):
                report.warn(not_recognised_line(code, unrecognised[code]))
            spool.seek(0)
            corpus = _CorpusNames(known if spooled > 1 else set())
            plan.corpus(corpus.names)
            shared = (corpus, out_dir, options, edited)
            entries = (pickle.load(spool) for _ in range(spooled))
            run = lambda items, count: engine.map(_write_task, batch.progress(items, "converting"),  # noqa: E731
                                                  state=state, shared=shared, count=count)
            for reused, outcome in plan.second(entries, run, plan.work_count(spooled, ready)):
                target = batch.gather(outcome) if outcome is not None else None
                if outcome is None or target == REUSED:
                    plan.replay(reused, report)
                elif target is not None:
                    report.written.append(target)
            plan.save(report)
    finally:
        if own_engine:
            engine.close()
    return report


def _unread_reason(path: Path) -> str:
    """How a file in a folder that convert does not read is counted."""
    return f"{input_type_of(path)} file (unsupported input type)"


def _read_archive(archive: Path, batch: Batch, engine, state, options: ConvertOptions, keep) -> None:
    """Pass one over a web archive's pages, streamed (ingest/warc.py): a survey first (its sha256,
    its pages, the records skipped, counted in the report), then each page read on the engine as
    a file is. An archive that cannot be read is the archive's failure."""
    report = batch.report

    def survey():
        found = web_archive.survey_warc(archive)
        for reason, count in found.skipped.items():
            report.skip(reason, count)
        return found

    found = batch.attempt(archive, survey)
    if found is None or not found.pages:
        return

    def read_pages():
        outcomes = engine.map(_read_page_task, batch.progress(web_archive.pages(archive, found), "reading"),
                              state=state, shared=options, count=found.pages)
        for outcome in outcomes:
            batch.gather(outcome, [], keep)

    batch.attempt(archive, read_pages)


# --- the work of one worker (teikit.parallel) ------------------------------------------

_DEFAULT_VALIDATOR = "default"


def _state_factory(options: ConvertOptions, recogniser, validator, *, local: bool):
    """What a worker makes once: (the recognisers by language, validator). In this process, the objects given."""
    if local:
        made = (_recognisers(options, recogniser), validator)
        return lambda: made
    if validator is not None:
        spec = (str(validator.rng_path), str(validator.sch_path))
    else:
        spec = _DEFAULT_VALIDATOR if options.validate else None
    return partial(_make_state, options, recogniser, spec)


def _make_state(options: ConvertOptions, recogniser, validator_spec):
    if validator_spec is None:
        validator = None
    elif validator_spec == _DEFAULT_VALIDATOR:
        validator = default_validator()
    else:
        validator = Validator(*validator_spec)
    return _recognisers(options, recogniser), validator


def _recognisers(options: ConvertOptions, recogniser) -> registry.ByLanguage:
    """The recogniser of each language; the Vietnamese one (`recogniser`, else the options') is made
    first, so a broken model folder stops the run before any work."""
    return registry.ByLanguage(options.model_dir, given=recogniser or load_recogniser(options))


def _read_task(state, options: ConvertOptions, sources: list) -> list:
    """Pass one over a chunk: each source ingested, its language settled, recognised, with the
    names worth sharing."""
    recognisers, _ = state

    def read(source: Path, report) -> tuple:
        article, warning = settle_language(ingest_file(source, follow_symlinks=options.follow_symlinks), options)
        if warning:
            report.warn(f"{source}: {warning}")
        mentions, failure = _recognise(article, recognisers(article.meta.language))
        names = shareable_names(article.text, mentions) if mentions is not None else set()
        return source, article, mentions, failure, names, list(report.warnings)

    return attempt_each(sources, read)


def _read_page_task(state, options: ConvertOptions, pages: list) -> list:
    """Pass one over a chunk of a web archive's pages, as _read_task over files; a page without
    article text is not a failure of the archive: its result is the reason it is skipped."""
    recognisers, _ = state

    def read(page, report):
        source = Path(web_archive.page_display(page))
        try:
            article = web_archive.page_article(page)
        except EmptyArticleError:
            return web_archive.SKIP_NO_TEXT
        article, warning = settle_language(article, options)
        if warning:
            report.warn(f"{source}: {warning}")
        mentions, failure = _recognise(article, recognisers(article.meta.language))
        names = shareable_names(article.text, mentions) if mentions is not None else set()
        return source, article, mentions, failure, names, list(report.warnings)

    return attempt_each(pages, read, path_of=web_archive.page_display)


def _write_task(state, shared, entries: list) -> list:
    """Pass two over a chunk: recognised again where the corpus knows a name it missed, then
    encoded, validated and placed (editing.place: an edited target is kept, merged or replaced)."""
    recognisers, validator = state
    corpus, out_dir, options, edited = shared

    def write(entry, report) -> Path | None:
        if isinstance(entry, Recheck):  # reused, unless a name that entered or left the corpus is written in it
            article = settle_language(ingest_file(entry.source, follow_symlinks=options.follow_symlinks), options)[0]
            if not bears_on(entry.phrases, article.text):
                return REUSED
            entry = (entry.source, article, *_recognise(article, recognisers(article.meta.language)))
        source, article, mentions, failure = entry
        if mentions is not None and finds_names(article) and corpus.missed_in(article.text, mentions):
            mentions, failure = _recognise(article, recognisers(article.meta.language), corpus.names)
        tree = _encode_checked(article, source, mentions, failure, options, validator, report)
        return place(out_dir / f"{article.stem}.xml", tree, article, edited, report,
                     validator=validator, when=options.conversion_date)

    return attempt_each(entries, write, path_of=lambda entry: entry[0])
