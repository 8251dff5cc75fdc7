"""Demo organisation (clearly sample data: invented people, example.gov.vn addresses) and the English version:
the provincial office and six agencies with named officials and departments, the organisation chart and
contact pages, the English home, introduction, chart and contacts, and links to other portals."""

from wagtail.models import Locale

from demo.site import child
from portal.models import SiteSettings, StandardPage
from procedures.models import AgencyPage, AgencyType, ContactPage, Department, Official, OrganisationChartPage

HOURS = "Thứ Hai – Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00"
HOURS_EN = "Monday – Friday: 7:30–11:30 and 13:30–17:00"
MAP = "https://www.openstreetmap.org/search?query={}"

OFFICE = {
    "slug": "van-phong-ubnd-tinh",
    "title": "Văn phòng Ủy ban nhân dân tỉnh",
    "short_name": "VP-UBND",
    "name_en": "Office of the Provincial People's Committee",
    "description": "<p>Tham mưu, giúp việc cho UBND tỉnh; kiểm soát thủ tục hành chính; vận hành cổng thông tin.</p>",
    "description_en": "<p>Advises and assists the Provincial People's Committee, controls administrative procedures "
    "and runs this portal.</p>",
}

# short name → (English name, English functions, officials, departments); officials: (name, title, English title,
# leader, handles, English handles)
PEOPLE = {
    "VP-UBND": (
        [
            ("Hoàng Văn Thành", "Chánh Văn phòng", "Chief of Office", True, "Điều hành chung", "General management"),
            (
                "Đỗ Thị Lan",
                "Phó Chánh Văn phòng",
                "Deputy Chief of Office",
                True,
                "Cải cách hành chính, kiểm soát TTHC",
                "Administrative reform, procedure control",
            ),
            (
                "Vũ Minh Khoa",
                "Chuyên viên Phòng Kiểm soát TTHC",
                "Officer, Procedure Control Division",
                False,
                "Phản ánh, kiến nghị về quy định hành chính",
                "Feedback on administrative regulations",
            ),
        ],
        [
            (
                "Phòng Kiểm soát thủ tục hành chính",
                "Administrative Procedure Control Division",
                "Công bố, rà soát thủ tục hành chính; tiếp nhận phản ánh, kiến nghị.",
                "Publishes and reviews procedures; receives feedback.",
            ),
            (
                "Phòng Tổng hợp",
                "General Affairs Division",
                "Tổng hợp, báo cáo tình hình kinh tế – xã hội.",
                "Compiles socio-economic reports.",
            ),
        ],
    ),
    "STP": (
        [
            ("Nguyễn Văn An", "Giám đốc", "Director", True, "Điều hành chung", "General management"),
            (
                "Lê Thị Hồng",
                "Phó Giám đốc",
                "Deputy Director",
                True,
                "Hộ tịch, quốc tịch, chứng thực",
                "Civil status, nationality, certification",
            ),
            ("Trần Thị Bình", "Chuyên viên", "Officer", False, "Lý lịch tư pháp", "Criminal record certificates"),
        ],
        [
            (
                "Phòng Hành chính tư pháp",
                "Administrative Justice Division",
                "Hộ tịch, quốc tịch, chứng thực.",
                "Civil status, nationality, certification.",
            ),
            (
                "Phòng Bổ trợ tư pháp",
                "Judicial Support Division",
                "Luật sư, công chứng, giám định.",
                "Lawyers, notaries, forensic examination.",
            ),
        ],
    ),
    "SXD": (
        [
            ("Phạm Quốc Hưng", "Giám đốc", "Director", True, "Điều hành chung", "General management"),
            ("Ngô Thị Thu", "Chuyên viên", "Officer", False, "Giấy phép xây dựng", "Building permits"),
        ],
        [
            (
                "Phòng Quản lý xây dựng",
                "Construction Management Division",
                "Cấp phép xây dựng, quản lý chất lượng.",
                "Building permits, quality control.",
            ),
            (
                "Phòng Giao thông",
                "Transport Division",
                "Đăng ký, cấp phép phương tiện giao thông.",
                "Vehicle registration and permits.",
            ),
        ],
    ),
    "STC": (
        [
            ("Bùi Thanh Tùng", "Giám đốc", "Director", True, "Điều hành chung", "General management"),
            (
                "Đinh Thị Ngọc",
                "Chuyên viên",
                "Officer",
                False,
                "Đăng ký doanh nghiệp, đầu tư",
                "Business and investment registration",
            ),
        ],
        [
            (
                "Phòng Đăng ký kinh doanh",
                "Business Registration Division",
                "Đăng ký doanh nghiệp, hộ kinh doanh.",
                "Company and household business registration.",
            ),
        ],
    ),
    "SNV": (
        [
            (
                "Trịnh Văn Lâm",
                "Giám đốc",
                "Director",
                True,
                "Điều hành chung, cải cách hành chính",
                "General management, administrative reform",
            ),
            (
                "Mai Thị Hạnh",
                "Chuyên viên",
                "Officer",
                False,
                "Chỉ số cải cách hành chính, lao động – việc làm",
                "Reform index, labour and employment",
            ),
        ],
        [
            (
                "Phòng Cải cách hành chính",
                "Administrative Reform Division",
                "Theo dõi, đánh giá cải cách hành chính.",
                "Monitors and evaluates administrative reform.",
            ),
        ],
    ),
    "SYT": (
        [
            ("Lý Văn Phúc", "Giám đốc", "Director", True, "Điều hành chung", "General management"),
            ("Cao Thị Yến", "Chuyên viên", "Officer", False, "Hành nghề y, dược", "Medical and pharmacy licences"),
        ],
        [
            (
                "Phòng Nghiệp vụ Y",
                "Medical Affairs Division",
                "Cấp phép hành nghề, cơ sở khám chữa bệnh.",
                "Practice licences, clinics.",
            ),
        ],
    ),
    "TTPVHCC": (
        [
            ("Đặng Minh Quân", "Giám đốc", "Director", True, "Điều hành chung", "General management"),
            (
                "Hà Thị Thu Trang",
                "Viên chức",
                "Officer",
                False,
                "Tiếp nhận, trả kết quả hồ sơ; tra cứu tình trạng hồ sơ",
                "Receiving files and returning results; file status",
            ),
        ],
        [
            (
                "Bộ phận Tiếp nhận và Trả kết quả",
                "Reception and Results Desk",
                "Tiếp nhận hồ sơ của mọi sở, ngành.",
                "Receives files for every department.",
            ),
        ],
    ),
}

