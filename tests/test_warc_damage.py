"""A damaged web archive costs its damaged records, not the archive.

A record cut short, a Content-Length that does not match its content, a digest that does not
match, a damaged gzip member: that record is left out, reading resumes at the next record found
after it (the next whole gzip member, the next `WARC/1.x` line), every readable page is
converted, and the damage is one error line of the archive naming the first damaged record, its
place and its offset; convert exits 1 (a damaged first record, its warcinfo, too). An archive of
which no record can be read is no WARC file: one error line as before, nothing of it read. The survey and the pages read the
same records (the survey's count is what the progress bar and the record are told).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

import teikit.ingest.warc
import teikit.ingest.warcscan
from teikit.cli import app
from teikit.convert import convert_paths
from teikit.fsutil import TEMP_NAME
from teikit.ingest.warc import page_stem, pages, survey_warc
from test_warc_input import CRAWL, _id, write_warc

runner = CliRunner()
# CRAWL written: record 1 is the warcinfo, record n + 1 is CRAWL[n]
VNEXPRESS = page_stem(CRAWL[1][1], _id(2))  # record 3
BBC = page_stem(CRAWL[7][1], _id(8))        # record 9
SKIPPED = ("1 metadata record, 2 non-HTML responses, 1 page without article text, 1 redirect, 2 request records, "
           "1 response with another HTTP status, 1 warcinfo record")
NO_EMPTY_PAGE = SKIPPED.replace("1 page without article text, ", "")  # record 11, the page without text, lost
RESUMED = "skipped; the archive's other pages are converted"
LOST = "skipped; no record after it could be found; the pages before it are converted"
GZIP_CRC = "damaged gzip data: Error -3 while decompressing data: incorrect data check"
GZIP_HEADER = "damaged gzip data: Error -3 while decompressing data: incorrect header check"


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """The crawl, gzipped and not: (bytes, offset of each record)."""
    folder = tmp_path_factory.mktemp("crawl")
    made = {}
    for name in ("crawl.warc.gz", "crawl.warc"):
        path = write_warc(folder / name, CRAWL)
        made[name] = (path.read_bytes(), _offsets(path))
    return made


def _offsets(path: Path) -> list[int]:
    """Where each record of a whole archive begins (a gzipped one's: its gzip member)."""
    offsets = []
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        for _ in records:
            offsets.append(records.offset)
    return offsets


def _convert(archive: Path, out: Path):
    result = runner.invoke(app, ["convert", str(archive), "-o", str(out), "--jobs", "1"])
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    return result.exit_code, errors, result.stderr.splitlines()[-1]


def _written(out: Path) -> list[str]:
    """The TEI files in `out`; no file half-written is left beside them."""
    assert [p.name for p in out.rglob("*") if TEMP_NAME.match(p.name) or p.name.endswith((".tmp", ".staging"))] == []
    return sorted(p.stem for p in out.glob("*.xml"))


def _without_digests(data: bytes, start: int) -> bytes:
    """The archive with the digests of the record at `start` taken out of its header (warcio checks a
    digest before the Content-Length: without one, the Content-Length is what is checked)."""
    end = data.index(b"\r\n\r\n", start)
    header = re.sub(rb"WARC-(?:Block|Payload)-Digest: [^\r]*\r\n", b"", data[start:end])
    return data[:start] + header + data[end:]


def _content_length(data: bytes, start: int, change) -> bytes:
    """The archive with the Content-Length of the record at `start` changed by `change`."""
    at = data.index(b"Content-Length: ", start) + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    return data[:at] + str(change(int(data[at:end]))).encode() + data[end:]


def _member_crc_altered(data: bytes, start: int) -> bytes:
    """The archive with the CRC-32 of the gzip member at `start` altered (its data left whole)."""
    end = len(data) - len(_member_rest(data, start))
    crc = end - 8
    return data[:crc] + bytes([data[crc] ^ 0xFF]) + data[crc + 1:]


def damaged_crawl(tmp_path: Path, damage) -> tuple[Path, Path, Path, list[int]]:
    """The crawl gzipped, whole in tmp_path/scratch, and damaged by `damage(data, offsets)` as
    tmp_path/src/crawl.warc.gz: (src, the damaged archive, the whole one, its records' offsets)."""
    src, scratch = tmp_path / "src", tmp_path / "scratch"
    src.mkdir(), scratch.mkdir()
    whole = write_warc(scratch / "crawl.warc.gz", CRAWL)
    offsets = _offsets(whole)
    archive = src / "crawl.warc.gz"
    archive.write_bytes(damage(whole.read_bytes(), offsets))
    return src, archive, whole, offsets


def _member_rest(data: bytes, start: int) -> bytes:
    member = zlib.decompressobj(wbits=31)
    member.decompress(data[start:])
    return member.unused_data


def test_a_truncated_last_record_costs_that_record_only(archives, tmp_path):
    for name, problem in (("crawl.warc", "truncated: its last record ends before its Content-Length"),
                          ("crawl.warc.gz", "truncated: its last gzip member ends early")):
        data, offsets = archives[name]
        bad = tmp_path / name
        bad.write_bytes(data[:-30])  # a crawl killed while it wrote its last record
        out = tmp_path / f"out-{name}"
        assert _convert(bad, out) == (
            1, [f"error: {bad}: record 11 (offset {offsets[10]}) is damaged ({problem}): {LOST}"],
            f"2 of 3 converted into {out}; skipped: {NO_EMPTY_PAGE}")
        assert _written(out) == sorted([VNEXPRESS, BBC])


@pytest.mark.parametrize("damage, problem", [
    (_member_crc_altered, GZIP_CRC),
    (lambda data, start: data[:start] + b"\x00\x00" + data[start + 2:], GZIP_HEADER),  # its gzip header
])
def test_a_damaged_gzip_member_in_the_middle_costs_its_record_only(archives, tmp_path, damage, problem):
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(damage(data, offsets[2]))  # record 3, the first page
    out = tmp_path / "out"
    assert _convert(bad, out) == (1, [f"error: {bad}: record 3 (offset {offsets[2]}) is damaged ({problem}): {RESUMED}"],
                                  f"1 of 2 converted into {out}; skipped: {SKIPPED}")
    assert _written(out) == [BBC]


def test_reading_resumes_at_the_next_gzip_member_found_past_damaged_bytes(archives, tmp_path):
    # The damaged member is not whole: no end of it says where the next begins; it is searched for.
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    middle = (offsets[2] + offsets[3]) // 2
    bad.write_bytes(data[:middle] + bytes(64) + data[middle + 64:])
    out = tmp_path / "out"
    code, (error,), summary = _convert(bad, out)
    assert code == 1 and summary == f"1 of 2 converted into {out}; skipped: {SKIPPED}"
    assert error.startswith(f"error: {bad}: record 3 (offset {offsets[2]}) is damaged (damaged gzip data: ")
    assert error.endswith(f"): {RESUMED}")
    assert _written(out) == [BBC]


@pytest.mark.parametrize("change", [lambda n: n - 10, lambda n: n + 10, lambda n: n + 10**6],
                         ids=["shorter", "longer", "past-the-end"])
def test_a_content_length_that_does_not_match_in_the_middle_costs_that_record_only(archives, tmp_path, change):
    data, offsets = archives["crawl.warc"]
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(_content_length(_without_digests(data, offsets[8]), offsets[8], change))  # record 9, the BBC page
    out = tmp_path / "out"
    assert _convert(bad, out) == (
        1, [f"error: {bad}: record 9 (offset {offsets[8]}) is damaged (a record's Content-Length does not match "
            f"its content): {RESUMED}"],
        f"1 of 2 converted into {out}; skipped: {SKIPPED}")
    assert _written(out) == [VNEXPRESS]


def test_a_digest_that_does_not_match_costs_that_record_only(archives, tmp_path):
    # checked as the page's payload is read to its end, which was once outside the guard: an internal error
    data, offsets = archives["crawl.warc"]
    bad = tmp_path / "altered.warc"
    bad.write_bytes(data.replace(b"Volunteers pull two tonnes", b"Volunteers pull six tonnes", 1))
    report = convert_paths([bad], tmp_path / "out")
    (failure,) = report.failures
    assert re.fullmatch(re.escape(f"{bad}: record 9 (offset {offsets[8]}) is damaged (block digest failed: sha1:")
                        + "[A-Z2-7]{32}" + re.escape(f"): {RESUMED}"), failure.message)
    assert [p.stem for p in report.written] == [VNEXPRESS]


@pytest.mark.parametrize("into", [10, 45])
def test_a_record_header_cut_short_ends_the_reading_there(archives, tmp_path, into):
    data, offsets = archives["crawl.warc"]
    bad = tmp_path / "cut.warc"
    bad.write_bytes(data[:offsets[2] + into])  # inside record 3's header: no page before it
    report = convert_paths([bad], tmp_path / "out")
    assert [f.message for f in report.failures] == [
        f"{bad}: record 3 (offset {offsets[2]}) is damaged (truncated: a record's header ends before its "
        f"Content-Length): {LOST}"]
    assert not report.written and report.skipped == {"warcinfo record": 1, "request record": 1}


def test_every_damaged_record_is_counted_in_the_one_line(archives, tmp_path):
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    damaged = _member_crc_altered(_member_crc_altered(data, offsets[2]), offsets[5])
    bad.write_bytes(damaged[:-30])
    out = tmp_path / "out"
    code, errors, _ = _convert(bad, out)
    assert (code, errors) == (1, [f"error: {bad}: record 3 (offset {offsets[2]}) is damaged ({GZIP_CRC}), and 2 more "
                                  "records after it: skipped; no record after the last could be found; the other "
                                  "pages are converted"])
    assert _written(out) == [BBC]


@pytest.mark.parametrize("make, problem", [
    (lambda data, offsets: b"this is not a web archive at all\n" * 20,
     "it does not open with a WARC/1.0 or WARC/1.1 record"),
    (lambda data, offsets: b"", "no WARC record in it"),
    (lambda data, offsets: data[:offsets[1] // 2], "truncated: its last gzip member ends early"),
    (lambda data, offsets: _member_crc_altered(data, 0)[:offsets[1]], GZIP_CRC),  # its only record
])
def test_an_archive_of_which_no_record_can_be_read_is_one_error_line(archives, tmp_path, make, problem):
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(make(data, offsets))
    result = runner.invoke(app, ["convert", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {bad}: not a readable WARC file ({problem})",
                                          f"0 of 1 converted into {tmp_path / 'out'}"]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.xml"))


def test_the_search_for_the_next_record_is_bounded(archives, tmp_path, monkeypatch):
    # Places that look like a gzip member and are not, between the damaged member and the next.
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    damaged = data[:offsets[2]] + b"\x00\x00" + data[offsets[2] + 2:offsets[3]]
    bad.write_bytes(damaged + b"\x1f\x8b\x08\x00" * 3 + data[offsets[3]:])
    found = convert_paths([bad], tmp_path / "found")
    assert [p.stem for p in found.written] == [BBC]
    monkeypatch.setattr(teikit.ingest.warcscan, "MAX_CANDIDATES", 3)  # the three false ones, then no more
    report = convert_paths([bad], tmp_path / "out")
    assert [f.message for f in report.failures] == [
        f"{bad}: record 3 (offset {offsets[2]}) is damaged ({GZIP_HEADER}): {LOST}"]
    assert not report.written


def test_a_page_read_past_the_damage_is_still_bounded_in_size(archives, tmp_path, monkeypatch):
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(_member_crc_altered(data, offsets[2]))
    monkeypatch.setattr(teikit.ingest.warc, "MAX_PAGE_BYTES", len(CRAWL[7][4]) - 1)  # the BBC page, one byte over
    report = convert_paths([bad], tmp_path / "out")
    assert [f.message for f in report.failures] == [
        f"{bad}: record 3 (offset {offsets[2]}) is damaged ({GZIP_CRC}): {RESUMED}"]
    assert not report.written and report.skipped["page too large"] == 1


@pytest.mark.parametrize("name, damage", [
    ("crawl.warc.gz", lambda data, offsets: data[:-30]),
    ("crawl.warc.gz", lambda data, offsets: _member_crc_altered(data, offsets[2])),
    ("crawl.warc.gz", lambda data, offsets: data[:offsets[4]] + bytes(40) + data[offsets[4] + 40:]),
    ("crawl.warc", lambda data, offsets: _content_length(_without_digests(data, offsets[8]), offsets[8], lambda n: n + 10)),
    ("crawl.warc", lambda data, offsets: data[:offsets[8] + 600]),
])
def test_the_survey_counts_the_pages_that_are_read(archives, tmp_path, name, damage):
    data, offsets = archives[name]
    bad = tmp_path / name
    bad.write_bytes(damage(data, offsets))
    survey = survey_warc(bad)
    assert survey.damage is not None
    assert survey.pages == len(list(pages(bad, survey)))


def test_an_archive_without_damage_has_no_failure_line(archives, tmp_path):
    for name, (data, _) in archives.items():
        whole = tmp_path / name
        whole.write_bytes(data)
        survey = survey_warc(whole)
        assert (survey.damage, teikit.ingest.warc.damage_failure(whole, survey), survey.pages) == (None, None, 3)


def test_a_page_the_damage_lost_keeps_its_tei_from_before_in_a_build(archives, tmp_path):
    # build removes the TEI files no source makes any more; the lost page's may be one again once repaired
    from teikit.cli.build import stale_tei

    data, offsets = archives["crawl.warc.gz"]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    archive = seeds / "crawl.warc.gz"
    archive.write_bytes(data)
    tei = tmp_path / "tei"
    assert convert_paths([seeds], tei).ok
    archive.write_bytes(_member_crc_altered(data, offsets[8]))  # the BBC page's record
    report = convert_paths([seeds], tei)
    assert [p.stem for p in report.refreshed] == [VNEXPRESS] and len(report.failures) == 1  # re-headed
    assert _written(tei) == sorted([VNEXPRESS, BBC])
    assert stale_tei(seeds, tei, report) == []


def test_two_workers_read_a_damaged_archive_as_one_does(archives, tmp_path):
    # the pool is told the survey's count of pages beforehand: pages() must yield that many
    data, offsets = archives["crawl.warc.gz"]
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(_member_crc_altered(data, offsets[2])[:-30])
    one, two = convert_paths([bad], tmp_path / "one"), convert_paths([bad], tmp_path / "two", jobs=2)
    assert [f.message for f in one.failures] == [f.message for f in two.failures] and len(one.failures) == 1
    assert _written(tmp_path / "one") == _written(tmp_path / "two") == [BBC]
    assert {p.name: p.read_bytes() for p in (tmp_path / "one").glob("*.xml")} == {
        p.name: p.read_bytes() for p in (tmp_path / "two").glob("*.xml")}


NOT_CHUNKED = ("not a readable WARC file (a gzip member holds more than one record: gzipped as one stream? "
               "`warcio recompress` makes it one record a member, as WARC writers write it)")


def _one_member(data: bytes) -> bytes:
    """Records (uncompressed WARC bytes) gzipped as one member."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize("make", [
    lambda gz, plain: _one_member(plain),  # the whole archive gzipped as one stream (`gzip crawl.warc`)
    lambda gz, plain: gz + _one_member(plain[plain.index(b"WARC/1.", 10):]),  # members, then one of several records
], ids=["one-stream", "after-members"])
def test_a_gzip_member_of_several_records_is_the_archives_error_and_never_read_past(archives, tmp_path, make):
    # Inside such a member warcio's offsets say nothing of where a record begins: reading "past"
    # one went back to an earlier member, again and again (a convert that never ended), or seeked
    # before the file's start ("cannot read: Invalid argument").
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(make(archives["crawl.warc.gz"][0], archives["crawl.warc"][0]))
    code, errors, _ = _convert(bad, tmp_path / "out")
    assert (code, errors) == (1, [f"error: {bad}: {NOT_CHUNKED}"])


def test_a_record_line_inside_a_damaged_records_payload_is_no_record(archives, tmp_path):
    # A record whose digest fails was read whole: the next record is past its Content-Length, not
    # at a "WARC/1.0" line of its payload (an archive stored inside it), which was once read as a page.
    inner = write_warc(tmp_path / "inner.warc", [CRAWL[7]]).read_bytes()
    outer = write_warc(tmp_path / "outer.warc", [("response", "https://files.example/crawl.warc", "200 OK",
                                                  "application/warc", b"Header line\n" + inner), CRAWL[1]])
    data = outer.read_bytes()
    start = data.index(b"WARC/1.", 10)  # record 2, the stored archive
    bad = tmp_path / "stored.warc"
    bad.write_bytes(data.replace(b"Header line", b"HEADER line", 1))  # its digest fails
    report = convert_paths([bad], tmp_path / "out")
    assert re.fullmatch(re.escape(f"{bad}: record 2 (offset {start}) is damaged (block digest failed: sha1:")
                        + "[A-Z2-7]{32}" + re.escape(f"): {RESUMED}"), report.failures[0].message)
    assert [p.stem for p in report.written] == [page_stem(CRAWL[1][1], _id(2))]  # the page after it, not the stored one


@pytest.mark.parametrize("name", ["flood.warc", "flood.warc.gz"])
def test_reading_past_damaged_records_ends_after_a_hundred(archives, tmp_path, name):
    # Each damaged record costs a search for the next: an archive of damaged records only (hostile
    # input) was read to its end, a search each, the gzip members' damage all held in memory.
    plain = b"WARC/1.0\r\nWARC-Type: resource\r\n\r\n"  # no Content-Length: a header cut short
    member = archives["crawl.warc.gz"][0][:archives["crawl.warc.gz"][1][1]]  # the warcinfo, a whole member
    damaged = _one_member(plain)[:-6]  # a member cut short
    head = archives["crawl.warc"][0][:archives["crawl.warc"][1][1]] if name == "flood.warc" else member
    bad = tmp_path / name
    bad.write_bytes(head + (plain if name == "flood.warc" else damaged) * 150 + (
        archives["crawl.warc"][0][archives["crawl.warc"][1][1]:] if name == "flood.warc"
        else archives["crawl.warc.gz"][0][archives["crawl.warc.gz"][1][1]:]))  # the crawl's pages after them
    survey = survey_warc(bad)
    assert (survey.damage_count, survey.pages, survey.stopped) == (teikit.ingest.warc.MAX_DAMAGED, 0, True)
    report = convert_paths([bad], tmp_path / "out")
    (failure,) = report.failures
    assert failure.message.endswith(f", and {teikit.ingest.warc.MAX_DAMAGED - 1} more records after it: skipped; after "
                                    f"{teikit.ingest.warc.MAX_DAMAGED} damaged records the rest of the archive is not "
                                    "read; the other pages are converted")
    assert failure.message.startswith(f"{bad}: record 2 (offset {len(head)}) is damaged (")
    assert not report.written


def test_an_archive_changed_between_its_survey_and_its_pages_is_said(archives, tmp_path):
    data, offsets = archives["crawl.warc.gz"]
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(data)
    survey = survey_warc(archive)
    archive.write_bytes(_member_crc_altered(data, offsets[2]))  # a page's member damaged since
    read, stems = pages(archive, survey), []
    with pytest.raises(teikit.ingest.warc.IngestError) as caught:
        for page in read:
            stems.append(page.stem)
    assert stems[0] == BBC and len(stems) == survey.pages - 1  # the damaged page's record left out
    assert str(caught.value) == (f"{archive}: changed while it was read ({survey.pages - 1} pages and 1 damaged "
                                 f"records now, {survey.pages} and 0 before): convert it again")


def test_a_record_that_lost_bytes_costs_itself_not_the_records_after_it(tmp_path):
    # Its digest fails and its Content-Length is the old one: reading past it from there (more
    # bytes lost than its header holds) went past the next record too, silently (the line said
    # the other pages were converted).
    data = write_warc(tmp_path / "two.warc", [CRAWL[1], CRAWL[7]]).read_bytes()  # two pages, records 2 and 3
    second = data.index(b"WARC/1.", 10)
    middle = (second + data.index(b"WARC/1.", second + 10)) // 2
    bad = tmp_path / "lost.warc"
    bad.write_bytes(data[:middle] + data[middle + 1500:])  # 1,500 bytes of the first page lost
    report = convert_paths([bad], tmp_path / "out")
    assert re.fullmatch(re.escape(f"{bad}: record 2 (offset {second}) is damaged (block digest failed: sha1:")
                        + "[A-Z2-7]{32}" + re.escape(f"): {RESUMED}"), report.failures[0].message)
    assert [p.stem for p in report.written] == [page_stem(CRAWL[7][1], _id(2))]


def test_a_record_line_inside_the_last_records_payload_is_no_record(tmp_path):
    # The stored record is shorter than the damaged record's header (a long target URI): past
    # the damaged record's Content-Length alone from its start, it was read as a page.
    inner = write_warc(tmp_path / "inner.warc", [CRAWL[9]]).read_bytes()
    outer = write_warc(tmp_path / "outer.warc", [("response", "https://files.example/" + "x" * 2000 + ".warc", "200 OK",
                                                  "application/warc", b"Header line\n" + inner)])
    bad = tmp_path / "stored.warc"
    bad.write_bytes(outer.read_bytes().replace(b"Header line", b"HEADER line", 1))  # its digest fails
    survey = survey_warc(bad)
    assert (survey.pages, survey.damage_count, survey.resumed) == (0, 1, False)
    assert list(pages(bad, survey)) == []


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_damaged_first_record_costs_itself_not_the_archive(archives, tmp_path, name):
    # Its warcinfo damaged, the whole archive was refused: "not a readable WARC file".
    data, offsets = archives[name]
    bad = tmp_path / name
    if name.endswith(".gz"):
        bad.write_bytes(_member_crc_altered(data, 0))
        problem = re.escape(GZIP_CRC)
    else:
        bad.write_bytes(data.replace(b'software: tests', b'software: TESTS', 1))  # its block digest fails
        problem = re.escape("block digest failed: sha1:") + "[A-Z2-7]{32}"
    report = convert_paths([bad], tmp_path / "out")
    (failure,) = report.failures
    assert re.fullmatch(re.escape(f"{bad}: record 1 (offset 0) is damaged (") + problem + re.escape(f"): {RESUMED}"),
                        failure.message), failure.message
    assert sorted(p.stem for p in report.written) == sorted([VNEXPRESS, BBC])


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_zero_bytes_after_the_last_record_are_padding_not_damage(archives, tmp_path, name):
    """Block-aligned storage pads a file with zero bytes: the archive reads as it would without them."""
    data, _ = archives[name]
    padded = tmp_path / name
    padded.write_bytes(data + b"\0" * 4096)
    survey = survey_warc(padded)
    assert (survey.damage, teikit.ingest.warc.damage_failure(padded, survey), survey.pages) == (None, None, 3)
    code, errors, last = _convert(padded, tmp_path / "out")
    assert (code, errors) == (0, [])
    assert _written(tmp_path / "out") == _written_whole(archives, name, tmp_path)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_bytes_after_zero_padding_are_damage_still(archives, tmp_path, name):
    data, offsets = archives[name]
    padded = tmp_path / name
    padded.write_bytes(data + b"\0" * 100 + b"junk" + b"\0" * 10)
    code, errors, _ = _convert(padded, tmp_path / "out")
    assert code == 1 and len(errors) == 1 and f"(offset {len(data)}) is damaged" in errors[0]


def _written_whole(archives, name: str, tmp_path: Path) -> list[str]:
    whole = tmp_path / "whole" / name
    whole.parent.mkdir()
    whole.write_bytes(archives[name][0])
    assert _convert(whole, tmp_path / "whole-out")[0] == 0
    return _written(tmp_path / "whole-out")
