"""The corpus site's lists that grow with the corpus come in pages (render.site's paging policy):
an entry's page (its mentions), a year of the date register (its articles and dated mentions), a
register's letter (its entries), like the index. The first page keeps the page's name (every link
to the list goes there), page n is <name>/n.html, each with a pager; no page's data grows
with the corpus, and none trips the limits of Saxon's XML parser."""

from __future__ import annotations

import re

from teikit.render import build_site, default_renderer
from teikit.render.renderer import teikits_page
from teikit.render.site import PAGE_SIZE, corpus_plan, numbered_pages, page_count
from teikit.render.sitedata import SiteData

from render_helpers import H, broken_links, dated_copies, parse_html, read_page

NS = {"h": H[1:-1]}
ENTRY = "registers/persons/pers-tran-dai-quang"  # named several times in the sample article


def _mentions(path):
    """(article, mention) links of an entry's page, in order, resolved against the site root."""
    tree = read_page(path)
    return [a.get("href").rsplit("../", 1)[-1] for a in tree.xpath("//h:ul[@class='contexts']//h:a[@class='mention']",
                                                                   namespaces=NS)]


def _pager(path):
    tree = read_page(path)
    return (tree.xpath("//h:nav[@class='pager']//h:a/@href", namespaces=NS),
            tree.xpath("string(//h:nav[@class='pager']//*[@aria-current='page'])", namespaces=NS))


def _pages_of(out, first):
    """The files of a list's pages: first.html, then first/n.html (nothing else in that folder)."""
    return [(out / f"{first}.html").exists()] + sorted(p.name for p in (out / first).glob("*.html"))


def test_an_entry_in_more_articles_than_a_page_holds_has_pages_each_mention_once_in_order(tmp_path):
    tei = dated_copies(tmp_path / "tei", 5)
    whole, paged = tmp_path / "whole", tmp_path / "paged"
    assert build_site([tei], whole, register_page_size=1000, search_index=False).ok
    assert build_site([tei], paged, register_page_size=4, search_index=False).ok
    every = _mentions(whole / f"{ENTRY}.html")
    assert len(every) > 8 and not (whole / ENTRY).exists()  # one page when it fits
    count = page_count(len(every), 4)
    assert _pages_of(paged, ENTRY) == [True] + [f"{n}.html" for n in range(2, count + 1)]
    pages = [paged / f"{ENTRY}.html"] + [paged / ENTRY / f"{n}.html" for n in range(2, count + 1)]
    lists = [_mentions(page) for page in pages]
    assert all(len(one) <= 4 for one in lists) and [m for one in lists for m in one] == every
    # The pager: every other page linked; the names, ids and years on the first page only.
    assert _pager(pages[0]) == ([f"../persons/pers-tran-dai-quang/{n}.html" for n in range(2, count + 1)], "1")
    links, current = _pager(pages[1])
    assert current == "2" and links[0] == "../../persons/pers-tran-dai-quang.html" and len(links) == count - 1
    assert read_page(pages[0]).xpath("//h:ul[@class='years']", namespaces=NS)
    assert not read_page(pages[1]).xpath("//h:ul[@class='years']", namespaces=NS)
    # Every link to the entry, from the articles and the register, goes to its first page.
    to_entry = [href for page in [paged / "a0.html", *(paged / "registers").glob("persons*.html")]
                for href in read_page(page).xpath("//h:a/@href", namespaces=NS) if "pers-tran-dai-quang" in href and not href.startswith("#")]
    assert to_entry and all(href.endswith("persons/pers-tran-dai-quang.html") for href in to_entry)
    assert broken_links(paged) == []


def test_a_year_and_a_letter_beyond_a_page_come_in_pages_and_the_timeline_links_each_month_where_it_begins(tmp_path):
    out = tmp_path / "html"
    assert build_site([dated_copies(tmp_path / "tei", 3)], out, register_page_size=1, search_index=False).ok
    year = "registers/dates/2013"
    assert len(_pages_of(out, year)) > 2
    links, current = _pager(out / year / "2.html")
    assert current == "2" and links[0] == "../../dates/2013.html"
    months = read_page(out / "registers" / "dates.html").xpath("//h:tr[@class='month']//h:a/@href", namespaces=NS)
    assert "dates/2013/4.html#m-07" in months  # three items of 2013 come before July: it begins on page 4
    for href in months:  # each on the page where the month begins: the page before has no heading of it
        path, month = href.split("#")
        found = re.fullmatch(r"dates/([0-9]{4})/([0-9]+)\.html", path)
        if found:
            n = int(found.group(2))
            before = out / "registers" / (f"dates/{found.group(1)}.html" if n == 2 else f"dates/{found.group(1)}/{n - 1}.html")
            assert not read_page(before).xpath(f"//*[@id='{month}']")
    # The sample's organisations: two under B, more than a page of one
    letters = {p.name: p for p in (out / "registers").glob("organisations-*/")}
    assert letters, "a letter of more entries than a page"
    for folder in letters.values():
        first = out / "registers" / f"{folder.name}.html"
        entries = [read_page(p).xpath("//h:a[contains(@class, 'entry')]/@href", namespaces=NS)
                   for p in [first, *sorted(folder.glob("*.html"))]]
        assert len(entries) > 1 and all(len(one) == 1 for one in entries)
        assert all(href.startswith("../organisations/") for one in entries[1:] for href in one)
    assert broken_links(out) == []


