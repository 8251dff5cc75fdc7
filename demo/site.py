"""Demo content shared by every section: site, settings, users, standard pages and images.

All of it is original text written for this project, and the images are drawn here (no third-party media).
"""

import io
import math

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from portal.models import HomePage, SiteSettings, StandardPage
from portal.names import split_full_name
from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, role_group
from portal.sites import configured_address, sync_default_site

DEMO_PASSWORD = "Demo@2026"
DEMO_USERS = [
    ("admin", "Phạm Minh Tuấn", ADMINS, True),
    ("bientap", "Nguyễn Thị Thu Hà", EDITORS, False),
    ("duyet", "Trần Văn Dũng", MODERATORS, False),
    ("cchc", "Lê Thị Mai Anh", REFORM_OFFICE, False),
]

PALETTES = [
    ((13, 44, 84), (22, 110, 160)),
    ((179, 0, 27), (242, 150, 60)),
    ((20, 100, 60), (120, 190, 90)),
    ((90, 40, 120), (200, 120, 180)),
    ((30, 30, 30), (120, 140, 160)),
]


def demo_image(title, seed, size=(1200, 675)):
    """A generated illustration (gradient and shapes), so demo content carries no licensed media."""
    ImageModel = get_image_model()
    existing = ImageModel.objects.filter(title=title).first()
    if existing:
        return existing
    start, end = PALETTES[seed % len(PALETTES)]
    width, height = size
    img = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for x in range(width):
        t = x / width
        colour = tuple(int(start[i] + (end[i] - start[i]) * t) for i in range(3))
        draw.line([(x, 0), (x, height)], fill=colour)
    for i in range(6):
        angle = (seed * 37 + i * 60) % 360
        cx = width / 2 + math.cos(math.radians(angle)) * width * 0.3
        cy = height / 2 + math.sin(math.radians(angle)) * height * 0.3
        r = 40 + (seed * 13 + i * 29) % 120
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255), width=4)
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=82)
    return ImageModel.objects.create(title=title, file=ImageFile(buffer, name=f"demo-{seed}.jpg"))


