"""Each entry records what it was built from (`documents.stamp`), so catch-up finds stale entries
without building documents; the never-used popularity and the pending queue's remove flag go."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0007_vector_in_entry")]

    operations = [
        migrations.RemoveField(model_name="pendingindex", name="remove"),
        migrations.RemoveField(model_name="searchentry", name="popularity"),
        migrations.AddField(model_name="searchentry", name="stamp", field=models.CharField(blank=True, max_length=16)),
    ]
