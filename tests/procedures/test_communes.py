"""A commune's page lists the procedures every commune carries out (commune level, wherever they are filed)
and its own; a citizen picks their commune from the catalogue or any agency page, with or without JavaScript."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.exchange.importer import import_file
from procedures.models import AgencyType, ProcedurePage
from procedures.selectors import commune_levels
from tests import factories
from tests.procedures.conftest import national

pytestmark = pytest.mark.django_db

PROVINCE = [{"MA": "TINH", "TEN": "Cấp Tỉnh"}]
COMMUNE = {"MA": "UBND-XSC", "TEN": "UBND xã Sông Cầu"}


@pytest.fixture
def communes(tree):
    song_cau = factories.AgencyPageFactory(
        parent=tree.procedures, title="UBND xã Sông Cầu", slug="ubnd-xa-song-cau", short_name="UBND-XSC",
        agency_type=AgencyType.COMMUNE,
    )  # fmt: skip
    trung_tam = factories.AgencyPageFactory(
        parent=tree.procedures, title="UBND phường Trung tâm", slug="ubnd-phuong-trung-tam", short_name="UBND-PTT",
        agency_type=AgencyType.COMMUNE,
    )  # fmt: skip
    return song_cau, trung_tam


def catalogue(write_json, tree, extra=0):
    records = [
        national("1.000001", TENTTHC="Đăng ký khai sinh"),
        national("1.000002", TENTTHC="Đăng ký kết hôn"),
        national("1.000003", TENTTHC="Chứng thực bản sao từ bản chính", LINHVUCTHUCHIEN=[{"MA": "CT", "TEN": "Chứng thực"}]),
        national("2.000001", TENTTHC="Cấp phiếu lý lịch tư pháp", CAPTHUCHIEN=PROVINCE),
        national("2.000002", TENTTHC="Cấp phép đào đường trên địa bàn xã", CAPTHUCHIEN=PROVINCE, COQUANQUANLY=COMMUNE),
        *[national(f"1.1{i:05d}", TENTTHC=f"Thủ tục cấp xã {i}") for i in range(extra)],
    ]
    import_file(write_json(records), tree.procedures)


def listed(html):
    return re.findall(r'<li class="procedure-item">\s*<a href="[^"]+">([^<]+)</a>', html)


def test_commune_page_lists_commune_level_procedures_filed_elsewhere(client, tree, communes, write_json):
    catalogue(write_json, tree)
    song_cau, trung_tam = communes
    assert ProcedurePage.objects.get(code="1.000001").get_parent().specific.short_name == "STP"

    html = client.get(song_cau.url).content.decode()
    assert "Thủ tục hành chính (4)" in html
    assert sorted(listed(html)) == [
        "Chứng thực bản sao từ bản chính", "Cấp phép đào đường trên địa bàn xã", "Đăng ký khai sinh", "Đăng ký kết hôn",
    ]  # fmt: skip
    assert "Cấp phiếu lý lịch tư pháp" not in html, "a provincial procedure stays with its department"
    other = client.get(trung_tam.url).content.decode()
    assert "Thủ tục hành chính (3)" in other and "Cấp phép đào đường" not in other

    department = client.get(tree.justice.url).content.decode()
    assert "Thủ tục hành chính (4)" in department and "Cấp phép đào đường" not in department

    overview = client.get(tree.procedures.url).content.decode()
    assert re.search(r'UBND xã Sông Cầu</a> <span class="count">4</span>', overview)
    assert re.search(r'UBND phường Trung tâm</a> <span class="count">3</span>', overview)

    ProcedurePage.objects.get(code="1.000002").unpublish()
    assert "Thủ tục hành chính (3)" in client.get(song_cau.url).content.decode()
    assert re.search(r'UBND xã Sông Cầu</a> <span class="count">3</span>', client.get(tree.procedures.url).content.decode())


def test_commune_level_is_recognised_by_its_name(tree, communes, write_json):
    catalogue(write_json, tree)
    names = {level.pk: level.name for level in ProcedurePage.objects.get(code="1.000001").levels.all()}
    assert set(commune_levels()) == set(names), "“Cấp Xã” (also “Cấp xã, phường”, “đặc khu”) is the commune level"


def test_citizen_picks_their_commune_without_javascript(client, tree, communes, write_json):
    catalogue(write_json, tree)
    song_cau, _trung_tam = communes
    for url in (tree.procedures.url, tree.justice.url, song_cau.url):
        html = client.get(url).content.decode()
        assert f'action="{tree.procedures.url}xa/"' in html and '<select id="chon-xa" name="xa"' in html
        assert f'<option value="{song_cau.slug}"' in html
    response = client.get(f"{tree.procedures.url}xa/", {"xa": song_cau.slug})
    assert response.status_code == 302 and response["Location"] == song_cau.url
    for bad in ("xa-khong-co", "<script>", "a" * 300):
        unknown = client.get(f"{tree.procedures.url}xa/", {"xa": bad})
        assert unknown.status_code == 400 and "Không có xã, phường, đặc khu này" in unknown.content.decode()
    assert client.get(f"{tree.procedures.url}xa/", {"xa": "x\x00y"}).status_code == 400  # refused where input enters
    chooser = client.get(f"{tree.procedures.url}xa/")
    assert chooser.status_code == 200 and "UBND phường Trung tâm" in chooser.content.decode()


def test_commune_page_queries_do_not_grow_with_the_catalogue(client, tree, communes, write_json):
    catalogue(write_json, tree)
    song_cau = communes[0]
    client.get(song_cau.url)
    with CaptureQueriesContext(connection) as few:
        client.get(song_cau.url)
    catalogue(write_json, tree, extra=20)
    with CaptureQueriesContext(connection) as many:
        html = client.get(song_cau.url).content.decode()
    assert "Thủ tục hành chính (24)" in html
    assert len(many) == len(few)
