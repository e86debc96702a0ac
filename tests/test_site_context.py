"""The site record's context of a mention (xslt/site/data.xsl, @before and @after of <m> and <d>).

The contract: the reading text of the mention's block before it and after it (read as the
editions read it: one branch of a choice, no note, del or fw, a gap "[…]"; the mention's own
text left out of "after"), white space folded to one
space, a space at either end kept; a side longer than 80 characters is cut to its 80
characters next to the mention, then to a word boundary (the partial word at the far end
dropped) and marked with "…". data.xsl folds only a window at the end it needs; these tests
hold it to the whole-block definition, written here in Python, on random blocks whose white
space runs reach hundreds of characters (where the window is all blanks).
"""

from __future__ import annotations

import copy
import random

import pytest
from lxml import etree

from teikit import names, whitespace
from teikit.render import default_renderer
from teikit.xmlsafe import parse_file

from render_helpers import SAMPLE

TEI = "{%s}" % names.TEI_NS
C = 80  # xslt/site/data.xsl's $tk:context-chars


def fold(text: str) -> str:
    """White space folded, one space kept at either end (tk:normalize-keep-edges)."""
    normal = whitespace.SPACE_RUN.sub(" ", text).strip(" ")
    return ((" " if text and text[0] in whitespace.XML_SPACES else "") + normal
            + (" " if normal and text[-1] in whitespace.XML_SPACES else ""))


def before(text: str) -> str:
    full = fold(text)
    if len(full) <= C:
        return full
    tail = full[-C:]
    return "…" + (tail.split(" ", 1)[1] if " " in tail else tail)


def after(text: str) -> str:
    full = fold(text)
    if len(full) <= C:
        return full
    head = full[:C]
    return (head[:head.rindex(" ")] if " " in head else head) + "…"


def _record(tree) -> etree._Element:
    return etree.fromstring(default_renderer().site_record(tree))


NAME = object()  # a piece of _with_paragraph: the mention


def _with_paragraph(pieces: list) -> etree._ElementTree:
    """The sample article with one paragraph as its whole text, and the name mentioned in it:
    `pieces` are strings, NAME (a persName of the sample's) and elements (a note), in order."""
    tree = parse_file(SAMPLE)
    name = tree.find(f".//{TEI}body//{TEI}persName[@ref]")
    div = tree.find(f".//{TEI}body/{TEI}div")
    for child in list(div):
        div.remove(child)
    p = etree.SubElement(div, f"{TEI}p")
    last = None
    for piece in pieces:
        if isinstance(piece, str):
            if last is None:
                p.text = (p.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        element = copy.deepcopy(name) if piece is NAME else piece
        element.tail = None
        p.append(element)
        last = element
    return tree, name.text


def _element(tag: str, text: str, **attributes) -> etree._Element:
    """A TEI element holding `text` (a note, a date), for _with_paragraph."""
    element = etree.Element(f"{TEI}{tag}", **attributes)
    element.text = text
    return element


WORDS = ["Hà", "Nội", "tỉnh", "công", "an", "ngày", "2013", "phát", "triển", "𝔘nicode", "x",
         "một-hai", "(ba)", "bốn,", "năm.", "siêuđặcbiệtdàiquáđimàkhôngcókhoảngtrắngnàocả"]
SPACES = [" ", " ", " ", "  ", "\n", "\t", " \r\n ", " " * 250, "\n" * 90, " \t" * 130,
          *whitespace.XML_SPACES]  # every space an XML document can hold, each its own run too


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(SPACES) for _ in range(words)).rstrip() if words else ""


