"""A site's corpus pages (index, search page, registers, entity pages, date register) made for
build_site (render.batch), on its engine: in this process (--jobs 1) or by the workers.

Contract:
- This process walks the corpus plan (render.site.corpus_plan) in order and, for each page, asks
  the build record (render.siterecord.PageRecord.corpus_page) whether it stands; when it does not,
  it makes the page's data from the site's store (render.sitedata: SQLite, here only) and its key.
  A worker (or this process) runs the page's Saxon transform (xslt/site/corpus.xsl) over that data
  and writes the page atomically; the page's entry is recorded here as its result comes back, in
  the plan's order, so the pages, the record and the report's lines are the same whatever the
  engine and however many workers.
- Memory is flat in the size of the site: the pages go to the engine one at a time, counted first
  (a walk of the plan that makes no data), a few chunks in flight; nothing lists them.
- A page whose data cannot be made, or that cannot be transformed or written, is its failure (one
  line naming it); an old page of that name stays as it was recorded (corpus_page_failed).
"""

from __future__ import annotations

import hashlib
from collections import deque
from pathlib import Path

from ..batch import Outcome, Report, attempt_each
from .renderer import Renderer
from .site import corpus_plan, write_page


def make_corpus_pages(engine, state, batch, record, store, out_dir: Path, page_size: int, facet_values: int,
                      stored) -> tuple[int, int]:
    """Every corpus page of the site looked at, made where it does not stand (module contract):
    (how many were written, how many stood). `stored(target, data)` is data() read from the store,
    its failure one line naming the page."""
    count = sum(1 for _ in corpus_plan(store, page_size, facet_values))
    flight: deque = deque()  # (rel, key) of each page handed to the engine and not yet back (a few chunks)
    items = _items(corpus_plan(store, page_size, facet_values), record, out_dir, stored, flight)
    written = unchanged = 0
    for outcome in engine.map(page_task, items, state=state, shared=out_dir, count=count):
        rel, key = flight.popleft()
        made = batch.gather(outcome)
        if made is None:
            record.corpus_page_failed(rel)
        elif made:
            record.corpus_page_made(rel, key, made)
            written += 1
        else:
            unchanged += 1
    return written, unchanged


def _items(plan, record, out_dir: Path, stored, flight: deque):
    """Each page of the plan as the engine's item: (rel, template, data) to be made, or the
    Outcome already known (it stands: False; its data could not be made: a failure)."""
    for rel, template, data in plan:
        target = out_dir / rel
        outcome, = attempt_each([target], lambda target, _: record.corpus_page(rel, template,
                                                                                lambda: stored(target, data)))
        made = outcome.result if outcome.done else None
        flight.append((rel, made[0] if made else None))
        yield (rel, template, made[1]) if made else Outcome(outcome.done, False if outcome.done else None,
                                                           outcome.report)


def page_task(renderer: Renderer, out_dir: Path, items: list) -> list:
    """Each item of _items: its page made and written (the Outcome's result: the sha256 of its
    bytes), or the Outcome it already is."""
    def make(item, report: Report) -> str:
        rel, template, data = item
        page = renderer.site_page(template, data, rel).encode("utf-8")
        write_page(Path(out_dir) / rel, page)
        return hashlib.sha256(page).hexdigest()

    done = iter(attempt_each([item for item in items if not isinstance(item, Outcome)], make,
                             lambda item: Path(out_dir) / item[0]))
    return [item if isinstance(item, Outcome) else next(done) for item in items]
