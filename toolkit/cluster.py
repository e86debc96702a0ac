"""`--scheduler ADDRESS`: the same work on a running dask.distributed cluster (teikit[dask]).

    engine = DaskEngine("tcp://10.0.0.5:8786")   # or make_engine(scheduler=...)
    engine.map(task, items, state=factory, shared=obj)   # as teikit.parallel's engines
    future = engine.submit(fn, *args)            # work kept on the cluster (convert's passes)
    engine.result(future)

Contract:
- The same `map` as teikit.parallel's engines (chunks, results in input
  order, each worker making `state` once through parallel.worker_state), so a
  stage runs unchanged on a cluster; `submit`/`result`/`share` let convert keep
  its first pass and the corpus-name reduction on the cluster (docs/scale.md).
- Workers read the inputs and write the outputs by the paths the client gives:
  every worker must see the same files at the same paths (a shared file
  system); a relative path is taken from the client's working directory, which
  each task enters on its worker when that folder exists there.
- A worker lost mid-run costs nothing: the scheduler runs its tasks again on
  another worker (and `retries` more times for a task that raised); every
  output is written whole (temporary file + rename) and teikit's record of it
  first, so an article written twice is the same file. Only a task that keeps
  killing its workers, or a cluster that cannot be reached, ends the run:
  WorkerError, one line.
- Workers need teikit (with the same version) installed; nothing else is sent.
"""

from __future__ import annotations

import os
import warnings
from collections import deque
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .batch import Outcome
from .convertpasses import First, PassOne, survey_archive
from .convertrecord import Reused
from .editing.record import RECORD_DIR
from .errors import WorkerError
from .fsutil import clean_stale_temps
from .ingest import WARC, source_type
from .parallel import IN_FLIGHT_PER_WORKER, chunk_size, chunks, worker_state

RETRIES = 3
CONNECT_TIMEOUT = "20s"
INSTALL_HINT = "--scheduler needs the optional Dask support: pip install 'teikit[dask]'"


class Box:
    """One value handed to the cluster whole (dask would look inside a list or tuple for futures)."""

    def __init__(self, value):
        self.value = value


def _unbox(value):
    return value.value if isinstance(value, Box) else value


def _held(box: Box) -> Box:
    """What DaskEngine.share's task gives: the value it was made with, boxed as it came."""
    return box


def _in_cwd(cwd: str, fn: Callable, *args):
    """Run fn on a worker from the client's working directory (when the worker has it)."""
    if os.getcwd() != cwd and os.path.isdir(cwd):
        os.chdir(cwd)
    return fn(*(_unbox(arg) for arg in args))


def _chunk(task, factory, shared, chunk):
    return task(worker_state(factory), shared, chunk)


