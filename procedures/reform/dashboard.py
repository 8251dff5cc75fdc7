"""The "Thống kê, đánh giá" dashboard: figures gathered in a fixed number of queries, laid out as tables.

Every chart is drawn from a `Table`, so the accessible table beside a chart, the CSV and the XLSX
download all show exactly the same numbers.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from procedures.models import AgencyPage
from procedures.reform.forms import KIND_PARAMS, StatisticsFilterForm
from procedures.reform.models import (
    INDEX_GROUPS,
    SIPAS_FACTORS,
    DossierStatistics,
    DossierTotals,
    ParIndexScore,
    Period,
    PeriodKind,
    SatisfactionSurvey,
    ServiceIndexScore,
    dossier_sums,
)

TREND_LENGTH = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 8, PeriodKind.YEAR: 5}


@dataclass
class Column:
    label: str
    kind: str = "text"  # text | count | percent | points | rank


@dataclass
class Table:
    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""
    chart: object = None

    @property
    def wide(self):
        return len(self.columns) > 4

    def cells(self):
        return [list(zip(row, self.columns, strict=True)) for row in self.rows]


@dataclass
class Chart:
    """What statistics.js needs to draw one chart; series reference columns of `table`."""

    key: str
    kind: str  # combo (bars + a rate line) | hbar | score
    table: Table
    labels: list
    series: list

    def __post_init__(self):
        self.table.chart = self

    def as_json(self):
        return {"kind": self.kind, "labels": self.labels, "series": self.series}


def competition_ranks(items, score, group=lambda item: None):
    """Standard competition ranking ("1224") of items by descending score, within each group."""
    ranks = {}
    by_group = {}
    for item in items:
        if score(item) is not None:
            by_group.setdefault(group(item), []).append(item)
    for members in by_group.values():
        members.sort(key=score, reverse=True)
        for position, item in enumerate(members, start=1):
            previous = members[position - 2] if position > 1 else None
            ranks[id(item)] = ranks[id(previous)] if previous is not None and score(previous) == score(item) else position
    return ranks


def _period_filter(periods):
    query = Q(pk__in=[])
    for period in periods:
        query |= Q(year=period.year, number=period.number)
    return query


def dossier_series(kind, periods, agency=None):
    """{period: figures} for an agency, or for the province: its own record, else the sum of its agencies."""
    records = DossierStatistics.objects.live().filter(_period_filter(periods), period_kind=kind)
    if agency is not None:
        return {row.period: row for row in records.filter(agency=agency)}
    series = {
        Period(kind, row["year"], row["number"]): DossierTotals(Period(kind, row["year"], row["number"]), row)
        for row in records.agencies().values("year", "number").annotate(**dossier_sums()).order_by()
    }
    for total in series.values():
        total.summed = True
    series.update({row.period: row for row in records.province()})
    return series


def published_periods(kind):
    rows = DossierStatistics.objects.live().filter(period_kind=kind).order_by().values_list("year", "number").distinct()
    return sorted((Period(kind, year, number) for year, number in rows), key=lambda p: p.key, reverse=True)


def latest_figures(agency=None, kind=PeriodKind.MONTH, length=12):
    """(latest period, its figures, [(period, figures)] oldest first) for the home and agency pages."""
    periods = published_periods(kind)[:length]
    if not periods:
        return None, None, []
    series = dossier_series(kind, periods, agency)
    trend = [(period, series[period]) for period in reversed(periods) if period in series]
    if not trend:
        return None, None, []
    return trend[-1][0], trend[-1][1], trend


def trend_table(trend, key="trend", title=""):
    table = Table(
        key,
        title,
        [
            Column(gettext("Kỳ")),
            Column(gettext("Tiếp nhận"), "count"),
            Column(gettext("Đã giải quyết"), "count"),
            Column(gettext("Đúng hạn"), "count"),
            Column(gettext("Tỷ lệ đúng hạn"), "percent"),
            Column(gettext("Tỷ lệ trực tuyến"), "percent"),
        ],
    )
    for period, figures in trend:
        table.rows.append(
            [
                period.short_label,
                figures.received_total,
                figures.resolved,
                figures.resolved_on_time,
                figures.on_time_rate,
                figures.online_share,
            ]
        )
    if any(getattr(figures, "summed", False) for _period, figures in trend):
        table.note = gettext("Kỳ chưa có báo cáo toàn tỉnh được tổng hợp từ số liệu các cơ quan.")
    return table


def trend_chart(table):
    return Chart(
        table.key,
        "combo",
        table,
        [row[0] for row in table.rows],
        [
            {"label": table.columns[1].label, "data": [row[1] for row in table.rows], "type": "bar"},
            {"label": table.columns[2].label, "data": [row[2] for row in table.rows], "type": "bar"},
            {"label": table.columns[4].label, "data": [_number(row[4]) for row in table.rows], "type": "line", "percent": True},
        ],
    )


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


@dataclass
class Dashboard:
    form: StatisticsFilterForm
    kind: str = PeriodKind.MONTH
    period: Period | None = None
    agency: AgencyPage | None = None
    periods: list = field(default_factory=list)
    headline: object = None
    previous: object = None
    index_year: int | None = None
    tables: list = field(default_factory=list)

    @property
    def scope_name(self):
        return self.agency.title if self.agency else gettext("Toàn tỉnh")

    @property
    def kind_param(self):
        """The period kind as the public address writes it (?loai=thang)."""
        return next(param for param, kind in KIND_PARAMS.items() if kind == self.kind)

    @property
    def on_time_change(self):
        if self.headline is None or self.previous is None:
            return None
        if self.headline.on_time_rate is None or self.previous.on_time_rate is None:
            return None
        return self.headline.on_time_rate - self.previous.on_time_rate


def build(params, agencies):
    """The dashboard for GET `params`; an invalid filter leaves `form.errors` set and nothing else."""
    agencies = list(agencies)
    form = StatisticsFilterForm(params, agencies=agencies)
    board = Dashboard(form)
    if not form.is_valid():
        return board
    board.kind = form.cleaned_data["loai"]
    board.agency = next((a for a in agencies if a.short_name == form.cleaned_data["co_quan"]), None)
    board.periods = published_periods(board.kind)
    wanted = form.cleaned_data["ky"]
    if wanted and wanted not in board.periods:
        form.add_error("ky", _("Chưa có số liệu công bố cho %(period)s.") % {"period": wanted.label})
        return board
    if not board.periods:
        return board
    board.period = wanted or board.periods[0]
    start = board.periods.index(board.period)
    window = board.periods[start : start + TREND_LENGTH[board.kind]]
    series = dossier_series(board.kind, window, board.agency)
    trend = [(period, series[period]) for period in reversed(window) if period in series]
    board.headline = series.get(board.period)
    if len(window) > 1:
        board.previous = series.get(window[1])
    _add(
        board,
        trend_chart(trend_table(trend, "trend", gettext("Tình hình giải quyết hồ sơ – %(scope)s") % {"scope": board.scope_name})),
    )
    _add(board, _comparison(board))
    for extra in hooks.get_hooks("statistics_page_tables"):  # other sections' figures, e.g. feedback
        _add(board, extra(board))
    _add_indices(board, agencies)
    return board


def _add(board, chart_or_table):
    if isinstance(chart_or_table, Chart):
        board.tables.append(chart_or_table.table)
    elif chart_or_table is not None:
        board.tables.append(chart_or_table)


def _comparison(board):
    records = (
        DossierStatistics.objects.live()
        .agencies()
        .filter(period_kind=board.kind, year=board.period.year, number=board.period.number)
        .select_related("agency")
    )
    records = sorted(records, key=lambda r: (-(r.on_time_rate or 0), r.agency.title))
    if not records:
        return None
    table = Table(
        "agencies",
        gettext("So sánh các cơ quan – %(period)s") % {"period": board.period.label},
        [
            Column(gettext("Cơ quan")),
            Column(gettext("Tiếp nhận"), "count"),
            Column(gettext("Đã giải quyết"), "count"),
            Column(gettext("Quá hạn"), "count"),
            Column(gettext("Tỷ lệ đúng hạn"), "percent"),
            Column(gettext("Tỷ lệ trực tuyến"), "percent"),
            Column(gettext("Thư xin lỗi"), "count"),
        ],
    )
    for r in records:
        table.rows.append(
            [
                r.agency.title,
                r.received_total,
                r.resolved,
                r.resolved_late + r.pending_overdue,
                r.on_time_rate,
                r.online_share,
                r.apologies,
            ]
        )
    return Chart(
        "agencies",
        "hbar",
        table,
        [row[0] for row in table.rows],
        [{"label": table.columns[4].label, "data": [_number(row[4]) for row in table.rows], "percent": True}],
    )


def _add_indices(board, agencies):
    years = sorted(
        set(ServiceIndexScore.objects.live().filter(period_kind=PeriodKind.YEAR).values_list("year", flat=True)), reverse=True
    )
    if not years:
        return
    board.index_year = next((y for y in years if y <= board.period.year), years[-1])
    scores = list(
        ServiceIndexScore.objects.live().filter(period_kind=PeriodKind.YEAR, year=board.index_year).select_related("agency")
    )
    scope = next((s for s in scores if s.agency_id == (board.agency.pk if board.agency else None)), None)
    if scope is not None:
        table = Table(
            "scorecard",
            gettext("Chỉ số phục vụ người dân, doanh nghiệp năm %(year)s – %(scope)s")
            % {"year": board.index_year, "scope": board.scope_name},
            [Column(gettext("Nhóm chỉ số")), Column(gettext("Điểm đạt"), "points"), Column(gettext("Điểm tối đa"), "points")],
        )
        for name, label, maximum in INDEX_GROUPS:
            table.rows.append([str(label), getattr(scope, name), Decimal(maximum)])
        table.rows.append([gettext("Tổng điểm"), scope.total, Decimal(100)])
        _add(
            board,
            Chart(
                "scorecard",
                "score",
                table,
                [row[0] for row in table.rows[:-1]],
                [
                    {"label": table.columns[1].label, "data": [_number(row[1]) for row in table.rows[:-1]]},
                    {"label": table.columns[2].label, "data": [_number(row[2]) for row in table.rows[:-1]]},
                ],
            ),
        )
    surveys = {s.agency_id: s for s in SatisfactionSurvey.objects.live().filter(year=board.index_year)}
    scope_survey = surveys.get(board.agency.pk if board.agency else None)
    if scope_survey is not None:
        _add(board, _sipas(board, scope_survey))
    _add(board, _rankings(board, [s for s in scores if s.agency_id], surveys, agencies))


def _rankings(board, scores, surveys, agencies):
    year = board.index_year
    par = list(ParIndexScore.objects.live().filter(year=year).select_related("agency"))
    agency_types = {a.pk: a.agency_type for a in agencies}
    par_ranks = competition_ranks(par, lambda p: p.score, lambda p: agency_types.get(p.agency_id))
    par_by_agency = {p.agency_id: (p.score, par_ranks.get(id(p))) for p in par}
    index_ranks = competition_ranks(scores, lambda s: s.total)
    if not scores and not par:
        return None
    table = Table(
        "rankings",
        gettext("Xếp hạng các cơ quan năm %(year)s") % {"year": year},
        [
            Column(gettext("Hạng"), "rank"),
            Column(gettext("Cơ quan")),
            *(Column(f"{label} ({maximum})", "points") for _name, label, maximum in INDEX_GROUPS),
            Column(gettext("Chỉ số phục vụ (100)"), "points"),
            Column(gettext("Hài lòng SIPAS"), "percent"),
            Column(gettext("PAR Index"), "percent"),
            Column(gettext("Hạng PAR Index trong nhóm"), "rank"),
        ],
        note=gettext(
            "Hạng theo tổng điểm Chỉ số phục vụ (Quyết định 766/QĐ-TTg); các cơ quan bằng điểm cùng hạng. "
            "PAR Index xếp hạng sở, ngành và UBND cấp xã thành các nhóm riêng."
        ),
    )
    scored = {s.agency_id for s in scores}
    for s in sorted(scores, key=lambda s: (index_ranks[id(s)], s.agency.title)):
        survey = surveys.get(s.agency_id)
        par_score, par_rank = par_by_agency.get(s.agency_id, (None, None))
        table.rows.append(
            [
                index_ranks[id(s)],
                s.agency.title,
                *(getattr(s, name) for name, _label, _max in INDEX_GROUPS),
                s.total,
                survey.overall if survey else None,
                par_score,
                par_rank,
            ]
        )
    for p in sorted((p for p in par if p.agency_id not in scored), key=lambda p: -p.score):
        survey = surveys.get(p.agency_id)
        table.rows.append(
            [
                None,
                p.agency.title,
                *([None] * len(INDEX_GROUPS)),
                None,
                survey.overall if survey else None,
                p.score,
                par_ranks[id(p)],
            ]
        )
    return table


def _sipas(board, survey):
    table = Table(
        "sipas",
        gettext("Mức độ hài lòng của người dân, doanh nghiệp (SIPAS) năm %(year)s – %(scope)s")
        % {"year": survey.year, "scope": board.scope_name},
        [Column(gettext("Yếu tố")), Column(gettext("Tỷ lệ hài lòng"), "percent")],
        note=gettext("%(count)s phiếu khảo sát hợp lệ; bình quân %(overall)s%%.")
        % {"count": number_format(survey.respondents, force_grouping=True), "overall": number_format(survey.overall, 2)},
    )
    for name, label in SIPAS_FACTORS:
        table.rows.append([str(label), getattr(survey, name)])
    return Chart(
        "sipas",
        "hbar",
        table,
        [row[0] for row in table.rows],
        [{"label": table.columns[1].label, "data": [_number(row[1]) for row in table.rows], "percent": True}],
    )
