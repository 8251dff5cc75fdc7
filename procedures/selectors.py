"""Read-side queries of the catalogue; each runs a fixed number of queries whatever the catalogue's size."""

import re
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import Length, Substr

from portal.text import fold
from portal.web.chrome import public
from procedures.models import AgencyPage, OnlineLevel, ProcedureField, ProcedureIndexPage, ProcedureLevel, ProcedurePage


def live_procedures(root):
    return public(ProcedurePage.objects.live()).descendant_of(root)


COMMUNE_LEVEL = re.compile(r"\b(xa|phuong|dac khu)\b")


def commune_levels():
    """Levels every commune, ward and special zone carries out ("Cấp Xã" in the national database), wherever
    the procedure is filed (usually under the department that manages it)."""
    return [level.pk for level in ProcedureLevel.objects.only("name") if COMMUNE_LEVEL.search(fold(level.name))]


def _at_commune_level(levels):
    return Q(pk__in=ProcedurePage.levels.through.objects.filter(procedurelevel_id__in=levels).values("procedurepage_id"))


def agency_procedures(agency, commune):
    """What an agency's page lists: the procedures filed below it and, for a commune, every commune-level
    procedure of the catalogue as well."""
    catalogue_path = agency.path[: -agency.steplen]
    listed = Q(path__startswith=agency.path)
    if commune:
        listed |= _at_commune_level(commune_levels())
    return public(ProcedurePage.objects.live()).filter(listed, path__startswith=catalogue_path)


def listing(queryset):
    """Procedures for a list: name, code, online level and the agency they belong to."""
    return queryset.only("id", "title", "slug", "url_path", "path", "depth", "code", "online_level", "four_on_the_spot")


def agency_path(procedure):
    """A procedure sits right below its agency, so the agency's tree path is the procedure's less one step."""
    return procedure.path[: -ProcedurePage.steplen]


def attach_agencies(procedures, agencies=None):
    """Set `procedure.agency` on each procedure: from `agencies` when the caller has them, else in one query."""
    if agencies is None:
        agencies = AgencyPage.objects.filter(path__in={agency_path(p) for p in procedures})
    by_path = {agency.path: agency for agency in agencies}
    for procedure in procedures:
        procedure.agency = by_path.get(agency_path(procedure))
    return procedures


def _agency_counts(root, exclude=None):
    procedures = live_procedures(root) if exclude is None else live_procedures(root).exclude(exclude)
    rows = (
        procedures.annotate(parent_path=Substr("path", 1, Length("path") - ProcedurePage.steplen))
        .order_by()
        .values("parent_path")
        .annotate(n=Count("id"))
    )
    return [(row["parent_path"], row["n"]) for row in rows]


def _live_filter(prefix, root):
    return Q(**{f"{prefix}__live": True, f"{prefix}__path__startswith": root.path})


def field_counts(root):
    return ProcedureField.objects.annotate(n=Count("procedures", filter=_live_filter("procedures", root))).filter(n__gt=0)


def level_counts(root):
    return ProcedureLevel.objects.annotate(n=Count("procedures", filter=_live_filter("procedures", root))).filter(n__gt=0)


def online_counts(root):
    rows = live_procedures(root).order_by().values("online_level").annotate(n=Count("id"))
    counts = {row["online_level"]: row["n"] for row in rows}
    return [(level, counts.get(level.value, 0)) for level in OnlineLevel]


CATALOGUE_COUNTS_KEY = "procedures:catalogue-counts:{pk}"


def catalogue_counts(root, agencies, communes=()):
    """Counts for the catalogue overview; cached, and dropped whenever a procedure is published or removed.
    A commune counts the commune-level procedures and those filed below it, as its page lists them."""
    key = CATALOGUE_COUNTS_KEY.format(pk=root.pk)
    counts = cache.get(key)
    if counts is None:
        by_agency = dict(_agency_counts(root))
        if communes:
            levels = commune_levels()
            shared = live_procedures(root).filter(_at_commune_level(levels)).count()
            own = dict(_agency_counts(root, exclude=_at_commune_level(levels)))
            by_agency.update({path: shared + own.get(path, 0) for path in communes})
        counts = {
            "agencies": by_agency,
            "fields": [(f.slug, f.name, f.n) for f in field_counts(root)],
            "levels": [(lv.slug, lv.name, lv.n) for lv in level_counts(root)],
            "online": [(level.value, count) for level, count in online_counts(root)],
            "four_on_the_spot": live_procedures(root).filter(four_on_the_spot=True).count(),
        }
        cache.set(key, counts, timeout=60 * 60)
    return {
        **counts,
        "agencies": [(agency, counts["agencies"].get(agency.path, 0)) for agency in agencies],
        "online": [(OnlineLevel(value), count) for value, count in counts["online"]],
    }


def forget_catalogue_counts():
    cache.delete_many([CATALOGUE_COUNTS_KEY.format(pk=pk) for pk in ProcedureIndexPage.objects.values_list("pk", flat=True)])


def grouped_by_field(procedures):
    """[(field, [procedures])] sorted by field name; a procedure with several fields is listed under each."""
    groups = defaultdict(list)
    for procedure in procedures:
        for field in procedure.fields.all() or [None]:
            groups[field].append(procedure)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0].name if item[0] else ""))
