"""The organisation chart and contact pages, their structured data, and the reorganisation of agencies
(rename, merge, retire) kept as history with the old addresses redirected."""

from django.db import transaction
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from procedures.models import AgencyChange, AgencyPage, AgencyType, Department, Official

CHART_TYPES = [value for value in AgencyType.values if value != AgencyType.COMMUNE]
PHOTO_PAGE, PHOTO_DATA = "fill-80x100", "fill-160x200"  # the contact table's and the structured data's


def _officials():
    """An agency's people in order, their photos' renditions with them: one query more, however many photos."""
    photos = get_image_model().objects.prefetch_renditions(PHOTO_PAGE, PHOTO_DATA)
    return Prefetch(
        "officials", queryset=Official.objects.order_by("sort_order", "pk").prefetch_related(Prefetch("photo", photos))
    )


def organisations():
    """Every live agency but the communes, in catalogue order, with its people and departments (5 queries)."""
    return list(
        AgencyPage.objects.live()
        .public()
        .filter(agency_type__in=CHART_TYPES)
        .order_by(AgencyType.listing_order(), "title")
        .prefetch_related(
            _officials(),
            Prefetch("departments", queryset=Department.objects.order_by("sort_order", "pk")),
        )
    )


def chart_groups(agencies):
    """[(type label, agencies)] in the catalogue's order; the provincial committee heads the chart."""
    groups = {}
    for agency in agencies:
        groups.setdefault(agency.agency_type, []).append(agency)
    return [(AgencyType(kind).label, groups[kind]) for kind in AgencyType.values if kind in groups]


def organisation_data(agency, request):
    """schema.org GovernmentOrganization of one agency, its officials as Person members."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": agency.local_name,
        "alternateName": agency.short_name,
        "url": agency.get_full_url(request),
    }
    if agency.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": agency.address, "addressCountry": "VN"}
    for key, value in (("telephone", agency.phone), ("email", agency.email), ("hasMap", agency.map_url)):
        if value:
            data[key] = value
    if agency.opening_hours:
        data["openingHours"] = agency.local_opening_hours
    departments = [{"@type": "GovernmentOrganization", "name": d.local_name} for d in agency.departments.all()]
    if departments:
        data["department"] = departments
    members = []
    for official in agency.officials.all():
        person = {"@type": "Person", "name": official.name, "jobTitle": official.local_job_title}
        for key, value in (("telephone", official.phone), ("email", official.email)):
            if value:
                person[key] = value
        if official.photo:
            person["image"] = request.build_absolute_uri(official.photo.get_rendition(PHOTO_DATA).url)
        members.append(person)
    if members:
        data["member"] = members
    return data


def _organisation_page(request, page, template):
    agencies = organisations()
    context = page.get_context(request)
    context.update(
        agencies=agencies,
        groups=chart_groups(agencies),
        structured_data=[organisation_data(agency, request) for agency in agencies],
    )
    return TemplateResponse(request, template, context)


def chart(request, page):
    return _organisation_page(request, page, "procedures/organisation_chart_page.html")


def contacts(request, page):
    return _organisation_page(request, page, "procedures/contact_page.html")


def agency_organisation(request, agency):
    """What an agency page shows of its organisation: people, departments, history, structured data."""
    prefetch_related_objects(
        [agency],
        _officials(),
        Prefetch("departments", queryset=Department.objects.order_by("sort_order", "pk")),
    )
    history = AgencyChange.objects.filter(Q(agency=agency) | Q(successor=agency)).select_related("agency", "successor")
    return {
        "officials": list(agency.officials.all()),
        "departments": list(agency.departments.all()),
        # its own steps first, then the agencies merged into it
        "history": sorted(history, key=lambda change: change.agency_id != agency.pk),
        "organisation_data": organisation_data(agency, request),  # reads the prefetched rows
    }


def _record(agency, kind, date, decision="", successor=None, new_name=""):
    return AgencyChange.objects.create(
        agency=agency, kind=kind, date=date, old_name=agency.title, new_name=new_name, successor=successor, decision=decision
    )


@transaction.atomic
def rename_agency(agency, new_name, date, decision="", new_slug=None):
    """A new name (and address): Wagtail keeps the old address as a permanent redirect."""
    change = _record(agency, AgencyChange.Kind.RENAMED, date, decision, new_name=new_name)
    agency.title = new_name
    if new_slug:
        agency.slug = new_slug
    agency.save_revision().publish()
    return change


@transaction.atomic
def merge_agency(agency, successor, date, decision=""):
    """The successor takes the agency's procedures; the agency's address and theirs answer 301 to the new ones."""
    if agency.pk == successor.pk:
        raise ValueError(_("Không thể hợp nhất một cơ quan vào chính nó."))
    change = _record(agency, AgencyChange.Kind.MERGED, date, decision, successor=successor, new_name=successor.title)
    site = agency.get_site()
    old_path = agency.get_url_parts()[2]
    for procedure in agency.get_children():
        procedure.move(successor, pos="last-child")  # Wagtail adds the procedure's permanent redirect
    agency.refresh_from_db()
    agency.unpublish()
    Redirect.objects.filter(old_path=Redirect.normalise_path(old_path), site=site).delete()
    Redirect.objects.create(old_path=Redirect.normalise_path(old_path), site=site, redirect_page=successor, is_permanent=True)
    return change


@transaction.atomic
def retire_agency(agency, date, decision=""):
    change = _record(agency, AgencyChange.Kind.RETIRED, date, decision)
    agency.unpublish()
    return change
