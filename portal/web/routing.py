"""Wagtail's page routing in two queries instead of two per level of the tree.

Wagtail finds the site (a query), then walks down from its root: a query for each child by slug and
one for its specific row, so an article four levels deep costs nine queries before its view runs.
Here the site comes from the cache (portal.web.chrome, kept until a saved Site purges everything),
the pages on the way are one query by `url_path`, and only the page served is fetched as its
specific type. A routable page on the way still gets first say on the rest of the path, as in Wagtail
(its own sub-routes before its children). The ancestors are kept on the page (`route_ancestors`), so
the breadcrumbs need no query of their own.

A Vietnamese address is routed from the site's root page directly; an English one (`/en/…`, the
language activated by portal.web.language) from the English home page. Anything this does not know how to
route the same way (a page type with a `route` of its own) is left to Wagtail.
"""

import contextlib

from django.conf import settings
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from portal.web import chrome

PLAIN_ROUTES = (Page.route, RoutablePageMixin.route)


def _site(request):
    return chrome.site_for_request(request, split_domain_port(request._get_raw_host())[0], request.get_port())


def _subpath(components):
    return "/" + "".join(f"{part}/" for part in components)


def _subroute(row, remaining, request):
    """A routable page's own sub-route for the rest of the path, before its children (as Wagtail does)."""
    page = row.specific
    page._cached_parent_obj = getattr(row, "_cached_parent_obj", None)
    try:
        match = page.resolve_subpage(_subpath(remaining))
    except Http404:
        return None
    request.routable_resolver_match = match
    view, args, kwargs = match
    return RouteResult(page, args=(view, args, kwargs))


def route(request, path):
    """The page, args and kwargs for `path` as Wagtail's routing finds them; None for a 404; raises
    NotImplementedError when the path needs Wagtail's own walk."""
    site = _site(request)
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = chrome.site_root_paths()  # where Wagtail keeps them for a request
    if site is None:
        return None
    root = site.root_page
    if translation.get_language() != settings.LANGUAGE_CODE:
        # Another language routes from its own home page; with none, nothing is served under its prefix
        # (Wagtail would serve the Vietnamese pages again under /en/).
        localized = root.localized
        if localized.pk == root.pk:
            return None
        root = localized
    components = [part for part in path.split("/") if part]
    wanted = [root.url_path + "".join(f"{part}/" for part in components[:depth]) for depth in range(1, len(components) + 1)]
    rows = {row.url_path: row for row in Page.objects.filter(url_path__in=wanted, path__startswith=root.path)}
    chain = [root]
    for url_path in wanted:
        row = rows.get(url_path)
        if row is None or row.depth != chain[-1].depth + 1 or not row.path.startswith(chain[-1].path):
            break
        row._cached_parent_obj = chain[-1]
        chain.append(row)
    for depth, row in enumerate(chain):
        cls = row.specific_class
        if cls is None or cls.route not in PLAIN_ROUTES:
            raise NotImplementedError
        remaining = components[depth:]
        at_the_end = not remaining and depth == len(components)
        if (remaining or at_the_end) and row.live and issubclass(cls, RoutablePageMixin):
            try:
                cls.get_resolver().resolve(_subpath(remaining))
            except Http404:
                continue
            return _subroute(row, remaining, request)
    if len(chain) != len(components) + 1 or not chain[-1].live:
        return None
    page = chain[-1].specific
    page._cached_parent_obj = getattr(chain[-1], "_cached_parent_obj", None)
    page.route_ancestors = chain[:-1]
    return RouteResult(page)


def serve(request, path):
    """Wagtail's serve view, with the route found as above (Wagtail reads it from the request)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        with contextlib.suppress(NotImplementedError):
            request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
