"""The corpus register (toolkit/register, docs/encoding.md "The corpus register"):

- convert writes DIR/register/{persons,orgs,places}.xml, valid TEI, one entry per entity, and
  each article's entries are copies pointing at it (@sameAs), its header recording the
  register's state (the sha256 of each file);
- an article converted alone against the register a batch wrote is byte-identical to the
  batch's, whatever else was in the batch;
- the register is read again: the names it holds are marked in articles of a later batch,
  nothing in it is removed, an editor's entry is kept as the editor left it and claims its names;
- a register file that is not one is one error line naming it, exit 1, nothing written;
- folder commands do not take the register's files for articles.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from teikit.cli import app
from teikit.convert import convert_paths
from teikit.register import KINDS, Register, found_names, registers_beside
from teikit.model import Mention, PERSON
from test_parallel import ARTICLES, make_corpus

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_03d31ed0a32cd011.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
FILES = ("persons.xml", "orgs.xml", "places.xml")
runner = CliRunner()


def parse(path: Path):
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def corpus(folder: Path) -> Path:
    """The test articles, the seed and the --jobs corpus in one folder (15 articles)."""
    shutil.copytree(DATA / "articles", folder, ignore=shutil.ignore_patterns("bad", "*.json", "*.py"))
    shutil.copy(DATA / "articles" / "a08_bao_yagi.meta.json", folder)
    shutil.copy(SEED, folder)
    make_corpus(folder, bad=False)
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    seeds = corpus(root / "seeds")
    report = convert_paths([seeds], root / "tei")
    assert report.ok, [f.message for f in report.failures]
    return seeds, root / "tei"


def sources(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.glob("*.txt"))


def test_the_register_is_one_valid_tei_file_per_type(batch, assert_tei_all_valid):
    _, tei = batch
    assert sorted(p.name for p in (tei / "register").iterdir()) == sorted(FILES)
    for name, entry in zip(FILES, ("person", "org", "place")):
        tree = etree.parse(str(tei / "register" / name))
        assert_tei_all_valid(tree)
        ids = tree.xpath("//@xml:id")
        assert len(ids) == len(set(ids))
        entries = tree.xpath(f"//t:{entry}", namespaces=NS)
        assert entries and all(e.get("resp") == "#teikit" for e in entries)


def test_every_name_of_every_article_points_into_the_register(batch):
    _, tei = batch
    registers = {name: etree.parse(str(tei / "register" / name)) for name in FILES}
    for path in sorted(tei.glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        entries = root.xpath("//t:standOff//*[@xml:id]", namespaces=NS)
        assert entries, path
        for entry in entries:
            file, _, ident = entry.get("sameAs").partition("#")
            assert ident == entry.get("{http://www.w3.org/XML/1998/namespace}id")
            shared = registers[file.removeprefix("register/")].xpath("//*[@xml:id=$i]", i=ident)
            assert len(shared) == 1, (path, ident)
            # the copy carries the register's canonical name and authority ids
            assert entry[0].text == shared[0][0].text
            assert entry.xpath("t:idno/text()", namespaces=NS) == shared[0].xpath("t:idno/text()", namespaces=NS)


def register_state(path: Path) -> str:
    return etree.parse(str(path)).findtext(".//t:sourceDesc/t:bibl[@type='register']/t:idno[@type='sha256']",
                                           namespaces=NS)


def test_the_header_records_the_register_state_as_it_bears_on_the_article(tmp_path):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    out = tmp_path / "tei"
    assert invoke("convert", seeds, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.xml")}
    states = {name: register_state(out / name) for name in before}
    assert all(len(state) == 64 for state in states.values()) and len(set(states.values())) == 3
    registers = {name: (out / "register" / name).read_bytes() for name in FILES}
    # an article whose names are written in no other: the register gains them, no other article changes
    (seeds / "d04.txt").write_text("Hội nghị\n\n07/12/2023\nBà Giàng Thị Mai đến thăm Sa Pa.\n", encoding="utf-8")
    assert invoke("convert", seeds, "-o", out).exit_code == 0
    assert {name: (out / name).read_bytes() for name in before} == before
    assert {name: (out / "register" / name).read_bytes() for name in FILES} != registers
    # an editor's authority id on an entry changes the state of the articles pointing to it, and only
    # theirs (an incremental convert does not see an authority id alone: --force; docs/encoding.md)
    persons = out / "register" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    entry = '<person xml:id="pers-sung2-a-chau6" resp="#teikit"><persName>Sùng A Châu</persName></person>'
    assert entry in text
    persons.write_text(text.replace(entry, '<person xml:id="pers-sung2-a-chau6"><persName>Sùng A Châu</persName>'
                                           '<idno type="URI">https://example.org/people/42</idno></person>'),
                       encoding="utf-8")
    assert invoke("convert", seeds, "-o", out, "--force").exit_code == 0
    changed = sorted(name for name in before if register_state(out / name) != states[name])
    assert changed == ["a01.xml", "b02.xml"]  # both name Sùng A Châu; c03 does not


def test_an_article_converted_alone_against_the_register_is_the_batchs(tmp_path, batch):
    seeds, tei = batch
    register_bytes = {name: (tei / "register" / name).read_bytes() for name in FILES}
    differ = []
    for source in sources(seeds):
        alone, out = tmp_path / source.stem / "in", tmp_path / source.stem / "tei"
        alone.mkdir(parents=True)
        shutil.copy(source, alone)
        sidecar = source.with_name(source.stem + ".meta.json")
        if sidecar.exists():
            shutil.copy(sidecar, alone)
        shutil.copytree(tei / "register", out / "register")
        report = convert_paths([alone], out)
        assert report.ok, [f.message for f in report.failures]
        if (out / f"{source.stem}.xml").read_bytes() != (tei / f"{source.stem}.xml").read_bytes():
            differ.append(source.stem)
        assert {name: (out / "register" / name).read_bytes() for name in FILES} == register_bytes, source.stem
    assert differ == [], f"{len(differ)} of {len(sources(seeds))} differ"


def test_a_name_another_article_gives_is_marked_alone_against_the_register(tmp_path, batch):
    _, tei = batch
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b02.txt").write_text(ARTICLES["b02"], encoding="utf-8")
    convert_paths([tmp_path / "in"], tmp_path / "bare")  # no register: the rules alone do not mark him
    assert ">Sùng A Châu</persName>" not in (tmp_path / "bare" / "b02.xml").read_text(encoding="utf-8")
    shutil.copytree(tei / "register", tmp_path / "tei" / "register")
    convert_paths([tmp_path / "in"], tmp_path / "tei")
    assert ">Sùng A Châu</persName>" in (tmp_path / "tei" / "b02.xml").read_text(encoding="utf-8")


def test_a_person_another_article_names_leaves_the_city_named_after_him_a_place(tmp_path):
    """President Hồ Chí Minh in one article, in the batch or in the register, and Ho Chi Minh City
    (TP Hồ Chí Minh, with its level word) in another: the city stays a place."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "bac.txt").write_text("Ngày sinh Bác Hồ\n\nSáng 19/5/2024, các đại biểu viếng Chủ tịch Hồ Chí Minh.\n",
                                   encoding="utf-8")
    (second / "gia.txt").write_text("Giá nhà tại TP Hồ Chí Minh tăng\n\nNgày 20/5/2024, giá căn hộ ở thành phố Hồ Chí"
                                    " Minh tăng 12%.\n", encoding="utf-8")
    shutil.copy(second / "gia.txt", first / "gia.txt")
    for source, out in ((first, tmp_path / "batch"), (second, tmp_path / "batch-later")):
        if out.name == "batch-later":
            shutil.copytree(tmp_path / "batch" / "register", out / "register")
        assert convert_paths([source], out).ok
        tei = parse(out / "gia.xml")
        names = [(etree.QName(e).localname, "".join(e.xpath(".//text()[not(ancestor::t:expan)]", namespaces=NS)))
                 for e in tei.iterfind(".//t:body//*", NS) if etree.QName(e).localname in ("persName", "placeName")]
        assert names == [("placeName", "TP Hồ Chí Minh"), ("placeName", "thành phố Hồ Chí Minh")], out.name
    assert ">Hồ Chí Minh</persName>" in (tmp_path / "batch" / "bac.xml").read_text(encoding="utf-8")


