"""Site search on pages in another language than Vietnamese (`/en/tim-kiem/`).

The portal's own index covers the Vietnamese tree (its ranking folds Vietnamese and knows procedures);
translated pages are few, so Wagtail's own page index, which every published page enters, finds them,
kept to the active language."""

from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from search import api
from search.models import Kind
from search.text import words


def search(text, page_number):
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    pages = Page.objects.live().filter(locale=locale, depth__gt=2)
    # Words only: quotes, brackets and operators would reach the full-text engine as its own syntax.
    text = " ".join(words(text))
    found = list(pages.search(text)[: api.CANDIDATES]) if text else []
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    found = [page for page in found if not any(page.path.startswith(path) for path in restricted)]
    start = (page_number - 1) * api.PAGE_SIZE
    hits = [
        api.Hit(page.title, page.url, Kind.PAGE, page.search_description, page.last_published_at, "")
        for page in found[start : start + api.PAGE_SIZE]
    ]
    return api.Results(hits=hits, total=len(found), page=page_number)
