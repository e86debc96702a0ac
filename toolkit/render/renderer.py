"""Renderer: the edition stylesheets compiled once, applied to many documents.

Input is parsed once with teikit.xmlsafe (the only parser for input XML),
checked to be TEI, and handed to Saxon as text; the resulting Saxon document
can be rendered to HTML and text without parsing again (see `load`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import names, resources, whitespace, xmlsafe
from ..language import canonical_tag
from ..errors import RenderError, ToolkitError
from . import saxon

ABBR_MODES = ("keep", "expand")
REGISTER_TYPES = ("person", "org", "place")
REGISTER_FILES = {"person": "persons.html", "org": "organisations.html", "place": "places.html"}
# The date register's page (registers/), beside the three above.
DATES_FILE = "dates.html"
SITE_TEMPLATES = ("index-page", "register-page", "entity-page", "timeline-page", "year-page", "search-page")
HTML_DOCTYPE = "<!DOCTYPE html>\n"
# what the head of every page says (xslt/html/chrome.xsl, tk:html-head), in its first few KB: teikit made it
GENERATOR_MARK, _MARK_WITHIN = b'<meta name="generator" content="teikit"', 4096
# The site's scripts: never inline (every page's Content-Security-Policy allows only
# script files of the site itself); written beside the pages into ASSETS_DIR.
ASSETS_DIR = "assets"
SCRIPT_FILES = ("highlight.js", "sort.js", "search.js")


@dataclass(frozen=True)
class SourceDocument:
    """A TEI document ready for the stylesheets: its Saxon node and where it came from."""

    name: str            # for messages: the path, or "<tree>"
    stem: str            # output pages are <stem>.html / <stem>.txt
    path: Path | None
    node: object         # saxonche PyXdmNode (document node)
    teikit: bool = True  # written by teikit (names.is_teikit_document); else rendered as anyone's TEI
    nested: int = 0      # TEI documents nested in it (after its text): no part of its edition
    lang: str = ""       # its language where no xml:lang says one (the stylesheets' document-lang: declared_lang)

    @property
    def document_ids(self) -> str:
        """The stylesheets' document-ids: 'yes' for anyone's TEI, whose register ids are its own."""
        return "no" if self.teikit else "yes"


class Renderer:
    """HTML, text and corpus-page stylesheets, compiled once (see default_renderer)."""

    def __init__(self, xslt_dir: Path | str | None = None):
        self.xslt_dir = Path(xslt_dir) if xslt_dir else resources.xslt_dir()
        started = time.perf_counter()
        self._html = saxon.compile_stylesheet(self.xslt_dir / "html" / "tei-to-html.xsl")
        self._text = saxon.compile_stylesheet(self.xslt_dir / "txt" / "tei-to-txt.xsl")
        self._site = saxon.compile_stylesheet(self.xslt_dir / "site" / "corpus.xsl")
        self._data = saxon.compile_stylesheet(self.xslt_dir / "site" / "data.xsl")
        self.compile_seconds = time.perf_counter() - started
        self._html_parameters = saxon.Parameters(self._html)
        self._text_parameters = saxon.Parameters(self._text)
        self._data_parameters = saxon.Parameters(self._data)
        spaces = saxon.string_value(whitespace.XML_SPACES)
        for executable in (self._html, self._text, self._site, self._data):
            executable.set_parameter(f"{{{names.TEIKIT_NS}}}spaces", spaces)
        # Assets are read once (the style sheet passed in), so no transform touches the disk.
        assets = self.xslt_dir / "html" / "assets"
        self.scripts: dict[str, bytes] = {}
        for file in ("edition.css", *SCRIPT_FILES):
            try:
                data = (assets / file).read_bytes()
                text = data.decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RenderError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path=str(assets / file)) from None
            if file in SCRIPT_FILES:
                self.scripts[file] = data
                continue
            for executable in (self._html, self._site):
                executable.set_parameter("css", saxon.string_value(text))

    # -- input ---------------------------------------------------------------

    def load(self, source) -> SourceDocument:
        """A path, an lxml tree/element or a SourceDocument, ready to render (parsed once)."""
        if isinstance(source, SourceDocument):
            return source
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            try:
                tree = xmlsafe.parse_file(path, ids_checked=False)
            except ToolkitError as exc:
                raise RenderError(exc.message, path=exc.path or str(path)) from None
            name, stem = str(path), path.stem
        elif isinstance(source, (etree._ElementTree, etree._Element)):
            tree = source if isinstance(source, etree._ElementTree) else source.getroottree()
            path, name = None, "<tree>"
            stem = _stem_from_tree(tree)
            try:  # what Saxon's parser would refuse with its own multi-line report (xmlsafe's limits)
                xmlsafe.check_limits(tree, path=tree.docinfo.URL)
            except ToolkitError as exc:
                raise RenderError(exc.message, path=exc.path or name) from None
        else:
            raise TypeError(f"cannot render a {type(source).__name__}")
        root = tree.getroot()
        if root.tag == names.TEI_CORPUS:
            members = len(root.findall(f".//{names.TEI}"))
            raise RenderError(f"a teiCorpus of {members} TEI document{'s' if members != 1 else ''}: an edition is made "
                              "of one TEI document a file; split it into one file per TEI", path=name)
        if root.tag != names.TEI:
            raise RenderError(f"not a TEI document: the root element is {root.tag}, not {names.TEI}", path=name)
        if root.find(names.tei("text")) is None and root.find(names.tei("sourceDoc")) is None:
            # What an edition reads (xslt/common/reading.xsl, tk:text-of): the text, else the sourceDoc.
            nested = root.find(names.TEI) is not None
            raise RenderError("no text to publish: the document has neither a text nor a sourceDoc"
                              + (" (its text is in a nested TEI: an edition is made of one TEI document a file; "
                                 "make that TEI a file of its own)" if nested else ""), path=name)
        text = etree.tostring(root, encoding="unicode")
        return SourceDocument(name=name, stem=stem, path=path, node=saxon.parse_text(text, name=name),
                              teikit=names.is_teikit_document(root), nested=len(root.findall(names.TEI)),
                              lang=declared_lang(root))

    # -- outputs -------------------------------------------------------------

    def html(self, source, *, tei_href: str | None = None, registers_href: str = "registers/",
             index_href: str = "index.html", assets_href: str = ASSETS_DIR + "/") -> str:
        """One article page. tei_href: relative path to the TEI master (None: no link);
        registers_href / index_href: relative paths to the corpus pages ('' leaves them out);
        assets_href: relative folder of the site's scripts (write_scripts; '' for none).
        Paths, not URLs: the page escapes them (tk:path-href)."""
        doc = self.load(source)
        parameters = self._html_parameters
        parameters.set("tei-href", tei_href or "")
        parameters.set("registers-href", registers_href)
        parameters.set("index-href", index_href)
        parameters.set("assets-href", assets_href)
        parameters.set("document-ids", doc.document_ids)  # anyone's TEI: no register page by its xml:id
        parameters.set("document-lang", doc.lang)
        out = self._run(lambda: self._html.transform_to_string(xdm_node=doc.node), doc.name)
        return _html_document(out)

    def text(self, source, *, abbr: str = "keep") -> str:
        """The plain-text edition; abbr='keep' prints abbreviations, 'expand' their expansions."""
        if abbr not in ABBR_MODES:
            raise ValueError(f"abbr must be one of {ABBR_MODES}, not {abbr!r}")
        doc = self.load(source)
        self._text_parameters.set("abbr", abbr)
        self._text_parameters.set("document-lang", doc.lang)
        out = self._run(lambda: self._text.transform_to_string(xdm_node=doc.node), doc.name)
        return out if out.endswith("\n") else out + "\n"

    def site_record(self, source) -> str:
        """What the corpus site needs of one document (xslt/site/data.xsl), as XML text
        for render.sitedata.SiteData.add. Anyone's TEI has register ids of its own."""
        doc = self.load(source)
        self._data_parameters.set("document-ids", doc.document_ids)
        self._data_parameters.set("document-lang", doc.lang)
        return self._run(lambda: self._data.transform_to_string(xdm_node=doc.node), doc.name)

    def site_page(self, template: str, data: str, name: str) -> str:
        """A corpus page: the named template of xslt/site/corpus.xsl (SITE_TEMPLATES) over
        `data`, the page's XML (render.sitedata's *_xml); `name` is for messages."""
        if template not in SITE_TEMPLATES:
            raise ValueError(f"template must be one of {SITE_TEMPLATES}, not {template!r}")
        self._site.set_parameter("data", saxon.parse_text(data, name=name))
        return _html_document(self._run(lambda: self._site.call_template_returning_string(template), name))

    # -- helpers -------------------------------------------------------------

    @staticmethod
    def _run(transform, name: str) -> str:
        from saxonche import PySaxonApiError

        try:
            out = transform()
        except PySaxonApiError as exc:
            raise RenderError(f"transformation failed: {saxon.saxon_message(exc)}", path=name) from None
        if out is None:
            raise RenderError("transformation produced no output", path=name)
        return out


