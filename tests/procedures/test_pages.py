import copy
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.roles import agency_role
from procedures.exchange.importer import import_file
from procedures.models import ProcedurePage
from tests import factories
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db


def headings(html):
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", html.split('<article class="procedure">', 1)[1].split("</article>", 1)[0])


def with_parts(record, n):
    record = copy.deepcopy(record)
    record["TRINHTUTHUCHIEN"][0]["BUOC"] = [{"TENBUOC": f"Bước {i}", "MOTA": "Mô tả"} for i in range(n)]
    record["THANHPHANHOSO"][0]["GIAYTO"] = [
        {"TENGIAYTO": f"Giấy tờ {i}", "SOBANCHINH": 1, "SOBANSAO": 0, "TENMAUDON": ""} for i in range(n)
    ]
    record["CANCUPHAPLY"] = [
        {"SOVANBAN": f"{i}/2020/NĐ-CP", "TENVANBAN": "Nghị định", "NGAYBANHANH": "", "COQUANBANHANH": ""} for i in range(n)
    ]
    record["KETQUATHUCHIEN"] = [{"TENKETQUA": f"Kết quả {i}"} for i in range(n)]
    record["LINHVUCTHUCHIEN"] = [{"MA": f"F{i}", "TEN": f"Lĩnh vực {i}"} for i in range(n)]
    return record


def test_procedure_page_shows_every_part_in_the_national_order(client, tree, write_json):
    decision = factories.DecisionPageFactory(parent=tree.documents, number="91/QĐ-UBND")
    import_file(write_json([national()]), tree.procedures)
    page = ProcedurePage.objects.get(code="1.001193")
    html = client.get(page.url).content.decode()
    assert headings(html) == [
        "Tóm tắt",
        "Trình tự thực hiện",
        "Cách thức thực hiện",
        "Thành phần hồ sơ",
        "Đối tượng thực hiện",
        "Cơ quan thực hiện",
        "Địa chỉ tiếp nhận hồ sơ",
        "Kết quả thực hiện",
        "Căn cứ pháp lý",
        "Yêu cầu, điều kiện thực hiện",
        "Câu hỏi thường gặp về thủ tục này",
        "Đánh giá",
    ]
    summary = html.split('class="summary-box"', 1)[1].split("</section>", 1)[0]
    assert "1 ngày làm việc" in summary and "Không mất phí" in summary and "Bộ phận Một cửa UBND cấp xã" in summary
    assert 'href="https://dichvucong.gov.vn/ks"' in summary
    assert f'<a href="{decision.url}">91/QĐ-UBND</a>' in html, "the announcing decision links to its page"
    assert "Mẫu tờ khai khai sinh" in html and "Giấy chứng sinh" in html and "20/11/2014" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "GovernmentService" and data["identifier"] == "1.001193"
    assert {c["name"] for c in data["availableChannel"]} == {"Trực tiếp", "Trực tuyến"}


def test_fee_and_time_summary_picks_the_fastest_and_cheapest(client, tree, write_json):
    record = national()
    record["CACHTHUCTHUCHIEN"] = [
        {
            "KENH": 1,
            "THOIGIAN": [{"SOLUONG": 15, "DONVI": "ngày làm việc"}],
            "PHILEPHI": [{"SOTIEN": 75000, "DONVI": "đồng/giấy phép"}],
        },
        {
            "KENH": 2,
            "THOIGIAN": [{"SOLUONG": 10, "DONVI": "ngày làm việc"}],
            "PHILEPHI": [{"SOTIEN": 37000, "DONVI": "đồng/giấy phép"}],
        },
    ]
    import_file(write_json([record]), tree.procedures)
    html = client.get(ProcedurePage.objects.get().url).content.decode()
    summary = html.split('class="summary-box"', 1)[1].split("</section>", 1)[0]
    assert "10 ngày làm việc" in summary and "(trực tuyến)" in summary and "37.000 đồng/giấy phép" in summary


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_procedure_page_queries_do_not_grow_with_its_parts(client, tree, write_json):
    import_file(write_json([with_parts(national(), 2), with_parts(national("2.000020"), 25)]), tree.procedures)
    small, large = ProcedurePage.objects.get(code="1.001193"), ProcedurePage.objects.get(code="2.000020")
    client.get(small.url)
    assert _queries(client, small.url) == _queries(client, large.url)


