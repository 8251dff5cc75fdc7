"""Period kinds in English in the database (the public address keeps ?loai=thang), in figures and their revisions."""

from django.db import migrations, models

from portal.data_migrations import rename_choice_values

VALUES = {"thang": "month", "quy": "quarter", "nam": "year"}
FIELDS = [("reform", "DossierStatistics", "period_kind"), ("reform", "ServiceIndexScore", "period_kind")]


class Migration(migrations.Migration):
    dependencies = [
        ("reform", "0002_content_types_from_procedures"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dossierstatistics",
            name="period_kind",
            field=models.CharField(
                choices=[("month", "Tháng"), ("quarter", "Quý"), ("year", "Năm")],
                default="month",
                max_length=10,
                verbose_name="Loại kỳ",
            ),
        ),
        migrations.AlterField(
            model_name="serviceindexscore",
            name="period_kind",
            field=models.CharField(
                choices=[("month", "Tháng"), ("quarter", "Quý"), ("year", "Năm")],
                default="month",
                max_length=10,
                verbose_name="Loại kỳ",
            ),
        ),
        rename_choice_values(FIELDS, VALUES),
    ]
