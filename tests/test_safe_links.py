"""Safe links in the HTML edition and site (issue 12, item 3): only http, https,
mailto and relative references become hrefs (xslt/common/urls.xsl, tk:safe-href);
file names are escaped in links; every page carries a Content-Security-Policy
that allows no inline script and only the site's own script files."""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest

from teikit.convert import convert_paths
from teikit.render import build_site, render_paths

from render_helpers import H, REPO, SAMPLE, broken_links, parse_html

HOSTILE_TARGET = "javascript:alert(1)"
HOSTILE_LICENCE = " JaVaScRiPt:alert(document.domain)"
HOSTILE_STEM = "javascript:alert(1)"
SAFE_SCHEMES = {"", "http", "https", "mailto"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")
# The search page alone may fetch the site's own files (the index) and compile WebAssembly (Pagefind).
SEARCH_CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
              "style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'")


def hostile_tei(target: str = HOSTILE_TARGET, licence: str = HOSTILE_LICENCE) -> str:
    data = SAMPLE.read_text(encoding="utf-8")
    data = data.replace('<ref target="https://example.org/news/sample">', f'<ref target="{target}">', 1)
    data = data.replace('<licence n="markup" target="https://creativecommons.org/licenses/by/4.0/">', f'<licence n="markup" target="{licence}">', 1)
    assert target in data and licence in data
    return data


def links(tree):
    return [(el, attr, el.get(attr)) for el in tree.iter() if isinstance(el.tag, str)
            for attr in ("href", "src", "action", "formaction") if el.get(attr) is not None]


# Every page's icon is in the page (chrome.xsl, tk:icon): the one data: URI a page may hold, on its <link rel="icon">.
ICON = ("data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E"
        "%3Crect width=%2216%22 height=%2216%22 rx=%223%22 fill=%22%23335%22/%3E%3C/svg%3E")


def assert_page_is_safe(tree, name):
    icons = tree.xpath("//h:head/h:link[@rel='icon']", namespaces={"h": H[1:-1]})
    assert [el.get("href") for el in icons] == [ICON], name
    for el, attr, value in links(tree):
        if el in icons:
            continue
        scheme = urlsplit(value.strip()).scheme.lower()
        assert scheme in SAFE_SCHEMES, f"{name}: {attr}={value!r}"
        assert not value.startswith("//"), f"{name}: {attr}={value!r}"
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        assert not [a for a in el.attrib if a.lower().startswith("on")], f"{name}: event handler on {el.tag}"
        if el.tag == f"{H}script":
            assert el.get("src") and not (el.text or "").strip(), f"{name}: inline script"
    metas = tree.xpath("//h:head/h:meta[@http-equiv='Content-Security-Policy']", namespaces={"h": H[1:-1]})
    assert [m.get("content") for m in metas] == [SEARCH_CSP if name.endswith("search.html") else CSP], name
    # The policy comes before anything it governs.
    head = tree.xpath("//h:head", namespaces={"h": H[1:-1]})[0]
    assert [c.tag for c in head][:2] == [f"{H}meta", f"{H}meta"] and head[1] is metas[0]


@pytest.fixture()
def hostile_site(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / f"{HOSTILE_STEM}.xml").write_text(hostile_tei(), encoding="utf-8")
    shutil.copy(SAMPLE, tei / "sample.xml")
    out = tmp_path / "html"
    report = build_site([tei], out)
    assert report.ok, report.failures
    return out


def test_every_page_of_a_hostile_site_is_safe(hostile_site):
    pages = sorted(p for p in hostile_site.rglob("*.html") if "pagefind" not in p.parts)
    assert {p.relative_to(hostile_site).as_posix() for p in pages if p.parent.name not in ("persons", "organisations", "places", "dates")} == {
        f"{HOSTILE_STEM}.html", "sample.html", "index.html",
        "registers/persons.html", "registers/organisations.html", "registers/places.html", "registers/dates.html",
        "search.html"}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert_page_is_safe(parse_html(text, str(page)), str(page))
        assert 'href="javascript:' not in text.lower() and "href='javascript:" not in text.lower()
    assert broken_links(hostile_site) == []


