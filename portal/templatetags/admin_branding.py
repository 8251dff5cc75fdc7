from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    """The portal's name ends the admin's window titles, where Wagtail puts its own."""
    return settings.WAGTAIL_SITE_NAME
