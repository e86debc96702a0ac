"""deposit: TEI files -> a BagIt 1.0 archival package, and its verification.

    make_package(paths, output, DepositOptions(...)) -> PackageResult (.warnings, .replaced, ...)
    verify_package(package) -> VerifyResult (.ok, .problems, .notes)

Errors: DepositError; its subclasses InvalidTEIError (with .findings) and
OutputError (the output path is refused: a usage error).
"""

from .make import InvalidTEIError, PackageResult, make_package
from .options import DepositOptions
from .output import OutputError
from .verify import Problem, VerifyResult, verify_package

__all__ = [
    "DepositOptions",
    "InvalidTEIError",
    "OutputError",
    "PackageResult",
    "Problem",
    "VerifyResult",
    "make_package",
    "verify_package",
]
