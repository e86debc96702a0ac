"""Keys of organisations: one key per body, however its name is written.

The key is the listed canonical name if the name, with its abbreviations written
out, is listed (orgs.tsv); else that written-out name with the head in its
listed spelling, so "Ủy ban Trung ương MTTQVN" and "Uỷ ban Trung ương Mặt trận
Tổ quốc Việt Nam" share one key. A listed name keeps its listed spelling with the
country or branch written after it ("Quốc hội Lào"); a quoted name and an
acronym named in brackets are keyed by the head or the expansion and the words
after it, abbreviations written out.
"""

from __future__ import annotations

from .scan import Scan
from .tokens import phrase_key


def org_key(scan: Scan, i: int, j: int, head_size: int = 0, head_name: str = "") -> str:
    """The key of the organisation written as tokens i..j-1 (its head, if any, the first head_size)."""
    expanded = scan.abbrs.expand(scan.toks, i, j)
    listed = scan.gaz.org_names.get(phrase_key(expanded))
    if listed:
        return listed.name
    if head_name:
        rest = scan.abbrs.expand(scan.toks, i + head_size, j) if j > i + head_size else ""
        return f"{head_name} {rest}".strip()
    return expanded


def listed_key(scan: Scan, name: str, country=None, branch: tuple[int, int] | None = None) -> str:
    """A listed organisation's key: its listed name, then its country's listed name, then the
    branch as written ("Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh")."""
    key = f"{name} {country.name}" if country else name
    return f"{key} {scan.toks.surface(*branch)}" if branch else key


def written_out_key(scan: Scan, lead: str, i: int, j: int) -> str:
    """`lead` (a head's listed spelling, an acronym's expansion), then tokens i..j-1 with their
    abbreviations written out (none: `lead` alone)."""
    return f"{lead} {scan.abbrs.expand(scan.toks, i, j)}" if j > i else lead