def test_a_later_batch_adds_to_the_register_and_removes_nothing(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a01.txt").write_text(ARTICLES["a01"], encoding="utf-8")
    (second / "c03.txt").write_text(ARTICLES["c03"], encoding="utf-8")
    out = tmp_path / "tei"
    convert_paths([first], out)
    before = Register.read(out / "register")
    convert_paths([second], out)
    after = Register.read(out / "register")
    for kind, entries in before.entries.items():
        for ident, entry in entries.items():
            assert after.entries[kind][ident].names[:1] == entry.names[:1]
            assert set(entry.names) <= set(after.entries[kind][ident].names)
    assert len(after) > len(before)
    assert "Sùng A Châu" in [e.canonical for e in after.entries[PERSON].values()]


def test_names_that_differ_in_their_diacritics_are_two_entities_with_their_variants():
    text = "Bùi Tiến Dụng gặp Bùi Tiến Dũng và anh Dũng."
    mentions = [Mention(0, 13, PERSON, "Bùi Tiến Dụng"), Mention(18, 31, PERSON, "Bùi Tiến Dũng"),
                Mention(39, 43, PERSON, "Bùi Tiến Dũng")]
    register = Register().merged(found_names(text, mentions))
    entries = register.entries[PERSON]
    assert sorted(entries) == ["pers-bui2-tien61-dung4", "pers-bui2-tien61-dung5"]
    assert entries["pers-bui2-tien61-dung4"].names == ["Bùi Tiến Dũng", "Dũng"]
    # names equal but for case are one entity: one id, the other a variant
    again = register.merged({(PERSON, "bùi tiến dụng", None)})
    assert again.entries[PERSON]["pers-bui2-tien61-dung5"].names == ["Bùi Tiến Dụng", "bùi tiến dụng"]
    assert again.lookup(PERSON, "bùi tiến dụng") == "pers-bui2-tien61-dung5"


def test_the_same_register_gives_the_same_bytes_whatever_the_order_names_come_in():
    names = [(PERSON, f"Nguyễn Văn {given}", None) for given in ("An", "Bình", "Ân", "Ánh", "Đức")]
    one = Register().merged(set(names)).serialised()
    two = Register().merged(set(names[2:])).merged(set(names[:2])).serialised()
    assert one == two


def test_an_editors_entry_survives_a_reconvert_and_claims_its_names(tmp_path):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    out = tmp_path / "tei"
    assert invoke("convert", seeds, "-o", out).exit_code == 0
    persons = out / "register" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    teikits = '<person xml:id="pers-sung2-a-chau6" resp="#teikit"><persName>Sùng A Châu</persName></person>'
    assert teikits in text
    # the editor takes the entry over (no resp="#teikit"), adds a variant, a note and an authority URI
    edited = ('<person xml:id="pers-sung-a-chau"><persName>Sùng A Châu</persName>\n'
              '        <persName type="variant">Châu</persName>\n'
              '        <note>Chủ tịch xã, checked by hand</note>\n'
              '        <idno type="URI">https://example.org/people/42</idno></person>')
    persons.write_text(text.replace(teikits, edited), encoding="utf-8")
    result = invoke("convert", seeds, "-o", out, "--overwrite")
    assert result.exit_code == 0, result.stderr
    after = persons.read_text(encoding="utf-8")
    assert edited in after and "pers-sung2-a-chau6" not in after
    article = etree.parse(str(out / "b02.xml"))
    assert article.xpath("//t:persName[.='Sùng A Châu']/@ref", namespaces=NS) == ["#pers-sung-a-chau"]
    entry = article.xpath("//t:person", namespaces=NS)[0]
    assert entry.get("sameAs") == "register/persons.xml#pers-sung-a-chau"
    assert entry.xpath("t:idno[@type='URI']/text()", namespaces=NS) == ["https://example.org/people/42"]
    assert invoke("validate", out).exit_code == 0


def _take_over(out: Path, idno: str) -> tuple[Path, str]:
    """The register with Sùng A Châu's entry the editor's, holding `idno`; the text it had."""
    persons = out / "register" / "persons.xml"
    text = persons.read_text(encoding="utf-8")
    teikits = '<person xml:id="pers-sung2-a-chau6" resp="#teikit"><persName>Sùng A Châu</persName></person>'
    assert teikits in text
    persons.write_text(text.replace(teikits, f'<person xml:id="pers-sung2-a-chau6"><persName>Sùng A Châu</persName>'
                                             f'{idno}</person>'), encoding="utf-8")
    return persons, text


def test_an_editors_authority_name_in_capitals_is_copied_in_lower_case(tmp_path):
    """An editor writes idno type="VIAF": the articles' copies carry type="viaf" (the article
    schema's form, rule register-idno), every mention stays marked, the register keeps the
    editor's bytes."""
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    out = tmp_path / "tei"
    assert invoke("convert", seeds, "-o", out).exit_code == 0
    refs = lambda: (out / "b02.xml").read_text(encoding="utf-8").count('ref="#pers-sung2-a-chau6"')  # noqa: E731
    marked = refs()
    assert marked > 0
    persons, _ = _take_over(out, '<idno type="VIAF">152436690</idno><idno type="Uri">https://viaf.org/viaf/1</idno>')
    edited = persons.read_bytes()
    result = invoke("convert", seeds, "-o", out, "--force")
    assert result.exit_code == 0, result.stderr
    assert "dropped" not in result.stderr and "warning" not in result.stderr, result.stderr
    assert refs() == marked
    entry = etree.parse(str(out / "b02.xml")).xpath("//t:person[@xml:id='pers-sung2-a-chau6']", namespaces=NS)[0]
    assert [(i.get("type"), i.text) for i in entry.iterfind("t:idno", NS)] == [
        ("viaf", "152436690"), ("URI", "https://viaf.org/viaf/1")]
    assert persons.read_bytes() == edited
    assert invoke("validate", out).exit_code == 0


@pytest.mark.parametrize("idno", ['<idno type="VIAF ID">152436690</idno>', '<idno>152436690</idno>',
                                  '<idno type="viaf">15 24</idno>', '<idno type="viaf"/>'])
def test_an_authority_id_no_copy_can_carry_is_one_error_line_naming_the_entry(tmp_path, idno):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    out = tmp_path / "tei"
    assert invoke("convert", seeds, "-o", out).exit_code == 0
    persons, _ = _take_over(out, idno)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = invoke("convert", seeds, "-o", out, "--force")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {persons}: "), lines
    assert "entry pers-sung2-a-chau6" in lines[0] and "register-idno" in lines[0], lines
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("bad, problem", [
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson>", "not a corpus register: not well-formed"),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text/></TEI>", "standOff/listPerson is expected"),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson><person><persName>X Y</persName></person>"
     "</listPerson></standOff></TEI>", "a person entry needs an xml:id and a persName"),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><standOff><listPerson>"
     "<person xml:id='p'><persName>X Y</persName></person><person xml:id='p'><persName>Z</persName></person>"
     "</listPerson></standOff></TEI>", "ID p already defined"),
    ("<!DOCTYPE TEI [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><TEI/>", "DOCTYPE or entity declarations are refused"),
])
def test_a_malformed_register_file_is_one_error_line_and_nothing_is_written(tmp_path, bad, problem):
    seeds = make_corpus(tmp_path / "seeds", bad=False)
    out = tmp_path / "tei"
    (out / "register").mkdir(parents=True)
    persons = out / "register" / "persons.xml"
    persons.write_text(bad, encoding="utf-8")
    result = invoke("convert", seeds, "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {persons}: ") and problem in lines[0], lines
    assert sorted(p.name for p in out.rglob("*")) == ["persons.xml", "register"]
    assert persons.read_text(encoding="utf-8") == bad


