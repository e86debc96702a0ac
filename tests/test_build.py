"""`teikit build`: the main job, seeds → TEI → validation → editions → deposit.

Every step's errors and warnings are printed even when a later step fails; the
build takes the stage commands' options (--model, --abbr, --bagging-date,
--package-format, …) and honours them.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

import teikit.convert
from teikit.cli import app
from teikit.deposit import verify_package

ROOT = Path(__file__).resolve().parent.parent
NER_SAMPLE = ROOT / "tests" / "data" / "ner" / "train_sample.jsonl"
SEED = next((ROOT / "seeds").glob("*.txt"))
runner = CliRunner()


def build(tmp: Path, *extra: str, dist: str = "dist", tei: str = "tei"):
    return runner.invoke(app, ["build", "--seeds", str(tmp / "seeds"), "--tei", str(tmp / tei),
                               "--dist", str(tmp / dist), *map(str, extra)])


@pytest.fixture
def seeds(tmp_path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "seeds"


def test_build_makes_every_output_and_a_verifiable_package(tmp_path, seeds):
    result = build(tmp_path, "--contact-name", "Ban biên tập", "--contact-email", "bbt@example.org")
    assert result.exit_code == 0, result.output
    stems = sorted(p.stem for p in seeds.glob("*.txt"))
    assert sorted(p.stem for p in (tmp_path / "tei").glob("*.xml")) == stems
    for stem in stems:
        assert (tmp_path / "dist" / "html" / f"{stem}.html").is_file()
        assert (tmp_path / "dist" / "txt" / f"{stem}.txt").is_file()
    for page in ("index.html", "registers/persons.html", "registers/organisations.html", "registers/places.html"):
        assert (tmp_path / "dist" / "html" / page).is_file()
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    assert verify_package(package).ok
    assert "validate: 1 file, 1 valid, 0 invalid, 0 errors" in result.stderr


def test_two_builds_give_identical_files(tmp_path, seeds):
    # Every file but Pagefind's search bundle, whose filter and meta index files are named by
    # hashes that vary run to run (a limit of Pagefind, docs/site.md); its pages and entry are checked.
    def files():
        found = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
        bundle = {p for p in found if "pagefind" in p.parts}
        assert any(p.name == "pagefind.js" for p in bundle)
        return {p: data for p, data in found.items() if p not in bundle}

    assert build(tmp_path, "--bagging-date", "2024-05-06").exit_code == 0
    first = files()
    assert build(tmp_path, "--bagging-date", "2024-05-06").exit_code == 0
    assert files() == first


def test_a_bad_seed_fails_the_build_but_not_the_others(tmp_path, seeds):
    (seeds / "broken.txt").write_bytes(b"\xff\xfeT\x00")
    result = build(tmp_path, "--no-deposit")
    assert result.exit_code == 1
    assert f"error: {seeds / 'broken.txt'}: encoded as UTF-16" in result.stderr
    assert len(list((tmp_path / "dist" / "txt").glob("*.txt"))) == len(list((ROOT / "seeds").glob("*.txt")))


def test_a_missing_seeds_folder_is_a_usage_error(tmp_path):
    result = build(tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'seeds'}: no such file or directory\n"


def test_no_article_converted_stops_after_convert(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "broken.txt").write_bytes(b"\xff\xfeT\x00")
    result = build(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'seeds' / 'broken.txt'}: encoded as UTF-16 (little-endian byte-order mark), "
        "expected UTF-8; re-save the file as UTF-8",
        f"convert:  0 TEI files in {tmp_path / 'tei'}",
        f"error: {tmp_path / 'seeds'}: no TEI written; nothing to validate, render or deposit",
    ]
    assert not (tmp_path / "dist").exists()


def test_a_forced_build_removes_what_a_removed_seed_made_as_a_plain_build_does(tmp_path):
    # --force made every record new: the TEI, text edition and site copy of a seed since removed
    # were no longer known as teikit's and stayed, the TEI warned about on every later build.
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds")
    shutil.copy(SEED, tmp_path / "seeds" / "gone.txt")
    assert build(tmp_path).exit_code == 0
    made = [tmp_path / "tei" / "gone.xml", tmp_path / "dist" / "txt" / "gone.txt", tmp_path / "dist" / "html" / "gone.html",
            tmp_path / "dist" / "html" / "tei" / "gone.xml"]
    assert all(path.is_file() for path in made)
    (tmp_path / "seeds" / "gone.txt").unlink()
    result = build(tmp_path, "--force")
    assert result.exit_code == 0, result.output
    assert [path for path in made if path.exists()] == []
    assert "no source in" not in build(tmp_path).stderr


def test_an_empty_seeds_folder_removes_no_tei(tmp_path):
    # Every TEI file a build wrote was removed as made by no source any more, then the build stopped.
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds")
    assert build(tmp_path).exit_code == 0
    (tmp_path / "seeds" / SEED.name).unlink()
    (tmp_path / "seeds" / "notes.md").write_text("not an article", encoding="utf-8")
    before = sorted(p.name for p in (tmp_path / "tei").glob("*.xml"))
    result = build(tmp_path)
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == before and before
    assert result.stderr.splitlines()[-1] == (f"error: {tmp_path / 'seeds'}: no TEI written; nothing to validate, render "
                                              f"or deposit (1 TEI file left as it is in {tmp_path / 'tei'})")
    assert "removed" not in result.stderr
    # nor does a folder whose one seed fails (a NUL byte): a build that makes no TEI removes none
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"Title\n\nText\x00 here.\n")
    result = build(tmp_path)
    assert result.exit_code == 1 and "removed" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == before


class _Exploding:
    """A recogniser with a bug: convert keeps the text, drops the markup, and warns."""

    name = "exploding"

    def find(self, text, context):
        raise RuntimeError("boom")


def test_a_failing_deposit_still_prints_the_convert_errors_and_warnings(tmp_path, seeds, monkeypatch):
    monkeypatch.setattr(teikit.convert, "load_recogniser", lambda options: _Exploding())
    (seeds / "broken.txt").write_bytes(b"\xff\xfeT\x00")
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    package.mkdir(parents=True)  # a directory where the package file goes: the deposit step must fail
    result = build(tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f"warning: {seeds / SEED.name}: the exploding recogniser failed (RuntimeError: boom); "
                        "written without entity markup")
    assert lines[1] == (f"error: {seeds / 'broken.txt'}: encoded as UTF-16 (little-endian byte-order mark), "
                        "expected UTF-8; re-save the file as UTF-8")
    assert lines[-1] == (f"error: {package}: not made, 1 article(s) failed to convert; the package there (if any) "
                         "is kept")
    assert "validate: 1 file, 1 valid, 0 invalid, 0 errors" in lines
    assert (tmp_path / "dist" / "txt" / f"{SEED.stem}.txt").is_file()  # the steps before it did run
    assert not any(package.iterdir())


def test_model_is_used_by_convert(tmp_path, seeds):
    model = tmp_path / "model"
    # fewer documents than a policy is chosen on: the default policy, where the model's names count
    # (on the whole sample the rules now win every label, and the model would add nothing to see)
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(NER_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:19]), encoding="utf-8")
    trained = runner.invoke(app, ["ner", "train", str(sample), "-o", str(model), "--max-iterations", "15"])
    assert trained.exit_code == 0, trained.output
    assert build(tmp_path, "--no-deposit").exit_code == 0
    assert 'ident="teikit-ner-crf"' not in (tmp_path / "tei" / f"{SEED.stem}.xml").read_text(encoding="utf-8")
    result = build(tmp_path, "--no-deposit", "--model", model, tei="tei-model")
    assert result.exit_code == 0, result.output
    assert 'ident="teikit-ner-crf"' in (tmp_path / "tei-model" / f"{SEED.stem}.xml").read_text(encoding="utf-8")


def test_a_missing_model_stops_the_build_with_one_line(tmp_path, seeds):
    model = tmp_path / "no-model"
    result = build(tmp_path, "--model", model)
    assert result.exit_code == 1
    assert result.stderr == f"error: {model}: model directory does not exist\n"
    assert not (tmp_path / "tei").exists()


def test_abbr_expand_changes_the_text_edition(tmp_path, seeds):
    assert build(tmp_path, "--no-deposit").exit_code == 0
    assert build(tmp_path, "--no-deposit", "--abbr", "expand", dist="dist-expanded").exit_code == 0
    kept = (tmp_path / "dist" / "txt" / f"{SEED.stem}.txt").read_text(encoding="utf-8")
    expanded = (tmp_path / "dist-expanded" / "txt" / f"{SEED.stem}.txt").read_text(encoding="utf-8")
    assert "Ủy ban Trung ương MTTQVN; Thượng tướng" in kept
    assert "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam; Thượng tướng" in expanded


def _bag_info(package: Path) -> str:
    with zipfile.ZipFile(package) as archive:
        return archive.read(f"{package.name.removesuffix('.zip')}/bag-info.txt").decode("utf-8")


def test_bagging_date_goes_into_bag_info(tmp_path, seeds):
    result = build(tmp_path, "--bagging-date", "2020-01-02")
    assert result.exit_code == 0, result.output
    assert "Bagging-Date: 2020-01-02\n" in _bag_info(tmp_path / "dist" / "deposit" / "seeds-corpus.zip")


def test_a_bad_bagging_date_is_a_usage_error(tmp_path, seeds):
    result = build(tmp_path, "--bagging-date", "2020-02-30")
    assert result.exit_code == 2
    assert result.stderr == "error: --bagging-date 2020-02-30: not a date YYYY-MM-DD\n"
    assert not (tmp_path / "tei").exists()


def test_an_undated_article_does_not_stop_the_build(tmp_path):
    (tmp_path / "seeds").mkdir()
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].strip() == "31/07/2013"  # title, blank line, date line, text
    (tmp_path / "seeds" / "undated.txt").write_text("".join(lines[:2] + lines[3:]), encoding="utf-8")
    result = build(tmp_path)
    assert result.exit_code == 0, result.output
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    assert verify_package(package).ok
    tei = etree.parse(str(tmp_path / "tei" / "undated.xml"))
    assert tei.findall(".//t:sourceDesc//t:date", {"t": "http://www.tei-c.org/ns/1.0"}) == []


@pytest.mark.parametrize("fmt, name", [("dir", "seeds-corpus"), ("tar.gz", "seeds-corpus.tar.gz")])
def test_package_format_and_rebuilding_over_the_last_package(tmp_path, seeds, fmt, name):
    # the second build (--force: nothing changed) replaces the package the first one made; the third leaves it
    for again in ((), ("--force",), ()):
        result = build(tmp_path, "--package-format", fmt, "--bagging-date", "2024-05-06", *again)
        assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].endswith(", unchanged")
    package = tmp_path / "dist" / "deposit" / name
    assert verify_package(package).ok
    # and its build record, and the payload cache (the findings and editions of each article packaged)
    assert sorted(p.name for p in package.parent.iterdir()) == [".teikit-build.json", ".teikit-payload", name]


@pytest.mark.parametrize("again", [(), ("--force",)])
def test_a_package_no_build_made_is_never_replaced(tmp_path, seeds, again):
    # An archivist's package, made by `deposit make --replace` with a contact at the build's name,
    # was replaced by the next build (nothing changed), its Contact-Name gone, without a word.
    assert build(tmp_path, "--bagging-date", "2024-05-06").exit_code == 0
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    made = runner.invoke(app, ["deposit", "make", str(tmp_path / "tei"), "--sources", str(seeds), "-o", str(package),
                               "--replace", "--bagging-date", "2024-05-01", "--contact-name", "An Archivist"])
    assert made.exit_code == 0, made.output
    theirs = package.read_bytes()
    result = build(tmp_path, "--bagging-date", "2024-05-06", *again)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"error: {package}: kept: it is not the package a build made here (one `deposit make` made, or changed since "
        "a build made it); move it away, or remove it yourself, and build again")
    assert package.read_bytes() == theirs
    package.rename(tmp_path / "archivist.zip")  # moved away: the build makes its own again
    assert build(tmp_path, "--bagging-date", "2024-05-06").exit_code == 0 and verify_package(package).ok


def test_another_package_format_removes_the_package_the_build_made_before_and_keeps_any_other(tmp_path, seeds):
    # After --package-format tar.gz the zip an earlier build made stayed beside it, stale, unsaid.
    deposit = tmp_path / "dist" / "deposit"
    assert build(tmp_path).exit_code == 0 and (deposit / "seeds-corpus.zip").is_file()
    result = build(tmp_path, "--package-format", "tar.gz")
    assert result.exit_code == 0, result.output
    assert f"warning: {deposit / 'seeds-corpus.zip'}: removed: the build's package is now seeds-corpus.tar.gz" \
        in result.stderr.splitlines()
    assert sorted(p.name for p in deposit.iterdir() if not p.name.startswith(".")) == ["seeds-corpus.tar.gz"]
    # a folder package the build made, then changed by someone: kept
    assert build(tmp_path, "--package-format", "dir").exit_code == 0
    (deposit / "seeds-corpus" / "notes.txt").write_text("mine", encoding="utf-8")
    assert build(tmp_path, "--package-format", "zip").exit_code == 0
    assert (deposit / "seeds-corpus" / "notes.txt").is_file() and not (deposit / "seeds-corpus.tar.gz").exists()
    # nor one that holds hidden files (an archivist's .git), which the package's digest once left out
    (deposit / "seeds-corpus" / "notes.txt").unlink()
    (deposit / "seeds-corpus" / ".git").mkdir()
    (deposit / "seeds-corpus" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert build(tmp_path, "--package-format", "zip", "--force").exit_code == 0  # the zip made again
    assert (deposit / "seeds-corpus" / ".git" / "HEAD").is_file()


def test_a_directory_that_is_not_a_bag_is_never_removed(tmp_path, seeds):
    package = tmp_path / "dist" / "deposit" / "seeds-corpus"
    package.mkdir(parents=True)
    (package / "notes.txt").write_text("mine", encoding="utf-8")
    result = build(tmp_path, "--package-format", "dir")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(f"error: {package}: already exists as a directory")
    assert (package / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_article_that_fails_costs_neither_its_page_nor_its_place_in_the_package(tmp_path, seeds):
    """A build with a failed article never replaces the site or the package with ones that lack it."""
    second = seeds / "second.txt"
    second.write_bytes((seeds / SEED.name).read_bytes().replace("Bộ Công an".encode(), "Bộ Y tế".encode(), 1))
    assert build(tmp_path).exit_code == 0
    package = tmp_path / "dist" / "deposit" / "seeds-corpus.zip"
    before = package.read_bytes()
    second.write_bytes(b"\xff\xfeT\x00")  # now it fails to convert
    result = build(tmp_path)
    assert result.exit_code == 1
    assert (tmp_path / "dist" / "html" / "second.html").is_file()
    assert package.read_bytes() == before
    assert result.stderr.splitlines()[-1] == (f"error: {package}: not made, 1 article(s) failed to convert; "
                                              "the package there (if any) is kept")



def test_stale_tei_is_reported_and_neither_rendered_nor_packaged(tmp_path, seeds):
    """A TEI file left in tei/ by an earlier build of a source since removed is not this build's."""
    second = seeds / "second.txt"
    shutil.copyfile(SEED, second)
    assert build(tmp_path, "--package-format", "dir").exit_code == 0
    second.unlink()  # its TEI stays behind in tei/
    (tmp_path / "tei" / "notes.xml").write_text("<not-tei/>", encoding="utf-8")  # not made from a source either
    result = build(tmp_path, "--package-format", "dir")
    assert result.exit_code == 0, result.output
    tei = tmp_path / "tei"
    stale = [line for line in result.stderr.splitlines() if "no source in" in line]
    assert stale == [f"warning: {tei / 'notes.xml'}: kept, but no source in {seeds} makes it (its source renamed or "
                     "removed?; a file renamed as its source now is keeps its edits); not validated, rendered or packaged",
                     f"warning: {tei / 'second.xml'}: removed: no source in {seeds} makes it any more (teikit wrote it, "
                     "and it was not edited since)"]
    assert "validate: 1 file, 1 valid, 0 invalid, 0 errors" in result.stderr
    package = tmp_path / "dist" / "deposit" / "seeds-corpus"
    # beside it the corpus register (tei/register/), which keeps every entity it ever held
    assert sorted(p.name for p in (package / "data" / "tei").iterdir()) == [f"{SEED.stem}.xml", "register"]
    assert (tei / "notes.xml").is_file()  # reported, never removed: it may be someone's
    assert not (tei / "second.xml").exists()  # teikit's own, unedited: removed with its source (docs/scale.md)


