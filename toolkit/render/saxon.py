"""The one Saxon processor of the process, and stylesheet compilation.

saxonche allows one PySaxonProcessor per process and it is costly to start, so
it is created lazily on first use and kept for the life of the process.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RenderError

_processor = None


def processor():
    """The process-wide PySaxonProcessor (created on first call)."""
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        _processor = PySaxonProcessor(license=False)
    return _processor


def saxon_message(exc: BaseException) -> str:
    """Saxon's error text folded to one line (the CLI prints exactly one)."""
    text = " ".join(str(exc).split())
    return text or exc.__class__.__name__


def compile_stylesheet(path: Path):
    """Compile one entry stylesheet; a RenderError naming it if that fails."""
    path = Path(path)
    if not path.is_file():
        raise RenderError("stylesheet not found", path=str(path))
    from saxonche import PySaxonApiError

    compiler = processor().new_xslt30_processor()
    try:
        return compiler.compile_stylesheet(stylesheet_file=str(path))
    except PySaxonApiError as exc:
        raise RenderError(f"cannot compile stylesheet: {saxon_message(exc)}", path=str(path)) from None


def string_value(text: str):
    return processor().make_string_value(text)


def string_array(texts):
    proc = processor()
    return proc.make_array([proc.make_string_value(t) for t in texts])


def node_array(nodes):
    return processor().make_array(list(nodes))


def parse_text(xml_text: str, *, name: str):
    """A Saxon document node from already-checked XML text."""
    from saxonche import PySaxonApiError

    try:
        return processor().parse_xml(xml_text=xml_text)
    except PySaxonApiError as exc:
        raise RenderError(f"cannot load into Saxon: {saxon_message(exc)}", path=name) from None
