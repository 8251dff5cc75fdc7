"""Comment status values in English in the database; the labels stay Vietnamese."""

from django.db import migrations, models

NEW = {"cho_duyet": "pending", "da_duyet": "approved", "tu_choi": "rejected"}


def rename(apps, mapping):
    Comment = apps.get_model("engagement", "Comment")
    for old, new in mapping.items():
        Comment.objects.filter(status=old).update(status=new)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0003_name_visitor_ids_for_what_they_are")]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="status",
            field=models.CharField(
                choices=[("pending", "Chờ duyệt"), ("approved", "Đã duyệt"), ("rejected", "Từ chối")],
                default="pending",
                max_length=20,
                verbose_name="Trạng thái",
            ),
        ),
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, NEW),
            lambda apps, schema_editor: rename(apps, {new: old for old, new in NEW.items()}),
        ),
    ]
