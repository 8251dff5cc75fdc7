"""Security headers the public site sends on every response (HSTS, nosniff and referrer policy come
from Django's SecurityMiddleware settings).

The public pages run no inline script (data travels in JSON blocks), so the Content-Security-Policy
allows scripts from this site only. The Wagtail admin uses inline scripts of its own and keeps
Django's defaults instead.
"""

from django.conf import settings

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "media-src 'self' https:",
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com https://www.google.com",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.WAGTAIL_ADMIN_PATH}/"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            # robots.txt does not name the admin's address (it is meant to be hard to find); its pages
            # ask search engines not to index them instead.
            response.setdefault("X-Robots-Tag", "noindex, nofollow")
        else:
            response.setdefault("Content-Security-Policy", PUBLIC_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
