"""convert into an existing output: which articles' TEI is already what converting them would write.

Contract (the record itself: teikit.buildrecord, `<out>/.teikit-build.json`, stage "convert"):
- An article's key is the digest of its source's path and bytes, its sidecar's bytes (none
  is a value too), the options (ConvertOptions), the model's files, the schema the TEI is
  validated against, and teikit's code, data files and version; not the edit policy: an entry
  written unedited stands for any, one of an editor's file (kept, merged) for its own ("policy").
- A web archive's page is keyed by its own record, not by the archive's other bytes
  (`page_keys`: the archive's path, the page's name, the sha256 of its payload, its capture and
  HTTP charset, and the rest as above), and by the archive's sha256, which its TEI header names
  as its source's. A page whose record is unchanged in an archive that changed (a page added,
  another page altered) is not converted again: its TEI, teikit's own and unedited, gets the
  archive's new sha256 in its header, the one byte string that differs (`rehead`: the form
  encode.header.source_sha256 gives, as the header writes it), and is
  written again (counted as written: its bytes are new).
- Its entry (one per TEI file, by stem) holds that key, the TEI's sha256 after the run, what
  the first pass found that the rest of the batch needs (the names it lends the corpus,
  register.found_names after pass two, which go into the corpus register again should it have lost
  them; its language), the warnings each pass said (replayed, so an
  unchanged article says what a full run says), its outcome (written, merged, or kept:
  an editor's file, judged again only when it changes), the corpus names it was
  converted with (by digest; the sets themselves in the record's "corpora") and what its copies
  of register entries take of the corpus register ("register": register.copies_state of its names).
- The second pass depends on the corpus names only through the names written in the
  article: a known name is marked only where its syllables are found (recognise.rules._known),
  and an article is recognised again only for a name it holds (register.SharedNames.missed_in).
  So an article whose key and TEI are unchanged is reused when the corpus names are those it
  was converted with; when names entered or left the corpus since, it is read again (not
  recognised) and reused unless the first syllable of one of those names is in its text, where
  the name may be marked or enter its register state (corpusnames.bears_on, a test that may only
  say yes too often); otherwise it is converted again. An article whose copies of register
  entries would differ (an entry it names edited by hand: an idno, its canonical name, a name
  it claims) is converted again whatever its text (Recheck.forced); the others are not.
  Each look again judges the reused articles against the register then, pass two against
  the settled view; how many articles pass two converts (`work_count`, which a pool of
  workers is told beforehand) is counted from that last judgment alone.
- Entries of TEI files this run did not touch stay (a convert of other files into the folder); an entry
  whose article failed goes, so it is tried again next time, as does one that replaced an edited file.
"""

from __future__ import annotations

import hashlib
from collections import deque
from pathlib import Path
from typing import NamedTuple

from . import buildrecord
from .batch import Outcome, Report
from .editing import record as editing
from .encode.header import source_sha256
from .ingest import WARC, source_stem, source_type
from .names import SIDECAR_SUFFIX
from .resources import schema_dir
from .validate.schemas import RNG_NAME, SCH_NAME
from .corpusnames import name_phrases
from .register import copies_state

STAGE = "convert"
WRITTEN, MERGED, KEPT = "written", "merged", "kept"
REUSED = "reused"  # what a worker's recheck returns when nothing new bears on the article


class Reused(NamedTuple):
    """Pass one's result for an article whose entry is reused: its source and entry, and for a web
    archive's page the page (ingest.warc.Page: read again should the corpus change around it)."""

    source: Path
    entry: dict
    page: object = None

    @property
    def stem(self) -> str:
        return self.page.stem if self.page is not None else source_stem(self.source)


class Recheck(NamedTuple):
    """Pass two's work for a reused article the corpus changed around: the source, and the names
    that entered or left the corpus since its conversion (corpusnames.name_phrases); the page of
    a web archive's; `forced`: an entry it names changed (converted again whatever its text)."""

    source: Path
    phrases: frozenset
    page: object = None
    forced: bool = False

    def read(self, follow_symlinks: bool):
        """The article again, as pass one read it (its language not settled)."""
        if self.page is not None:
            from .ingest.warc import page_article
            return page_article(self.page)
        from .ingest import ingest_file
        return ingest_file(self.source, follow_symlinks=follow_symlinks)


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _whole(entry: dict, policy: str) -> bool:
    """Whether an entry holds everything a reused article needs (a record edited by hand may not:
    then the article is converted again), and stands for this run's edit `policy` (see the docstring)."""
    names, write = entry.get("names"), entry.get("write")
    return (isinstance(names, list) and all(isinstance(n, list) and len(n) == 3 and _strings(n[:2])
                                            and (n[2] is None or isinstance(n[2], str)) for n in names)
            and isinstance(entry.get("language"), str) and _strings(entry.get("read"))
            and isinstance(write, list) and all(isinstance(w, list) and len(w) == 2 and isinstance(w[0], str)
                                                for w in write)
            and entry.get("outcome") in (WRITTEN, MERGED, KEPT)
            and (entry.get("outcome") == WRITTEN or entry.get("policy") == policy))


