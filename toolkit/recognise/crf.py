"""A recogniser backed by a trained CRF model directory (model_dir; trained by teikit.ner.train).

The model tags syllable tokens with BIO labels; each labelled run becomes a
Mention with resp "crf" and cert = the lowest marginal probability of its
tokens' tags (the model is only as sure of a span as of its weakest token).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pycrfsuite

from .. import __version__
from ..errors import RecogniseError
from ..model import DATE, Mention
from .base import Context, Recogniser
from .features import Gazetteers, feature_gazetteers, lowercase_words, mentions_per_sequence, sequence_features
from .labels import LABEL_TO_MENTION_TYPE
from .model_dir import MODEL_FILE, read_meta
from .rules import default_recogniser
from .tokens import sequences, spans_from_tags

_SPACE = re.compile(r"\s+")


class CrfRecogniser:
    name = "crf"
    version = __version__

    def __init__(self, model_dir, *, rules: Recogniser | None = None, gazetteers: Gazetteers | None = None):
        self.model_dir = Path(model_dir)
        self.meta = read_meta(self.model_dir)
        self.model_id = self.meta["model_sha256"][:12]
        self.rules = rules if rules is not None else default_recogniser()
        self.gazetteers = gazetteers if gazetteers is not None else feature_gazetteers()
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(self.model_dir / MODEL_FILE))
        except (ValueError, OSError) as exc:
            raise RecogniseError(f"corrupt model: {MODEL_FILE} cannot be opened ({exc})", path=str(self.model_dir)) from None
        self._labels = set(self._tagger.labels())
        self.common_words = _read_words(self.model_dir, self.meta)

    def find(self, text: str, context: Context = Context()) -> list[Mention]:
        return self.find_with_rules(text, self.rules.find(text, context))

    def find_with_rules(self, text: str, rule_mentions: list[Mention]) -> list[Mention]:
        """Tag `text` given the rules' mentions of it (the model's strongest features)."""
        keys = {(m.type, text[m.start:m.end]): m for m in rule_mentions}
        found: list[Mention] = []
        token_sequences = sequences(text)
        known = self.common_words | lowercase_words(token_sequences)
        for tokens, near in zip(token_sequences, mentions_per_sequence(token_sequences, rule_mentions)):
            self._tagger.set(sequence_features(tokens, near, self.gazetteers, known))
            tags = self._tagger.tag()
            for start, end, label, first, last in spans_from_tags(tokens, tags):
                mtype = LABEL_TO_MENTION_TYPE.get(label)
                if mtype is None:
                    continue
                cert = min(self._tagger.marginal(tags[i], i) for i in range(first, last))
                found.append(self._mention(text, start, end, mtype, cert, keys))
        return sorted(found, key=lambda m: (m.start, -m.end))

    @staticmethod
    def _mention(text, start, end, mtype, cert, keys) -> Mention:
        surface = text[start:end]
        twin = keys.get((mtype, surface))  # the rules' key (and date value) for the same words
        if mtype == DATE:
            key, attrs = "", twin.attrs if twin else ()
        else:
            key, attrs = (twin.key if twin and twin.key else _SPACE.sub(" ", surface)), ()
        return Mention(start, end, mtype, key=key, attrs=attrs, resp="crf", cert=round(float(cert), 3))


def _read_words(model_dir: Path, meta: dict) -> frozenset:
    """The model's list of lower-case words, checked against meta.json."""
    info = meta.get("lowercase_words")
    where = str(model_dir)
    if not isinstance(info, dict) or not isinstance(info.get("file"), str) or "/" in info["file"]:
        raise RecogniseError("corrupt model: meta.json does not describe the lower-case word list", path=where)
    path = model_dir / info["file"]
    try:
        data = path.read_bytes()
    except OSError:
        raise RecogniseError(f"corrupt model: {info['file']} is missing", path=where) from None
    if hashlib.sha256(data).hexdigest() != info.get("sha256"):
        raise RecogniseError(f"corrupt model: {info['file']} does not match the checksum in meta.json", path=where)
    try:
        return frozenset(data.decode("utf-8").split())
    except UnicodeDecodeError:
        raise RecogniseError(f"corrupt model: {info['file']} is not UTF-8", path=where) from None
