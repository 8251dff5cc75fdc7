"""One rating per page and daily visitor, enforced by the database so parallel votes cannot make two rows.

Duplicates made before the constraint (parallel votes) are merged first: the most recent vote stays.
"""

from django.db import migrations, models
from django.db.models import Count


def merge_duplicates(apps, schema_editor):
    Rating = apps.get_model("engagement", "Rating")
    duplicated = (
        Rating.objects.exclude(daily_visitor_id="").values("page_id", "daily_visitor_id").annotate(n=Count("id")).filter(n__gt=1)
    )
    for row in duplicated:
        votes = Rating.objects.filter(page_id=row["page_id"], daily_visitor_id=row["daily_visitor_id"])
        keep = votes.order_by("-updated_at", "-id").values_list("id", flat=True)[0]
        votes.exclude(id=keep).delete()


class Migration(migrations.Migration):
    dependencies = [("engagement", "0004_comment_status_in_english")]

    operations = [
        migrations.RunPython(merge_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.UniqueConstraint(
                condition=models.Q(("daily_visitor_id", ""), _negated=True),
                fields=("page", "daily_visitor_id"),
                name="engagement_one_rating_per_daily_visitor",
            ),
        ),
    ]
