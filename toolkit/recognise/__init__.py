"""Recognisers: find persons, organisations, places, dates, roles and abbreviations."""

from .base import Context, Recogniser, TwoStep

__all__ = ["Context", "Recogniser", "TwoStep"]
