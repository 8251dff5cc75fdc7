"""The staff access report: views per day, per section and per page, ratings per page; CSV for each table."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal import tabular
from portal.engagement.models import PageViewDay, Rating, VisitDay, average_stars

PERMISSION = "engagement.view_report"
SECTION_PATH_LENGTH = 3 * Page.steplen  # root, home, section
MAX_DAYS = 366
TOP = 50


class ReportFilter(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), required=False)
    end = forms.DateField(label=_("Đến ngày"), required=False)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - datetime.timedelta(days=29)
        if start > end:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(_("Mỗi báo cáo tối đa %(days)s ngày.") % {"days": MAX_DAYS})
        data.update(start=start, end=end)
        return data


def build(start, end):
    views = PageViewDay.objects.filter(day__range=(start, end))
    per_day = {row.day: row for row in VisitDay.objects.filter(day__range=(start, end))}
    days = [
        (day, per_day[day].visits if day in per_day else 0, per_day[day].views if day in per_day else 0)
        for day in (start + datetime.timedelta(days=n) for n in range((end - start).days + 1))
    ]
    sections = list(
        views.annotate(section=Substr("page__path", 1, SECTION_PATH_LENGTH))
        .values("section")
        .annotate(total=Sum("views"))
        .order_by("-total")
    )
    titles = dict(Page.objects.filter(path__in=[s["section"] for s in sections]).values_list("path", "title"))
    top = list(views.values("page").annotate(total=Sum("views")).order_by("-total", "page")[:TOP])
    ratings = {
        row["page"]: {**row, "average": average_stars(row["total"], row["count"])}
        for row in Rating.objects.values("page").annotate(total=Sum("stars"), count=Count("id")).order_by("-count")[:500]
    }
    pages = Page.objects.in_bulk({row["page"] for row in top} | set(ratings))
    return {
        "days": days,
        "sections": [(titles.get(s["section"], gettext("Trang chủ")), s["total"]) for s in sections],
        "top": [(pages.get(r["page"]), r["total"], ratings.get(r["page"])) for r in top],
        "ratings": [(pages.get(page_id), row["average"], row["count"]) for page_id, row in ratings.items() if page_id in pages],
    }


def _csv(name, header, rows):
    response = HttpResponse(tabular.csv_bytes([header, *rows]), content_type=tabular.CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def report_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = ReportFilter(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "engagement/admin/report.html", {"form": form}, status=400)
    data = form.cleaned_data
    report = build(data["start"], data["end"])
    export = request.GET.get("xuat")
    stem = f"truy-cap-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}"
    if export == "ngay":
        return _csv(
            f"{stem}-theo-ngay",
            [gettext("Ngày"), gettext("Lượt truy cập"), gettext("Lượt xem trang")],
            [(d.strftime("%d/%m/%Y"), visits, views) for d, visits, views in report["days"]],
        )
    if export == "muc":
        return _csv(f"{stem}-theo-muc", [gettext("Chuyên mục"), gettext("Lượt xem")], report["sections"])
    if export == "trang":
        rows = [
            (
                page.title if page else "",
                page.url if page else "",
                total,
                f"{rating['average']:.1f}" if rating else "",
                rating["count"] if rating else 0,
            )
            for page, total, rating in report["top"]
        ]
        return _csv(
            f"{stem}-theo-trang",
            [gettext("Trang"), gettext("Địa chỉ"), gettext("Lượt xem"), gettext("Điểm đánh giá"), gettext("Lượt đánh giá")],
            rows,
        )
    if export == "ngay-trang":
        rows = list(
            PageViewDay.objects.filter(day__range=(data["start"], data["end"]))
            .order_by("day", "-views")
            .values_list("day", "page_id", "views")
        )
        pages = Page.objects.in_bulk({page_id for _day, page_id, _n in rows})
        return _csv(
            f"{stem}-theo-ngay-va-trang",
            [gettext("Ngày"), gettext("Trang"), gettext("Địa chỉ"), gettext("Lượt xem")],
            [(day.strftime("%d/%m/%Y"), pages[pid].title, pages[pid].url, n) for day, pid, n in rows],
        )
    if export == "danh-gia":
        rows = [(page.title, page.url, f"{average:.1f}", count) for page, average, count in report["ratings"]]
        return _csv(
            f"{stem}-danh-gia", [gettext("Trang"), gettext("Địa chỉ"), gettext("Điểm đánh giá"), gettext("Lượt đánh giá")], rows
        )
    return TemplateResponse(
        request, "engagement/admin/report.html", {"form": form, "report": report, "start": data["start"], "end": data["end"]}
    )
