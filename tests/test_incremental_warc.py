"""Incremental convert of web archives: a page is keyed by its own record, not by the archive.

Into a folder converted before, a page whose record is unchanged (its payload, capture and
name; the options, model, schema and teikit as for any article: test_incremental) is not
converted again. Its TEI names the archive's sha256 as its source's, so when the archive
changed around it (a page appended, another altered) that one string of its header is
brought up to date and nothing else is done; a page whose record changed, a new page, and
a page a new name of the corpus bears on are converted. The folder then holds what a
conversion from scratch writes (test_incremental.assert_as_from_scratch). A damaged archive's
readable pages are recorded as any page is: converted again, they are reused, and the damage
is said again.
"""

from __future__ import annotations

import hashlib

import pytest
from lxml import etree

import teikit.convertpasses
from teikit import convertrecord
from test_incremental import assert_as_from_scratch, convert, inodes, rewritten
from test_warc_damage import BBC, GZIP_CRC, VNEXPRESS, _member_crc_altered, damaged_crawl
from test_warc_input import CRAWL, write_warc

SKIPPED = ("; skipped: 1 metadata record, 2 non-HTML responses, 1 page without article text, 1 redirect, "
           "2 request records, 1 response with another HTTP status, 1 warcinfo record")


def _html(title: str, text: str) -> bytes:
    return (f"<html><head><title>{title}</title><meta property='article:published_time' content='2024-03-05'>"
            f"</head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>").encode("utf-8")


# a page whose names are written in neither page of CRAWL
ADDED = ("response", "https://a.vn/hoi-nghi.html", "200 OK", "text/html; charset=utf-8",
         _html("Hội nghị", "Bà Giàng Thị Mai đến Mường Khương dự hội nghị của tỉnh Lào Cai về phát triển "
                           "du lịch cộng đồng, cùng nhiều đại biểu các huyện vùng cao."))


@pytest.fixture
def read(monkeypatch) -> list[str]:
    """The pages and files recognised by pass one (the sources it read), as they are read."""
    seen: list[str] = []
    first_look = teikit.convertpasses.first_look

    def counting(source, *args):
        seen.append(source.name.split("#")[-1])
        return first_look(source, *args)

    monkeypatch.setattr(teikit.convertpasses, "first_look", counting)
    return seen


