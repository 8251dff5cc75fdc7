"""Working-day arithmetic: Saturdays and Sundays are off, public holidays are off, make-up days are worked."""

import datetime
from dataclasses import dataclass

from feedback.models import FeedbackSettings, Holiday

WEEKEND = (5, 6)


@dataclass
class WorkingCalendar:
    off: frozenset
    worked: frozenset

    @classmethod
    def around(cls, start, span_days=400):
        """The holidays from a little before `start` to `span_days` after it, in one query."""
        rows = Holiday.objects.filter(
            date__gte=start - datetime.timedelta(days=31), date__lte=start + datetime.timedelta(days=span_days)
        ).values_list("date", "working")
        return cls(frozenset(d for d, working in rows if not working), frozenset(d for d, working in rows if working))

    def is_working_day(self, day):
        if day in self.worked:
            return True
        return day.weekday() not in WEEKEND and day not in self.off

    def add(self, start, days):
        """The `days`-th working day after `start` (the day of receipt itself does not count)."""
        day, left = start, days
        while left > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def between(self, start, end):
        """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
        if end < start:
            return -self.between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + datetime.timedelta(days=n)))


def add_working_days(start, days):
    return WorkingCalendar.around(start, span_days=days * 3 + 60).add(start, days)


def limits():
    return FeedbackSettings.load()
