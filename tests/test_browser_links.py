"""Hostile links in a real browser (issue 12, item 3): clicking what a javascript:
sidecar URL, licence target or file name became runs nothing, and the pages'
Content-Security-Policy stops inline scripts and event handlers even if one got in.

Needs Chromium at /usr/bin/chromium; run with `pytest -m browser tests/test_browser_links.py`.
"""

from __future__ import annotations

import pytest

from teikit.render import build_site

from browser_helpers import MARKS, browser  # noqa: F401 (browser: the shared fixture)
from test_safe_links import HOSTILE_STEM, hostile_tei

pytestmark = MARKS

# What an injected script would do: open a dialog and mark the page.
PAYLOAD = "alert(1);document.title='pwned';window.pwned=1"


@pytest.fixture()
def site(tmp_path):
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / f"{HOSTILE_STEM}.xml").write_text(hostile_tei(target=f"javascript:{PAYLOAD}",
                                                         licence=f"JaVaScRiPt:{PAYLOAD}"), encoding="utf-8")
    out = tmp_path / "html"
    assert build_site([tei], out).ok
    return out


def _watch(page):
    seen = {"dialogs": [], "errors": []}
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    return seen


def _not_run(page, seen):
    assert seen["dialogs"] == []
    assert page.evaluate("window.pwned === undefined") and page.title() != "pwned"


def test_clicking_hostile_links_runs_nothing(browser, site):
    page = browser.new_page()
    seen = _watch(page)
    index = (site / "index.html").as_uri()
    page.goto(index)
    # The file named like a script is an ordinary relative link to its page.
    page.click("td.title a")
    page.wait_for_load_state()
    article = (site / f"{HOSTILE_STEM}.html").as_uri().replace("%28", "(").replace("%29", ")")
    assert page.url == article.replace(":alert", "%3Aalert")
    assert page.is_visible("form.hl-controls")  # the page's own script (a file) runs
    for selector in (".source-link", "dd.licence", "dd.licence *", "a.tei-link"):
        for handle in page.query_selector_all(selector):
            if handle.get_attribute("href") and handle.get_attribute("class") == "tei-link":
                continue  # a link to the TEI file: a download, not a script
            handle.click()
            _not_run(page, seen)
    assert page.url == article.replace(":alert", "%3Aalert")
    assert seen["errors"] == []
    page.close()


MAIN = '<main id="main">'  # where the tests put what got into a page


def test_the_policy_blocks_scripts_that_got_into_a_page(browser, site):
    # Were an inline script or handler ever written into a page, the page's own policy stops it.
    path = site / "injected.html"
    text = (site / f"{HOSTILE_STEM}.html").read_text(encoding="utf-8")
    injected = (f'<script>{PAYLOAD}</script><img src="x" onerror="{PAYLOAD}">'
                f'<a id="bad" href="javascript:{PAYLOAD}">x</a><button id="btn" onclick="{PAYLOAD}">b</button>'
                f'<script src="https://evil.example/x.js"></script><script src="data:text/javascript,{PAYLOAD}"></script>')
    path.write_text(text.replace(MAIN, MAIN + injected, 1), encoding="utf-8")
    page = browser.new_page()
    seen = _watch(page)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(path.as_uri())
    page.click("#bad")
    page.click("#btn")
    _not_run(page, seen)
    assert page.is_visible("form.hl-controls")  # while the site's own script still runs
    refused = [m for m in console if "Content Security Policy" in m]
    assert any("evil.example" in m for m in refused), console
    assert any("inline" in m for m in refused), console
    page.close()


def test_the_watch_sees_a_script_run_without_the_policy(browser, site):
    # The control: the same injection with the policy taken out does run, so the tests above can fail.
    text = (site / f"{HOSTILE_STEM}.html").read_text(encoding="utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    text = text[:start] + text[text.index(">", start) + 1:]
    path = site / "control.html"
    path.write_text(text.replace(MAIN, MAIN + f'<a id="bad" href="javascript:{PAYLOAD}">x</a>', 1), encoding="utf-8")
    page = browser.new_page()
    seen = _watch(page)
    page.goto(path.as_uri())
    page.click("#bad")
    page.wait_for_function("window.pwned === 1")
    assert seen["dialogs"] == ["1"]
    page.close()
