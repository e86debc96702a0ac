"""The teiHeader: what the edition is, what its source was, how it was made.

Contract (docs/encoding.md, "The header"): the header is written in English
(teiHeader/@xml:lang="en"); what is copied from the source (the title in titleStmt,
the source bibl) carries the article's language. The edition's title is the source's (title type="main") with
EDITION_TITLE (type="sub"). Text and markup are licensed apart, an unknown text
licence said to be unknown. editorialDecl says what was normalised and what is
machine markup; schemaRef names the schema. Whoever is responsible for markup
(@resp, change/@who) is a respStmt in titleStmt; a program's respStmt names its
application in appInfo (`declare_agent`, also used by editing to add one).
The source's sha256 (sourceDesc/bibl/idno type="sha256") is written as the bytes
`source_sha256` gives, the one form an incremental convert finds and replaces in a
TEI file teikit wrote (convertrecord: a web archive's page given its archive's new sha256).
"""

from __future__ import annotations

import re

from lxml import etree

from .. import __version__
from .. import names as N
from ..language import info as language_info
from ..model import LUNAR_CALENDAR, Article, author_names
from ..options import ConvertOptions, licence_url

# What no URI reference holds as written (a crawl's "%ZZbad" or "a|b"): escaped in an @target, so that one
# bad URL costs no article (the schema's anyURI refused it); the element's text keeps it as given.
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NOT_IN_URI = re.compile('[\x00-\x20"<>\\\\^`{|}\x7f]')


def uri_reference(value: str) -> str:
    """`value` as a URI reference: a % that starts no escape, white space and the characters URIs
    exclude, percent-escaped ("%ZZ" → "%25ZZ", " " → "%20"); anything else as it is."""
    return _NOT_IN_URI.sub(lambda m: f"%{ord(m.group()):02X}", _BAD_PERCENT.sub("%25", value))


HEADER_LANGUAGE = "en"
EDITION_TITLE = "TEI edition"
# What the header says of the lunar calendar its lunar dates point to (date/@calendar).
LUNAR_DESCRIPTION = ("The Vietnamese lunar calendar (âm lịch): a date written in it (\"mùng 6 Tết\", "
                     "\"rằm tháng Giêng\") has no Gregorian value here; its text is the record.")
UNKNOWN_TEXT_LICENCE = "Unknown: the publisher of the source has stated no licence for the text."
# Where the schema sits for a TEI file in tei/: schema/ beside tei/, as in the repository,
# the build's output and the deposit package (docs/encoding.md, "Schema").
SCHEMA_URL = "../schema/teikit.rng"
TEIKIT_AGENT = "teikit"           # respStmt xml:id of teikit itself (change/@who)
REGISTER_URL = "register/"        # the corpus register beside the article (docs/encoding.md, "The corpus register")
APPLICATION_PREFIX = "app-"       # application xml:id = this + its respStmt's xml:id

_NORMALIZATION = ("The text is kept as the source gives it, in Unicode NFC; runs of white space "
                  "and no-break spaces are folded to one space; zero-width spaces, word joiners, "
                  "byte-order marks, soft hyphens and zero-width (non-)joiners next to a space are left out; each block of the source (title, "
                  "paragraph, heading, caption, list item, quotation, byline, credit) is one element.")
_INTERPRETATION = ("Names (persName, orgName, placeName), titles and offices (roleName, inside the "
                   "persName of the person they qualify), dates, lengths of time (measure) "
                   "and abbreviations (choice) were marked by "
                   "the programs named in the respStmts their @resp points to; @cert is the program's "
                   "own score for the markup, a rule's fixed value or a model's probability, not a "
                   "calibrated probability of being right. Every expan is the program's expansion of "
                   "the abbreviation next to it (from its list or a definition in the article), not "
                   "text of the source. Numeric dates are read day first (D/M/YYYY), as Vietnamese "
                   "writes them.")