def test_folder_commands_do_not_take_register_files_for_articles(batch, tmp_path):
    _, tei = batch
    articles = len(list(tei.glob("*.xml")))
    result = invoke("validate", tei)
    assert result.exit_code == 0, result.stdout
    assert f"{articles} files, {articles} valid" in result.stdout + result.stderr
    result = invoke("render", tei, "-f", "txt", "-o", tmp_path / "txt")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.stem for p in (tmp_path / "txt").glob("*.txt")) == sorted(p.stem for p in tei.glob("*.xml"))


# --- deposit, render: the register packaged, checked and shown ---------------------------

def deposit(*args):
    return invoke("deposit", *args)


def test_deposit_packages_the_register_and_verify_checks_it(tmp_path, batch):
    import bagit

    seeds, tei = batch
    package = tmp_path / "pkg"
    made = deposit("make", tei, "-o", package, "--format", "dir", "--sources", seeds, "--bagging-date", "2024-01-01")
    assert made.exit_code == 0, made.stderr
    for name in FILES:  # byte for byte, where the articles' @sameAs links find it
        assert (package / "data" / "tei" / "register" / name).read_bytes() == (tei / "register" / name).read_bytes()
    assert "the corpus register (data/tei/register/)" in (package / "bag-info.txt").read_text(encoding="utf-8")
    assert deposit("verify", package).exit_code == 0
    # a forger removes an entry and recomputes every manifest: fixity cannot see it, the links can
    persons = package / "data" / "tei" / "register" / "persons.xml"
    lines = persons.read_text(encoding="utf-8").splitlines(keepends=True)
    gone = next(line for line in lines if 'xml:id="pers-sung2-a-chau6"' in line)
    persons.write_text("".join(line for line in lines if line != gone), encoding="utf-8")
    bagit.Bag(str(package)).save(manifests=True)
    result = deposit("verify", package)
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    dangling = "@sameAs=\"register/persons.xml#pers-sung2-a-chau6\" names no entry of the packaged corpus register"
    assert sorted(problems) == [f"error: {package}: data/tei/a01.xml: {dangling}",
                                f"error: {package}: data/tei/b02.xml: {dangling}"]
    persons.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    bagit.Bag(str(package)).save(manifests=True)
    result = deposit("verify", package)
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {package}: data/tei/register/persons.xml: not a corpus register: a TEI document with "
        "standOff/listPerson is expected (found TEI)"]


