"""Corpus site: index, registers merged across documents, every page HTML5, every link resolving."""

from __future__ import annotations

import re
import shutil

import pytest

from teikit.render import build_site, default_renderer

from render_helpers import H, SAMPLE, broken_links, dated_copies, read_page

NS = {"h": H[1:-1]}


def _second_article(tmp_path):
    """A second document sharing some register entries, older, with another person."""
    data = SAMPLE.read_text(encoding="utf-8")
    data = data.replace('<date when="2013-07-31">31/07/2013</date>', '<date when="2012-05-02">02/05/2012</date>', 1)
    data = re.sub(r"(<title[^>]*>)Đẩy mạnh phong trào", r"\1Bài thứ hai: phong trào", data, count=2)
    data = data.replace('ref="#pers-pham-linh"', 'ref="#pers-le-van-a"').replace(
        '<person xml:id="pers-pham-linh"><persName>Phạm Linh</persName></person>',
        '<person xml:id="pers-le-van-a"><persName>Lê Văn A</persName></person>')
    path = tmp_path / "tei" / "second.xml"
    path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    (tmp / "tei").mkdir()
    shutil.copy(SAMPLE, tmp / "tei" / "first.xml")
    _second_article(tmp)
    (tmp / "tei" / "zbroken.xml").write_text("<TEI", encoding="utf-8")
    out = tmp / "dist" / "html"
    report = build_site([tmp / "tei"], out)
    return tmp, out, report


def test_site_layout_and_failures(site):
    tmp, out, report = site
    # The report counts the pages (as many as the articles and register entries) and names none.
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert report.written == [] and report.written_count == len(written) and report.unchanged_count == 0
    assert [w for w in written if "/" not in w or w.count("/") == 1 and w.endswith(("s.html",))] == [
        "first.html", "index.html", "registers/dates.html", "registers/organisations.html", "registers/persons.html",
        "registers/places.html", "search.html", "second.html"]
    # A page per entry, a page per year of the date register.
    assert {"registers/persons/pers-tran-dai-quang.html", "registers/persons/pers-le-van-a.html",
            "registers/places/place-ha-noi.html", "registers/organisations/org-bo-cong-an.html",
            "registers/dates/2011.html", "registers/dates/2012.html", "registers/dates/2013.html"} <= set(written)
    assert len([w for w in written if w.startswith("registers/persons/")]) == 4
    assert [f.path.name for f in report.failures] == ["zbroken.xml"]


def test_every_page_is_html5(site):
    _, out, report = site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == report.written_count
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>\n"), page
        read_page(page)


def test_every_internal_link_and_fragment_resolves(site):
    _, out, _ = site
    assert broken_links(out) == []


def test_broken_link_checker_finds_breakage(site, tmp_path):
    _, out, _ = site
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    page = copy / "first.html"
    page.write_text(page.read_text(encoding="utf-8").replace("#pers-tran-dai-quang-m2", "#nowhere"), encoding="utf-8")
    (copy / "registers" / "places.html").unlink()
    problems = broken_links(copy)
    assert any("#nowhere: no such id" in p for p in problems)
    assert any("registers/places.html: no such file" in p for p in problems)


def test_index_lists_articles_newest_first(site):
    _, out, _ = site
    tree = read_page(out / "index.html")
    rows = tree.xpath("//h:table[@class='articles']/h:tbody/h:tr", namespaces=NS)
    assert [r.get("data-date") for r in rows] == ["2013-07-31", "2012-05-02"]
    links = [r.xpath(".//h:td[@class='title']/h:a/@href", namespaces=NS)[0] for r in rows]
    assert links == ["first.html", "second.html"]
    assert rows[1].xpath("string(.//h:time)", namespaces=NS) == "ngày 2 tháng 5 năm 2012"
    assert tree.xpath("//h:button[@id='sort-date']/@hidden", namespaces=NS)


