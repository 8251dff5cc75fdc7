import datetime

from django.db.models import Sum
from django.utils import timezone

from portal.engagement.models import PageViewDay


def most_viewed(pages, days, limit=5):
    """The most viewed of `pages` over the last `days` days, in two queries."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    top = list(
        PageViewDay.objects.filter(day__gte=since, page__in=pages.values("pk"))
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")[:limit]
    )
    found = pages.in_bulk([row["page"] for row in top])
    return [(found[row["page"]], row["total"]) for row in top if row["page"] in found]


def most_viewed_recently(pages, limit=5):
    """The most viewed over 7 and over 30 days, as [(days, [(page, views)])]."""
    return [(days, most_viewed(pages, days, limit)) for days in (7, 30)]
