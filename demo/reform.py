"""Demo reform figures: 24 months per agency that balance month to month, quarters and years built from
those months, the province as their sum, and two years of service index, SIPAS and PAR Index scores.

Each agency has its own seeded generator, so the same agencies give the same figures.
"""

import random
from decimal import Decimal

from django.utils import timezone

from demo.site import child
from procedures.models import AgencyPage
from procedures.reform.models import (
    DOSSIER_FIELDS,
    INDEX_GROUPS,
    SIPAS_FACTORS,
    DossierStatistics,
    ParIndexScore,
    PeriodKind,
    SatisfactionSurvey,
    ServiceIndexScore,
    StatisticsPage,
)

MONTHS = 24
FLOWS = ["received_in_person", "received_online", "received_post", "resolved_on_time", "resolved_late"]
FLOWS += ["returned", "withdrawn", "apologies", "online_payments"]


def recent_months(today, count=MONTHS):
    """The `count` complete months before `today`, oldest first, as (year, month)."""
    year, month = today.year, today.month
    months = []
    for _step in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append((year, month))
    return list(reversed(months))


def agency_months(rng, months):
    """One agency's monthly figures; each month's carried-over dossiers are the previous month's pending."""
    size = rng.choice([80, 150, 300, 600, 1200, 2500])
    online_start, online_end = rng.uniform(0.35, 0.6), rng.uniform(0.65, 0.9)
    late_rate = rng.uniform(0.002, 0.03)
    pending_share = rng.uniform(0.12, 0.3)
    carried = int(size * pending_share)
    rows = []
    for position, (year, month) in enumerate(months):
        season = 1.0 + (0.25 if month in (3, 4, 10, 11) else -0.2 if month in (1, 2) else 0) + rng.uniform(-0.1, 0.1)
        new = max(10, int(size * season))
        online_rate = online_start + (online_end - online_start) * position / max(1, len(months) - 1)
        online = int(new * online_rate)
        post = int(new * rng.uniform(0.01, 0.04))
        total = new + carried
        returned = int(total * rng.uniform(0.002, 0.012))
        withdrawn = int(total * rng.uniform(0.0, 0.006))
        pending = int(total * pending_share * rng.uniform(0.85, 1.15))
        resolved = total - returned - withdrawn - pending
        late = int(resolved * late_rate * rng.uniform(0.5, 1.5))
        overdue = int(pending * rng.uniform(0.0, 0.02))
        rows.append(
            {
                "period_kind": PeriodKind.MONTH,
                "year": year,
                "number": month,
                "received_in_person": new - online - post,
                "received_online": online,
                "received_post": post,
                "carried_over": carried,
                "resolved_on_time": resolved - late,
                "resolved_late": late,
                "pending_on_time": pending - overdue,
                "pending_overdue": overdue,
                "returned": returned,
                "withdrawn": withdrawn,
                "apologies": int((late + overdue) * rng.uniform(0.5, 1.0)),
                "online_payments": int(online * rng.uniform(0.2, 0.45)),
            }
        )
        carried = pending
    return rows


def combine(rows, kind, number):
    """A longer period from consecutive months: flows add up, stocks come from its first and last month."""
    combined = {"period_kind": kind, "year": rows[0]["year"], "number": number}
    for field in FLOWS:
        combined[field] = sum(row[field] for row in rows)
    combined["carried_over"] = rows[0]["carried_over"]
    combined["pending_on_time"] = rows[-1]["pending_on_time"]
    combined["pending_overdue"] = rows[-1]["pending_overdue"]
    return combined


def longer_periods(months):
    by_key = {(row["year"], row["number"]): row for row in months}
    result = []
    for year in sorted({row["year"] for row in months}):
        for quarter in range(1, 5):
            rows = [by_key.get((year, m)) for m in range(quarter * 3 - 2, quarter * 3 + 1)]
            if all(rows):
                result.append(combine(rows, PeriodKind.QUARTER, quarter))
        rows = [by_key.get((year, m)) for m in range(1, 13)]
        if all(rows):
            result.append(combine(rows, PeriodKind.YEAR, 0))
    return result


