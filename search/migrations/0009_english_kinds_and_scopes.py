"""Kinds and query-log scopes named in English in code and data; public URLs keep their Vietnamese words
(search.forms maps them). Elasticsearch holds kinds too: `search_index rebuild` after deploying."""

from django.db import migrations, models

KINDS = {"thu-tuc": "procedure", "tin-tuc": "news", "van-ban": "document", "trang": "page"}
SCOPES = {"thu-tuc": "finder", "trang": "site"}


def rename(apps, kinds, scopes):
    for old, new in kinds.items():
        apps.get_model("search", "SearchEntry").objects.filter(kind=old).update(kind=new)
    for old, new in scopes.items():
        apps.get_model("search", "QueryLog").objects.filter(scope=old).update(scope=new)


def forwards(apps, schema_editor):
    rename(apps, KINDS, SCOPES)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in KINDS.items()}, {new: old for old, new in SCOPES.items()})


class Migration(migrations.Migration):
    dependencies = [("search", "0008_entry_stamp_no_popularity")]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name="querylog",
            name="scope",
            field=models.CharField(
                choices=[("finder", "Tra cứu thủ tục"), ("site", "Tìm kiếm toàn cổng")], max_length=10, verbose_name="Trang tìm"
            ),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("procedure", "Thủ tục hành chính"),
                    ("news", "Tin tức"),
                    ("document", "Văn bản"),
                    ("page", "Trang thông tin"),
                ],
                db_index=True,
                max_length=10,
            ),
        ),
    ]
