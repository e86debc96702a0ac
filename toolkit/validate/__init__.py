"""The validate stage: RELAX NG plus Schematron, teikit's profile (schema/teikit.rng, teikit.sch) or any schema.

    from teikit.validate import iter_errors, validate, is_valid, validate_paths
    for issue in iter_errors(tree_or_path):
        print(issue)   # file:line:col: error: [rule-id] message
    Validator(schemas=["tei_all"]).validate_paths(["letters/"])   # or "auto", FILE.rng/.sch
"""

from .issues import FileResult, Issue, Report
from .schemas import AUTO, NAMES as SCHEMA_NAMES, TEI_ALL, TEIKIT, SchemaError
from .validator import (
    Validator,
    default_validator,
    is_valid,
    iter_errors,
    schema_dir,
    validate,
    validate_paths,
)

__all__ = [
    "AUTO",
    "SCHEMA_NAMES",
    "SchemaError",
    "TEI_ALL",
    "TEIKIT",
    "FileResult",
    "Issue",
    "Report",
    "Validator",
    "default_validator",
    "is_valid",
    "iter_errors",
    "schema_dir",
    "validate",
    "validate_paths",
]