def test_agency_and_browse_listings_queries_do_not_grow_with_procedures(client, tree, write_json):
    import_file(write_json([national(f"2.{i:06d}", TENTTHC=f"Thủ tục {i}") for i in range(3)]), tree.procedures)
    agency = ProcedurePage.objects.first().get_parent()
    urls = [agency.url, tree.procedures.url, f"{tree.procedures.url}truc-tuyen/full/", f"{tree.procedures.url}linh-vuc/ho-tich/"]
    client.get(urls[0])
    few = [_queries(client, url) for url in urls]
    import_file(write_json([national(f"2.{i:06d}", TENTTHC=f"Thủ tục {i}") for i in range(3, 30)]), tree.procedures)
    assert [_queries(client, url) for url in urls] == few
    html = client.get(agency.url).content.decode()
    assert "Thủ tục hành chính (30)" in html and "<h3>Hộ tịch</h3>" in html


def test_catalogue_overview_counts_and_browse_pages(client, tree, write_json):
    import_file(
        write_json(
            [
                national(),
                national("1.000003", TENTTHC="Đăng ký khai tử"),
                national("2.000002", TENTTHC="Cấp giấy phép xây dựng", MUCDODVC="MOTPHAN", BONTAICHO=True,
                         LINHVUCTHUCHIEN=[{"MA": "XD", "TEN": "Hoạt động xây dựng"}], COQUANQUANLY={"MA": "SXD", "TEN": "Sở Xây dựng"}),
            ]
        ),
        tree.procedures,
    )  # fmt: skip
    html = client.get(tree.procedures.url).content.decode()
    assert re.search(r'Sở Xây dựng</a> <span class="count">1</span>', html)
    assert re.search(r'Sở Tư pháp</a> <span class="count">2</span>', html)
    assert re.search(r'Hộ tịch</a> <span class="count">2</span>', html)
    assert re.search(r'Toàn trình</a> <span class="count">2</span>', html)
    assert re.search(r'Thực hiện “4 tại chỗ”</a> <span class="count">1</span>', html)
    ProcedurePage.objects.get(code="1.000003").unpublish()
    html = client.get(tree.procedures.url).content.decode()
    assert re.search(r'Sở Tư pháp</a> <span class="count">1</span>', html), "counts follow unpublishing"
    spot = client.get(f"{tree.procedures.url}4-tai-cho/").content.decode()
    assert "Cấp giấy phép xây dựng" in spot and "Đăng ký khai sinh" not in spot
    assert client.get(f"{tree.procedures.url}truc-tuyen/khong-co-muc-nay/").status_code == 404
    assert client.get(f"{tree.procedures.url}linh-vuc/khong-co/").status_code == 404


def test_unpublished_procedures_are_not_listed(client, tree, write_json):
    import_file(write_json([national()]), tree.procedures)
    page = ProcedurePage.objects.get()
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert "Đăng ký khai sinh" not in client.get(f"{tree.procedures.url}truc-tuyen/full/").content.decode()
    assert client.get("/api/thu-tuc/1.001193/").status_code == 404


def test_agency_editor_edits_own_procedures_only(client, tree, write_json):
    import_file(write_json([national(), national("2.000005", COQUANQUANLY={"MA": "SXD", "TEN": "Sở Xây dựng"})]), tree.procedures)
    own, other = ProcedurePage.objects.get(code="1.001193"), ProcedurePage.objects.get(code="2.000005")
    client.force_login(factories.UserFactory(groups=[agency_role(tree.justice)]))
    assert client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(other.pk,))).status_code == 403
    assert (
        client.get(reverse("wagtailadmin_pages:add", args=("procedures", "procedurepage", other.get_parent().pk))).status_code
        == 403
    )
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=(other.pk,))).status_code == 403
    other.refresh_from_db()
    assert other.live


