"""Running one task over many items on every core, results in input order: the one engine.

    engine = make_engine(jobs)                  # None: every usable core; 1: this process
    for result in engine.map(task, items, state=factory, shared=obj):
        ...                                     # one result per item, in the order of `items`

Contract:
- `task(state, shared, chunk) -> list` is a module-level function (a worker
  imports it by name) returning one result per item of `chunk`, in order; it
  must not raise for one bad item (each stage guards its items, batch.attempt_each).
- `state` is a picklable factory (a module-level function or functools.partial
  of one): a worker calls it once and keeps what it returns (compiled schemas,
  stylesheets, a recogniser) for every later chunk of any map with the same
  factory, so nothing is compiled per document. In this process (jobs == 1) the
  factory is called once per map and need not be picklable.
- `shared` is one read-only value every chunk needs (the corpus-wide names of
  convert's reduction): sent to each worker once per map, not once per chunk.
- Output never depends on the number of workers: results come back in input
  order, and a stage writes each output from one item only.
- Workers are started with forkserver (spawn where it is missing), never fork:
  the parent may hold Saxon's and libxml2's threads and locks.
- A worker that dies (killed, out of memory) costs the batch: WorkerError,
  one line; the outputs already written are whole (every write is atomic).
  `cluster.DaskEngine` (--scheduler) offers the same `map` on a Dask cluster,
  where a lost worker's chunk is retried elsewhere.
- Nothing outlives the parent: killed (SIGKILL, out of memory), it takes every
  process its pool started with it, within a second: the workers whatever
  they are doing, the forkserver, multiprocessing's resource tracker. The
  tree is parent → forkserver → workers, and parent → resource tracker. On
  Linux each worker, as it starts (`_start_worker`), asks the kernel for
  SIGKILL when its parent, the forkserver, ends (prctl PR_SET_PDEATHSIG),
  then closes its copy of the write end of the forkserver's "alive" pipe
  (the forkserver ends when the last copy is closed; every process it forks
  holds one): the parent's is then the last, so the forkserver ends with the
  parent and the workers with the forkserver; the kernel's signal needs no
  Python thread to notice it. Armed first, let go after: the forkserver
  cannot end before every worker is armed. The tracker ends once the last
  holder of its pipe (the parent, the workers) is gone, unlinking the pool's
  semaphores (it says so on stderr). Why not PDEATHSIG on the parent's own
  children (the forkserver, or workers under spawn): it fires when the
  *thread* that forked them ends, and the parent starts them from whichever
  thread first maps; the forkserver forks every worker from its one thread.
  A killed worker's temporaries bear its pid, which no longer runs, so the
  next run removes them (fsutil.clean_stale_temps). Without prctl (not
  Linux), or under spawn, a thread in each worker ends it once its parent
  changes (os.getppid, every WATCH_SECONDS). The Dask engine's workers
  outlive a client by design. A program a process runs and waits for
  (Pagefind) is run through `ended_with_caller(command)`: killed with its
  caller, not left to finish its work alone.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from .errors import WorkerError
from .fsutil import ScratchDir

# With the default number of jobs, a batch smaller than this per worker runs in
# this process: starting workers (and compiling in each) costs more than it saves.
MIN_ITEMS_PER_WORKER = 8
# A worker is given a few chunks at a time per process, so the pool keeps busy
# without holding the whole corpus in flight.
IN_FLIGHT_PER_WORKER = 3
MAX_CHUNK = 32
# How often a worker without prctl looks whether its parent is still the same one.
WATCH_SECONDS = 0.5


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """None → every usable core; otherwise a positive count (ValueError below 1)."""
    if jobs is None:
        return usable_cores()
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return jobs


def chunk_size(count: int, workers: int) -> int:
    """Chunks small enough to balance the workers, big enough to pay for the hand-over."""
    if workers <= 1:
        return max(1, min(MAX_CHUNK, count))
    return max(1, min(MAX_CHUNK, count // (workers * 8) or 1))


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- state kept by a worker process -------------------------------------------------

_STATE: dict[bytes, object] = {}
_SHARED: dict[str, object] = {}
_LOCK = threading.Lock()


def _key(factory) -> bytes:
    return hashlib.sha256(pickle.dumps(factory, protocol=pickle.HIGHEST_PROTOCOL)).digest()


def worker_state(factory):
    """What `factory()` made in this process, made once (per thread: validators and
    stylesheet executables are not thread-safe)."""
    key = _key(factory) + str(threading.get_ident()).encode()
    with _LOCK:
        if key not in _STATE:
            _STATE[key] = factory()
        return _STATE[key]


def _start_worker(factory) -> None:
    """A pool worker's initializer: bound to die with the run, deaf to Ctrl-C (the terminal sends
    SIGINT to every process of the run: the parent alone answers it, and its workers end with it,
    not each with a traceback), then the state compiled before the first chunk arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if factory is not None:
        worker_state(factory)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """This worker ends when its parent does (see the contract): SIGKILL armed by the kernel
    (Linux), else a thread watching os.getppid(); then the forkserver's alive pipe let go."""
    try:
        from multiprocessing.forkserver import _forkserver as server
    except ImportError:  # no forkserver here (spawn)
        server = None
    alive = getattr(server, "_forkserver_alive_fd", None)  # set in a process the forkserver forked
    parent = os.getppid()
    if alive is None or not _kill_when_parent_ends():
        threading.Thread(target=_watch, args=(parent,), name="teikit-parent-watch", daemon=True).start()
    elif os.getppid() != parent:  # the forkserver died before the signal was armed: nobody left to fire it
        os._exit(1)
    if alive is not None:
        os.close(alive)
        server._forkserver_alive_fd = None


