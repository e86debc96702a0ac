"""Markup degrades per mention, not per article (issue 11, item 3).

A recogniser whose output would make the TEI invalid costs only the offending
mentions: they are dropped and counted, one warning per article names the
element and attribute, the rest of the markup is kept byte for byte, and the
convert summary counts the articles with markup dropped. Also: "N tuần" is a
valid xsd:duration, and --no-validate never writes what does not parse and
says it did not validate.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import teikit.convert as convert_module
from teikit.cli import app
from teikit.convert import NOT_VALIDATED, convert_paths, load_recogniser
from teikit.ingest import ingest_file
from teikit.model import DATE, ROLE, Mention
from teikit.options import ConvertOptions
from teikit.validate import Issue, default_validator
from teikit.xmlsafe import parse_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_03d31ed0a32cd011.txt"
ARTICLES = ROOT / "tests" / "data" / "articles"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RULES = load_recogniser(ConvertOptions())
runner = CliRunner()


def free(text: str, mentions, word: str, nth: int = 0) -> tuple[int, int]:
    """The span of the nth occurrence of `word` that no mention touches."""
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
             if not any(x.start < m.end() and m.start() < x.end for x in mentions)]
    return spans[nth]


class Rules:
    """The rules' mentions, changed by `edit(text, mentions)`: a recogniser with a bug."""

    name, version = "rules", "test"

    def __init__(self, edit=None):
        self.edit = edit

    def find(self, text, context=None):
        mentions = RULES.find(text, context)
        out = self.edit(text, list(mentions)) if self.edit else list(mentions)
        return sorted(out, key=lambda m: (m.start, -m.end))


def bad_duration(word="của", dur="P2W", nth=0):
    def edit(text, mentions):
        start, end = free(text, mentions, word, nth)
        return mentions + [Mention(start, end, DATE, "", (("dur", dur),), "rules", 0.6)]
    return edit


def mention_elements(path) -> int:
    """Inline elements a recogniser made (they carry @resp) in a TEI file."""
    return len(parse_file(path).getroot().findall(f"{TEI}text//*[@resp]"))