def test_unsafe_targets_are_shown_as_text(hostile_site):
    tree = parse_html((hostile_site / f"{HOSTILE_STEM}.html").read_text(encoding="utf-8"))
    ns = {"h": H[1:-1]}
    source = tree.xpath("//h:dd[@class='source']/*[@class='source-link']", namespaces=ns)
    assert [(el.tag, el.get("href"), el.text) for el in source] == [(f"{H}span", None, "https://example.org/news/sample")]
    licence = tree.xpath("//h:dd[@class='licence']", namespaces=ns)[0]
    assert licence.xpath(".//h:a", namespaces=ns) == [] and "Mã TEI: CC BY 4.0" in "".join(licence.itertext())
    # The safe page keeps its links.
    safe = parse_html((hostile_site / "sample.html").read_text(encoding="utf-8"))
    assert safe.xpath("//h:a[@class='source-link']/@href", namespaces=ns) == ["https://example.org/news/sample"]
    assert safe.xpath("//h:a[@rel='license']/@href", namespaces=ns) == ["https://creativecommons.org/licenses/by/4.0/"]


def test_a_file_name_is_escaped_in_every_link_to_it(hostile_site):
    ns = {"h": H[1:-1]}
    index = parse_html((hostile_site / "index.html").read_text(encoding="utf-8"))
    hrefs = index.xpath("//h:td[@class='title']/h:a/@href", namespaces=ns)
    assert sorted(hrefs) == ["javascript%3Aalert(1).html", "sample.html"]
    person = parse_html((hostile_site / "registers" / "persons" / "pers-tran-dai-quang.html").read_text(encoding="utf-8"))
    articles = set(person.xpath("//h:a[@class='article']/@href", namespaces=ns))
    assert "../../javascript%3Aalert(1).html" in articles
    page = parse_html((hostile_site / f"{HOSTILE_STEM}.html").read_text(encoding="utf-8"))
    assert page.xpath("//h:a[@class='tei-link']/@href", namespaces=ns) == ["tei/javascript%3Aalert(1).xml"]  # the site's copy (render.teicopy)


def test_scripts_are_files_beside_the_pages(hostile_site, tmp_path):
    assets = REPO / "xslt" / "html" / "assets"
    for name in ("highlight.js", "sort.js"):
        assert (hostile_site / "assets" / name).read_bytes() == (assets / name).read_bytes()
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/sort.js"></script>' in index
    # render_paths writes the article pages' script too.
    out = tmp_path / "pages"
    assert render_paths([SAMPLE], out, "html").ok
    assert (out / "assets" / "highlight.js").read_bytes() == (assets / "highlight.js").read_bytes()
    assert sorted(p.name for p in out.iterdir()) == [".teikit-build.json", "assets", "sample.html"]  # and its build record
    assert render_paths([SAMPLE], tmp_path / "text", "txt").ok
    assert not (tmp_path / "text" / "assets").exists()


@pytest.mark.parametrize("target", ["java&#x9;script:alert(1)", "&#x20;&#xA;javascript:alert(1)", "java&#xA;script:alert(1)",
                                    "javascript&#x3A;alert(1)", "jav&#x200B;ascript:alert(1)", "//evil.example/x",
                                    "/\\evil.example/x", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="])
def test_tei_targets_browsers_would_read_as_scripts_are_text(tmp_path, target):
    # Render does not validate: a TEI written by hand gets the same policy.
    path = tmp_path / "t.xml"
    path.write_text(hostile_tei(target=target, licence=target), encoding="utf-8")
    out = tmp_path / "html"
    assert render_paths([path], out, "html").ok
    tree = parse_html((out / "t.html").read_text(encoding="utf-8"))
    assert_page_is_safe(tree, "t.html")
    ns = {"h": H[1:-1]}
    assert tree.xpath("//h:a[@class='source-link' or @rel='license']", namespaces=ns) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "file:///etc/passwd", "JaVaScRiPt:alert(1)"])