def test_registers_merge_entries_across_documents(site):
    _, out, _ = site
    tree = read_page(out / "registers" / "persons.html")
    entries = tree.xpath("//h:ul[@class='register']/h:li", namespaces=NS)
    ids = [e.get("id") for e in entries]
    assert ids.count("pers-tran-dai-quang") == 1
    assert {"pers-pham-linh", "pers-le-van-a", "pers-vu-trong-kim"} <= set(ids)
    quang = entries[ids.index("pers-tran-dai-quang")]
    assert quang.xpath("h:a/@href", namespaces=NS) == ["persons/pers-tran-dai-quang.html"]
    assert "(6 lần nhắc, 2 bài viết)" in "".join(quang.itertext())
    page = read_page(out / "registers" / "persons" / "pers-tran-dai-quang.html")
    articles = page.xpath("//h:ul[@class='occurrences']/h:li", namespaces=NS)
    assert [a.xpath("string(h:a[@class='article'])", namespaces=NS)[:12] for a in articles] == ["Đẩy mạnh pho", "Bài thứ hai:"]
    mentions = page.xpath("//h:a[@class='mention']/@href", namespaces=NS)
    assert sorted(mentions) == sorted(f"../../{stem}.html#pers-tran-dai-quang-m{n}" for stem in ("first", "second") for n in (1, 2, 3))
    # Every mention in its context: the words around it in its paragraph.
    first = page.xpath("//h:ul[@class='contexts']/h:li", namespaces=NS)[0]
    assert " ".join("".join(first.itertext()).split()).startswith("Dự buổi làm việc có Đại tướng Trần Đại Quang, Bộ trưởng Bộ Công an;")
    wikidata = page.xpath("//h:a[@class='authority']/@href", namespaces=NS)
    assert wikidata == ["https://www.wikidata.org/wiki/Q1063536"]
    assert page.xpath("//h:ul[@class='years']/h:li/h:a/@href", namespaces=NS) == ["../dates/2012.html", "../dates/2013.html"]
    linh = read_page(out / "registers" / "persons" / "pers-pham-linh.html")
    assert linh.xpath("//h:a[@class='article']/@href", namespaces=NS) == ["../../first.html"]
    assert "1 lần nhắc, 1 bài viết" in linh.xpath("string(//h:p[@class='entity-summary'])", namespaces=NS)


def test_register_pages_by_type(site):
    _, out, _ = site
    places = [li.get("id") for li in read_page(out / "registers" / "places.html").xpath("//h:ul[@class='register']/h:li", namespaces=NS)]
    assert places == ["place-ha-noi", "place-viet-nam"]
    orgs = [li.get("id") for li in read_page(out / "registers" / "organisations.html").xpath("//h:ul[@class='register']/h:li", namespaces=NS)]
    assert "org-bo-cong-an" in orgs and not any(i.startswith("pers-") for i in orgs)


def test_site_is_deterministic(site):
    tmp, out, _ = site
    again = out.parent / "again"  # same depth: the relative TEI links are the same
    build_site([tmp / "tei"], again)
    for page in out.rglob("*.html"):
        assert (again / page.relative_to(out)).read_bytes() == page.read_bytes(), page


def test_duplicate_stem_is_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SAMPLE, tmp_path / "a" / "same.xml")
    shutil.copy(SAMPLE, tmp_path / "b" / "same.xml")
    report = build_site([tmp_path / "a", tmp_path / "b"], tmp_path / "out", renderer=default_renderer())
    assert [f.message for f in report.failures] == [
        f"{tmp_path / 'b' / 'same.xml'}: same page name as {tmp_path / 'a' / 'same.xml'}: same.html"]


def test_the_site_store_keeps_one_record_per_stem_the_last_given():
    """SiteData.add of a stem stored before replaces every row of its record (and only those)."""
    from teikit.render.sitedata import SiteData

    def record(title, name, mentions):
        ms = "".join(f'<m ref="pers-x" mid="pers-x-m{n}" text="{name}" before="" after=""/>' for n in range(1, mentions + 1))
        return (f'<doc title="{title}" date="2020-01-02" datetime="2020-01-02" date-label="" authors="" site="" lang="vi">'
                f'<e id="pers-x" type="person" name="{name}"><v>{name}</v><idno type="wikidata">Q1</idno></e>{ms}'
                f'<d mid="date-1" when="2020-01-02" label="" text="2/1/2020" before="" after=""/></doc>')

    with SiteData() as store:
        store.add("a", record("Một", "Lê A", 3))
        store.add("b", record("Hai", "Lê A", 1))
        store.add("a", record("Ba", "Lê B", 2))
        assert store.article_count() == 2
        assert [(e.name, e.mentions, e.articles) for e in store.entries("person")] == [("Lê B", 3, 2)]
        assert 'title="Ba"' in store.index_xml() and 'title="Một"' not in store.index_xml()
        rows = lambda table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
        assert (rows("variants"), rows("idnos"), rows("mentions"), rows("dates")) == (2, 2, 3, 2)


