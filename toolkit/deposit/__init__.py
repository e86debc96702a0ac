"""deposit: TEI files -> a BagIt 1.0 archival package, and its verification.

    make_package(paths, output, DepositOptions(...)) -> PackageResult
    verify_package(package) -> VerifyResult (.ok, .problems)
"""

from .make import InvalidTEIError, PackageResult, make_package
from .options import DepositOptions
from .verify import Problem, VerifyResult, verify_package

__all__ = [
    "DepositOptions",
    "InvalidTEIError",
    "PackageResult",
    "Problem",
    "VerifyResult",
    "make_package",
    "verify_package",
]
