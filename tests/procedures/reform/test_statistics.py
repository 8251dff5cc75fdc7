"""Reform figures: validation, computed rates and ranks, the public dashboard, permissions and upload."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from demo import reform as demo
from portal.roles import agency_role
from procedures.reform.dashboard import competition_ranks
from procedures.reform.models import (
    DossierStatistics,
    DossierTotals,
    ParIndexScore,
    Period,
    PeriodKind,
    SatisfactionSurvey,
    ServiceIndexScore,
    StatisticsPage,
)
from tests import factories

pytestmark = pytest.mark.django_db

# The seed's figures: 1,230 received (all new, none carried over), 473 resolved (and 5 late of them), 527 pending,
# 230 returned: 473 + 527 + 230 = 1,230.
SEED = {
    "received_in_person": 430,
    "received_online": 790,
    "received_post": 10,
    "carried_over": 0,
    "resolved_on_time": 468,
    "resolved_late": 5,
    "pending_on_time": 520,
    "pending_overdue": 7,
    "returned": 225,
    "withdrawn": 5,
    "apologies": 4,
    "online_payments": 120,
}


def dossier(agency=None, period=("month", 3, 2026), live=True, **changes):
    kind, number, year = period
    record = DossierStatistics(agency=agency, period_kind=kind, number=number, year=year, live=live, **{**SEED, **changes})
    record.full_clean()
    record.save()
    return record


def index(agency=None, year=2025, **scores):
    values = {"publicity": 16, "progress": 18, "online_service": 20, "digitisation": 19, "satisfaction": 16} | scores
    record = ServiceIndexScore(agency=agency, period_kind=PeriodKind.YEAR, year=year, number=0, live=True, **values)
    record.full_clean()
    record.save()
    return record


@pytest.fixture
def statistics(tree):
    return factories.StatisticsPageFactory(parent=tree.home)


# Validation


def test_the_seed_figures_balance_and_give_the_derived_figures(tree):
    record = dossier(tree.justice)
    assert record.received_new == 1230
    assert record.received_total == 1230
    assert record.resolved == 473
    assert record.pending == 527
    assert record.on_time_rate == Decimal("98.9")  # 468 / 473
    assert record.online_share == Decimal("64.2")  # 790 / 1230


def test_figures_that_do_not_balance_are_refused_with_both_sums(tree):
    with pytest.raises(ValidationError) as error:
        dossier(tree.justice, returned=300)
    message = " ".join(error.value.messages)
    assert "không cân đối" in message
    assert "1.305" in message and "1.230" in message


def test_negative_figures_are_refused(tree):
    with pytest.raises(ValidationError) as error:
        dossier(tree.justice, received_post=-1, returned=236)
    assert "received_post" in error.value.message_dict


def test_more_apologies_than_late_dossiers_are_refused(tree):
    with pytest.raises(ValidationError) as error:
        dossier(tree.justice, apologies=13)
    assert "xin lỗi" in error.value.message_dict["apologies"][0]


def test_one_record_per_agency_and_period_and_one_for_the_province(tree):
    dossier(tree.justice)
    dossier(None)
    dossier(tree.justice, period=("month", 4, 2026))
    with pytest.raises(ValidationError, match="Cơ quan này đã có số liệu"):
        dossier(tree.justice)
    with pytest.raises(ValidationError, match="Toàn tỉnh đã có số liệu"):
        dossier(None)


def test_a_month_outside_1_to_12_is_refused(tree):
    with pytest.raises(ValidationError) as error:
        dossier(tree.justice, period=("month", 13, 2026))
    assert "number" in error.value.message_dict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/2026", ("month", 2026, 3)),
        ("3/2026", ("month", 2026, 3)),
        ("Q2/2025", ("quarter", 2025, 2)),
        ("2024", ("year", 2024, 0)),
    ],
)
def test_periods_are_read_from_the_codes_staff_type(text, expected):
    period = Period.parse(text)
    assert (period.kind, period.year, period.number) == expected


@pytest.mark.parametrize("text", ["13/2026", "Q5/2026", "2026-03-01", "", "abc", "99"])
def test_bad_period_codes_are_refused_in_vietnamese(text):
    with pytest.raises(ValueError, match="Kỳ"):
        Period.parse(text)


def test_index_scores_add_up_to_a_total_and_respect_each_group_maximum(tree):
    record = index(tree.justice, publicity=Decimal("17.5"))
    assert record.total == Decimal("90.5")
    with pytest.raises(ValidationError) as error:
        index(tree.construction, online_service=23)
    assert "22" in error.value.message_dict["online_service"][0]


def test_province_totals_are_sums_of_agencies_with_rates_from_the_sums():
    totals = DossierTotals(Period("month", 2026, 3), {**SEED, "resolved_on_time": 982, "resolved_late": 18})
    assert totals.resolved == 1000
    assert totals.on_time_rate == Decimal("98.2")


def test_ranks_share_a_place_on_equal_scores_and_skip_the_next():
    items = [("a", 90), ("b", 95), ("c", 90), ("d", 80), ("e", None)]
    ranks = competition_ranks(items, lambda item: item[1])
    assert [ranks.get(id(item)) for item in items] == [2, 1, 2, 4, None]


# The public dashboard


def test_dashboard_shows_the_latest_province_figures_the_vietnamese_way(client, tree, statistics):
    dossier(tree.justice, period=("month", 2, 2026))
    dossier(tree.justice, resolved_on_time=464, resolved_late=9, apologies=9)
    dossier(tree.construction, resolved_on_time=473, resolved_late=0, pending_on_time=527, pending_overdue=0, apologies=0)
    response = client.get(statistics.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Toàn tỉnh – Tháng 03/2026" in html
    assert "2.460" in html  # received by both agencies
    assert "99,0%" in html  # (464 + 473) / 946 resolved
    assert "chart-trend" in html and "chart-agencies" in html
    assert "Sở Xây dựng" in html and "100,0%" in html
    assert "+0,1 điểm % so với kỳ trước" in html  # 98.9% in February


def test_agency_filter_shows_that_agencys_figures(client, tree, statistics):
    dossier(tree.justice, resolved_on_time=464, resolved_late=9, apologies=9)
    dossier(tree.construction)
    html = client.get(statistics.url, {"co_quan": "STP"}).content.decode()
    assert "Sở Tư pháp – Tháng 03/2026" in html
    assert "98,1%" in html  # 464 / 473


def test_drafts_never_reach_the_public(client, tree, statistics):
    dossier(tree.justice)
    dossier(tree.construction, live=False, received_post=1010, returned=1225)
    html = client.get(statistics.url).content.decode()
    assert "1.230" in html
    assert "2.230" not in html and "Sở Xây dựng" not in html.split("So sánh các cơ quan")[-1]


@pytest.mark.parametrize(
    "params", [{"loai": "tuan"}, {"ky": "13/2026"}, {"ky": "Q1/2026"}, {"co_quan": "<script>"}, {"ky": "05/2019"}]
)
def test_bad_filters_get_a_400_with_a_message(client, tree, statistics, params):
    dossier(tree.justice)
    response = client.get(statistics.url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<script>" not in html


def test_index_scorecard_and_rankings(client, tree, statistics):
    dossier(tree.justice)
    index(None, publicity=15)
    index(tree.justice, progress=19)
    index(tree.construction, progress=19)
    third = factories.AgencyPageFactory(parent=tree.procedures, title="Sở Y tế", slug="so-y-te", short_name="SYT")
    index(third, progress=20)
    ParIndexScore.objects.create(agency=tree.justice, year=2025, score=Decimal("88.10"), live=True)
    SatisfactionSurvey.objects.create(
        agency=None, year=2025, respondents=900, access=90, procedure=91, officials=92, results=93, feedback=94, live=True
    )
    html = client.get(statistics.url).content.decode()
    scorecard = html.split('id="stat-scorecard"')[1].split("</section>")[0]
    assert "Công khai, minh bạch" in scorecard and "15,00" in scorecard and "88,00" in scorecard  # 15+18+20+19+16
    rankings = html.split('id="stat-rankings"')[1].split("</section>")[0]
    rows = list(rankings.split("<tr>")[2:])
    assert "Sở Y tế" in rows[0] and ">1<" in rows[0]
    assert ">2<" in rows[1] and ">2<" in rows[2]  # equal totals share the place
    assert "88,1%" in rankings
    assert "900 phiếu" in html


def test_downloads_hold_what_is_shown(client, tree, statistics):
    dossier(tree.justice)
    dossier(tree.construction, period=("month", 3, 2026))
    base = statistics.url + "tai-ve/"
    response = client.get(base + "csv/", {"co_quan": "SXD"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Tình hình giải quyết hồ sơ – Sở Xây dựng"]
    assert rows[2] == ["03/2026", "1230", "473", "468", "98.9", "64.2"]

    response = client.get(base + "xlsx/")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["trend", "agencies"]
    assert workbook["agencies"]["A3"].value in {"Sở Tư pháp", "Sở Xây dựng"}
    assert client.get(base + "pdf/").status_code == 404
    assert client.get(base + "csv/", {"loai": "x"}).status_code == 400


def test_dashboard_queries_do_not_grow_with_agencies_or_periods(client, tree, statistics):
    def add(agencies, months):
        for agency in agencies:
            for month in months:
                dossier(agency, period=("month", month, 2026))
            index(agency)
            ParIndexScore.objects.create(agency=agency, year=2025, score=80, live=True)

    add([tree.justice], [1, 2])
    client.get(statistics.url)  # the first request also caches the site's root paths
    with CaptureQueriesContext(connection) as few:
        assert client.get(statistics.url).status_code == 200
    more = [
        factories.AgencyPageFactory(parent=tree.procedures, title=f"Cơ quan {n}", slug=f"cq-{n}", short_name=f"CQ{n}")
        for n in range(6)
    ]
    add([tree.construction, *more], range(1, 13))
    with CaptureQueriesContext(connection) as many:
        html = client.get(statistics.url).content.decode()
    assert "Cơ quan 5" in html
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_home_and_agency_pages_show_the_latest_figures(client, tree, statistics):
    dossier(tree.justice, period=("month", 2, 2026))
    dossier(tree.justice)
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "Tỷ lệ hồ sơ đúng hạn" in home and "98,9%" in home and statistics.url in home
    agency = client.get(tree.justice.url).content.decode()
    assert "Kết quả giải quyết hồ sơ – Tháng 03/2026" in agency
    assert "chart-agency-trend" in agency
    assert "?co_quan=STP" in agency


# Permissions


def figures_form(agency, **changes):
    data = {"agency": agency.pk, "period_kind": "month", "year": 2026, "number": 5, **SEED, **changes}
    return {key: str(value) for key, value in data.items()}


def test_reform_office_posts_a_draft_then_publishes_it(client, tree, users, statistics):
    client.force_login(users.reform)
    add = reverse("wagtailsnippets_reform_dossierstatistics:add")
    response = client.post(add, figures_form(tree.justice))
    assert response.status_code == 302
    record = DossierStatistics.objects.get()
    assert not record.live and record.revisions.count() == 1
    assert "Tháng 05/2026" not in client.get(statistics.url).content.decode()

    edit = reverse("wagtailsnippets_reform_dossierstatistics:edit", args=[record.pk])
    response = client.post(edit, {**figures_form(tree.justice), "action-publish": "1"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.live and record.revisions.count() == 2
    assert "Tháng 05/2026" in client.get(statistics.url).content.decode()


def test_unbalanced_figures_are_refused_in_the_admin(client, tree, users):
    client.force_login(users.reform)
    add = reverse("wagtailsnippets_reform_dossierstatistics:add")
    response = client.post(add, figures_form(tree.justice, returned=0))
    assert response.status_code == 200
    assert "không cân đối" in response.content.decode()
    assert not DossierStatistics.objects.exists()


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_other_roles_cannot_change_the_figures(client, tree, users, role):
    record = dossier(tree.justice)
    agency_editor = factories.UserFactory(username="stp", groups=[agency_role(tree.justice)])
    for user in (getattr(users, role), agency_editor):
        client.force_login(user)
        for model in ("dossierstatistics", "serviceindexscore", "satisfactionsurvey", "parindexscore"):
            assert client.get(reverse(f"wagtailsnippets_reform_{model}:add")).status_code == 403
        edit = reverse("wagtailsnippets_reform_dossierstatistics:edit", args=[record.pk])
        assert client.post(edit, {**figures_form(tree.justice), "action-publish": "1"}).status_code == 403
        assert client.get(reverse("reform_figures_upload")).status_code == 403
    record.refresh_from_db()
    assert record.period.number == 3


def test_anonymous_visitors_cannot_reach_the_upload(client, tree):
    response = client.get(reverse("reform_figures_upload"))
    assert response.status_code == 302 and "/login/" in response["Location"]


# Upload


def workbook_file(rows, headers=None, name="so-lieu.xlsx"):
    from procedures.reform.upload import SPECS

    book = Workbook()
    sheet = book.active
    sheet.append(headers or SPECS["ho-so"].headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def seed_row(agency="STP", period="03/2026", **changes):
    values = {**SEED, **changes}
    order = ["received_in_person", "received_online", "received_post", "carried_over", "resolved_on_time", "resolved_late"]
    order += ["pending_on_time", "pending_overdue", "returned", "withdrawn", "apologies", "online_payments"]
    return [agency, period, *(values[field] for field in order)]


def upload(client, file, kind="ho-so", publish=True):
    data = {"kind": kind, "file": file}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("reform_figures_upload"), data)


def test_a_good_workbook_is_imported_and_published(client, tree, users):
    client.force_login(users.reform)
    response = upload(client, workbook_file([seed_row(), seed_row("SXD"), seed_row("", "Q1/2026")]))
    assert response.status_code == 200, response.content.decode()
    assert "3 bản ghi mới" in response.content.decode()
    assert DossierStatistics.objects.live().count() == 3
    assert DossierStatistics.objects.get(agency=None).period.kind == PeriodKind.QUARTER


def test_a_bad_row_imports_nothing_and_names_row_column_and_reason(client, tree, users):
    client.force_login(users.reform)
    rows = [
        seed_row(),
        seed_row("SXD", returned=300),
        seed_row("XYZ"),
        seed_row("STP", "13/2026"),
        seed_row("STP", received_post="mười"),
    ]
    response = upload(client, workbook_file(rows))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Chưa có số liệu nào được ghi" in html
    assert "<td>3</td><td></td><td>Số liệu không cân đối" in html
    assert "<td>4</td><td>co_quan</td>" in html and "XYZ" in html
    assert "<td>5</td><td>ky</td>" in html
    assert "<td>6</td><td>tiep_nhan_buu_chinh</td>" in html and "không phải số nguyên" in html
    assert not DossierStatistics.objects.exists()


def test_a_csv_with_vietnamese_thousands_updates_existing_figures_as_a_new_revision(client, tree, users):
    client.force_login(users.reform)
    record = dossier(tree.justice)
    record.save_revision()
    from procedures.reform.upload import SPECS

    row = seed_row(received_in_person="1.430", returned="1.225")
    content = "\ufeff" + ",".join(SPECS["ho-so"].headers) + "\n" + ",".join(f'"{v}"' for v in row) + "\n"
    response = upload(client, SimpleUploadedFile("so-lieu.csv", content.encode()))
    assert response.status_code == 200, response.content.decode()
    record.refresh_from_db()
    assert record.received_in_person == 1430 and record.received_total == 2230
    assert record.revisions.count() == 2


def test_scores_upload_checks_group_maximums(client, tree, users):
    client.force_login(users.reform)
    from procedures.reform.upload import SPECS

    headers = SPECS["chi-so-phuc-vu"].headers
    good = workbook_file([["STP", "2025", "17,5", "18", "20", "19", "16"]], headers)
    assert upload(client, good, "chi-so-phuc-vu").status_code == 200
    assert ServiceIndexScore.objects.get().total == Decimal("90.5")
    bad = workbook_file([["SXD", "2025", "19", "18", "20", "19", "16"]], headers)
    response = upload(client, bad, "chi-so-phuc-vu")
    assert response.status_code == 400 and "cong_khai_minh_bach" in response.content.decode()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("so-lieu.pdf", b"%PDF-1.4"), "Chỉ nhận tệp .xlsx hoặc .csv"),
        (SimpleUploadedFile("so-lieu.xlsx", b"not a workbook"), "Không đọc được tệp"),
        (SimpleUploadedFile("so-lieu.csv", b"co_quan,ky\nSTP,03/2026\n"), "Thiếu cột"),
        (SimpleUploadedFile("so-lieu.csv", "co_quan;ky".encode("utf-16")), "UTF-8"),
    ],
)
def test_unreadable_files_get_a_message(client, tree, users, file, message):
    client.force_login(users.reform)
    response = upload(client, file)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_template_lists_columns_and_agency_codes(client, tree, users):
    client.force_login(users.reform)
    response = client.get(reverse("reform_figures_template", args=["ho-so"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook["so_lieu"][1]][:3] == ["co_quan", "ky", "tiep_nhan_truc_tiep"]
    assert ["STP", "Sở Tư pháp"] in [[c.value for c in row] for row in workbook["co_quan"].iter_rows()]


# Demo data


def test_demo_figures_pass_every_validation_rule(tree):
    from datetime import date

    created = demo.load(tree.home, today=date(2026, 11, 22))
    assert created > 0
    assert StatisticsPage.objects.live().count() == 1
    months = DossierStatistics.objects.filter(agency=tree.justice, period_kind=PeriodKind.MONTH)
    assert months.count() == 24
    assert months.order_by("year", "number").first().period.code == "11/2024"
    for record in DossierStatistics.objects.all():
        record.full_clean()
    for model in (ServiceIndexScore, SatisfactionSurvey, ParIndexScore):
        for record in model.objects.all():
            record.full_clean()
    assert set(ServiceIndexScore.objects.values_list("year", flat=True)) == {2024, 2025}
    assert demo.load(tree.home) == 0


def test_an_upload_report_escapes_what_the_file_holds(client, tree, users):
    client.force_login(users.reform)
    response = upload(client, workbook_file([seed_row("<script>alert(1)</script>")]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in html and "&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;" in html
