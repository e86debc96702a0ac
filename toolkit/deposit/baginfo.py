"""The bag's manifests and tag files, written by teikit itself, streaming.

    write_manifests(bag, scratch) -> (payload bytes, payload files)   manifest-{sha256,sha512}.txt of data/
    finish_tag_files(bag, info)    bagit.txt (1.0), bag-info.txt, then the tag manifests

The payload manifests hold the lines bagit-python's make_bag writes (the same
bytes: files in os.walk order with sorted names, `DIGEST  PATH`, CR and LF in a
path written %0D/%0A), but each line is written as its file is hashed: the
listing of data/ is sorted on disk (scratch.sorted_tree) and no line is kept,
so memory does not grow with the number of files. bagit-python's make_bag
kept every line and then loaded the whole bag back (1,145 MB at 100,000
articles). A deposit must be BagIt 1.0 and byte-reproducible, so bagit.txt,
bag-info.txt and the tag manifests are written here in a fixed order.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from contextlib import contextmanager
from pathlib import Path

from .scratch import sorted_tree, walk_key

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
CHECKSUMS = ("sha256", "sha512")
_BREAKS = re.compile(r"[\r\n]+")
# bag-info.txt order: the reserved elements as RFC 8493 lists them, then ours.
INFO_ORDER = (
    "Source-Organization", "Organization-Address", "Contact-Name", "Contact-Phone", "Contact-Email",
    "External-Description", "Bagging-Date", "External-Identifier", "Bag-Size", "Payload-Oxum",
    "Bag-Group-Identifier", "Bag-Count", "Internal-Sender-Identifier", "Internal-Sender-Description",
    "Bag-Software-Agent",
)


def render_info(info: dict[str, str | list[str]]) -> str:
    keys = [k for k in INFO_ORDER if k in info] + sorted(k for k in info if k not in INFO_ORDER)
    lines = []
    for key in keys:
        values = info[key] if isinstance(info[key], list) else [info[key]]
        for value in values:
            # A line break inside a value would start a new (forged) element.
            lines.append(f"{key}: " + _BREAKS.sub(" ", str(value)))
    return "\n".join(lines) + "\n"


def parse_info(text: str) -> dict[str, list[str]]:
    """bag-info.txt as key -> values (continuation lines folded in)."""
    info: dict[str, list[str]] = {}
    last = None
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and last:
            info[last][-1] += " " + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            last = key.strip()
            info.setdefault(last, []).append(value.strip())
    return info


def digests(path: Path, algorithms=CHECKSUMS) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            for hasher in hashers.values():
                hasher.update(block)
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def _manifest_path(relative: str) -> str:
    return relative.replace("\r", "%0D").replace("\n", "%0A")  # as bagit-python writes them


def write_manifests(bag: Path, scratch) -> tuple[int, int]:
    """Hash every file under `bag`/data and write the payload manifests, one line per file as it
    is hashed; (bytes, files) for Payload-Oxum."""
    total_bytes = total_files = 0
    outs = {alg: open(bag / f"manifest-{alg}.txt", "w", encoding="utf-8", newline="\n") for alg in CHECKSUMS}
    try:
        for relative, _ in sorted_tree(scratch, bag / "data", walk_key, folders=False):
            path = bag / "data" / relative
            sums = digests(path)
            for alg, out in outs.items():
                out.write(f"{sums[alg]}  {_manifest_path('data/' + relative)}\n")
            total_bytes += path.stat().st_size
            total_files += 1
    finally:
        for out in outs.values():
            out.close()
    return total_bytes, total_files


def finish_tag_files(bag: Path, info: dict) -> None:
    """Write bagit.txt (1.0) and bag-info.txt, then the tag manifests over every tag file."""
    (bag / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8", newline="\n")
    (bag / "bag-info.txt").write_text(render_info(info), encoding="utf-8", newline="\n")
    for old in bag.glob("tagmanifest-*.txt"):
        old.unlink()
    tag_files = sorted(_tag_files(bag))
    sums = {name: digests(bag / name) for name in tag_files}
    for alg in CHECKSUMS:
        lines = "".join(f"{sums[name][alg]}  {name}\n" for name in tag_files)
        (bag / f"tagmanifest-{alg}.txt").write_text(lines, encoding="utf-8", newline="\n")


def _tag_files(bag: Path):
    """Every file of the bag outside data/ but the tag manifests (data/ is not listed: it is large)."""
    for entry in os.scandir(bag):
        if entry.name == "data" or (entry.is_file() and entry.name.startswith("tagmanifest-")):
            continue
        if entry.is_file():
            yield entry.name
        elif entry.is_dir():
            yield from (f"{entry.name}/{p.relative_to(entry.path).as_posix()}" for p in Path(entry.path).rglob("*") if p.is_file())


def human_size(n: int) -> str:
    """Bag-Size: an approximate, human-readable size (decimal units)."""
    if n < 1000:
        return f"{n} bytes"
    size, unit = float(n), "bytes"
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1000
        if size < 1000:
            break
    return f"{size:.1f} {unit}"


@contextmanager
def quiet_bagit():
    """bagit logs through the root logger's last-resort handler; keep stderr for our own lines."""
    logger = logging.getLogger("bagit")
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)
