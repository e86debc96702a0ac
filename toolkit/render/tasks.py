"""What a worker process runs for render (teikit.parallel engines): the renderer it compiles
once, and the per-chunk tasks of render_paths and build_site (render.batch). Each task takes
(renderer, shared, paths) and returns one Outcome per path (teikit.batch.attempt_each).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from .. import resources
from ..batch import Report, attempt_each
from .renderer import Renderer, SourceDocument, default_renderer


def worker_renderer() -> Renderer:
    return default_renderer()


def renderer_state(renderer: Renderer | None):
    """What a worker compiles once: the project's stylesheets, or the same folder as `renderer`'s."""
    if renderer is None or Path(renderer.xslt_dir) == resources.xslt_dir():
        return worker_renderer
    return partial(Renderer, str(renderer.xslt_dir))


def page_task(renderer: Renderer, job, paths: list) -> list:
    """Each path rendered by `job` (render.batch.PageJob) into its page or text file."""
    return attempt_each(paths, lambda path, report: job.render(renderer, path, report))


def record_task(renderer: Renderer, _shared, paths: list) -> list:
    """What build_site reads of each TEI file, made in a worker: (path, None, (stem, its site
    record)), the warning that a document is not teikit's in the item's report (as read gives it)."""
    def record(path: Path, report: Report) -> tuple:
        doc = renderer.load(path)
        warn_about(report, doc)
        return doc.path, None, (doc.stem, renderer.site_record(doc))

    return attempt_each(paths, record)


def warn_about(report: Report, doc: SourceDocument) -> None:
    """What a document's edition is not told by: anyone's TEI is rendered all the same (its edition
    follows docs/editions.md), and a TEI nested in it is left out of it (an edition is one document's)."""
    if not doc.teikit:
        report.warn(f"{doc.name}: not a teikit document (its header declares no teikit application): "
                    "rendered as generic TEI")
    if doc.nested:
        some = "a TEI document" if doc.nested == 1 else f"{doc.nested} TEI documents"
        report.warn(f"{doc.name}: {some} nested in it left out of its edition (an edition is made of one TEI "
                    f"document a file): make {'it a file' if doc.nested == 1 else 'each a file'} of its own to publish it")
