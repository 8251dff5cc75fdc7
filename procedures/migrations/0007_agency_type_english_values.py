"""Agency types in English in the database (the labels stay Vietnamese), in pages and in their revisions."""

from django.db import migrations, models

from portal.data_migrations import rename_choice_values

VALUES = {
    "so": "department",
    "ubnd_tinh": "provincial_committee",
    "ubnd_xa": "commune",
    "ttpvhcc": "service_centre",
    "trung_uong": "central",
    "khac": "other",
}
FIELDS = [("procedures", "AgencyPage", "agency_type")]


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0006_reform_figures_move_to_their_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agencypage",
            name="agency_type",
            field=models.CharField(
                choices=[
                    ("department", "Sở, ban, ngành"),
                    ("central", "Cơ quan trung ương đóng trên địa bàn"),
                    ("service_centre", "Trung tâm Phục vụ hành chính công"),
                    ("provincial_committee", "UBND tỉnh"),
                    ("commune", "UBND xã, phường, đặc khu"),
                    ("other", "Khác"),
                ],
                default="department",
                max_length=20,
                verbose_name="Loại cơ quan",
            ),
        ),
        rename_choice_values(FIELDS, VALUES),
    ]
