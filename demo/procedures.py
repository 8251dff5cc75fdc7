"""Demo agencies: names follow the 2025 merged structure; contacts are invented for testing."""

import datetime

from demo.procedure_forms import attach_demo_forms
from demo.procedures_data import DECISIONS, FIELDS, PROCEDURES
from demo.site import child
from procedures.exchange.importer import write_records
from procedures.exchange.records import Record
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


APPLICANTS = {
    "business": [("DN", "Doanh nghiệp"), ("TC", "Tổ chức")],
    "household": [("CD", "Công dân Việt Nam"), ("HKD", "Hộ kinh doanh")],
    "organisation": [("TC", "Tổ chức")],
    "citizen": [("CD", "Công dân Việt Nam"), ("NNN", "Người nước ngoài")],
}
BUSINESS_FIELDS = {"DN", "DT", "HTX", "LT", "DL", "NN", "MT", "TNN", "DUOC", "DLICH"}
ORGANISATION_FIELDS = {"TCPCP", "TDKT", "PBGD", "KHCN", "BCVT"}
KEYWORDS = {
    "khai sinh": "làm giấy khai sinh, khai sinh cho con",
    "kết hôn": "đăng ký kết hôn, giấy đăng ký kết hôn",
    "giấy phép xây dựng": "GPXD, xin giấy phép xây nhà, xây dựng",
    "lý lịch tư pháp": "LLTP, phiếu lý lịch tư pháp",
    "căn cước": "CCCD, thẻ căn cước công dân, CMND",
    "lái xe": "GPLX, bằng lái xe",
    "quyền sử dụng đất": "QSDĐ, sổ đỏ, GCN",
    "hộ kinh doanh": "HKD, ĐKKD, đăng ký kinh doanh",
    "doanh nghiệp": "DN, ĐKKD, đăng ký kinh doanh, thành lập công ty",
    "bảo hiểm": "BHXH, BHYT",
    "thất nghiệp": "BHTN, trợ cấp thất nghiệp",
    "phòng cháy": "PCCC",
    "chứng thực": "công chứng, sao y",
    "thường trú": "hộ khẩu, nhập khẩu",
}
SPECIAL_CODES = {"Đăng ký khai sinh": "1.001193"}
RELATED = {"Đăng ký khai sinh": ["Đăng ký thường trú", "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"]}
COMMUNES = [("UBND-PTT", "UBND phường Trung tâm"), ("UBND-XSC", "UBND xã Sông Cầu")]
ONLINE_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"


def _applicants(field):
    if field in BUSINESS_FIELDS:
        return APPLICANTS["business"]
    if field == "HKD":
        return APPLICANTS["household"]
    if field in ORGANISATION_FIELDS:
        return APPLICANTS["organisation"]
    return APPLICANTS["citizen"]


def _steps(name, level, online):
    office = "Bộ phận Một cửa Ủy ban nhân dân cấp xã" if level == "XA" else "Trung tâm Phục vụ hành chính công tỉnh"
    steps = [
        ("", "Chuẩn bị và nộp hồ sơ", f"Người yêu cầu chuẩn bị hồ sơ {name[:1].lower() + name[1:]} và nộp tại {office}"
         + (" hoặc trực tuyến trên Cổng Dịch vụ công quốc gia." if online != "none" else ".")),
        ("", "Tiếp nhận và kiểm tra hồ sơ", "Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ; hồ sơ chưa đầy đủ được hướng dẫn bổ sung một lần bằng văn bản."),
        ("", "Giải quyết", "Cơ quan có thẩm quyền thẩm định, xem xét và quyết định; trường hợp từ chối phải trả lời bằng văn bản, nêu rõ lý do."),
        ("", "Trả kết quả", f"Kết quả được trả tại {office}, qua dịch vụ bưu chính hoặc bản điện tử trên tài khoản của người yêu cầu."),
    ]  # fmt: skip
    return steps