@pytest.fixture(scope="module")
def clean_seed(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    report = convert_paths([SEED], out, recogniser=Rules())
    assert report.ok and not report.warnings and not report.degraded
    return out / f"{SEED.stem}.xml"


def test_one_bad_mention_is_dropped_and_the_rest_is_kept(tmp_path, clean_seed, assert_tei_all_valid):
    report = convert_paths([SEED], tmp_path, recogniser=Rules(bad_duration()))
    placed = mention_elements(clean_seed) + 1
    assert report.ok and report.degraded == [SEED]
    assert report.warnings == [f'{SEED}: dropped 1 of {placed} mentions whose markup was invalid '
                               f'(date/@dur "P2W": not a valid duration)']
    written = tmp_path / clean_seed.name
    assert written.read_bytes() == clean_seed.read_bytes()  # every other mention, as without the bug
    assert mention_elements(written) > 40
    assert default_validator().is_valid(written)
    assert_tei_all_valid(written)


def test_the_convert_summary_counts_articles_with_markup_dropped(tmp_path, monkeypatch, clean_seed):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED, src / "broken.txt")
    (src / "fine.txt").write_text(SEED.read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    broken = ingest_file(src / "broken.txt").text

    def edit(text, mentions):  # only the article "broken" gets the bad mention
        return bad_duration()(text, mentions) if text == broken else mentions

    recogniser = Rules(edit)
    monkeypatch.setattr(convert_module, "load_recogniser", lambda options: recogniser)
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    placed = mention_elements(clean_seed) + 1
    assert result.stderr.splitlines() == [
        f'warning: {src / "broken.txt"}: dropped 1 of {placed} mentions whose markup was invalid '
        f'(date/@dur "P2W": not a valid duration)',
        f"2 of 2 converted into {out} (1 with markup dropped)"]


def test_each_way_of_finding_the_culprit_names_it(tmp_path, assert_tei_all_valid):
    """A bad value (the schema alone names it), a Schematron failure (its path names the
    date), and a combination RELAX NG reports on the paragraph (found by bisection)."""
    article = ingest_file(SEED)
    mentions = RULES.find(article.text, convert_module.context_for(article))
    wrong = next(m for m in mentions if dict(m.attrs).get("when") == "2011-12-01")

    def edit(text, found):
        found = [m for m in found if m != wrong] + [Mention(wrong.start, wrong.end, DATE, "",
                                                            (("when", "1999-01-01"),), "rules", 0.95)]
        s1, e1 = free(text, found, "cho")
        s2, e2 = free(text, found, "đã")
        return found + [Mention(s1, e1, ROLE, "cho", (("type", "chief"),), "rules", 0.5),
                        Mention(s2, e2, DATE, "", (("when", "2024"), ("dur", "P1Y")), "rules", 0.5)]

    report = convert_paths([SEED], tmp_path / "bad", recogniser=Rules(edit))
    expected = convert_paths([SEED], tmp_path / "clean", recogniser=Rules(lambda t, f: [m for m in f if m != wrong]))
    assert report.ok and not expected.warnings
    clean = tmp_path / "clean" / f"{SEED.stem}.xml"
    placed = mention_elements(clean) + 3
    assert report.warnings == [
        f'{SEED}: dropped 3 of {placed} mentions whose markup was invalid ('
        'roleName/@type "chief": not one of rank, office, honorific; '
        'date: [date-text-agrees] The date "01/12/2011" is day first, so its value is when="2011-12-01", '
        'but the element has when="1999-01-01".; '
        'date @when="2024" @dur="P1Y": refused by the RELAX NG schema (Invalid attribute dur for element date))']
    written = tmp_path / "bad" / f"{SEED.stem}.xml"
    assert written.read_bytes() == clean.read_bytes()
    assert_tei_all_valid(written)


class BlockLevel:
    """The real validator, plus a RELAX NG-style issue on the enclosing block of every
    date with dur="P99D" (as libxml2 reports a bad value inside mixed content), and no
    `explain`: only bisection can find the culprits."""

    def __init__(self):
        self.real = default_validator()
        self.calls = 0

    def iter_issues(self, tree):
        self.calls += 1
        yield from self.real.iter_issues(tree)
        for block in tree.getroot().iterfind(f"{TEI}text//{TEI}p"):
            if block.find(f".//{TEI}date[@dur='P99D']") is not None:
                yield Issue("<tree>", 0, 0, "rng-element", "Element p has extra content: text", tree.getpath(block))


def test_bisection_finds_several_culprits_in_one_block_and_others(tmp_path, clean_seed):
    def edit(text, mentions):
        def free_in(paragraph):
            base = text.index(paragraph)
            return [(m.start() + base, m.end() + base) for m in re.finditer(r"(?<!\w)và(?!\w)", paragraph)
                    if not any(x.start < m.end() + base and m.start() + base < x.end for x in mentions)]

        paragraph = max(text.split("\n"), key=lambda line: len(free_in(line)))
        base, inside = text.index(paragraph), free_in(paragraph)
        other = next(span for span in (free(text, mentions, "của", i) for i in range(10))
                     if not base <= span[0] < base + len(paragraph))
        assert len(inside) >= 2
        spans = [inside[0], inside[-1], other]
        return mentions + [Mention(s, e, DATE, "", (("dur", "P99D"),), "rules", 0.6) for s, e in spans]

    validator = BlockLevel()
    report = convert_paths([SEED], tmp_path, recogniser=Rules(edit), validator=validator)
    placed = mention_elements(clean_seed) + 3
    cause = 'date @dur="P99D": refused by the RELAX NG schema (Element p has extra content: text)'
    assert report.warnings == [f"{SEED}: dropped 3 of {placed} mentions whose markup was invalid ({cause})"]
    assert (tmp_path / clean_seed.name).read_bytes() == clean_seed.read_bytes()
    assert validator.calls <= 40  # bisection, not one validation per mention


def test_markup_that_cannot_be_traced_to_a_mention_still_costs_all_markup(tmp_path):
    class Header:  # an issue in the header: no mention is at fault
        def iter_issues(self, tree):
            if tree.getroot().find(f".//{TEI}standOff") is not None:
                yield Issue("x", 1, 1, "header-title", "no title", "/*/*[1]")

    report = convert_paths([SEED], tmp_path, recogniser=Rules(), validator=Header())
    assert report.warnings == [f"{SEED}: its entity markup is invalid (header-title: no title); "
                               "written without entity markup"]
    assert report.degraded == [SEED]
    assert mention_elements(tmp_path / f"{SEED.stem}.xml") == 0


def test_weeks_are_a_valid_measure_of_a_duration(tmp_path, assert_tei_all_valid):
    src = tmp_path / "tuan.txt"
    src.write_text("Mưa lớn kéo dài\n\nSau 2 tuần mưa lớn, ông Nguyễn Văn An và người dân Hà Nội "
                   "đã dọn dẹp xong. Vài tuần nữa trường học sẽ mở cửa lại.\n", encoding="utf-8")
    report = convert_paths([src], tmp_path / "out")
    assert report.ok and not report.warnings and not report.degraded
    tree = parse_file(tmp_path / "out" / "tuan.xml")
    durations = [(d.text, d.get("type"), d.get("quantity"), d.get("unit")) for d in tree.getroot().iter(f"{TEI}measure")]
    assert durations == [("2 tuần", "duration", "2", "week")]  # a length with no start: no date (docs/encoding.md)
    assert not [d for d in tree.getroot().iter(f"{TEI}date") if d.get("dur")]
    assert tree.getroot().find(f".//{TEI}persName") is not None
    assert_tei_all_valid(tree)


def test_no_validate_says_so_once_and_writes_well_formed_files(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, src / name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(src), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"warning: {NOT_VALIDATED}", f"2 of 2 converted into {out}"]
    assert NOT_VALIDATED == ("not validated (--no-validate): the TEI written is well-formed, but was not "
                             "checked against the project schema; run `teikit validate` on it")
    assert sorted(p.name for p in out.glob("*.xml")) == ["a.xml", "b.xml"]


def test_no_validate_never_writes_what_does_not_parse(tmp_path, monkeypatch):
    import teikit.encode.checked as checked  # where convert proves the TEI well-formed

    monkeypatch.setattr(checked, "serialise", lambda tree: b"<TEI xmlns='x'><text>")
    report = convert_paths([SEED], tmp_path / "out", ConvertOptions(validate=False), recogniser=Rules())
    assert [f.message for f in report.failures] == [
        f"{SEED}: the TEI made from it is not well-formed (Premature end of data in tag text line 1, line 1, "
        "column 22); nothing written"]
    assert report.warnings == [NOT_VALIDATED]
    assert not list((tmp_path / "out").glob("*.xml"))


def test_issues_carry_the_path_of_the_offending_node(tmp_path):
    tree = etree.parse(str(ROOT / "tei" / "000_03d31ed0a32cd011.xml"))
    date = tree.getroot().find(f"{TEI}text//{TEI}date[@when='2011-12-01']")
    date.set("when", "1999-01-01")
    validator = default_validator()
    [issue] = list(validator.iter_errors(tree))
    assert issue.rule == "date-text-agrees" and tree.xpath(issue.path) == [date]
    date.set("when", "2011-13-01")
    issues = list(validator.iter_errors(tree))
    assert issues and all(tree.xpath(i.path) for i in issues)
    assert validator.explain(date) == ['date/@when "2011-13-01": not a valid date, gYearMonth, gYear, '
                                       'gMonthDay or gMonth']


@pytest.fixture(scope="module")
def clean_articles(tmp_path_factory):
    out = tmp_path_factory.mktemp("articles")
    report = convert_paths([ARTICLES], out, recogniser=Rules())
    return out, report


def test_on_the_test_articles_one_bad_mention_costs_one_mention(tmp_path, clean_articles):
    clean, clean_report = clean_articles
    sources = sorted(ARTICLES.glob("*.txt"))
    assert len(sources) >= 11
    assert clean_report.degraded == [] and clean_report.warnings == []
    report = convert_paths([ARTICLES], tmp_path, recogniser=Rules(bad_duration("và", "P3W")))
    assert sorted(report.degraded) == sources
    for source, warning in zip(sorted(report.degraded), sorted(report.warnings)):
        placed = mention_elements(clean / f"{source.stem}.xml") + 1
        assert warning == (f'{source}: dropped 1 of {placed} mentions whose markup was invalid '
                           f'(date/@dur "P3W": not a valid duration)')
        assert (tmp_path / f"{source.stem}.xml").read_bytes() == (clean / f"{source.stem}.xml").read_bytes()


def test_a_warning_names_at_most_three_causes():
    from teikit.encode.degrade import Checked

    checked = Checked(etree.ElementTree(etree.Element("x")), placed=9, dropped=5,
                      causes=["a/@x: 1", "b/@y: 2", "c/@z: 3", "d/@w: 4", "e/@v: 5"])
    assert checked.cause_text() == "a/@x: 1; b/@y: 2; c/@z: 3; and 2 more"
    assert Checked(checked.tree, causes=["a/@x: 1"]).cause_text() == "a/@x: 1"


def test_an_issue_in_a_register_entry_costs_the_names_that_point_to_it(tmp_path, clean_seed):
    clean = parse_file(clean_seed).getroot()
    entry = clean.find(f"{TEI}standOff/{TEI}listPlace/{TEI}place")
    ident = entry.get(XML_ID)
    pointing = len(clean.findall(f"{TEI}text//*[@ref='#{ident}']"))

    class RefusesOneEntry:  # as if the entry's id or name were malformed
        def iter_issues(self, tree):
            for found in tree.getroot().iterfind(f"{TEI}standOff//*[@{XML_ID}='{ident}']"):
                yield Issue("x", 0, 0, "id-form", "refused for the test", tree.getpath(found[0]))

    report = convert_paths([SEED], tmp_path, recogniser=Rules(), validator=RefusesOneEntry())
    placed = mention_elements(clean_seed)
    assert pointing >= 1
    assert report.warnings == [f"{SEED}: dropped {pointing} of {placed} mentions whose markup was invalid "
                               "(placeName: [id-form] refused for the test)"]
    written = tmp_path / clean_seed.name
    assert not parse_file(written).getroot().findall(f".//*[@ref='#{ident}']")
    assert mention_elements(written) == placed - pointing
