"""Vietnamese names on Django's own user model (AUTH_USER_MODEL is not replaced).

A Vietnamese name is said family name first: "Nguyễn Thị Thu Hà" is họ Nguyễn, tên đệm Thị Thu, tên Hà,
and people are addressed, and lists sorted, by the tên. The portal keeps Django's two name fields in the
order the name is said: `first_name` holds "Họ và tên đệm" ("Nguyễn Thị Thu") and `last_name` holds
"Tên" ("Hà"); the catalogue labels them so in every form. Django's get_full_name() ("first last"),
which Wagtail shows wherever it names a user, then reads "Nguyễn Thị Thu Hà", and Wagtail's user list,
ordered by last_name, follows the habit of sorting by tên. Only what treats first_name as the short,
friendly name is changed: get_short_name() (the greeting of notification e-mails) gives the tên, and
the sidebar's account menu shows the full name.

Avatars never come from an outside service (settings: WAGTAIL_GRAVATAR_PROVIDER_URL = None): a user
without an uploaded picture gets their initials, drawn as an inline SVG.
"""

import hashlib
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.admin.ui import sidebar
from wagtail.admin.ui.sidebar import BaseSidebarAdapter
from wagtail.admin.utils import get_user_display_name

# White initials on these backgrounds keep a contrast ratio above 4.5:1.
AVATAR_COLOURS = ["#0d4f8b", "#8a1c1c", "#1d5e34", "#5b2a86", "#7a4a00", "#005f73", "#3d3d3d", "#9c1c5b"]


def split_full_name(full_name):
    """("Họ và tên đệm", "Tên") of a name written in Vietnamese order: the last word is the tên."""
    words = full_name.split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


def short_name(user):
    """What a Vietnamese is called by: the tên (last_name), else the username."""
    return (getattr(user, "last_name", "") or "").strip() or user.get_username()


def initials(user):
    """Family name and tên initials ("Nguyễn Thị Thu Hà" → "NH"); one letter for a one-word name."""
    words = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".split()
    if not words:
        words = [user.get_username()]
    letters = words[0][:1] + (words[-1][:1] if len(words) > 1 else "")
    return letters.upper()


def avatar_data_uri(user, size=50):
    """An inline SVG of the user's initials: an avatar that needs no request to any server."""
    text = initials(user)
    colour = AVATAR_COLOURS[int(hashlib.sha256(user.get_username().encode()).hexdigest(), 16) % len(AVATAR_COLOURS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" fill="#fff" '
        f'font-family="Arial, Helvetica, sans-serif" font-size="{42 if len(text) > 1 else 50}" font-weight="600">'
        f"{escape(text)}</text></svg>"
    )
    return "data:image/svg+xml;charset=utf-8," + quote(svg, safe="")


def avatar_url(user, size):
    """Wagtail's get_avatar_url hook: the uploaded picture when there is one, else the initials."""
    profile = getattr(user, "wagtail_userprofile", None) if user is not None and user.pk else None
    if user is None or (profile is not None and profile.avatar):
        return None
    return avatar_data_uri(user, size)


class MainMenuAdapter(BaseSidebarAdapter):
    """The sidebar's account menu names the user in full (Wagtail shows first_name, here the họ)."""

    js_constructor = "wagtail.sidebar.MainMenuModule"

    def js_args(self, obj):
        args = obj.js_args()
        args[2] = {**args[2], "name": get_user_display_name(obj.user)}
        return args


def install():
    from wagtail.admin.telepath import register

    get_user_model().get_short_name = short_name
    register(MainMenuAdapter(), sidebar.MainMenuModule)
