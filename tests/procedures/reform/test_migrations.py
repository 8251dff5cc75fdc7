"""This round's migrations, run forward on a database holding the demo.

The demo is loaded, the database is taken back to before the reform figures moved to their own app (and
before choice values became English and groups got role keys), a row is typed through the historical
models, then everything is migrated forward: every row, right and page must survive.
"""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Page

from news.models import DecisionPage
from portal.models import Role
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, agency_role, role_group
from procedures.models import AgencyPage
from procedures.reform.models import DossierStatistics, ParIndexScore, SatisfactionSurvey, ServiceIndexScore, StatisticsPage
from tests import factories
from tests.conftest import _root

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("procedures", "0005_statistics_page"), ("news", "0002_legacy_checksum"), ("portal", "0003_page_depth_path_index")]
FIGURES = (DossierStatistics, ServiceIndexScore, SatisfactionSurvey, ParIndexScore)


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def test_the_migrations_keep_rows_rights_and_pages_of_the_demo(client):
    _root()  # an earlier transactional test may have emptied the database
    for role in (ADMINS, EDITORS, MODERATORS):
        role_group(role)
    reform_office = role_group(REFORM_OFFICE)
    reform_office.permissions.add(*Permission.objects.filter(content_type__app_label="reform"))
    reform_office.permissions.add(Permission.objects.get(codename="access_admin"))
    call_command("load_demo", stdout=None)
    counts = {model: model.objects.count() for model in FIGURES}
    assert all(counts.values())
    page = StatisticsPage.objects.get()
    page_type = ContentType.objects.get_for_model(StatisticsPage).pk
    rights = set(reform_office.permissions.filter(content_type__app_label="reform").values_list("codename", flat=True))
    assert {"add_dossierstatistics", "publish_parindexscore"} <= rights
    quarter = DossierStatistics.objects.filter(period_kind="quarter").first()
    quarter.save_revision()
    commune = AgencyPage.objects.filter(agency_type="commune").first()
    plan = DecisionPage.objects.filter(doc_type="plan").first()

    old = migrate(BEFORE)

    assert old.get_model("contenttypes", "ContentType").objects.get(pk=page_type).app_label == "procedures"

    def stored(app, model, field, pk):
        row = old.get_model(app, model).objects.get(pk=pk)
        revision = old.get_model("wagtailcore", "Revision").objects.filter(object_id=str(pk)).order_by("-pk").first()
        return getattr(row, field), revision.content[field]

    assert stored("procedures", "AgencyPage", "agency_type", commune.pk) == ("ubnd_xa", "ubnd_xa")
    assert stored("news", "DecisionPage", "doc_type", plan.pk) == ("KH", "KH")
    assert stored("procedures", "DossierStatistics", "period_kind", quarter.pk) == ("quy", "quy")
    OldDossiers = old.get_model("procedures", "DossierStatistics")
    OldDossiers.objects.create(period_kind="thang", year=2001, number=1, live=True)

    migrate()

    assert {model: model.objects.count() for model in FIGURES} == {**counts, DossierStatistics: counts[DossierStatistics] + 1}
    assert set(reform_office.permissions.filter(content_type__app_label="reform").values_list("codename", flat=True)) == rights
    assert not ContentType.objects.filter(app_label="procedures", model__in=[m._meta.model_name for m in FIGURES]).exists()
    assert ContentType.objects.get_for_model(StatisticsPage).pk == page_type
    assert isinstance(Page.objects.get(pk=page.pk).specific, StatisticsPage)
    assert client.get(page.url).status_code == 200

    commune.refresh_from_db()
    assert commune.agency_type == "commune" and commune.latest_revision.content["agency_type"] == "commune"
    assert DecisionPage.objects.get(pk=plan.pk).doc_type == "plan"
    assert DossierStatistics.objects.get(pk=quarter.pk).latest_revision.content["period_kind"] == "quarter"
    typed_before = DossierStatistics.objects.get(year=2001)
    assert typed_before.period_kind == "month"
    roles = dict(Role.objects.values_list("key", "group__name"))
    assert roles[ADMINS] == "Quản trị" and roles[agency_role(commune)] == f"Cán bộ {commune.short_name}"

    staff = factories.UserFactory(groups=[REFORM_OFFICE])
    assert staff.has_perm("reform.change_dossierstatistics") and staff.has_perm("reform.publish_dossierstatistics")
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    assert client.get(reverse("wagtailsnippets_reform_dossierstatistics:edit", args=[typed_before.pk])).status_code == 200