# A large corpus's index comes in pages (as many articles a page as a register), so no page,
# and no page's data in memory, grows with the corpus.

def _index_rows(path):
    tree = read_page(path)
    return [(r.get("data-date"), r.xpath("string(.//h:td[@class='title']/h:a/@href)", namespaces=NS))
            for r in tree.xpath("//h:table[@class='articles']/h:tbody/h:tr", namespaces=NS)], tree


def test_a_large_index_is_paged_newest_first_every_article_once(tmp_path):
    out = tmp_path / "html"
    assert build_site([dated_copies(tmp_path / "tei", 5)], out, register_page_size=2, search_index=False).ok
    first, tree = _index_rows(out / "index.html")
    second, tree2 = _index_rows(out / "index" / "2.html")
    third, tree3 = _index_rows(out / "index" / "3.html")
    assert first == [("2013-07-14", "a4.html"), ("2013-07-13", "a3.html")]
    assert second == [("2013-07-12", "../a2.html"), ("2013-07-11", "../a1.html")]
    assert third == [("2013-07-10", "../a0.html")]
    assert not (out / "index" / "4.html").exists()
    # The pager: every page linked but the current one; no sorting of one page as if it were all.
    assert tree.xpath("//h:nav[@class='pager']//h:a/@href", namespaces=NS) == ["index/2.html", "index/3.html"]
    assert tree2.xpath("//h:nav[@class='pager']//h:a/@href", namespaces=NS) == ["../index.html", "../index/3.html"]
    assert tree2.xpath("string(//h:nav[@class='pager']//*[@aria-current='page'])", namespaces=NS) == "2"
    assert not tree.xpath("//h:button[@id='sort-date']", namespaces=NS)
    assert broken_links(out) == []


def test_an_index_that_shrinks_leaves_no_stale_page(tmp_path):
    tei = dated_copies(tmp_path / "tei", 5)
    out = tmp_path / "html"
    assert build_site([tei], out, register_page_size=2, search_index=False).ok
    for n in (3, 4):
        (tei / f"a{n}.xml").unlink()
    assert build_site([tei], out, register_page_size=2, search_index=False, replace_site=True).ok
    assert sorted(p.name for p in (out / "index").glob("*.html")) == ["2.html"]
    assert [href for _, href in _index_rows(out / "index" / "2.html")[0]] == ["../a0.html"]
    assert read_page(out / "index.html").xpath("//h:nav[@class='pager']//h:a/@href", namespaces=NS) == ["index/2.html"]


def test_the_index_gives_every_articles_date_in_the_sites_language(tmp_path):
    # An English article's row of a Vietnamese index read "2 May 2012" beside "ngày 31 tháng 7 năm 2013".
    (tmp_path / "tei").mkdir()
    shutil.copy(SAMPLE, tmp_path / "tei" / "first.xml")
    second = _second_article(tmp_path)
    second.write_text(second.read_text(encoding="utf-8").replace('xml:lang="vi"', 'xml:lang="en"'), encoding="utf-8")
    out = tmp_path / "html"
    assert build_site([tmp_path / "tei"], out, search_index=False).ok
    tree = read_page(out / "index.html")
    assert tree.getroot().get("lang") == "vi"
    assert tree.xpath("//h:td[@class='date']/h:time/text()", namespaces=NS) == [
        "ngày 31 tháng 7 năm 2013", "ngày 2 tháng 5 năm 2012"]
    assert read_page(out / "second.html").xpath("string(//h:time[@class='pubdate'])", namespaces=NS) == "2 May 2012"
    # the date register's year page too
    year = read_page(out / "registers" / "dates" / "2012.html")
    assert year.xpath("//h:a[@class='article']/following-sibling::h:span[@class='count'][1]/text()", namespaces=NS)[:1] == [
        "(ngày 2 tháng 5 năm 2012)"]
    # and the dated mentions of each article (both name 01/12/2011)
    mentions = read_page(out / "registers" / "dates" / "2011.html")
    assert mentions.xpath("//h:span[@class='when']/text()", namespaces=NS) == ["ngày 1 tháng 12 năm 2011"] * 2


