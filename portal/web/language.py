"""The public site's language comes from the address alone: `/en/…` is English, everything else Vietnamese.

Django's LocaleMiddleware would also read the browser's Accept-Language and add `Vary: Accept-Language`
to every page, splitting the page cache and serving English numbers to English browsers at `/`.
"""

from importlib import import_module

from django.conf import settings
from django.utils import translation


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
