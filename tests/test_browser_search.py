"""The corpus site as a reader uses it, in Chromium over HTTP on loopback: search from the
box on any page, a facet, the A–Z bar of a register, keyboard only, and axe-core
(WCAG 2.1 A/AA, axe-playwright-python's bundled copy: nothing downloaded) on every kind of
page at 1280 and 390 px. Opened from file://, the search page says what it needs.

Needs Chromium at /usr/bin/chromium; run with `pytest -m browser tests/test_browser_search.py`.
"""

from __future__ import annotations

import contextlib
import functools
import json
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from teikit.render import build_site
from teikit.render.search import shard_of

from browser_helpers import MARKS, browser  # noqa: F401 (browser: the shared fixture)
from render_helpers import SAMPLE

WIDTHS = (1280, 390)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Person names (register letters A, Ă, Â, B, Đ, D, …), one article each; every article also
# names the sample's Trần Đại Quang and Vũ Trọng Kim.
PERSONS = ["An Khánh", "Ăng Ly", "Âu Dương Phong", "Bùi Tiến Dũng", "Cao Văn Lầu", "Dương Thu Hương",
           "Đặng Thái Sơn", "Đỗ Mười", "Hồ Xuân Hương", "Kim Lân", "Lê Lợi", "Lý Thường Kiệt", "Mạc Đĩnh Chi",
           "Ngô Quyền", "Nguyễn Du", "Ông Ích Khiêm", "Phan Bội Châu", "Quang Trung", "Tô Hoài", "Trịnh Công Sơn",
           "Ưng Hoàng Phúc", "Văn Cao", "Xuân Diệu", "Yết Kiêu", "Chu Văn An", "Giáp Hải", "Hàn Mặc Tử",
           "Ỷ Lan", "Trưng Trắc", "Tôn Đức Thắng"]

pytestmark = MARKS