def declared_lang(root) -> str:
    """The language of a document whose TEI element has no xml:lang, for what no xml:lang covers
    (its header, its front matter's `language`): its text's (or sourceDoc's) xml:lang, else the
    first language its header's langUsage declares (canonical: "deu" is "de"); '' when the TEI
    element has an xml:lang (the stylesheets read it) or nothing says one."""
    if root.get(names.XML_LANG) is not None:
        return ""
    for part in (root.find(names.TEXT), root.find(names.tei("sourceDoc"))):
        if part is not None and part.get(names.XML_LANG):
            return part.get(names.XML_LANG).strip()
    for language in root.iterfind(f"{names.TEI_HEADER}/{names.PROFILE_DESC}/{names.LANG_USAGE}/{names.LANGUAGE}"):
        if tag := canonical_tag(language.get("ident")):
            return tag
    return ""


def _stem_from_tree(tree) -> str:
    """A stem for a tree without a file: its root xml:id without the 'doc-' prefix."""
    ident = tree.getroot().get(names.XML_ID) or "document"
    return ident[4:] if ident.startswith("doc-") else ident


def _html_document(out: str) -> str:
    # Saxon writes the HTML5 doctype in capitals; the edition uses the customary form.
    if out[:15].upper() == "<!DOCTYPE HTML>":
        out = out[15:].lstrip("\n")
    out = HTML_DOCTYPE + out
    return out if out.endswith("\n") else out + "\n"


@lru_cache(maxsize=1)
def default_renderer() -> Renderer:
    """The process-wide Renderer over the project's xslt/ (compiled on first call)."""
    return Renderer()


def teikits_page(path) -> bool:
    """Whether the file `path` is a page teikit made (its head carries GENERATOR_MARK): one a run
    wrote and its record does not know (a run killed before saving it), not an editor's own."""
    try:
        with open(path, "rb") as handle:
            return GENERATOR_MARK in handle.read(_MARK_WITHIN)
    except OSError:
        return False
