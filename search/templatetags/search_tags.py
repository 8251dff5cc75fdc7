from django import template
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_link(context, name, value, selected):
    """The current query with facet `name` set to `value`, or removed when it is the selected one."""
    params = {k: v for k, v in context["request"].GET.items() if k != "trang"}
    if selected:
        params.pop(name, None)
    else:
        params[name] = value
    return "?" + urlencode(params)
