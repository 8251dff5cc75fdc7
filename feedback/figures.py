"""Counts of feedback handling, in one query per table: received, answered, answered on time, late,
still open past or within the deadline, not accepted. Shared by the staff report and the statistics page."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from feedback.choices import AT_AGENCY, Status

ANSWERED = Q(answered_at__isnull=False) & ~Q(status__in=[Status.MERGED, Status.REJECTED])


def _sums(today):
    open_overdue = Q(status=Status.NEW, triage_due__lt=today) | Q(status__in=AT_AGENCY, answer_due__lt=today)
    return {
        "received": Count("pk"),
        "answered": Count("pk", filter=ANSWERED),
        "on_time": Count("pk", filter=ANSWERED & Q(answered_at__date__lte=F("answer_due"))),
        "late": Count("pk", filter=ANSWERED & Q(answered_at__date__gt=F("answer_due"))),
        "open_overdue": Count("pk", filter=open_overdue),
        "open_in_time": Count("pk", filter=Q(status__in=[Status.NEW, *AT_AGENCY]) & ~open_overdue),
        "not_accepted": Count("pk", filter=Q(status__in=[Status.MERGED, Status.REJECTED])),
    }


@dataclass
class Row:
    label: str
    received: int = 0
    answered: int = 0
    on_time: int = 0
    late: int = 0
    open_overdue: int = 0
    open_in_time: int = 0
    not_accepted: int = 0

    @property
    def overdue(self):
        return self.late + self.open_overdue

    @property
    def on_time_rate(self):
        """On time ÷ answered, in percent with one decimal, as the dossier figures count it."""
        if not self.answered:
            return None
        return (Decimal(self.on_time * 100) / self.answered).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def add(self, other):
        for name in ("received", "answered", "on_time", "late", "open_overdue", "open_in_time", "not_accepted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def grouped(queryset, by, today=None):
    """[(key, label, Row)] for `by` in "agency", "field", "month"."""
    today = today or timezone.localdate()
    if by == "month":
        queryset = queryset.annotate(month=TruncMonth("received_at"))
        keys = ["month"]
    elif by == "field":
        keys = ["field_id", "field__name"]
    else:
        keys = ["agency_id", "agency__title"]
    rows = queryset.order_by().values(*keys).annotate(**_sums(today))
    result = []
    for row in rows:
        counts = {name: row[name] for name in _sums(today)}
        if by == "month":
            month = row["month"]
            month = timezone.localtime(month).date() if isinstance(month, datetime.datetime) else month
            result.append((month, f"{month:%m/%Y}", Row(f"{month:%m/%Y}", **counts)))
        else:
            label = row[keys[1]] or ("Chưa chuyển cơ quan" if by == "agency" else "Chưa xác định lĩnh vực")
            result.append((row[keys[0]], label, Row(label, **counts)))
    if by == "month":
        result.sort(key=lambda item: item[0])
    else:
        result.sort(key=lambda item: (item[0] is None, item[1]))
    return result


def total(rows, label):
    overall = Row(label)
    for _key, _label, row in rows:
        overall.add(row)
    return overall
