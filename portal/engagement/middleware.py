"""The hit beacon past the middleware it does not need.

Every page load posts one beacon, so it is the portal's busiest request, and all it does is validate
and increment (portal.engagement.views.hit: body size, same origin, rate limits, then counters). It
reads no session, renders no template and sets no cookie, so sessions, CSRF (the view checks the
origin itself), authentication, messages, redirects, axes and the page cache only cost it time. A
beacon with a session cookie (a signed-in member, counted as such in "online now") still takes the
whole stack.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from portal.engagement import views


class BeaconShortcutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.path = reverse("engagement:hit")

    def __call__(self, request):
        if request.method == "POST" and request.path_info == self.path and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request.user = AnonymousUser()
            return views.hit(request)
        return self.get_response(request)