_STD_VALS = ("Dates are given in ISO 8601 in @when, @from/@to or @notBefore/@notAfter, at the "
             "precision the text gives (--MM-DD when it gives no year); a length of time the text "
             "gives without a start is no date: measure type=\"duration\" with @quantity and @unit "
             "(year, month, week, day).")
_LUNAR_STD_VALS = (" A date of the lunar calendar has no Gregorian value here: it carries only @calendar, "
                   "pointing to the calendar profileDesc/calendarDesc declares.")


SHA256_TYPE = "sha256"             # idno/@type of the source's sha256 (and of the register state)


# The source's sha256 in a header build_header made (an ElementPath from the TEI element).
SOURCE_SHA256 = f"{N.TEI_HEADER}/{N.FILE_DESC}/{N.SOURCE_DESC}/{N.BIBL}[@type='source']/{N.IDNO}[@type='{SHA256_TYPE}']"


def recorded_source_sha256(root) -> str | None:
    """The sha256 of its source that a TEI document's header records (SOURCE_SHA256), or None."""
    idno = root.find(SOURCE_SHA256)
    return idno.text.strip() if idno is not None and idno.text else None


def source_sha256(sha256: str) -> bytes:
    """The bytes that name `sha256` as the source's in a header teikit wrote: its sourceDesc/bibl/idno
    as build_header makes it, serialised as convert writes every file (TEI the default namespace)."""
    return f'<idno type="{SHA256_TYPE}">{sha256}</idno>'.encode("ascii")