class DaskEngine:
    """A client of the scheduler at `address`; closed with the engine (the cluster goes on)."""

    distributed = True

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise WorkerError(INSTALL_HINT) from None
        self.address = address
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise WorkerError(f"cannot reach the Dask scheduler ({type(exc).__name__}: {exc})", path=address) from None
        self.workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        self.where = f"the Dask cluster at {address}"
        self._cwd = os.getcwd()

    # -- work kept on the cluster ------------------------------------------------------

    def submit(self, fn: Callable, *args):
        """fn(*args) on a worker (futures among args are its inputs, Boxes unwrapped); a future."""
        return self.client.submit(_in_cwd, self._cwd, fn, *args, pure=False, retries=RETRIES)

    def share(self, value):
        """`value` for the tasks given the future this returns (each worker fetches it once).

        Made by a task that holds it, not scattered: the scheduler's memory manager keeps one
        copy of scattered data (it drops the replicas a broadcast made), and a worker killed
        holding that copy took the value with it, every task needing it cancelled ("already
        forgotten"); a task's result lost with its worker is made again elsewhere."""
        with warnings.catch_warnings():  # a large corpus's names are meant to travel in the graph, once
            warnings.filterwarnings("ignore", message="Sending large graph", category=UserWarning)
            return self.client.submit(_held, Box(value), pure=False, retries=RETRIES)

    def result(self, future):
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker, CommClosedError, a scheduler gone
            if type(exc).__module__.startswith("distributed") or isinstance(exc, (OSError, TimeoutError)):
                raise WorkerError(f"the cluster lost the run ({type(exc).__name__}: {exc})", path=self.address) from None
            raise

    # -- the engines' map ----------------------------------------------------------------

    def map(self, task: Callable, items: Iterable, *, state: Callable, shared=None,
            count: int | None = None) -> Iterator:
        if count is None:
            items = list(items)
            count = len(items)
        if not count:
            return
        handle = self.share(shared) if shared is not None else None
        pending: deque = deque()
        limit = self.workers * (IN_FLIGHT_PER_WORKER + 1)
        for chunk in chunks(items, chunk_size(count, self.workers)):
            pending.append(self.submit(_chunk, task, state, handle, chunk))
            if len(pending) >= limit:
                yield from self.result(pending.popleft())
        while pending:
            yield from self.result(pending.popleft())

    def two_passes(self, batch, state, job: tuple, plan, *, read: Callable, read_page: Callable, again: Callable,
                   write: Callable, settle: Callable) -> None:
        """convert's passes (convert.convert_paths) on the cluster: each chunk's first pass,
        `read(state, options, chunk)` (a web archive's pages: `read_page`, the pages streamed
        from the client), stays on the cluster; the client takes only its report lines; the
        names found are reduced there, as a tree of unions, and the client settles the corpus
        register with them (`settle(found, look_again)`, register.settle): each look again,
        `again(state, (shared_names, options), entries)`, runs where the first pass's results are;
        the last pass, `write(state, (view, *job), entries)`, runs where the last look's results are.
        Into a folder converted before, `plan` (convertrecord.ConvertRecord) judges each article
        as a local run does: an unchanged one is neither read nor written on the cluster (the
        client reads its source to key it), one the corpus changed around is looked at again there;
        the client keeps the record (each article's warnings and names come back with its report)."""
        out_dir, options, _ = job
        firsts, sequence, reused, found, refused = self._first_pass(batch, state, plan, options, read, read_page)
        looked: list = []
        rechecked: list = []  # the looks at the reused articles the corpus changed around
        bearing: set = set()  # the stems of those the last look recognised again
        held: list = []  # the names each look was given: kept while its results may be made again
        by_stem = {item.stem: item for item in reused}

        def look_again(shared_names, register) -> set:
            plan.corpus(shared_names.names, register)
            held[:] = [self.share((shared_names, options))]
            looked[:] = [self.submit(_again, again, state, held[0], first, refused.get(n, frozenset()))
                         for n, first in enumerate(firsts)]
            checks = [(item, check) for item in reused if (check := plan.second_pass(item)) is not None]
            rechecked[:] = [self.submit(_again_reused, again, state, held[0], chunk)
                            for chunk in chunks(checks, chunk_size(len(checks), self.workers))]
            named: set = set()
            bearing.clear()
            for done in [self.submit(_named, done) for done in looked + rechecked]:
                for stem, names, was_reused in self.result(done):
                    if was_reused:  # a reused article recognised again: its record entry goes on
                        plan.revive(by_stem[stem])
                        bearing.add(stem)
                    named.update(names)
                    plan.named(stem, names)
            return named

        firsts_found = self.result(self._reduced([self.submit(_names_of, first, refused.get(n, frozenset()))
                                                  for n, first in enumerate(firsts)]))
        view = settle(found | firsts_found, look_again)
        plan.settled(view)
        shared = self.share((view, *job))
        writes = [self.submit(_second, write, state, shared, done) for done in looked]
        rewrites = [self.submit(_second, write, state, shared, done) for done in rechecked]
        self._gather(batch, plan, sequence, writes, rewrites, bearing)
        plan.save(batch.report)
        for folder in (out_dir, out_dir / RECORD_DIR):  # a worker killed mid-write left its temporary behind
            clean_stale_temps(folder)

    def _first_pass(self, batch, state, plan, options, read: Callable, read_page: Callable):
        """Pass one, as a local run orders it (the files, then each web archive's pages): the first
        passes' futures; each article in order (a Reused, or the stem of one read this run); the
        reused ones; the names they hold; the outcomes refused an output name an earlier page has,
        by place (for a first pass's index among the futures, their positions in its chunk), not
        by name: a WARC record repeated has the name of the copy kept."""
        archives = [path for path in batch.files if source_type(path) == WARC]
        files = [path for path in batch.files if source_type(path) != WARC]
        ready = plan.reusable([path for path in files if batch.clash(path) is None])
        todo = [path for path in files if batch.clash(path) is None and path not in ready]
        firsts = [self.submit(_first, read, state, options, chunk)
                  for chunk in chunks(todo, chunk_size(len(todo), self.workers))]
        lights = [self.submit(_light, first) for first in firsts]
        outcomes = iter(((n, at), outcome) for n, light in enumerate(lights)
                        for at, outcome in enumerate(self.result(light)))
        sequence, reused, refused = [], [], {}
        passone = PassOne(batch, plan)

        def keep(result, where) -> None:
            """Pass one's bookkeeping (PassOne) for one result; `where`: its place on the cluster,
            (first pass, position), or None (a reused article's, not on the cluster)."""
            if passone.take(result):
                if isinstance(result, Reused):
                    reused.append(result)
                sequence.append(result if isinstance(result, Reused) else result.stem)
            elif where is not None and not isinstance(result, str):  # refused its name: left out there
                refused.setdefault(where[0], set()).add(where[1])

        for path in batch.progress(files, "reading"):
            if why := batch.clash(path):
                batch.report.fail(path, why)
                continue
            where, outcome = (None, ready[path]) if path in ready else next(outcomes)
            result = batch.gather(outcome)
            if result is not None:
                keep(result, where)
        for archive in archives:
            self._read_archive(archive, batch, state, plan, options, read_page, firsts, keep)
        passone.warn()
        return firsts, sequence, reused, passone.found, {n: frozenset(at) for n, at in refused.items()}

    def _read_archive(self, archive, batch, state, plan, options, read_page, firsts: list, keep) -> None:
        """A web archive's pass one: surveyed and streamed by the client (convert._read_archive),
        its pages not reused (plan.page_ready) sent to the cluster in chunks, their first passes
        added to `firsts`; each page's outcome handed to `keep` in record order, with its place."""
        from .batch import interleaved
        from .ingest import warc

        surveyed = batch.attempt(archive, partial(survey_archive, archive, batch.report))
        if surveyed is None or not surveyed.pages:
            return

        def run(pages):
            lights = []
            for chunk in chunks(pages, chunk_size(surveyed.pages, self.workers)):
                firsts.append(self.submit(_first, read_page, state, options, chunk))
                lights.append((len(firsts) - 1, self.submit(_light, firsts[-1])))
            for n, light in lights:
                yield from (((n, at), outcome) for at, outcome in enumerate(self.result(light)))

        def read_pages():
            def ready(page):
                outcome = plan.page_ready(page, Path(warc.page_display(page)))
                return None if outcome is None else (None, outcome)

            for where, outcome in interleaved(warc.pages(archive, surveyed), ready, run):
                result = batch.gather(outcome)
                if result is not None:
                    keep(result, where)

        batch.attempt(archive, read_pages)

    def _gather(self, batch, plan, sequence: list, writes: list, rewrites: list, bearing: set) -> None:
        """The last pass's outcomes into the report and the record, in input order (`sequence`):
        each article read this run (its stem) is written by `writes`; a reused one by `rewrites`
        when a name that entered the corpus since bears on it (`bearing`), else it stands (replayed)."""
        written = iter(outcome for done in writes for outcome in self.result(done))
        rewritten = iter(outcome for done in rewrites for outcome in self.result(done))
        for item in batch.progress(sequence, "converting"):
            if isinstance(item, Reused):
                if item.stem not in bearing:
                    plan.replay(item, batch.report)
                    continue
                stem, outcome = item.stem, next(rewritten)
            else:
                stem, item, outcome = item, None, next(written)
            plan.converted(stem, outcome, item)
            target = batch.gather(outcome)
            if target is not None:
                batch.report.written.append(target)

    def _reduced(self, sets: list):
        """One future: the union of the sets (futures), as a tree of unions on the cluster."""
        while len(sets) > 1:
            sets = [self.submit(_union, *sets[i:i + FAN_IN]) for i in range(0, len(sets), FAN_IN)]
        return sets[0] if sets else self.submit(_union)

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