def test_only_pages_a_run_wrote_are_removed_and_one_changed_since_is_kept_with_a_warning(tmp_path):
    # Every *.html in a register's folder that the run did not write was removed, silently: an
    # editor's registers/persons/notes.html, registers/dates/1999.html, registers/persons-notes.html.
    tei = dated_copies(tmp_path / "tei", 5)
    out = tmp_path / "html"
    assert build_site([tei], out, register_page_size=4, search_index=False).ok
    mine = [out / "registers" / "persons" / "notes.html", out / "registers" / "dates" / "1999.html",
            out / "registers" / "persons-notes.html", out / ENTRY / "7.html"]
    for path in mine:
        path.write_text("<p>an editor's</p>", encoding="utf-8")
    page_two = out / ENTRY / "3.html"
    page_two.write_text(page_two.read_text(encoding="utf-8") + "<!-- an editor's remark -->", encoding="utf-8")
    for n in (2, 3, 4):
        (tei / f"a{n}.xml").unlink()
    report = build_site([tei], out, register_page_size=4, search_index=False, replace_site=True)
    assert report.ok
    assert all(path.read_text(encoding="utf-8") == "<p>an editor's</p>" for path in mine)
    assert page_two.read_text(encoding="utf-8").endswith("<!-- an editor's remark -->")
    assert [w for w in report.warnings if "kept" in w] == [
        f"{page_two}: kept: changed since teikit wrote it, and no longer part of the site (nothing links to it)"]
    assert not (out / ENTRY / "4.html").exists()  # as written: removed
    # Said once: the record forgets it.
    assert not [w for w in build_site([tei], out, register_page_size=4, search_index=False).warnings if "kept" in w]


def _dated(tei, stem: str, day: str) -> None:
    """One more copy of the sample, dated `day` (YYYY-MM-DD)."""
    year, month, date = day.split("-")
    data = (tei / "a0.xml").read_text(encoding="utf-8").replace("2013-07-10", day).replace("10/07/2013", f"{date}/{month}/{year}")
    (tei / f"{stem}.xml").write_text(data, encoding="utf-8")


def test_an_editors_file_where_a_new_page_goes_is_kept_that_page_one_error_line(tmp_path):
    # An editor's registers/dates/1998.html was replaced once the corpus gained 1998.
    tei = dated_copies(tmp_path / "tei", 2)
    out = tmp_path / "html"
    assert build_site([tei], out, search_index=False).ok
    mine = out / "registers" / "dates" / "1998.html"
    mine.write_text("<p>an editor's notes on 1998</p>", encoding="utf-8")
    _dated(tei, "b1998", "1998-05-03")
    report = build_site([tei], out, search_index=False)
    assert [f.message for f in report.failures] == [
        f"{mine}: not written: a file that is no teikit page is there (an editor's?), which is kept; "
        "move it away, or remove it yourself, and build again"]
    assert mine.read_text(encoding="utf-8") == "<p>an editor's notes on 1998</p>"
    assert (out / "b1998.html").is_file() and "1998" in (out / "registers" / "dates.html").read_text(encoding="utf-8")
    # Moved away, the next run writes the page (the last one's failure is not taken for a page that stands).
    mine.rename(tmp_path / "notes-1998.html")
    assert build_site([tei], out, search_index=False).ok
    assert teikits_page(mine) and "b1998.html" in mine.read_text(encoding="utf-8")


