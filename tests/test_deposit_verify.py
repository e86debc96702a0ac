"""deposit verify: every tamper case in dir, zip and tar.gz (sources included); unsafe archives; byte-identical archives."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
import tarfile
import zipfile
from pathlib import Path

import bagit
import pytest

from test_deposit import DATA, NO_EDITIONS, corpus, fixed_clock, make_invalid, midnight, run, with_sources  # noqa: F401 (fixed_clock: autouse)
from teikit.deposit import make_package, verify_package

FORMATS = {"dir": "pkg", "zip": "pkg.zip", "tar.gz": "pkg.tar.gz"}
INTACT = ("{package}: intact: 9 payload files match their sha256 and sha512 checksums; 2 TEI file(s) valid against teikit's schema 0.1.0; "
          "2 TEI header(s) match their packaged source's sha256\n")


def build(tmp_path: Path, fmt: str) -> Path:
    """A package of the two test articles with their sources, no editions."""
    package = tmp_path / FORMATS[fmt]
    src = corpus(tmp_path / "in")
    make_package([src], package, with_sources(src))
    return package


def unpack(package: Path, into: Path) -> Path:
    """The bag directory of `package` (the package itself for a directory), with the stdlib only."""
    if package.is_dir():
        return package
    if package.name.endswith(".zip"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(into)
    else:
        with tarfile.open(package) as archive:
            archive.extractall(into, filter="data")
    return into / "pkg"


def repack(bag: Path, package: Path) -> None:
    if package.is_dir():
        return
    package.unlink()
    if package.name.endswith(".zip"):
        with zipfile.ZipFile(package, "w") as archive:
            for path in sorted(bag.rglob("*")):
                archive.write(path, path.relative_to(bag.parent).as_posix())
    else:
        with tarfile.open(package, "w:gz") as archive:
            archive.add(bag, arcname=bag.name)


def tamper(tmp_path: Path, fmt: str, change) -> tuple[Path, bool]:
    """Build a package, apply `change(bag)` to its contents; return it and bagit's own verdict."""
    package = build(tmp_path, fmt)
    bag = unpack(package, tmp_path / "unpacked")
    change(bag)
    bagit_valid = bagit.Bag(str(bag)).is_valid()
    repack(bag, package)
    return package, bagit_valid


def flip_text(bag: Path) -> None:
    path = bag / "data/tei/art-two.xml"
    path.write_bytes(path.read_bytes().replace(b"Tri\xe1\xbb\x83n l\xc3\xa3m m\xe1\xbb\x9f", b"Tri\xe1\xbb\x83n l\xc3\xa3m n\xe1\xbb\x9f", 1))


def edit_bag_info(bag: Path) -> None:
    path = bag / "bag-info.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("External-Identifier: pkg", "External-Identifier: pkg-forged"), encoding="utf-8")


def remove_tei(bag: Path) -> None:
    (bag / "data/tei/art-one.xml").unlink()


def add_extra(bag: Path) -> None:
    (bag / "data/metadata/notes.txt").write_text("not in any manifest\n", encoding="utf-8")


def flip_source(bag: Path) -> None:
    path = bag / "data/sources/art-two.txt"
    path.write_bytes(path.read_bytes().replace("tháng".encode(), "năm".encode(), 1))


def remove_source(bag: Path) -> None:
    (bag / "data/sources/art-one.txt").unlink()


def forged(change):
    """`change`, by a forger who then recomputes every manifest (fixity alone cannot see it)."""
    def forge(bag: Path) -> None:
        change(bag)
        bagit.Bag(str(bag)).save(manifests=True)
    return forge


def unlink_source(bag: Path) -> None:
    path = bag / "data/metadata/metadata.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",data/sources/art-two.txt\n", ",\n"), encoding="utf-8")