@pytest.mark.parametrize("seed", range(40))
def test_context_of_every_mention_is_its_blocks_text_cut_at_a_word(seed):
    rng = random.Random(seed)
    pieces, texts = [], []  # texts: the reading text before each mention, then after the last
    current = rng.choice(["", " ", "\n  "]) + _text(rng, rng.randint(0, 60))
    for _ in range(rng.randint(1, 4)):
        pieces.append(current)
        texts.append(current)
        pieces.append(NAME)
        texts.append(None)
        if rng.random() < 0.3:
            pieces.append(_element("note", "ghi chú " * 40))  # notes are not reading text
        current = rng.choice([" ", ", ", "", "\n"]) + _text(rng, rng.randint(0, 60)) + rng.choice(["", " ", "."])
    pieces.append(current)
    texts.append(current)
    tree, name = _with_paragraph(pieces)
    reading = [name if t is None else t for t in texts]
    mentions = _record(tree).findall("m")
    assert len(mentions) == texts.count(None)
    spots = [i for i, t in enumerate(texts) if t is None]
    for m, spot in zip(mentions, spots):
        assert m.get("text") == name
        assert m.get("before") == before("".join(reading[:spot])), m.get("mid")
        assert m.get("after") == after("".join(reading[spot + 1:])), m.get("mid")


def test_a_side_of_81_folded_characters_is_cut_one_of_80_is_not():
    for length, cut in ((80, False), (81, True)):
        side = ("x" * (length - 10) + "   \n  " + "y" * 9)  # folds to `length` characters
        tree, _ = _with_paragraph([side, NAME, side])
        m = _record(tree).find("m")
        assert len(fold(side)) == length
        assert m.get("before") == ("…" + "y" * 9 if cut else fold(side))
        assert m.get("after") == ("x" * (length - 10) + "…" if cut else fold(side))


def test_a_short_block_is_its_context_whole():
    tree, name = _with_paragraph(["Hôm qua,\n  ông ", NAME, "  đã đến\tHà Nội."])
    m = _record(tree).find("m")
    assert (m.get("before"), m.get("text"), m.get("after")) == ("Hôm qua, ông ", name, " đã đến Hà Nội.")


def test_a_long_side_is_cut_to_whole_words_next_to_the_mention():
    words_before = " ".join(f"w{n:03d}" for n in range(60))  # 60 words of 4 letters
    words_after = " ".join(f"v{n:03d}" for n in range(60))
    tree, _ = _with_paragraph([words_before + " ", NAME, " " + words_after])
    m = _record(tree).find("m")
    # The last 80 characters are "w044 … w059 "; their first word goes (it may be cut).
    assert m.get("before") == "…" + " ".join(f"w{n:03d}" for n in range(45, 60)) + " "
    assert m.get("after") == " " + " ".join(f"v{n:03d}" for n in range(15)) + "…"


@pytest.mark.parametrize("tag", ["m", "d"])  # a name's context, a date's
def test_a_run_of_blanks_longer_than_the_window_does_not_shorten_the_context(tag):
    # 300 blanks right before the mention: data.xsl's window (the last 160 characters) holds
    # none of the words, which must still be there.
    words = " ".join(f"w{n:03d}" for n in range(30))
    mention = NAME if tag == "m" else _element("date", "1/2/2013", when="2013-02-01")
    tree, _ = _with_paragraph([words + " " * 300, mention, "\n" * 300 + words])
    m = _record(tree).find(tag)
    assert m.get("before") == "…" + " ".join(f"w{n:03d}" for n in range(15, 30)) + " "
    assert m.get("after") == " " + " ".join(f"w{n:03d}" for n in range(15)) + "…"


def test_a_side_with_no_space_in_its_80_characters_is_cut_inside_the_word():
    word = "a" * 200
    tree, _ = _with_paragraph([word, NAME, word])
    m = _record(tree).find("m")
    assert (m.get("before"), m.get("after")) == ("…" + "a" * 80, "a" * 80 + "…")


def _nested_blocks(tree, marks: list[str]) -> etree._Element:
    """The record of `tree` with its text made two paragraphs, the first holding a list, and the
    four `marks` (XML of mentions) in them: before the list, in its item, after it, in the second."""
    div = tree.find(f".//{TEI}body/{TEI}div")
    div.remove(div[0])
    one, two, three, four = marks
    fragment = etree.fromstring(f'<div xmlns="{names.TEI_NS}"><p>Trước {one} giữa <list><item>mục {two}</item></list>'
                                f' sau {three}</p><p>Đoạn hai: {four} hết.</p></div>')
    div.extend(list(fragment))
    return _record(tree)


