"""Input the database cannot store is refused once, where it enters, for every view.

PostgreSQL text cannot hold NUL (U+0000): a NUL reaching a query raises DataError, a 500 on any endpoint
that looks up or saves what it was given. No address, query, form field or header legitimately holds
one, so a request carrying a NUL anywhere (decoded or percent-encoded) is answered 400 with a message,
before any view, cache or throttle reads it; stripping it would silently change what was asked for.
Other control characters are stored fine and stay the views' business (search treats them as spaces,
comments drop them). Lone surrogates cannot arrive: Django decodes paths, query strings and forms as
UTF-8 with replacement.
"""

import logging

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

log = logging.getLogger("django.security.UnstorableInput")

NUL = "\x00"


def _in_data(data):
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def carries_nul(request):
    if NUL in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    if any(NUL in value for name, value in request.META.items() if name.startswith("HTTP_") and isinstance(value, str)):
        return True
    if _in_data(request.GET):
        return True
    return request.method == "POST" and _in_data(request.POST)


def body_over(request, limit):
    """Whether the body a client declares (Content-Length) is larger than `limit`, judged before it is read.
    A length that is not a number is refused as over any limit, never turned into a 500."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    return not declared.isdigit() or int(declared) > limit


class UnstorableInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request):
            log.warning("Refused a request carrying a NUL character: %s %r", request.method, request.path_info[:200])
            return self.refusal(request)
        return self.get_response(request)

    @staticmethod
    def refusal(request):
        message = _("Yêu cầu chứa ký tự không hợp lệ (ký tự NUL). Vui lòng kiểm tra lại địa chỉ hoặc nội dung đã nhập.")
        if request.path_info.startswith("/api/"):
            return JsonResponse({"errors": {"input": [message]}}, status=400)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": message}, status=400)
        return HttpResponseBadRequest(render_to_string("portal/bad_input.html", {"message": message}))
