"""Document types in English in the database; numbers (91/QĐ-UBND) and the listing's filter keep the abbreviations."""

from django.db import migrations, models

from portal.data_migrations import rename_choice_values

VALUES = {
    "QĐ": "decision",
    "NQ": "resolution",
    "NĐ": "decree",
    "TT": "circular",
    "CT": "directive",
    "KH": "plan",
    "CV": "official_letter",
    "TB": "notice",
    "BC": "report",
}
FIELDS = [("news", "DecisionPage", "doc_type")]


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_legacy_checksum"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="decisionpage",
            name="doc_type",
            field=models.CharField(
                choices=[
                    ("decision", "Quyết định"),
                    ("resolution", "Nghị quyết"),
                    ("decree", "Nghị định"),
                    ("circular", "Thông tư"),
                    ("directive", "Chỉ thị"),
                    ("plan", "Kế hoạch"),
                    ("official_letter", "Công văn"),
                    ("notice", "Thông báo"),
                    ("report", "Báo cáo"),
                ],
                db_index=True,
                max_length=20,
                verbose_name="Loại văn bản",
            ),
        ),
        rename_choice_values(FIELDS, VALUES),
    ]
