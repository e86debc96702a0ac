"""deposit: TEI files -> a BagIt 1.0 archival package, and its verification.

    make_package(paths, output, DepositOptions(...)) -> PackageResult (.warnings, .replaced, ...)
    verify_package(package) -> VerifyResult (.ok, .problems, .notes)

Errors: DepositError; its subclasses InvalidTEIError (with .findings) and
OutputError (the output path is refused: a usage error).

Names load from their submodule on first use (PEP 562), so importing the
package (as the `teikit` command does for its help) costs nothing until one is used.
"""

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


def __getattr__(name):
    """A public name, imported from its submodule when first asked for."""
    if name in ("InvalidTEIError", "PackageResult", "make_package"):
        from .make import InvalidTEIError, PackageResult, make_package
    elif name in ("DepositOptions",):
        from .options import DepositOptions
    elif name in ("OutputError",):
        from .output import OutputError
    elif name in ("Problem", "VerifyResult", "verify_package"):
        from .verify import Problem, VerifyResult, verify_package
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals().update({key: value for key, value in locals().items() if key != "name"})
    return globals()[name]