def test_json_api_lists_filters_and_details(client, tree, write_json):
    import_file(
        write_json([national(), national("2.000006", TENTTHC="Cấp giấy phép xây dựng", MUCDODVC="MOTPHAN",
                                          COQUANQUANLY={"MA": "SXD", "TEN": "Sở Xây dựng"})]),
        tree.procedures,
    )  # fmt: skip
    data = client.get("/api/thu-tuc/").json()
    assert data["count"] == 2 and [r["code"] for r in data["results"]] == ["1.001193", "2.000006"]
    assert data["results"][1]["agency"] == {"code": "SXD", "name": "Sở Xây dựng"}
    assert [r["code"] for r in client.get("/api/thu-tuc/", {"online": "partial"}).json()["results"]] == ["2.000006"]
    assert [
        r["code"] for r in client.get("/api/thu-tuc/", {"agency": "STP", "field": "HT", "level": "XA"}).json()["results"]
    ] == ["1.001193"]
    bad = client.get("/api/thu-tuc/", {"agency": "KHONGCO", "page_size": "1000"})
    assert bad.status_code == 400 and set(bad.json()["errors"]) == {"agency", "page_size"}
    assert client.get("/api/thu-tuc/", {"page": "50"}).status_code == 404
    detail = client.get("/api/thu-tuc/1.001193/").json()
    assert detail["TENTTHC"] == "Đăng ký khai sinh" and detail["THANHPHANHOSO"][0]["GIAYTO"][1]["TENGIAYTO"] == "Giấy chứng sinh"
    assert client.get("/api/thu-tuc/9.999/").json()["errors"]["code"]


def test_api_list_queries_do_not_grow_with_page_size(client, tree, write_json):
    import_file(write_json([national(f"2.{i:06d}") for i in range(25)]), tree.procedures)
    client.get("/api/thu-tuc/")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/thu-tuc/", {"page_size": 2})
    with CaptureQueriesContext(connection) as many:
        client.get("/api/thu-tuc/", {"page_size": 25})
    assert len(few) == len(many)


def test_agency_editor_edits_a_procedure_in_the_admin(client, tree, write_json):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    import_file(write_json([national()]), tree.procedures)
    page = ProcedurePage.objects.get()
    editor = factories.UserFactory(groups=[agency_role(tree.justice)])
    client.force_login(editor)
    steps = [{"case": "", "title": "Nộp hồ sơ trực tuyến", "description": "Trên Cổng Dịch vụ công", "ORDER": 1}]
    channels = [
        {"channel": "online", "case": "", "time_amount": "2", "time_unit": "working_days", "time_description": "", "fee_amount": "",
         "fee_unit": "", "fee_description": "", "ORDER": 1}
    ]  # fmt: skip
    data = nested_form_data(
        {
            "code": page.code,
            "procedure_type": page.procedure_type,
            "title": "Đăng ký khai sinh (đã sửa)",
            "slug": page.slug,
            "description": "",
            "fields": [f.pk for f in page.fields.all()],
            "levels": [lv.pk for lv in page.levels.all()],
            "applicants": [],
            "implementing_agencies": [],
            "authorised_agencies": "",
            "coordinating_agencies": "",
            "where_to_submit": "Bộ phận Một cửa",
            "requirements": rich_text(""),
            "online_level": "full",
            "online_url": "https://dichvucong.gov.vn/ks",
            "decision_number": "",
            "keywords": "",
            "steps": inline_formset(steps),
            "channels": inline_formset(channels),
            "dossier": inline_formset([]),
            "results": inline_formset([]),
            "legal_bases": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "sidebar": streamfield([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data["action-publish"] = "1"
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page.refresh_from_db()
    assert page.title == "Đăng ký khai sinh (đã sửa)"
    assert "Nộp hồ sơ trực tuyến" in [s.title for s in page.steps.all()] and page.steps.count() == 3
    assert page.latest_revision.user == editor
    html = client.get(page.url).content.decode()
    assert "Nộp hồ sơ trực tuyến" in html and "2 ngày làm việc" in html


def test_an_editor_sees_the_draft_of_pages_answered_by_a_view(client, tree, write_json, users):
    """The admin's "Xem bản nháp" renders a draft procedure, agency and document list as the public page
    shows them (before, the procedure's draft was a server error: its agency is added by the view)."""
    import_file(write_json([national()]), tree.procedures)
    procedure = ProcedurePage.objects.get()
    client.force_login(users.admin)
    for page, shown in ((procedure, f'href="{tree.justice.url}"'), (tree.justice, procedure.title), (tree.documents, "")):
        page = page.specific
        page.title = f"{page.title} (bản nháp sửa đổi)"
        page.save_revision(user=users.admin)
        draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert draft.status_code == 200, page
        html = draft.content.decode()
        assert "bản nháp sửa đổi" in html and shown in html
        assert client.get(page.url).status_code == 200 and "bản nháp sửa đổi" not in client.get(page.url).content.decode()