@pytest.fixture
def crawled(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    archive = write_warc(src / "crawl.warc.gz", CRAWL)
    out = tmp_path / "tei"
    first = convert(src, out)
    assert first.exit_code == 0, first.stderr
    assert first.stderr.splitlines()[-1] == f"2 of 2 converted into {out}{SKIPPED}"
    return archive, out


def test_an_archive_converted_again_unchanged_converts_nothing(crawled, tmp_path, read):
    archive, out = crawled
    before = inodes(out)
    result = convert(archive.parent, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"0 of 2 converted into {out}, 2 unchanged{SKIPPED}"
    assert read == [] and rewritten(before, out) == []
    assert_as_from_scratch(archive.parent, out, tmp_path)


def test_a_page_appended_to_the_archive_is_the_only_one_converted(crawled, tmp_path, read):
    archive, out = crawled
    before = {p.stem: p.read_bytes() for p in out.glob("*.xml")}
    old_sha = hashlib.sha256(archive.read_bytes()).hexdigest().encode()
    write_warc(archive, CRAWL + [ADDED])
    new_sha = hashlib.sha256(archive.read_bytes()).hexdigest().encode()
    result = convert(archive.parent, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (f"3 of 3 converted into {out} (2 unchanged pages given their "
                                              f"archive's new sha256){SKIPPED}")
    assert len(read) == 1 and read[0].startswith("a-vn-hoi-nghi-html-")
    # the pages already converted: their header names the archive's new bytes, and nothing else changed
    for stem, data in before.items():
        assert (out / f"{stem}.xml").read_bytes() == data.replace(old_sha, new_sha)
    assert_as_from_scratch(archive.parent, out, tmp_path)
    read.clear()
    assert convert(archive.parent, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged{SKIPPED}"
    assert read == []


def test_a_changed_page_is_converted_again_and_the_others_given_the_archives_sha256(crawled, tmp_path, read):
    archive, out = crawled
    changed = list(CRAWL)
    kind, uri, status, content_type, payload = changed[1]
    changed[1] = (kind, uri, status, content_type, payload.replace("cho biết".encode(), "đã cho biết".encode()))
    write_warc(archive, changed)
    result = convert(archive.parent, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (f"2 of 2 converted into {out} (1 unchanged page given its "
                                              f"archive's new sha256){SKIPPED}")
    assert len(read) == 1 and read[0].startswith("vnexpress-net-ha-noi-4720001-html-")
    assert_as_from_scratch(archive.parent, out, tmp_path)


def test_a_second_archive_beside_the_first_converts_its_pages_only(crawled, tmp_path, read):
    archive, out = crawled
    before = inodes(out)
    write_warc(archive.parent / "more.warc", [ADDED])
    result = convert(archive.parent, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"1 of 3 converted into {out}, 2 unchanged{SKIPPED}".replace(
        "1 warcinfo record", "2 warcinfo records")
    assert len(read) == 1 and rewritten(before, out) == [read[0]]
    assert_as_from_scratch(archive.parent, out, tmp_path)


def test_a_new_page_whose_name_bears_on_an_unchanged_page_converts_it_too(tmp_path, read):
    src = tmp_path / "src"
    src.mkdir()
    bare = ("response", "https://a.vn/ve-ban.html", "200 OK", "text/html; charset=utf-8",
            _html("Về bản", "Giàng Thị Mai về bản hôm qua, sau chuyến đi dài ngày ở miền xuôi cùng đoàn công tác "
                            "của tỉnh Lào Cai, và kể lại với bà con những điều đã thấy."))
    archive = write_warc(src / "crawl.warc", [bare])
    out = tmp_path / "tei"
    assert convert(src, out).exit_code == 0
    (stem,) = [p.stem for p in out.glob("*.xml")]
    assert "Giàng Thị Mai</persName>" not in (out / f"{stem}.xml").read_text(encoding="utf-8")
    write_warc(archive, [bare, ADDED])
    read.clear()
    result = convert(src, out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"2 of 2 converted into {out}; skipped: 1 warcinfo record"
    assert [name.split("-")[2] for name in read] == ["hoi"]  # pass one read the new page only
    assert ">Giàng Thị Mai</persName>" in (out / f"{stem}.xml").read_text(encoding="utf-8")
    assert_as_from_scratch(src, out, tmp_path)


def test_an_edited_page_in_a_changed_archive_is_judged_as_an_edited_file_is(crawled, tmp_path):
    archive, out = crawled
    edited = next(out.glob("www-bbc-*.xml"))
    text = edited.read_text(encoding="utf-8").replace("</body>", "<!-- checked --></body>")
    edited.write_text(text, encoding="utf-8")
    write_warc(archive, CRAWL + [ADDED])
    result = convert(archive.parent, out)
    assert result.exit_code == 0, result.stderr
    assert f"warning: {edited}: edited since teikit wrote it (1 comment); kept as it is" in result.stderr
    assert edited.read_text(encoding="utf-8") == text



def test_an_archive_repeating_its_records_then_given_a_page_converts_that_page(tmp_path):
    # The repeat of a reused page was refused its name but still counted among the pages pass two
    # spares: with every other page reused, the new page was never written and the run crashed (review).
    src, scratch = tmp_path / "src", tmp_path / "scratch"
    src.mkdir(), scratch.mkdir()
    once = write_warc(scratch / "once.warc", CRAWL).read_bytes()
    archive = src / "crawl.warc"
    archive.write_bytes(once + once)  # every record twice (one record id each): the repeats refused
    out = tmp_path / "tei"
    first = convert(src, out)
    assert first.exit_code == 1 and "Traceback" not in first.stderr
    # a page that names no one: no name enters the corpus, so no reused page is looked at again
    plain = ("response", "https://a.vn/thoi-tiet.html", "200 OK", "text/html; charset=utf-8",
             _html("Thời tiết", "trời nắng nóng kéo dài nhiều ngày, các vùng núi có mưa rào và dông vào chiều tối, "
                                "nhiệt độ cao nhất trong ngày ở mức ba mươi lăm độ."))
    archive.write_bytes(write_warc(scratch / "more.warc", CRAWL + [plain]).read_bytes() + once)
    result = convert(src, out)
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(list(out.glob("a-vn-thoi-tiet-html-*.xml"))) == 1
    assert_as_from_scratch(src, out, tmp_path, exit_code=1)


def test_the_source_sha256_the_record_finds_is_the_one_the_header_writes(crawled):
    # rehead finds and replaces the header's own form (encode.header.source_sha256), not a copy of it
    archive, out = crawled
    sha = hashlib.sha256(archive.read_bytes()).hexdigest()
    pages = sorted(out.glob("*.xml"))
    assert len(pages) == 2
    for page in pages:
        data = page.read_bytes()
        assert etree.fromstring(data).findtext("{*}teiHeader/{*}fileDesc/{*}sourceDesc/{*}bibl/{*}idno[@type='sha256']") == sha
        assert data.count(convertrecord.source_sha256(sha)) == 1


def test_a_damaged_archive_converted_again_reuses_its_pages_and_says_its_damage_again(tmp_path, read):
    # Its readable pages are recorded as any page is: the damage fails the archive, not their entries.
    src, archive, whole, offsets = damaged_crawl(  # record 9, the BBC page
        tmp_path, lambda data, offsets: _member_crc_altered(data, offsets[8]))
    out = tmp_path / "tei"
    damage = (f"error: {archive}: record 9 (offset {offsets[8]}) is damaged ({GZIP_CRC}): skipped; the archive's "
              "other pages are converted")
    first = convert(src, out)
    assert first.exit_code == 1 and damage in first.stderr.splitlines()
    assert first.stderr.splitlines()[-1] == f"1 of 2 converted into {out}{SKIPPED}"
    assert read == [VNEXPRESS]
    read.clear()
    again = convert(src, out)
    assert again.exit_code == 1, again.stderr
    assert [line for line in again.stderr.splitlines() if line.startswith("error: ")] == [damage]
    assert again.stderr.splitlines()[-1] == f"0 of 2 converted into {out}, 1 unchanged{SKIPPED}"
    assert read == []
    assert_as_from_scratch(src, out, tmp_path, exit_code=1)
    archive.write_bytes(whole.read_bytes())  # repaired: the page lost is converted, the other re-headed
    read.clear()
    repaired = convert(src, out)
    assert repaired.exit_code == 0, repaired.stderr
    assert repaired.stderr.splitlines()[-1] == (f"2 of 2 converted into {out} (1 unchanged page given its "
                                                f"archive's new sha256){SKIPPED}")
    assert read == [BBC]
    assert_as_from_scratch(src, out, tmp_path)