def test_deposit_make_refuses_an_article_whose_entry_the_register_lacks(tmp_path, batch):
    seeds, tei = batch
    copy = tmp_path / "tei"
    shutil.copytree(tei, copy)
    persons = copy / "register" / "persons.xml"
    lines = persons.read_text(encoding="utf-8").splitlines(keepends=True)
    persons.write_text("".join(line for line in lines if 'xml:id="pers-sung2-a-chau6"' not in line), encoding="utf-8")
    result = deposit("make", copy, "-o", tmp_path / "pkg", "--format", "dir", "--bagging-date", "2024-01-01")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'error: {copy / "a01.xml"}: @sameAs="register/persons.xml#pers-sung2-a-chau6" names no entry of the '
        f"corpus register beside it ({copy / 'register'}): convert it again with its register"]
    assert not (tmp_path / "pkg").exists()


def test_deposit_make_refuses_two_registers(tmp_path, batch):
    _, tei = batch
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(tei / "b02.xml", other)
    (other / "register").mkdir()
    (other / "register" / "persons.xml").write_bytes((tei / "register" / "persons.xml").read_bytes().replace(
        b"Jay Idzes", b"Jay Idzes Jr"))
    result = deposit("make", tei / "a01.xml", other / "b02.xml", "-o", tmp_path / "pkg", "--format", "dir")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {other / 'register'}: the TEI files come from two corpus registers ({tei / 'register'} and "
        f"{other / 'register'}): package one corpus at a time"]