def add_stray_source(bag: Path) -> None:
    (bag / "data/sources/stray.txt").write_text("không thuộc bài nào\n", encoding="utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


RECORDED = {name: _sha256((DATA / name).read_bytes()) for name in ("art-one.txt", "art-two.txt")}  # as the TEI headers record
FLIPPED = _sha256((DATA / "art-two.txt").read_bytes().replace("tháng".encode(), "năm".encode(), 1))
SOURCE_CHANGED = f"data/tei/art-two.xml: its source data/sources/art-two.txt has sha256 {FLIPPED}, the TEI header records {RECORDED['art-two.txt']}"
SOURCE_MISSING = "data/tei/art-one.xml: its source data/sources/art-one.txt is missing from the package"

CASES = {
    "changed byte": (flip_text, ["data/tei/art-two.xml: checksum mismatch (sha256, sha512): the file changed since packaging"]),
    "changed tag file": (edit_bag_info, ["bag-info.txt: tag manifest mismatch (sha256, sha512): the tag file changed since packaging"]),
    "missing file": (remove_tei, ["data/tei/art-one.xml: missing file listed in manifest-sha256.txt, manifest-sha512.txt"]),
    "extra file": (add_extra, ["data/metadata/notes.txt: extra file not in manifest"]),
    "changed source": (flip_source, ["data/sources/art-two.txt: checksum mismatch (sha256, sha512): the file changed since packaging", SOURCE_CHANGED]),
    "missing source": (remove_source, ["data/sources/art-one.txt: missing file listed in manifest-sha256.txt, manifest-sha512.txt", SOURCE_MISSING]),
}
# Damage the manifests no longer show: only the check against the TEI headers can.
FORGERIES = {
    "changed source": (flip_source, [SOURCE_CHANGED]),
    "missing source": (remove_source, [SOURCE_MISSING]),
    "unlinked source": (unlink_source, [
        "data/tei/art-two.xml: no source file packaged for it (data/metadata/metadata.csv links none)",
        "data/sources/art-two.txt: packaged source of no TEI file (data/metadata/metadata.csv links none to it)",
    ]),
    "stray source": (add_stray_source, ["data/sources/stray.txt: packaged source of no TEI file (data/metadata/metadata.csv links none to it)"]),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_intact_package_verifies(tmp_path, fmt):
    package = build(tmp_path, fmt)
    result = run("deposit", "verify", package)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == INTACT.format(package=package)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_tampering_is_reported_one_line_per_problem(tmp_path, fmt, case):
    change, problems = CASES[case]
    package, bagit_valid = tamper(tmp_path, fmt, change)
    assert bagit_valid is False  # the bagit library agrees the package is damaged
    result = run("deposit", "verify", package)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {package}: {p}" for p in problems] + [f"{package}: {len(problems)} problem(s)"]


@pytest.mark.parametrize("case", FORGERIES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_sources_are_checked_against_the_tei_headers(tmp_path, fmt, case):
    change, problems = FORGERIES[case]
    package, bagit_valid = tamper(tmp_path, fmt, forged(change))
    assert bagit_valid is True  # the checksums agree with the damaged package
    result = run("deposit", "verify", package)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"error: {package}: {p}" for p in problems] + [f"{package}: {len(problems)} problem(s)"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_package_without_sources_verifies_with_a_note(tmp_path, fmt):
    package = tmp_path / FORMATS[fmt]
    make_package([corpus(tmp_path / "in")], package, NO_EDITIONS)
    result = run("deposit", "verify", package)
    assert (result.exit_code, result.stderr) == (0, (
        f"note: {package}: no source files packaged: the sha256 in the TEI headers could not be checked against their sources\n"))
    assert result.stdout == (
        f"{package}: intact: 7 payload files match their sha256 and sha512 checksums; 2 TEI file(s) valid against teikit's schema 0.1.0\n"
    )
    checked = verify_package(package)
    assert (checked.ok, checked.sources_checked, len(checked.notes)) == (True, 0, 1)


@pytest.mark.parametrize("fmt", FORMATS)
def test_invalid_tei_with_recomputed_manifests(tmp_path, fmt):
    def forge(bag: Path) -> None:
        make_invalid(bag / "data/tei/art-one.xml")
        with_lf = bagit.Bag(str(bag))
        with_lf.save(manifests=True)  # a forger who recomputes every checksum

    package, bagit_valid = tamper(tmp_path, fmt, forge)
    assert bagit_valid is True  # fixity alone cannot see this
    result = run("deposit", "verify", package)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{package}: 2 problem(s)"
    assert [line.split(": invalid TEI: ")[0].rsplit(":", 2)[0] for line in lines[:-1]] == [f"error: {package}: data/tei/art-one.xml"] * 2
    assert "[ref-resolves]" in lines[0] and "#pers-nobody" in lines[0]
    assert "[register-referenced]" in lines[1]


@pytest.mark.parametrize("fmt", ["zip", "tar.gz"])
def test_several_problems_at_once(tmp_path, fmt):
    def damage(bag: Path) -> None:
        flip_text(bag)
        remove_tei(bag)
        add_extra(bag)
        edit_bag_info(bag)

    package, _ = tamper(tmp_path, fmt, damage)
    problems = [str(p) for p in verify_package(package).problems]
    assert problems == [
        "data/tei/art-one.xml: missing file listed in manifest-sha256.txt, manifest-sha512.txt",
        "data/tei/art-two.xml: checksum mismatch (sha256, sha512): the file changed since packaging",
        "data/metadata/notes.txt: extra file not in manifest",
        "bag-info.txt: tag manifest mismatch (sha256, sha512): the tag file changed since packaging",
    ]


def test_verify_missing_and_non_package(tmp_path):
    result = run("deposit", "verify", tmp_path / "nope.zip")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'nope.zip'}: no such file or directory\n")
    (tmp_path / "plain.txt").write_text("x")
    result = run("deposit", "verify", tmp_path / "plain.txt")
    assert (result.exit_code, result.stderr) == (1, f"error: {tmp_path / 'plain.txt'}: not a package: expected a directory, a .zip or a .tar.gz\n")
    (tmp_path / "empty").mkdir()
    result = run("deposit", "verify", tmp_path / "empty")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (1, f"error: {tmp_path / 'empty'}: bagit.txt: missing: not a BagIt package")


# ---------------------------------------------------------------- unsafe archives


def _zip_with(path: Path, name: str, mode: int = stat.S_IFREG | 0o644) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pkg/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        info = zipfile.ZipInfo(name)
        info.create_system = 3
        info.external_attr = mode << 16
        archive.writestr(info, "../../outside")


def _tar_with(path: Path, member: tarfile.TarInfo) -> None:
    with tarfile.open(path, "w:gz") as archive:
        data = b"BagIt-Version: 1.0\n"
        ok = tarfile.TarInfo("pkg/bagit.txt")
        ok.size = len(data)
        archive.addfile(ok, io.BytesIO(data))
        archive.addfile(member, io.BytesIO(b"x" * member.size) if member.isfile() else None)


def _member(name: str, kind=tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    info.size = 1 if kind == tarfile.REGTYPE else 0
    return info


UNSAFE_ZIPS = {
    "../evil.txt": ("../evil.txt", stat.S_IFREG | 0o644, "'..' in path"),
    "/abs.txt": ("/abs.txt", stat.S_IFREG | 0o644, "absolute path"),
    "symlink": ("pkg/link", stat.S_IFLNK | 0o777, "symbolic link"),
}
UNSAFE_TARS = {
    "dotdot": (_member("pkg/../../evil.txt"), "'..' in path"),
    "absolute": (_member("/tmp/abs.txt"), "absolute path"),
    "symlink": (_member("pkg/link", tarfile.SYMTYPE, "/etc/passwd"), "symbolic link"),
    "hardlink": (_member("pkg/hard", tarfile.LNKTYPE, "pkg/bagit.txt"), "hard link"),
    "device": (_member("pkg/dev", tarfile.CHRTYPE), "special file"),
    "fifo": (_member("pkg/fifo", tarfile.FIFOTYPE), "special file"),
}


@pytest.mark.parametrize("case", UNSAFE_ZIPS)
def test_unsafe_zip_members_are_refused(tmp_path, case):
    name, mode, why = UNSAFE_ZIPS[case]
    package = tmp_path / "work" / "pkg.zip"
    package.parent.mkdir()
    _zip_with(package, name, mode)
    result = run("deposit", "verify", package)
    assert (result.exit_code, result.stderr) == (1, f"error: {package}: unsafe archive member {name!r}: {why}\n")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["pkg.zip", "work"]


@pytest.mark.parametrize("case", UNSAFE_TARS)
def test_unsafe_tar_members_are_refused(tmp_path, case):
    member, why = UNSAFE_TARS[case]
    package = tmp_path / "work" / "pkg.tar.gz"
    package.parent.mkdir()
    _tar_with(package, member)
    result = run("deposit", "verify", package)
    assert (result.exit_code, result.stderr) == (1, f"error: {package}: unsafe archive member {member.name!r}: {why}\n")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["pkg.tar.gz", "work"]


# ---------------------------------------------------------------- reproducibility


@pytest.mark.parametrize("fmt", ["zip", "tar.gz"])
def test_archives_are_byte_identical_across_builds(tmp_path, fmt):
    first = build(tmp_path / "one", fmt)
    second = build(tmp_path / "two" / "elsewhere", fmt)
    assert first.read_bytes() == second.read_bytes()


def test_zip_members_are_sorted_and_fixed(tmp_path):
    package = build(tmp_path, "zip")
    with zipfile.ZipFile(package) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and names[0] == "pkg/"
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        mode = info.external_attr >> 16
        assert mode == (stat.S_IFDIR | 0o755 if info.is_dir() else stat.S_IFREG | 0o644)
        assert info.compress_type == (zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED)


def test_tar_members_are_sorted_and_fixed(tmp_path):
    package = build(tmp_path, "tar.gz")
    raw = package.read_bytes()
    assert raw[:4] == b"\x1f\x8b\x08\x00"  # gzip, deflate, no FNAME flag
    assert raw[4:8] == b"\x00\x00\x00\x00"  # gzip header mtime 0
    with tarfile.open(package) as archive:
        members = archive.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names) and names[0] == "pkg"
    bagging_date = midnight("2026-05-04")  # the day the bag was made (the tests' clock)
    for member in members:
        assert (member.uid, member.gid, member.uname, member.gname, member.mtime) == (0, 0, "", "", bagging_date)
        assert member.mode == (0o755 if member.isdir() else 0o644)
        assert member.isdir() or member.isfile()
    assert gzip.decompress(raw)  # a whole, readable stream


def test_links_and_fifos_in_a_directory_package_are_problems_never_read(tmp_path):
    package = build(tmp_path, "dir")
    (package / "data" / "link.txt").symlink_to("/etc/hostname")
    os.mkfifo(package / "data" / "pipe")  # hashing it would block forever
    problems = [str(p) for p in verify_package(package).problems]
    assert problems == [
        "data/link.txt: symbolic link: not allowed in a package",
        "data/pipe: not a regular file: not allowed in a package",
    ]


def test_archives_with_editions_are_byte_identical(tmp_path):
    from teikit.deposit import DepositOptions

    builds = []
    for where in ("one", "two/deeper"):
        package = tmp_path / where / "pkg.tar.gz"
        src = corpus(tmp_path / where / "in")
        make_package([src], package, DepositOptions(sources=(src,)))
        builds.append(package.read_bytes())
    assert builds[0] == builds[1]


def test_verify_keeps_register_links_as_plain_strings_not_their_trees(tmp_path):
    """lxml's attribute results hold their whole document: kept per article, verify held every
    parsed article at once (memory growing with the package)."""
    from teikit.deposit.verify import check_tei
    from teikit.validate import default_validator

    import shutil

    masters = Path(__file__).resolve().parent.parent / "tei"  # the seed's master, whose entries link to its register
    src = tmp_path / "in"
    shutil.copytree(masters / "register", src / "register")
    shutil.copy(sorted(masters.glob("*.xml"))[0], src)
    bag = tmp_path / "pkg"
    make_package([src], bag, NO_EDITIONS)
    same_as: dict = {}
    check_tei(bag, set(), default_validator(), same_as=same_as)
    links = [link for found in same_as.values() for link in found]
    assert links and all(type(link) is str for link in links)
