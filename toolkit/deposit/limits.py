"""How much a package given to `deposit verify` may make teikit unpack, read and hold.

A package is input from anyone: its archive may be a bomb, its manifest a
gigabyte of lines. Every limit is checked while reading (declared sizes first,
then the bytes actually produced, since headers can lie), and one exceeded is
one DepositError naming the member and the option that raises it. The CLI
options `deposit verify --max-…` override the defaults (docs/deposit.md).
"""

from __future__ import annotations

from dataclasses import dataclass

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True)
class Limits:
    member_bytes: int = 1 * GIB      # one archive member, unpacked
    total_bytes: int = 16 * GIB      # all members together, unpacked
    members: int = 1_000_000         # archive members (files and folders)
    ratio: int = 200                 # unpacked bytes per compressed byte, of one member and of the whole archive
    ratio_floor: int = 1 * MIB       # the ratio is checked only once this much is unpacked (small files compress oddly)
    manifest_bytes: int = 256 * MIB  # one manifest, bag-info.txt, bagit.txt or metadata.csv read into memory
    name_bytes: int = 255            # one component of a member's name (UTF-8)
    path_bytes: int = 4096           # a member's whole name (UTF-8)


DEFAULT_LIMITS = Limits()

OPTION = {  # the field -> the CLI option that overrides it (named in the error line)
    "member_bytes": "--max-member-bytes",
    "total_bytes": "--max-total-bytes",
    "members": "--max-members",
    "ratio": "--max-ratio",
    "manifest_bytes": "--max-manifest-bytes",
}


def exceeded(what: str, limit: int, field: str) -> str:
    """`WHAT exceeds the limit of LIMIT (raise it with --OPTION)`."""
    return f"{what} exceeds the limit of {limit} (raise it with {OPTION[field]})" if field in OPTION else f"{what} exceeds the limit of {limit}"
