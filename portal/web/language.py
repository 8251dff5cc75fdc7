"""The public site's language comes from the address alone: `/en/…` is English, everything else Vietnamese.

Django's LocaleMiddleware would also read the browser's Accept-Language and add `Vary: Accept-Language`
to every page, splitting the page cache and serving English numbers to English browsers at `/`.
"""

from importlib import import_module

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail import views
from wagtail.models import Site


def path_language(path):
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            return code
    return settings.LANGUAGE_CODE


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # The URLconf, and the admin views it builds, are imported in the default language: some translate
        # labels once, at import (Wagtail's snippet breadcrumbs), and a process's first request may be English.
        with translation.override(settings.LANGUAGE_CODE):
            import_module(settings.ROOT_URLCONF)

    def __call__(self, request):
        language = path_language(request.path_info)
        request.LANGUAGE_CODE = language
        # override, not activate: an admin preview runs a page request inside the admin's own, in its language
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def serve(request, path):
    """Wagtail's page view, routed from the home page of the address's language. A Vietnamese address goes
    from the site's root page directly (Wagtail would first look the active locale up, one more query on
    every page, only to find that page); an English one needs an English home page, or Wagtail would
    serve the Vietnamese pages again under `/en/`."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            if translation.get_language() != settings.LANGUAGE_CODE:
                localized = root.localized
                if localized.pk == root.pk:
                    raise Http404
                root = localized
            try:
                route = root.specific.route(request, [part for part in path.split("/") if part])
            except Http404:
                route = None
            request._wagtail_route_for_request = route  # where Page.route_for_request keeps its answer
    return views.serve(request, path)
