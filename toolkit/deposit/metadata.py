"""Dublin Core for the deposit, read from each TEI header.

Every XPath the deposit reads lives in XPATHS, so a change of the encoding
(docs/encoding.md) is one edit here. Each field lists XPaths tried in order;
the first non-empty answer wins.
"""

from __future__ import annotations

import csv
import io
import re

from lxml import etree

from ..names import XPATH_NS

_HEADER = "/tei:TEI/tei:teiHeader/tei:fileDesc"
_SOURCE = f"{_HEADER}/tei:sourceDesc/tei:bibl"

XPATHS: dict[str, tuple[str, ...]] = {
    "dc.title": (f"{_HEADER}/tei:titleStmt/tei:title[1]", f"{_SOURCE}/tei:title[1]"),
    "dc.creator": (f"{_HEADER}/tei:titleStmt/tei:author", f"{_SOURCE}/tei:author"),
    "dc.date": (f"{_SOURCE}/tei:date/@when",),
    "dc.language": ("/tei:TEI/@xml:lang", "/tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident"),
    "dc.source": (f"{_SOURCE}/tei:ref/@target", f"{_SOURCE}/tei:idno[@type='filename']"),
    "dc.identifier": (f"{_HEADER}/tei:publicationStmt/tei:idno[@type='teikit']", "/tei:TEI/@xml:id"),
}
# Fields that may repeat in the header (several authors) are joined with this.
MULTI_SEPARATOR = "; "
COLUMNS = ("filename", *XPATHS)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _values(tree, xpath: str) -> list[str]:
    found = []
    for item in tree.xpath(xpath, namespaces=XPATH_NS):
        text = item if isinstance(item, str) else "".join(item.itertext())
        text = " ".join(str(text).split())
        if text:
            found.append(text)
    return found


def read_record(tree: etree._ElementTree, filename: str) -> dict[str, str]:
    """One metadata.csv row: `filename` is the file's path inside the bag (data/tei/x.xml)."""
    record = {"filename": filename}
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


def newest_day(records) -> str | None:
    """The latest full ISO day among the articles' dates (partial dates are not days)."""
    days = [r["dc.date"] for r in records if _ISO_DAY.match(r["dc.date"])]
    return max(days) if days else None
