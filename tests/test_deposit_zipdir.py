"""deposit.zipdir: a zip's central directory read one record at a time gives the ZipInfo zipfile gives,
refuses a directory that lies (counts, offsets, sizes, zip64 fields) in one line, finds a name twice
while streaming, keeps nothing per member, and deposit verify reports on every fixture package what
it reported when zipfile read the whole directory."""

from __future__ import annotations

import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from test_deposit_hostile import _set_field, _zip, only_error, verify
from test_deposit_verify import CASES, FORGERIES, UNSAFE_ZIPS, _zip_with, build, tamper
from teikit.deposit import verify_package, zipdir
from teikit.deposit.limits import Limits
from teikit.errors import DepositError

FIELDS = ("filename", "orig_filename", "date_time", "compress_type", "comment", "extra", "create_system",
          "create_version", "extract_version", "reserved", "flag_bits", "volume", "internal_attr",
          "external_attr", "header_offset", "CRC", "compress_size", "file_size")


def streamed(path: Path) -> list[tuple]:
    with open(path, "rb") as handle:
        return [tuple(getattr(info, f) for f in FIELDS) for info in zipdir.CentralDirectory(handle).records()]


def zipfiles(path: Path) -> list[tuple]:
    with zipfile.ZipFile(path) as archive:
        return [tuple(getattr(info, f) for f in FIELDS) for info in archive.infolist()]


def zip64(path: Path, members: dict[str, bytes], monkeypatch) -> Path:
    """A zip with zip64 end records and zip64 extra fields (zipfile's limits made tiny while writing)."""
    with monkeypatch.context() as patched:
        patched.setattr(zipfile, "ZIP64_LIMIT", 8)
        patched.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 1)
        _zip(path, members)
    data = path.read_bytes()
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
    return path


def test_records_are_the_zipinfo_zipfile_makes(tmp_path, monkeypatch):
    package = build(tmp_path, "zip")
    assert streamed(package) == zipfiles(package) and len(streamed(package)) > 10
    odd = _zip(tmp_path / "odd.zip", {"pkg/data/ünïcode.txt": b"x" * 100, "pkg/data/empty": b"", "pkg/sub/": b""})
    with zipfile.ZipFile(odd, "a") as archive:
        archive.comment = b"an archive comment"
    prefixed = tmp_path / "prefixed.zip"  # a self-extractor's code before the archive
    prefixed.write_bytes(b"#!/bin/sh\nexit 0\n" * 100 + odd.read_bytes())
    big = zip64(tmp_path / "zip64.zip", {"pkg/data/a.txt": b"a" * 5000, "pkg/data/b.txt": b"b" * 20}, monkeypatch)
    for path in (odd, prefixed, big):
        assert streamed(path) == zipfiles(path), path.name
    with open(big, "rb") as handle:
        directory = zipdir.CentralDirectory(handle)
        assert directory.entries == 3
        assert [directory.open(info).read() for info in directory.records()][1:] == [b"a" * 5000, b"b" * 20]


def test_the_opener_reads_no_central_directory(tmp_path):
    package = _zip(tmp_path / "pkg.zip", {f"pkg/data/{i}.txt": b"x" for i in range(50)})
    with open(package, "rb") as handle:
        opener = zipdir._Opener(handle)
        assert (opener.filelist, opener.NameToInfo) == ([], {})


# ---------------------------------------------------------------- a central directory that lies

END, CENTRAL = b"PK\x05\x06", b"PK\x01\x02"


def _poke(path: Path, signature: bytes, offset: int, fmt: str, value: int, which: int = -1) -> None:
    """Set a field of the `which`-th header with `signature` (-1: the last)."""
    data = bytearray(path.read_bytes())
    places, at = [], -1
    while (at := data.find(signature, at + 1)) >= 0:
        places.append(at)
    struct.pack_into(fmt, data, places[which] + offset, value)
    path.write_bytes(bytes(data))


def _three(path: Path) -> Path:
    return _zip(path, {"pkg/data/a.txt": b"first\n", "pkg/data/b.txt": b"second\n"})


@pytest.mark.parametrize("field, value, message", [
    (10, 2, "the central directory holds 3 records; its end record declares 2"),  # hides a member from a count
    (10, 4, "the central directory holds 3 records; its end record declares 4"),
])
def test_a_wrong_member_count_is_refused(tmp_path, field, value, message):
    package = _three(tmp_path / "pkg.zip")
    _poke(package, END, 8, "<H", value)
    _poke(package, END, field, "<H", value)
    only_error(verify(package), package, f"not a readable zip file: {message}")


