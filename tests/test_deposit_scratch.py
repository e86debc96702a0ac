"""deposit.scratch: the on-disk sorts and sets deposit make keeps its per-article state in give what
the in-memory ones gave (the orders os.walk, sorted Paths and sorted posix strings give; set semantics),
and the streamed manifests and zip are the bytes bagit-python and a plain zipfile write; deposit verify
keeps its per-file state there too (its Python memory does not grow with the number of files)."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import bagit
import pytest

from teikit.deposit import archive
from teikit.deposit.baginfo import CHECKSUMS, quiet_bagit, write_manifests
from teikit.deposit.safenames import assign_name, assign_names
from teikit.deposit.scratch import Scratch, name_key, path_key, sorted_tree, walk_key

# Names whose orders differ between "component by component", "files first" and "whole string":
# '-' and '.' sort before '/', digits and upper case before lower case, non-ASCII last.
TREE = ["b.txt", "a-c/x.txt", "a.b", "a/b.txt", "a/B.txt", "a/z/deep.txt", "a/a-1.txt", "b/c/d/e.txt",
        "Z.txt", "đ/ê.txt", "a0", "ab/c.txt", "a/ b.txt"]


def make_tree(root: Path) -> None:
    for rel in TREE:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel}\n", encoding="utf-8")


@pytest.fixture
def scratch():
    with Scratch() as opened:
        yield opened


def test_walk_key_gives_os_walk_order(tmp_path, scratch):
    make_tree(tmp_path)
    expected = []
    for dirpath, dirnames, filenames in os.walk(tmp_path):
        dirnames.sort()
        expected += [Path(dirpath, name).relative_to(tmp_path).as_posix() for name in sorted(filenames)]
    got = [rel for rel, _ in sorted_tree(scratch, tmp_path, walk_key, folders=False)]
    assert got == expected
    assert got != sorted(got)  # the tree tells the orders apart


def test_path_key_gives_sorted_path_order(tmp_path, scratch):
    make_tree(tmp_path)
    expected = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*"))]
    got = [rel for rel, _ in sorted_tree(scratch, tmp_path, path_key)]
    assert got == expected
    assert got != sorted(got)


def test_name_key_gives_sorted_posix_strings_and_tells_folders(tmp_path, scratch):
    make_tree(tmp_path)
    listed = list(sorted_tree(scratch, tmp_path, name_key))
    assert [rel for rel, _ in listed] == sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert {rel for rel, is_dir in listed if is_dir} == {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_dir()}


def test_name_set_names_as_a_set_does(scratch):
    paths = [Path("a/Tin.xml"), Path("b/tin.xml"), Path("c/Tín.xml"), Path("d/tin-2.xml"), Path("e/TIN.xml")]
    taken = scratch.name_set()
    assert [assign_name(path, ".xml", taken) for path in paths] == list(assign_names(paths, ".xml").values())
    assert len(taken) == len(paths)
    assert "tin.xml" in taken and "tin-4.xml" in taken and "tin-5.xml" not in taken


def test_streamed_manifests_are_bagit_pythons(tmp_path, scratch):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    make_tree(ours / "data")
    make_tree(theirs)
    assert write_manifests(ours, scratch) == (sum(len(f"{rel}\n".encode()) for rel in TREE), len(TREE))
    with quiet_bagit():
        bagit.make_bag(str(theirs), checksums=list(CHECKSUMS), processes=1)
    for alg in CHECKSUMS:
        assert (ours / f"manifest-{alg}.txt").read_bytes() == (theirs / f"manifest-{alg}.txt").read_bytes()


def test_the_spooled_zip_is_zipfiles_own(tmp_path, monkeypatch):
    root = tmp_path / "bag"
    make_tree(root)
    archive.write_archive(root, tmp_path / "spooled.zip", "zip", 0)
    with monkeypatch.context() as patched:  # the same writer, its per-member records kept in memory as zipfile keeps them
        patched.setattr(archive, "_SpooledInfos", lambda folder: _Listed())
        patched.setattr(archive, "_NoNames", dict)
        archive.write_archive(root, tmp_path / "listed.zip", "zip", 0)
    assert (tmp_path / "spooled.zip").read_bytes() == (tmp_path / "listed.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "spooled.zip") as unpacked:
        assert unpacked.testzip() is None
        names = unpacked.namelist()
        assert len(names) == len(set(names)) == 1 + len(TREE) + len({p for p in root.rglob("*") if p.is_dir()})
        shutil.rmtree(root)
        unpacked.extractall(tmp_path)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(TREE)


class _Listed(list):
    def close(self) -> None:
        pass


# --- deposit verify keeps its per-file state in the scratch too --------------------------------


def many_file_bag(root: Path, files: int) -> Path:
    """A bagit-python bag of `files` small payload files, a hundred to a folder."""
    for i in range(files):
        path = root / f"part-{i // 100:03d}" / f"article-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{i}\n", encoding="utf-8")
    with quiet_bagit():
        bagit.make_bag(str(root), checksums=list(CHECKSUMS), processes=1)
    return root


def traced_peak(function, *args) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_verify_fixity_memory_does_not_grow_with_the_number_of_files(tmp_path, monkeypatch):
    """The manifests (two entries a file), the listing of the bag and its sorted union were dicts
    and sets in memory: about 1 KB a file. Now they are tables in the Scratch, read line by line
    and back with cursors: five times the files, the same peak of Python memory. (Files are read
    a block at a time: a small block here, so that the test's manifests are many blocks long.)"""
    from teikit.deposit import bagread
    from teikit.deposit.verify import check_fixity

    monkeypatch.setattr(bagread, "BLOCK", 1 << 14)

    small, large = many_file_bag(tmp_path / "small", 500), many_file_bag(tmp_path / "large", 2500)
    assert check_fixity(small) == ([], 500) and check_fixity(large) == ([], 2500)
    grown = traced_peak(check_fixity, large) - traced_peak(check_fixity, small)
    assert grown < 400_000, f"{grown} bytes more for 2,000 more files"


def test_the_digests_taken_while_unpacking_are_kept_in_the_scratch(tmp_path):
    from teikit.deposit.extract import extract
    from teikit.deposit.scratch import Records

    bag = many_file_bag(tmp_path / "bag", 3)
    package = tmp_path / "bag.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for path in sorted(bag.rglob("*")):
            archive.write(path, Path("bag", path.relative_to(bag)).as_posix())
    with Scratch() as scratch:
        (tmp_path / "out").mkdir()
        got = extract(package, tmp_path / "out", scratch)
        assert isinstance(got.digests, Records)
        expected = (bag / "data" / "part-000" / "article-00002.txt").read_bytes()
        assert got.digests.get("data/part-000/article-00002.txt")["sha256"] == hashlib.sha256(expected).hexdigest()
        assert len(got.digests) == len([p for p in bag.rglob("*") if p.is_file()])


def _walked_files(root: Path) -> list[str]:
    """The listing fixity made before, with fsutil.walk (one folder's names held at a time)."""
    from teikit.fsutil import walk

    found = []
    for dirpath, dirnames, filenames in walk(root):
        dirnames.sort()
        for name in sorted(filenames) + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            found.append(Path(dirpath, name).relative_to(root).as_posix())
    return found


def test_fixitys_streamed_listing_is_walks(tmp_path, scratch):
    from teikit.deposit.fixity import _files

    make_tree(tmp_path / "bag")
    bag = tmp_path / "bag"
    (bag / "a" / "zz-linked-folder").symlink_to(bag / "b")
    (bag / "a" / "0-linked-folder").symlink_to(bag / "đ")
    (bag / "a" / "m-linked-file").symlink_to(bag / "b.txt")
    (bag / "a" / "dangling").symlink_to(bag / "nowhere")
    os.mkfifo(bag / "a" / "fifo")
    (bag / "ab" / "c.txt\udcff".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_text("x")
    expected = _walked_files(bag)
    assert list(_files(bag, scratch)) == expected
    # a linked folder after every file of its folder, before the folders' contents (not among the files by name)
    assert expected.index("a/m-linked-file") < expected.index("a/0-linked-folder") < expected.index("a/z/deep.txt")


def test_metadata_csv_is_read_as_it_streams(tmp_path, monkeypatch):
    """metadata.csv was read whole (its bytes and their text at once): now as it streams, through
    the same limit. Rows of 2,500 articles hold what 500 held."""
    from teikit.deposit import bagread
    from teikit.deposit.sources import check_sources

    monkeypatch.setattr(bagread, "BLOCK", 1 << 14)

    def bag(root: Path, rows: int) -> Path:
        (root / "data" / "metadata").mkdir(parents=True)
        lines = ["filename,dc.title,teikit.source_file"] + [f'data/tei/{i:05d}.xml,"Tiêu đề, số {i}\r\nhai dòng",' for i in range(rows)]
        (root / "data" / "metadata" / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return root

    small, large = bag(tmp_path / "small", 500), bag(tmp_path / "large", 2500)
    refs = {f"data/tei/{i:05d}.xml": ("x.txt", "0" * 64) for i in range(2)}
    result = check_sources(large, refs, set())
    assert (result.problems, result.notes) == ([], ["no source files packaged: the sha256 in the TEI headers could not be checked against their sources"])
    grown = traced_peak(check_sources, large, refs, set()) - traced_peak(check_sources, small, refs, set())
    assert grown < 150_000, f"{grown} bytes more for 2,000 more rows"
    limit = (large / "data" / "metadata" / "metadata.csv").stat().st_size - 1
    from teikit.deposit.limits import Limits

    assert check_sources(large, refs, set(), limits=Limits(manifest_bytes=limit)).problems == [
        ("data/metadata/metadata.csv", f"larger than the limit of {limit} bytes for a file read whole (raise it with --max-manifest-bytes)")]
