import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from news.models import NewsPage

pytestmark = pytest.mark.django_db

ROWS = [
    {
        "old_url": "https://cchc.old.gov.vn/tin-tuc/cai-cach/2019/05/hoi-nghi-cchc-123.html",
        "category": "Thông tin cải cách hành chính",
        "title": "Hội nghị sơ kết cải cách hành chính năm 2019",
        "summary": "Sơ kết công tác CCHC sáu tháng đầu năm.",
        "body_html": '<p style="color:red" onclick="steal()">Nội dung <b>chính</b></p><script>alert(1)</script>'
        '<a href="javascript:alert(2)">x</a><a href="https://chinhphu.vn">Chính phủ</a>',
        "author": "Phòng CCHC",
        "source": "Sở Nội vụ",
        "published": "15/05/2019 08:30",
        "tags": ["CCHC", "sơ kết"],
        "view_count": 1532,
        "images": [{"src": "https://cchc.old.gov.vn/uploads/2019/hoi-nghi.jpg", "caption": "Quang cảnh hội nghị"}],
    },
    {
        "old_url": "/tin-tuc/kinh-te/2018/doanh-nghiep-45.html",
        "category": "thong tin cai cach hanh chinh",
        "title": "Đối thoại doanh nghiệp 2018",
        "summary": "",
        "body_html": "<p>Doanh nghiệp nêu kiến nghị.</p>",
        "published": "2018-11-02T09:00:00+07:00",
        "tags": "doanh nghiệp, đối thoại",
        "view_count": "87",
    },
    {"old_url": "/a/3.html", "category": "Thông tin cải cách hành chính", "title": "", "published": "01/01/2020"},
    {"old_url": "/a/4.html", "category": "Thông tin cải cách hành chính", "title": "Ngày hỏng", "published": "31/02/2020 x"},
    {"old_url": "/a/5.html", "category": "Tin thể thao", "title": "Chuyên mục lạ", "published": "01/01/2020"},
]


@pytest.fixture
def export(tmp_path):
    (tmp_path / "uploads/2019").mkdir(parents=True)
    PILImage.new("RGB", (64, 48), "navy").save(tmp_path / "uploads/2019/hoi-nghi.jpg")
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in ROWS) + "\n", encoding="utf-8")
    return path


def run(path, capsys):
    with pytest.raises(CommandError) as failure:
        call_command("import_legacy", str(path))
    out = capsys.readouterr()
    return out.out, out.err, str(failure.value)


def test_import_reports_bad_rows_and_imports_the_rest(tree, export, capsys, client):
    out, err, failure = run(export, capsys)
    assert "Mới: 2, cập nhật: 0, không đổi: 0, lỗi: 3." in out
    assert "Dòng 3: bỏ qua: thiếu tiêu đề" in err
    assert "Dòng 4: bỏ qua: ngày đăng không đọc được" in err
    assert "Dòng 5: bỏ qua: chuyên mục không tồn tại: 'Tin thể thao'" in err
    assert "3 dòng không nhập được" in failure

    article = NewsPage.objects.get(legacy_url=ROWS[0]["old_url"])
    assert article.live and article.get_parent().pk == tree.category.pk
    assert article.legacy_view_count == 1532
    assert article.display_date.strftime("%d/%m/%Y %H:%M") == "15/05/2019 01:30"  # stored in UTC
    assert article.first_published_at == article.display_date
    assert sorted(t.name for t in article.tags.all()) == ["CCHC", "sơ kết"]
    assert article.main_image is not None and article.main_image_caption == "Quang cảnh hội nghị"
    body = str(article.body)
    assert "<script" not in body and "onclick" not in body and "style=" not in body and "javascript:" not in body
    assert "<b>chính</b>" in body and 'href="https://chinhphu.vn"' in body

    older = NewsPage.objects.get(legacy_url=ROWS[1]["old_url"])
    assert older.legacy_view_count == 87 and older.summary == older.title
    assert older.pk < article.pk, "articles are created in the old portal's publishing order"

    response = client.get("/tin-tuc/cai-cach/2019/05/hoi-nghi-cchc-123.html")
    assert response.status_code == 301 and response["Location"].endswith(article.url)
    html = client.get(article.url).content.decode()
    assert "Hội nghị sơ kết cải cách hành chính năm 2019" in html and "15/05/2019" in html


def test_rerun_changes_nothing_and_an_edit_updates_in_place(tree, export, capsys):
    run(export, capsys)
    revisions = Revision.objects.count()
    out, _err, _failure = run(export, capsys)
    assert "Mới: 0, cập nhật: 0, không đổi: 2" in out
    assert NewsPage.objects.count() == 2 and Redirect.objects.count() == 2
    assert Revision.objects.count() == revisions

    rows = [dict(ROWS[1], title="Đối thoại doanh nghiệp 2018 (cập nhật)")]
    export.write_text(json.dumps(rows[0], ensure_ascii=False), encoding="utf-8")
    call_command("import_legacy", str(export))
    assert NewsPage.objects.count() == 2
    assert NewsPage.objects.get(legacy_url=ROWS[1]["old_url"]).title == "Đối thoại doanh nghiệp 2018 (cập nhật)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "ok", "old_url": "/a"}\n{not json}\n', "Dòng 2 không phải JSON hợp lệ"),
        ("[1, 2, 3]\n", "Dòng 1 không phải một đối tượng JSON"),
        ("\n\n", "không có dòng dữ liệu"),
    ],
)
def test_a_file_that_is_not_json_lines_imports_nothing(tree, tmp_path, content, message):
    path = tmp_path / "broken.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_legacy", str(path))
    assert NewsPage.objects.count() == 0


def test_missing_file_is_reported(tree, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_legacy", str(tmp_path / "none.jsonl"))


def test_legacy_rows_with_nul_are_reported_by_line_and_key(tree, tmp_path, capsys):
    good = {"old_url": "/a/1.html", "category": "cchc", "title": "Tin tốt", "published": "01/02/2020"}
    bad = {
        "old_url": "/a/2.html",
        "category": "cchc",
        "title": "Tin\u0000 hỏng",
        "published": "01/02/2020",
        "images": [{"src": "a.jpg", "caption": "Ảnh\u0000"}],
    }
    path = tmp_path / "cu.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 dòng không nhập được"):
        call_command("import_legacy", str(path))
    assert "Dòng 2: bỏ qua: ký tự không lưu được: images[1].caption (U+0000), title (U+0000)" in capsys.readouterr().err
    assert list(NewsPage.objects.values_list("title", flat=True)) == ["Tin tốt"]