def _channels(level, online, time, fee):
    amount, unit = time
    time_amount = None if unit == "immediate" else amount
    fee_amount, fee_unit = fee if fee else (None, "")
    fee_amount = fee_amount or None
    rows = [
        ("in_person", "", time_amount, unit, "Kể từ khi nhận đủ hồ sơ hợp lệ.", fee_amount, fee_unit if fee_amount else "", "")
    ]
    if online != "none":
        online_fee = fee_amount // 2 if fee_amount and fee_amount >= 10000 else fee_amount
        note = "Giảm 50% mức thu khi nộp trực tuyến." if online_fee != fee_amount else ""
        rows.append(
            (
                "online",
                "",
                time_amount,
                unit,
                "Kể từ khi hồ sơ trực tuyến được tiếp nhận.",
                online_fee,
                fee_unit if online_fee else "",
                note,
            )
        )
    if level == "TINH":
        rows.append(
            ("post", "", time_amount, unit, "Không tính thời gian chuyển phát.", fee_amount, fee_unit if fee_amount else "", "")
        )
    return rows


def _dossier(items):
    """Copies for "Bản sao …" documents, originals otherwise; documents "theo mẫu" name their form."""
    rows = []
    for item in items:
        copy = item.startswith("Bản sao")
        rows.append(("", item, 0 if copy else 1, 1 if copy else 0, item if "mẫu" in item.lower() else ""))
    return rows


def build_records(agencies):
    names = {}
    records = []
    for number, (name, field, level, online, four, time, fee, dossier, result) in enumerate(PROCEDURES, start=1):
        field_name, manager, legal, default_time, default_fee, default_dossier = FIELDS[field]
        code = SPECIAL_CODES.get(name, f"{1 if level == 'XA' else 2}.9{number:05d}")
        names[name] = code
        keywords = ", ".join(value for key, value in KEYWORDS.items() if key in name.lower())
        implementing = COMMUNES if level == "XA" else [(manager, agencies[manager])]
        records.append(
            Record(
                code=code,
                name=name,
                agency=(manager, agencies[manager]),
                procedure_type="Thủ tục hành chính được công bố",
                decision_number=DECISIONS.get(field, ""),
                keywords=keywords,
                description=f"Thủ tục thuộc lĩnh vực {field_name.lower()}, thực hiện tại {'cấp xã' if level == 'XA' else 'cấp tỉnh'}.",
                levels=[("XA", "Cấp Xã")] if level == "XA" else [("TINH", "Cấp Tỉnh")],
                fields=[(field, field_name)],
                applicants=_applicants(field),
                implementing=implementing,
                authorised=agencies[manager] if level == "TINH" else "Chủ tịch Ủy ban nhân dân cấp xã",
                where_to_submit=(
                    "Bộ phận Một cửa Ủy ban nhân dân cấp xã nơi cư trú"
                    if level == "XA"
                    else "Trung tâm Phục vụ hành chính công tỉnh, số 1 đường Trần Hưng Đạo, phường Trung tâm"
                ),
                requirements="Hồ sơ, giấy tờ nộp phải còn hiệu lực.\nThông tin kê khai phải trung thực; người yêu cầu chịu trách nhiệm về nội dung kê khai.",
                online_level=online,
                online_url=ONLINE_URL.format(code=code) if online != "none" else "",
                four_on_the_spot=four,
                inter_agency=name in RELATED,
                steps=_steps(name, level, online),
                channels=_channels(level, online, time or default_time, fee if fee is not None else default_fee),
                dossier=_dossier(
                    dossier or [f"Đơn (tờ khai) đề nghị {name[:1].lower() + name[1:]} theo mẫu", *default_dossier[1:]]
                ),
                results=[result],
                legal_bases=[(n, t, _date(d), i) for n, t, d, i in legal],
                related=[],
            )
        )
    for record in records:
        record.related = [names[other] for other in RELATED.get(record.name, [])]
    return records


def _date(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


def load_procedures(index):
    agencies = {a.short_name: a.title for a in AgencyPage.objects.child_of(index)}
    result = write_records(build_records(agencies), index)
    attach_demo_forms(index)
    return result