def test_mentions_keep_document_order_across_nested_blocks_each_with_its_own_blocks_text():
    tree, name = _with_paragraph([])
    ref = tree.find(f".//{TEI}standOff//{TEI}person").get("{http://www.w3.org/XML/1998/namespace}id")
    record = _nested_blocks(tree, [f'<persName ref="#{ref}">{name}</persName>'] * 4)
    assert [m.get("mid") for m in record.findall("m")] == [f"{ref}-m{i}" for i in range(1, 5)]  # document order
    assert [(m.get("before"), m.get("after")) for m in record.findall("m")] == [
        ("Trước ", f" giữa mục {name} sau {name}"),  # the list is part of the paragraph's text
        ("mục ", ""),  # the item is the nearest block
        (f"Trước {name} giữa mục {name} sau ", ""),
        ("Đoạn hai: ", " hết."),
    ]


def test_dates_keep_document_order_across_nested_blocks_each_with_its_own_blocks_text():
    tree, _ = _with_paragraph([])
    record = _nested_blocks(tree, [f'<date when="20{n}0-01-0{n}">ngày {n}</date>' for n in range(1, 5)])
    dates = record.findall("d")
    assert [(d.get("when"), d.get("text")) for d in dates] == [(f"20{n}0-01-0{n}", f"ngày {n}") for n in range(1, 5)]
    assert [(d.get("before"), d.get("after")) for d in dates] == [
        ("Trước ", " giữa mục ngày 2 sau ngày 3"),
        ("mục ", ""),
        ("Trước ngày 1 giữa mục ngày 2 sau ", ""),
        ("Đoạn hai: ", " hết."),
    ]


def test_the_context_and_the_name_are_read_as_the_article_page_reads_them(tmp_path):
    # The context read every branch glued ("SICWCORRW", "LEMWRDGW", "DELWADDW"), forme work and a figure's
    # description, dropped the gap, and named the mention by its abbreviation (ABBRM, not the expan).
    doc = tmp_path / "context.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>'
        '<p>The <choice><sic>SICW</sic><corr>CORRW</corr></choice> author <persName ref="#mary"><choice><abbr>ABBRM</abbr>'
        '<expan>Mary</expan></choice> Shelley</persName> wrote<note>A note on <persName ref="#mary">her</persName>.</note>'
        ' <app><lem>LEMW</lem><rdg>RDGW</rdg></app> <del>DELW</del><add>ADDW</add> <fw type="catch">FWW</fw>'
        ' <figure><figDesc>FIGDESCW</figDesc></figure> <subst><del>SUBDEL</del><add>SUBADD</add></subst> in'
        ' <placeName ref="#geneva">Gen<lb break="no"/>eva</placeName> <gap/>.</p></body></text>'
        '<standOff><listPerson><person xml:id="mary"><persName>Mary Shelley</persName></person></listPerson>'
        '<listPlace><place xml:id="geneva"><placeName>Geneva</placeName></place></listPlace></standOff></TEI>',
        encoding="utf-8")
    record = _record(parse_file(doc))
    mary, her, geneva = record.findall("m")
    assert (mary.get("before"), mary.get("text"), mary.get("after")) == (
        "The CORRW author ", "Mary Shelley", " wrote LEMW ADDW SUBADD in Geneva […].")
    assert (geneva.get("before"), geneva.get("text"), geneva.get("after")) == (
        "The CORRW author Mary Shelley wrote LEMW ADDW SUBADD in ", "Geneva", " […].")
    assert (her.get("before"), her.get("text"), her.get("after")) == ("A note on ", "her", ".")  # a note's, its own
    assert [v.text for v in record.find("e[@id='mary']").findall("v")] == ["Mary Shelley", "her"]
