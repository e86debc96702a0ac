"""convert: source articles → TEI files, one stage after another.

Public entries: `convert_article` (an Article in memory → a TEI tree) and
`convert_paths` (files and folders → DIR/<stem>.xml, going on past bad files).

Each article's language is decided first (teikit.language, `settle_language`);
it chooses the recogniser (recognise.registry: Vietnamese has the rules, any
other language the dates of any language), and one warning per language says
which types were not recognised in it.

The corpus register (toolkit/register, DIR/register/) is the source of entity
identity and of the names shared across articles: pass one recognises each
article and adds its names to it; its names are looked for in every article
(a person named once with a title is marked wherever the bare name appears)
until that adds no name; it is written, then each article, pointing into it.
An article converted alone against it is the same, byte for byte, whatever
else was in the batch. Memory grows with the distinct names, not the corpus.
"""

from __future__ import annotations

import pickle
import tempfile
from functools import partial
from pathlib import Path
from typing import Iterable

from lxml import etree

from .batch import Batch, Counted, Progress, Report, interleaved
from .convertpasses import (Again, Looked, PassOne, again_packed, again_task, context_for, read_packed, read_page_packed,
                            read_page_task, read_task, settle_language, survey_archive, write_packed, write_task)
from .convertrecord import REUSED, ConvertRecord, Reused
from .corpusnames import written_forms
from .encode import encode
from .encode.checked import NOT_VALIDATED
from .ingest import SOURCE_SUFFIXES, WARC, OrphanSidecars, input_type_of, source_stem, source_type
from .ingest import warc as web_archive
from .model import Article
from .options import ConvertOptions
from .recognise import Recogniser, registry
from .recognise.authority import authority_ids
from .names import REGISTER_DIR
from .parallel import make_engine
from .register import Register, SharedNames, settle
from .validate import Validator, default_validator

__all__ = ["NOT_VALIDATED", "context_for", "convert_article", "convert_paths", "load_recogniser", "settle_language"]


def load_recogniser(options: ConvertOptions) -> Recogniser:
    """The Vietnamese recogniser the options ask for (recognise.registry.ByLanguage gives every language's)."""
    return registry.load_recogniser(options.model_dir)


def convert_article(article: Article, recogniser: Recogniser, options: ConvertOptions = ConvertOptions(),
                    known_names: frozenset = frozenset()) -> etree._ElementTree:
    mentions = recogniser.find(article.text, context_for(article, known_names))
    return encode(article, mentions, options, authority=authority_ids)


