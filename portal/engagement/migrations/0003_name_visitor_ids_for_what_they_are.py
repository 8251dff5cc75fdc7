"""The daily visitor hash and the voter's cookie hash, named for what they are (issue 15)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("engagement", "0002_roles")]

    operations = [
        migrations.RemoveIndex(model_name="rating", name="engagement_rating_visitor"),
        migrations.RemoveConstraint(model_name="rating", name="engagement_one_rating_per_voter"),
        migrations.RenameField(model_name="rating", old_name="voter", new_name="cookie_voter_id"),
        migrations.RenameField(model_name="rating", old_name="visitor", new_name="daily_visitor_id"),
        migrations.RenameField(model_name="comment", old_name="voter", new_name="daily_visitor_id"),
        migrations.RenameField(model_name="onlinevisitor", old_name="visitor", new_name="daily_visitor_id"),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.UniqueConstraint(fields=("page", "cookie_voter_id"), name="engagement_one_rating_per_voter"),
        ),
    ]