def test_a_teikit_page_its_record_does_not_know_is_made_again_a_killed_runs(tmp_path):
    # A run killed after writing a page and before saving its record left a page no record knows:
    # it is teikit's (its head says so), and the next run writes it again.
    tei = dated_copies(tmp_path / "tei", 2)
    out = tmp_path / "html"
    assert build_site([tei], out, search_index=False).ok
    left = out / "registers" / "dates" / "1998.html"
    left.write_bytes((out / "registers" / "dates" / "2013.html").read_bytes())
    _dated(tei, "b1998", "1998-05-03")
    assert build_site([tei], out, search_index=False).ok
    assert "b1998.html" in left.read_text(encoding="utf-8")


def test_an_editors_search_page_in_a_new_sites_folder_is_kept(tmp_path):
    out = tmp_path / "html"
    out.mkdir()
    (out / "search.html").write_text("<p>search our catalogue</p>", encoding="utf-8")
    report = build_site([dated_copies(tmp_path / "tei", 1)], out, search_index=False)
    assert [f.path for f in report.failures] == [out / "search.html"]
    assert (out / "search.html").read_text(encoding="utf-8") == "<p>search our catalogue</p>"
    assert (out / "index.html").is_file() and (out / "a0.html").is_file()


def test_force_removes_the_pages_no_longer_needed_as_a_plain_run_does(tmp_path):
    # --force makes the build record new: the pages earlier runs wrote were no longer known as
    # theirs, so none was removed (and the record then forgot them for good).
    tei = dated_copies(tmp_path / "tei", 5)
    out = tmp_path / "html"
    assert build_site([tei], out, register_page_size=4, search_index=False).ok
    assert (out / ENTRY / "4.html").is_file()
    for n in (2, 3, 4):
        (tei / f"a{n}.xml").unlink()
    assert build_site([tei], out, register_page_size=4, search_index=False, replace_site=True, force=True).ok
    assert _pages_of(out, ENTRY) == [True, "2.html"]
    assert broken_links(out) == []


def test_pages_an_entry_no_longer_needs_are_removed_and_an_editors_file_is_kept(tmp_path):
    tei = dated_copies(tmp_path / "tei", 5)
    out = tmp_path / "html"
    assert build_site([tei], out, register_page_size=4, search_index=False).ok
    before = _pages_of(out, ENTRY)
    assert len(before) >= 4
    mine = out / ENTRY / "notes.html"  # not a name teikit gives a page
    mine.write_text("<p>an editor's</p>", encoding="utf-8")
    for n in (2, 3, 4):
        (tei / f"a{n}.xml").unlink()
    assert build_site([tei], out, register_page_size=4, search_index=False, replace_site=True).ok
    shrunk = _pages_of(out, ENTRY)
    assert shrunk == [True, "2.html", "notes.html"] and mine.read_text(encoding="utf-8") == "<p>an editor's</p>"
    mine.unlink()
    (tei / "a1.xml").unlink()
    assert build_site([tei], out, register_page_size=4, search_index=False, replace_site=True).ok
    assert (out / f"{ENTRY}.html").is_file() and not (out / ENTRY).exists()  # its folder, emptied, goes
    # Growing again (an update adding articles): its pages come back, each in the plan.
    dated_copies(tmp_path / "more", 0)
    for n in (5, 6, 7):
        data = (tei / "a0.xml").read_text(encoding="utf-8").replace("2013-07-10", f"2013-07-{10 + n}")
        (tmp_path / "more" / f"b{n}.xml").write_text(data, encoding="utf-8")
    report = build_site([tmp_path / "more"], out, register_page_size=4, search_index=False)
    assert report.ok
    grown = _pages_of(out, ENTRY)
    assert len(grown) >= 3 and report.written_unlisted >= len(grown)  # corpus pages are counted, not listed
    assert broken_links(out) == []


def _store_with(mentions: int, context: str) -> SiteData:
    """A store of one article naming one person `mentions` times, each in `context`."""
    ms = "".join(f'<m ref="pers-x" mid="pers-x-m{n}" text="Lê A" before="{context}" after="{context}"/>'
                 for n in range(1, mentions + 1))
    store = SiteData()
    store.add("a", f'<doc title="Một" date="2020-01-02" datetime="2020-01-02" date-label="" authors="" site="" lang="vi">'
                   f'<e id="pers-x" type="person" name="Lê A"><v>Lê A</v></e>{ms}</doc>')
    return store


