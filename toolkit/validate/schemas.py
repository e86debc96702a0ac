"""Which schema a document is checked against: `--schema` names and files, and `<?xml-model?>`.

    engines = load_schema("tei_all")          # [checker, …]: each .check(tree, file) -> [Issue]
    specs, notes = declared_schemas(tree, file)   # what the document's xml-model PIs name

A schema name is one of

- `teikit`: teikit's own profile (teikit.rng + teikit.sch in resources.schema_dir());
- `tei_all`: the TEI P5 tei_all RELAX NG shipped in the package, with the Schematron
  constraints embedded in it (run by xpath2rules, an XPath 2+ engine);
- a file: `.rng` (RELAX NG, and the Schematron embedded in it, if any), `.sch`
  (ISO Schematron: queryBinding xslt through lxml, xslt2/xslt3/xpath2+ through Saxon),
  `.odd` (a TEI customisation: compiled by validate.odd with the TEI Stylesheets vendored
  in the package into RELAX NG and the Schematron of its constraintSpecs, both run);
  `.rnc` (no well-kept converter runs without Java) is refused with one line.

`auto` is not a schema but a policy, resolved per document by the Validator: the
schemas the document's `<?xml-model?>` processing instructions declare, local files
only (relative to the document); an http(s) or other remote href is never fetched
(one warning says so). With none usable: teikit for a teikit document
(names.is_teikit_document), tei_all for any other.

Compiled schemas are kept per process (by name, or by a file's resolved path and
modification time), so a batch pays each compile once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..errors import SchemaError, ToolkitError
from ..names import RNG_NS, is_teikit_document
from ..resources import schema_dir, tei_all_rng
from ..xmlsafe import parse_file
from .issues import Issue
from .relaxng import RelaxNGChecker
from .schematron import SchematronRules
from .xpath2rules import SCH_NS, XPATH2_BINDINGS, XPath2Rules, query_binding

TEIKIT = "teikit"
TEI_ALL = "tei_all"
AUTO = "auto"
NAMES = (TEIKIT, TEI_ALL, AUTO)
SCHEMA_SUFFIXES = (".rng", ".sch", ".odd")
RNG_NAME = "teikit.rng"
SCH_NAME = "teikit.sch"
ODD_NAME = "teikit.odd"  # the source of both (validate.generate)

_SCHEMATRON_NS = frozenset({SCH_NS, "http://www.ascc.net/xml/schematron"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")  # two letters at least: C:\\ is a path
_cache: dict[tuple, list] = {}


@dataclass(frozen=True)
class Declared:
    """One schema a document declares: a local file and what to run from it."""

    path: Path
    kind: str  # "rng": its RELAX NG; "sch": its Schematron (a .sch, or the one embedded in a .rng); "both"


def load_schema(spec: str, *, base: Path | None = None) -> list:
    """The checkers for one schema name or file (relative to `base`, else the working folder)."""
    if spec == TEIKIT:
        return teikit_engines()
    if spec == TEI_ALL:
        return _cached(("tei_all",), lambda: _rng_file_engines(tei_all_rng(), "both", label=TEI_ALL))
    if spec == AUTO:
        raise SchemaError("auto chooses a schema per document; it cannot be combined with another --schema")
    path = Path(spec)
    if base is not None and not path.is_absolute():
        path = base / path
    return load_file(path, "both")


def teikit_engines(rng_path: Path | None = None, sch_path: Path | None = None) -> list:
    rng = Path(rng_path) if rng_path else schema_dir() / RNG_NAME
    sch = Path(sch_path) if sch_path else schema_dir() / SCH_NAME
    return _cached(("teikit", _stamp(rng), _stamp(sch)),
                   lambda: [RelaxNGChecker(_parse(rng, "RELAX NG schema"), name=str(rng)), *_schematron(_parse(sch, "Schematron rules"), str(sch))])


def load_file(path: Path, kind: str) -> list:
    suffix = path.suffix.lower()
    if suffix == ".rnc":
        raise SchemaError("RELAX NG compact syntax (.rnc) is not supported: convert it to .rng (trang)", path=str(path))
    if suffix not in SCHEMA_SUFFIXES:
        raise SchemaError(f"unknown schema: give {', '.join(NAMES)}, or a .rng, .sch or .odd file", path=str(path))
    if not _is_file(path):
        raise SchemaError("schema not found", path=str(path))
    if suffix == ".rng":
        return _cached(("rng", kind, _stamp(path)), lambda: _rng_file_engines(path, kind, label=str(path)))
    if suffix == ".odd":
        return _cached(("odd", _stamp(path)), lambda: _odd_engines(path))
    return _cached(("sch", _stamp(path)), lambda: _schematron(_parse(path, "Schematron rules"), str(path)))


def declared_schemas(tree: etree._ElementTree, file: str) -> tuple[list[Declared], list[Issue]]:
    """The local schema files the document's `<?xml-model?>` PIs name, and one warning per
    PI teikit will not follow (remote, missing, or of a kind it does not run)."""
    root = tree.getroot()
    found: list[Declared] = []
    notes: list[Issue] = []
    base = Path(file).parent if not file.startswith("<") else Path.cwd()
    for pi in reversed(list(root.itersiblings(preceding=True))):
        if not isinstance(pi, etree._ProcessingInstruction) or pi.target != "xml-model":
            continue
        href = (pi.get("href") or "").strip()
        line = pi.sourceline or 0
        if not href:
            continue
        scheme = _SCHEME.match(href)
        if href.startswith("//") or (scheme and scheme.group(1).lower() != "file"):
            notes.append(_note(file, line, f'xml-model href="{href}" is not fetched: teikit never reaches the '
                                           "network (give a local copy with --schema FILE)"))
            continue
        local = Path(unquote(urlsplit(href).path) if scheme else href)
        path = local if local.is_absolute() else base / local
        kinds = _model_kinds(pi, path)
        if kinds is None:
            notes.append(_note(file, line, f'xml-model href="{href}": not a schema teikit runs (RELAX NG or Schematron)'))
            continue
        if not _is_file(path):
            notes.append(_note(file, line, f'xml-model href="{href}": no such file ({path})'))
            continue
        found.append(Declared(path, kinds))
    return found, notes


def fallback_schema(tree: etree._ElementTree) -> str:
    """What auto uses for a document that declares no usable schema."""
    return TEIKIT if is_teikit_document(tree.getroot()) else TEI_ALL


# ---------------------------------------------------------------------- building

def _model_kinds(pi, path: Path) -> str | None:
    namespace = (pi.get("schematypens") or "").strip()
    if namespace == RNG_NS:
        return "rng"
    if namespace in _SCHEMATRON_NS:
        return "sch"
    if namespace:
        return None
    return {".rng": "rng", ".sch": "sch"}.get(path.suffix.lower())


def _rng_file_engines(path: Path, kind: str, *, label: str) -> list:
    tree = _parse(path, "RELAX NG schema")
    engines = []
    if kind in ("rng", "both"):
        engines.append(RelaxNGChecker(tree, name=label))
    if kind in ("sch", "both"):
        embedded = embedded_schematron(tree)
        if embedded is not None:
            engines.append(XPath2Rules(embedded, name=label))
    return engines


def _odd_engines(path: Path) -> list:
    from .odd import compile_odd  # Saxon and the TEI Stylesheets only when an ODD is given

    compiled = compile_odd(path)
    engines = [RelaxNGChecker(compiled.rng, name=str(path))]
    if compiled.sch is not None:
        engines.extend(_schematron(compiled.sch, str(path)))
    return engines


def embedded_schematron(rng_tree: etree._ElementTree) -> etree._Element | None:
    """The ISO Schematron patterns embedded in a RELAX NG schema (as the TEI's ODD processor
    writes them), as one sch:schema (queryBinding xslt2), or None when it has none."""
    patterns = list(rng_tree.getroot().iter(f"{{{SCH_NS}}}pattern"))
    if not patterns:
        return None
    schema = etree.Element(f"{{{SCH_NS}}}schema", queryBinding="xslt2", nsmap={"sch": SCH_NS})
    prefixes = set()
    for ns in rng_tree.getroot().iter(f"{{{SCH_NS}}}ns"):
        if ns.get("prefix") not in prefixes:
            prefixes.add(ns.get("prefix"))
            etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=ns.get("prefix"), uri=ns.get("uri"))
    for pattern in patterns:
        schema.append(_detached(pattern))
    return schema


def _schematron(tree: etree._ElementTree, name: str) -> list:
    root = tree.getroot()
    if root.tag != f"{{{SCH_NS}}}schema":
        raise SchemaError("not an ISO Schematron schema (root element is not sch:schema)", path=name)
    binding = query_binding(root)
    if binding in XPATH2_BINDINGS:
        return [XPath2Rules(root, name=name)]
    if binding in ("xslt", "xpath"):
        return [SchematronRules(tree=tree, name=name)]
    raise SchemaError(f'Schematron queryBinding "{binding}" is not supported (xslt, xslt2, xslt3, xpath2, xpath3, xpath31)', path=name)


def _parse(path: Path, what: str) -> etree._ElementTree:
    try:
        return parse_file(path)
    except ToolkitError as exc:
        raise SchemaError(f"cannot compile the {what}: {exc.message}", path=str(path)) from None


def _detached(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def _is_file(path: Path) -> bool:
    """Whether `path` is a regular file; False also for a name the file system cannot look up
    (too long, ENAMETOOLONG, which Path.is_file raises)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _stamp(path: Path) -> tuple:
    try:
        resolved = path.resolve()
        return (str(resolved), os.stat(resolved).st_mtime_ns)
    except OSError:
        return (str(path), None)


def _cached(key: tuple, build) -> list:
    if key not in _cache:
        _cache[key] = build()
    return _cache[key]


def _note(file: str, line: int, message: str) -> Issue:
    return Issue(file, line, 0, "xml-model", message, severity="warning")


__all__ = ["AUTO", "Declared", "NAMES", "ODD_NAME", "RNG_NAME", "SCH_NAME", "SchemaError", "TEIKIT", "TEI_ALL", "declared_schemas", "embedded_schematron",
           "fallback_schema", "load_file", "load_schema", "teikit_engines"]
