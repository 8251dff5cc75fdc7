"""Read-side queries of news used by other pages; each runs a fixed number of queries."""

from django.db.models import F, Window
from django.db.models.functions import Length, RowNumber, Substr

from news.models import NewsIndexPage, NewsPage
from portal.engagement.selectors import most_viewed_recently
from portal.web.chrome import public


def _live_articles():
    return public(NewsPage.objects.live()).select_related("main_image").prefetch_related("main_image__renditions")


def featured_news(root, limit=5):
    return list(_live_articles().descendant_of(root).filter(featured=True).order_by("-display_date")[:limit])


def latest_by_category(root, per_category):
    """The newest `per_category` articles of every category shown on the home page, in two queries."""
    categories = list(public(NewsIndexPage.objects.live()).descendant_of(root).filter(show_on_home=True).order_by("path"))
    if not categories:
        return []
    ranked = (
        _live_articles()
        .filter(depth__in={c.depth + 1 for c in categories})
        .annotate(parent_path=Substr("path", 1, Length("path") - NewsPage.steplen))
        .filter(parent_path__in=[c.path for c in categories])
        .annotate(rank=Window(RowNumber(), partition_by=F("parent_path"), order_by=[F("display_date").desc(), F("pk").desc()]))
        .filter(rank__lte=per_category)
        .order_by("parent_path", "rank")
    )
    by_parent = {}
    for article in ranked:
        by_parent.setdefault(article.parent_path, []).append(article)
    return [(category, by_parent[category.path]) for category in categories if category.path in by_parent]


def most_read(root, limit=5):
    """ "Tin đọc nhiều": the most viewed live articles under `root` over 7 and over 30 days."""
    return most_viewed_recently(public(NewsPage.objects.live()).descendant_of(root), limit)
