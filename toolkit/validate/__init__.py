"""The validate stage: RELAX NG (schema/teikit.rng) plus Schematron (schema/teikit.sch).

    from teikit.validate import iter_errors, validate, is_valid, validate_paths
    for issue in iter_errors(tree_or_path):
        print(issue)   # file:line:col: error: [rule-id] message
"""

from .issues import FileResult, Issue, Report
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