def test_a_directory_offset_beyond_its_place_is_refused(tmp_path):
    package = _three(tmp_path / "pkg.zip")
    with open(package, "rb") as handle:
        offset = struct.unpack_from("<L", handle.read(), package.read_bytes().rfind(END) + 16)[0]
    _poke(package, END, 16, "<L", offset + 40)  # zipfile shifted every member's offset back by 40
    only_error(verify(package), package, "not a readable zip file: Bad offset for central directory")
    _poke(package, END, 16, "<L", 0xFFFF_FF00)
    only_error(verify(package), package, "not a readable zip file: Bad offset for central directory")


def test_a_directory_longer_than_the_file_is_refused(tmp_path):
    package = _three(tmp_path / "pkg.zip")
    _poke(package, END, 12, "<L", package.stat().st_size * 2)
    only_error(verify(package), package, "not a readable zip file: Bad offset for central directory")


@pytest.mark.parametrize("offset", [0x10000, 0xFFFF_FFF0])
def test_a_member_placed_beyond_the_file_is_refused_before_anything_is_unpacked(tmp_path, offset):
    package = _three(tmp_path / "pkg.zip")
    _poke(package, CENTRAL, 42, "<L", offset)
    only_error(verify(package), package, "not a readable zip file: the central directory places member "
                                         "'pkg/data/b.txt' beyond the start of the central directory")


def test_a_record_running_past_the_directory_is_refused(tmp_path):
    package = _three(tmp_path / "pkg.zip")
    _poke(package, CENTRAL, 28, "<H", 200)  # the last record's name runs into the end record (zipfile cut it short)
    only_error(verify(package), package, "not a readable zip file: Truncated central directory")


def test_a_directory_of_something_else_is_refused(tmp_path):
    package = _three(tmp_path / "pkg.zip")
    _poke(package, CENTRAL, 0, "<4s", b"PK\x03\x04", which=1)
    only_error(verify(package), package, "not a readable zip file: Bad magic number for central directory")


def test_zip64_records_that_lie_are_refused(tmp_path, monkeypatch):
    package = zip64(tmp_path / "pkg.zip", {"pkg/data/a.txt": b"a" * 5000}, monkeypatch)
    # read as a zip64 archive and unpacked: then it is no bag
    assert verify(package).stderr.startswith(f"error: {package}: data/a.txt: extra file not in manifest\n")
    original = package.read_bytes()
    _poke(package, b"PK\x06\x06", 32, "<Q", 1)  # the zip64 end record's count
    only_error(verify(package), package, "not a readable zip file: the central directory holds 2 records; its end record declares 1")
    package.write_bytes(original)
    _poke(package, b"PK\x06\x06", 48, "<Q", 1 << 40)  # the zip64 end record's offset of the directory
    only_error(verify(package), package, "not a readable zip file: Bad offset for central directory")


def test_a_zip64_extra_field_without_the_size_its_header_marks_is_refused(tmp_path):
    info = zipfile.ZipInfo("pkg/data/a.txt")
    info.file_size, info.compress_size, info.header_offset = 0xFFFF_FFFF, 5, 0
    info.extra = struct.pack("<HH", 1, 0)  # a zip64 field holding nothing
    with pytest.raises(zipfile.BadZipFile, match=r"^Corrupt zip64 extra field\. File size not found\.$"):
        zipdir._zip64_extra(info)
    info.extra = struct.pack("<HHQ", 1, 8, 7)
    zipdir._zip64_extra(info)
    assert (info.file_size, info.compress_size) == (7, 5)


# ---------------------------------------------------------------- names found twice while streaming


@pytest.mark.parametrize("members, why", [
    (["pkg/data/x", "pkg/data/x"], "archive member 'pkg/data/x' appears twice"),
    (["pkg/data/x", "pkg/data/x/y"], "archive member 'pkg/data/x/y': a file and a folder with one name ('pkg/data/x')"),
    (["pkg/data/x/", "pkg/data/x"], "archive member 'pkg/data/x': a file and a folder with one name ('pkg/data/x')"),
])
def test_a_zip_naming_a_member_twice_is_one_line(tmp_path, members, why):
    package = tmp_path / "pkg.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(package, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name, and writes it
        for name in members:
            archive.writestr(name, b"" if name.endswith("/") else b"x")
    only_error(verify(package), package, why)


