"""Incremental convert: into a folder converted before, only what changed is converted again.

Each test converts a small corpus, changes one input (a source, an option, the model, the
schema, teikit's version, the set of articles), converts again and checks which TEI files
were rewritten (a rewrite is a new file: atomic writes rename a new inode over the old) and
that the folder then holds what a conversion from scratch makes, byte for byte (the
editing records' `previous`, the history of a file, aside).

The corpus is test_parallel's kind: "Sùng A Châu" is a person in a01 (after "Ông"), and b02
names him bare, which only the corpus names mark; c03 names nobody of them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import teikit
from teikit import buildrecord
from teikit.cli import app
from teikit.validate import default_validator

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
NER_SAMPLE = ROOT / "tests" / "data" / "ner" / "train_sample.jsonl"

ARTICLES = {
    "a01": "Đoàn công tác thăm Mường Khương\n\n04/12/2023\nÔng Sùng A Châu phát biểu tại Mường Khương, "
           "tỉnh Lào Cai, trong buổi làm việc với đoàn công tác của tỉnh.\n",
    "b02": "Chuyến đi lên bản\n\n05/12/2023\nSùng A Châu kể lại chuyến đi. Đoàn về Mường Khương hôm qua "
           "và ở lại hai ngày.\n",
    "c03": "Giá lúa tăng\n\n06/12/2023\nGiá lúa tại Đồng bằng sông Cửu Long tăng mạnh trong tuần qua, "
           "theo Bộ Nông nghiệp và Phát triển nông thôn.\n",
}
STEMS = sorted(ARTICLES)


def convert(src: Path, out: Path, *extra):
    return runner.invoke(app, ["convert", str(src), "-o", str(out), "--jobs", "1", *map(str, extra)])


def inodes(out: Path) -> dict[str, int]:
    return {p.stem: p.stat().st_ino for p in out.glob("*.xml")}


def rewritten(before: dict[str, int], out: Path) -> list[str]:
    """The TEI files written since `before` (new, or replaced by a new file)."""
    return sorted(stem for stem, ino in inodes(out).items() if before.get(stem) != ino)


def contents(out: Path) -> dict[str, object]:
    """Every file under `out` by its path: the bytes, the editing records without their history."""
    found = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = str(path.relative_to(out))
        if path.parent.name == ".teikit":
            record = json.loads(path.read_text(encoding="utf-8"))
            record.pop("previous", None)
            found[rel] = record
        else:
            found[rel] = path.read_bytes()
    return found


def assert_as_from_scratch(src: Path, out: Path, tmp_path: Path, *extra, exit_code: int = 0) -> None:
    """What an incremental convert wrote is what converting everything again writes, against the
    same corpus register (an input, as the sources are: it keeps every name it ever held); that
    conversion exits with `exit_code` (1 where an input fails each time)."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    if (out / "register").is_dir():
        shutil.copytree(out / "register", fresh / "register")
    assert convert(src, fresh, *extra).exit_code == exit_code
    assert contents(out) == contents(fresh)


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path]:
    src = tmp_path / "src"
    src.mkdir()
    for stem, text in ARTICLES.items():
        (src / f"{stem}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "tei"
    first = convert(src, out)
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    return src, out


def test_nothing_changed_converts_nothing(corpus, tmp_path):
    src, out = corpus
    before = inodes(out)
    result = convert(src, out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    assert rewritten(before, out) == []
    assert_as_from_scratch(src, out, tmp_path)


def test_an_edited_source_is_the_only_one_converted(corpus, tmp_path):
    src, out = corpus
    before = inodes(out)
    (src / "c03.txt").write_text(ARTICLES["c03"].replace("tăng mạnh", "tăng nhẹ"), encoding="utf-8")
    result = convert(src, out)
    assert result.stderr.splitlines()[-1] == f"1 of 3 converted into {out}, 2 unchanged"
    assert rewritten(before, out) == ["c03"]
    assert_as_from_scratch(src, out, tmp_path)


def test_an_edited_sidecar_converts_its_article(corpus, tmp_path):
    src, out = corpus
    before = inodes(out)
    (src / "c03.meta.json").write_text(json.dumps({"author": "Lê Văn Tám"}), encoding="utf-8")
    assert convert(src, out).exit_code == 0
    assert rewritten(before, out) == ["c03"]
    assert_as_from_scratch(src, out, tmp_path)


def test_a_name_stays_in_the_register_when_its_article_no_longer_gives_it(corpus, tmp_path):
    src, out = corpus
    assert ">Sùng A Châu</persName>" in (out / "b02.xml").read_text(encoding="utf-8")
    before = inodes(out)
    # without "Ông" the rules do not take him for a person, but the corpus register still names him
    (src / "a01.txt").write_text(ARTICLES["a01"].replace("Ông Sùng", "Sùng"), encoding="utf-8")
    result = convert(src, out)
    assert result.stderr.splitlines()[-1] == f"1 of 3 converted into {out}, 2 unchanged"
    assert rewritten(before, out) == ["a01"]
    assert ">Sùng A Châu</persName>" in (out / "a01.xml").read_text(encoding="utf-8")
    assert ">Sùng A Châu</persName>" in (out / "b02.xml").read_text(encoding="utf-8")
    assert_as_from_scratch(src, out, tmp_path)


def test_an_added_article_whose_names_bear_on_others_converts_them(corpus, tmp_path):
    src, out = corpus
    before = inodes(out)
    (src / "d04.txt").write_text("Hội nghị\n\n07/12/2023\nBà Giàng Thị Mai đến Mường Khương.\n", encoding="utf-8")
    result = convert(src, out)
    assert result.exit_code == 0, result.output
    # the new names (Giàng Thị Mai) are written in no other article: only d04 is converted
    assert result.stderr.splitlines()[-1] == f"1 of 4 converted into {out}, 3 unchanged"
    assert rewritten(before, out) == ["d04"]
    assert_as_from_scratch(src, out, tmp_path)
    before = inodes(out)
    (src / "e05.txt").write_text("Tin vắn\n\n08/12/2023\nGiàng Thị Mai và Sùng A Châu về bản.\n", encoding="utf-8")
    (src / "d04.txt").write_text("Hội nghị\n\n07/12/2023\nBà Giàng Thị Mai và ông Lò Văn Pó đến Mường Khương.\n",
                                 encoding="utf-8")
    (src / "c03.txt").write_text(ARTICLES["c03"] + "Lò Văn Pó nói giá sẽ còn tăng.\n", encoding="utf-8")
    result = convert(src, out)
    # d04 and c03 changed, e05 is new; a01 and b02 hold none of the names that entered the corpus
    assert sorted(rewritten(before, out)) == ["c03", "d04", "e05"]
    assert result.stderr.splitlines()[-1] == f"3 of 5 converted into {out}, 2 unchanged"
    assert_as_from_scratch(src, out, tmp_path)


def test_a_new_name_in_an_articles_register_state_converts_it(corpus, tmp_path):
    """The header's register state holds the register's names whose first syllable the article
    writes (register.RegisterView.state_of): a new name beginning so changes it, even unmarked."""
    src, out = corpus
    (src / "f06.txt").write_text("Tin vắn\n\n08/12/2023\nĐoàn đi qua bản Giàng Tả Chải.\n", encoding="utf-8")
    assert convert(src, out).exit_code == 0
    before = inodes(out)
    (src / "d04.txt").write_text("Hội nghị\n\n07/12/2023\nBà Giàng Thị Mai đến Mường Khương.\n", encoding="utf-8")
    result = convert(src, out)
    assert result.stderr.splitlines()[-1] == f"2 of 5 converted into {out}, 3 unchanged"
    assert rewritten(before, out) == ["d04", "f06"]
    assert_as_from_scratch(src, out, tmp_path)


def test_a_removed_source_leaves_its_tei_to_convert(corpus, tmp_path):
    """convert is given some files: a TEI file of another source is not its to remove (build's is)."""
    src, out = corpus
    (src / "c03.txt").unlink()
    result = convert(src, out)
    assert result.stderr.splitlines()[-1] == f"0 of 2 converted into {out}, 2 unchanged"
    assert (out / "c03.xml").is_file()


@pytest.mark.parametrize("option", [("--publisher", "Báo Mới"), ("--language", "vi"), ("--no-validate",),
                                    ("--date", "2024-01-02")])
def test_an_option_that_changes_the_output_converts_everything(corpus, tmp_path, option):
    src, out = corpus
    before = inodes(out)
    result = convert(src, out, *option)
    assert result.stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert rewritten(before, out) == STEMS
    assert_as_from_scratch(src, out, tmp_path, *option)
    assert convert(src, out, *option).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"


@pytest.mark.parametrize("policy", ["--merge", "--overwrite"])
def test_the_edit_policy_changes_nothing_nobody_edited(corpus, policy):
    """--merge and --overwrite decide only what becomes of an edited file: the others are reused."""
    src, out = corpus
    before = inodes(out)
    assert convert(src, out, policy).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    assert convert(src, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    assert rewritten(before, out) == []


def test_jobs_is_not_an_option_that_changes_the_output(corpus):
    src, out = corpus
    result = runner.invoke(app, ["convert", str(src), "-o", str(out), "--jobs", "2"])
    assert result.stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"


def test_force_converts_everything(corpus, tmp_path):
    src, out = corpus
    result = convert(src, out, "--force")
    assert result.stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert_as_from_scratch(src, out, tmp_path)


def test_a_new_teikit_version_converts_everything(corpus, tmp_path, monkeypatch):
    src, out = corpus
    monkeypatch.setattr(teikit, "__version__", teikit.__version__ + ".post1")
    assert convert(src, out).stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert convert(src, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"


def test_changed_teikit_data_files_convert_everything(corpus, monkeypatch):
    src, out = corpus
    monkeypatch.setattr(buildrecord, "_own_files_digest", lambda: "other gazetteers")
    assert convert(src, out).stderr.splitlines()[-1] == f"3 of 3 converted into {out}"


def test_a_changed_schema_converts_everything(corpus, tmp_path, monkeypatch):
    src, out = corpus
    schema = tmp_path / "schema"
    shutil.copytree(teikit.resources.schema_dir(), schema)
    monkeypatch.setenv("TEIKIT_SCHEMA_DIR", str(schema))
    # the same files elsewhere are the same schema
    assert convert(src, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    rng = schema / "teikit.rng"
    rng.write_bytes(rng.read_bytes() + b"<!-- changed -->\n")
    default_validator.cache_clear()  # the process-wide validator: compiled again from the changed files
    buildrecord.forget_digests()
    try:
        assert convert(src, out).stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
        assert convert(src, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    finally:
        default_validator.cache_clear()


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("model") / "model"
    sample = folder.parent / "sample.jsonl"
    sample.write_text("".join(NER_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:19]), encoding="utf-8")
    trained = runner.invoke(app, ["ner", "train", str(sample), "-o", str(folder), "--max-iterations", "15"])
    assert trained.exit_code == 0, trained.output
    return folder


def test_a_changed_model_converts_everything(corpus, tmp_path, model):
    src, out = corpus
    mine = tmp_path / "model"
    shutil.copytree(model, mine)
    assert convert(src, out, "--model", mine).stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert convert(src, out, "--model", mine).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    meta = mine / "meta.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**data, "note": "retrained"}), encoding="utf-8")
    assert convert(src, out, "--model", mine).stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert_as_from_scratch(src, out, tmp_path, "--model", mine)


def test_an_edited_tei_is_kept_and_the_others_are_unchanged(corpus, tmp_path):
    src, out = corpus
    edited = out / "b02.xml"
    text = edited.read_text(encoding="utf-8").replace("kể lại chuyến đi", "kể lại chuyến đi<!-- đã soát -->")
    edited.write_text(text, encoding="utf-8")
    before = inodes(out)
    for _ in range(2):  # and again: an edited file is judged every time, never reused unseen
        result = convert(src, out)
        assert result.exit_code == 0, result.output
        assert f"warning: {edited}: edited since teikit wrote it (1 comment); kept as it is" in result.stderr
        assert result.stderr.splitlines()[-1] == (f"0 of 3 converted into {out}, 2 unchanged, "
                                                  "1 edited file kept as it was")
        assert rewritten(before, out) == []
        assert edited.read_text(encoding="utf-8") == text


def test_warnings_are_said_again_for_an_unchanged_article(corpus, tmp_path):
    src, out = corpus
    first = convert(src, out, "--no-validate", "--language", "de")
    again = convert(src, out, "--no-validate", "--language", "de")
    assert first.stderr.splitlines()[:-1] == again.stderr.splitlines()[:-1]
    assert again.stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"


@pytest.mark.parametrize("damage", [b"{not json", b'{"teikit-build": 99}', b'{"teikit-build": 1, "stage": "site"}',
                                    b'{"teikit-build": 1, "stage": "convert", "entries": []}', b"\xff\xfe"])
def test_a_damaged_record_is_a_full_conversion_with_one_warning(corpus, tmp_path, damage):
    src, out = corpus
    record = out / buildrecord.RECORD
    record.write_bytes(damage)
    result = convert(src, out)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {record}: the build record cannot be read (")
    assert warnings[0].endswith("); everything is made again")
    assert result.stderr.splitlines()[-1] == f"3 of 3 converted into {out}"
    assert_as_from_scratch(src, out, tmp_path)


def test_a_missing_record_is_a_full_conversion_without_a_word(corpus, tmp_path):
    src, out = corpus
    (out / buildrecord.RECORD).unlink()
    result = convert(src, out)
    assert result.stderr == f"3 of 3 converted into {out}\n"


def test_a_run_killed_before_its_record_leaves_one_the_next_run_can_trust(corpus, tmp_path, monkeypatch):
    """The record is written after the TEI: killed between the two, the old record's entry of a
    rewritten file no longer matches its bytes, and that file is converted again."""
    src, out = corpus
    record = (out / buildrecord.RECORD).read_bytes()
    (src / "c03.txt").write_text(ARTICLES["c03"].replace("tăng mạnh", "tăng nhẹ"), encoding="utf-8")

    def killed(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(buildrecord.Record, "save", killed)
    convert(src, out)
    monkeypatch.undo()
    assert (out / buildrecord.RECORD).read_bytes() == record  # the old record, whole
    before = inodes(out)
    assert convert(src, out).stderr.splitlines()[-1] == f"1 of 3 converted into {out}, 2 unchanged"
    assert rewritten(before, out) == ["c03"]
    assert_as_from_scratch(src, out, tmp_path)


REGISTER_EDITS = [
    # an authority id added by hand (the entry becomes the editor's)
    ('<person xml:id="pers-sung2-a-chau6" resp="#teikit"><persName>Sùng A Châu</persName></person>',
     '<person xml:id="pers-sung2-a-chau6"><persName>Sùng A Châu</persName>'
     '<idno type="URI">http://www.wikidata.org/entity/Q123</idno></person>', "Q123", ["a01", "b02"]),
    # its canonical name changed, the old one kept as a variant (a name no article writes enters)
    ('<place xml:id="place-muong772-khuong77" resp="#teikit"><placeName>Mường Khương</placeName></place>',
     '<place xml:id="place-muong772-khuong77"><placeName>huyện Mường Khương</placeName>'
     '<placeName type="variant">Mường Khương</placeName></place>', ">huyện Mường Khương</placeName>", ["a01", "b02"]),
]


def edit_register(out: Path, edit) -> None:
    """An editor's edit of the corpus register in `out` (one of REGISTER_EDITS)."""
    old, new = edit[:2]
    register = out / "register" / ("persons.xml" if "person" in old else "places.xml")
    text = register.read_text(encoding="utf-8")
    assert old in text
    register.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("edit", REGISTER_EDITS)
def test_an_edited_register_entry_converts_the_articles_that_name_it(corpus, tmp_path, edit):
    """What an article's copy of an entry takes of the corpus register (its id, canonical name,
    authority ids) is part of its key: an entry edited by hand converts the articles that name
    it, and only those, as a conversion from scratch would."""
    _, _, shows, named = edit
    src, out = corpus
    edit_register(out, edit)
    before = inodes(out)
    result = convert(src, out)
    assert result.exit_code == 0, result.output
    assert rewritten(before, out) == named
    assert result.stderr.splitlines()[-1] == f"2 of 3 converted into {out}, 1 unchanged"
    assert all(shows in (out / f"{stem}.xml").read_text(encoding="utf-8") for stem in named)
    assert_as_from_scratch(src, out, tmp_path)
    before = inodes(out)
    assert convert(src, out).stderr.splitlines()[-1] == f"0 of 3 converted into {out}, 3 unchanged"
    assert rewritten(before, out) == []
