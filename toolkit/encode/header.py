"""The teiHeader: what the edition is, what its source was, how it was made."""

from __future__ import annotations

from lxml import etree

from .. import __version__
from .. import names as N
from ..language import info as language_info
from ..model import Article
from ..options import ConvertOptions



def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def build_header(article: Article, doc_id: str, options: ConvertOptions, recognisers: list[tuple[str, str, str]]) -> etree._Element:
    """recognisers: (xml:id, ident, label) of every recogniser whose markup the text carries."""
    header = etree.Element(N.TEI_HEADER)
    file_desc = _sub(header, N.FILE_DESC)
    title_stmt = _sub(file_desc, N.TITLE_STMT)
    _sub(title_stmt, N.TITLE, article.title)
    if article.author:
        _sub(title_stmt, N.AUTHOR, article.author)
    resp_stmt = _sub(title_stmt, N.RESP_STMT)
    _sub(resp_stmt, N.RESP, "TEI encoding and automatic entity markup")
    _sub(resp_stmt, N.NAME, "teikit", ref="#teikit")

    publication = _sub(file_desc, N.PUBLICATION_STMT)
    _sub(publication, N.PUBLISHER, options.publisher)
    availability = _sub(publication, N.AVAILABILITY)
    _sub(availability, N.LICENCE, article.meta.licence or options.licence,
         target=None if article.meta.licence else options.licence_url)
    _sub(publication, N.IDNO, doc_id, type="teikit")

    bibl = _sub(_sub(file_desc, N.SOURCE_DESC), N.BIBL, type="source")
    _sub(bibl, N.TITLE, article.title)
    if article.author:
        _sub(bibl, N.AUTHOR, article.author)
    if article.meta.publisher:
        _sub(bibl, N.PUBLISHER, article.meta.publisher)
    if article.date:
        _sub(bibl, N.DATE, article.date_text or article.date, when=article.date)
    if article.meta.url:
        _sub(bibl, N.REF, article.meta.url, target=article.meta.url)
    if article.meta.description:
        _sub(bibl, N.NOTE, article.meta.description, type="description")
    _sub(bibl, N.IDNO, article.name, type="filename")
    _sub(bibl, N.IDNO, article.sha256, type="sha256")
    if article.capture is not None:
        # Where and when the page was captured (a web archive's record), apart from its publication.
        capture = article.capture
        captured = _sub(bibl.getparent(), N.BIBL, type="capture")
        _sub(captured, N.REF, capture.uri, target=capture.uri)
        _sub(captured, N.DATE, capture.date, when=capture.date[:10])
        _sub(captured, N.IDNO, capture.record_id, type="WARC-Record-ID")
        _sub(captured, N.IDNO, capture.payload_digest, type="WARC-Payload-Digest")

    app_info = _sub(_sub(header, N.ENCODING_DESC), N.APP_INFO)
    application = _sub(app_info, N.APPLICATION, ident=N.TEIKIT_APPLICATION, version=__version__)
    application.set(N.XML_ID, "teikit")
    _sub(application, N.LABEL, "teikit")
    for xml_id, ident, label in recognisers:
        application = _sub(app_info, N.APPLICATION, ident=ident, version=__version__)
        application.set(N.XML_ID, xml_id)
        _sub(application, N.LABEL, label)

    language = article.meta.language
    lang_usage = _sub(_sub(header, N.PROFILE_DESC), N.LANG_USAGE)
    _sub(lang_usage, N.LANGUAGE, language_info(language).name, ident=language)

    revision = _sub(header, N.REVISION_DESC)
    _sub(revision, N.CHANGE, f"Converted from {article.name} by teikit {__version__}.",
         who="#teikit", when=options.conversion_date)
    return header
