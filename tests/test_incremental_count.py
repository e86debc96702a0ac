"""Incremental convert's count of pass two's work (ConvertRecord.work_count): how many of the
spooled articles pass two converts, which a pool of workers is told beforehand (and works on
none when told none). It is exact: every article the last look recognised, and of the reused
ones that look left standing, each that the settled register view does not leave standing,
whatever the looks before it judged.

The end-to-end case: an entry of the corpus register edited by hand converts again, on a pool
of workers, the articles that name it (test_incremental's test, on one process, does not
depend on the count).
"""

from __future__ import annotations

from pathlib import Path

from teikit.convertrecord import ConvertRecord, Reused
from teikit.options import ConvertOptions
from teikit.register import Register, copies_state

from test_incremental import REGISTER_EDITS, convert, corpus, edit_register, inodes, rewritten  # noqa: F401 (corpus: the fixture)

NAMES = [["person", "Sùng A Châu", None]]


def _plan(tmp_path: Path) -> ConvertRecord:
    return ConvertRecord(tmp_path / "out", ConvertOptions(validate=False), "keep", None)


def _registers() -> tuple[Register, Register]:
    """The register an article was converted against, and the same with its entry given an authority id."""
    register = Register().merged({tuple(name) for name in NAMES})
    edited = register.merged(set())
    entry = next(iter(edited.entries["person"].values()))
    entry.idnos.append(("URI", "http://www.wikidata.org/entity/Q123"))
    assert copies_state(register, NAMES) != copies_state(edited, NAMES)
    return register, edited


def _view(register: Register):
    """The settled view of the articles' one name (Register.view)."""
    return register.view({tuple(name[:2]) for name in NAMES})


def _reused(plan: ConvertRecord, register: Register, stem: str = "a01") -> Reused:
    """A reused article, its entry in the plan's record (as a run's is) and a copy of it in hand
    (as the spool's is)."""
    corpus_now = plan.corpus(frozenset(), register)
    entry = {"corpus": corpus_now, "names": NAMES, "register": copies_state(register, NAMES)}
    plan.record.entries[stem] = entry
    return Reused(Path(f"{stem}.txt"), dict(entry))


def test_a_reused_article_the_view_leaves_standing_is_not_counted(tmp_path):
    plan = _plan(tmp_path)
    register, _ = _registers()
    reused = _reused(plan, register)
    plan.stands(reused)
    plan.settled(_view(register))
    assert plan.second_pass(reused) is None
    assert plan.work_count(3) == 2  # the two the look recognised; not the one that stands


def test_a_reused_article_whose_entry_the_view_changes_is_counted(tmp_path):
    plan = _plan(tmp_path)
    register, edited = _registers()
    reused = _reused(plan, register)
    plan.corpus(frozenset(), register)
    plan.stands(reused)
    plan.settled(_view(edited))
    assert plan.work_count(1) == 1
    recheck = plan.second_pass(reused)
    assert recheck is not None and recheck.forced and not recheck.phrases


def test_an_earlier_looks_judgment_is_not_counted(tmp_path):
    # The count once added up every article any look judged forced, each look against its own
    # register: one a look before the last judged forced, and the view not, was counted twice over.
    plan = _plan(tmp_path)
    register, edited = _registers()
    reused = _reused(plan, register)
    plan.corpus(frozenset(), edited)
    assert plan.second_pass(reused).forced
    plan.corpus(frozenset(), register)  # the last look
    plan.stands(reused)
    plan.settled(_view(register))
    assert plan.work_count(1) == 0


def test_a_standing_article_the_record_holds_no_entry_of_is_counted(tmp_path):
    # The count judges the record's entry (the spool's is a copy); with none there it is work
    # (a count too low makes the pool skip work).
    plan = _plan(tmp_path)
    register, _ = _registers()
    reused = _reused(plan, register)
    plan.stands(reused)
    del plan.record.entries[reused.stem]
    plan.settled(_view(register))
    assert plan.work_count(1) == 1


def test_a_new_look_forgets_what_the_last_left_standing(tmp_path):
    plan = _plan(tmp_path)
    register, edited = _registers()
    reused = _reused(plan, register)
    plan.stands(reused)
    plan.corpus(frozenset(), register)  # a look again: it recognised the article this time
    plan.settled(_view(edited))
    assert plan.work_count(1) == 1


def test_an_edited_register_entry_converts_its_articles_on_a_pool_of_workers(corpus):
    src, out = corpus
    _, _, shows, named = REGISTER_EDITS[0]
    edit_register(out, REGISTER_EDITS[0])
    before = inodes(out)
    result = convert(src, out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == f"2 of 3 converted into {out}, 1 unchanged"
    assert rewritten(before, out) == named
    assert all(shows in (out / f"{stem}.xml").read_text(encoding="utf-8") for stem in named)
