"""Web archives (.warc, .warc.gz) as a source of convert: one TEI per HTML page captured with status
200, every other record skipped and counted, names stable, the capture in the header (a damaged
archive: test_warc_damage)."""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Sized
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import teikit.convertpasses
import teikit.ingest.warc
import teikit.parallel
from test_html_input import _windows_1258
from teikit.cli import app, common
from teikit.convert import convert_paths
from teikit.ingest.warc import page_stem
from teikit.names import XPATH_NS
from teikit.teitext import reading_text

HTML = Path(__file__).resolve().parent / "data" / "html"
runner = CliRunner()
DATE = "2024-03-06T01:02:03Z"


def _id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def write_warc(path: Path, records) -> Path:
    """records: (type, uri, status line or None, content type or None, payload bytes[, more HTTP headers])."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, (kind, uri, status, content_type, payload, *more) in enumerate(records, start=1):
            warc_headers = {"WARC-Record-ID": _id(n), "WARC-Date": DATE}
            http = None
            if kind == "response":
                headers = ([("Content-Type", content_type)] if content_type else []) + [h for m in more for h in m]
                http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            elif kind == "request":
                http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=warc_headers,
                warc_content_type="application/warc-fields" if kind == "metadata" else None))
    return path


def _page(name: str) -> bytes:
    return (HTML / name).read_bytes()


CRAWL = [
    ("request", "https://vnexpress.net/ha-noi-4720001.html", None, None, b""),
    ("response", "https://vnexpress.net/ha-noi-4720001.html", "200 OK", "text/html; charset=utf-8", _page("vnexpress_buyt_dien.html")),
    ("metadata", "https://vnexpress.net/ha-noi-4720001.html", None, None, b"outlink: https://vnexpress.net/\n"),
    ("response", "https://vnexpress.net/old-path", "301 Moved Permanently", "text/html", b""),
    ("response", "https://vnexpress.net/a.jpg", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0 not a real photo"),
    ("response", "https://vnexpress.net/app.js", "200 OK", "application/javascript", b"var x = 1;"),
    ("request", "https://www.bbc.co.uk/news/articles/c0river2024", None, None, b""),
    ("response", "https://www.bbc.co.uk/news/articles/c0river2024", "200 OK", "text/html", _page("bbc_river_cleanup.html")),
    ("response", "https://vnexpress.net/gone.html", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>"),
    ("response", "https://vnexpress.net/", "200 OK", "text/html", b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>"),
]
SUMMARY = ("2 of 2 converted into {out}; skipped: 1 metadata record, 2 non-HTML responses, 1 page without article text, "
           "1 redirect, 2 request records, 1 response with another HTTP status, 1 warcinfo record")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc")
    return write_warc(folder / "crawl.warc.gz", CRAWL)


@pytest.fixture(scope="module")
def converted(crawl, tmp_path_factory):
    out = tmp_path_factory.mktemp("tei")
    result = runner.invoke(app, ["convert", str(crawl), "-o", str(out)])
    return out, result


def test_one_tei_per_html_page_and_every_other_record_counted(converted):
    out, result = converted
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == SUMMARY.format(out=out)


def test_names_are_a_slug_of_the_uri_and_a_hash_of_the_record(converted):
    out, _ = converted
    expected = {"vnexpress-net-ha-noi-4720001-html-" + hashlib.sha1(_id(2).encode()).hexdigest()[:10] + ".xml",
                "www-bbc-co-uk-news-articles-c0river2024-" + hashlib.sha1(_id(8).encode()).hexdigest()[:10] + ".xml"}
    assert {p.name for p in out.glob("*.xml")} == expected
    assert page_stem("https://vnexpress.net/ha-noi-4720001.html", _id(2)) + ".xml" in expected


def test_a_percent_escaped_uri_is_named_as_the_words_it_spells():
    escaped = page_stem("https://vnexpress.net/tin-t%E1%BB%A9c/h%C3%A0-n%E1%BB%99i.html", _id(1))
    assert escaped == page_stem("https://vnexpress.net/tin-tức/hà-nội.html", _id(1))
    assert escaped.startswith("vnexpress-net-tin-tuc-ha-noi-html-")


def test_the_header_says_where_and_when_the_page_was_captured(converted, crawl):
    out, _ = converted
    root = etree.parse(str(next(out.glob("vnexpress-*.xml")))).getroot()

    def text(path):
        return str(root.xpath(f"string({path})", namespaces=XPATH_NS))

    source = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source']"
    capture = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='capture']"
    assert text(f"{capture}/tei:ref/@target") == text(f"{capture}/tei:ref") == "https://vnexpress.net/ha-noi-4720001.html"
    assert (text(f"{capture}/tei:date"), text(f"{capture}/tei:date/@when")) == (DATE, "2024-03-06")
    assert text(f"{capture}/tei:idno[@type='WARC-Record-ID']") == _id(2)
    assert text(f"{capture}/tei:idno[@type='WARC-Payload-Digest']").startswith("sha1:")
    # the publication, apart from the capture: the page's own date and canonical URL
    assert text(f"{source}/tei:date/@when") == "2024-03-05"
    assert text(f"{source}/tei:ref/@target") == "https://vnexpress.net/ha-noi-mo-them-tuyen-buyt-dien-4720001.html"
    # the source file is the archive: a deposit packages it once for all its pages
    assert text(f"{source}/tei:idno[@type='filename']") == "crawl.warc.gz"
    assert text(f"{source}/tei:idno[@type='sha256']") == hashlib.sha256(crawl.read_bytes()).hexdigest()
    assert "Sở Giao thông Vận tải Hà Nội cho biết" in reading_text(root)
    assert "Ý kiến bạn đọc" not in reading_text(root)


def test_every_page_of_an_archive_is_valid_tei_all(converted, assert_tei_all_valid):
    out, _ = converted
    for path in sorted(out.glob("*.xml")):
        assert_tei_all_valid(path)


def test_the_http_charset_decides_a_pages_encoding(tmp_path):
    page = "<html><head><title>Giá vé không đổi</title></head><body><article><h1>Giá vé không đổi</h1>" \
           "<p>Giá vé các tuyến buýt mới vẫn là bảy nghìn đồng một lượt, hành khách có thể dùng thẻ tháng.</p>" \
           "<p>Thành phố đặt mục tiêu toàn bộ xe buýt dùng năng lượng sạch vào năm 2030.</p></article></body></html>"
    encoded = _windows_1258(page)  # no declaration in the page: only the HTTP header says
    archive = write_warc(tmp_path / "legacy.warc", [
        ("response", "https://example.vn/gia-ve.html", "200 OK", "text/html; charset=windows-1258", encoded)])
    report = convert_paths([archive], tmp_path / "out")
    assert not report.failures
    (written,) = report.written
    root = etree.parse(str(written)).getroot()
    assert str(root.xpath("string(//tei:titleStmt/tei:title)", namespaces=XPATH_NS)) == "Giá vé không đổi"
    assert "Thành phố đặt mục tiêu toàn bộ xe buýt dùng năng lượng sạch" in reading_text(root)


def test_a_brotli_encoded_page_is_decoded_and_one_no_reader_can_decode_is_skipped_and_counted(tmp_path):
    import brotlicffi

    page = (b"<html><head><title>Rain closes schools</title></head><body><article><h1>Rain closes schools</h1>"
            b"<p>Heavy rain closed forty schools across the region on Tuesday, officials said in a statement.</p>"
            b"<p>Classes are expected to resume on Thursday once the roads have been cleared.</p></article></body></html>")
    archive = write_warc(tmp_path / "browser.warc.gz", [
        ("response", "https://example.org/rain.html", "200 OK", "text/html", brotlicffi.compress(page),
         [("Content-Encoding", "br")]),
        ("response", "https://example.org/zstd.html", "200 OK", "text/html", b"(\xb5/\xfd not a page",
         [("Content-Encoding", "zstd")])])
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(archive), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (f"1 of 1 converted into {out}; "
                                              "skipped: 1 page in a content encoding that cannot be decoded, 1 warcinfo record")
    (tei,) = out.glob("*.xml")
    assert "Heavy rain closed forty schools across the region" in reading_text(etree.parse(str(tei)).getroot())


def test_an_uncompressed_archive_gives_the_same_pages(crawl, converted, tmp_path):
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(gzip.decompress(crawl.read_bytes()))  # every record's gzip member, decompressed
    out = tmp_path / "out"
    report = convert_paths([plain], out)
    assert not report.failures
    assert {p.name for p in out.glob("*.xml")} == {p.name for p in converted[0].glob("*.xml")}


def test_a_page_with_text_and_no_title_is_one_line_not_a_page_without_text(tmp_path):
    # It was counted among the "pages without article text", exit 0: its text lost unsaid (an
    # archive's page has no sidecar to give it a title).
    body = "<p>Hai đoạn văn của bài viết này không có tiêu đề nào, nhưng vẫn là nội dung thật.</p>" * 2
    archive = write_warc(tmp_path / "untitled.warc", [
        ("response", "https://example.vn/khong-tieu-de.html", "200 OK", "text/html; charset=utf-8",
         f"<html><body><article>{body}</article></body></html>".encode()),
        ("response", "https://example.vn/trong.html", "200 OK", "text/html; charset=utf-8", b"<html><body></body></html>")])
    report = convert_paths([archive], tmp_path / "out")
    assert [f.message for f in report.failures] == [
        f"{archive}#example-vn-khong-tieu-de-html-{hashlib.sha1(_id(1).encode()).hexdigest()[:10]}: no title "
        "(the page has no <title>, title meta tag or heading)"]
    assert report.skipped == {"warcinfo record": 1, "page without article text": 1}


def test_a_url_that_is_no_uri_as_written_costs_no_page(tmp_path):
    # A target URI with a % that starts no escape made the TEI invalid (anyURI): nothing written.
    uri = "https://u.example.com/%ZZbad%escape|x.html"
    archive = write_warc(tmp_path / "uris.warc", [("response", uri, "200 OK", "text/html; charset=utf-8", _page("bbc_river_cleanup.html"))])
    report = convert_paths([archive], tmp_path / "out")
    assert not report.failures
    (written,) = report.written
    root = etree.parse(str(written)).getroot()
    ref = root.xpath("//tei:bibl[@type='capture']/tei:ref", namespaces=XPATH_NS)[0]
    assert (ref.get("target"), ref.text) == ("https://u.example.com/%25ZZbad%25escape%7Cx.html", uri)


def test_two_workers_write_the_same_files(crawl, converted, tmp_path):
    out = tmp_path / "out"
    report = convert_paths([crawl], out, jobs=2)
    assert not report.failures
    ours = {p.name: p.read_bytes() for p in out.glob("*.xml")}
    assert ours == {p.name: p.read_bytes() for p in converted[0].glob("*.xml")}


def test_records_longer_than_the_gzip_check_reads_at_a_time_are_all_converted(tmp_path):
    """A gzip member holding more than 64 KiB (most news pages) ended inside the check for a cut-short
    archive, whose loop then never ended: convert hung. An alarm fails the test instead of hanging."""
    import random
    import signal

    words = random.Random(7).choices(["mưa", "lũ", "sông", "Hồng", "đê", "nước", "dâng", "cao"], k=30_000)
    padding = ("<!-- " + " ".join(words) + " -->").encode("utf-8")  # ~120 KiB, little repetition to fold
    page = _page("vnexpress_buyt_dien.html").replace(b"</body>", padding + b"</body>")
    archive = write_warc(tmp_path / "big.warc.gz", [
        ("response", f"https://vnexpress.net/{n}.html", "200 OK", "text/html; charset=utf-8", page) for n in (1, 2)])
    assert len(gzip.decompress(archive.read_bytes())) > 4 * (1 << 16)

    def hung(*_):
        raise TimeoutError("convert did not end")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        report = convert_paths([archive], tmp_path / "tei")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert not report.failures and len(report.written) == 2


def test_two_records_of_one_record_id_are_one_page_and_one_error(tmp_path):
    # The second record overwrote the first's TEI and the summary said "2 of 2 converted".
    page = ("response", "https://vnexpress.net/ha-noi-4720001.html", "200 OK", "text/html; charset=utf-8",
            _page("vnexpress_buyt_dien.html"))
    first = write_warc(tmp_path / "a.warc", [page])
    again = tmp_path / "b.warc"
    again.write_bytes(first.read_bytes() + first.read_bytes())  # one archive holding its records twice
    out = tmp_path / "tei"
    result = runner.invoke(app, ["convert", str(first), str(again), "-o", str(out)])
    stem = page_stem(page[1], _id(1))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert lines[:-1] == [f"error: {archive}#{stem}: same output name as an earlier input ({first}#{stem}): "
                          f"{stem}.xml; not converted" for archive in (again, again)]
    assert lines[-1].startswith(f"1 of 3 converted into {out}")
    assert sorted(p.name for p in out.glob("*.xml")) == [f"{stem}.xml"]


def test_a_record_an_archive_holds_twice_is_said_so_not_named_as_its_own_earlier_input(tmp_path):
    page = ("response", "https://vnexpress.net/ha-noi-4720001.html", "200 OK", "text/html; charset=utf-8",
            _page("vnexpress_buyt_dien.html"))
    once = write_warc(tmp_path / "once.warc", [page]).read_bytes()
    twice = tmp_path / "twice.warc"
    twice.write_bytes(once + once)
    result = runner.invoke(app, ["convert", str(twice), "-o", str(tmp_path / "tei")])
    stem = page_stem(page[1], _id(1))
    assert result.exit_code == 1
    assert f"error: {twice}#{stem}: a second record of the same WARC-Record-ID and URI in this archive; not converted" \
        in result.stderr.splitlines()


@pytest.mark.parametrize("name", ["bad-date.warc", "bad-date.warc.gz"])
@pytest.mark.parametrize("date", ["not-a-date", "2024-13-45T00:00:00Z", "２０２４-03-06T01:02:03Z", ""])
def test_a_record_whose_warc_date_is_no_date_costs_that_page_one_line(tmp_path, date, name):
    # The page failed as "the TEI made from it is invalid: rng-attribute: Element date failed to validate attributes".
    path = tmp_path / name
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=name.endswith(".gz"))
        for n, (when, uri) in enumerate([(date, "https://a.vn/bad.html"), (DATE, "https://a.vn/good.html")], 1):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(_page("vnexpress_buyt_dien.html")), http_headers=http,
                warc_headers_dict={"WARC-Record-ID": _id(n), "WARC-Date": when}))
    out = tmp_path / "tei"
    result = runner.invoke(app, ["convert", str(path), "-o", str(out)])
    stem = page_stem("https://a.vn/bad.html", _id(1))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {path}#{stem}: WARC-Date {date!r} is not a date (ISO 8601): the record is damaged",
        f"1 of 2 converted into {out}"]
    assert [p.name for p in out.glob("*.xml")] == [f"{page_stem('https://a.vn/good.html', _id(2))}.xml"]


def test_an_archives_pages_are_counted_for_the_progress_bar_not_listed(tmp_path, monkeypatch):
    # The bar was handed the pages to list: every page's payload was in memory at once (review).
    monkeypatch.setattr(teikit.parallel, "MAX_CHUNK", 2)  # --jobs 1 reads the pages two at a time
    text = "Bà Giàng Thị Mai đến Mường Khương dự hội nghị của tỉnh Lào Cai về phát triển du lịch cộng đồng."
    records = [("response", f"https://a.vn/tin-{n}.html", "200 OK", "text/html; charset=utf-8",
                f"<html><body><article><h1>Tin {n}</h1><p>{text} Số {n}.</p></article></body></html>".encode())
               for n in range(6)]
    archive = write_warc(tmp_path / "crawl.warc", records)
    made, ahead, bars = [], [], []
    streamed, first_look = teikit.ingest.warc.pages, teikit.convertpasses.first_look

    def pages(*args):
        for page in streamed(*args):
            made.append(page.stem)
            yield page

    def looking(source, *args):  # how many pages were made when each is read
        ahead.append(len(made) - len(ahead))
        return first_look(source, *args)

    def progress(items, label):
        bars.append((label, len(items) if isinstance(items, Sized) else None))
        return common.progress(items, label)

    monkeypatch.setattr(teikit.ingest.warc, "pages", pages)
    monkeypatch.setattr(teikit.convertpasses, "first_look", looking)
    report = convert_paths([archive], tmp_path / "tei", progress=progress)
    assert report.ok and len(report.written) == 6
    assert ("reading", 6) in bars
    assert max(ahead) <= 2  # a chunk made ahead at most, not the whole archive
