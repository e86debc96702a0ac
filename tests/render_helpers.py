"""Helpers for the render tests: strict HTML5 parsing, canonical HTML, link checks, goldens."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from lxml import etree

from teikit import names, teitext
from teikit.xmlsafe import parse_file

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "render"
SAMPLE = DATA / "sample.xml"
GOLDEN = DATA / "golden"
UPDATE_GOLDENS = os.environ.get("TEIKIT_UPDATE_GOLDENS") == "1"
H = "{http://www.w3.org/1999/xhtml}"


def parse_html(text: str, name: str = "<page>"):
    """Parse as HTML5 with html5lib in strict mode: any parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("lxml"), namespaceHTMLElements=True)
    try:
        return parser.parse(text)
    except html5lib.html5parser.ParseError as exc:
        raise AssertionError(f"{name}: HTML5 parse error: {exc}") from None


def read_page(path: Path):
    """The HTML5 page at `path`, parsed strictly (parse_html)."""
    return parse_html(path.read_text(encoding="utf-8"), str(path))


def dated_copies(folder: Path, count: int) -> Path:
    """`folder` holding `count` copies of the sample article (a0.xml, a1.xml, …), a day apart in July 2013."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        data = SAMPLE.read_text(encoding="utf-8").replace(
            '<date when="2013-07-31">31/07/2013</date>', f'<date when="2013-07-{10 + n}">{10 + n}/07/2013</date>', 1)
        (folder / f"a{n}.xml").write_text(data, encoding="utf-8")
    return folder


def canonical_html(text: str) -> str:
    """A whitespace-normalised outline of a page: one line per element with its
    sorted attributes and its own text; style and script bodies left out
    (they are assets, not rendering)."""
    tree = parse_html(text)
    lines: list[str] = []

    def norm(s):
        return " ".join((s or "").split())

    def walk(el, depth):
        tag = el.tag.replace(H, "") if isinstance(el.tag, str) else "#comment"
        attrs = " ".join(f'{k}="{v}"' for k, v in sorted(el.attrib.items()))
        text = "" if tag in ("style", "script") else norm(el.text)
        lines.append(f"{'  ' * depth}<{tag}{' ' + attrs if attrs else ''}>{text}")
        for child in el:
            walk(child, depth + 1)
            if norm(child.tail):
                lines.append(f"{'  ' * (depth + 1)}#text {norm(child.tail)}")

    walk(tree.getroot(), 0)
    return "\n".join(lines) + "\n"


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/data/render/golden/NAME; TEIKIT_UPDATE_GOLDENS=1 rewrites it."""
    path = GOLDEN / name
    if UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"golden rewritten: {path}")
    if not path.is_file():
        pytest.fail(f"missing golden {path}: run with TEIKIT_UPDATE_GOLDENS=1 once and review it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (TEIKIT_UPDATE_GOLDENS=1 to accept a deliberate change)"


def page_ids(tree) -> set[str]:
    return {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}


def broken_links(site_dir: Path, *, contained: bool = False) -> list[str]:
    """Every relative href/src in every .html under site_dir whose file or #fragment is missing;
    `contained`: and every one leading out of site_dir (the site served as it is would not have it)."""
    site_dir = Path(site_dir)
    root = site_dir.resolve()
    pages = {p.resolve(): parse_html(p.read_text(encoding="utf-8"), str(p)) for p in site_dir.rglob("*.html")}
    ids = {p: page_ids(t) for p, t in pages.items()}
    problems = []
    for page, tree in pages.items():
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("href", "src"):
                link = el.get(attr)
                if not link:
                    continue
                parts = urlsplit(link)
                if parts.scheme or parts.netloc:
                    continue  # external (source URL, licence, Wikidata): not part of the site
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if contained and not target.is_relative_to(root):
                    problems.append(f"{page.name}: {link}: outside the site")
                    continue
                if not target.exists():
                    problems.append(f"{page.name}: {link}: no such file")
                    continue
                if parts.fragment and target.suffix == ".html":
                    if unquote(parts.fragment) not in ids.get(target, set()):
                        problems.append(f"{page.name}: {link}: no such id")
    return problems


def body_blocks(tei_path: Path) -> list[str]:
    """The reading text of every block of the article (teikit.teitext: expansions left out, folded)."""
    return [block.text for block in teitext.blocks(parse_file(tei_path).getroot())]


def search_shards(site: Path) -> list[str]:
    """The shards' folders a site's search index lists (pagefind/teikit-shards.json), each a
    whole Pagefind bundle (render.search)."""
    import json

    return json.loads((site / "pagefind" / "teikit-shards.json").read_text(encoding="utf-8"))["shards"]


def indexed_pages(bundle: Path) -> dict[str, str]:
    """What one Pagefind bundle holds of each page it indexed: its URL -> its indexed text, read
    from the bundle's fragments (gzip, Pagefind's `pagefind_dcd` signature, then JSON)."""
    import gzip
    import json

    found = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        page = json.loads(data[len(b"pagefind_dcd"):].decode("utf-8"))
        found[page["url"]] = page["content"]
    return found


def search_index(site: Path) -> dict[str, str]:
    """Every page a site's search index holds (URL -> its text), over all its shards; a page
    held by two shards fails."""
    found: dict[str, str] = {}
    for folder in search_shards(site):
        shard = indexed_pages(site / "pagefind" / folder)
        assert not set(shard) & set(found), f"pages in two shards: {sorted(set(shard) & set(found))}"
        found.update(shard)
    return found
