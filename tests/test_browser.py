"""The article page in a real browser: highlight switches, register links, a screenshot.

Needs Chromium at /usr/bin/chromium (apt-get install chromium); run with
`pytest -m browser tests/test_browser.py`.
"""

from __future__ import annotations

import shutil

import pytest

from teikit.render import build_site

from browser_helpers import MARKS, browser  # noqa: F401 (browser: the shared fixture)
from render_helpers import SAMPLE


pytestmark = MARKS


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(SAMPLE, tmp_path / "tei" / "sample.xml")
    out = tmp_path / "html"
    assert build_site([tmp_path / "tei"], out).ok
    return out


def _background(page, selector):
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_highlight_switch_register_link_and_screenshot(browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    article = (site / "sample.html").as_uri()
    page.goto(article)

    # The script shows the switches; every type starts highlighted.
    assert page.is_visible("form.hl-controls")
    person = "#pers-tran-dai-quang-m1"
    on = _background(page, person)
    assert on not in ("rgba(0, 0, 0, 0)", "transparent")
    place_before = _background(page, "#place-ha-noi-m1")

    page.uncheck("input[data-type='person']")
    assert _background(page, person) == "rgba(0, 0, 0, 0)"
    assert _background(page, "#place-ha-noi-m1") == place_before  # other types untouched
    page.check("input[data-type='person']")
    assert _background(page, person) == on

    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)

    # A name leads to its register entry's page, and the entry back to each mention in context.
    page.click(person)
    page.wait_for_load_state()
    assert page.url == (site / "registers" / "persons" / "pers-tran-dai-quang.html").as_uri()
    assert page.is_visible("ul.contexts")
    page.click("a.mention[href$='#pers-tran-dai-quang-m2']")
    page.wait_for_load_state()
    assert page.url == article + "#pers-tran-dai-quang-m2"
    page.go_back()
    page.go_back()
    assert page.url == article

    # Phone width: the page still lays out (no horizontal scrolling).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(article)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(tmp_path / "article-phone.png"), full_page=True)

    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests
    page.close()


def test_index_sorts_by_date(browser, tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(SAMPLE, tmp_path / "tei" / "new.xml")
    older = SAMPLE.read_text(encoding="utf-8").replace('<date when="2013-07-31">', '<date when="2010-01-02">', 1)
    (tmp_path / "tei" / "old.xml").write_text(older, encoding="utf-8")
    out = tmp_path / "html"
    build_site([tmp_path / "tei"], out)
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    dates = lambda: page.eval_on_selector_all("tbody tr", "rows => rows.map(r => r.dataset.date)")
    assert dates() == ["2013-07-31", "2010-01-02"]
    page.click("#sort-date")
    assert dates() == ["2010-01-02", "2013-07-31"]
    page.click("#sort-date")
    assert dates() == ["2013-07-31", "2010-01-02"]
    page.close()
