from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from portal.text import nfc
from search.forms import SiteSearchForm

RESULTS_PER_PAGE = 10
MAX_PAGES = 50


def site_search(request):
    """Site-wide search over live, public pages."""
    form = SiteSearchForm(request.GET or None)
    results = None
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and form.cleaned_data["q"]:
        query = nfc(form.cleaned_data["q"])
        hits = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        page_number = request.GET.get("page", "1")
        page_number = int(page_number) if page_number.isdigit() and int(page_number) <= MAX_PAGES else 1
        results = paginator.get_page(page_number)
    response = TemplateResponse(request, "search/search.html", {"form": form, "results": results}, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
