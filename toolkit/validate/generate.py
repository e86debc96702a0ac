"""teikit's own schema files, generated from its ODD (`python3 tasks.py schema`).

    texts = generated_schema(odd_path)     # {"teikit.sch": text, ...}: what the ODD compiles to
    write_generated_schema(schema_dir)     # writes them beside the ODD (temp + rename each)
    python -m teikit.validate.generate [SCHEMA_DIR]

The ODD (schema/teikit.odd) is the source; the files it yields are committed so
that `teikit validate` needs no ODD compile (seconds) and a deposit can carry
them. They are the TEI Stylesheets' output as validate.odd makes it (fixed date:
the same bytes on every run), after one comment line saying where they come
from. tests/test_schema_generated.py regenerates them and fails on any
difference from the committed files.

Generated here:

- teikit.rng: odd2relax's RELAX NG as odd.for_libxml2 rewrites it (each element's
  attributes before its content, no repetition of nothing: the same language, which
  libxml2 compiles in milliseconds where odd2relax's own text takes minutes), the
  grammar validate loads; without the Schematron odd2relax embeds in it, which is
  teikit.sch's (embedded, it lacks the constraintDecl's keys and would run twice);
- teikit.sch: the Schematron of the ODD's constraintSpecs (queryBinding xslt, run
  by lxml.isoschematron as validate runs it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

from ..fsutil import write_atomic
from .odd import compile_odd_text
from .schemas import ODD_NAME, RNG_NAME, SCH_NAME
from .xpath2rules import SCH_NS

REGENERATE = "python3 tasks.py schema"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def _stamped(text: str) -> str:
    note = f"<!-- Generated from {ODD_NAME} by `{REGENERATE}`: edit the ODD, not this file. -->"
    if text.startswith(_XML_DECLARATION):
        return f"{_XML_DECLARATION}\n{note}{text[len(_XML_DECLARATION):]}"
    return f"{note}\n{text}"


def generated_schema(odd_path: Path) -> dict[str, str]:
    """The schema files (name: text) the ODD at `odd_path` compiles to."""
    rng_text, sch_text = compile_odd_text(Path(odd_path))
    return {RNG_NAME: _stamped(_without_schematron(rng_text)), SCH_NAME: _stamped(sch_text)}


def _without_schematron(rng_text: str) -> str:
    grammar = etree.fromstring(rng_text.encode("utf-8"))
    for node in [n for n in grammar.iter(f"{{{SCH_NS}}}*") if not n.getparent().tag.startswith(f"{{{SCH_NS}}}")]:
        previous = node.getprevious()
        if previous is not None:  # keep the indentation of what follows
            previous.tail = node.tail
        else:
            node.getparent().text = node.tail
        node.getparent().remove(node)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(grammar, encoding="unicode") + "\n"


def write_generated_schema(schema_dir: Path) -> list[Path]:
    """Regenerate the files from `schema_dir`/teikit.odd into `schema_dir`; the paths written."""
    schema_dir = Path(schema_dir)
    written = []
    for name, text in generated_schema(schema_dir / ODD_NAME).items():
        write_atomic(schema_dir / name, text.encode("utf-8"))
        written.append(schema_dir / name)
    return written


def main(argv: list[str]) -> int:
    from ..errors import ToolkitError
    from ..resources import schema_dir

    target = Path(argv[0]) if argv else schema_dir()
    try:
        for path in write_generated_schema(target):
            print(f"wrote {path}")
    except ToolkitError as exc:
        print(f"error: {exc.path}: {exc.message}" if exc.path else f"error: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


__all__ = ["REGENERATE", "generated_schema", "write_generated_schema"]