def test_outputs_inside_the_seeds_folder_are_never_read_as_its_articles(tmp_path, seeds):
    """--dist and --tei inside --seeds: the second build finds its pages and text editions there
    (.html, .txt: inputs convert reads) and leaves them alone; its articles are the seeds' own."""
    stems = sorted(p.stem for p in seeds.glob("*.txt"))
    first = build(tmp_path, "--package-format", "dir", dist="seeds/dist", tei="seeds/tei")
    assert first.exit_code == 0, first.output
    assert (seeds / "dist" / "txt" / f"{stems[0]}.txt").is_file() and (seeds / "dist" / "html" / "index.html").is_file()
    tei = {p.name: p.read_bytes() for p in (seeds / "tei").glob("*.xml")}
    again = build(tmp_path, "--package-format", "dir", dist="seeds/dist", tei="seeds/tei")
    assert again.exit_code == 0, again.output
    assert f"convert:  0 TEI files in {seeds / 'tei'}, {len(stems)} unchanged" in again.stderr
    assert "same output name" not in again.stderr
    assert {p.name: p.read_bytes() for p in (seeds / "tei").glob("*.xml")} == tei
    assert sorted(p.stem for p in (seeds / "dist" / "txt").glob("*.txt")) == stems
    package = seeds / "dist" / "deposit" / "seeds-corpus" / "data"
    assert sorted(p.stem for p in (package / "tei").glob("*.xml")) == stems


