"""The feedback figures on the "Thống kê, đánh giá" page, next to the dossier figures: the statistics page
calls the `statistics_page_tables` hook with its dashboard and shows (and exports) what comes back."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext

from feedback import figures
from feedback.models import Submission
from procedures.reform.dashboard import TREND_LENGTH, Chart, Column, Table
from procedures.reform.models import Period, PeriodKind


def _months(period):
    if period.kind == PeriodKind.MONTH:
        return [(period.year, period.number)]
    if period.kind == PeriodKind.QUARTER:
        return [(period.year, m) for m in range(3 * period.number - 2, 3 * period.number + 1)]
    return [(period.year, m) for m in range(1, 13)]


def _previous(period):
    if period.kind == PeriodKind.MONTH:
        return (
            Period(period.kind, period.year - 1, 12)
            if period.number == 1
            else Period(period.kind, period.year, period.number - 1)
        )
    if period.kind == PeriodKind.QUARTER:
        return (
            Period(period.kind, period.year - 1, 4) if period.number == 1 else Period(period.kind, period.year, period.number - 1)
        )
    return Period(period.kind, period.year - 1, 0)


def window(period, length):
    periods = [period]
    while len(periods) < length:
        periods.append(_previous(periods[-1]))
    return list(reversed(periods))


def _start(year, month):
    return timezone.make_aware(datetime.datetime(year, month, 1))


def feedback_table(board):
    if board.period is None:
        return None
    periods = window(board.period, TREND_LENGTH[board.kind])
    first_year, first_month = _months(periods[0])[0]
    last_year, last_month = _months(periods[-1])[-1]
    end = _start(last_year + (last_month == 12), last_month % 12 + 1)
    submissions = Submission.objects.filter(received_at__gte=_start(first_year, first_month), received_at__lt=end)
    if board.agency is not None:
        submissions = submissions.filter(agency=board.agency)
    by_month = {(key.year, key.month): row for key, _label, row in figures.grouped(submissions, "month")}
    if not by_month:
        return None
    scope = board.agency.title if board.agency else gettext("Toàn tỉnh")
    table = Table(
        "feedback",
        gettext("Phản ánh, kiến nghị của người dân, doanh nghiệp – %(scope)s") % {"scope": scope},
        [
            Column(gettext("Kỳ")),
            Column(gettext("Tiếp nhận"), "count"),
            Column(gettext("Đã trả lời"), "count"),
            Column(gettext("Trả lời đúng hạn"), "count"),
            Column(gettext("Tỷ lệ đúng hạn"), "percent"),
            Column(gettext("Quá hạn"), "count"),
        ],
        note=gettext(
            "Theo ngày tiếp nhận. Đúng hạn: cơ quan trả lời trong thời hạn tính bằng ngày làm việc; quá hạn gồm "
            "trả lời muộn và phản ánh chưa trả lời đã quá hạn."
        ),
    )
    for period in periods:
        row = figures.Row(str(period.short_label))
        for key in _months(period):
            if key in by_month:
                row.add(by_month[key])
        table.rows.append([row.label, row.received, row.answered, row.on_time, row.on_time_rate, row.overdue])
    return Chart(
        "feedback",
        "combo",
        table,
        [row[0] for row in table.rows],
        [
            {"label": table.columns[1].label, "data": [row[1] for row in table.rows], "type": "bar"},
            {"label": table.columns[2].label, "data": [row[2] for row in table.rows], "type": "bar"},
            {
                "label": table.columns[4].label,
                "data": [float(row[4]) if row[4] is not None else None for row in table.rows],
                "type": "line",
                "percent": True,
            },
        ],
    )
