"""Moving the reform figures into their own app keeps every row, every right and the statistics page.

The demo is loaded, the database is taken back to before the move (the figures belong to `procedures`
again, one more row is typed through the historical model), then migrated forward.
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
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, role_group
from procedures.reform.models import DossierStatistics, ParIndexScore, SatisfactionSurvey, ServiceIndexScore, StatisticsPage
from tests import factories
from tests.conftest import _root

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("procedures", "0005_statistics_page")]
FIGURES = (DossierStatistics, ServiceIndexScore, SatisfactionSurvey, ParIndexScore)


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def test_the_move_keeps_rows_permissions_and_the_page(client):
    _root()  # an earlier transactional test may have emptied the database
    for role in (ADMINS, EDITORS, MODERATORS):
        role_group(role)
    reform_office = role_group(REFORM_OFFICE)
    reform_office.permissions.add(*Permission.objects.filter(content_type__app_label="reform"))
    call_command("load_demo", stdout=None)
    counts = {model: model.objects.count() for model in FIGURES}
    assert all(counts.values())
    page = StatisticsPage.objects.get()
    page_type = ContentType.objects.get_for_model(StatisticsPage).pk
    rights = set(reform_office.permissions.filter(content_type__app_label="reform").values_list("codename", flat=True))
    assert {"add_dossierstatistics", "publish_parindexscore"} <= rights

    old = migrate(BEFORE_THE_MOVE)
    OldContentType = old.get_model("contenttypes", "ContentType")
    assert OldContentType.objects.get(pk=page_type).app_label == "procedures"
    OldDossiers = old.get_model("procedures", "DossierStatistics")
    OldDossiers.objects.create(period_kind=OldDossiers._meta.get_field("period_kind").default, year=2001, number=1, live=True)

    migrate()

    assert {model: model.objects.count() for model in FIGURES} == {**counts, DossierStatistics: counts[DossierStatistics] + 1}
    assert set(reform_office.permissions.filter(content_type__app_label="reform").values_list("codename", flat=True)) == rights
    assert not ContentType.objects.filter(app_label="procedures", model__in=[m._meta.model_name for m in FIGURES]).exists()
    assert ContentType.objects.get_for_model(StatisticsPage).pk == page_type
    assert isinstance(Page.objects.get(pk=page.pk).specific, StatisticsPage)
    assert client.get(page.url).status_code == 200

    staff = factories.UserFactory(groups=[REFORM_OFFICE])
    assert staff.has_perm("reform.change_dossierstatistics") and staff.has_perm("reform.publish_dossierstatistics")
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
    typed_before = DossierStatistics.objects.get(year=2001)
    assert client.get(reverse("wagtailsnippets_reform_dossierstatistics:edit", args=[typed_before.pk])).status_code == 200


ENGLISH_VALUES = [("news", "0003_document_type_english_values"), ("procedures", "0007_agency_type_english_values")]
ENGLISH_VALUES += [("reform", "0003_period_kind_english_values")]


def test_choice_values_become_english_in_rows_and_revisions(tree):
    agency = factories.AgencyPageFactory(parent=tree.procedures, agency_type="commune")
    agency.save_revision()
    document = factories.DecisionPageFactory(parent=tree.documents, doc_type="plan", number="2/KH-UBND")
    figures = DossierStatistics.objects.create(period_kind="quarter", year=2026, number=1, live=True)
    figures.save_revision()
    graph = MigrationExecutor(connection).loader.graph
    previous = [next(p.key for p in graph.node_map[node].parents if p.key[0] == node[0]) for node in ENGLISH_VALUES]
    old = migrate(previous)

    def stored(app, model, field, pk):
        row = old.get_model(app, model).objects.get(pk=pk)
        content = old.get_model("wagtailcore", "Revision").objects.filter(object_id=str(pk)).order_by("-pk").first().content
        return getattr(row, field), content[field]

    assert stored("procedures", "AgencyPage", "agency_type", agency.pk) == ("ubnd_xa", "ubnd_xa")
    assert stored("news", "DecisionPage", "doc_type", document.pk) == ("KH", "KH")
    assert stored("reform", "DossierStatistics", "period_kind", figures.pk) == ("quy", "quy")

    migrate()

    agency.refresh_from_db()
    assert agency.agency_type == "commune" and agency.latest_revision.content["agency_type"] == "commune"
    assert DecisionPage.objects.get(pk=document.pk).doc_type == "plan"
    assert DossierStatistics.objects.get().latest_revision.content["period_kind"] == "quarter"
