import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from procedures.models import ContactPage, Official, OrganisationChartPage
from tests import factories

pytestmark = pytest.mark.django_db


def _staffed_agency(tree, n):
    agency = factories.AgencyPageFactory(parent=tree.procedures, phone="0200 3852 100")
    for i in range(2):
        photo = get_image_model().objects.create(title=f"anh-{n}-{i}", file=get_test_image_file())
        agency.officials.add(Official(name=f"Cán bộ {n}.{i}", job_title="Phó Giám đốc", leader=True, photo=photo))
    agency.departments.create(name=f"Phòng {n}")
    agency.save_revision().publish()


@pytest.mark.parametrize("model,slug", [(OrganisationChartPage, "so-do-to-chuc"), (ContactPage, "lien-he")])
def test_organisation_pages_queries_do_not_grow_with_agencies_and_photos(client, tree, model, slug, settings):
    factories.PageFactory._create(model, tree.home, title="Tổ chức", slug=slug)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    _staffed_agency(tree, 0)
    client.get(f"/{slug}/")  # renditions are made once, on the first view
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"/{slug}/").status_code == 200
    for n in range(1, 4):
        _staffed_agency(tree, n)
    client.get(f"/{slug}/")
    with CaptureQueriesContext(connection) as many:
        html = client.get(f"/{slug}/").content.decode()
    assert "Cán bộ 3.1" in html
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