def convert_paths(paths: Iterable, out_dir, options: ConvertOptions = ConvertOptions(), *,
                  recogniser: Recogniser | None = None, validator=None,
                  progress: Progress | None = None, edited: str = "keep", jobs: int | None = 1,
                  engine=None, force: bool = False, outputs=()) -> Report:
    """Convert every article under `paths` into out_dir/<stem>.xml (nothing under out_dir
    itself, nor under the other folders of the run's own `outputs`, a build's: teikit.batch).

    A target edited since teikit wrote it is kept, merged or overwritten as
    `edited` (one of editing.EDIT_POLICIES) says; see teikit.editing.place.

    A file that fails is reported and skipped; nothing is written for it, and
    the rest of the batch goes on. Written files are valid (unless
    options.validate is False): an invalid result is a failure, not a file.

    Map, reduce, map (teikit.parallel: `jobs` processes, None for every core,
    or the given `engine`, e.g. a Dask cluster's): the first pass ingests and
    recognises each article, and the parent spools the results to a temporary
    file (each article pickled by a worker: the parent handles its bytes), so
    its memory holds only the set of names found; the names are
    reduced to the corpus's, handed to every worker once; the second pass
    recognises again only the articles that hold a name found elsewhere but
    not in them, from what the first kept (convertpasses: only the steps that
    read the corpus names run again), then encodes, validates and writes. The files written and the
    report are the same whatever the number of workers.

    Into a folder converted before, an article whose TEI is already what it would be
    (teikit.convertrecord: same source, options, model, schema, teikit, corpus names that
    bear on it) is not converted again (report.unchanged); `force` converts every one.
    """
    batch = Batch(paths, SOURCE_SUFFIXES, output_suffix=".xml", progress=progress, stem=source_stem,
                  unread=_unread_reason, follow_symlinks=options.follow_symlinks, outputs=(out_dir, *outputs),
                  sidecar=OrphanSidecars())  # a sidecar whose source is not beside it (renamed): said, not silently unused
    out_dir = Path(out_dir)
    register = Register.read(out_dir / REGISTER_DIR)  # a bad register file: nothing is done
    if options.validate and validator is None and engine is None and jobs == 1:
        validator = default_validator()
    state = _state_factory(options, recogniser, validator, local=engine is None and jobs == 1)
    report = batch.report
    plan = ConvertRecord(out_dir, options, edited, validator, force=force)
    if plan.warning:
        report.warn(plan.warning)
    if getattr(engine, "distributed", False):  # the same, on a cluster (teikit.cluster)
        engine.two_passes(batch, state, (out_dir, options, edited), plan, read=read_task, read_page=read_page_task,
                          again=again_task, write=write_task, settle=partial(settle, register, out_dir / REGISTER_DIR))
        return report
    own_engine = engine is None
    engine = engine or make_engine(jobs, warm=state)
    try:
        with tempfile.TemporaryFile() as first, tempfile.TemporaryFile() as final, tempfile.TemporaryFile() as last:
            passone = PassOne(batch, plan)
            spooled = 0

            def keep(result) -> None:
                """Pass one's bookkeeping (PassOne), then the article spooled: a Reused as it is, a
                First's article packed (convertpasses)."""
                nonlocal spooled
                if passone.take(result):
                    pickle.dump(result if isinstance(result, Reused) else result.article, first,
                                protocol=pickle.HIGHEST_PROTOCOL)
                    spooled += 1

            archives = [path for path in batch.files if source_type(path) == WARC]
            batch.files = [path for path in batch.files if path not in archives]
            ready = plan.reusable([path for path in batch.files if batch.clash(path) is None])
            batch.run_on(engine, read_packed, state=state, shared=options, label="reading", each=keep, ready=ready)
            for archive in archives:
                _read_archive(archive, batch, engine, state, options, keep, plan)
            passone.warn()

            looks = [final, last, None]  # this look's spool, the last look's, the names the last look was given

            def again(shared_names: SharedNames, register) -> set:
                """Every article looked at again with the register's names; what they name. A reused
                article stands unless a name that entered the corpus since is written in it
                (convertrecord): then it is recognised again, as the others. After the first look,
                an article's last result stands unless a name that changed since is written in it
                (convertpasses.Again)."""
                plan.corpus(shared_names.names, register)
                looks[0], looks[1] = looks[1], looks[0]
                out, before, was = looks
                changed = None if was is None else written_forms(was ^ shared_names.names)
                looks[2] = shared_names.names
                for spool in (first, out, before):
                    spool.seek(0)
                out.truncate()
                named: set = set()
                entries = (_again_item(plan, pickle.load(first), None if changed is None else pickle.load(before))
                           for _ in range(spooled))
                for entry in engine.map(again_packed, entries, state=state, shared=(shared_names, options, changed),
                                        count=spooled):
                    if isinstance(entry, Looked):
                        if entry.reused is not None:  # a reused article recognised again: its record entry goes on
                            plan.revive(entry.reused)
                        named.update(entry.names)
                        plan.named(entry.stem, entry.names)
                        entry = entry.article
                    else:
                        plan.stands(entry)
                    pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
                return named

            view = settle(register, out_dir / REGISTER_DIR, passone.found, again)
            plan.settled(view)
            looks[0].seek(0)
            entries = (pickle.load(looks[0]) for _ in range(spooled))
            shared = (view, out_dir, options, edited)
            run = lambda items, count: engine.map(write_packed, batch.progress(Counted(items, count), "converting"),  # noqa: E731
                                                  state=state, shared=shared, count=count)
            for reused, outcome in plan.second(entries, run, plan.work_count(spooled)):
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


def _read_archive(archive: Path, batch: Batch, engine, state, options: ConvertOptions, keep, plan) -> None:
    """Pass one over a web archive's pages, streamed (ingest/warc.py): a survey first (its sha256,
    its pages, the records skipped, counted in the report: survey_archive, as a cluster's client
    surveys it), then each page read on the engine as
    a file is, unless `plan` reuses it (ConvertRecord.page_ready); the progress is given the
    survey's count of pages (batch.Counted), so no more pages are held than the engine has in
    flight. An archive that cannot be read is the archive's failure; one some of whose records are
    damaged is too (web_archive.damage_failure), and its pages are read all the same."""
    found = batch.attempt(archive, partial(survey_archive, archive, batch.report))
    if found is None or not found.pages:
        return

    def read_pages():
        run = lambda pages: engine.map(read_page_packed, pages, state=state, shared=options,  # noqa: E731
                                       count=found.pages)
        ready = lambda page: plan.page_ready(page, Path(web_archive.page_display(page)))  # noqa: E731
        outcomes = interleaved(web_archive.pages(archive, found), ready, run)
        # the bar counts every page as its outcome comes (a reused one too): the survey's count, never a list
        for outcome in batch.progress(Counted(outcomes, found.pages), "reading"):
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


def _again_item(plan: ConvertRecord, item, last=None):
    """Pass two's item: pass one's result (with `last`, the last look's result for it, an Again); a
    reused article that stands; or (reused, its Recheck)."""
    if isinstance(item, Reused):
        recheck = plan.second_pass(item)
        return item if recheck is None else (item, recheck)
    return item if last is None else Again(item, last)
