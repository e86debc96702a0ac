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
from collections import deque
from typing import Callable, Iterable, Iterator

from .batch import Outcome
from .convertrecord import Reused
from .editing.record import RECORD_DIR
from .errors import WorkerError
from .fsutil import clean_stale_temps
from .parallel import IN_FLIGHT_PER_WORKER, chunk_size, chunks, worker_state

RETRIES = 3
CONNECT_TIMEOUT = "20s"
INSTALL_HINT = "--scheduler needs the optional Dask support: pip install 'teikit[dask]'"


class Box:
    """One value scattered whole (dask would scatter a list or tuple item by item)."""

    def __init__(self, value):
        self.value = value


def _unbox(value):
    return value.value if isinstance(value, Box) else value


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
        """`value` on every worker once (a future to pass to submit)."""
        return self.client.scatter(Box(value), broadcast=True, hash=False)

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

    def two_passes(self, batch, state, job: tuple, plan, *, read: Callable, again: Callable, write: Callable,
                   settle: Callable) -> None:
        """convert's passes (convert.convert_paths) on the cluster: each chunk's first pass,
        `read(state, options, chunk)`, stays on the cluster; the client takes only its report
        lines; the names found are reduced there, as a tree of unions, and the client settles the
        corpus register with them (`settle(found, look_again)`, register.settle): each look again,
        `again(state, (shared_names, options), entries)`, runs where the first pass's results are;
        the last pass, `write(state, (view, *job), entries)`, runs where the last look's results are.
        Into a folder converted before, `plan` (convertrecord.ConvertRecord) judges each article
        as a local run does: an unchanged one is neither read nor written on the cluster (the
        client reads its source to key it), one the corpus changed around is looked at again there;
        the client keeps the record (each article's warnings and names come back with its report)."""
        from .convert import not_recognised_line  # convert gives its passes to the engine, not the other way
        from .language import primary
        from .recognise import registry

        out_dir, options, _ = job
        work = [path for path in batch.files if batch.clash(path) is None]
        ready = plan.reusable(work)
        todo = [path for path in work if path not in ready]
        firsts = [self.submit(_first, read, state, options, chunk)
                  for chunk in chunks(todo, chunk_size(len(todo), self.workers))]
        lights = [self.submit(_light, first) for first in firsts]
        outcomes = iter(outcome for light in lights for outcome in self.result(light))
        reused, stems, found = [], {}, set()  # stems: the articles read this run, by source
        unrecognised: dict[str, list] = {}
        for path in batch.progress(batch.files, "reading"):
            refused = batch.clash(path)
            if refused:
                batch.report.fail(path, refused)
                continue
            result = batch.gather(ready.get(path) or next(outcomes))
            if isinstance(result, Reused):
                reused.append(result)
                found.update(tuple(name) for name in result.entry["names"])
                language = result.entry["language"]
            elif result is not None:
                source, stems[path], language, said = result
                plan.found(source, stems[path], language, (), said)
            if result is not None and registry.not_recognised(language):
                unrecognised.setdefault(primary(language), []).append(path)
        for code in sorted(unrecognised):
            batch.report.warn(not_recognised_line(code, unrecognised[code]))
        looked: list = []
        rechecked: list = []  # the looks at the reused articles the corpus changed around
        bearing: set = set()  # the stems of those the last look recognised again
        held: list = []  # the names each look was given: kept while its results may be made again
        by_stem = {item.stem: item for item in reused}

        def look_again(shared_names) -> set:
            plan.corpus(shared_names.names)
            held[:] = [self.share((shared_names, options))]
            looked[:] = [self.submit(_again, again, state, held[0], first) for first in firsts]
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

        firsts_found = self.result(self._reduced([self.submit(_names_of, first, 4) for first in firsts]))
        view = settle(found | firsts_found, look_again)
        shared = self.share((view, *job))
        writes = [self.submit(_second, write, state, shared, done) for done in looked]
        rewrites = [self.submit(_second, write, state, shared, done) for done in rechecked]
        self._gather(batch, plan, ready, stems, writes, rewrites, bearing)
        plan.save(batch.report)
        for folder in (out_dir, out_dir / RECORD_DIR):  # a worker killed mid-write left its temporary behind
            clean_stale_temps(folder)

    def _gather(self, batch, plan, ready: dict, stems: dict, writes: list, rewrites: list, bearing: set) -> None:
        """The last pass's outcomes into the report and the record, in input order: each article
        read this run (`stems`) is written by `writes`; a reused one by `rewrites` when a name
        that entered the corpus since bears on it (`bearing`), else it stands (replayed)."""
        written = iter(outcome for done in writes for outcome in self.result(done))
        rewritten = iter(outcome for done in rewrites for outcome in self.result(done))
        for path in batch.progress(batch.files, "converting"):
            if path in ready:
                item = ready[path].result
                if item.stem not in bearing:
                    plan.replay(item, batch.report)
                    continue
                outcome = next(rewritten)
            elif path in stems:
                item, outcome = None, next(written)
            else:
                continue  # refused, or failed in the first pass
            plan.converted(stems.get(path) or item.stem, outcome, item)
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
    """What the client needs of a first pass: the report and what the record keeps (source, stem,
    language, the warnings said), not the article."""
    return [Outcome(o.done, (o.result[0], o.result[1].stem, o.result[1].meta.language, o.result[5])
                    if o.done else None, o.report) for o in outcomes]


def _named(entries) -> list:
    """What the client needs of a look again: each article's stem and names, and whether it was a
    reused one recognised again (a reused one that stands is left out)."""
    return [(entry[1].stem, entry[4], len(entry) > 5) for entry in entries if not isinstance(entry, Reused)]


def _names_of(outcomes, field: int) -> set:
    """The names (result[field]) of a chunk's outcomes (or of its entries, for a look again)."""
    return set().union(*(_result(o)[field] for o in outcomes if _done(o)))


def _done(item) -> bool:
    return getattr(item, "done", True)


def _result(item):
    return item.result if hasattr(item, "done") else item


def _again(again, factory, shared_names, outcomes):
    entries = [o.result[:4] for o in outcomes if o.done]
    return again(worker_state(factory), shared_names, entries)


def _union(*sets) -> set:
    return set().union(*sets)


def _again_reused(again, factory, shared_names, checks):
    return again(worker_state(factory), shared_names, checks)


def _second(write, factory, shared, entries):
    return write(worker_state(factory), shared, [entry[:4] for entry in entries if not isinstance(entry, Reused)])
