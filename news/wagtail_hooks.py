from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from news.selectors import featured_news, latest_by_category, most_read


@hooks.register("construct_home_context")
def add_home_news(home, request, context):
    """Read only when the home page's fragments are not cached (portal/home_page.html)."""
    context["featured_news"] = SimpleLazyObject(lambda: featured_news(home))
    context["news_sections"] = SimpleLazyObject(lambda: latest_by_category(home, home.news_per_section))
    context["most_read"] = SimpleLazyObject(lambda: most_read(home))