def child(parent, model, slug, **fields):
    """Create a page under `parent` once; a re-run finds it by slug and leaves editors' changes alone."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_home():
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        home = HomePage(
            title="Trang chủ",
            slug="trang-chu",
            intro="<p>Cổng thông tin cải cách hành chính của tỉnh: tra cứu thủ tục hành chính, văn bản chỉ đạo, "
            "tin tức và kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp.</p>",
            sidebar=[
                (
                    "contact",
                    {
                        "heading": "Liên hệ",
                        "organisation": "Văn phòng UBND tỉnh",
                        "address": "Số 1 đường Trần Hưng Đạo, phường Trung tâm",
                        "phone": "0200 3 812 345",
                        "hotline": "1022",
                        "email": "cchc@example.gov.vn",
                    },
                ),
                (
                    "links",
                    {
                        "heading": "Liên kết",
                        "links": [
                            {
                                "title": "Cổng Dịch vụ công quốc gia",
                                "url": "https://dichvucong.gov.vn",
                                "page": None,
                                "image": None,
                            },
                            {
                                "title": "Cổng thông tin điện tử Chính phủ",
                                "url": "https://chinhphu.vn",
                                "page": None,
                                "image": None,
                            },
                        ],
                    },
                ),
                (
                    "map",
                    {
                        "heading": "Bản đồ hành chính",
                        "url": "https://www.openstreetmap.org",
                        "description": "Bản đồ các xã, phường sau sắp xếp đơn vị hành chính năm 2025.",
                        "image": None,
                    },
                ),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = configured_address()
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Cổng CCHC")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.depth == 2 and not old_root.get_children().exists() and old_root.specific_class is Page:
            old_root.delete()
    sync_default_site()
    site.refresh_from_db()
    if not site.site_name:  # the admin names the site this way on the dashboard, else by its host name
        site.site_name = "Cổng CCHC"
        site.save(update_fields=["site_name"])
    return home, site


def load_site(home, site):
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "portal_name": "Cổng thông tin cải cách hành chính tỉnh",
            "owning_agency": "Văn phòng Ủy ban nhân dân tỉnh",
            "address": "Số 1 đường Trần Hưng Đạo, phường Trung tâm, tỉnh",
            "phone": "0200 3 812 345",
            "hotline": "1022",
            "email": "cchc@example.gov.vn",
            "responsible_person": "Chánh Văn phòng UBND tỉnh",
            "licence": "Giấy phép số 12/GP-TTĐT do Sở Khoa học và Công nghệ cấp (dữ liệu mẫu)",
            "footer": "<p>Ghi rõ nguồn “Cổng thông tin cải cách hành chính tỉnh” khi phát hành lại thông tin từ cổng.</p>",
            "legacy_visit_count": 40_528_527,
        },
    )
    pages = [
        (
            "gioi-thieu",
            "Giới thiệu",
            "Chức năng, nhiệm vụ của cổng và cơ quan chủ quản.",
            [
                ("heading", {"text": "Về cổng thông tin", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Cổng thông tin cải cách hành chính là kênh chính thức để Ủy ban nhân dân tỉnh công khai thủ tục "
                    "hành chính, văn bản chỉ đạo và kết quả giải quyết hồ sơ. Từ năm 2025, Văn phòng UBND tỉnh tiếp nhận "
                    "vận hành cổng từ Sở Thông tin và Truyền thông (nay hợp nhất vào Sở Khoa học và Công nghệ).</p>",
                ),
                ("heading", {"text": "Nhiệm vụ", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Công khai đầy đủ, kịp thời thủ tục hành chính thuộc thẩm quyền của tỉnh và xã.</li>"
                    "<li>Đăng tải văn bản chỉ đạo, điều hành về cải cách hành chính.</li>"
                    "<li>Công bố số liệu giải quyết hồ sơ và chỉ số phục vụ người dân, doanh nghiệp.</li></ul>",
                ),
            ],
        ),
        (
            "lien-he",
            "Liên hệ",
            "Địa chỉ, điện thoại và thư điện tử để người dân, doanh nghiệp liên hệ.",
            [
                (
                    "paragraph",
                    "<p>Mọi phản ánh, kiến nghị về quy định hành chính xin gửi về Văn phòng UBND tỉnh (Phòng Kiểm soát "
                    "thủ tục hành chính) qua thư điện tử cchc@example.gov.vn hoặc đường dây nóng 1022.</p>",
                ),
                (
                    "table",
                    {
                        "data": [
                            ["Bộ phận", "Điện thoại", "Thư điện tử"],
                            ["Phòng Kiểm soát TTHC", "0200 3 812 346", "ksttc@example.gov.vn"],
                            ["Trung tâm Phục vụ hành chính công", "0200 3 812 347", "ttpvhcc@example.gov.vn"],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                ),
            ],
        ),
        (
            "tiep-can-thong-tin",
            "Tiếp cận thông tin",
            "Đầu mối cung cấp thông tin theo Luật Tiếp cận thông tin.",
            [
                (
                    "paragraph",
                    "<p>Công dân có quyền yêu cầu cung cấp thông tin do cơ quan nhà nước tạo ra. Yêu cầu gửi trực tiếp, "
                    "qua bưu chính hoặc thư điện tử tới Văn phòng UBND tỉnh; thông tin được cung cấp trong thời hạn luật định.</p>",
                ),
            ],
        ),
    ]
    for slug, title, intro, body in pages:
        child(home, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=slug != "tiep-can-thong-tin")


def load_users():
    """Demo accounts, named in Vietnamese order (see portal/names.py for how names are stored)."""
    User = get_user_model()
    for username, full_name, role, superuser in DEMO_USERS:
        family_and_middle, given = split_full_name(full_name)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.gov.vn", "is_superuser": superuser, "is_staff": superuser},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        if created or (user.first_name, user.last_name) != (family_and_middle, given):
            user.first_name, user.last_name = family_and_middle, given
            user.save()
        user.groups.add(role_group(role))
