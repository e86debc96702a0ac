"""The published site in a real browser, served as it is (its folder as the server's root):
no request fails and nothing is logged as an error (no /favicon.ico: the icon is in the page),
the "TEI file" link opens the site's copy of the TEI, and the navigation's search box is shown
only where scripts run (the search page needs them). An article with nothing to highlight has
no empty "Highlight" box.

Needs Chromium at /usr/bin/chromium; run with `pytest -m browser tests/test_browser_site.py`.
"""

from __future__ import annotations

import shutil

import pytest
from lxml import etree

from teikit.render import build_site

from browser_helpers import MARKS, browser  # noqa: F401 (browser: the shared fixture)
from render_helpers import SAMPLE
from test_browser_search import served

pytestmark = MARKS

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    tei = root / "tei"
    tei.mkdir()
    shutil.copy(SAMPLE, tei / "sample.xml")
    plain = etree.parse(str(SAMPLE))  # the same article without a name or date marked: nothing to highlight
    etree.strip_tags(plain.find(f"{TEI}text"), *(TEI + name for name in ("persName", "orgName", "placeName", "roleName", "date")))
    plain.write(str(tei / "plain.xml"), encoding="UTF-8", xml_declaration=True)
    out = root / "dist" / "html"
    report = build_site([tei], out)
    assert report.ok, report.failures
    with served(out) as address:
        yield address


def _watch(page):
    seen = {"errors": [], "failed": [], "requests": []}
    page.on("console", lambda msg: seen["errors"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.on("requestfailed", lambda request: seen["failed"].append(request.url))
    page.on("response", lambda response: seen["failed"].append(response.url) if response.status >= 400 else None)
    page.on("request", lambda request: seen["requests"].append(request.url))
    return seen


@pytest.mark.parametrize("name", ["sample.html", "plain.html", "index.html", "registers/persons.html"])
def test_no_page_logs_an_error_or_asks_for_a_favicon(browser, site, name):
    page = browser.new_page()
    seen = _watch(page)
    page.goto(site + name)
    page.wait_for_load_state("networkidle")
    assert (seen["errors"], seen["failed"]) == ([], [])
    assert not [url for url in seen["requests"] if url.endswith("favicon.ico")]
    page.close()


@pytest.mark.parametrize("name", ["sample.html", "index.html", "registers/persons.html", "search.html"])
def test_the_first_tab_reaches_a_skip_link_that_leads_past_the_navigation(browser, site, name):
    page = browser.new_page()
    page.goto(site + name)
    assert page.evaluate("document.querySelector('.skip-link').getBoundingClientRect().width") <= 1  # out of sight
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 1  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main" and page.locator("main#main").count() == 1
    page.close()


def test_the_tei_link_opens_the_sites_copy(browser, site):
    page = browser.new_page()
    page.goto(site + "sample.html")
    href = page.get_attribute("a.tei-link", "href")
    assert href == "tei/sample.xml"
    response = page.request.get(site + href)
    assert response.status == 200 and response.body() == SAMPLE.read_bytes()
    page.close()


def test_an_article_with_nothing_to_highlight_shows_no_highlight_box(browser, site):
    page = browser.new_page()
    page.goto(site + "plain.html")
    assert page.query_selector("form.hl-controls") is None and page.query_selector("legend") is None
    page.goto(site + "sample.html")
    assert page.is_visible("form.hl-controls")  # where there is something to highlight, the script shows it
    page.close()


@pytest.mark.parametrize("scripts", [True, False])
def test_the_search_box_is_shown_only_where_scripts_run(browser, site, scripts):
    context = browser.new_context(java_script_enabled=scripts)
    page = context.new_page()
    for name in ("sample.html", "index.html", "registers/dates.html"):
        page.goto(site + name)
        assert page.is_visible("form.site-search") is scripts, name
    context.close()
