"""Real articles come in every shape: mangled variants of the test articles must
all convert (exit 0), validate against the project schema and tei_all, and keep
every character of their text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import convert_paths
from teikit.ingest import ingest_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
NOISE = ["https://example.vn/tin-tuc/bai-viet-123.html", "&nbsp;", "<b>", "😀", "\u200b", "\t", "TP.HCM", "(*)",
         "05/13/2024", "31/02/2020", "1/1/1", "2024-12-31", "ngày 32 tháng 13 năm 2020", "…", "„", "»", "Ảnh:",
         "Theo", "Nguồn:", "x" * 300, "Q.1", "Ông", "(", ")", "“", "”", "UBND", "—", "\u00a0\u00a0", "/.", "#", "%"]


def mangle(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        action = rng.randrange(6)
        i = rng.randrange(len(lines))
        if action == 0 and len(lines) > 2:
            del lines[i]
        elif action == 1 and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        elif action == 2:
            words = lines[i].split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(NOISE))
            lines[i] = " ".join(words)
        elif action == 3:
            lines.insert(i, rng.choice(NOISE))
        elif action == 4:
            lines[i] = lines[i].upper()
        else:
            lines.insert(i, "\u00a0")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    rng = random.Random(20261126)
    for n in range(120):
        source = SOURCES[n % len(SOURCES)]
        (folder / f"v{n:03d}.txt").write_text(mangle(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
    return folder


def test_every_variant_converts_without_losing_markup(variants, tmp_path):
    report = convert_paths([variants], tmp_path)
    assert report.ok, [f.message for f in report.failures]
    assert not report.warnings, report.warnings
    assert len(report.written) == 120


def test_every_variant_is_tei_all_valid_and_keeps_its_text(variants, tmp_path, assert_tei_all_valid):
    from expectations import flatten

    convert_paths([variants], tmp_path)
    for source in sorted(variants.glob("*.txt")):
        tree = etree.parse(str(tmp_path / f"{source.stem}.xml"))
        assert_tei_all_valid(tree)
        text, _ = flatten(tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}div"))
        article = ingest_file(source)
        assert text == article.text, source.name  # the reading text is the text the recognisers saw


def test_every_variant_renders_complete_and_linked(variants, tmp_path):
    """What a reader gets from odd articles: pages that parse, hold all the text, link right."""
    from render_helpers import body_blocks, broken_links, parse_html

    from teikit.render import build_site, render_paths

    tei = tmp_path / "tei"
    convert_paths([variants], tei)
    site = build_site([tei], tmp_path / "html")
    texts = render_paths([tei], tmp_path / "txt", "txt")
    assert site.ok and texts.ok, site.failures + texts.failures
    for page in sorted((tmp_path / "html").rglob("*.html")):
        parse_html(page.read_text(encoding="utf-8"), page.name)
    assert broken_links(tmp_path / "html") == []
    for tei_file in sorted(tei.glob("*.xml")):
        text = (tmp_path / "txt" / f"{tei_file.stem}.txt").read_text(encoding="utf-8")
        page = (tmp_path / "html" / f"{tei_file.stem}.html").read_text(encoding="utf-8")
        blocks = body_blocks(tei_file)
        for block in blocks:
            assert block in text, (tei_file.name, block[:80])
        # no markup residue: every '<' in the edition is one the article's own text holds
        # (the title may be printed twice: as the edition's title and as the article's head)
        assert text.count("<") <= sum(block.count("<") for block in blocks) + blocks[0].count("<"), tei_file.name
        assert page.count("<html") == 1