def test_web_archives_and_gzipped_pages_are_seeds_whose_tei_stays(tmp_path, seeds):
    """A web archive's pages and X.html.gz make TEI named otherwise than their files: the build took
    that TEI for stale (no seed of that name), removed it and failed every later step."""
    import gzip

    from test_warc_input import CRAWL, HTML, write_warc

    archive = write_warc(seeds / "crawl.warc.gz", CRAWL)
    (seeds / "xinhua.html.gz").write_bytes(gzip.compress((HTML / "xinhua_metro.html").read_bytes(), mtime=0))
    first = build(tmp_path, "--no-deposit")
    assert first.exit_code == 0, first.output
    tei = sorted(p.name for p in (tmp_path / "tei").glob("*.xml"))
    assert len(tei) == 4 and "xinhua.xml" in tei  # the seed, the archive's two pages, the gzipped page
    assert sorted(p.stem for p in (tmp_path / "dist" / "txt").glob("*.txt")) == [Path(n).stem for n in tei]
    again = build(tmp_path, "--no-deposit")
    assert again.exit_code == 0, again.output
    assert "removed" not in again.stderr and sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == tei
    # an archive that cannot be read this time may make any of them: none is removed
    archive.write_bytes(archive.read_bytes()[:200])
    damaged = build(tmp_path, "--no-deposit")
    assert damaged.exit_code == 1
    assert "removed" not in damaged.stderr and sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == tei
    # an archive gone from the seeds takes its pages' TEI with it, as any source does
    archive.unlink()
    gone = build(tmp_path, "--no-deposit")
    assert gone.exit_code == 0, gone.output
    assert len([line for line in gone.stderr.splitlines() if "removed: no source in" in line]) == 2
    assert sorted(p.name for p in (tmp_path / "tei").glob("*.xml")) == [f"{SEED.stem}.xml", "xinhua.xml"]


