"""Demo agencies: names follow the 2025 merged structure; contacts are invented for testing."""

from portal.demo import child
from procedures.models import AgencyPage, AgencyType, ProcedureIndexPage

AGENCIES = [
    (
        "so-tu-phap",
        "Sở Tư pháp",
        "STP",
        AgencyType.DEPARTMENT,
        "Quản lý hộ tịch, lý lịch tư pháp, chứng thực, phổ biến giáo dục pháp luật.",
    ),
    (
        "so-xay-dung",
        "Sở Xây dựng",
        "SXD",
        AgencyType.DEPARTMENT,
        "Quản lý xây dựng, quy hoạch, nhà ở, giao thông vận tải (sau hợp nhất).",
    ),
    (
        "so-tai-chinh",
        "Sở Tài chính",
        "STC",
        AgencyType.DEPARTMENT,
        "Tài chính, ngân sách, kế hoạch, đầu tư và đăng ký kinh doanh (sau hợp nhất).",
    ),
    (
        "so-nong-nghiep-va-moi-truong",
        "Sở Nông nghiệp và Môi trường",
        "SNNMT",
        AgencyType.DEPARTMENT,
        "Đất đai, môi trường, tài nguyên, nông nghiệp và phát triển nông thôn.",
    ),
    (
        "so-noi-vu",
        "Sở Nội vụ",
        "SNV",
        AgencyType.DEPARTMENT,
        "Tổ chức bộ máy, công chức, thi đua khen thưởng, lao động và việc làm.",
    ),
    ("so-y-te", "Sở Y tế", "SYT", AgencyType.DEPARTMENT, "Y tế, dược, bảo trợ xã hội (sau hợp nhất)."),
    (
        "so-giao-duc-va-dao-tao",
        "Sở Giáo dục và Đào tạo",
        "SGDDT",
        AgencyType.DEPARTMENT,
        "Giáo dục mầm non, phổ thông, thường xuyên và văn bằng, chứng chỉ.",
    ),
    (
        "so-khoa-hoc-va-cong-nghe",
        "Sở Khoa học và Công nghệ",
        "SKHCN",
        AgencyType.DEPARTMENT,
        "Khoa học, công nghệ, chuyển đổi số, bưu chính, viễn thông (sau hợp nhất).",
    ),
    (
        "so-cong-thuong",
        "Sở Công Thương",
        "SCT",
        AgencyType.DEPARTMENT,
        "Công nghiệp, thương mại, năng lượng, an toàn thực phẩm trong lĩnh vực công thương.",
    ),
    (
        "so-van-hoa-the-thao-va-du-lich",
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
        AgencyType.DEPARTMENT,
        "Văn hóa, gia đình, thể thao, du lịch, báo chí, xuất bản.",
    ),
    (
        "cong-an-tinh",
        "Công an tỉnh",
        "CAT",
        AgencyType.CENTRAL,
        "Cư trú, căn cước, xuất nhập cảnh, phòng cháy chữa cháy, giấy phép lái xe.",
    ),
    (
        "bao-hiem-xa-hoi-tinh",
        "Bảo hiểm xã hội tỉnh",
        "BHXH",
        AgencyType.CENTRAL,
        "Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp.",
    ),
    (
        "trung-tam-phuc-vu-hanh-chinh-cong",
        "Trung tâm Phục vụ hành chính công",
        "TTPVHCC",
        AgencyType.SERVICE_CENTRE,
        "Tiếp nhận, trả kết quả hồ sơ theo cơ chế một cửa, một cửa liên thông.",
    ),
    (
        "ubnd-phuong-trung-tam",
        "UBND phường Trung tâm",
        "UBND-PTT",
        AgencyType.COMMUNE,
        "Giải quyết thủ tục hành chính cấp xã trên địa bàn phường.",
    ),
    (
        "ubnd-xa-song-cau",
        "UBND xã Sông Cầu",
        "UBND-XSC",
        AgencyType.COMMUNE,
        "Giải quyết thủ tục hành chính cấp xã trên địa bàn xã.",
    ),
]


def load_agencies(home):
    index, _ = child(
        home,
        ProcedureIndexPage,
        "thu-tuc-hanh-chinh",
        title="Thủ tục hành chính",
        intro="Tra cứu thủ tục hành chính theo cơ quan, lĩnh vực và cấp thực hiện.",
        show_in_menus=True,
    )
    for number, (slug, name, short_name, agency_type, description) in enumerate(AGENCIES, start=1):
        child(
            index,
            AgencyPage,
            slug,
            title=name,
            short_name=short_name,
            agency_type=agency_type,
            address=f"Số {number * 7} đường Lê Lợi, phường Trung tâm",
            phone=f"0200 3 8{number:02d} 100",
            email=f"{slug}@example.gov.vn",
            head="(dữ liệu mẫu)",
            head_title="Giám đốc" if agency_type == AgencyType.DEPARTMENT else "Người đứng đầu",
            description=f"<p>{description}</p>",
        )
    return index, len(AGENCIES)
