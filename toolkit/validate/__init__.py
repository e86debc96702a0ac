"""The validate stage: RELAX NG (schema/teikit.rng) plus Schematron (schema/teikit.sch).

    from toolkit.validate import iter_errors, validate, is_valid, validate_paths
    for issue in iter_errors(tree_or_path):
        print(issue)   # file:line:col: error: [rule-id] message
"""

from .issues import FileResult, Issue, Report
from .validator import (
    SCHEMA_DIR,
    Validator,
    default_validator,
    is_valid,
    iter_errors,
    validate,
    validate_paths,
)

__all__ = [
    "SCHEMA_DIR",
    "FileResult",
    "Issue",
    "Report",
    "Validator",
    "default_validator",
    "is_valid",
    "iter_errors",
    "validate",
    "validate_paths",
]