def test_the_site_names_entries_as_the_register_does(tmp_path, batch):
    _, tei = batch
    copy = tmp_path / "tei"
    shutil.copytree(tei, copy)
    places = copy / "register" / "places.xml"
    teikits = '<place xml:id="place-ha2-noi65" resp="#teikit"><placeName>Hà Nội</placeName>'
    text = places.read_text(encoding="utf-8")
    assert teikits in text
    places.write_text(text.replace(teikits, '<place xml:id="place-ha2-noi65"><placeName>Hà Nội</placeName>'
                                            '<placeName type="variant">Thủ đô</placeName>'
                                            '<idno type="URI">https://www.geonames.org/1581130</idno>'), encoding="utf-8")
    result = invoke("render", copy, "-o", tmp_path / "html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "html" / "registers" / "places" / "place-ha2-noi65.html").read_text(encoding="utf-8")
    assert "Thủ đô" in page and 'href="https://www.geonames.org/1581130"' in page
    # a register that cannot be read: one warning, the articles' own entries serve
    places.write_text("<TEI", encoding="utf-8")
    result = invoke("render", copy, "-o", tmp_path / "html2")
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and warned[0].startswith(f"warning: {places}: not a corpus register: not well-formed")
    assert warned[0].endswith("; the site's registers use the articles' own entries")
    assert "geonames" not in (tmp_path / "html2" / "registers" / "places" / "place-ha2-noi65.html").read_text(encoding="utf-8")


UK = "Đoàn Anh thăm Hà Nội\n\n01/07/2024\nNgày 1/7/2024, đoàn đại biểu Anh đã đến Hà Nội.\n\nThu Hà\n"
NEIGHBOURS = ("Người dân Đà Nẵng chuẩn bị đón bão\n\n15/07/2024\nNgày 15/7/2024, người dân thành phố Đà Nẵng đã "
              "chằng chống nhà cửa để đón bão.\n\n{}\n\nThu Hà\n")


@pytest.mark.parametrize("text", [
    # the word is written lower-case in the article too
    "Anh Nguyễn Văn Tuấn, một người dân, cho biết anh đã chuẩn bị đủ lương thực. Anh em trong xóm cùng giúp nhau.",
    # it is a common word (gazetteers/function_words.tsv), capitalised only at a sentence's start
    "Ông Nguyễn Văn Tuấn, một người dân, đã chuẩn bị đủ lương thực. Anh em trong xóm cùng giúp nhau.",
])
def test_a_one_word_register_name_that_is_a_common_word_is_not_marked_on_its_own_elsewhere(tmp_path, text):
    """The register holds "Vương quốc Anh" with its variant "Anh" (an article's own rules found
    the country there); in another article "Anh" (a pronoun, "Anh em") is no place."""
    out = tmp_path / "tei"
    (tmp_path / "uk.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "bao.txt").write_text(NEIGHBOURS.format(text), encoding="utf-8")
    assert invoke("convert", tmp_path / "uk.txt", "-o", out, "--jobs", "1").exit_code == 0
    places = (out / "register" / "places.xml").read_text(encoding="utf-8")
    assert '<placeName type="variant">Anh</placeName>' in places
    assert '>Anh</placeName>' in (out / "uk.txt".replace(".txt", ".xml")).read_text(encoding="utf-8")
    assert invoke("convert", tmp_path / "bao.txt", "-o", out, "--jobs", "1").exit_code == 0
    tei = (out / "bao.xml").read_text(encoding="utf-8")
    assert "vuong77-quoc61-anh" not in tei and ">Anh</placeName>" not in tei, tei
    assert ">Đà Nẵng</placeName>" in tei


def test_the_registers_beside_tei_files_are_each_folder_looked_at_once(tmp_path, monkeypatch):
    # One function for build, render and deposit: a TEI file's sibling register/, when it holds a
    # register file, each once; a folder of many files is not looked at once per file.
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "register").mkdir()
    (tmp_path / "a" / "register" / KINDS[PERSON].file).write_text("<listPerson/>", encoding="utf-8")
    (tmp_path / "c" / "register").mkdir()  # a register folder with no register file in it
    tei = [tmp_path / folder / f"{n}.xml" for folder in "abc" for n in range(20)]
    looked = []
    real = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda self: looked.append(self.parent) or real(self))
    assert registers_beside(tei) == [tmp_path / "a" / "register"]
    assert sorted(set(looked)) == [tmp_path / folder / "register" for folder in "abc"]
    assert len(looked) <= 3 * len(KINDS)
