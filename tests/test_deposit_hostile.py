"""deposit verify against packages made to attack it, all generated here: each costs one error line
(names escaped), exit 1, and never prints a canary file's content or runs the package's schema."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import tarfile
import zipfile
from pathlib import Path

import bagit
import pytest

from test_deposit import fixed_clock, run  # noqa: F401 (fixed_clock: autouse)
from test_deposit_verify import build, repack, tamper, unpack
from teikit.deposit import verify_package
from teikit.deposit.baginfo import CHECKSUMS

CANARY = "CANARY-7f3a-never-print-me"
PERMISSIVE_RNG = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element><anyName/>'
                  '<ref name="any"/></element></start><define name="any"><zeroOrMore><choice><attribute><anyName/></attribute>'
                  '<text/><element><anyName/><ref name="any"/></element></choice></zeroOrMore></define></grammar>\n')


def canary(tmp_path: Path) -> Path:
    path = tmp_path / "canary.xml"
    path.write_text(f"<secret>{CANARY}</secret>\n", encoding="utf-8")
    return path


def retag(bag: Path) -> None:
    """Recompute the tag manifests over every tag file, as a forger would."""
    tags = sorted(p.name for p in bag.iterdir() if p.is_file() and not p.name.startswith("tagmanifest-"))
    for alg in CHECKSUMS:
        lines = "".join(f"{hashlib.new(alg, (bag / t).read_bytes()).hexdigest()}  {t}\n" for t in tags)
        (bag / f"tagmanifest-{alg}.txt").write_text(lines, encoding="utf-8")


def verify(package, *options):
    result = run("deposit", "verify", package, *options)
    assert CANARY not in result.output
    return result


def one_error(result, package, line: str) -> None:
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"error: {package}: {line}", f"{package}: 1 problem(s)"]


def only_error(result, package, line: str) -> None:
    """An error of the package as a whole (an archive refused): one line, exit 1."""
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {package}: {line}\n")


# ---------------------------------------------------------------- the package's own schema is never trusted


@pytest.mark.parametrize("fmt", ["dir", "zip"])
def test_a_permissive_packaged_schema_does_not_make_non_tei_valid(tmp_path, fmt):
    def forge(bag: Path) -> None:
        (bag / "data/schema/teikit.rng").write_text(PERMISSIVE_RNG, encoding="utf-8")
        (bag / "data/tei/art-one.xml").write_text("<totally><not-tei/></totally>\n", encoding="utf-8")
        bagit.Bag(str(bag)).save(manifests=True)

    package, bagit_valid = tamper(tmp_path, fmt, forge)
    assert bagit_valid is True
    result = verify(package)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {package}: data/schema/teikit.rng: differs from teikit's schema 0.1.0: a packaged schema is never used"
    assert lines[1].startswith(f"error: {package}: data/tei/art-one.xml:1:0: invalid TEI: [rng-")
    assert "valid TEI" not in result.stdout


def test_a_permissive_schema_alone_is_one_line(tmp_path):
    def forge(bag: Path) -> None:
        (bag / "data/schema/teikit.rng").write_text(PERMISSIVE_RNG, encoding="utf-8")
        bagit.Bag(str(bag)).save(manifests=True)

    package, _ = tamper(tmp_path, "tar.gz", forge)
    one_error(verify(package), package, "data/schema/teikit.rng: differs from teikit's schema 0.1.0: a packaged schema is never used")


@pytest.mark.parametrize("uri", ["file://{canary}", "http://127.0.0.1:9/x.xml"])
def test_a_packaged_schematron_reading_files_or_the_network_is_never_run(tmp_path, uri):
    target = uri.format(canary=canary(tmp_path))

    def forge(bag: Path) -> None:
        sch = bag / "data/schema/teikit.sch"
        text = sch.read_text(encoding="utf-8")
        rule = (f'<pattern><rule context="/*"><report test="true()"><value-of select="document(\'{target}\')"/></report>'
                '</rule></pattern></schema>')
        sch.write_text(text.replace("</schema>", rule), encoding="utf-8")
        bagit.Bag(str(bag)).save(manifests=True)

    package, _ = tamper(tmp_path, "zip", forge)
    one_error(verify(package), package, "data/schema/teikit.sch: differs from teikit's schema 0.1.0: a packaged schema is never used")


def test_a_package_of_another_schema_version_needs_that_schema(tmp_path):
    def forge(bag: Path) -> None:
        (bag / "data/schema/teikit.rng").write_text(PERMISSIVE_RNG, encoding="utf-8")
        info = bag / "bag-info.txt"
        info.write_text(info.read_text(encoding="utf-8").replace("Teikit-Schema-Version: 0.1.0", "Teikit-Schema-Version: 9.9"), encoding="utf-8")
        bagit.Bag(str(bag)).save(manifests=True)

    package, _ = tamper(tmp_path, "dir", forge)
    one_error(verify(package), package, "data/schema: the package records schema version 9.9; this teikit has 0.1.0 and the packaged "
                                        "schema is not it: verify with --schema DIR naming that version's schema (its TEI was not checked)")
    # The user names the schema: the packaged copy is compared with it, the TEI checked against it.
    named = tmp_path / "schema-9.9"
    named.mkdir()
    for name in ("teikit.rng", "teikit.sch", "teikit.odd"):
        shutil.copy(package / "data/schema" / name, named / name)
    result = verify(package, "--schema", named)
    assert (result.exit_code, result.stderr) == (0, "")
    assert f"2 TEI file(s) valid against the schema in {named} (--schema)" in result.stdout
    result = verify(package, "--schema", tmp_path / "nowhere")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'nowhere'}: no such folder (--schema)\n")


# ---------------------------------------------------------------- nothing read through a link


def test_a_manifest_linked_to_a_canary_is_never_read(tmp_path):
    package = build(tmp_path, "dir")
    secret = canary(tmp_path)
    (package / "manifest-sha256.txt").unlink()
    (package / "manifest-sha256.txt").symlink_to(secret)
    one_error(verify(package), package, "manifest-sha256.txt: symbolic link: not allowed in a package")


@pytest.mark.parametrize("what", ["bag-info.txt", "data/metadata/metadata.csv", "data/tei"])
def test_other_linked_files_and_folders_are_never_read(tmp_path, what):
    package = build(tmp_path, "dir")
    secret = canary(tmp_path)
    if what == "data/tei":
        shutil.rmtree(package / what)
        (package / what).symlink_to(secret.parent)
    else:
        (package / what).unlink()
        (package / what).symlink_to(secret)
    result = verify(package)
    assert result.exit_code == 1
    assert f"error: {package}: {what}: symbolic link: not allowed in a package" in result.stderr.splitlines()


def test_a_linked_package_is_refused(tmp_path):
    package = build(tmp_path, "zip")
    link = tmp_path / "link.zip"
    link.symlink_to(package)
    only_error(verify(link), link, "is a symbolic link; name the package itself")


# ---------------------------------------------------------------- manifests


def test_an_unknown_hash_algorithm_is_one_line(tmp_path):
    package = build(tmp_path, "dir")
    (package / "manifest-whirl9.txt").write_text("00  data/tei/art-one.xml\n", encoding="utf-8")
    retag(package)
    one_error(verify(package), package, "manifest-whirl9.txt: unknown hash algorithm 'whirl9': this manifest cannot be checked")


def test_a_manifest_over_the_limit_is_not_read(tmp_path):
    package = build(tmp_path, "dir")
    with open(package / "manifest-sha256.txt", "a", encoding="utf-8") as manifest:
        manifest.write("# padding\n" * 1000)
    retag(package)
    one_error(verify(package, "--max-manifest-bytes", "5000"), package,
              "manifest-sha256.txt: larger than the limit of 5000 bytes for a file read whole (raise it with --max-manifest-bytes)")


def test_names_with_line_breaks_are_printed_escaped(tmp_path):
    package = build(tmp_path, "dir")
    (package / "data" / "forged\nerror: x.txt").write_text("x", encoding="utf-8")
    one_error(verify(package), package, "data/forged\\nerror: x.txt: extra file not in manifest")
    manifest = package / "manifest-sha256.txt"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "00  /etc/x\x1b[2J\n", encoding="utf-8")
    result = verify(package)
    assert "manifest-sha256.txt: line 10: unsafe path '/etc/x\\x1b[2J'" in result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("encoding", ["zlib_codec", "utf-16", "rot13", "bogus"])
@pytest.mark.parametrize("fmt", ["dir", "zip"])
def test_a_tag_file_encoding_other_than_utf8_is_one_line(tmp_path, fmt, encoding):
    # bagit decoded every tag file with the codec bagit.txt names: zlib.error, UnicodeError, TypeError tracebacks.
    package = build(tmp_path, fmt)
    bag = unpack(package, tmp_path / "unpacked")
    (bag / "bagit.txt").write_text(f"BagIt-Version: 1.0\nTag-File-Character-Encoding: {encoding}\n", encoding="utf-8")
    retag(bag)
    repack(bag, package)
    one_error(verify(package), package,
              f"bagit.txt: declares Tag-File-Character-Encoding '{encoding}': a teikit package's tag files are UTF-8")


@pytest.mark.parametrize("name", ["bag-info.txt", "fetch.txt"])
def test_a_tag_file_that_is_not_utf8_is_one_line(tmp_path, name):
    package = build(tmp_path, "dir")
    with open(package / name, "ab") as tag:
        tag.write(b"X-Note: \xff\xfe\x00\n")
    retag(package)
    result = verify(package)
    assert result.exit_code == 1 and result.stdout == ""
    [line, summary] = result.stderr.splitlines()
    assert line.startswith(f"error: {package}: {name}: not UTF-8 text (byte ")
    assert line.endswith("): a teikit package's tag files are UTF-8") and summary == f"{package}: 1 problem(s)"


# ---------------------------------------------------------------- archives: bombs and limits


def _zip(path: Path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        archive.writestr("pkg/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path):
    package = _zip(tmp_path / "bomb.zip", {"pkg/data/zeros.bin": bytes(8 << 20)})
    assert package.stat().st_size < 64 << 10
    only_error(verify(package), package,
               "archive member 'pkg/data/zeros.bin': its compression ratio exceeds the limit of 200 (raise it with --max-ratio)")


def test_a_tar_bomb_is_refused_by_its_compression_ratio(tmp_path):
    package = tmp_path / "bomb.tar.gz"
    with tarfile.open(package, "w:gz") as archive:
        info = tarfile.TarInfo("pkg/data/zeros.bin")
        info.size = 8 << 20
        archive.addfile(info, io.BytesIO(bytes(info.size)))
    only_error(verify(package), package, "the compression ratio of the archive exceeds the limit of 200 (raise it with --max-ratio)")


@pytest.mark.parametrize("option, value, message", [
    ("--max-member-bytes", "1000", "archive member 'pkg/data/big.bin' declares 5000 bytes: it exceeds the limit of 1000 (raise it with --max-member-bytes)"),
    ("--max-total-bytes", "3000", "the unpacked size the archive declares (10054 bytes) exceeds the limit of 3000 (raise it with --max-total-bytes)"),
    ("--max-members", "2", "the number of archive members exceeds the limit of 2 (raise it with --max-members)"),
])
def test_zip_limits_are_enforced_and_overridable(tmp_path, option, value, message):
    package = _zip(tmp_path / "pkg.zip", {"pkg/data/big.bin": os.urandom(5000), "pkg/data/big2.bin": os.urandom(5000)})
    only_error(verify(package, option, value), package, message)
    assert not list(Path(tmp_path).glob(".teikit-verify*"))


@pytest.mark.parametrize("option, value, message", [
    ("--max-member-bytes", "1000", "archive member 'pkg/data/big.bin' declares 5000 bytes: it exceeds the limit of 1000 (raise it with --max-member-bytes)"),
    ("--max-total-bytes", "3000", "the unpacked size of the archive exceeds the limit of 3000 (raise it with --max-total-bytes)"),
    ("--max-members", "2", "the number of archive members exceeds the limit of 2 (raise it with --max-members)"),
])
def test_tar_limits_are_enforced_and_overridable(tmp_path, option, value, message):
    package = tmp_path / "pkg.tar.gz"
    with tarfile.open(package, "w:gz") as archive:
        for name in ("pkg/bagit.txt", "pkg/data/big.bin", "pkg/data/big2.bin"):
            info = tarfile.TarInfo(name)
            data = os.urandom(5000 if "big" in name else 10)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    only_error(verify(package, option, value), package, message)


# ---------------------------------------------------------------- archives: damaged, encrypted, odd members


def _patch(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert data.count(old) >= 1
    path.write_bytes(data.replace(old, new))


def _set_field(path: Path, where, value: int) -> None:
    """Set a two-byte field of every zip header of a kind: (signature, offset) pairs."""
    data = bytearray(path.read_bytes())
    for signature, offset in where:
        start = 0
        while (at := data.find(signature, start)) >= 0:
            data[at + offset:at + offset + 2] = value.to_bytes(2, "little")
            start = at + 4
    path.write_bytes(bytes(data))


def test_a_bad_crc_is_one_line(tmp_path):
    package = _zip(tmp_path / "pkg.zip", {"pkg/data/a.txt": b"the original text\n"}, method=zipfile.ZIP_STORED)
    _patch(package, b"the original text", b"the forged   text")
    only_error(verify(package), package, "archive member 'pkg/data/a.txt': bad CRC-32: the archive is damaged")


def test_an_encrypted_member_is_one_line(tmp_path):
    package = _zip(tmp_path / "pkg.zip", {"pkg/data/secret.txt": b"ciphertext"}, method=zipfile.ZIP_STORED)
    _set_field(package, ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)), 0x1)  # the "encrypted" flag of every header
    only_error(verify(package), package, "archive member 'pkg/bagit.txt': encrypted, which a package never is")


def test_an_unsupported_compression_method_is_one_line(tmp_path):
    package = _zip(tmp_path / "pkg.zip", {"pkg/data/a.txt": b"text\n"}, method=zipfile.ZIP_STORED)
    _set_field(package, ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)), 99)  # the method in each local and central header
    only_error(verify(package), package, "archive member 'pkg/bagit.txt': compression method 99 is not supported")


@pytest.mark.parametrize("name, why", [
    ("pkg/data/forged\nerror: x.txt", "unsafe archive member 'pkg/data/forged\\nerror: x.txt': control character in its name"),
    ("pkg/data/" + "n" * 300 + ".txt", "unsafe archive member 'pkg/data/" + "n" * 300 + ".txt': name too long (more than 255 bytes in one part or 4096 in all)"),
])
@pytest.mark.parametrize("fmt", ["zip", "tar.gz"])
def test_odd_member_names_are_one_escaped_line(tmp_path, fmt, name, why):
    if fmt == "zip":
        package = _zip(tmp_path / "pkg.zip", {name: b"x"})
    else:
        package = tmp_path / "pkg.tar.gz"
        with tarfile.open(package, "w:gz", format=tarfile.PAX_FORMAT) as archive:
            info = tarfile.TarInfo(name)
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    result = verify(package)
    only_error(result, package, why)


@pytest.mark.parametrize("members, why", [
    (["pkg/data/x", "pkg/data/x/y"], "archive member 'pkg/data/x/y': a file and a folder with one name ('pkg/data/x')"),
    (["pkg/data/x/y", "pkg/data/x"], "archive member 'pkg/data/x': a file and a folder with one name ('pkg/data/x')"),
    (["pkg/data/x", "pkg/data/x"], "archive member 'pkg/data/x' appears twice"),
])
def test_a_file_and_a_folder_with_one_name_is_one_line(tmp_path, members, why):
    package = tmp_path / "pkg.tar.gz"
    with tarfile.open(package, "w:gz") as archive:
        for name in members:
            info = tarfile.TarInfo(name)
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    only_error(verify(package), package, why)


def test_a_truncated_archive_is_one_line(tmp_path):
    package = build(tmp_path, "tar.gz")
    package.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    result = verify(package)
    assert (result.exit_code, len(result.stderr.splitlines())) == (1, 1)
    assert result.stderr.startswith(f"error: {package}: not a readable tar archive: ")


def test_the_unpacked_copy_of_a_killed_verify_is_removed_by_the_next(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    stale = tmp_path / "tmp" / ".teikit-verify.999999999.abcdefgh.staging"  # no such process
    (stale / "pkg").mkdir(parents=True)
    foreign = tmp_path / "tmp" / "someone-elses.staging"
    foreign.mkdir()
    package = build(tmp_path, "zip")
    from teikit import fsutil

    monkeypatch.setattr(fsutil, "_swept", set())
    assert verify_package(package).ok
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == ["someone-elses.staging"]


def test_an_intact_archive_still_verifies_with_digests_from_the_stream(tmp_path):
    package = build(tmp_path, "zip")
    bag = unpack(package, tmp_path / "plain")
    repack(bag, package)  # the stdlib's own zip, deflated at its default level
    assert verify_package(package).ok
    assert stat.S_ISREG(package.stat().st_mode)


@pytest.mark.parametrize("fmt", ["zip", "tar.gz", "dir"])
def test_a_package_whose_name_holds_a_line_break_is_made_verified_and_said_in_one_line(tmp_path, fmt):
    # The archive's top folder was "p\nk/", which verify refuses (a control character in a member
    # name): teikit could not verify its own package; and the summaries printed the name raw.
    tei = tmp_path / "tei"
    tei.mkdir()
    for name in ("art-one.xml", "art-two.xml"):
        shutil.copy(Path(__file__).parent / "data" / "deposit" / name, tei / name)
    package = tmp_path / ("p\nk" + ("" if fmt == "dir" else f".{fmt}"))
    made = run("deposit", "make", tei, "-o", package, "--no-editions")
    assert made.exit_code == 0, made.output
    checked = verify(package)
    assert checked.exit_code == 0, checked.output
    shown = str(package).replace("\n", "\\n")
    assert made.stdout.splitlines()[-1].startswith(f"{shown}: {fmt} package of 2 article(s)")
    assert checked.stdout.splitlines() == [checked.stdout.strip()] and checked.stdout.startswith(f"{shown}: intact: ")
    if fmt == "zip":
        assert {n.split("/")[0] for n in zipfile.ZipFile(package).namelist()} == {"p_k"}


def test_a_folder_package_nested_past_pythons_recursion_limit_is_one_problem(tmp_path):
    # os.walk recursed once per level: RecursionError, a traceback.
    from test_fsutil import _deep, shallow_recursion
    package = build(tmp_path, "dir")
    deepest = _deep(package / "data")
    with shallow_recursion():
        result = verify(package)
    one_error(result, package, f"{deepest.relative_to(package).as_posix()}: extra file not in manifest")
