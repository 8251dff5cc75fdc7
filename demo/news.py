"""Demo news and legal documents: original text written for this project."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model

from demo.site import child, demo_image
from news.models import DecisionFile, DecisionPage, DocumentIndexPage, DocumentType, NewsIndexPage, NewsPage
from portal.text import slugify

CATEGORIES = [
    (
        "thong-tin-cai-cach-hanh-chinh",
        "Thông tin cải cách hành chính",
        "Hoạt động cải cách hành chính của tỉnh và các xã, phường.",
    ),
    ("tin-kinh-te", "Tin kinh tế", "Môi trường đầu tư, kinh doanh và hỗ trợ doanh nghiệp."),
    ("tin-chinh-tri", "Tin chính trị", "Hoạt động chỉ đạo, điều hành của lãnh đạo tỉnh."),
    ("chuyen-doi-so", "Chuyển đổi số", "Dịch vụ công trực tuyến, số hóa hồ sơ và chính quyền số."),
]

ARTICLES = {
    "thong-tin-cai-cach-hanh-chinh": [
        (
            "Tỉnh đạt tỷ lệ hồ sơ giải quyết đúng hạn trên 98% trong quý III",
            "Kết quả giải quyết hồ sơ quý III cho thấy các sở, ngành và xã duy trì tỷ lệ đúng hạn cao, số hồ sơ trễ hạn giảm mạnh so với cùng kỳ.",
            ["tiến độ giải quyết", "hồ sơ đúng hạn"],
        ),
        (
            "Trung tâm Phục vụ hành chính công mở rộng mô hình “4 tại chỗ”",
            "Thêm 35 thủ tục được tiếp nhận, thẩm định, phê duyệt và trả kết quả ngay tại Trung tâm, rút ngắn thời gian đi lại của người dân.",
            ["4 tại chỗ", "Trung tâm Phục vụ hành chính công"],
        ),
        (
            "Công bố danh mục thủ tục hành chính mới trong lĩnh vực hộ tịch",
            "UBND tỉnh ban hành quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch áp dụng thống nhất tại các xã, phường.",
            ["hộ tịch", "công bố thủ tục"],
        ),
        (
            "Rà soát, cắt giảm thời gian giải quyết 120 thủ tục hành chính",
            "Các sở, ngành đề xuất cắt giảm từ 20% đến 30% thời gian giải quyết đối với nhóm thủ tục liên quan đến đầu tư, xây dựng và đất đai.",
            ["cắt giảm thủ tục"],
        ),
        (
            "Khảo sát sự hài lòng của người dân năm nay bắt đầu từ tháng 9",
            "Phiếu khảo sát được phát tại bộ phận một cửa và trực tuyến, tập trung vào thái độ phục vụ của công chức và thời gian trả kết quả.",
            ["SIPAS", "mức độ hài lòng"],
        ),
        (
            "Xã, phường sau sắp xếp hoàn thiện bộ phận một cửa",
            "Các xã, phường mới đã bố trí đủ công chức tiếp nhận, trang bị máy quét để số hóa hồ sơ ngay khi tiếp nhận.",
            ["một cửa", "chính quyền hai cấp"],
        ),
        (
            "Tập huấn kiểm soát thủ tục hành chính cho cán bộ đầu mối",
            "Hơn 200 cán bộ đầu mối của sở, ngành và xã được hướng dẫn quy trình công bố, công khai và rà soát thủ tục.",
            ["kiểm soát thủ tục", "tập huấn"],
        ),
        (
            "Chấm điểm chỉ số cải cách hành chính các sở, ngành năm nay",
            "Hội đồng thẩm định công bố kết quả chấm điểm, ba đơn vị dẫn đầu được biểu dương tại hội nghị sơ kết.",
            ["PAR Index", "xếp hạng"],
        ),
        (
            "Người dân phản ánh, kiến nghị qua đường dây nóng 1022 được trả lời trong 5 ngày",
            "Văn phòng UBND tỉnh tổng hợp, chuyển xử lý và công khai kết quả trả lời các phản ánh liên quan đến quy định hành chính.",
            ["phản ánh kiến nghị", "1022"],
        ),
    ],
    "tin-kinh-te": [
        (
            "Rút ngắn thời gian đăng ký doanh nghiệp còn 2 ngày làm việc",
            "Sở Tài chính áp dụng tiếp nhận hồ sơ điện tử và trả kết quả qua bưu chính, giúp doanh nghiệp không phải đến trụ sở.",
            ["đăng ký kinh doanh", "doanh nghiệp"],
        ),
        (
            "Hội nghị đối thoại doanh nghiệp về thủ tục đất đai và xây dựng",
            "Lãnh đạo tỉnh trực tiếp trả lời 46 kiến nghị của doanh nghiệp; các vướng mắc được giao cho sở, ngành xử lý có thời hạn.",
            ["đối thoại doanh nghiệp", "đất đai"],
        ),
        (
            "Thu hút đầu tư vào các khu công nghiệp tăng mạnh",
            "Nhiều dự án mới được cấp chủ trương đầu tư nhờ quy trình thẩm định song song giữa các sở, ngành.",
            ["đầu tư"],
        ),
        (
            "Hộ kinh doanh được hướng dẫn đăng ký trực tuyến tại xã",
            "Công chức một cửa xã hỗ trợ hộ kinh doanh nộp hồ sơ đăng ký thành lập qua Cổng Dịch vụ công quốc gia.",
            ["hộ kinh doanh", "dịch vụ công trực tuyến"],
        ),
        (
            "Giảm phí, lệ phí khi nộp hồ sơ trực tuyến",
            "Nghị quyết của HĐND tỉnh quy định mức thu thấp hơn đối với hồ sơ nộp trực tuyến, khuyến khích người dân dùng dịch vụ công.",
            ["lệ phí", "dịch vụ công trực tuyến"],
        ),
        (
            "Doanh nghiệp đánh giá cao việc cấp giấy phép xây dựng đúng hẹn",
            "Kết quả khảo sát cho thấy thời gian cấp giấy phép xây dựng công trình đã giảm đáng kể so với năm trước.",
            ["GPXD", "giấy phép xây dựng"],
        ),
        (
            "Chỉ số năng lực cạnh tranh cấp tỉnh cải thiện ở chỉ số chi phí thời gian",
            "Doanh nghiệp ghi nhận thời gian làm thủ tục giảm, số lần thanh tra, kiểm tra trùng lặp giảm.",
            ["PCI", "môi trường kinh doanh"],
        ),
        (
            "Thanh toán trực tuyến nghĩa vụ tài chính về đất đai",
            "Người dân có thể nộp tiền sử dụng đất, lệ phí trước bạ qua ứng dụng ngân hàng khi làm thủ tục đăng ký biến động.",
            ["thanh toán trực tuyến", "đất đai"],
        ),
    ],
    "tin-chinh-tri": [
        (
            "Chủ tịch UBND tỉnh làm việc với Trung tâm Phục vụ hành chính công",
            "Chủ tịch UBND tỉnh yêu cầu không để hồ sơ trễ hạn mà không có văn bản xin lỗi người dân.",
            ["chỉ đạo điều hành"],
        ),
        (
            "Hội nghị triển khai chính quyền địa phương hai cấp",
            "Các xã, phường mới nhận bàn giao nhiệm vụ giải quyết thủ tục hành chính từ cấp huyện trước đây.",
            ["chính quyền hai cấp"],
        ),
        (
            "HĐND tỉnh giám sát việc giải quyết thủ tục hành chính tại xã",
            "Đoàn giám sát ghi nhận nhiều xã đã số hóa hồ sơ, nhưng còn thiếu máy móc và đường truyền ổn định.",
            ["giám sát", "HĐND"],
        ),
        (
            "Ban hành kế hoạch cải cách hành chính giai đoạn mới",
            "Kế hoạch đặt mục tiêu 100% thủ tục đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
            ["kế hoạch CCHC"],
        ),
        (
            "Tiếp công dân định kỳ tại trụ sở tiếp công dân tỉnh",
            "Lãnh đạo tỉnh tiếp và giải quyết kiến nghị của công dân về đất đai, chính sách xã hội.",
            ["tiếp công dân"],
        ),
        (
            "Kỷ luật công chức vi phạm quy định về tiếp nhận hồ sơ",
            "Công chức yêu cầu bổ sung giấy tờ ngoài quy định bị xử lý theo quy chế văn hóa công vụ.",
            ["kỷ cương hành chính"],
        ),
        (
            "Sơ kết sáu tháng thực hiện Đề án 06 trên địa bàn tỉnh",
            "Tỉnh đẩy mạnh ứng dụng dữ liệu dân cư, giảm giấy tờ công dân phải xuất trình khi làm thủ tục.",
            ["Đề án 06", "CCCD"],
        ),
        (
            "Tuyên dương tập thể, cá nhân tiêu biểu trong cải cách hành chính",
            "Mười tập thể và hai mươi cá nhân được tặng bằng khen vì có sáng kiến rút ngắn thời gian phục vụ người dân.",
            ["khen thưởng"],
        ),
    ],
    "chuyen-doi-so": [
        (
            "Số hóa hồ sơ, kết quả giải quyết thủ tục đạt 85%",
            "Kết quả số hóa được lưu vào kho dữ liệu của công dân để dùng lại, người dân không phải nộp lại giấy tờ đã có.",
            ["số hóa hồ sơ"],
        ),
        (
            "Hướng dẫn đăng ký khai sinh trực tuyến liên thông",
            "Cha mẹ có thể đăng ký khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi trong một lần nộp.",
            ["khai sinh", "liên thông"],
        ),
        (
            "Cấp phiếu lý lịch tư pháp qua ứng dụng định danh điện tử",
            "Công dân đăng nhập bằng tài khoản định danh mức 2 để đề nghị cấp phiếu lý lịch tư pháp, nhận kết quả bản điện tử.",
            ["LLTP", "định danh điện tử"],
        ),
        (
            "Ra mắt kênh tra cứu thủ tục hành chính trên điện thoại",
            "Người dân gõ tiếng Việt không dấu hoặc từ viết tắt vẫn tìm được thủ tục cần làm.",
            ["tra cứu thủ tục"],
        ),
        (
            "Chữ ký số cho cán bộ một cửa cấp xã",
            "Toàn bộ công chức một cửa được cấp chữ ký số để ký kết quả điện tử, trả kết quả không cần bản giấy.",
            ["chữ ký số"],
        ),
        (
            "Đổi giấy phép lái xe trực tuyến toàn trình",
            "Người dân nộp hồ sơ đổi giấy phép lái xe trên Cổng Dịch vụ công, nhận giấy phép qua bưu chính.",
            ["GPLX", "toàn trình"],
        ),
        (
            "An toàn thông tin cho hệ thống giải quyết thủ tục hành chính",
            "Hệ thống được kiểm tra, đánh giá an toàn thông tin định kỳ; dữ liệu cá nhân được bảo vệ theo quy định.",
            ["an toàn thông tin"],
        ),
        (
            "Dữ liệu đất đai được kết nối với hệ thống một cửa",
            "Công chức tra cứu thông tin thửa đất ngay khi tiếp nhận, giảm yêu cầu người dân nộp bản sao giấy chứng nhận.",
            ["QSDĐ", "dữ liệu đất đai"],
        ),
    ],
}

BODY_PARAGRAPHS = [
    "Theo báo cáo của cơ quan chủ trì, kết quả trên có được nhờ sự phối hợp chặt chẽ giữa các sở, ngành với "
    "Trung tâm Phục vụ hành chính công và các xã, phường, cùng với việc công khai tiến độ giải quyết từng hồ sơ.",
    "Trong thời gian tới, tỉnh tiếp tục rà soát quy trình nội bộ, tăng tỷ lệ hồ sơ trực tuyến và số hóa kết quả "
    "giải quyết, đồng thời xử lý nghiêm trường hợp gây phiền hà cho người dân, doanh nghiệp.",
    "Người dân cần hướng dẫn có thể liên hệ bộ phận một cửa nơi cư trú hoặc đường dây nóng 1022 để được giải đáp.",
]

AUTHORS = ["Minh Anh", "Thu Hà", "Quốc Bảo", "Hồng Nhung", "Văn Khánh"]
SOURCES = ["Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công", "Báo tỉnh", "Sở Nội vụ"]

DOCUMENTS = [
    (
        "QĐ",
        "91/QĐ-UBND",
        "UBND tỉnh",
        "Chủ tịch UBND tỉnh",
        (2025, 1, 15),
        "Về việc công bố danh mục thủ tục hành chính lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của UBND cấp xã",
        "Hộ tịch",
    ),
    (
        "QĐ",
        "125/QĐ-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 2, 3),
        "Ban hành Kế hoạch cải cách hành chính năm 2025",
        "Cải cách hành chính",
    ),
    (
        "QĐ",
        "766/QĐ-TTg",
        "Thủ tướng Chính phủ",
        "Thủ tướng Chính phủ",
        (2022, 6, 23),
        "Phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử",
        "Cải cách hành chính",
    ),
    (
        "NĐ",
        "42/2022/NĐ-CP",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        (2022, 6, 24),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
        "Chuyển đổi số",
    ),
    (
        "NĐ",
        "61/2018/NĐ-CP",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        (2018, 4, 23),
        "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "Cải cách hành chính",
    ),
    (
        "NĐ",
        "63/2010/NĐ-CP",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        (2010, 6, 8),
        "Về kiểm soát thủ tục hành chính",
        "Kiểm soát thủ tục hành chính",
    ),
    (
        "QĐ",
        "210/QĐ-UBND",
        "UBND tỉnh",
        "Chủ tịch UBND tỉnh",
        (2025, 3, 12),
        "Công bố danh mục thủ tục hành chính được thực hiện theo mô hình “4 tại chỗ” tại Trung tâm Phục vụ hành chính công",
        "Cải cách hành chính",
    ),
    (
        "QĐ",
        "318/QĐ-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 4, 2),
        "Công bố danh mục thủ tục hành chính lĩnh vực xây dựng thuộc thẩm quyền giải quyết của Sở Xây dựng",
        "Xây dựng",
    ),
    (
        "QĐ",
        "402/QĐ-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 5, 20),
        "Công bố danh mục thủ tục hành chính lĩnh vực đất đai áp dụng trên địa bàn tỉnh",
        "Đất đai",
    ),
    (
        "KH",
        "56/KH-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 3, 1),
        "Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2025",
        "Kiểm soát thủ tục hành chính",
    ),
    (
        "KH",
        "88/KH-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 5, 5),
        "Kế hoạch số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Chuyển đổi số",
    ),
    (
        "CT",
        "05/CT-UBND",
        "UBND tỉnh",
        "Chủ tịch UBND tỉnh",
        (2025, 2, 18),
        "Về tăng cường kỷ luật, kỷ cương trong giải quyết thủ tục hành chính",
        "Cải cách hành chính",
    ),
    (
        "NQ",
        "15/2025/NQ-HĐND",
        "HĐND tỉnh",
        "Chủ tịch HĐND tỉnh",
        (2025, 7, 10),
        "Quy định mức thu lệ phí đối với hồ sơ nộp trực tuyến trên địa bàn tỉnh",
        "Phí, lệ phí",
    ),
    (
        "NQ",
        "08/2024/NQ-HĐND",
        "HĐND tỉnh",
        "Chủ tịch HĐND tỉnh",
        (2024, 7, 12),
        "Quy định mức thu, miễn, giảm một số khoản phí, lệ phí thuộc thẩm quyền của HĐND tỉnh",
        "Phí, lệ phí",
    ),
    (
        "TT",
        "01/2023/TT-VPCP",
        "Văn phòng Chính phủ",
        "Bộ trưởng, Chủ nhiệm",
        (2023, 4, 5),
        "Quy định một số nội dung và biện pháp thi hành trong số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Chuyển đổi số",
    ),
    (
        "CV",
        "1520/UBND-KSTT",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 6, 16),
        "Về việc chấn chỉnh tình trạng hồ sơ trễ hạn tại một số đơn vị",
        "Cải cách hành chính",
    ),
    (
        "TB",
        "230/TB-VPUBND",
        "Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng",
        (2025, 8, 8),
        "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Trung tâm Phục vụ hành chính công",
        "Cải cách hành chính",
    ),
    (
        "BC",
        "310/BC-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 9, 30),
        "Báo cáo kết quả cải cách hành chính quý III năm 2025",
        "Cải cách hành chính",
    ),
    (
        "QĐ",
        "1050/QĐ-UBND",
        "UBND tỉnh",
        "Chủ tịch UBND tỉnh",
        (2024, 11, 20),
        "Phê duyệt kết quả chấm điểm chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành",
        "Cải cách hành chính",
    ),
    (
        "QĐ",
        "77/QĐ-UBND",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2023, 1, 12),
        "Công bố danh mục thủ tục hành chính lĩnh vực hộ tịch (đã được thay thế)",
        "Hộ tịch",
    ),
    (
        "CV",
        "845/UBND-KSTT",
        "UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (2025, 10, 6),
        "Về việc triển khai khảo sát mức độ hài lòng của người dân, doanh nghiệp năm 2025",
        "Cải cách hành chính",
    ),
]


def demo_pdf(number, title):
    """A one-page PDF drawn with Pillow, standing in for the scanned signed copy."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 120), "VAN BAN MAU - DU LIEU THU NGHIEM", fill="black")
    draw.text((120, 180), f"So: {number}", fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    return Document.objects.create(title=title, file=ContentFile(buffer.getvalue(), name=f"{slugify(number)}.pdf"))


def load_news(home):
    news_root, _ = child(
        home,
        NewsIndexPage,
        "tin-tuc",
        title="Tin tức",
        intro="Tin tức về cải cách hành chính, kinh tế, chính trị và chuyển đổi số của tỉnh.",
        show_in_menus=True,
        show_on_home=False,
    )
    now = timezone.now()
    count = 0
    seed = 0
    for slug, title, intro in CATEGORIES:
        category, _ = child(news_root, NewsIndexPage, slug, title=title, intro=intro)
        for index, (article_title, summary, tags) in enumerate(ARTICLES[slug]):
            seed += 1
            article_slug = slugify(article_title)
            if category.get_children().filter(slug=article_slug).exists():
                count += 1
                continue
            image = demo_image(f"Ảnh minh họa {seed}", seed)
            page = NewsPage(
                slug=article_slug,
                title=article_title,
                summary=summary,
                body=[("paragraph", f"<p>{text}</p>") for text in BODY_PARAGRAPHS],
                main_image=image,
                main_image_caption=f"Minh họa: {article_title}",
                main_image_credit="Cổng CCHC",
                author=AUTHORS[seed % len(AUTHORS)],
                source=SOURCES[seed % len(SOURCES)],
                display_date=now - datetime.timedelta(days=seed * 3, hours=seed),
                featured=index == 0,
            )
            category.add_child(instance=page)
            page.tags.add(*tags)
            page.save_revision().publish()
            count += 1
    return news_root, count


def load_documents(home):
    index, _ = child(
        home,
        DocumentIndexPage,
        "van-ban",
        title="Văn bản",
        intro="Văn bản chỉ đạo, điều hành và văn bản quy phạm pháp luật về cải cách hành chính.",
        show_in_menus=True,
    )
    created = {}
    for doc_type, number, issuer, signer, issued, summary, field in DOCUMENTS:
        slug = slugify(number)
        date_issued = datetime.date(*issued)
        page, is_new = child(
            index,
            DecisionPage,
            slug,
            title=f"{number} {summary[:120]}",
            doc_type=DocumentType.from_abbreviation(doc_type),
            number=number,
            issuer=issuer,
            signer=signer,
            date_issued=date_issued,
            date_effective=date_issued + datetime.timedelta(days=10 if "/NĐ-" in number or "/NQ-" in number else 0),
            field=field,
            summary=summary,
        )
        if is_new:
            DecisionFile.objects.create(page=page, document=demo_pdf(number, f"Tệp {number}"))
        created[number] = page
    old, new = created["77/QĐ-UBND"], created["91/QĐ-UBND"]
    if not old.date_expired:
        old.date_expired = new.date_issued
        old.save_revision().publish()
        new.replaces.add(old)
        new.save_revision().publish()
    return index, len(created)