# ---------------------------------------------------------------- nothing kept per member


def test_unpacking_keeps_no_record_per_member(tmp_path):
    """zipfile kept a ZipInfo per member, a list and a dict of them (about 600 bytes a member):
    now one record at a time, and no Path a member (pathlib interned every part of the name it
    parsed: the interpreter's table grew with the member count); five times the members, the
    same peak of Python memory."""
    from test_deposit_scratch import traced_peak

    from teikit.deposit.extract import extract
    from teikit.deposit.scratch import Scratch

    def unpack(package: Path) -> None:
        out = package.with_suffix(".out")
        out.mkdir()
        with Scratch() as scratch:
            extract(package, out, scratch)

    small = _zip(tmp_path / "small.zip", {f"pkg/data/{i:05d}-{'n' * 60}.txt": b"x" for i in range(1000)})
    large = _zip(tmp_path / "large.zip", {f"pkg/data/{i:05d}-{'n' * 60}.txt": b"x" for i in range(5000)})
    grown = traced_peak(unpack, large) - traced_peak(unpack, small)
    assert grown < 400_000, f"{grown} bytes more for 4,000 more members"


# ---------------------------------------------------------------- verify's report, the same as with zipfile's reading


def _outcome(package: Path, limits: Limits = Limits()):
    try:
        result = verify_package(package, limits=limits)
    except DepositError as exc:
        return str(exc)
    return ([str(p) for p in result.problems], result.payload_files, result.tei_files, result.sources_checked,
            result.notes, result.schema)


def _zipfiles_reading(self):
    """records() as zipfile.ZipFile read the directory before: all of it, at once."""
    yield from zipfile.ZipFile(self._handle).infolist()


def fixtures(tmp_path: Path, monkeypatch):
    """(name, package, limits): every zip the deposit tests make, intact, tampered and hostile."""
    yield "intact", build(tmp_path / "intact", "zip"), Limits()
    for case, (change, _) in {**CASES, **{f"forged {k}": v for k, v in FORGERIES.items()}}.items():
        folder = tmp_path / case.replace(" ", "-")
        folder.mkdir()
        yield case, tamper(folder, "zip", change)[0], Limits()
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    yield "bomb", _zip(hostile / "bomb.zip", {"pkg/data/zeros.bin": bytes(8 << 20)}), Limits()
    bigs = {"pkg/data/big.bin": b"b" * 5000, "pkg/data/big2.bin": b"c" * 5000}
    for limit in ({"member_bytes": 1000}, {"total_bytes": 3000}, {"members": 2}):
        yield str(limit), _zip(hostile / f"{next(iter(limit))}.zip", bigs), Limits(**limit)
    crc = _zip(hostile / "crc.zip", {"pkg/data/a.txt": b"the original text\n"}, method=zipfile.ZIP_STORED)
    crc.write_bytes(crc.read_bytes().replace(b"the original text", b"the forged   text"))
    yield "bad crc", crc, Limits()
    secret = _zip(hostile / "secret.zip", {"pkg/data/secret.txt": b"ciphertext"}, method=zipfile.ZIP_STORED)
    _set_field(secret, ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)), 0x1)
    yield "encrypted", secret, Limits()
    method = _zip(hostile / "method.zip", {"pkg/data/a.txt": b"text\n"}, method=zipfile.ZIP_STORED)
    _set_field(method, ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)), 99)
    yield "method 99", method, Limits()
    yield "odd name", _zip(hostile / "odd.zip", {"pkg/data/forged\nerror: x.txt": b"x"}), Limits()
    for case, (name, mode, _) in UNSAFE_ZIPS.items():
        _zip_with(hostile / f"unsafe-{len(case)}.zip", name, mode)
        yield case, hostile / f"unsafe-{len(case)}.zip", Limits()
    truncated = hostile / "truncated.zip"
    truncated.write_bytes(build(hostile, "zip").read_bytes()[:20000])
    yield "truncated", truncated, Limits()


def test_verify_reports_on_every_fixture_package_what_it_reported_with_zipfiles_reading(tmp_path, monkeypatch):
    for name, package, limits in fixtures(tmp_path, monkeypatch):
        now = _outcome(package, limits)
        with monkeypatch.context() as patched:
            patched.setattr(zipdir.CentralDirectory, "records", _zipfiles_reading)
            before = _outcome(package, limits)
        assert now == before, name
