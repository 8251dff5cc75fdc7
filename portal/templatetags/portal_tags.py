import json
import unicodedata

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache.utils import make_template_fragment_key
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from portal import translations
from portal.web import chrome

register = template.Library()


@register.filter
def vn_number(value):
    """40528527 → "40.528.527", whatever the active locale's grouping setting."""
    if value in (None, ""):
        return ""
    return intcomma(value, use_l10n=True)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's sections in menus; on English pages those of the English home (translated ones only)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    cache = getattr(request, "_main_menu", None)
    if cache is None:
        root = site.root_page
        if translation.get_language() != settings.LANGUAGE_CODE:
            root = root.localized
        cache = list(root.get_children().live().public().in_menu().only("title", "url_path", "path", "depth"))
        request._main_menu = cache
    return cache


@register.simple_tag
def home_url():
    """The home page of the active language: `/` or `/en/`."""
    return translations.home_url()


@register.inclusion_tag("portal/includes/languages.html", takes_context=True)
def language_links(context, page=None, head=False):
    """hreflang links (head=True) or the language switcher for `page`: its translation when there is one,
    otherwise the other language's home page."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    versions = translations.translations_of(page)
    links = []
    for code, _name in settings.LANGUAGES:
        url = versions.get(code)
        name = unicodedata.normalize("NFC", translation.get_language_info(code)["name_local"])  # Django's is decomposed
        links.append({"code": code, "name": name, "url": url or translations.home_url(code), "exact": bool(url)})
    return {"request": context.get("request"), "links": links, "current": current, "head": head, "versions": versions}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An address of this site as other sites must link to it: the site's configured root (portal/sites.py),
    never the Host header of whoever happened to fill the page cache."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return f"{site.root_url if site else ''}{path}"


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    routed = getattr(page, "route_ancestors", None)  # found on the way to the page (portal.web.routing)
    if routed is not None:
        return [ancestor for ancestor in routed if ancestor.depth >= 2]
    return list(page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth"))


@register.simple_tag
def fragment_key(page=None):
    """For `{% cache %}` around the chrome: see portal.web.chrome.fragment_key."""
    return chrome.fragment_key(page if isinstance(page, Page) else None)


class ChromeCacheNode(template.Node):
    def __init__(self, nodelist, seconds, name, vary_on):
        self.nodelist, self.seconds, self.name, self.vary_on = nodelist, seconds, name, vary_on

    def render(self, context):
        key = make_template_fragment_key(self.name, [var.resolve(context) for var in self.vary_on])
        return chrome.fragment(key, lambda: self.nodelist.render(context), self.seconds.resolve(context))


@register.tag
def chrome_cache(parser, token):
    """`{% chrome_cache seconds "name" vary_on… %}…{% endchrome_cache %}`: Django's `{% cache %}`, whose
    entries this process also keeps (portal.web.chrome.fragment); the vary_on values must name the
    generations the fragment follows (`{% fragment_key %}`)."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs seconds and a name")
    nodelist = parser.parse(("endchrome_cache",))
    parser.delete_first_token()
    return ChromeCacheNode(
        nodelist, parser.compile_filter(bits[1]), bits[2].strip("\"'"), [parser.compile_filter(bit) for bit in bits[3:]]
    )


@register.inclusion_tag("portal/includes/sidebar.html", takes_context=True)
def sidebar(context, page):
    blocks = getattr(page, "effective_sidebar", None) or []
    return {"blocks": blocks, "request": context.get("request"), "page": page}


_LD_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def ld_json(data):
    """Structured data as an inert JSON-LD block, escaped so no text can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def page_url(context, param, number):
    """The current address with page `number` in query parameter `param`, the other filters kept."""
    params = context["request"].GET.copy()
    params[param] = number
    return "?" + params.urlencode()


@register.inclusion_tag("portal/includes/pager.html", takes_context=True)
def pager(context, items, number, pages, param):
    """Through portal/includes/pagination.html: a Django page (`items`), or a page `number` of `pages`."""
    if items:
        number, pages = items.number, items.paginator.num_pages
    return {"request": context["request"], "number": number, "pages": pages or 1, "param": param or "page"}
