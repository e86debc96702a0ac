"""The bag's Bagging-Date: the day the bag is made (RFC 8493, section 2.2.2).

    bagging_day(option)  -> "YYYY-MM-DD"
    day_epoch(day)       -> seconds since 1970-01-01 at 00:00 UTC of that day

The first of these that is given wins:

1. `option` (DepositOptions.bagging_date, CLI --bagging-date), a date YYYY-MM-DD;
2. the environment variable SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/),
   a whole number of seconds since 1970-01-01 00:00 UTC; its UTC day is used;
   set but empty counts as not set;
3. today's date in UTC.

The archive member times derive from this day (day_epoch), so with 1. or 2.
a rebuild gives the same bytes on any day. The articles' own dates are never
used: an undated article cannot stop a deposit.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re

from ..errors import DepositError

ENV = "SOURCE_DATE_EPOCH"
_DIGITS = re.compile(r"^[0-9]+$")


def today_utc() -> dt.date:
    """Today in UTC (a function of its own so tests can fix the clock)."""
    return dt.datetime.now(dt.timezone.utc).date()


def parse_day(day: str) -> dt.date:
    """A calendar date written exactly YYYY-MM-DD, else DepositError."""
    try:
        parsed = dt.date.fromisoformat(day)
        if parsed.isoformat() != day:
            raise ValueError
    except (TypeError, ValueError):
        raise DepositError(f"bagging date {day!r} is not a date YYYY-MM-DD") from None
    return parsed


def _from_epoch(value: str) -> dt.date:
    text = value.strip()
    if not _DIGITS.match(text):
        raise DepositError(f"{ENV}={value!r} is not a whole number of seconds since 1970-01-01 (unset it, or give --bagging-date)")
    try:
        return dt.datetime.fromtimestamp(int(text), dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise DepositError(f"{ENV}={value!r} is out of range for a date (unset it, or give --bagging-date)") from None


def bagging_day(option: str | None, environ=None) -> str:
    """The Bagging-Date: `option`, else SOURCE_DATE_EPOCH's UTC day, else today (UTC)."""
    if option is not None:
        return parse_day(option).isoformat()
    env = os.environ if environ is None else environ
    value = env.get(ENV, "")
    if value.strip():
        return _from_epoch(value).isoformat()
    return today_utc().isoformat()


def day_epoch(day: str) -> int:
    """00:00:00 UTC of `day` in seconds since the epoch: the tar members' mtime."""
    return calendar.timegm(parse_day(day).timetuple())
