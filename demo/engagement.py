"""Demo readership: 30 days of views for every rateable page, daily visits, and a few ratings."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from portal.engagement.models import PageViewDay, Rating, VisitDay


def load(days=30):
    if VisitDay.objects.exists():
        return 0
    rng = random.Random("engagement-demo")
    today = timezone.localdate()
    pages = [p for p in Page.objects.live().specific() if getattr(p, "accepts_ratings", False)]
    views, ratings = [], []
    for page in pages:
        popularity = rng.choice([2, 5, 10, 25, 60])
        for n in range(days):
            day = today - datetime.timedelta(days=n)
            views.append(PageViewDay(page=page, day=day, views=rng.randint(0, popularity)))
        for voter in range(rng.randint(0, 12)):
            ratings.append(Rating(page=page, cookie_voter_id=f"demo-{voter}", stars=rng.choice([3, 4, 4, 5, 5, 5])))
    PageViewDay.objects.bulk_create(views, batch_size=1000)
    Rating.objects.bulk_create(ratings, batch_size=1000)
    by_day = {}
    for row in views:
        by_day[row.day] = by_day.get(row.day, 0) + row.views
    VisitDay.objects.bulk_create(VisitDay(day=day, views=total * 3, visits=total) for day, total in by_day.items())
    return len(views)
