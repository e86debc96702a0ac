"""What packaging an article costs most, kept for the next package: its validation findings and
its two editions, by the digest of the article's bytes and payload name.

Contract: `PayloadCache(folder, environment)` keeps, in `folder` (the package's folder's
`.teikit-payload/`), one JSON file per article packaged: the findings of validating it
against the schema packaged and its HTML and text editions. `environment` is the digest of
everything else they depend on (the schema, the stylesheets, teikit; the build's
buildcache.deposit_unchanged gives it), so an entry is used only for the same bytes made
into the same payload name by the same teikit. `finish()` removes the entries this package
did not use. Each entry is written atomically; one that cannot be read is made again. A
package made with the cache holds the bytes one made without it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from pathlib import Path

from ..buildrecord import digest
from ..fsutil import write_atomic
from ..validate.issues import Issue

CACHE_DIR = ".teikit-payload"


class PayloadCache:
    def __init__(self, folder, environment: str):
        self.folder = Path(folder) / CACHE_DIR
        self.environment = environment
        self._used: set[str] = set()

    def _path(self, name: str, data: bytes) -> Path:
        key = digest(self.environment, name, data)
        self._used.add(key)
        return self.folder / f"{key}.json"

    def get(self, name: str, data: bytes):
        """(findings, html bytes, text bytes) of the article `data` packaged as `name`; None if not kept."""
        try:
            entry = json.loads(self._path(name, data).read_text(encoding="utf-8"))
            findings = tuple(Issue(**issue) for issue in entry["findings"])
            html, text = (base64.b64decode(entry[k]) if entry[k] is not None else None for k in ("html", "text"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return findings, html, text

    def put(self, name: str, data: bytes, findings, html: bytes | None, text: bytes | None) -> None:
        entry = {"findings": [asdict(issue) for issue in findings],
                 "html": base64.b64encode(html).decode("ascii") if html is not None else None,
                 "text": base64.b64encode(text).decode("ascii") if text is not None else None}
        try:
            write_atomic(self._path(name, data), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache: the next package makes it again

    def finish(self) -> None:
        """Remove the entries this package did not use."""
        try:
            for path in self.folder.glob("*.json"):
                if path.stem not in self._used:
                    path.unlink(missing_ok=True)
        except OSError:
            pass
