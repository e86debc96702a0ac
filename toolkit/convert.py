"""convert: source articles → TEI files, one stage after another.

Public entries: `convert_article` (an Article in memory → a TEI tree) and
`convert_paths` (files and folders → DIR/<stem>.xml, going on past bad files).

Across a batch, names found in one article are looked for in all (a person
named once with a title is marked wherever the bare name appears): a first
pass gathers the names, the second encodes with that knowledge. The first pass
keeps only the set of names, so memory grows with the number of distinct
names, not with the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from .encode import encode, serialise
from .errors import ToolkitError
from .fsutil import collect_files, write_atomic
from .ingest import ingest_file
from .model import NAME_TYPES, PERSON, Article
from .options import ConvertOptions
from .recognise import Context, Recogniser

SOURCE_SUFFIXES = (".txt",)
# Only names this specific travel between articles: a bare two-syllable
# string is too often something else in another article.
_MIN_SHARED_WORDS = 2


@dataclass
class ConvertFailure:
    source: Path
    message: str  # one line: "<file>: <problem>"


@dataclass
class ConvertReport:
    written: list[Path] = field(default_factory=list)
    failures: list[ConvertFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "<file>: <what was given up>"

    @property
    def ok(self) -> bool:
        return not self.failures


def load_recogniser(options: ConvertOptions) -> Recogniser:
    from .recognise.registry import load_recogniser as _load

    return _load(options.model_dir)


def context_for(article: Article, known_names: frozenset = frozenset()) -> Context:
    author = article.author.split(", ")[0] if article.author else None
    return Context(reference_date=article.date, author=author, known_names=known_names)


def convert_article(article: Article, recogniser: Recogniser, options: ConvertOptions = ConvertOptions(),
                    known_names: frozenset = frozenset()) -> etree._ElementTree:
    mentions = recogniser.find(article.text, context_for(article, known_names))
    return encode(article, mentions, options, authority=_authority())


def _convert_checked(article: Article, source: Path, recogniser, options, known, validator, warnings):
    """The article's TEI, valid. Should the recogniser fail or its markup make the
    document invalid (a bug, not bad input), the text is still worth keeping: it
    is encoded without machine markup and the loss is reported as a warning."""
    try:
        tree = convert_article(article, recogniser, options, known)
        problems = list(validator.iter_errors(tree)) if validator is not None else []
        if not problems:
            return tree
        reason = f"its entity markup is invalid ({problems[0].rule}: {problems[0].message})"
    except ToolkitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any recogniser bug must not cost the article
        reason = f"the {getattr(recogniser, 'name', '?')} recogniser failed ({type(exc).__name__}: {exc})"
    tree = encode(article, [], options)
    problems = list(validator.iter_errors(tree)) if validator is not None else []
    if problems:
        raise ToolkitError(f"the TEI made from it is invalid: {problems[0].rule}: {problems[0].message}"
                           f" ({len(problems)} error{'s' if len(problems) > 1 else ''}); nothing written",
                           path=str(source))
    warnings.append(f"{source}: {reason}; written without entity markup")
    return tree


def names_in(article: Article, recogniser: Recogniser) -> set[tuple[str, str]]:
    """(surface, type) of the persons, organisations and places an article names."""
    text = article.text
    found = set()
    for m in recogniser.find(text, context_for(article)):
        surface = text[m.start:m.end]
        if m.type in NAME_TYPES and (m.type != PERSON or len(surface.split()) >= _MIN_SHARED_WORDS):
            found.add((surface, m.type))
    return found


def convert_paths(paths: Iterable, out_dir, options: ConvertOptions = ConvertOptions(), *,
                  recogniser: Recogniser | None = None, validator=None,
                  progress: Callable = lambda items, _label: items) -> ConvertReport:
    """Convert every article under `paths` into out_dir/<stem>.xml.

    A file that fails is reported and skipped; nothing is written for it, and
    the rest of the batch goes on. Written files are valid (unless
    options.validate is False): an invalid result is a failure, not a file.
    """
    sources = collect_files(paths, SOURCE_SUFFIXES)
    out_dir = Path(out_dir)
    recogniser = recogniser or load_recogniser(options)
    if options.validate and validator is None:
        from .validate import default_validator

        validator = default_validator()
    report = ConvertReport()
    articles: list[tuple[Path, Article]] = []
    known: set[tuple[str, str]] = set()
    for source in progress(sources, "reading"):
        try:
            article = ingest_file(source)
        except ToolkitError as exc:
            report.failures.append(ConvertFailure(source, str(exc)))
            continue
        articles.append((source, None if len(sources) > 1 else article))
        if len(sources) > 1:
            try:
                known |= names_in(article, recogniser)
            except Exception:  # noqa: BLE001 - reported when the article itself is converted
                pass
    shared = frozenset(known)
    for source, article in progress(articles, "converting"):
        try:
            article = article or ingest_file(source)
            tree = _convert_checked(article, source, recogniser, options, shared, validator, report.warnings)
            target = out_dir / f"{article.stem}.xml"
            write_atomic(target, serialise(tree))
            report.written.append(target)
        except ToolkitError as exc:
            report.failures.append(ConvertFailure(source, str(exc)))
    return report


def _authority():
    """Authority ids (e.g. Wikidata) from the recognisers' gazetteers, if they offer them."""
    try:
        from .recognise.gazetteer import authority_ids
    except ImportError:
        return None
    return authority_ids
