"""The date (and time) a page says it was published, from its header.

:func:`parse_published` reads the stamp in whatever layout the agency uses
(Jalali or Gregorian, a clock time before or after it, a UTC offset, labels
such as «تاریخ انتشار» or «به روز شده») as an aware datetime in Asia/Tehran.
Dates are found by :func:`builder.text.dates.find_dates`; this module only chooses
among them and reads the clock beside the chosen one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from ..text.dates import _SP, TEHRAN, _rx, find_dates
from ..text.numbers import align_fold

__all__ = ["EARLIEST_PUBLISHED", "PublishedDate", "parse_published", "plausibly_published"]

_TIME = (r"(?<![0-9:])(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2}))?(?![0-9])"
         rf"(?:{_SP}*(?P<ap>(?i:am|pm)\b|[قب]\.?{_SP}*ظ\.?))?")
_TIME_AFTER = _rx(rf"""(?:{_SP}|[-–—/|،,T]|ساعت|(?i:at)){{0,12}}{_TIME}
    (?:{_SP}*(?P<z>Z|[+-]{_SP}*[0-9]{{2}}{_SP}*:?{_SP}*[0-9]{{2}}))?""", re.X)
_TIME_BEFORE = _rx(rf"(?:ساعت{_SP}*)?{_TIME}(?:{_SP}|[-–—/|،,]){{0,12}}$")
_PUBLISHED_LABEL = _rx(r"انتشار|منتشر|تاریخ|(?i:published|date)")
_UPDATED_LABEL = _rx(rf"به{_SP}*روز|بروز|ویرایش|(?i:updated|modified)")


@dataclass(frozen=True)
class PublishedDate:
    """A page's publication stamp: aware datetime (Asia/Tehran) and where it was printed."""

    dt: datetime
    text: str
    start: int
    end: int
    has_time: bool  # False: the page gave only a date, ``dt`` is at 00:00

    def __iter__(self):
        """Unpacks as the ``(datetime, text)`` pair callers may expect."""
        return iter((self.dt, self.text))


def _clock(m: re.Match) -> time | None:
    h, mi, s = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    if m["ap"]:
        pm = m["ap"].lower() == "pm" or m["ap"].startswith("ب")
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if pm else 0)
    return time(h, mi, s) if h < 24 and mi < 60 and s < 60 else None


def _offset(z: str | None) -> timezone | None:
    if not z:
        return None
    if z == "Z":
        return timezone.utc
    digits = re.sub(r"[^0-9]", "", z)
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if z.startswith("-") else delta)


#: No Persian news site published before this (the first ones went online in the late 1990s).
EARLIEST_PUBLISHED = date(1995, 1, 1)


def plausibly_published(day: date, today: date | None = None) -> bool:
    """Whether a page can have been published on ``day``.

    A date line reading «۱۲ آذر ۱۴۹۹» (a typo for ۱۴۰۹? a template placeholder?)
    must not become a publication date in 2120: the page was scraped, so it was
    published by now (two days of slack for time zones and clocks), and not
    before Persian news went online.  The check is against the build's clock,
    so the same page gets the same date on every run after it was published.
    """
    today = today or date.today()
    return EARLIEST_PUBLISHED <= day <= today + timedelta(days=2)


_DIGIT = re.compile("[0-9]")


def parse_published(text: str) -> PublishedDate | None:
    """The publication date-time printed in a page header, or None.

    Takes the page (or its header) and chooses among the dates with a year
    in it: one labelled «تاریخ انتشار»/«انتشار» wins, one labelled «به روز
    شده» (an update stamp) loses, one with a clock time beats one without,
    and otherwise the first on the page.
    """
    f = align_fold(text)
    if not _DIGIT.search(f):  # a date without a year in digits has no start date here: most lines
        return None
    best = None
    for d in find_dates(text):
        if d.kind != "absolute" or d.start_date is None or not plausibly_published(d.start_date):
            continue
        start, end, clock, tz = d.start, d.end, None, None
        after = _TIME_AFTER.match(f, d.end)
        before = _TIME_BEFORE.search(f, max(0, d.start - 40), d.start)
        if after and _clock(after):
            clock, tz, end = _clock(after), _offset(after["z"]), after.end()
        elif before and _clock(before):
            clock, start = _clock(before), before.start()
        line = f[f.rfind("\n", 0, start) + 1:start]
        score = (clock is not None) + (-4 if _UPDATED_LABEL.search(line) else
                                       4 if _PUBLISHED_LABEL.search(line) else 0)
        if best is None or score > best[0]:
            best = (score, d.start_date, clock, tz, start, end)
    if best is None:
        return None
    _, day, clock, tz, start, end = best
    if tz:
        dt = datetime.combine(day, clock, tzinfo=tz).astimezone(TEHRAN)
    else:
        dt = datetime.combine(day, clock or time(0), tzinfo=TEHRAN)
    return PublishedDate(dt, text[start:end], start, end, clock is not None)