def _sum_rows(groups):
    totals = {}
    for rows in groups:
        for row in rows:
            key = (row["period_kind"], row["year"], row["number"])
            target = totals.setdefault(key, {"period_kind": key[0], "year": key[1], "number": key[2]})
            for field, _label in DOSSIER_FIELDS:
                target[field] = target.get(field, 0) + row[field]
    return list(totals.values())


def _scores(rng, fields, low, high, places="0.01"):
    return {field: (Decimal(str(rng.uniform(low, high))) * maximum).quantize(Decimal(places)) for field, maximum in fields}


def load(home, today=None):
    """Create the statistics page and the demo figures once; returns how many records were created."""
    child(
        home,
        StatisticsPage,
        "thong-ke-danh-gia",
        title="Thống kê, đánh giá",
        show_in_menus=True,
        intro="Kết quả giải quyết hồ sơ thủ tục hành chính, Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), "
        "mức độ hài lòng (SIPAS) và Chỉ số cải cách hành chính (PAR Index) của các cơ quan trên địa bàn tỉnh.",
    )
    if DossierStatistics.objects.exists():
        return 0
    today = today or timezone.localdate()
    months = recent_months(today)
    index_years = [today.year - 2, today.year - 1]
    agencies = list(AgencyPage.objects.live().order_by("short_name"))
    now = timezone.now()
    published = {"live": True, "first_published_at": now, "last_published_at": now}
    dossiers, scores, surveys, par = [], [], [], []
    per_agency = []
    for agency in agencies:
        rng = random.Random(f"reform:{agency.short_name}")
        rows = agency_months(rng, months)
        rows += longer_periods(rows)
        per_agency.append(rows)
        dossiers += [DossierStatistics(agency=agency, **row, **published) for row in rows]
        for year in index_years:
            quality = rng.uniform(0.72, 0.95)
            groups = [(name, Decimal(maximum)) for name, _label, maximum in INDEX_GROUPS]
            scores.append(
                ServiceIndexScore(
                    agency=agency,
                    period_kind=PeriodKind.YEAR,
                    year=year,
                    **_scores(rng, groups, quality - 0.08, min(1, quality + 0.05)),
                    **published,
                )
            )
            factors = [(name, Decimal(100)) for name, _label in SIPAS_FACTORS]
            surveys.append(
                SatisfactionSurvey(
                    agency=agency, year=year, respondents=rng.randint(120, 900), **_scores(rng, factors, 0.82, 0.97), **published
                )
            )
            par.append(ParIndexScore(agency=agency, year=year, score=Decimal(str(round(rng.uniform(74, 93), 2))), **published))
    dossiers += [DossierStatistics(agency=None, **row, **published) for row in _sum_rows(per_agency)]
    for year in index_years:
        rows = [s for s in scores if s.year == year]
        if rows:
            means = {
                name: (sum(getattr(s, name) for s in rows) / len(rows)).quantize(Decimal("0.01")) for name, *_rest in INDEX_GROUPS
            }
            scores.append(ServiceIndexScore(agency=None, period_kind=PeriodKind.YEAR, year=year, **means, **published))
            polled = [s for s in surveys if s.year == year]
            respondents = sum(s.respondents for s in polled)
            weighted = {
                name: (sum(getattr(s, name) * s.respondents for s in polled) / respondents).quantize(Decimal("0.01"))
                for name, _label in SIPAS_FACTORS
            }
            surveys.append(SatisfactionSurvey(agency=None, year=year, respondents=respondents, **weighted, **published))
    for model, objects in (
        (DossierStatistics, dossiers),
        (ServiceIndexScore, scores),
        (SatisfactionSurvey, surveys),
        (ParIndexScore, par),
    ):
        model.objects.bulk_create(objects, batch_size=500)
    return len(dossiers) + len(scores) + len(surveys) + len(par)
