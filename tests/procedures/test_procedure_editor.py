"""The procedure editor fits the editors' work: classifications as filtered checkboxes, a help text on
every field an editor fills in (the page's own and those of its inline parts)."""

import re

import pytest

from procedures.models import ApplicantType, ProcedureField, ProcedureLevel
from tests import factories

pytestmark = pytest.mark.django_db

CLASSIFICATIONS = ["fields", "levels", "applicants", "implementing_agencies"]
# Wagtail's own machinery in the form, not filled in by editors: the comments side panel's formset.
NOT_EDITED = {"comments"}


@pytest.fixture
def edit_page(client, tree, users):
    ProcedureField.objects.create(code="HT", name="Hộ tịch", slug="ho-tich")
    ProcedureLevel.objects.create(code="XA", name="Cấp Xã", slug="cap-xa")
    ApplicantType.objects.create(code="CD", name="Công dân Việt Nam", slug="cong-dan")
    procedure = factories.ProcedurePageFactory(parent=tree.justice, code="1.001193", title="Đăng ký khai sinh")
    client.force_login(users.admin)
    response = client.get(f"/admin/pages/{procedure.pk}/edit/")
    assert response.status_code == 200
    return response


def test_classifications_are_filtered_checkboxes_not_a_ctrl_click_list(edit_page):
    html = edit_page.content.decode()
    for name in CLASSIFICATIONS:
        assert not re.search(rf'<select[^>]*name="{name}"[^>]*multiple|<select[^>]*multiple[^>]*name="{name}"', html), name
        assert re.search(rf'<input type="checkbox" name="{name}"', html), name
    assert not re.search(r"<select[^>]*\bmultiple\b", html), "no multi-select needing Ctrl-click is left anywhere"
    assert 'name="fields" value="' in html and "Hộ tịch" in html
    for name in CLASSIFICATIONS:
        assert (
            f'data-filtered-checkboxes-filter autocomplete="off"\n    placeholder="Gõ để lọc, không cần dấu" aria-label="Lọc các lựa chọn" aria-controls="id_{name}"'
            in html
        )
    assert "portal/admin/filtered-checkboxes.js" in html


def test_every_field_an_editor_fills_in_has_a_help_text(edit_page):
    form = edit_page.context["form"]
    missing = [name for name, field in form.fields.items() if not str(field.help_text).strip()]
    for prefix, formset in form.formsets.items():
        if prefix in NOT_EDITED:
            continue
        child = formset.empty_form
        missing += [
            f"{prefix}.{name}"
            for name, field in child.fields.items()
            if name not in ("id", "ORDER", "DELETE") and not field.widget.is_hidden and not str(field.help_text).strip()
        ]
    assert missing == []


def test_the_help_texts_are_shown_in_vietnamese(edit_page):
    html = edit_page.content.decode()
    assert "Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193" in html
    assert "Số tiền bằng đồng, chỉ ghi số, ví dụ 50000" in html
    assert "Tên đầy đủ như trong quyết định công bố, ví dụ: Đăng ký khai sinh" in html