NAMES_EN = {
    "STP": "Department of Justice",
    "SXD": "Department of Construction",
    "STC": "Department of Finance",
    "SNV": "Department of Home Affairs",
    "SYT": "Department of Health",
    "TTPVHCC": "Public Administration Service Centre",
}

OTHER_PORTALS = [
    ("Cổng Dịch vụ công quốc gia", "National Public Service Portal", "https://dichvucong.gov.vn"),
    ("Cổng Thông tin điện tử Chính phủ", "Government Portal", "https://chinhphu.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National Database of Legal Documents", "https://vbpl.vn"),
]

INTRO_EN = [
    ("heading", {"text": "About this portal", "level": "h2"}),
    (
        "paragraph",
        "<p>The administrative reform portal is the Provincial People's Committee's official channel for "
        "publishing administrative procedures, policy documents and the results of handling citizens' files. "
        "Since 2025 it has been run by the Office of the Provincial People's Committee.</p>",
    ),
    (
        "paragraph",
        "<p>Information in English covers the organisation, contacts and how to find a procedure; "
        "procedures themselves are published in Vietnamese.</p>",
    ),
]


def _office(index):
    office, _ = child(
        index,
        AgencyPage,
        OFFICE["slug"],
        title=OFFICE["title"],
        short_name=OFFICE["short_name"],
        agency_type=AgencyType.PROVINCIAL_COMMITTEE,
        address="Số 1 đường Trần Hưng Đạo, phường Trung tâm",
        phone="0200 3 812 345",
        email="vpubnd@example.gov.vn",
        description=OFFICE["description"],
        name_en=OFFICE["name_en"],
        description_en=OFFICE["description_en"],
    )
    return office


