"""Dublin Core for the deposit, and the source file, read from each TEI header.

Every XPath the deposit reads lives here (XPATHS, SOURCE_XPATHS, REGISTER_LINKS), so a change
of the encoding (docs/encoding.md) is one edit here. Each Dublin Core field
lists XPaths tried in order; the first non-empty answer wins.

metadata.csv has one row per TEI file: its path in the bag, the Dublin Core
fields, and SOURCE_COLUMN, the path in the bag of the article's packaged
source file (empty when the package holds no sources). `deposit verify`
reads that column to find the file to check against the header's sha256.
"""

from __future__ import annotations

import csv
import io
import re

from lxml import etree

from ..names import XPATH_NS

_HEADER = "/tei:TEI/tei:teiHeader/tei:fileDesc"
_SOURCE = f"{_HEADER}/tei:sourceDesc/tei:bibl[@type='source']"

XPATHS: dict[str, tuple[str, ...]] = {
    "dc.title": (f"{_HEADER}/tei:titleStmt/tei:title[1]", f"{_SOURCE}/tei:title[1]"),
    "dc.creator": (f"{_HEADER}/tei:titleStmt/tei:author", f"{_SOURCE}/tei:author"),
    "dc.date": (f"{_SOURCE}/tei:date/@when",),
    # the language of the text (the header's own xml:lang may be another: it is written in English)
    "dc.language": ("/tei:TEI/tei:text/@xml:lang", "/tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident",
                    "/tei:TEI/@xml:lang"),
    "dc.source": (f"{_SOURCE}/tei:ref/@target", f"{_SOURCE}/tei:idno[@type='filename']"),
    "dc.identifier": (f"{_HEADER}/tei:publicationStmt/tei:idno[@type='teikit']", "/tei:TEI/@xml:id"),
}
# Fields that may repeat in the header (several authors) are joined with this.
MULTI_SEPARATOR = "; "
# What the header records of the source file (encode/header.py): its name and the sha256 of its bytes.
SOURCE_XPATHS = {
    "name": f"{_SOURCE}/tei:idno[@type='filename']",
    "sha256": f"{_SOURCE}/tei:idno[@type='sha256']",
}
# An article's copies of corpus-register entries link to them (encode: @sameAs="register/FILE#id").
REGISTER_LINKS = "/tei:TEI/tei:standOff/*/*/@sameAs"
SOURCE_COLUMN = "teikit.source_file"  # not Dublin Core: Archivematica keeps it as custom metadata
COLUMNS = ("filename", *XPATHS, SOURCE_COLUMN)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _values(tree, xpath: str) -> list[str]:
    found = []
    for item in tree.xpath(xpath, namespaces=XPATH_NS):
        text = item if isinstance(item, str) else "".join(item.itertext())
        text = " ".join(str(text).split())
        if text:
            found.append(text)
    return found


def read_record(tree: etree._ElementTree, filename: str, source_file: str = "") -> dict[str, str]:
    """One metadata.csv row: `filename` is the file's path inside the bag (data/tei/x.xml),
    `source_file` the path of its packaged source ("" when there is none)."""
    record = {"filename": filename, SOURCE_COLUMN: source_file}
    for column, xpaths in XPATHS.items():
        record[column] = ""
        for xpath in xpaths:
            values = _values(tree, xpath)
            if values:
                record[column] = MULTI_SEPARATOR.join(dict.fromkeys(values))
                break
    return record


def metadata_csv(records) -> bytes:
    """Archivematica-style metadata.csv (UTF-8, LF line ends, one row per article)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record)
    return out.getvalue().encode("utf-8")


def source_ref(tree) -> tuple[str | None, str | None]:
    """(source file name, sha256) as the header records them; None for what is absent.

    The sha256 is returned only when it is 64 hex digits (lowercased), so a
    malformed value is never compared with anything."""
    names = _values(tree, SOURCE_XPATHS["name"])
    digests = [v.lower() for v in _values(tree, SOURCE_XPATHS["sha256"])]
    sha256 = digests[0] if len(digests) == 1 and _SHA256.match(digests[0]) else None
    return (names[0] if names else None), sha256


def register_links(tree) -> list[str]:
    """An article's register links (REGISTER_LINKS), as plain strings: lxml's attribute results
    keep their whole tree alive, so a list of them kept per article holds every article."""
    return [str(link) for link in tree.xpath(REGISTER_LINKS, namespaces=XPATH_NS)]