def test_a_page_whose_data_holds_over_100000_escaped_characters_still_loads_into_saxon():
    # "&", "<" and '"' in every context: the JDK's parser refuses a document of more than
    # 100,000 entity references (&amp; …); the data has character references only.
    context = '&amp;&lt;&quot;' * 26  # 78 characters: a context's length
    with _store_with(1400, context) as store:
        entry = next(store.entries("person"))
        data = store.entity_xml(entry)  # one page: every mention
        assert data.count("&#") > 200_000 and not re.search(r"&[a-z]", data)
        html = default_renderer().site_page("entity-page", data, "pers-x.html")
    assert html.count('&amp;&lt;"') == 1400 * 2 * 26  # every context, whole


def test_every_page_of_the_plan_holds_at_most_a_page_of_its_list():
    mentions = 3 * PAGE_SIZE + 1
    with _store_with(mentions, "x") as store:
        plan = list(corpus_plan(store, PAGE_SIZE, 50))
        rels = [rel for rel, _, _ in plan]
        expected = [rel for _, rel in numbered_pages("registers/persons/pers-x.html", mentions, PAGE_SIZE)]
        assert [rel for rel in rels if "pers-x" in rel] == expected == [
            "registers/persons/pers-x.html", "registers/persons/pers-x/2.html",
            "registers/persons/pers-x/3.html", "registers/persons/pers-x/4.html"]
        sizes = [data().count("<m ") for rel, template, data in plan if template == "entity-page"]
        assert sizes == [PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, 1]


def test_paged_sites_are_byte_identical_with_one_or_two_processes(tmp_path):
    tei = dated_copies(tmp_path / "tei", 5)
    one, two = tmp_path / "one", tmp_path / "two"
    assert build_site([tei], one, register_page_size=3, search_index=False, jobs=1).ok
    assert build_site([tei], two, register_page_size=3, search_index=False, jobs=2).ok
    files = lambda out: {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")}  # noqa: E731
    first = files(one)
    assert any(rel.startswith(f"{ENTRY}/") for rel in first) and first == files(two)


def test_a_long_lists_pager_links_its_ends_and_the_pages_near_the_current_one():
    with _store_with(20, "x") as store:
        entry = next(store.entries("person"))
        html = default_renderer().site_page("entity-page", store.entity_xml(entry, 10, 1), "pers-x/10.html")
    tree = parse_html(html)
    links = tree.xpath("//h:nav[@class='pager']//h:a", namespaces=NS)
    assert [a.text for a in links] == ["1", "7", "8", "9", "11", "12", "13", "20"]
    assert links[0].get("href") == "../../persons/pers-x.html" and links[-1].get("href") == "../../persons/pers-x/20.html"
    assert tree.xpath("string(//h:nav[@class='pager']//*[@aria-current='page'])", namespaces=NS) == "10"
    assert len(tree.xpath("//h:nav[@class='pager']//h:li[@class='gap']", namespaces=NS)) == 2


def test_the_pages_of_a_long_list_are_its_windows_in_order_also_after_the_store_changes():
    with _store_with(7, "x") as store:
        entry = next(store.entries("person"))
        whole = re.findall(r'mid="([^"]+)"', store.entity_xml(entry))
        pages = [re.findall(r'mid="([^"]+)"', store.entity_xml(entry, n, 3)) for n in (1, 2, 3)]
        assert [len(p) for p in pages] == [3, 3, 1] and [m for p in pages for m in p] == whole
        store.add("b", '<doc title="Hai" date="2021-01-01" datetime="" date-label="" authors="" site="" lang="vi">'
                       '<e id="pers-x" type="person" name="Lê A"/><m ref="pers-x" mid="b-m1" text="Lê A" before="" after=""/></doc>')
        entry = next(store.entries("person"))
        assert re.findall(r'mid="([^"]+)"', store.entity_xml(entry, 1, 3))[0] == "b-m1"  # the newest article first


def test_a_page_changed_since_teikit_wrote_it_is_said_when_it_is_written_again(tmp_path):
    # An editor's note added to an article page and a register page was overwritten without a word.
    tei = dated_copies(tmp_path / "tei", 2)
    out = tmp_path / "html"
    assert build_site([tei], out, search_index=False).ok
    pages = [out / "a0.html", out / "registers" / "persons.html"]
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>an editor's note</p></body>"), encoding="utf-8")
    untouched = build_site([tei], out, search_index=False)  # nothing changed in the TEI: made again, as it was
    assert [w for w in untouched.warnings if "replaced" in w] == [
        f"{page}: replaced: changed since teikit wrote it (its pages are made from the TEI: an edit belongs there)"
        for page in pages]
    assert all("an editor's note" not in page.read_text(encoding="utf-8") for page in pages)
    assert not [w for w in build_site([tei], out, search_index=False).warnings if "replaced" in w]  # said once
