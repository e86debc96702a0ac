"""`teikit ner`: train an entity model, extract entities, score them against gold.

The input formats and recogniser names are the stages' own
(ner.extract.INPUT_FORMATS, recognise.registry.RECOGNISER_NAMES). Exit 0 on
success, 1 when the library refuses (one `error:` line), 2 for a usage error.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import List, Optional

import typer

from ..ner.extract import INPUT_FORMATS, read_inputs
from ..ner.limits import DEFAULT_LIMITS
from ..ner.train import TrainOptions
from ..recognise.registry import RECOGNISER_NAMES
from .common import (EXIT_FAILED, warning_line, ReportFormat, choices, command_group, file_or_new, follow_symlinks_option, guarded,
                     jobs_option, language_tag, usage_error,
                     model_option, output_dir_option, print_report, progress, stage_default)

ner_app = command_group("ner", "Entity recognition: train a CRF model from corrected TEI or JSON lines, extract, evaluate.")

InputFormat = choices("InputFormat", INPUT_FORMATS)


def _limit(name: str, field: str, what: str):
    default = getattr(DEFAULT_LIMITS, field)
    return typer.Option(default, name, min=1, metavar="N", help=f"{what} (default {default}).")

RecogniserName = choices("RecogniserName", RECOGNISER_NAMES)


@ner_app.command("train")
def train_command(
    data: List[Path] = typer.Argument(..., metavar="PATH", help="Training data: TEI files (.xml) with persName/orgName/placeName/date markup, JSON-lines files (.jsonl) with entities, or folders holding them."),
    output: Path = output_dir_option("Model folder to write (model.crfsuite + meta.json)."),
    max_iterations: int = typer.Option(TrainOptions.max_iterations, "--max-iterations", min=1, help="L-BFGS iterations (fewer: faster, rougher)."),
    c1: float = typer.Option(TrainOptions.c1, "--c1", min=0.0, help="L1 regularisation weight."),
    c2: float = typer.Option(TrainOptions.c2, "--c2", min=0.0, help="L2 regularisation weight."),
    max_tei_bytes: int = _limit("--max-tei-bytes", "tei_bytes", "Largest TEI file read, in bytes"),
    max_text_chars: int = _limit("--max-text-chars", "train_chars",
                                 "Most characters of training text (the trainer needs about 200 bytes of memory per character)"),
    follow_symlinks: bool = follow_symlinks_option(),
) -> None:
    """Train a CRF entity model; the folder it writes is what `teikit convert --model` reads."""
    from ..ner import load_annotated, train
    from ..recognise.features import feature_gazetteers
    from ..recognise.rules import default_recogniser

    limits = replace(DEFAULT_LIMITS, tei_bytes=max_tei_bytes, train_chars=max_text_chars)
    with guarded():
        docs, inputs = load_annotated(data, progress=progress, limits=limits, follow_symlinks=follow_symlinks)
        if not docs:
            _refuse_partial(inputs, "nothing trained")
        report = train(docs, output, rules=default_recogniser(), gazetteers=feature_gazetteers(),
                       options=TrainOptions(max_iterations=max_iterations, c1=c1, c2=c2), limits=limits)
    # one bad document costs itself only: each is one error line, the model is trained on the others
    for message in report.left_out:
        inputs.fail(message.split(": ", 1)[0], message)
    counts = ", ".join(f"{n} {label}" for label, n in report.entities.items())
    failed = print_report(inputs, f"trained on {report.documents} documents, {report.tokens} tokens ({counts}) "
                                  f"into {output}" + (f"; {len(inputs.failures)} left out" if inputs.failures else ""))
    typer.echo(report.policy_line(), err=True)
    if failed:
        raise typer.Exit(EXIT_FAILED)


@ner_app.command("extract")
def extract_command(
    files: List[Path] = typer.Argument(..., metavar="PATH", help="Input files (or folders of .txt / .jsonl files)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", callback=file_or_new,
                                help="JSON-lines file to write: one {id, text, entities} per input document."),
    input_format: InputFormat = typer.Option(InputFormat(stage_default(read_inputs, "input_format")), "--input-format", help="text: each file is one document, id = file name; jsonl: one {id, text} per line."),
    model: Optional[Path] = model_option(),
    recogniser: Optional[RecogniserName] = typer.Option(None, "--recogniser", help="Pick one recogniser: rules, crf (model alone) or combined; default: combined with --model, rules without."),
    jobs: Optional[int] = jobs_option(),
    follow_symlinks: bool = follow_symlinks_option(),
    language: Optional[str] = typer.Option(None, "--language", metavar="TAG", callback=language_tag,
                                           help="The texts' language (vi, en …): its recogniser runs (a language without "
                                                "one of its own gets dates only); default: the Vietnamese recogniser."),
) -> None:
    """Find persName/orgName/placeName/date spans in texts and write them as JSON lines."""
    from functools import partial

    from ..ner import extract, write_jsonl
    from ..recognise.registry import LANGUAGES, load_for_language, load_recogniser, recognition_for

    other = language is not None and recognition_for(language) is not LANGUAGES["vi"]  # its own recogniser
    if other and (model or recogniser):
        usage_error(f"--language {language}: --model and --recogniser choose the Vietnamese recogniser, "
                    "not another language's")
    with guarded():
        docs, inputs = read_inputs(files, input_format.value, progress=progress, follow_symlinks=follow_symlinks)
        if other:
            load = partial(load_for_language, language)
        else:
            load = partial(load_recogniser, str(model) if model else None, name=recogniser.value if recogniser else None)
        chosen = load()
        # a document the recogniser fails on is one failure in `inputs`
        results = extract(docs, chosen, inputs, jobs=jobs, load=load, language=language)
        write_jsonl(output, results)
    total = sum(len(d.entities) for d in results)
    if print_report(inputs, f"{total} entities in {len(results)} documents ({chosen.name}) written to {output}"):
        raise typer.Exit(EXIT_FAILED)


@ner_app.command("evaluate")
def evaluate_command(
    gold: Path = typer.Argument(..., help="Gold annotations: a JSON-lines file, a TEI file, or a folder of them."),
    pred: Path = typer.Argument(..., help="Predictions to score: a JSON-lines file (from `teikit ner extract`), a TEI file, or a folder of them."),
    errors: int = typer.Option(0, "--errors", min=0, help="List the N worst errors (missed, spurious, wrong type, wrong boundary) with context."),
    report_format: ReportFormat = typer.Option(ReportFormat.text, "--format", help="text: a table; json: every figure, machine-readable."),
    max_tei_bytes: int = _limit("--max-tei-bytes", "tei_bytes", "Largest TEI file read, in bytes"),
    max_text_chars: int = _limit("--max-text-chars", "evaluate_chars", "Most characters of gold text, and of predicted text"),
    follow_symlinks: bool = follow_symlinks_option(),
) -> None:
    """Score predictions against gold: precision, recall, F1 per label and micro-averaged, exact and overlap matches.

    Documents pair by id, else by identical text; every gold document needs a prediction.
    """
    from ..ner import evaluate, format_report, load_annotated

    limits = replace(DEFAULT_LIMITS, tei_bytes=max_tei_bytes, evaluate_chars=max_text_chars)
    with guarded():
        gold_docs, gold_inputs = load_annotated([gold], limits=limits, follow_symlinks=follow_symlinks)
        pred_docs, pred_inputs = load_annotated([pred], limits=limits, follow_symlinks=follow_symlinks)
        gold_inputs.failures.extend(pred_inputs.failures)
        for message in dict.fromkeys(gold_inputs.warnings + pred_inputs.warnings):  # a link skipped, ...
            warning_line(message)
        _refuse_partial(gold_inputs, "nothing scored")
        report = evaluate(gold_docs, pred_docs, pred_name=str(pred), limits=limits)
    if report_format is ReportFormat.json:
        typer.echo(json.dumps(report.to_dict(max_errors=errors), ensure_ascii=False, sort_keys=True, indent=2))
    else:
        typer.echo(format_report(report, max_errors=errors))


def _refuse_partial(inputs, what: str) -> None:
    """Training and scoring need every input: each unreadable file is one error line, then exit 1."""
    if inputs.failures:
        print_report(inputs, f"{what}: {len(inputs.failures)} input file(s) could not be read")
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.add_typer(ner_app, name="ner")
