from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

from portal.templatetags.portal_tags import vn_number
from procedures.reform import dashboard
from procedures.reform.models import StatisticsPage

register = template.Library()

DECIMALS = {"percent": 1, "points": 2}


@register.filter
def stat(value, kind="text"):
    """A dashboard cell the Vietnamese way: 1.230, 98,2%, 17,50; a dash where there is no figure."""
    if value is None or value == "":
        return "–"
    if kind == "count":
        return vn_number(value)
    if kind == "percent":
        return f"{number_format(value, DECIMALS[kind], use_l10n=True)}%"
    if kind == "points":
        return number_format(value, DECIMALS[kind], use_l10n=True)
    return value


@register.filter
def signed(value):
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{number_format(abs(value), 1, use_l10n=True)}"


@register.inclusion_tag("reform/includes/agency_figures.html")
def agency_figures(agency):
    """The agency's latest month and its twelve-month trend, drawn like the dashboard's."""
    period, figures, trend = dashboard.latest_figures(agency=agency)
    if figures is None:
        return {}
    table = dashboard.trend_table(trend, "agency-trend", gettext("%(agency)s: các tháng gần nhất") % {"agency": agency.title})
    dashboard.trend_chart(table)
    statistics = StatisticsPage.objects.live().public().first()
    return {"agency": agency, "period": period, "figures": figures, "table": table, "statistics": statistics}
