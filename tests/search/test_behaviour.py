"""The behaviour both stores must have; every test runs on the database store and on Elasticsearch."""

import datetime
import unicodedata

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from portal.text import fold
from procedures.models import OnlineLevel
from search import api, indexing
from search.models import Kind, QueryVisitor, Scope, Synonym
from tests import factories

pytestmark = pytest.mark.django_db

PROCEDURE_NAMES = {
    "Đăng ký khai sinh",
    "Đăng ký lại khai sinh",
    "Đăng ký khai tử",
    "Đăng ký kết hôn",
    "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi trở lên",
    "Cấp lại thẻ căn cước",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Cấp giấy phép xây dựng công trình",
    "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
    "Đổi giấy phép lái xe",
    "Đăng ký thành lập hộ kinh doanh",
    "Đăng ký thành lập doanh nghiệp tư nhân",
    "Đăng ký thường trú",
    "Hưởng trợ cấp thất nghiệp",
    "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
}


def extra_pages(home):
    news = factories.NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    documents = factories.DocumentIndexPageFactory(parent=home)
    return {
        "decision": factories.DecisionPageFactory(
            parent=documents, number="91/QĐ-UBND", title="Công bố danh mục thủ tục hộ tịch", date_issued=datetime.date(2025, 3, 4)
        ),
        "other_decision": factories.DecisionPageFactory(
            parent=documents,
            number="191/QĐ-UBND",
            title="Kế hoạch kiểm tra công vụ năm 2025",
            date_issued=datetime.date(2025, 1, 9),
        ),
        "news": factories.NewsPageFactory(
            parent=news,
            title="Hướng dẫn làm CCCD gắn chip cho học sinh",
            summary="Công an tỉnh hướng dẫn thủ tục.",
            display_date=timezone.make_aware(datetime.datetime(2025, 6, 1, 8)),
        ),
        "old_news": factories.NewsPageFactory(
            parent=news,
            title="Khai báo tạm trú cho học sinh, sinh viên",
            summary="Tin cũ về khai báo.",
            display_date=timezone.make_aware(datetime.datetime(2024, 2, 1, 8)),
        ),
        "exact": factories.StandardPageFactory(parent=home, title="Lệ phí cấp bản sao", slug="le-phi-cap-ban-sao"),
        "folded": factories.StandardPageFactory(parent=home, title="Lễ phì cáp bản sao", slug="le-phi-cap-ban-sao-2"),
        "xss": factories.StandardPageFactory(parent=home, title="Cẩm nang <script>alert(1)</script> khai sinh", slug="cam-nang"),
        "draft": factories.StandardPageFactory(parent=home, title="Bản nháp khai sinh bí mật", slug="ban-nhap", live=False),
        "private": _private(factories.StandardPageFactory(parent=home, title="Tài liệu nội bộ khai sinh", slug="noi-bo")),
    }


def _private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return page


def answered(results):
    assert not results.degraded, "the store under test failed and the database answered instead"
    return results


def finder(text="", **kwargs):
    return answered(api.search(api.SearchRequest(text=text, kinds=(Kind.PROCEDURE,), scope=Scope.FINDER, **kwargs)))


def site(text="", **kwargs):
    return answered(api.search(api.SearchRequest(text=text, **kwargs)))


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


@pytest.fixture
def pages(module_site, store):
    return module_site[2]


def test_queries_without_diacritics_find_vietnamese_titles(pages):
    assert titles(finder("dang ky khai sinh"))[0] == "Đăng ký khai sinh"
    assert titles(finder("DANG KY KET HON"))[0] == "Đăng ký kết hôn"
    assert "Đổi giấy phép lái xe" in titles(finder("doi giay phep lai xe"))[:1]


def test_decomposed_input_is_normalised(pages):
    assert titles(finder(unicodedata.normalize("NFD", "Đăng ký khai sinh")))[0] == "Đăng ký khai sinh"


def test_exact_diacritics_rank_above_folded_matches(pages):
    results = titles(site("lệ phí cấp bản sao", kinds=(Kind.PAGE,)))
    assert results[:2] == ["Lệ phí cấp bản sao", "Lễ phì cáp bản sao"]
    results = titles(site("lễ phì cáp", kinds=(Kind.PAGE,)))
    assert results[:2] == ["Lễ phì cáp bản sao", "Lệ phí cấp bản sao"]


def test_adjacent_words_rank_the_same_phrase_first(pages):
    results = titles(site("khai sinh"))
    assert results.index("Đăng ký khai sinh") < results.index("Khai báo tạm trú cho học sinh, sinh viên")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CCCD", "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi trở lên"),
        ("cap GPXD", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
        ("LLTP", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"),
        ("GPLX", "Đổi giấy phép lái xe"),
        ("HKD", "Đăng ký thành lập hộ kinh doanh"),
    ],
)
def test_abbreviations_find_the_full_words(pages, query, expected):
    assert expected in titles(finder(query))[:2]


def test_full_words_find_the_abbreviation(pages):
    assert titles(site("căn cước công dân", kinds=(Kind.NEWS,)))[0] == "Hướng dẫn làm CCCD gắn chip cho học sinh"