def test_a_sidecar_url_that_is_not_a_link_is_text(tmp_path, url):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Tiêu đề bài báo\n\nHà Nội là thủ đô của Việt Nam.\n", encoding="utf-8")
    (src / "a.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    converted = convert_paths([src], tmp_path / "tei")
    assert converted.ok, converted.failures
    out = tmp_path / "html"
    assert build_site([tmp_path / "tei"], out).ok
    text = (out / "a.html").read_text(encoding="utf-8")
    tree = parse_html(text)
    assert_page_is_safe(tree, "a.html")
    source = tree.xpath("//h:dd[@class='source']/*[@class='source-link']", namespaces={"h": H[1:-1]})
    assert [el.tag for el in source] == [f"{H}span"]


def test_pointers_in_the_text_and_prefixes_follow_the_one_policy(tmp_path):
    # ref/ptr/rs in any TEI, and a prefixDef that expands to a script, go through tk:safe-href too.
    data = SAMPLE.read_text(encoding="utf-8")
    header, text = data.split("<text>", 1)
    data = header + "<text>" + text.replace("<p>", '<p><ref target="JAVASCRIPT:alert(1)">a</ref> <ptr target="data:text/html,x"/> '
                                            '<rs ref="evil:1">b</rs> <ref target="https://a.example/ok">c</ref> ', 1)
    data = data.replace("</fileDesc>", '</fileDesc><encodingDesc><listPrefixDef><prefixDef ident="evil" '
                                       'matchPattern="(.+)" replacementPattern="javascript:alert($1)"/>'
                                       '</listPrefixDef></encodingDesc>', 1)
    path = tmp_path / "p.xml"
    path.write_text(data, encoding="utf-8")
    out = tmp_path / "html"
    assert render_paths([path], out, "html").ok
    tree = parse_html((out / "p.html").read_text(encoding="utf-8"))
    assert_page_is_safe(tree, "p.html")
    hrefs = [value for _, attr, value in links(tree) if attr == "href" and "a.example" in value]
    assert hrefs == ["https://a.example/ok"]


@pytest.mark.parametrize("match, replacement", [("(", "x$1"), ("(.+)", "x\\"), ("", "x"), ("[", ""), ("a{2,1}", "x")])
def test_a_prefix_def_with_a_broken_pattern_expands_nothing_and_fails_nothing(tmp_path, capfd, match, replacement):
    # A third-party TEI's prefixDef patterns went straight into matches()/replace(): a bad one failed the
    # whole page, with 20 lines of Saxon's trace on stderr.
    data = SAMPLE.read_text(encoding="utf-8")
    header, text = data.split("<text>", 1)
    header = header.replace("</fileDesc>", '</fileDesc><encodingDesc><listPrefixDef><prefixDef ident="gnd" '
                            f'matchPattern="{match}" replacementPattern="{replacement}"/><prefixDef ident="gnd" '
                            'matchPattern="(\\d+)" replacementPattern="https://d-nb.info/gnd/$1"/></listPrefixDef>'
                            '</encodingDesc>', 1)
    path = tmp_path / "p.xml"
    path.write_text(header + "<text>" + text.replace("<p>", '<p><ref target="gnd:118540238">a</ref> ', 1), encoding="utf-8")
    report = render_paths([path], tmp_path / "html", "html")
    assert report.ok, report.failures
    assert capfd.readouterr().err == ""
    tree = parse_html((tmp_path / "html" / "p.html").read_text(encoding="utf-8"))
    assert_page_is_safe(tree, "p.html")
    hrefs = [value for _, attr, value in links(tree) if attr == "href" and "d-nb" in value]
    assert hrefs == ["https://d-nb.info/gnd/118540238"]  # the next prefixDef of that ident still applies