def test_the_sites_language_is_the_one_most_of_its_articles_are_in():
    """SiteData.lang: the majority language, counted by primary subtag (then its most common tag);
    a tie goes to the first article's (by stem) language; articles of no language are not counted."""
    from teikit.render.sitedata import SiteData

    def langs(*pairs):
        with SiteData() as store:
            for stem, lang in pairs:
                store.add(stem, f'<doc title="{stem}" date="" datetime="" date-label="" authors="" site="" lang="{lang}"/>')
            return store.lang()

    # One Japanese article first by stem (ja.xml before news-…) does not make an English corpus Japanese.
    assert langs(("a", "ja"), ("b", "en"), ("c", "en")) == "en"
    assert langs(("a", "en-GB"), ("b", "en-US"), ("c", "en-GB"), ("d", "ja"), ("e", "ja")) == "en-GB"
    assert langs(("a", "vi"), ("b", "en")) == "vi" and langs(("a", "en"), ("b", "vi")) == "en"  # a tie
    assert langs(("a", ""), ("b", ""), ("c", "de")) == "de"
    assert langs() == "en" and langs(("a", "")) == "en"
    # Not a majority of the stems before it: every article counts, whatever its name.
    assert langs(("a", "ja"), ("b", "ja"), ("c", "en"), ("d", "en"), ("e", "en")) == "en"


def test_one_article_in_another_language_does_not_set_the_corpus_pages_language(tmp_path):
    tei = dated_copies(tmp_path / "tei", 3)  # Vietnamese articles a0, a1, a2
    odd = tei / "a0.xml"
    odd.write_text(odd.read_text(encoding="utf-8").replace('xml:lang="vi"', 'xml:lang="ja"'), encoding="utf-8")
    out = tmp_path / "html"
    assert build_site([tei], out, search_index=False).ok
    for page in ("index.html", "search.html", "registers/persons.html"):
        assert read_page(out / page).getroot().get("lang") == "vi", page
    assert read_page(out / "a0.html").getroot().get("lang") == "ja"  # its own page speaks its own language


def test_an_authority_id_is_linked_at_its_resolver_and_never_as_a_page_of_the_site(tmp_path):
    # <idno type="GND">118607626</idno> was linked as href="118607626": a page of the site that is not there.
    (tmp_path / "tei").mkdir()
    ids = ('<idno type="wikidata">Q1063536</idno><idno type="GND">118607626</idno><idno type="VIAF">12345</idno>'
           '<idno type="local">A 12/3</idno><idno type="URI">https://example.org/people/42</idno>')
    data = SAMPLE.read_text(encoding="utf-8").replace('<idno type="wikidata">Q1063536</idno>', ids, 1)
    (tmp_path / "tei" / "a.xml").write_text(data, encoding="utf-8")
    out = tmp_path / "html"
    assert build_site([tmp_path / "tei"], out, search_index=False).ok
    page = read_page(out / "registers" / "persons" / "pers-tran-dai-quang.html")
    assert sorted(page.xpath("//h:a[@class='authority']/@href", namespaces=NS)) == [  # in the order the site gives them
        "https://d-nb.info/gnd/118607626", "https://example.org/people/42", "https://viaf.org/viaf/12345",
        "https://www.wikidata.org/wiki/Q1063536"]
    assert "A 12/3" in page.xpath("string(//h:dl[@class='meta'])", namespaces=NS)
    assert broken_links(out) == []
