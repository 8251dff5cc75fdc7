from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portal.web import page_cache
from portal.web.client import client_address
from search import api, other_languages, results_cache
from search.documents import AGENCY, APPLICANT, EVENT, FIELD, FOUR, LEVEL, ONLINE
from search.forms import MAX_QUERY_LENGTH, FinderForm, SiteSearchForm
from search.models import Kind, Scope

FACET_VALUES_SHOWN = 12
FACET_TITLES = {
    AGENCY: _("Cơ quan"),
    FIELD: _("Lĩnh vực"),
    LEVEL: _("Cấp thực hiện"),
    ONLINE: _("Dịch vụ công trực tuyến"),
    FOUR: _("“4 tại chỗ”"),
    APPLICANT: _("Đối tượng thực hiện"),
    EVENT: _("Sự kiện cuộc sống"),
}


def _respond(request, template, context, status):
    response = TemplateResponse(request, template, context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


def _facet_links(request, name, values):
    """The values shown of one facet, each with its link: the current query with the value set, or
    removed when it is the one selected. Built here in one pass rather than by a tag per link."""
    current = {key: value for key, value in request.GET.items() if key != "trang"}
    others = urlencode({key: value for key, value in current.items() if key != name})
    links = []
    for value in values[:FACET_VALUES_SHOWN]:
        query = others if value["selected"] else "&".join(filter(None, [others, urlencode({name: value["value"]})]))
        links.append({**value, "url": "?" + query})
    return links


@require_GET
def finder(request):
    """ "Tra cứu thủ tục hành chính": works without JavaScript; every state is a GET URL."""
    form = FinderForm(request.GET)
    if not form.is_valid():
        return _respond(request, "search/finder.html", {"form": form}, 400)
    search_request = api.SearchRequest(
        text=form.cleaned_data["q"],
        kinds=(Kind.PROCEDURE,),
        filters=form.filters(),
        sort=form.cleaned_data["sap_xep"] or "lien-quan",
        page=form.page,
        scope=Scope.FINDER,
        visitor=api.visitor_key(client_address(request)),
    )
    page_key = results_cache.page_key(request) if results_cache.enabled() and not page_cache.personal(request.COOKIES) else None
    if page_key is not None:
        generation, kept = results_cache.lookup(page_key)
        if kept is not None:
            content, results = kept
            api.log_search(search_request, results)
            return _kept(content)
    results = api.search(search_request)
    facets = [(name, title, _facet_links(request, name, results.facets.get(name, []))) for name, title in FACET_TITLES.items()]
    context = {"form": form, "results": results, "facets": facets, "query": form.cleaned_data["q"]}
    response = _respond(request, "search/finder.html", context, 200)
    if page_key is not None and not results.degraded:
        response.add_post_render_callback(lambda rendered: _keep(request, rendered, page_key, generation, results))
    return response


def _keep(request, response, page_key, generation, results):
    """Keep the rendered page with its answer (without the hits' rows: only what logging needs), unless
    it is one visitor's own, as the page cache decides."""
    if page_cache.shareable(request, response):
        logged = api.Results(hits=[], total=results.total, logged=results.logged)
        results_cache.keep(page_key, generation, response.content, logged)


def _kept(content):
    response = HttpResponse(content)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def site_search(request):
    """Site-wide search over news, documents, procedures and pages."""
    form = SiteSearchForm(request.GET)
    if not form.is_valid():
        return _respond(request, "search/search.html", {"form": form}, 400)
    data = form.cleaned_data
    results = None
    if translation.get_language() != settings.LANGUAGE_CODE:
        results = other_languages.search(data["q"], form.page) if data["q"] else None
    elif data["q"] or data["loai"]:
        results = api.search(
            api.SearchRequest(
                text=data["q"],
                kinds=(data["loai"],) if data["loai"] else (),  # a Kind: the form maps the URL's word
                date_from=data["tu_ngay"],
                date_to=data["den_ngay"],
                sort=data["sap_xep"] or "lien-quan",
                page=form.page,
                scope=Scope.SITE,
                visitor=api.visitor_key(client_address(request)),
            )
        )
    kind_counts = [(label, results.kinds[value]) for value, label in Kind.choices if results and results.kinds.get(value)]
    return _respond(request, "search/search.html", {"form": form, "results": results, "kind_counts": kind_counts}, 200)


@require_GET
def autocomplete(request):
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    suggestions = api.suggest(text)
    response = JsonResponse({"results": [{"title": s["title"], "url": s["url"], "code": s.get("code", "")} for s in suggestions]})
    response["Cache-Control"] = "public, max-age=60"
    response["X-Robots-Tag"] = "noindex"
    return response