def _article(folder: Path, n: int, name: str, word: str = "") -> None:
    data = SAMPLE.read_text(encoding="utf-8")
    data = data.replace("Phạm Linh", name).replace("pers-pham-linh", f"pers-p{n:02d}")
    year = 2012 + n % 3
    data = data.replace('<date when="2013-07-31">31/07/2013</date>', f'<date when="{year}-0{1 + n % 9}-15">15/0{1 + n % 9}/{year}</date>', 1)
    data = data.replace("<title>Đẩy mạnh phong trào toàn dân", f"<title>Bài {n + 1}: phong trào toàn dân", 1)
    data = data.replace("<head>Đẩy mạnh phong trào toàn dân", f"<head>Bài {n + 1}: {word + ' và ' if word else ''}phong trào toàn dân", 1)
    (folder / f"a{n:02d}.xml").write_text(data, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    tei = tmp / "tei"
    tei.mkdir()
    for n, name in enumerate(PERSONS):
        _article(tei, n, name)
    out = tmp / "html"
    # A small page size, so that the persons register is paged by letter; the search index in
    # four shards (30 articles, 8 a shard), merged by the search page.
    report = build_site([tei], out, register_page_size=10, search_shard_pages=8)
    assert report.ok, report.failures
    shards = json.loads((out / "pagefind" / "teikit-shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) == len({shard_of(f"a{n:02d}.html", 4) for n in range(len(PERSONS))}) >= 3
    assert all((out / "pagefind" / folder / "pagefind.js").is_file() for folder in shards)
    return out


@contextlib.contextmanager
def served(folder: Path):
    """`folder` served over HTTP on loopback for the block; its address."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(site):
    with served(site) as address:
        yield address


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    # The Content-Security-Policy refuses nothing the site needs.
    page.on("console", lambda msg: page.problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield page
    context.close()


def _searched(page, words: str) -> None:
    """Wait for the search page a GET of `words` opens, loaded with its first results."""
    page.wait_for_url(lambda url: f"q={quote_plus(words)}" in url)
    page.wait_for_load_state()
    page.wait_for_function("() => document.querySelectorAll('#search-results h2 a').length > 0")


def _results(page) -> list[str]:
    page.wait_for_function("() => /\\d|Không/.test(document.getElementById('search-status').textContent)")
    return page.eval_on_selector_all("#search-results h2 a", "links => links.map(a => a.getAttribute('href'))")


def test_type_a_name_into_the_search_box_and_find_the_article(page, server):
    page.goto(server + "a05.html")
    page.fill("#site-search-q", "Dương Thu Hương")
    page.press("#site-search-q", "Enter")
    _searched(page, "Dương Thu Hương")
    found = _results(page)
    assert found[0].endswith("/a05.html"), found
    excerpt = page.inner_text("#search-results li >> nth=0")
    assert "Dương Thu Hương" in excerpt
    assert page.eval_on_selector_all("#search-results li >> nth=0 >> mark", "m => m.length") >= 1
    # Without tones and marks, đ as d.
    page.goto(server + "search.html?q=" + quote("dang thai son"))
    assert _results(page)[0].endswith("/a06.html")
    page.goto(server + "search.html?q=" + quote("duong thu huong"))
    assert _results(page)[0].endswith("/a05.html")
    assert page.problems == []


def test_a_facet_narrows_the_results(page, server):
    page.goto(server + "search.html?q=" + quote("Quang"))
    assert len(_results(page)) == 10  # ten a page
    assert page.inner_text("#search-status") == f"{len(PERSONS)} bài viết"
    page.click("#search-more")  # the next ten on asking
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 20")
    expected = {f"/a{n:02d}.html" for n in range(len(PERSONS)) if 2012 + n % 3 == 2013}
    assert page.inner_text("label:has(input[name='year'][value='2013']) .count") == f"({len(expected)})"
    page.check("input[name='year'][value='2013']")
    page.wait_for_function(f"() => document.getElementById('search-status').textContent.startsWith('{len(expected)} ')")
    assert "year=2013" in page.url
    page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length === {len(expected)}")
    found = _results(page)
    assert page.is_hidden("#search-more")
    assert {href[href.rindex("/"):] for href in found} == expected
    # A person facet: the one article that names Nguyễn Du (the 50 most frequent persons are offered).
    page.goto(server + "search.html?person=" + quote("Nguyễn Du"))
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 1")
    assert _results(page)[0].endswith("/a14.html")
    assert page.is_checked("input[name='person'][value='Nguyễn Du']")
    assert page.problems == []


def test_search_and_facets_by_keyboard_only(page, server):
    page.goto(server + "search.html")
    page.keyboard.press("Tab")  # skip nothing: the first stop is the site navigation
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "search-q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.type("Ngô Quyền")
    page.keyboard.press("Enter")
    # The form is a GET: wait for the new page (its query in the URL) and its results, or the old one answers.
    _searched(page, "Ngô Quyền")
    assert _results(page)[0].endswith("/a13.html")
    # Tab reaches the facets' checkboxes; Space ticks one, and the results follow.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    assert page.evaluate("document.activeElement.type") == "checkbox"
    name = page.evaluate("document.activeElement.name")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    page.wait_for_function(f"() => location.search.includes('{name}=')")
    # Shift+Tab leads back to the words; the result links are links (in the tab order).
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.tagName") in ("INPUT", "BUTTON")
    assert page.eval_on_selector_all("#search-results h2 a", "links => links.every(a => a.tabIndex === 0)")
    assert page.problems == []


def _held_index(page) -> list:
    """The search page's request for its index (pagefind/teikit-shards.json) held, not answered,
    until the test continues it: the index is still loading."""
    held = []
    page.route("**/pagefind/teikit-shards.json", lambda route: held.append(route))
    return held


def _asked_for(page, held: list, seconds: float = 10.0):
    """The held request for the index, once the page has made it (waited for at most `seconds`:
    a page that never asks fails the test, not hangs it)."""
    deadline = time.monotonic() + seconds
    while not held:
        assert time.monotonic() < deadline, f"the page did not ask for pagefind/teikit-shards.json within {seconds:g} s"
        page.wait_for_timeout(20)
    return held[0]


def test_a_search_asked_for_while_the_index_loads_waits_for_it(page, server):
    # The form is there before the index: Enter (or a ticked facet) then threw ("Cannot read
    # properties of null") and the words were searched only when the index came.
    held = _held_index(page)
    page.goto(server + "search.html")
    request = _asked_for(page, held)
    page.fill("#search-q", "Ngô Quyền")
    page.press("#search-q", "Enter")
    page.check("input[name='year'][value='2013']")
    assert page.inner_text("#search-status") == "Đang tìm…"
    assert page.locator("#search-results li").count() == 0
    request.continue_()
    page.wait_for_function("() => document.querySelectorAll('#search-results h2 a').length > 0")
    assert [href[href.rindex("/"):] for href in _results(page)] == ["/a13.html"]
    assert "year=2013" in page.url and f"q={quote_plus('Ngô Quyền')}" in page.url
    assert page.problems == []


def test_an_index_that_cannot_be_loaded_leaves_the_searches_asked_for_quiet(page, server):
    held = _held_index(page)
    page.goto(server + "search.html?q=" + quote("Ngô Quyền"))
    request = _asked_for(page, held)
    page.press("#search-q", "Enter")
    request.fulfill(status=404, body="")
    page.wait_for_function("() => !document.getElementById('search-file-note').hidden")
    assert page.inner_text("#search-status") == ""
    assert page.locator("#search-results li").count() == 0
    assert page.problems == []


def test_walk_a_register_through_its_a_to_z_bar(page, server):
    page.goto(server + "registers/persons.html")
    letters = page.eval_on_selector_all(".jump-bar a", "links => links.map(a => a.textContent)")
    assert letters[:4] == ["A", "Ă", "Â", "B"] and letters.index("Đ") == letters.index("D") + 1
    for letter in letters:
        page.click(f".jump-bar a:text-is('{letter}')")
        page.wait_for_load_state()
        assert page.inner_text("h1").endswith(": " + letter)
        assert page.get_attribute(".jump-bar a[aria-current='page']", "href").endswith(".html")
        names = page.eval_on_selector_all("ul.register a", "links => links.map(a => a.textContent)")
        assert names, letter
    page.goto(server + "registers/persons-dd.html")
    names = page.eval_on_selector_all("ul.register a", "links => links.map(a => a.textContent)")
    assert names == ["Đặng Thái Sơn", "Đỗ Mười"]
    page.click("ul.register a:text-is('Đỗ Mười')")
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Đỗ Mười" and page.is_visible("ul.contexts mark")
    assert page.problems == []


@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_accessibility_violation_on_any_kind_of_page(browser, server, width):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    axe = axe_module.Axe()
    # axe is injected by the test; the pages' own policy is not what is being checked here.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    pages = ["a05.html", "index.html", "registers/persons.html", "registers/persons-dd.html",
             "registers/persons/pers-p05.html", "registers/organisations.html", "registers/dates.html",
             "registers/dates/2013.html", "search.html?q=" + quote("Trần Đại Quang")]
    problems = []
    for rel in pages:
        page.goto(server + rel)
        if rel.startswith("search.html"):
            _results(page)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{rel} @ {width}px: {violation['id']} ({violation['impact']}): "
                                f"{[n['target'] for n in violation['nodes'][:3]]}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{rel} scrolls sideways at {width}px"
    context.close()
    assert problems == []


def test_from_file_the_search_page_says_it_needs_a_web_server(page, site):
    page.goto((site / "search.html").as_uri())
    assert page.is_visible("#search-file-note")
    assert "http.server" in page.inner_text("#search-file-note")
    assert page.is_hidden("#search-form")


def test_a_site_built_again_is_searched_as_its_articles_now_are(page, tmp_path):
    """Since the first build one article was edited, one removed and one added: only their shards
    were indexed again (tests/test_search_incremental.py), and the search finds each article's
    new text, not its old, nor the removed one, and finds the added one."""
    tei = tmp_path / "tei"
    tei.mkdir()
    for n, name in enumerate(PERSONS[:12]):
        _article(tei, n, name, {3: "Zidane", 5: "Ronaldo"}.get(n, ""))
    out = tmp_path / "html"
    assert build_site([tei], out, search_shard_pages=4).ok  # 12 articles: four shards
    _article(tei, 3, PERSONS[3], "Beckham")
    (tei / "a05.xml").unlink()
    _article(tei, 12, PERSONS[12], "Messi")
    assert build_site([tei], out, search_shard_pages=4, replace_site=True).ok
    with served(out) as server:
        for words, found in (("Beckham", ["/a03.html"]), ("Zidane", []), ("Ronaldo", []), ("Messi", ["/a12.html"])):
            page.goto(server + "search.html?q=" + quote(words))
            assert [href[href.rindex("/"):] for href in _results(page)] == found, words
    assert page.problems == []


def test_a_result_opens_its_article_whatever_its_file_name_holds(page, tmp_path):
    # Search results linked to Pagefind's URL as it is: "Hà Nội #1?.html" opened "Hà Nội " (the
    # "#" began a fragment) and "bài 100%.html" is no valid address. Served from a folder whose
    # own name needs escaping, so that the base (escaped in the address) is not escaped twice.
    tei = tmp_path / "tei"
    tei.mkdir()
    for n, (name, word) in enumerate([("Hà Nội #1?", "Zidane"), ("bài 100%", "Beckham"), ("plain", "Ronaldo")]):
        _article(tei, n, PERSONS[n], word)
        (tei / f"a{n:02d}.xml").rename(tei / f"{name}.xml")
    out = tmp_path / "my site"
    assert build_site([tei], out).ok
    with served(tmp_path) as server:
        for word, title in (("Zidane", "Bài 1"), ("Beckham", "Bài 2"), ("Ronaldo", "Bài 3")):
            page.goto(server + "my%20site/search.html?q=" + quote(word))
            assert len(_results(page)) == 1, word
            page.click("#search-results h2 a")
            page.wait_for_load_state()
            assert page.inner_text("h1").startswith(title), (word, page.url)
    assert page.problems == []
