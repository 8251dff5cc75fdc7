import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from procedures.exchange.importer import import_file
from procedures.models import ProcedurePage
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db


def test_generated_procedures_are_live_complete_and_keep_the_tree_valid(client, tree, write_json):
    import_file(write_json([national()]), tree.procedures)
    call_command("generate_procedures", count=40)
    call_command("generate_procedures", count=5)
    generated = ProcedurePage.objects.filter(code__startswith="9.")
    assert generated.count() == 45
    assert len(set(generated.values_list("code", flat=True))) == 45
    assert all(problem == [] for problem in Page.find_problems())
    page = generated.order_by("-code").first()
    html = client.get(page.url).content.decode()
    assert page.title in html and "Tiếp nhận, kiểm tra hồ sơ" in html and "Đơn đề nghị theo mẫu" in html
    assert client.get("/api/thu-tuc/", {"page_size": 100}).json()["count"] == 46
    agency = page.get_parent()
    assert agency.numchild == agency.get_children().count()


def test_generation_needs_a_catalogue(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_procedures", count=3)
