"""A package carries each article's sidecar (NAME.meta.json: the title, date, author, URL,
publisher and licence its TEI took from it) beside its source in data/sources/, byte for byte,
named as convert looks for it beside the packaged source, listed in the manifests and in the
validation report; verify takes it as part of its source, never as a source of no TEI.
"""

from __future__ import annotations

import json
import shutil

import bagit

from teikit.convert import convert_paths
from teikit.deposit import make_package, verify_package
from teikit.xmlsafe import parse_file

from test_deposit import corpus, tree_listing, with_sources

SIDECAR = '{"title": "Tiêu đề từ tệp kèm", "licence": "CC BY-SA 4.0", "date": "2022-03-04"}\n'


def _report(bag):
    return {entry["file"]: entry for entry in
            json.loads((bag / "data/metadata/validation-report.json").read_text(encoding="utf-8"))["files"]}


def test_a_sidecar_is_packaged_beside_its_source_and_in_the_manifests(tmp_path):
    src = corpus(tmp_path / "in")
    (src / "art-one.meta.json").write_text(SIDECAR, encoding="utf-8")
    bag = tmp_path / "bag"
    result = make_package([src], bag, with_sources(src))
    assert tree_listing(bag / "data" / "sources") == ["art-one.meta.json", "art-one.txt", "art-two.txt"]
    assert (bag / "data/sources/art-one.meta.json").read_bytes() == (src / "art-one.meta.json").read_bytes()
    manifest = (bag / "manifest-sha256.txt").read_text(encoding="utf-8")
    assert "  data/sources/art-one.meta.json\n" in manifest or " data/sources/art-one.meta.json\n" in manifest
    report = _report(bag)
    assert report["data/tei/art-one.xml"]["sidecar_file"] == "data/sources/art-one.meta.json"
    assert report["data/tei/art-two.xml"]["sidecar_file"] is None
    assert result.source_files == 2
    assert bagit.Bag(str(bag)).validate()
    verified = verify_package(bag)
    assert verified.ok, verified.problems


def test_without_a_sidecar_nothing_more_is_packaged(tmp_path):
    src = corpus(tmp_path / "in")
    bag = tmp_path / "bag"
    make_package([src], bag, with_sources(src))
    assert tree_listing(bag / "data" / "sources") == ["art-one.txt", "art-two.txt"]
    assert {entry["sidecar_file"] for entry in _report(bag).values()} == {None}


def test_the_packaged_sources_convert_again_with_their_sidecar(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bai.txt").write_text("Dòng đầu tiên của bài\n\nHội nghị diễn ra tại Hà Nội hôm qua.\n", encoding="utf-8")
    (src / "bai.meta.json").write_text(SIDECAR, encoding="utf-8")
    tei = tmp_path / "tei"
    assert convert_paths([src], tei).ok
    bag = tmp_path / "bag"
    make_package([tei], bag, with_sources(src))
    again = tmp_path / "again"
    assert convert_paths([bag / "data" / "sources"], again).ok
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    for made in (tei / "bai.xml", again / "bai.xml"):
        header = parse_file(made).getroot()
        assert header.xpath("string(//t:titleStmt/t:title[1])", namespaces=ns) == "Tiêu đề từ tệp kèm"
        assert header.xpath("string(//t:sourceDesc/t:bibl/t:date/@when)", namespaces=ns) == "2022-03-04"


def test_a_sidecar_never_takes_the_name_of_another_sources_stem(tmp_path):
    # Two sources of one stem (art-one.txt with a sidecar, art-one.html without, from other folders):
    # the second is named apart, so that converting data/sources/ gives each its own metadata.
    src = corpus(tmp_path / "in")
    (src / "art-one.meta.json").write_text(SIDECAR, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    shutil.move(src / "art-two.txt", other / "art-one.html")
    two = (src / "art-two.xml").read_text(encoding="utf-8")
    (src / "art-two.xml").write_text(two.replace('<idno type="filename">art-two.txt</idno>',
                                                 '<idno type="filename">art-one.html</idno>'), encoding="utf-8")
    bag = tmp_path / "bag"
    make_package([src], bag, with_sources(src, sources=(src, other)))
    assert tree_listing(bag / "data" / "sources") == ["art-one-2.html", "art-one.meta.json", "art-one.txt"]
    assert verify_package(bag).ok


def test_verify_names_a_sidecar_whose_source_is_not_packaged(tmp_path):
    src = corpus(tmp_path / "in")
    bag = tmp_path / "bag"
    make_package([src], bag, with_sources(src))
    (bag / "data/sources/stray.meta.json").write_text(SIDECAR, encoding="utf-8")
    bagit.Bag(str(bag)).save(manifests=True)  # the manifests list it: fixity passes, the sources check does not
    verified = verify_package(bag)
    assert not verified.ok
    assert [p.message for p in verified.problems if "stray" in (p.path or "")] == [
        "packaged source of no TEI file (data/metadata/metadata.csv links none to it)"]


def test_sources_whose_safe_names_collide_are_named_as_their_tei_is(tmp_path):
    # "Ha Noi 1.txt" and "Hà Nội #1?.txt" both make Ha-Noi-1: the TEI Ha-Noi-1-2.xml (of the second) was
    # packaged beside sources/Ha-Noi-1.txt (the first's) and the first's sidecar: a name paired them crosswise.
    src = tmp_path / "in"
    src.mkdir()
    for name, city in (("Ha Noi 1", "Hải Phòng"), ("Hà Nội #1?", "Đà Nẵng")):
        (src / f"{name}.txt").write_text(f"Tin từ {city}\n\nHội nghị diễn ra tại {city} hôm qua.\n", encoding="utf-8")
        (src / f"{name}.meta.json").write_text(json.dumps({"title": f"Tin {city}"}, ensure_ascii=False), encoding="utf-8")
    tei = tmp_path / "tei"
    assert convert_paths([src], tei).ok
    bag = tmp_path / "bag"
    make_package([tei], bag, with_sources(src))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    stems = sorted(p.stem for p in (bag / "data" / "tei").glob("*.xml"))
    assert stems == ["Ha-Noi-1", "Ha-Noi-1-2"]
    for stem in stems:
        header = parse_file(bag / "data" / "tei" / f"{stem}.xml").getroot()
        source = (bag / "data" / "sources" / f"{stem}.txt").read_text(encoding="utf-8")
        sidecar = json.loads((bag / "data" / "sources" / f"{stem}.meta.json").read_text(encoding="utf-8"))
        title = header.xpath("string(//t:titleStmt/t:title[1])", namespaces=ns)
        assert sidecar["title"] == title and source.startswith("Tin từ " + title.removeprefix("Tin "))
    assert verify_package(bag).ok