def test_an_editors_synonym_applies_to_the_next_search(pages):
    assert titles(finder("VNeID")) == []
    Synonym.objects.create(terms="VNeID, thẻ căn cước")
    assert "Cấp lại thẻ căn cước" in titles(finder("VNeID"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("khai sihn", "Đăng ký khai sinh"),
        ("dang ky ket hno", "Đăng ký kết hôn"),
        ("làm giấy khai sinh cho con", "Đăng ký khai sinh"),
        ("xin giấy phép xây nhà", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
        ("nhập hộ khẩu", "Đăng ký thường trú"),
        ("công chứng bản sao", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"),
    ],
)
def test_typos_and_everyday_phrasing(pages, query, expected):
    assert expected in titles(finder(query))[:2]


def test_facets_count_and_filter(pages):
    results = finder("dang ky")
    agencies = {v["value"]: v["count"] for v in results.facets["co_quan"]}
    assert agencies["STP"] >= 4
    filtered = finder("dang ky", filters={"co_quan": "STP"})
    assert filtered.total == agencies["STP"]
    assert all("/so-tu-phap/" in hit.url for hit in filtered.hits)
    assert {v["value"] for v in filtered.facets["co_quan"] if v["selected"]} == {"STP"}
    online = {v["value"] for v in results.facets["truc_tuyen"]}
    assert online and online <= set(OnlineLevel.values)
    level = finder(filters={"cap": "cap-xa"})
    assert level.total and all(hit.kind == Kind.PROCEDURE for hit in level.hits)


def test_unknown_facet_values_find_nothing(pages):
    assert finder("khai sinh", filters={"co_quan": "KHONG-CO"}).total == 0


def test_highlights_mark_the_words_found_and_escape_the_rest(pages):
    hit = finder("khai sinh").hits[0]
    assert "<mark>khai</mark> <mark>sinh</mark>" in str(hit.title)
    xss = next(h for h in site("cam nang khai sinh").hits if "script" in str(h.title))
    assert "<script>" not in str(xss.title) and "&lt;script&gt;" in str(xss.title)


def test_sort_by_name_and_by_code(pages):
    by_name = titles(finder("dang ky", sort="ten"))
    assert by_name == sorted(by_name, key=fold)
    codes = [hit.code for hit in finder("dang ky", sort="ma").hits]
    assert codes == sorted(codes)


def test_pages_are_distinct_and_capped(pages):
    everything = finder()
    assert everything.total == len(PROCEDURE_NAMES)
    first = titles(finder(page=1))
    assert len(first) == api.PAGE_SIZE or len(first) == everything.total
    huge = finder("dang ky", page=10**9)
    assert huge.page == api.MAX_PAGE


def test_site_search_filters_by_type_and_date(pages):
    results = site("hoc sinh")
    assert {hit.kind for hit in results.hits} >= {Kind.NEWS}
    recent = site("hoc sinh", kinds=(Kind.NEWS,), date_from=datetime.date(2025, 1, 1))
    assert titles(recent) == ["Hướng dẫn làm CCCD gắn chip cho học sinh"]
    old = site("hoc sinh", kinds=(Kind.NEWS,), date_to=datetime.date(2024, 12, 31))
    assert titles(old) == ["Khai báo tạm trú cho học sinh, sinh viên"]


@pytest.mark.parametrize("number", ["91/QĐ-UBND", "91/QD-UBND", "91/qđ-ubnd"])
def test_a_document_number_finds_that_document_first(pages, number):
    assert titles(site(number))[0] == "91/QĐ-UBND – Công bố danh mục thủ tục hộ tịch"


def test_a_document_number_is_counted_once_in_every_sort_order(pages):
    relevant, newest = site("91/QĐ-UBND"), site("91/QĐ-UBND", sort="moi")
    assert newest.total == relevant.total
    assert sorted(titles(newest)) == sorted(titles(relevant))


def test_only_live_public_pages_are_found(pages):
    found = " ".join(titles(site("khai sinh")))
    assert "Bản nháp" not in found and "nội bộ" not in found


def test_autocomplete_suggests_titles_as_you_type(pages):
    suggestions = [s["title"] for s in api.suggest("dang ky kh")]
    assert "Đăng ký khai sinh" in suggestions and "Đăng ký khai tử" in suggestions
    for title in suggestions:
        words = fold(title).split()
        assert "dang" in words and "ky" in words and any(w.startswith("kh") for w in words)
    assert api.suggest("c") == []


def test_corrections_are_shown_and_zero_results_suggest_popular_searches(pages):
    assert finder("khai sihn").correction == "khai sinh"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for address in ["10.0.0.1", "10.0.0.2", "10.0.0.3"]:
        finder("dang ky khai sinh", visitor=api.visitor_key(address))
        QueryVisitor.objects.create(day=yesterday, scope=Scope.FINDER, query="dang ky khai sinh", visitor=address)
    for _repeat in range(5):  # one visitor, however often: not popular
        finder("dang ky ket hon", visitor=api.visitor_key("10.0.0.9"))
    results = finder("zzqx wwqy")
    assert results.total == 0
    assert results.popular == ["dang ky khai sinh"]


def test_indexing_new_pages_follows_publishing(pages, django_capture_on_commit_callbacks):
    home = pages["exact"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.StandardPageFactory(parent=home, title="Lịch tiếp công dân tháng 7", slug="lich-tiep")
    assert titles(site("lich tiep cong dan"))[0] == "Lịch tiếp công dân tháng 7"
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Lịch tiếp công dân tháng 7" not in titles(site("lich tiep cong dan"))
    assert indexing.drift()["database"] == ([], [], [])


@pytest.mark.parametrize("text", ['"', 'a" OR "b', "NEAR(", "*", "-", "reform^"])
def test_search_in_english_takes_full_text_syntax_as_plain_words(client, tree, text):
    Locale.objects.get_or_create(language_code="en")
    response = client.get("/en/tim-kiem/", {"q": text})
    assert response.status_code == 200
