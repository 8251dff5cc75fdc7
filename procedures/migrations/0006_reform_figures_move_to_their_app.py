"""The reform figures and their page now belong to the `procedures.reform` app (label `reform`).

State only: the tables stay where they are, under their old names (the models set `db_table`), and
reform's 0001 adopts them; reform's 0002 moves the content types so permissions and pages follow.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0005_statistics_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="parindexscore",
                    name="agency",
                ),
                migrations.RemoveField(
                    model_name="parindexscore",
                    name="latest_revision",
                ),
                migrations.RemoveField(
                    model_name="parindexscore",
                    name="live_revision",
                ),
                migrations.RemoveField(
                    model_name="satisfactionsurvey",
                    name="agency",
                ),
                migrations.RemoveField(
                    model_name="satisfactionsurvey",
                    name="latest_revision",
                ),
                migrations.RemoveField(
                    model_name="satisfactionsurvey",
                    name="live_revision",
                ),
                migrations.RemoveField(
                    model_name="serviceindexscore",
                    name="agency",
                ),
                migrations.RemoveField(
                    model_name="serviceindexscore",
                    name="latest_revision",
                ),
                migrations.RemoveField(
                    model_name="serviceindexscore",
                    name="live_revision",
                ),
                migrations.RemoveField(
                    model_name="statisticspage",
                    name="page_ptr",
                ),
                migrations.DeleteModel(
                    name="DossierStatistics",
                ),
                migrations.DeleteModel(
                    name="ParIndexScore",
                ),
                migrations.DeleteModel(
                    name="SatisfactionSurvey",
                ),
                migrations.DeleteModel(
                    name="ServiceIndexScore",
                ),
                migrations.DeleteModel(
                    name="StatisticsPage",
                ),
            ],
            database_operations=[],
        ),
    ]
