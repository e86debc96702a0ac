"""What a web page's markup says of its blocks that trafilatura does not keep (ingest/html.py uses it).

Before trafilatura reads the page (its HTML tree):

    split_break_runs(tree)     two or more <br> in a row (white space between them at most) inside
                               an element are a paragraph break: the element's text is cut there,
                               each part a <p> of its own (a <p> becomes several); a single <br>
                               stays a line break
    unwrap_layout_tables(tree) a table used for layout (LAYOUT_TABLE) becomes boxes (<div>), read
                               as the page's text, a cell's own text in paragraphs (<p>: trafilatura
                               leaves a box's bare text out, a photo's caption in the cell under it)
    table_shapes(tree)         of every other table (a data table) what trafilatura does not keep:
                               its caption, which rows are header rows (in <thead>, or of th cells
                               only) and which cells header cells (th)

After (trafilatura's tree: table/row/cell, its cells' role="head" for th in the first header row only):

    unwrap_boxes(body)         a box (T_BOXES: <div>, which trafilatura's fallback extraction keeps) is
                               replaced by its blocks, its other text a paragraph a run (its
                               paragraphs were read as one)

    flatten_layout_tables(body)  a table that is no data table in trafilatura's tree either
                               (LAYOUT_TABLE) is replaced by its cells' contents, in reading order
    table_blocks(table, shapes, number, text_of)
                               a data table's (CELL, text, Cell) blocks: its caption, then its
                               non-empty cells by row and column, the roles its shape gives
                               (trafilatura's role="head", when no shape is the table's)
    table_as_paragraphs(blocks, i)
                               the table at blocks[i] as paragraphs, a row each (an article opens
                               with a paragraph)

LAYOUT_TABLE: a table is read as data when it has two rows or more with text, a row with two
cells or more with text, no table inside it, and no cell that holds a heading or two paragraphs
or more (the text of a page laid out in a table); else it is layout, its cells the page's text.
The tags this reading looks for are the constants below; nothing else of the page is read here.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import CAPTION_ROW, CELL, PARAGRAPH, Cell
from .htmltext import is_tag as _is, squeezed as _squeezed, text_of as _text

# in the page (HTML)
BREAK = "br"
# what holds no paragraphs (a heading's lines, a link's, preformatted text): its <br> stay line breaks
NO_PARAGRAPHS = frozenset({"pre", "textarea", "script", "style", "code", "title", "head", "option", "select", "a",
                           "button", "h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
                        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                        "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
TABLE, ROW, SECTIONS, CELLS, CAPTION = "table", "tr", ("thead", "tbody", "tfoot"), ("td", "th"), "caption"
HEADER_SECTION, HEADER_CELL = "thead", "th"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
PARAGRAPH_TAG = "p"
BOX = "div"
# in trafilatura's tree
T_TABLE, T_ROW, T_CELL, T_PARAGRAPH, T_HEAD_ROLE = "table", "row", "cell", "p", "head"
T_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "graphic"})
T_LAYOUT = frozenset({"head", "table"})  # a cell holding one of these (or two paragraphs) is layout
T_BOXES = frozenset({"div", "section", "article", "main"})  # boxes of the page its fallback extraction keeps


# --- paragraphs parted by <br><br> ---------------------------------------------------------------

def split_break_runs(tree) -> None:
    """Every element with a run of two or more <br> among its children cut into paragraphs there."""
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and element.tag not in NO_PARAGRAPHS:
            runs = _break_runs(element)
            if runs and not any(above.tag in NO_PARAGRAPHS for above in element.iterancestors()):
                _split(element, runs)


def _break_runs(element) -> list[tuple[int, int]]:
    """(first, last) child index of each run of two or more <br> with only white space between."""
    children, runs, i = list(element), [], 0
    while i < len(children):
        j = i
        if _is(children[i], BREAK):
            while (j + 1 < len(children) and _is(children[j + 1], BREAK)
                   and not (children[j].tail or "").strip()):
                j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    return runs


def _split(element, runs) -> None:
    children = list(element)
    parts, lead, start = [], element.text, 0
    for first, last in runs:
        parts.append((lead, children[start:first]))
        lead, start = children[last].tail, last + 1
    parts.append((lead, children[start:]))
    parts = [(text, nodes) for text, nodes in parts if (text or "").strip() or nodes]
    for child in children:
        element.remove(child)
    element.text = None
    if element.tag == PARAGRAPH_TAG:  # a paragraph becomes several, side by side
        tail, after = element.tail, element
        element.tail = None
        for k, (text, nodes) in enumerate(parts):
            paragraph = element if k == 0 else element.makeelement(PARAGRAPH_TAG, {})
            paragraph.text = text
            paragraph.extend(nodes)
            if k:
                after.addnext(paragraph)
                after = paragraph
        after.tail = tail
        return
    for text, nodes in parts:  # a box's text in paragraphs, the blocks in it as they are
        element.extend(_paragraphed(element, [text, *nodes], PARAGRAPH_TAG, BLOCK_TAGS))


def _paragraphed(owner, nodes: list, paragraph_tag: str, block_tags) -> list:
    """`nodes` (text and elements; None is none) as blocks, in order: each run of text and inline elements
    in a new `paragraph_tag` element made by `owner`, each element of `block_tags` as it is, its tail
    (when it holds more than white space) in a paragraph of its own."""
    parts, paragraph = [], None
    for node in nodes:
        if node is None:
            continue
        if isinstance(node, str) or not _is(node, *block_tags):
            if paragraph is None:
                paragraph = owner.makeelement(paragraph_tag, {})
                parts.append(paragraph)
            if isinstance(node, str):
                paragraph.text = (paragraph.text or "") + node
            else:
                paragraph.append(node)
            continue
        tail, node.tail = node.tail, None
        parts.append(node)
        paragraph = None
        if (tail or "").strip():
            paragraph = owner.makeelement(paragraph_tag, {})
            paragraph.text = tail
            parts.append(paragraph)
    return parts


# --- tables in the page ---------------------------------------------------------------------------

def _own_rows(table):
    """(row, in the header section) of the table's own rows (not a nested table's)."""
    for child in table:
        if _is(child, ROW):
            yield child, False
        elif _is(child, *SECTIONS):
            for row in child:
                if _is(row, ROW):
                    yield row, child.tag == HEADER_SECTION


def _cells(row) -> list:
    return [cell for cell in row if _is(cell, *CELLS)]


def _reads_as_data(rows, holds_text) -> bool:
    """LAYOUT_TABLE, the one rule, in either tree: `rows` each a row's cells with text, `holds_text`
    whether a cell holds the text of a page (a heading, a table, two paragraphs or more)."""
    rows = [cells for cells in rows if cells]
    if len(rows) < 2 or all(len(cells) < 2 for cells in rows):
        return False
    return not any(holds_text(cell) for cells in rows for cell in cells)


def _is_layout(table) -> bool:
    if next(table.iterdescendants(TABLE), None) is not None:
        return True
    return not _reads_as_data(([c for c in _cells(row) if _text(c)] for row, _ in _own_rows(table)), lambda cell: (
        next(cell.iterdescendants(*HEADINGS), None) is not None
        or sum(1 for p in cell.iterdescendants(PARAGRAPH_TAG) if _text(p)) >= 2))


def unwrap_layout_tables(tree) -> None:
    """Every table used for layout (LAYOUT_TABLE, decided on the page as it is) made boxes: its
    rows and cells <div>s, read as any box of the page is."""
    layout = [table for table in tree.iter(TABLE) if _is_layout(table)]
    for table in layout:
        rows = [row for row, _ in _own_rows(table)]
        cells = [c for r in rows for c in _cells(r)]
        for part in [table, *(c for c in table if _is(c, *SECTIONS, CAPTION)), *rows, *cells]:
            part.tag = BOX
        for cell in cells:
            _own_text_in_paragraphs(cell)


def _own_text_in_paragraphs(box) -> None:
    """The box's own text (each run of text and inline elements holding text) in a <p> of its own, its
    blocks and a run without text (an image) as they are: trafilatura leaves out a box's bare text
    (a layout table's caption cell, "… Ảnh: …")."""
    nodes = [box.text, *list(box)]
    if not (box.text or "").strip() and all(_is(c, *BLOCK_TAGS) or not _text(c) for c in box) and not any(
            (c.tail or "").strip() for c in box):
        return
    parts = _paragraphed(box, nodes, PARAGRAPH_TAG, BLOCK_TAGS)
    for child in list(box):
        box.remove(child)
    box.text = None
    for part in parts:
        if part.tag == PARAGRAPH_TAG and not _text(part):
            box.extend(list(part))  # an image alone stays as it was, in no paragraph
        else:
            box.append(part)


def table_shapes(tree) -> dict[tuple, list]:
    """{a data table's texts (caption, then rows of non-empty cells, white space left out): [its
    shapes, in page order]}, a shape being (caption or None, [(header row, [header cell, for each
    non-empty cell]) for each row with text]): what trafilatura does not keep of its tables."""
    shapes: dict[tuple, list] = defaultdict(list)
    for table in tree.iter(TABLE):
        caption = next((_text(c) for c in table if _is(c, CAPTION) and _text(c)), None)
        rows, texts = [], [] if caption is None else [(_squeezed(caption),)]
        for row, in_header in _own_rows(table):
            cells = [cell for cell in _cells(row) if _text(cell)]
            if cells:
                rows.append((in_header or all(c.tag == HEADER_CELL for c in cells), [c.tag == HEADER_CELL for c in cells]))
                texts.append(tuple(_squeezed(_text(c)) for c in cells))
        shapes[tuple(texts)].append((caption, rows))
    return shapes


# --- tables in trafilatura's tree -----------------------------------------------------------------

def _rows(table) -> list:
    return [row for row in table if _is(row, T_ROW)]


def _t_cells(row) -> list:
    return [cell for cell in row if _is(cell, T_CELL)]


def _is_data_table(table, text_of) -> bool:
    return _reads_as_data(([c for c in _t_cells(row) if text_of(c)] for row in _rows(table)), lambda cell: (
        any(_is(child, *T_LAYOUT) for child in cell) or sum(1 for child in cell if _is(child, T_PARAGRAPH)) >= 2))


def flatten_layout_tables(body, text_of) -> None:
    """Each table of the body that is no data table replaced by its cells' contents: a cell's
    blocks as they are, its other text (all of it, in a cell without blocks) a paragraph a run."""
    i = 0
    while i < len(body):
        table = body[i]
        if not _is(table, T_TABLE) or _is_data_table(table, text_of):
            i += 1
            continue
        _put_in_place(body, i, [part for row in _rows(table) for cell in _t_cells(row) for part in _cell_parts(cell)])


def unwrap_boxes(body) -> None:
    """Each box of the body (T_BOXES: trafilatura's fallback extraction keeps the page's <div>s) replaced
    by what it holds: its blocks as they are, a box in it unwrapped in turn, its other text a paragraph a
    run (read whole, its paragraphs were one)."""
    i = 0
    while i < len(body):
        box = body[i]
        if not _is(box, *T_BOXES):
            i += 1
            continue
        _put_in_place(body, i, _paragraphed(box, [box.text, *list(box)], T_PARAGRAPH, T_BLOCKS | T_BOXES))


def _put_in_place(body, i: int, parts: list) -> None:
    """body[i] replaced by `parts`, the last taking its tail; a table or box among them is looked at next."""
    tail = body[i].tail
    body.remove(body[i])
    for k, part in enumerate(parts):
        body.insert(i + k, part)
    if parts:
        parts[-1].tail = tail


def _cell_parts(cell) -> list:
    return _paragraphed(cell, [cell.text, *list(cell)], T_PARAGRAPH, T_BLOCKS)


def table_blocks(table, shapes: dict[tuple, list], number: int, text_of) -> list[tuple]:
    """(CELL, text, Cell) of the data table's caption and non-empty cells, the article's table `number`."""
    rows = [(row, [text_of(cell) for cell in _t_cells(row)]) for row in _rows(table)]
    rows = [(row, texts) for row, texts in rows if any(texts)]
    key = tuple(tuple(_squeezed(t) for t in texts if t) for _, texts in rows)
    matches = shapes.get(key)
    caption, shape = matches.pop(0) if matches else (None, None)
    found = []
    if caption is not None:  # trafilatura's first row, one cell: the caption
        found.append((CELL, next(t for t in rows[0][1] if t), Cell(number, CAPTION_ROW, 0)))
        rows = rows[1:]
    for r, (row, texts) in enumerate(rows):
        cells = _t_cells(row)
        if shape is not None:
            label_row, labels = shape[r]
            labels = iter(labels)
            label = [t and next(labels) for t in texts]
        else:
            label = [cell.get("role") == T_HEAD_ROLE for cell in cells]
            label_row = all(is_label for is_label, t in zip(label, texts) if t)
        found += [(CELL, t, Cell(number, r, c, bool(label[c]), label_row)) for c, t in enumerate(texts) if t]
    return found


def table_as_paragraphs(blocks: list, start: int) -> list:
    """blocks with the table whose first block is blocks[start] as paragraphs: its caption one, each
    row one (its cells a space apart)."""
    end = start
    number = blocks[start][2].table
    while end < len(blocks) and blocks[end][0] == CELL and blocks[end][2].table == number:
        end += 1
    rows: dict[int, list[str]] = {}
    for _, text, cell in blocks[start:end]:
        rows.setdefault(cell.row, []).append(text)
    return blocks[:start] + [(PARAGRAPH, " ".join(texts)) for texts in rows.values()] + blocks[end:]
