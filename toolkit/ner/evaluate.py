"""Score predicted entity spans against gold spans: per label and micro-averaged, exact and overlap.

Both sides are flattened to their outermost spans first (the format is flat).
Exact: a prediction counts only with the gold span's start, end and label.
Overlap: a prediction counts when it shares at least one character with a gold
span of the same label; each gold span matches at most one prediction
(greedy, in document order). Errors are classified against the gold: a gold
span overlapped by a prediction of another label is a "type" error, one
overlapped by a same-label prediction with other bounds a "boundary" error,
one with nothing over it "missed"; a prediction touching no gold span is
"spurious".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import NerInputError, one_line
from ..recognise.labels import LABELS
from .jsonl import NerDoc
from .limits import DEFAULT_LIMITS, NerLimits, check_text_size
from .spans import Span, outermost

ERROR_KINDS = ("missed", "spurious", "type", "boundary")  # worst first
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class EntityError:
    doc_id: str
    kind: str              # one of ERROR_KINDS
    gold: Span | None
    pred: Span | None
    context: str           # the text around the span, the span in [brackets]


@dataclass(frozen=True)
class EvalReport:
    documents: int
    exact: dict = field(default_factory=dict)     # label -> Score
    overlap: dict = field(default_factory=dict)   # label -> Score
    errors: tuple[EntityError, ...] = ()          # every error, worst first

    @property
    def exact_micro(self) -> Score:
        return sum(self.exact.values(), Score())

    @property
    def overlap_micro(self) -> Score:
        return sum(self.overlap.values(), Score())

    def to_dict(self, max_errors: int | None = None) -> dict:
        errors = self.errors if max_errors is None else self.errors[:max_errors]
        return {
            "documents": self.documents,
            "exact": {**{k: v.to_dict() for k, v in self.exact.items()}, "micro": self.exact_micro.to_dict()},
            "overlap": {**{k: v.to_dict() for k, v in self.overlap.items()}, "micro": self.overlap_micro.to_dict()},
            "errors": [dict(asdict(e), gold=list(e.gold) if e.gold else None, pred=list(e.pred) if e.pred else None)
                       for e in errors],
            "error_counts": {kind: sum(1 for e in self.errors if e.kind == kind) for kind in ERROR_KINDS},
        }


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _context(text: str, span: Span) -> str:
    s, e = span[0], span[1]
    left = text[max(0, s - CONTEXT_CHARS):s]
    right = text[e:e + CONTEXT_CHARS]
    return " ".join(f"{left}[{text[s:e]}]{right}".split())


def exact_score(gold: list[Span], pred: list[Span], label: str) -> Score:
    """Exact-match Score of one label, given both sides' outermost spans."""
    g_set = {s for s in gold if s[2] == label}
    p_set = {s for s in pred if s[2] == label}
    tp = len(g_set & p_set)
    return Score(tp, len(p_set) - tp, len(g_set) - tp)


def _overlap_tp(gold: list[Span], pred: list[Span], label: str) -> int:
    golds = [g for g in gold if g[2] == label]
    used: set[int] = set()
    tp = 0
    for p in (p for p in pred if p[2] == label):
        for i, g in enumerate(golds):
            if i not in used and _overlaps(g, p):
                used.add(i)
                tp += 1
                break
    return tp


def _errors(doc_id: str, text: str, gold: list[Span], pred: list[Span]) -> list[EntityError]:
    exact = set(gold) & set(pred)
    found = []
    for g in gold:
        if g in exact:
            continue
        touching = [p for p in pred if _overlaps(g, p) and p not in exact]
        same = [p for p in touching if p[2] == g[2]]
        if same:
            found.append(EntityError(doc_id, "boundary", g, same[0], _context(text, g)))
        elif touching:
            found.append(EntityError(doc_id, "type", g, touching[0], _context(text, g)))
        else:
            found.append(EntityError(doc_id, "missed", g, None, _context(text, g)))
    for p in pred:
        if p not in exact and not any(_overlaps(g, p) for g in gold):
            found.append(EntityError(doc_id, "spurious", None, p, _context(text, p)))
    return found


def _error_rank(error: EntityError):
    span = error.gold or error.pred
    return (ERROR_KINDS.index(error.kind), -(span[1] - span[0]), error.doc_id, span[0])


def pair_documents(gold: list[NerDoc], pred: list[NerDoc], *, pred_name: str = "predictions"):
    """(gold, prediction) pairs, by id, else by identical text; NerInputError for a gold document with none."""
    by_id = {d.id: d for d in pred}
    by_text = {}
    for d in pred:
        by_text.setdefault(d.text, d)
    pairs = []
    for g in gold:
        p = by_id.get(g.id) or by_text.get(g.text)
        if p is None:
            raise NerInputError(f"no prediction for gold document {g.id!r}", path=pred_name)
        if p.text != g.text:
            raise NerInputError(f"document {g.id!r}: the predicted text differs from the gold text", path=pred_name)
        pairs.append((g, p))
    return pairs


def evaluate(gold: list[NerDoc], pred: list[NerDoc], *, pred_name: str = "predictions",
             limits: NerLimits = DEFAULT_LIMITS) -> EvalReport:
    """Scores of `pred` against `gold`; every gold document needs a prediction. The gold text,
    and the predicted text, may each hold limits.evaluate_chars characters (NerInputError beyond)."""
    check_text_size(gold, limits, "evaluate_chars", "the gold data")
    check_text_size(pred, limits, "evaluate_chars", pred_name)
    exact = {label: Score() for label in LABELS}
    overlap = {label: Score() for label in LABELS}
    errors: list[EntityError] = []
    pairs = pair_documents(gold, pred, pred_name=pred_name)
    for g_doc, p_doc in pairs:
        g_spans, p_spans = outermost(g_doc.entities), outermost(p_doc.entities)
        for label in LABELS:
            score = exact_score(g_spans, p_spans, label)
            exact[label] += score
            otp = _overlap_tp(g_spans, p_spans, label)
            n_pred, n_gold = score.tp + score.fp, score.tp + score.fn
            overlap[label] += Score(otp, n_pred - otp, n_gold - otp)
        errors.extend(_errors(g_doc.id, g_doc.text, g_spans, p_spans))
    return EvalReport(len(pairs), exact, overlap, tuple(sorted(errors, key=_error_rank)))


def format_report(report: EvalReport, max_errors: int = 0) -> str:
    """A plain-text table of the scores, then the worst `max_errors` errors."""
    lines = [f"documents: {report.documents}",
             f"{'label':<10} {'match':<8} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for match, scores, micro in (("exact", report.exact, report.exact_micro),
                                 ("overlap", report.overlap, report.overlap_micro)):
        for label, score in list(scores.items()) + [("micro", micro)]:
            lines.append(f"{label:<10} {match:<8} {score.precision:7.3f} {score.recall:7.3f} {score.f1:7.3f} "
                         f"{score.tp:6d} {score.fp:6d} {score.fn:6d}")
    if max_errors:
        lines.append(f"worst {min(max_errors, len(report.errors))} of {len(report.errors)} errors:")
        for e in report.errors[:max_errors]:
            gold = f"gold {e.gold[2]} {e.gold[0]}-{e.gold[1]}" if e.gold else "gold -"
            pred = f"pred {e.pred[2]} {e.pred[0]}-{e.pred[1]}" if e.pred else "pred -"
            # the text and id are the input's: an escape or line separator in them is shown escaped
            lines.append(one_line(f"  {e.kind:<9} {e.doc_id}: {gold}; {pred}: {e.context}"))
    return "\n".join(lines)
