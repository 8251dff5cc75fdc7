from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from news.models import NewsPage
from news.selectors import featured_news, latest_by_category, most_read
from portal.web.page_cache import page_section


@hooks.register("construct_home_context")
def add_home_news(home, request, context):
    """Read only when the home page's fragments are not cached (portal/home_page.html)."""
    context["featured_news"] = SimpleLazyObject(lambda: featured_news(home))
    context["news_sections"] = SimpleLazyObject(lambda: latest_by_category(home, home.news_per_section))
    context["most_read"] = SimpleLazyObject(lambda: most_read(home))


@hooks.register("page_cache_shown_on")
def articles_picking(page):
    """An article shows on the articles that hand-pick it as related (one per section)."""
    if not isinstance(page, NewsPage):
        return []
    picking = NewsPage.objects.filter(related_links__news=page).only("url_path", "depth")
    return list({page_section(article): article for article in picking}.values())
