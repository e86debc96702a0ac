"""Compile a TEI ODD into RELAX NG and ISO Schematron with the TEI Stylesheets vendored in the package.

    compiled = compile_odd(path)          # CompiledOdd(rng, sch): lxml trees (sch None when it has no rules)
    rng_text, sch_text = compile_odd_text(path)   # the serialised results (tasks.py schema writes them)

The pipeline is the TEI community's: odd2odd.xsl expands the ODD against
p5subset.xml (the compiled TEI P5 source), then odd2relax.xsl writes the RELAX
NG and extract-isosch.xsl the Schematron of its constraintSpecs. Both live in
resources.tei_odd_dir() (toolkit/data/tei-odd/, with their provenance and
licence). `useFixedDate` makes the output the same on every run (the generation
date reads 1970-01-01), so a committed schema can be compared with a fresh one.

The RELAX NG is then put in a form libxml2 (lxml.etree.RelaxNG) compiles, without
changing what it accepts (`for_libxml2`): odd2relax writes each element's content
model first and its attribute patterns after it, and libxml2 takes minutes to compile
that when an element has many optional attributes (attributes in a group match in any
order, so moving them in front of the content is the same grammar, and compiles in
milliseconds); and a class with no member left in the customisation becomes
`<zeroOrMore><empty/></zeroOrMore>`, which libxml2 mis-handles (it then rejects valid
content after it, where jing does not), so a repetition of nothing but `<empty/>` is
left out of the sequence it is in.

odd2odd reports problems only as xsl:messages; each one is an error here
(SchemaError naming the ODD), so an ODD that refers to a class or module the
TEI does not have never yields a quietly smaller schema. The stylesheets run on
a Saxon processor of their own that may read local files only (the toolchain and
the ODD's own local references), never the network.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import SchemaError
from ..names import RNG_NS, TEI_NS
from ..resources import tei_odd_dir
from ..xmlsafe import parse_bytes, parse_file

_LOCK = threading.Lock()
_STDERR_LOCK = threading.Lock()
_processor = None
_compiled: dict[str, object] = {}
_module_specs: dict[str, set[str]] | None = None
# odd2odd messages that describe what it does, not a problem in the ODD
_BENIGN = ("Reject unused class",)


@dataclass(frozen=True)
class CompiledOdd:
    rng: etree._ElementTree
    sch: etree._ElementTree | None


def compile_odd(path: Path) -> CompiledOdd:
    rng_text, sch_text = compile_odd_text(path)
    rng = parse_bytes(rng_text.encode("utf-8"), path=str(path))
    sch = parse_bytes(sch_text.encode("utf-8"), path=str(path)) if sch_text else None
    if sch is not None and not len(sch.getroot().findall("{http://purl.oclc.org/dsdl/schematron}pattern")):
        sch = None
    return CompiledOdd(rng, sch)


def compile_odd_text(path: Path) -> tuple[str, str]:
    """The RELAX NG and the Schematron text the TEI Stylesheets make of the ODD at `path`."""
    path = Path(path)
    _check_module_refs(parse_file(path), path)  # the one parser's checks first: no DTD, no entities
    proc = _odd_processor()
    stylesheets = tei_odd_dir() / "Stylesheets" / "odds"
    with _saxon_report_discarded():
        return _run_stylesheets(proc, stylesheets, path)


def _run_stylesheets(proc, stylesheets: Path, path: Path) -> tuple[str, str]:
    from saxonche import PySaxonApiError

    try:
        odd2odd = _stylesheet("odd2odd", stylesheets / "odd2odd.xsl")
        odd2odd.set_parameter("defaultSource", proc.make_string_value(str(tei_odd_dir() / "p5subset.xml")))
        odd2odd.set_parameter("useFixedDate", proc.make_string_value("true"))
        odd2odd.set_save_xsl_message(True)
        expanded = odd2odd.transform_to_value(source_file=str(path))
        problems = _messages(odd2odd)
        if problems:
            raise SchemaError(f"the ODD does not compile: {problems[0]}"
                              + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""), path=str(path))
        node = expanded.head
        results = []
        for name in ("odd2relax", "extract-isosch"):
            sheet = _stylesheet(name, stylesheets / f"{name}.xsl")
            sheet.set_parameter("useFixedDate", proc.make_string_value("true"))
            results.append(sheet.transform_to_string(xdm_node=node))
    except PySaxonApiError as exc:
        raise SchemaError(f"the ODD does not compile: {' '.join(str(exc).split())}", path=str(path)) from None
    rng_tree = etree.fromstring(results[0].encode("utf-8"))
    for_libxml2(rng_tree)
    rng_text = '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(rng_tree, encoding="unicode") + "\n"
    return rng_text, results[1]


@contextmanager
def _saxon_report_discarded():
    """While the TEI Stylesheets run, file descriptor 2 goes to the null device: Saxon prints its
    own multi-line report of a stylesheet's dynamic error there (a moduleRef to a file that is
    not there, a specGrpRef to something that is no specGrp) before raising, and teikit says
    the failure in one line (SchemaError). Nothing else is written meanwhile (an ODD is
    compiled before any batch starts)."""
    with _STDERR_LOCK:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def for_libxml2(grammar: etree._Element) -> None:
    """Rewrite a RELAX NG grammar (in place) into an equivalent one libxml2 compiles quickly
    and correctly: each element's attribute-only patterns before its content; no
    zeroOrMore/oneOrMore/optional holding nothing but <empty/>."""
    for repeat in list(grammar.iter(_rng("zeroOrMore"), _rng("oneOrMore"), _rng("optional"))):
        kids = _patterns(repeat)
        parent = repeat.getparent()
        if len(kids) == 1 and kids[0].tag == _rng("empty") and parent is not None:
            if parent.tag in _SEQUENCES and len(_patterns(parent)) > 1:
                parent.remove(repeat)  # one item of a sequence that matches nothing: leave it out
            else:
                parent.replace(repeat, kids[0])
    defines = {d.get("name"): d for d in grammar.iter(_rng("define"))}
    memo: dict[str, bool] = {}

    def attribute_only(node, seen=frozenset()) -> bool:
        if node.tag == _rng("attribute"):
            return True
        if node.tag == _rng("empty"):
            return False  # nothing to move
        if node.tag == _rng("ref"):
            name = node.get("name")
            if name not in memo:
                target = defines.get(name)
                memo[name] = (target is not None and name not in seen and bool(_patterns(target))
                              and all(attribute_only(k, seen | {name}) or k.tag == _rng("empty") for k in _patterns(target))
                              and any(k.tag != _rng("empty") for k in _patterns(target)))
            return memo[name]
        if node.tag in (_rng("optional"), _rng("group"), _rng("choice"), _rng("interleave")):
            kids = _patterns(node)
            return bool(kids) and all(attribute_only(k, seen) for k in kids)
        return False

    for element in grammar.iter(_rng("element")):
        if element.get("name") is None:
            continue  # a name class comes first: leave such an element as it is
        kids = _patterns(element)
        attributes = [k for k in kids if attribute_only(k)]
        if not attributes or len(attributes) == len(kids) or kids[:len(attributes)] == attributes:
            continue
        content = next(k for k in kids if k not in attributes)
        for node in attributes:
            content.addprevious(node)  # moves it (a node has one parent), keeping the attributes' order


_SEQUENCES = frozenset(f"{{{RNG_NS}}}{name}" for name in ("element", "group", "define", "oneOrMore", "zeroOrMore", "optional", "list", "mixed"))


def _rng(name: str) -> str:
    return f"{{{RNG_NS}}}{name}"


def _patterns(node) -> list:
    return [k for k in node if isinstance(k.tag, str) and k.tag.startswith(f"{{{RNG_NS}}}")]


def _check_module_refs(odd: etree._ElementTree, path: Path) -> None:
    """odd2odd silently drops a moduleRef to a module TEI does not have, and an include or
    except naming something its module does not declare: say so instead."""
    modules = _modules()
    for ref in odd.getroot().iter(f"{{{TEI_NS}}}moduleRef"):
        key = ref.get("key")
        if key is None:
            continue
        where = f"line {ref.sourceline}: moduleRef key=\"{key}\""
        if key not in modules:
            raise SchemaError(f"the ODD does not compile: {where}: TEI has no such module", path=str(path))
        for attribute in ("include", "except"):
            for ident in (ref.get(attribute) or "").split():
                if ident not in modules[key]:
                    raise SchemaError(f"the ODD does not compile: {where}: module {key} declares no \"{ident}\" "
                                      f"({attribute})", path=str(path))


def _modules() -> dict[str, set[str]]:
    """Each TEI module of p5subset.xml and the idents of the specs it declares."""
    global _module_specs
    with _LOCK:
        if _module_specs is None:
            found: dict[str, set[str]] = {}
            source = parse_file(tei_odd_dir() / "p5subset.xml").getroot()
            for module in source.iter(f"{{{TEI_NS}}}moduleSpec"):
                found.setdefault(module.get("ident"), set())
            for tag in ("elementSpec", "classSpec", "macroSpec", "dataSpec"):
                for spec in source.iter(f"{{{TEI_NS}}}{tag}"):
                    found.setdefault(spec.get("module"), set()).add(spec.get("ident"))
            _module_specs = found
    return _module_specs


def _odd_processor():
    global _processor
    with _LOCK:
        if _processor is None:
            from saxonche import PySaxonProcessor

            proc = PySaxonProcessor(license=False)
            proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
            _processor = proc
    return _processor


def _stylesheet(name: str, path: Path):
    if name not in _compiled:
        _compiled[name] = _odd_processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
    return _compiled[name]


def _messages(executable) -> list[str]:
    found = executable.get_xsl_messages()
    if found is None:
        return []
    texts = [" ".join(found.item_at(i).string_value.split()) for i in range(found.size)]
    return [t for t in texts if t and not t.startswith(_BENIGN)]


__all__ = ["CompiledOdd", "compile_odd", "compile_odd_text", "for_libxml2"]