def load_people(index):
    """Officials, departments, hours and map links, once per agency (a re-run leaves editors' changes)."""
    _office(index)
    agencies = {agency.short_name: agency for agency in AgencyPage.objects.child_of(index)}
    filled = 0
    for short_name, (officials, departments) in PEOPLE.items():
        agency = agencies.get(short_name)
        if agency is None or agency.officials.exists():
            continue
        agency.name_en = agency.name_en or NAMES_EN.get(short_name, "")
        agency.opening_hours, agency.opening_hours_en = HOURS, HOURS_EN
        agency.map_url = MAP.format(agency.address.replace(" ", "+")) if agency.address else ""
        for position, (name, title, title_en, leader, handles, handles_en) in enumerate(officials):
            login = short_name.lower().replace("-", "")
            agency.officials.add(
                Official(
                    sort_order=position,
                    name=name,
                    job_title=title,
                    job_title_en=title_en,
                    leader=leader,
                    phone=f"0200 3 9{len(short_name)}{position} 1{position}{len(name) % 10}",
                    email=f"{login}.{position + 1}@example.gov.vn",
                    handles=handles,
                    handles_en=handles_en,
                )
            )
        for position, (name, name_en, duties, duties_en) in enumerate(departments):
            agency.departments.add(
                Department(sort_order=position, name=name, name_en=name_en, duties=duties, duties_en=duties_en)
            )
        agency.save_revision().publish()
        filled += 1
    return filled


def _translate(page, locale, **fields):
    """The English version of `page`, made once through Wagtail's translation copy and published."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def load_english(home):
    SiteSettings.objects.filter(site__root_page=home).update(
        other_portals=[("portal", {"name": n, "name_en": e, "url": u}) for n, e, u in OTHER_PORTALS]
    )
    chart, _ = child(
        home,
        OrganisationChartPage,
        "so-do-to-chuc",
        title="Sơ đồ tổ chức",
        intro="<p>Cơ cấu tổ chức của UBND tỉnh sau sắp xếp năm 2025: văn phòng, các sở, ban, ngành và lãnh đạo.</p>",
        show_in_menus=True,
    )
    contacts, _ = child(
        home,
        ContactPage,
        "danh-ba",
        title="Danh bạ cán bộ đầu mối",
        intro="<p>Ai trả lời việc gì: lãnh đạo và cán bộ đầu mối của từng cơ quan, điện thoại và thư điện tử.</p>",
    )
    locale, _ = Locale.objects.get_or_create(language_code="en")
    _translate(
        home,
        locale,
        title="Home",
        intro="<p>The province's administrative reform portal: who we are, how we are organised and whom to contact. "
        '<a href="/en/tra-cuu-thu-tuc/">Find an administrative procedure</a> (procedures are published in Vietnamese).</p>',
    )
    intro = StandardPage.objects.child_of(home).filter(slug="gioi-thieu").first()
    if intro is not None:
        _translate(intro, locale, title="Introduction", intro="What the portal and its owning agency do.", body=INTRO_EN)
    _translate(
        chart,
        locale,
        title="Organisation chart",
        intro="<p>The Provincial People's Committee after the 2025 reorganisation: its office, departments and leaders.</p>",
    )
    _translate(
        contacts,
        locale,
        title="Contacts",
        intro="<p>Who answers what: leaders and contact officials of every agency, with phone numbers and e-mail.</p>",
        show_in_menus=True,
    )
    return 4