def _kill_when_parent_ends() -> bool:
    """prctl(PR_SET_PDEATHSIG, SIGKILL) for this process; whether it was armed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (ImportError, OSError, AttributeError):
        return False


# Arms the signal, then checks the caller still runs (it may have died before), then becomes the command.
_LAUNCHER = ("import ctypes, os, signal, sys; "
             f"ctypes.CDLL(None).prctl({PR_SET_PDEATHSIG}, signal.SIGKILL, 0, 0, 0); "
             "os.getppid() == int(sys.argv[1]) or os._exit(1); "
             "os.execv(sys.argv[2], sys.argv[2:])")


def ended_with_caller(command: list[str]) -> list[str]:
    """`command` as run so that the kernel kills it (SIGKILL) if this process is killed first: on
    Linux a Python launcher (-I -S: ~50 ms) arms PR_SET_PDEATHSIG and execs it, its pid, pipes and
    exit status the same. Only for a program run and waited for in one call (subprocess.run): the
    signal fires when the thread that started it ends, and that thread waits. Elsewhere, or for a
    program not named by the path of an executable file (the error is then the one subprocess
    gives), `command` itself."""
    if not sys.platform.startswith("linux") or not sys.executable or not os.access(command[0], os.X_OK):
        return list(command)
    return [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(os.getpid()), *command]


def _watch(parent: int) -> None:
    """Wait for this process's parent to change (it ended: another process adopted this one), then end."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


class SharedFile:
    """A value handed to local workers once: pickled to a file they read (and keep) on first use."""

    def __init__(self, path: str):
        self.path = path

    def get(self):
        with _LOCK:
            if self.path not in _SHARED:
                _SHARED.clear()  # one map's value at a time
                with open(self.path, "rb") as handle:
                    _SHARED[self.path] = pickle.load(handle)
            return _SHARED[self.path]


def resolve_shared(value):
    return value.get() if isinstance(value, SharedFile) else value


def _run_chunk(task, factory, shared, chunk):
    """What a pool worker runs: the task with its process's state and the shared value."""
    return task(worker_state(factory), resolve_shared(shared), chunk)


# --- engines --------------------------------------------------------------------------

class InlineEngine:
    """Everything in this process (--jobs 1)."""

    workers = 1
    where = "this process"

    def map(self, task: Callable, items: Iterable, *, state: Callable, shared=None,
            count: int | None = None) -> Iterator:
        """task's results for every item, in order (`count`: how many items, when known)."""
        made = None
        for chunk in chunks(items, MAX_CHUNK):
            if made is None:
                made = state()
            yield from task(made, shared, chunk)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class PoolEngine(InlineEngine):
    """A pool of worker processes on this machine, started on first use and kept for every map."""

    def __init__(self, workers: int, warm=None, min_items: int = 0):
        self.workers = workers
        self.min_items = min_items
        self.where = f"{workers} worker processes"
        self._warm_with = warm
        self._pool: ProcessPoolExecutor | None = None
        self._tmp = ScratchDir("teikit-shared")  # a killed run's is removed by the next
        self._shared_count = 0

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                             initargs=(self._warm_with,))
        return self._pool

    def _share(self, value):
        if value is None:
            return None
        self._shared_count += 1
        path = os.path.join(self._tmp.name, f"shared-{self._shared_count}.pickle")
        with open(path, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return SharedFile(path)

    def map(self, task: Callable, items: Iterable, *, state: Callable, shared=None,
            count: int | None = None) -> Iterator:
        if count is None:
            items = list(items)
            count = len(items)
        if not count:
            return
        if count < self.min_items and self._pool is None:
            yield from InlineEngine.map(self, task, items, state=state, shared=shared)
            return
        pool, handle = self._executor(), self._share(shared)
        pending: deque = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        try:
            for chunk in chunks(items, chunk_size(count, self.workers)):
                pending.append(pool.submit(_run_chunk, task, state, handle, chunk))
                if len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerError("a worker process died (killed, or out of memory); the files written so far "
                              "are whole, the others were not written: run again") from None
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._tmp.cleanup()


def make_engine(jobs: int | None = None, *, warm=None):
    """The engine for `--jobs N` (None: every usable core); `--scheduler` is cluster.DaskEngine.
    `warm`: a state factory the local workers make as soon as they start."""
    workers = resolve_jobs(jobs)
    if workers == 1:
        return InlineEngine()
    # Every core by default: a small batch is not worth the workers' start-up; --jobs N always uses N.
    return PoolEngine(workers, warm=warm, min_items=MIN_ITEMS_PER_WORKER * workers if jobs is None else 0)
