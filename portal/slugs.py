"""Page addresses follow portal.text.slugify however a page is made: the admin's slug field applies the rule
in the browser (Wagtail's slug controller runs the rule's expressions) and again on the server, and code
that makes pages asks `free_slug` for an address no sibling uses."""

from django import forms
from django.db import models
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

from portal.text import SLUG_STEPS, slugify

FALLBACK = "trang"


class SlugInput(widgets.SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or SLUG_STEPS, locale=locale)


class SlugField(forms.SlugField):
    """Whatever reaches the server (typed by hand, pasted, sent without JavaScript) is folded the same way."""

    widget = SlugInput

    def to_python(self, value):
        value = super().to_python(value)
        return slugify(value) or value


def free_slug(parent, text, page=None):
    """The rule's address for `text`, with -2, -3… when a sibling of `page` under `parent` already has it."""
    base = slugify(text) or FALLBACK
    siblings = parent.get_children().filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def install():
    register_form_field_override(models.SlugField, override={"widget": SlugInput, "form_class": SlugField})
