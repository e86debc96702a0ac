"""A web page's data table in TEI (docs/encoding.md): `table` with @rows and @cols, its caption
as its `head`, then a `row` a row (role="label" for a header row) of `cell`s (role="label" for a
header cell, th); the places no block takes (empty cells, a short row's end) empty `cell`s."""

from __future__ import annotations

from lxml import etree

from .. import names as N
from ..model import CAPTION_ROW, Cell

LABEL = "label"


def cell_element(div, cell: Cell, tables: dict) -> etree._Element:
    """The element a CELL block fills: a cell (or the caption's head) of the table `tables` holds
    for cell.table, made in `div` at its first block."""
    table = tables.get(cell.table)
    if table is None:
        table = tables[cell.table] = etree.SubElement(div, N.TABLE)
        table.text = "\n"
    if cell.row == CAPTION_ROW:  # the caption opens the table
        head = etree.SubElement(table, N.HEAD)
        head.tail = "\n"
        return head
    rows = table.findall(N.ROW)
    while len(rows) <= cell.row:
        rows.append(etree.SubElement(table, N.ROW))
        rows[-1].tail = "\n"
    row = rows[cell.row]
    if cell.label_row:
        row.set("role", LABEL)
    while len(row) < cell.column:
        etree.SubElement(row, N.CELL)
    element = etree.SubElement(row, N.CELL)
    if cell.label:
        element.set("role", LABEL)
    return element


def finish_tables(tables: dict) -> None:
    """Every row as long as the longest, and each table's @rows and @cols."""
    for table in tables.values():
        rows = table.findall(N.ROW)
        cols = max((len(row) for row in rows), default=0)
        for row in rows:
            while len(row) < cols:
                etree.SubElement(row, N.CELL)
        table.set("rows", str(len(rows)))
        table.set("cols", str(cols))
