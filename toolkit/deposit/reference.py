"""The schema `deposit verify` checks a package's TEI against: teikit's own, never the package's.

    reference_schema(root, info, schema_dir, limits) -> (Reference | None, [(path, message)])

A package says which schema its TEI is valid against (bag-info.txt
`Teikit-Schema-Version`; a package made before that line existed: the
teikit version in `Bag-Software-Agent`) and carries a copy (data/schema/).
The copy is never run: a package's Schematron could read local files through
document(), a permissive RELAX NG would pass anything. Instead:

- the reference is the schema shipped with this teikit (resources.schema_dir),
  or the folder the user names (`--schema DIR`, for a package of another
  schema version);
- every packaged schema file that differs from the reference's file of that
  name is a finding (the package claims a schema it does not hold);
- a package recording another schema version whose copy is not this teikit's
  schema is a finding naming the version and `--schema`, and its TEI is not
  checked against a schema it was never meant for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import DepositError, ToolkitError
from ..validate import Validator, default_validator
from .bagread import read_member
from .limits import Limits
from .stages import SCHEMA_FILES, schema_dir as shipped_schema_dir

SCHEMA_VERSION = __version__  # the schema is part of the distribution: it changes only with a release
VERSION_KEY = "Teikit-Schema-Version"
PACKAGED = "data/schema"


@dataclass
class Reference:
    label: str  # "teikit's schema 0.1.0", "the schema in DIR (--schema)"
    validator: Validator


def recorded_version(info: dict[str, list[str]]) -> str | None:
    """The schema version a package's bag-info.txt records (or, for an older package, its teikit version)."""
    if info.get(VERSION_KEY):
        return info[VERSION_KEY][0]
    agent = next((a for a in info.get("Bag-Software-Agent", ()) if a.startswith("teikit ")), None)
    return agent.split()[1] if agent and len(agent.split()) > 1 else None


def reference_schema(root: Path, info: dict, schema_dir: Path | None, limits: Limits, already=frozenset()):
    problems: list[tuple[str, str]] = []
    packaged: dict[str, bytes | None] = {}
    for name in SCHEMA_FILES:
        relative = f"{PACKAGED}/{name}"
        try:
            packaged[name] = read_member(root, relative, limits.member_bytes, "--max-member-bytes")
        except DepositError as exc:
            packaged[name] = None
            if relative not in already:
                problems.append((relative, "missing: the package does not carry the schema it claims" if exc.message == "missing" else exc.message))
    if schema_dir is not None:
        folder, label = Path(schema_dir), f"the schema in {schema_dir} (--schema)"
    else:
        folder, label = shipped_schema_dir(), f"teikit's schema {SCHEMA_VERSION}"
    own = {name: _read_own(folder / name) for name in SCHEMA_FILES}
    differs = [name for name in SCHEMA_FILES if packaged[name] is not None and own[name] is not None and packaged[name] != own[name]]
    version = recorded_version(info)
    if schema_dir is None and version != SCHEMA_VERSION and (differs or None in packaged.values()):
        problems.append((PACKAGED, f"the package records schema version {version or '(none)'}; this teikit has {SCHEMA_VERSION} and "
                                   "the packaged schema is not it: verify with --schema DIR naming that version's schema "
                                   "(its TEI was not checked)"))
        return None, problems
    problems += [(f"{PACKAGED}/{name}", f"differs from {label}: a packaged schema is never used") for name in differs]
    try:
        validator = default_validator() if schema_dir is None else Validator(rng_path=folder / "teikit.rng", sch_path=folder / "teikit.sch")
    except ToolkitError as exc:
        raise DepositError(f"cannot use the schema: {exc}", path=str(folder)) from None
    return Reference(label, validator), problems


def _read_own(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
