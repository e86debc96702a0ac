"""The one Saxon processor of the process, stylesheet compilation, and parameters.

saxonche allows one PySaxonProcessor per process and it is costly to start, so
it is created lazily on first use and kept for the life of the process.

Parameters that change from document to document go in as nodes, never as atomic
values (`Parameters`). saxonche 13 keeps about 140 bytes of native memory for good
for every atomic value it wraps: each `make_string_value`, and each `set_parameter`
given one (its PyXdmAtomicValue constructor allocates a C++ value it then drops;
nodes are wrapped without it). Four string parameters an article page cost a
rendering process about 1.1 KB an article that it never got back, 110 MB over
100,000 articles (benchmarks/saxon_memory.py). A parameter declared `as="xs:string"`
takes a node's string value, so a string goes in as a document node holding it
(`text_node`), which Saxon frees with the Python object; atomic values are made only
for values set once per process (`string_value`).
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
    """An xs:string value: for a parameter set once per process (see the module's note)."""
    return processor().make_string_value(text)


# What a string cannot hold as XML element content as it is: markup characters, and
# CR (which a parser would read as a line end).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def text_node(text: str):
    """`text` for a string parameter, as a document node whose string value it is (no
    native memory kept, see the module's note). A string XML cannot carry (a control
    character, a lone surrogate) goes in as an atomic value instead."""
    from saxonche import PySaxonApiError

    try:
        return processor().parse_xml(xml_text=f"<v>{text.translate(_ESCAPES)}</v>")
    except (PySaxonApiError, UnicodeError):
        return string_value(text)


class Parameters:
    """The string parameters of one compiled stylesheet, each set only when its value
    changes, as a node (text_node)."""

    def __init__(self, executable):
        self._executable = executable
        self._values: dict[str, str] = {}

    def set(self, name: str, value: str) -> None:
        if self._values.get(name) == value:
            return
        self._executable.set_parameter(name, text_node(value))
        self._values[name] = value


def parse_text(xml_text: str, *, name: str):
    """A Saxon document node from already-checked XML text."""
    from saxonche import PySaxonApiError

    try:
        return processor().parse_xml(xml_text=xml_text)
    except PySaxonApiError as exc:
        raise RenderError(f"cannot load into Saxon: {saxon_message(exc)}", path=name) from None
