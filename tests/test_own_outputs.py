"""A command's own output folder is never read as its input (teikit.batch, "Own outputs").

Writing into a folder inside the input folder is ordinary (`convert in -o in/tei`, `render tei
-o tei/html`): every re-run must find the same inputs as the first, never the pages, TEI copies
(a site's html/tei/) or TEI it wrote itself, and must not count them as files it skipped. A
file named directly is read wherever it lies; an output folder that is the input folder itself
is read as ever (`render -f txt tei -o tei`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from teikit.batch import Batch
from teikit.cli import app
from teikit.errors import NoInputError

PAGE = Path(__file__).resolve().parent / "data" / "editing" / "flat.html"
runner = CliRunner()


def teikit(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def said(result, kind: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(f"{kind}:") and "not recognised" not in line]


@pytest.fixture
def corpus(tmp_path) -> Path:
    """in/flat.html converted into in/tei (an output folder inside the input folder)."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PAGE, folder / PAGE.name)
    result = teikit("convert", folder, "-o", folder / "tei")
    assert result.exit_code == 0, result.output
    return folder


# --- the batch -------------------------------------------------------------------

def test_a_batch_reads_nothing_under_its_output_folders_nor_counts_it_as_skipped(tmp_path):
    (tmp_path / "out" / "deep").mkdir(parents=True)
    for name in ("a.xml", "out/a.xml", "out/deep/b.xml", "out/notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    batch = Batch([tmp_path], (".xml",), output_suffix=".html", outputs=(tmp_path / "out",), unread=lambda p: "other")
    assert list(batch.files) == [tmp_path / "a.xml"]
    assert batch.report.skipped == {}


def test_an_output_folder_that_is_the_input_folder_and_a_file_named_directly_are_read(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "a.xml").write_text("x", encoding="utf-8")
    (tmp_path / "out" / "b.xml").write_text("x", encoding="utf-8")
    assert list(Batch([tmp_path], (".xml",), outputs=(tmp_path,)).files) == [tmp_path / "a.xml", tmp_path / "out" / "b.xml"]
    named = tmp_path / "out" / "b.xml"
    assert list(Batch([named], (".xml",), outputs=(tmp_path / "out",)).files) == [named]


def test_an_input_folder_holding_only_the_output_folder_has_nothing_to_do(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.xml").write_text("x", encoding="utf-8")
    with pytest.raises(NoInputError):
        Batch([tmp_path], (".xml",), outputs=(tmp_path / "out",))


# --- convert, render ---------------------------------------------------------------

def test_convert_into_a_folder_inside_its_input_folder_reads_only_the_articles_again(corpus):
    result = teikit("convert", corpus, "-o", corpus / "tei")
    assert result.exit_code == 0, result.output
    assert said(result, "error") == [] and said(result, "warning") == []
    assert result.stderr.splitlines()[-1] == f"0 of 1 converted into {corpus / 'tei'}, 1 unchanged"  # nothing skipped


def test_convert_reads_no_page_of_a_site_rendered_inside_its_output_folder(corpus):
    assert teikit("render", corpus / "tei", "-o", corpus / "tei" / "html").exit_code == 0
    result = teikit("convert", corpus, "-o", corpus / "tei")
    assert result.exit_code == 0, result.output
    assert said(result, "error") == []
    assert result.stderr.splitlines()[-1] == f"0 of 1 converted into {corpus / 'tei'}, 1 unchanged"
    assert sorted(p.name for p in (corpus / "tei").glob("*.xml")) == ["flat.xml"]


def test_a_site_rendered_inside_its_tei_folder_is_rendered_again_without_reading_its_copies(corpus):
    tei, site = corpus / "tei", corpus / "tei" / "html"
    first = teikit("render", tei, "-o", site)
    assert first.exit_code == 0, first.output
    assert (site / "tei" / "flat.xml").is_file()  # the site's copy of the TEI, inside the input folder
    again = teikit("render", tei, "-o", site)
    assert again.exit_code == 0, again.output
    assert said(again, "error") == [] and said(again, "warning") == []
    assert "rendered 0 file(s)" in again.stderr and "the site holds 1 article(s)" in again.stderr


def test_text_rendered_inside_its_tei_folder_is_rendered_again_without_reading_its_folder(corpus):
    tei = corpus / "tei"
    for _ in range(2):
        result = teikit("render", "-f", "txt", tei, "-o", tei / "txt")
        assert result.exit_code == 0, result.output
        assert said(result, "error") == [] and said(result, "warning") == []
    assert sorted(p.name for p in (tei / "txt").iterdir()) == [".teikit-build.json", "flat.txt"]


def test_text_rendered_into_a_site_inside_its_tei_folder_reads_none_of_the_sites_copies(corpus):
    """The site's folder is the txt render's output folder: its html/tei/ copies are no inputs (no
    "same output name" error). The two stages share the folder's build record, which says so."""
    tei = corpus / "tei"
    assert teikit("render", tei, "-o", tei / "html").exit_code == 0
    for _ in range(2):
        result = teikit("render", "-f", "txt", tei, "-o", tei / "html")
        assert result.exit_code == 0, result.output
        assert said(result, "error") == []
    assert (tei / "html" / "flat.txt").is_file()