def test_a_site_the_build_cannot_update_says_what_to_do_with_builds_options(tmp_path, seeds):
    """render's refusal says `give --replace-site`, an option build does not have."""
    shutil.copyfile(SEED, seeds / "second.txt")
    assert build(tmp_path, "--no-deposit").exit_code == 0
    tei = tmp_path / "tei" / f"{SEED.stem}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<head>", "<head><b>", 1), encoding="utf-8")
    result = build(tmp_path, "--no-deposit")
    assert result.exit_code == 1
    site = [line for line in result.stderr.splitlines() if line.startswith(f"error: {tmp_path / 'dist' / 'html'}:")]
    assert len(site) == 1 and site[0].endswith(
        "; nothing written (correct the files that failed to convert, or remove them, and build again)")
    assert "--replace-site" not in result.stderr


def test_an_edited_tei_whose_seed_is_gone_loses_its_text_edition_as_its_page(tmp_path, seeds):
    """The editor's file stays (reported); the editions follow the corpus, which no longer holds it:
    its page went and its text edition stayed."""
    second = seeds / "second.txt"
    shutil.copyfile(SEED, second)
    assert build(tmp_path, "--no-deposit").exit_code == 0
    tei = tmp_path / "tei" / "second.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<p>", "<p><!-- checked -->", 1), encoding="utf-8")
    second.unlink()
    result = build(tmp_path, "--no-deposit")
    assert result.exit_code == 0, result.output
    assert tei.is_file()
    assert not (tmp_path / "dist" / "html" / "second.html").exists()
    assert not (tmp_path / "dist" / "txt" / "second.txt").exists()
    assert f"warning: {tmp_path / 'dist' / 'txt' / 'second.txt'}: removed (its TEI left the corpus)" in result.stderr


def test_outputs_inside_the_seeds_folder_are_left_alone_when_it_is_named_through_a_link(tmp_path, seeds):
    link = tmp_path / "link"
    link.symlink_to(seeds)
    args = ["build", "--seeds", str(link), "--tei", str(seeds / "tei"), "--dist", str(seeds / "dist"), "--no-deposit"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert f"convert:  0 TEI files in {seeds / 'tei'}, 1 unchanged" in again.stderr


def test_a_gzipped_page_is_packaged_with_its_source(tmp_path, seeds):
    """The header recorded the sha256 of the page decompressed, the deposit checks the file as
    stored: such a seed could never be packaged."""
    import gzip

    from test_warc_input import HTML

    (seeds / "xinhua.html.gz").write_bytes(gzip.compress((HTML / "xinhua_metro.html").read_bytes(), mtime=0))
    result = build(tmp_path, "--package-format", "dir")
    assert result.exit_code == 0, result.output
    assert verify_package(tmp_path / "dist" / "deposit" / "seeds-corpus").ok
