"""The public catalogue pages: the overview with counts, browse lists, an agency's procedures, one procedure.

Each is called by its page model (`BasePage.serve_with`) with the page it serves.
"""

import re

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from procedures import organisation, selectors
from procedures.models import LifeEvent, LifeEventProcedure, OnlineLevel, ProcedureField, ProcedureLevel, ProcedurePage

PROCEDURES_PER_PAGE = 30


def catalogue(request, index):
    agencies = list(index.agencies())
    communes = [agency for agency in agencies if agency.is_commune]
    context = selectors.catalogue_counts(index, agencies, [commune.path for commune in communes])
    return index.render(request, context_overrides={**context, "catalogue": index, "communes": communes})


def choose_commune(request, index):
    """The commune chooser's target: a plain GET form, so it works without JavaScript."""
    chosen = request.GET.get("xa", "")
    commune = index.communes().filter(slug=chosen).first() if re.fullmatch(r"[\w-]{1,255}", chosen) else None
    if commune is not None:
        return redirect(commune.url)
    response = index.render(
        request,
        template="procedures/commune_chooser.html",
        context_overrides={"catalogue": index, "communes": list(index.communes()), "unknown": bool(chosen)},
    )
    if chosen:
        response.status_code = 400
    return response


def _browse(request, index, heading, procedures):
    procedures = selectors.listing(procedures.order_by("title", "pk"))
    page = Paginator(procedures, PROCEDURES_PER_PAGE).get_page(request.GET.get("page"))
    selectors.attach_agencies(page.object_list, index.agencies())
    return index.render(
        request,
        template="procedures/procedure_browse.html",
        context_overrides={"heading": heading, "procedures": page},
    )


def by_field(request, index, slug):
    field = get_object_or_404(ProcedureField, slug=slug)
    procedures = selectors.live_procedures(index).filter(fields=field)
    return _browse(request, index, _("Lĩnh vực: %(name)s") % {"name": field.name}, procedures)


def by_level(request, index, slug):
    level = get_object_or_404(ProcedureLevel, slug=slug)
    procedures = selectors.live_procedures(index).filter(levels=level)
    return _browse(request, index, _("Cấp thực hiện: %(name)s") % {"name": level.name}, procedures)


def by_online_level(request, index, level):
    if level not in OnlineLevel.values:
        raise Http404
    procedures = selectors.live_procedures(index).filter(online_level=level)
    heading = _("Dịch vụ công trực tuyến: %(name)s") % {"name": OnlineLevel(level).label}
    return _browse(request, index, heading, procedures)


def four_on_the_spot(request, index):
    procedures = selectors.live_procedures(index).filter(four_on_the_spot=True)
    return _browse(request, index, _("Thủ tục thực hiện “4 tại chỗ”"), procedures)


def agency(request, page):
    """An agency's procedures; a commune's page also lists every commune-level procedure of the catalogue."""
    procedures = selectors.agency_procedures(page, page.is_commune).order_by("title", "pk")
    listed = Paginator(selectors.listing(procedures).prefetch_related("fields"), PROCEDURES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    catalogue = page.get_parent().specific
    context = page.get_context(request)
    context.update(
        procedures=listed,
        procedure_groups=selectors.grouped_by_field(listed.object_list),
        catalogue=catalogue,
        communes=list(catalogue.communes()) if hasattr(catalogue, "communes") else [],
        **organisation.agency_organisation(request, page),
    )
    return TemplateResponse(request, page.get_template(request), context)


def procedure(request, page):
    selectors.attach_agencies([page], getattr(page, "route_ancestors", None))  # its agency was on the way (portal.web.routing)
    context = page.get_context(request)
    context.update(page.parts(request))
    context["structured_data"] = page.structured_data(request, context)
    return TemplateResponse(request, page.get_template(request), context)


def life_events(request):
    """ "Thủ tục theo sự kiện": every life event with its live procedures in the order a citizen does them."""
    steps = Prefetch(
        "steps",
        queryset=LifeEventProcedure.objects.filter(procedure__in=ProcedurePage.objects.live().public())
        .select_related("procedure")
        .order_by("sort_order"),
    )
    events = LifeEvent.objects.prefetch_related(steps)
    return TemplateResponse(request, "procedures/life_events.html", {"events": events})
