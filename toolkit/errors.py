"""One exception family. The CLI turns any ToolkitError into `error: …` and exit 1.

Every message names the file it is about, so one line on stderr is enough;
`one_line` makes any message that line, whatever the names in it hold.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    """`text` with every character that is not printable escaped as Python writes it (\\n,
    \\x1b, \\u2028, and \\xff for a byte of a file name that is not UTF-8), so a message
    is one line, can be written to any terminal, and a name cannot forge another line."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff"
                   else repr(c)[1:-1] for c in text)


class ToolkitError(Exception):
    """Base of every error teikit raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(ToolkitError):
    """An input file cannot be read, is not in the expected encoding or format, or holds no usable content."""


class MissingInputError(InputError):
    """A path named on the command line does not exist (a usage error: exit 2)."""


class NoInputError(InputError):
    """The paths a batch is given hold none of its inputs (a wrong folder named): nothing is done."""


class IngestError(InputError):
    """The source article cannot be read or decoded or has no usable text."""


class UnsupportedInputError(IngestError):
    """A file named for convert is of a type it does not read (.docx, .pdf, …): refused, not guessed at."""


class EmptyArticleError(IngestError):
    """The article has no title, or a title and no text."""


class UntitledArticleError(EmptyArticleError):
    """The article has text and no title: its text would be lost unsaid (a web archive's page is a failure, not skipped)."""


class DamagedRecordError(IngestError):
    """A record of a web archive is damaged: ingest/warc.py reads past it (the archive's other pages
    convert), and says it in the archive's one failure line. `offset`: where it begins, when known;
    `length`: its Content-Length, when its header was read (where it may end: warcscan tries it)."""

    def __init__(self, message: str, *, offset: int | None = None, length: int | None = None):
        super().__init__(message)
        self.offset = offset
        self.length = length  # its Content-Length, when its header was read


class NerInputError(InputError):
    """A document for the ner tools (plain text, JSON lines, TEI read back, a gold/prediction pair,
    training data) cannot be read, is malformed, or does not fit the task."""


class RecogniseError(ToolkitError):
    """A recogniser or its model cannot be loaded or run."""


class EncodeError(ToolkitError):
    """The TEI tree cannot be built from the article."""


class ValidationError(ToolkitError):
    """A document is not valid (raised by validate.validate)."""

    def __init__(self, message: str, *, path: str | None = None, errors=()):
        super().__init__(message, path=path)
        self.errors = list(errors)


class SchemaError(ToolkitError):
    """A schema (--schema, an xml-model, an ODD) that cannot be named, read or compiled."""


class RenderError(ToolkitError):
    """A stylesheet cannot be compiled or applied."""


class SearchIndexError(RenderError):
    """The site's search index (Pagefind) could not be built; the pages are written."""


class SiteError(RenderError):
    """Rendering into a folder would shrink or overwrite a site it must keep: refused, nothing written."""


class DepositError(ToolkitError):
    """A deposit package cannot be made or does not verify."""


class InvalidTEIError(DepositError):
    """Some input TEI is invalid and --allow-invalid was not given; `findings` says why."""

    def __init__(self, message: str, findings):
        super().__init__(message)
        self.findings = list(findings)


class OutputError(DepositError):
    """The package's output path is refused (its name, or what is already there): a usage error."""


class RegisterError(ToolkitError):
    """A corpus register file (DIR/register/*.xml) that cannot be read as one."""


class BusyError(ToolkitError):
    """Another teikit process holds the lock of the output it would write (fsutil.exclusive_lock):
    nothing was written; run again when that one has finished."""


class NotWellFormedError(InputError):
    """The XML parser rejected the document; line and column are the parser's."""

    def __init__(self, message: str, *, path: str | None = None, line: int = 0, column: int = 0):
        super().__init__(message, path=path)
        self.line = line
        self.column = column


class UnsafeXMLError(InputError):
    """The document uses DTD, external entity or entity-expansion features we refuse.

    line and column (1-based) point at the declaration refused."""

    def __init__(self, message: str, *, path: str | None = None, line: int = 1, column: int = 1):
        super().__init__(message, path=path)
        self.line = line
        self.column = column


class XMLLimitError(InputError):
    """The document is well-formed but goes past what teikit's XSLT processor can read (xmlsafe's
    limits: nesting depth, attributes on one element, length of a name); line points at the element."""

    def __init__(self, message: str, *, path: str | None = None, line: int = 0, column: int = 0):
        super().__init__(message, path=path)
        self.line = line
        self.column = column


class EditingError(ToolkitError):
    """An edited TEI file cannot be kept, merged or tidied as asked: it is not well-formed,
    its text no longer matches its source, or its record is unreadable. The file is left as it is."""


class WorkerError(ToolkitError):
    """A worker process or a cluster running a batch was lost or cannot be reached (teikit.parallel, teikit.cluster)."""