def _sub(parent, tag, text=None, **attrs):
    element = etree.SubElement(parent, tag, {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def declare_agent(header, xml_id: str, resp: str, label: str, ident: str | None = None) -> None:
    """A respStmt (xml:id `xml_id`) in titleStmt for who is responsible for markup;
    with `ident`, a program: its application (xml:id app-ID) in appInfo, which the
    respStmt's name points to."""
    title_stmt = header.find(f"{N.FILE_DESC}/{N.TITLE_STMT}")
    resp_stmt = etree.Element(N.RESP_STMT)
    resp_stmt.set(N.XML_ID, xml_id)
    _sub(resp_stmt, N.RESP, resp)
    _sub(resp_stmt, N.NAME, label, ref=f"#{APPLICATION_PREFIX}{xml_id}" if ident else None)
    last = title_stmt.findall(N.RESP_STMT)
    (last[-1].addnext(resp_stmt) if last else title_stmt.append(resp_stmt))
    if ident:
        app_info = header.find(f"{N.ENCODING_DESC}/{N.APP_INFO}")
        application = _sub(app_info, N.APPLICATION, ident=ident, version=__version__)
        application.set(N.XML_ID, APPLICATION_PREFIX + xml_id)
        _sub(application, N.LABEL, label)


def build_header(article: Article, doc_id: str, options: ConvertOptions,
                 recognisers: list[tuple[str, str, str]], register_state: str | None = None,
                 lunar: bool = False) -> etree._Element:
    """recognisers: (xml:id, ident, label) of every recogniser whose markup the text carries.
    register_state: the sha256 of the corpus register as it bore on the article (register.RegisterView.state_of).
    lunar: a date of the text is a lunar one (model.LUNAR_CALENDAR): the header declares that calendar."""
    language = article.meta.language
    header = etree.Element(N.TEI_HEADER)
    header.set(N.XML_LANG, HEADER_LANGUAGE)
    file_desc = _sub(header, N.FILE_DESC)
    title_stmt = _sub(file_desc, N.TITLE_STMT)
    _sub(title_stmt, N.TITLE, article.title, type="main").set(N.XML_LANG, language)
    _sub(title_stmt, N.TITLE, EDITION_TITLE, type="sub")
    for name in author_names(article.author):  # an author element each
        _sub(title_stmt, N.AUTHOR, name)

    publication = _sub(file_desc, N.PUBLICATION_STMT)
    _sub(publication, N.PUBLISHER, options.publisher)
    text_licence = article.meta.licence or options.licence
    availability = _sub(publication, N.AVAILABILITY, status=None if text_licence else "unknown")
    _sub(availability, N.LICENCE, text_licence or UNKNOWN_TEXT_LICENCE, n="text", target=licence_url(text_licence))
    _sub(availability, N.LICENCE, options.markup_licence, n="markup", target=licence_url(options.markup_licence))
    _sub(publication, N.IDNO, doc_id, type="teikit")

    bibl = _sub(_sub(file_desc, N.SOURCE_DESC), N.BIBL, type="source")
    bibl.set(N.XML_LANG, language)  # what the source says of itself, in its words (its date as printed too)
    _sub(bibl, N.TITLE, article.title)
    for name in author_names(article.author):
        _sub(bibl, N.AUTHOR, name)
    if article.meta.publisher:
        _sub(bibl, N.PUBLISHER, article.meta.publisher)
    if article.date:
        _sub(bibl, N.DATE, article.date_text or article.date, when=article.date)
    if article.meta.url:
        _sub(bibl, N.REF, article.meta.url, target=uri_reference(article.meta.url))
    if article.meta.description:
        _sub(bibl, N.NOTE, article.meta.description, type="description")
    if article.date and article.dateline:  # the whole date line: its weekday, time and zone, which nothing else keeps
        _sub(bibl, N.NOTE, article.dateline, type="dateline")
    _sub(bibl, N.IDNO, article.name, type="filename")
    _sub(bibl, N.IDNO, article.sha256, type=SHA256_TYPE)  # serialised: source_sha256(article.sha256)
    if article.capture is not None:
        # Where and when the page was captured (a web archive's record), apart from its publication.
        capture = article.capture
        captured = _sub(bibl.getparent(), N.BIBL, type="capture")
        _sub(captured, N.REF, capture.uri, target=uri_reference(capture.uri))
        _sub(captured, N.DATE, capture.date, when=capture.date[:10])
        _sub(captured, N.IDNO, capture.record_id, type="WARC-Record-ID")
        _sub(captured, N.IDNO, capture.payload_digest, type="WARC-Payload-Digest")

    if register_state is not None:
        # the corpus register the article was converted against: with its source, what makes it again
        register = _sub(bibl.getparent(), N.BIBL, type="register")
        _sub(register, N.REF, REGISTER_URL, target=REGISTER_URL)
        _sub(register, N.IDNO, register_state, type=SHA256_TYPE)

    encoding = _sub(header, N.ENCODING_DESC)
    _sub(encoding, N.SCHEMA_REF, key="teikit", url=SCHEMA_URL)
    editorial = _sub(encoding, N.EDITORIAL_DECL)
    _sub(_sub(editorial, N.NORMALIZATION), N.P, _NORMALIZATION)
    _sub(_sub(editorial, N.INTERPRETATION), N.P, _INTERPRETATION)
    _sub(_sub(editorial, N.STD_VALS), N.P, _STD_VALS + (_LUNAR_STD_VALS if lunar else ""))
    _sub(encoding, N.APP_INFO)
    declare_agent(header, TEIKIT_AGENT, "TEI encoding", "teikit", ident=N.TEIKIT_APPLICATION)
    for xml_id, ident, label in recognisers:
        declare_agent(header, xml_id, "automatic entity markup", label, ident=ident)

    lang_usage = _sub(_sub(header, N.PROFILE_DESC), N.LANG_USAGE)
    _sub(lang_usage, N.LANGUAGE, language_info(language).name, ident=language)
    if lunar:
        calendar = _sub(_sub(lang_usage.getparent(), N.CALENDAR_DESC), N.CALENDAR)
        calendar.set(N.XML_ID, LUNAR_CALENDAR)
        _sub(calendar, N.P, LUNAR_DESCRIPTION)

    revision = _sub(header, N.REVISION_DESC)
    _sub(revision, N.CHANGE, f"Converted from {article.name} by teikit {__version__}.",
         who=f"#{TEIKIT_AGENT}", when=options.conversion_date)
    return header
