"""The abbreviations and everyday phrasing citizens use (DOMAIN.md); editors maintain them afterwards.
Editors, moderators and the reform office may read the search report."""

from django.db import migrations

SYNONYMS = [
    ("TTHC, thủ tục hành chính", ""),
    ("CCHC, cải cách hành chính", ""),
    ("DVC, dịch vụ công", ""),
    ("DVCTT, dịch vụ công trực tuyến", ""),
    ("UBND, Ủy ban nhân dân, Uỷ ban nhân dân", "hai cách bỏ dấu"),
    ("HĐND, Hội đồng nhân dân", ""),
    ("CCCD, căn cước công dân, thẻ căn cước, căn cước", ""),
    ("CMND, chứng minh nhân dân, chứng minh thư", ""),
    ("GPXD, giấy phép xây dựng, phép xây dựng", ""),
    ("ĐKKD, đăng ký kinh doanh", ""),
    ("HKD, hộ kinh doanh", ""),
    ("DN, doanh nghiệp, công ty", ""),
    ("MST, mã số thuế", ""),
    ("QSDĐ, quyền sử dụng đất", ""),
    ("GCN, giấy chứng nhận", ""),
    ("sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất", "cách nói thường ngày"),
    ("GPLX, giấy phép lái xe, bằng lái xe, bằng lái", ""),
    ("LLTP, lý lịch tư pháp", ""),
    ("BHXH, bảo hiểm xã hội", ""),
    ("BHYT, bảo hiểm y tế", ""),
    ("BHTN, bảo hiểm thất nghiệp", ""),
    ("PCCC, phòng cháy chữa cháy, phòng cháy, chữa cháy", ""),
    ("PAKN, phản ánh kiến nghị", ""),
    ("VBQPPL, văn bản quy phạm pháp luật", ""),
    ("QĐ, quyết định", ""),
    ("NĐ, nghị định", ""),
    ("TT, thông tư", ""),
    ("NQ, nghị quyết", ""),
    ("CV, công văn", ""),
    ("TTPVHCC, Trung tâm Phục vụ hành chính công, bộ phận một cửa, một cửa", ""),
    ("VPĐKĐĐ, Văn phòng đăng ký đất đai", ""),
    ("xây nhà, xây dựng nhà ở, xây dựng nhà", "cách nói thường ngày"),
    ("xin giấy phép, cấp giấy phép", "cách nói thường ngày"),
    ("làm giấy khai sinh, đăng ký khai sinh, khai sinh", "cách nói thường ngày"),
    ("làm giấy chứng tử, khai tử, đăng ký khai tử", "cách nói thường ngày"),
    ("làm hộ chiếu, cấp hộ chiếu", "cách nói thường ngày"),
    ("làm căn cước, cấp thẻ căn cước, cấp căn cước", "cách nói thường ngày"),
    ("đổi bằng lái, đổi giấy phép lái xe", "cách nói thường ngày"),
    ("đăng ký kết hôn, làm giấy kết hôn, giấy đăng ký kết hôn", "cách nói thường ngày"),
    ("mở công ty, thành lập doanh nghiệp, đăng ký thành lập doanh nghiệp", "cách nói thường ngày"),
    ("mở cửa hàng, thành lập hộ kinh doanh, đăng ký hộ kinh doanh", "cách nói thường ngày"),
    ("nhập hộ khẩu, đăng ký thường trú", "cách nói thường ngày"),
    ("đăng ký tạm vắng, khai báo tạm vắng", "cách nói thường ngày"),
    ("tách thửa, tách sổ, chia tách thửa đất", "cách nói thường ngày"),
    ("sang tên sổ đỏ, đăng ký biến động đất đai, chuyển nhượng quyền sử dụng đất", "cách nói thường ngày"),
    ("trợ cấp thất nghiệp, bảo hiểm thất nghiệp", "cách nói thường ngày"),
    ("công chứng, chứng thực", "cách nói thường ngày"),
    ("xác nhận độc thân, xác nhận tình trạng hôn nhân", "cách nói thường ngày"),
]
REPORT_READERS = ["Biên tập viên", "Người duyệt", "Cán bộ CCHC"]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="querylog")
    report, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_search_report", defaults={"name": "Xem thống kê tìm kiếm"}
    )
    synonym_type, _ = ContentType.objects.get_or_create(app_label="search", model="synonym")
    manage = [
        Permission.objects.get_or_create(content_type=synonym_type, codename=f"{action}_synonym", defaults={"name": action})[0]
        for action in ("add", "change", "delete", "view")
    ]
    for name in REPORT_READERS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(report)
        if name != "Cán bộ CCHC":
            group.permissions.add(*manage)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_text_indexes"),
        ("portal", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