FAN_IN = 8  # how many partial name sets one reduction task unites


def _first(read, factory, options, sources):
    return read(worker_state(factory), options, sources)


def _light(outcomes):
    """What the client needs of a first pass: the report and what the record keeps (a First of its
    source, stem, language and the warnings said), not the article nor its names (a web archive's
    page skipped: why)."""
    return [Outcome(o.done, o.result if isinstance(o.result, str) else
                    First(o.result[0], o.result[1].stem, o.result[1].meta.language, (), o.result[5], None)
                    if o.done else None, o.report) for o in outcomes]


def _kept(outcomes, refused: frozenset) -> list:
    """A first pass's outcomes that are articles to go on with: not failed, not a page skipped, not
    refused its name (`refused`: their positions in the chunk)."""
    return [o for at, o in enumerate(outcomes) if o.done and not isinstance(o.result, str) and at not in refused]


def _named(entries) -> list:
    """What the client needs of a look again: each article's stem and names, and whether it was a
    reused one recognised again (a reused one that stands is left out)."""
    return [(entry[1].stem, entry[4], len(entry) > 5) for entry in entries if not isinstance(entry, Reused)]


def _names_of(outcomes, refused) -> set:
    """The names a chunk's first passes found."""
    return set().union(*(o.result[4] for o in _kept(outcomes, refused)))


def _again(again, factory, shared_names, outcomes, refused):
    # (source, article, mentions, failure) and what the recogniser kept for a second recognition
    entries = [o.result[:4] + o.result[6:7] for o in _kept(outcomes, refused)]
    return again(worker_state(factory), shared_names, entries)


def _union(*sets) -> set:
    return set().union(*sets)


def _again_reused(again, factory, shared_names, checks):
    return again(worker_state(factory), shared_names, checks)


def _second(write, factory, shared, entries):
    return write(worker_state(factory), shared, [entry[:4] for entry in entries if not isinstance(entry, Reused)])