class ConvertRecord:
    """A convert run's use of its output folder's record."""

    def __init__(self, out_dir: Path, options, edited: str, validator, *, force: bool = False):
        self.out_dir = Path(out_dir)
        self.record = buildrecord.Record(self.out_dir, STAGE, force=force)
        self.corpora: dict[str, list] = dict(self.record.data.get("corpora") or {})
        schema = None
        # a validator of no schema files (one made for a test) cannot be keyed: nothing is reused or recorded
        self.usable = validator is None or not options.validate or hasattr(validator, "rng_path")
        if options.validate and self.usable:  # the schema files the TEI is validated against
            paths = ((validator.rng_path, validator.sch_path) if validator is not None
                     else (schema_dir() / RNG_NAME, schema_dir() / SCH_NAME))
            schema = [buildrecord.file_sha(path) for path in paths]
        self.edited = edited  # the edit policy: an entry of an editor's file stands for its own only (_whole)
        self.environment = buildrecord.digest(STAGE, repr(options), buildrecord.model_digest(options.model_dir),
                                              schema, buildrecord.code_digest())
        self._read: dict[str, dict] = {}  # stem -> what pass one found (this run's)
        self._deltas: dict[str, frozenset] = {}
        self._pages: dict[str, dict] = {}  # a web archive's page converted this run (by source): its keys
        self._register = None  # the corpus register as the articles' copies are made from (corpus, settled)
        self._standing: list[str] = []  # the stems of the reused articles the last look left as they are

    @property
    def warning(self) -> str | None:
        return self.record.warning

    def target_of(self, stem: str) -> Path:
        return self.out_dir / f"{stem}.xml"

    def target(self, source) -> Path:
        return self.target_of(source_stem(source))

    def key_of(self, source: Path) -> str | None:
        """The key of a source file (None: a web archive, or a file that cannot be read)."""
        source = Path(source)
        if source_type(source) == WARC:
            return None
        try:
            data = source.read_bytes()
        except OSError:
            return None
        sidecar = source.with_name(source_stem(source) + SIDECAR_SUFFIX)
        try:
            meta = sidecar.read_bytes()
        except OSError:
            meta = None
        return buildrecord.digest(self.environment, str(source), data, meta)

    def reusable(self, sources) -> dict[Path, Outcome]:
        """Pass one's outcome of every source whose entry is reused (batch.Batch.run_on's `ready`)."""
        ready = {}
        for source in sources if self.usable else ():
            key = self.key_of(source)
            entry = self.record.fresh(source_stem(source), key, self.target(source)) if key else None
            if entry is not None and entry.get("corpus") in self.corpora and _whole(entry, self.edited):
                ready[source] = Outcome(True, Reused(source, entry), Report(warnings=list(entry.get("read", []))))
        return ready

    def page_keys(self, page) -> dict:
        """A web archive's page's "key" (its own record's and the archive's sha256), and what it holds
        apart from the archive (its "page" key; "archive": the archive's sha256)."""
        own = buildrecord.digest(self.environment, "web archive page", page.archive, page.stem,
                                 hashlib.sha256(page.payload).hexdigest(), repr(page.capture), page.http_charset)
        return {"key": buildrecord.digest(own, page.archive_sha256), "page": own, "archive": page.archive_sha256}

    def page_ready(self, page, source: Path) -> Outcome | None:
        """Pass one's outcome of a web archive's page (ingest.warc.Page) whose entry is reused, as
        `reusable`'s; a page whose record is unchanged in an archive that changed is reused with
        its TEI to be re-headed (`rehead`). None: it is converted."""
        if not self.usable:
            return None
        keys = self.page_keys(page)
        entry = self.record.entries.get(page.stem)
        if entry is not None and entry.get("corpus") in self.corpora and _whole(entry, self.edited):
            if self.record.fresh(page.stem, keys["key"], self.target_of(page.stem)) is not None:
                return Outcome(True, Reused(source, entry, page), Report(warnings=list(entry.get("read", []))))
            if entry.get("page") == keys["page"] and self._reheadable(page.stem, entry):
                entry = {**entry, **keys, "rehead": entry["archive"]}
                return Outcome(True, Reused(source, entry, page), Report(warnings=list(entry.get("read", []))))
        self._pages[str(source)] = keys
        return None

    def _reheadable(self, stem: str, entry: dict) -> bool:
        """Whether the TEI is teikit's, unedited, as written for the entry, naming its archive once."""
        target = self.target_of(stem)
        try:
            data = target.read_bytes()
        except OSError:
            return False
        record = editing.load(target)
        return (entry.get("outcome") == WRITTEN and isinstance(entry.get("archive"), str)
                and editing.sha256(data) == entry.get("sha256") and record is not None
                and record.sha256 == entry["sha256"] and not record.edited
                and data.count(source_sha256(entry["archive"])) == 1)

    def _rehead(self, reused: Reused) -> bool:
        """The page's TEI with its archive's new sha256 in its header (and its editing record);
        False when its TEI changed since it was judged (it is then left for the next run)."""
        entry, target = reused.entry, self.target_of(reused.stem)
        if not self._reheadable(reused.stem, {**entry, "archive": entry["rehead"]}):
            return False
        existing = editing.inspect(target, b"")
        data = existing.data.replace(source_sha256(entry["rehead"]), source_sha256(entry["archive"]))
        editing.write(target, data, existing.record.markup, removed=existing.record.removed, before=existing)
        self.record.put(reused.stem, **({k: v for k, v in entry.items() if k != "rehead"} | {"sha256": editing.sha256(data)}))
        return True

    def found(self, source: Path, stem: str, language: str, names, warnings: list) -> None:
        """Pass one's findings for a source converted this run (a file, or a web archive's page keyed by
        page_ready), given by what is kept of them (a cluster's first pass stays on the cluster; convertpasses)."""
        keys = self._pages.pop(str(source), None) or {"key": self.key_of(source)}
        if keys["key"] is not None:
            self._read[stem] = {**keys, "names": _listed(names), "language": language, "read": list(warnings)}

    def named(self, stem: str, names) -> None:
        """The names the article holds after pass two (register.found_names), recorded instead of pass one's."""
        if stem in self._read:
            self._read[stem]["names"] = _listed(names)

    def revive(self, reused: Reused) -> None:
        """A reused article converted again (a name that entered the corpus bears on it): its findings go on."""
        self._read[reused.stem] = _findings(reused.entry)

    def corpus(self, names: frozenset, register) -> str:
        """A look again begins: the digest of its corpus names (kept in the record); `register`: the register then."""
        self._register = register
        self._standing = []
        listed = sorted(map(list, names))
        self.current = buildrecord.digest(listed)
        self.current_names = frozenset(names)
        self.corpora[self.current] = listed
        return self.current

    def settled(self, view) -> None:
        """The register's view the articles are encoded with (register.settle's)."""
        self._register = view

    def second_pass(self, reused: Reused):
        """None when the reused article's TEI stands as it is, against the register as it is now
        (a look's, then the settled view); else its Recheck."""
        delta, forced = self._judged(reused.entry)
        return Recheck(reused.source, delta, reused.page, forced) if delta or forced else None

    def _judged(self, entry: dict) -> tuple[frozenset, bool]:
        """A reused entry's names that entered or left the corpus since, and whether its copies of
        register entries differ from what the register now gives them."""
        return self._delta(entry["corpus"]), entry.get("register") != copies_state(self._register, entry["names"])

    def stands(self, reused: Reused) -> None:
        """The look again (this run's last, so far) left the reused article as it is (spooled so):
        pass two judges its record entry (the spool's is a copy) against the settled view (work_count)."""
        self._standing.append(reused.stem)

    def _delta(self, was: str) -> frozenset:
        """The names that entered or left the corpus since the corpus `was` (name_phrases)."""
        if was == self.current:
            return frozenset()
        if was not in self._deltas:
            before = frozenset((s, t) for s, t in self.corpora[was])
            self._deltas[was] = name_phrases(before ^ self.current_names)
        return self._deltas[was]

    def replay(self, reused: Reused, report: Report) -> None:
        """What the article's last conversion said and did, into this run's report (a page to
        re-head is re-headed here: then written)."""
        entry, target = reused.entry, self.target_of(reused.stem)
        if "rehead" in entry and not self._rehead(reused):
            self.record.drop(reused.stem)
            return report.fail(reused.source, f"{target}: changed while convert ran, so not brought up to date: "
                                              "convert again")
        self._still(reused)
        for message, once in entry.get("write", []):
            report.warn_once(message) if once else report.warn(message)
        if entry.get("degraded"):
            report.degraded.append(Path(reused.source))
        if entry.get("outcome") == KEPT:
            report.kept.append(target)
            return
        if "rehead" in entry:  # (a merged file stands as it was: unchanged, no merge said of this run)
            report.refreshed.append(target)
        (report.written if "rehead" in entry else report.unchanged).append(target)

    def second(self, entries, run, count: int):
        """Pass two in input order: (reused, outcome) for each of `entries` (pass one's results,
        a Reused or the article, convertpasses.Packed), `outcome` None for a reused article that stands as it is
        (replay it); the others are worked on by `run(items, count)` (an engine's map, results
        in order; `count`: how many, `work_count`) and recorded here."""
        order: deque = deque()

        def work():
            for item in entries:
                task = self.second_pass(item) if isinstance(item, Reused) else item
                order.append((item, task is not None))
                if task is not None:
                    yield task

        items = work()
        for outcome in (run(items, count) if count else ()):
            item, worked = order.popleft()
            while not worked:
                yield item, None
                item, worked = order.popleft()
            reused = item if isinstance(item, Reused) else None
            stem = item.stem  # a Reused, or the article (convertpasses.Packed)
            self.converted(stem, outcome, reused)
            yield reused, outcome
        for _ in items:  # the reused articles after the last one worked on (all, when none was)
            pass
        while order:
            yield order.popleft()[0], None

    def work_count(self, spooled: int) -> int:
        """How many of the `spooled` articles pass two works on, once the view is settled: every one
        the last look recognised, and of those it left standing (`stands`) each that second_pass
        judges against the view not to stand (exact: PoolEngine.map works on none when told 0). A
        stem the record holds no entry of is counted as work (too low a count would skip work)."""
        entries = self.record.entries
        return spooled - sum(1 for stem in self._standing
                             if (entry := entries.get(stem)) is not None and not any(self._judged(entry)))

    def _still(self, reused: Reused) -> None:
        """The reused entry stands for this run's corpus names too (the spool holds a copy of it)."""
        if reused.stem in self.record.entries:
            self.record.entries[reused.stem]["corpus"] = self.current

    def converted(self, stem: str, outcome: Outcome, reused: Reused | None = None) -> None:
        """Pass two's outcome for the article `stem` (converted, or rechecked when `reused`) into the record."""
        if not outcome.done:
            self.record.drop(stem)
            return
        if reused is not None and outcome.result == REUSED:
            return  # replayed (replay)
        found = self._read.pop(stem, None)
        if found is None and reused is not None:
            found = _findings(reused.entry)
        report = outcome.report
        if found is None or report.replaced:  # not keyed (its source unread); an edited file replaced: not replayed
            self.record.drop(stem)
            return
        outcome_kind = KEPT if report.kept else MERGED if report.merged else WRITTEN
        write = [[message, message in report.once] for message in report.warnings]
        self.record.put(stem, found.pop("key"), buildrecord.file_sha(self.out_dir / f"{stem}.xml"), **found,
                        write=write, degraded=bool(report.degraded), outcome=outcome_kind, policy=self.edited,
                        corpus=self.current, register=copies_state(self._register, found["names"]))

    def save(self, report) -> None:
        """The record, with only the corpora its entries name."""
        if not self.usable or not (self.record.entries or self.record.path.exists()):
            return  # nothing to record, and no record to bring up to date
        used = {entry.get("corpus") for entry in self.record.entries.values()}
        self.record.data["corpora"] = {k: v for k, v in self.corpora.items() if k in used}
        self.record.save(report)


def remove_unmade(out_dir, stale) -> list[Path]:
    """Of the TEI files `stale` (in out_dir, made by no source of a build any more), remove those
    the record says convert wrote and that are unchanged since (neither edited nor merged),
    with their editing records; the others are an editor's, or not teikit's: kept. The ones
    removed are returned; the record loses their entries (written after the removals)."""
    from .editing.record import record_path

    record = buildrecord.Record(out_dir, STAGE)
    removed = []
    for path in map(Path, stale):
        entry = record.entries.get(path.stem)
        if (entry is None or entry.get("outcome") != WRITTEN or path.parent != Path(out_dir)
                or buildrecord.file_sha(path) != entry.get("sha256")):
            continue
        path.unlink()
        record_path(path).unlink(missing_ok=True)
        record.drop(path.stem)
        removed.append(path)
    if removed:
        record.save()
    return removed


def _findings(entry: dict) -> dict:
    """What an entry's next entry takes over from it: its keys and what pass one found."""
    return {k: entry[k] for k in ("key", "page", "archive", "names", "language", "read") if k in entry}


def _listed(names) -> list:
    """(type, key, printed or None) names as sorted JSON lists."""
    return sorted((list(name) for name in names), key=lambda name: [part or "" for part in name])
