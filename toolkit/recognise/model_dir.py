"""The on-disk model directory: model.crfsuite plus meta.json, checked before use.

A model directory is self-contained and loads offline. meta.json records the
format, the feature set the model was trained with, its tag set, the rules
recogniser and gazetteers behind its features, a summary of the training
data, and the sha256 of model.crfsuite so a truncated or swapped file is
refused with a clear message instead of crashing the tagger.

It may also record, per label, which source `combined` takes that label from
(the policy training chose on a held-out part of the data; see
teikit.ner.train.choose_policy). A model without one (trained before
policies existed, same format version) gets DEFAULT_POLICY: what `combined`
always did.

And it may record the kinds of rules span the training annotations do not
bear out (`distrusted_rules`: [label, cert] pairs, a cert standing for the rule
family that gives it; see teikit.ner.train.distrusted_kinds): `combined` keeps
none of those, whatever the label's policy. None recorded: every kind is kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError, RecogniseError
from ..jsonsafe import loads
from .features import FEATURE_SET_VERSION

MODEL_FILE = "model.crfsuite"
META_FILE = "meta.json"
MODEL_FORMAT = "teikit-ner-crf"
MODEL_FORMAT_VERSION = 1

# Where `combined` takes a label's spans from: "rules" (the rules' spans of it,
# trusted or not), "model" (the model's), "combined" (trusted rules plus model
# spans that fit). Dates are never "model": only the rules' dates carry @when.
POLICIES = ("rules", "model", "combined")
LABEL_POLICIES = {"persName": POLICIES, "orgName": POLICIES, "placeName": POLICIES,
                  "date": ("rules", "combined")}
# What `combined` did before policies were learned: names combined, dates from the rules alone.
DEFAULT_POLICY = {"persName": "combined", "orgName": "combined", "placeName": "combined", "date": "rules"}


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_meta(model_dir) -> dict:
    """meta.json of `model_dir`, after checking the directory is a usable model; RecogniseError if not."""
    model_dir = Path(model_dir)
    where = str(model_dir)
    if not model_dir.is_dir():
        raise RecogniseError("model directory does not exist", path=where)
    meta_path, model_path = model_dir / META_FILE, model_dir / MODEL_FILE
    if not meta_path.is_file():
        raise RecogniseError(f"not a teikit model directory: {META_FILE} is missing", path=where)
    if not model_path.is_file():
        raise RecogniseError(f"corrupt model: {MODEL_FILE} is missing", path=where)
    try:  # the one reader of JSON from outside (a model folder may come from anyone): depth-limited
        meta = loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, InputError):
        raise RecogniseError(f"corrupt model: {META_FILE} is not valid JSON", path=where) from None
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        raise RecogniseError(f"not a teikit model directory: {META_FILE} has no format \"{MODEL_FORMAT}\"", path=where)
    if meta.get("format_version") != MODEL_FORMAT_VERSION:
        raise RecogniseError(f"model format version {meta.get('format_version')!r} is not supported "
                             f"(this teikit reads {MODEL_FORMAT_VERSION})", path=where)
    if meta.get("feature_set_version") != FEATURE_SET_VERSION:
        raise RecogniseError(f"model was trained with feature set {meta.get('feature_set_version')!r}, "
                             f"this teikit computes feature set {FEATURE_SET_VERSION!r}: retrain it", path=where)
    if file_sha256(model_path) != meta.get("model_sha256"):
        raise RecogniseError(f"corrupt model: {MODEL_FILE} does not match the checksum in {META_FILE}", path=where)
    read_policy(meta, where)  # a malformed policy is refused on loading, not on first use
    read_distrusted(meta, where)
    return meta


def read_policy(meta: dict, where: str = "") -> dict:
    """label -> policy from meta.json; DEFAULT_POLICY when it records none; RecogniseError if malformed."""
    policy = meta.get("policy")
    if policy is None:
        return dict(DEFAULT_POLICY)
    if not isinstance(policy, dict) or any(label not in LABEL_POLICIES for label in policy) or \
            any(policy[label] not in LABEL_POLICIES[label] for label in policy):
        raise RecogniseError(f"corrupt model: {META_FILE} has an invalid policy {policy!r}", path=where)
    return {**DEFAULT_POLICY, **policy}


def read_distrusted(meta: dict, where: str = "") -> frozenset:
    """(label, cert) kinds of rules span the model folder says not to keep; RecogniseError if malformed."""
    kinds = meta.get("distrusted_rules", [])
    ok = isinstance(kinds, list) and all(
        isinstance(k, list) and len(k) == 2 and k[0] in LABEL_POLICIES and k[0] != "date"
        and isinstance(k[1], (int, float)) and not isinstance(k[1], bool) and 0 <= k[1] <= 1 for k in kinds)
    if not ok:
        raise RecogniseError(f"corrupt model: {META_FILE} has invalid distrusted_rules {kinds!r}", path=where)
    return frozenset((label, round(float(cert), 2)) for label, cert in kinds)
