from wagtail import hooks

from news.selectors import featured_news, latest_by_category, most_read


@hooks.register("construct_home_context")
def add_home_news(home, request, context):
    context["featured_news"] = featured_news(home)
    context["news_sections"] = latest_by_category(home, home.news_per_section)
    context["most_read"] = most_read(home)
