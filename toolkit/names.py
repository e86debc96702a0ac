"""Every XML name teikit reads or writes, in Clark notation, in one place."""

from __future__ import annotations

from pathlib import PurePath

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
XHTML_NS = "http://www.w3.org/1999/xhtml"
TEIKIT_NS = "https://teikit.org/ns/1.0"

NSMAP = {None: TEI_NS}
XPATH_NS = {"tei": TEI_NS, "xml": XML_NS}


def tei(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

# Elements, named once so a typo is an AttributeError rather than silent bad XML.
TEI = tei("TEI")
TEI_CORPUS = tei("teiCorpus")
TEI_HEADER = tei("teiHeader")
FILE_DESC = tei("fileDesc")
TITLE_STMT = tei("titleStmt")
TITLE = tei("title")
AUTHOR = tei("author")
RESP_STMT = tei("respStmt")
RESP = tei("resp")
NAME = tei("name")
PUBLICATION_STMT = tei("publicationStmt")
PUBLISHER = tei("publisher")
AVAILABILITY = tei("availability")
LICENCE = tei("licence")
IDNO = tei("idno")
SOURCE_DESC = tei("sourceDesc")
BIBL = tei("bibl")
REF = tei("ref")
ENCODING_DESC = tei("encodingDesc")
APP_INFO = tei("appInfo")
SCHEMA_REF = tei("schemaRef")
EDITORIAL_DECL = tei("editorialDecl")
NORMALIZATION = tei("normalization")
INTERPRETATION = tei("interpretation")
STD_VALS = tei("stdVals")
APPLICATION = tei("application")
LABEL = tei("label")
PROJECT_DESC = tei("projectDesc")
PROFILE_DESC = tei("profileDesc")
LANG_USAGE = tei("langUsage")
CALENDAR_DESC = tei("calendarDesc")
CALENDAR = tei("calendar")
LANGUAGE = tei("language")
REVISION_DESC = tei("revisionDesc")
CHANGE = tei("change")
TEXT = tei("text")
BODY = tei("body")
DIV = tei("div")
HEAD = tei("head")
P = tei("p")
FIGURE = tei("figure")
BYLINE = tei("byline")
DOC_AUTHOR = tei("docAuthor")
TRAILER = tei("trailer")
LIST = tei("list")
ITEM = tei("item")
QUOTE = tei("quote")
TABLE = tei("table")
ROW = tei("row")
CELL = tei("cell")
PERS_NAME = tei("persName")
ORG_NAME = tei("orgName")
PLACE_NAME = tei("placeName")
ROLE_NAME = tei("roleName")
DATE = tei("date")
CHOICE = tei("choice")
ABBR = tei("abbr")
EXPAN = tei("expan")
STAND_OFF = tei("standOff")
LIST_PERSON = tei("listPerson")
PERSON = tei("person")
LIST_ORG = tei("listOrg")
ORG = tei("org")
LIST_PLACE = tei("listPlace")
PLACE = tei("place")
NOTE = tei("note")
RS = tei("rs")
MEASURE = tei("measure")

# The corpus register (toolkit/register): the folder beside the articles and its files.
REGISTER_DIR = "register"
REGISTER_FILES = ("persons.xml", "orgs.xml", "places.xml")


def is_register_file(path) -> bool:
    """Whether a path is one of a corpus register's files (DIR/register/persons.xml, …): never an article."""
    path = PurePath(path)
    return path.name in REGISTER_FILES and path.parent.name == REGISTER_DIR


# An input's sidecar of metadata beside it (NAME.meta.json, ingest.sidecar): never an article.
SIDECAR_SUFFIX = ".meta.json"
# what a TEI file found in a folder is named (any case): validate, render, tidy, deposit and ner read these
TEI_SUFFIXES = (".xml", ".tei")


# The ident of the application teikit declares in every header it writes (encode/header.py).
TEIKIT_APPLICATION = "teikit"


def is_teikit_document(root) -> bool:
    """Whether a TEI element is one teikit wrote: its header declares teikit's application
    (teiHeader/encodingDesc/appInfo/application[@ident='teikit']). Anyone's TEI is still
    rendered (docs/editions.md); this only says which rules it was written to."""
    for app in root.iterfind(f"{TEI_HEADER}/{ENCODING_DESC}/{APP_INFO}/{APPLICATION}"):
        if app.get("ident") == TEIKIT_APPLICATION:
            return True
    return False
