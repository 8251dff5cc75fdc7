"""Texts of the demo feedback: written for this project; names, numbers and addresses are invented."""

from feedback.choices import Kind, Status

# Days off announced for state employees (Labour Code 2019, art. 112, and the yearly decisions); the reform
# office checks them against each year's official announcement.
HOLIDAYS = [
    ("2026-01-01", "Tết Dương lịch", False),
    *((f"2026-02-{d:02d}", "Nghỉ Tết Nguyên đán Bính Ngọ", False) for d in range(14, 23)),
    ("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)", False),
    ("2026-04-30", "Ngày Chiến thắng", False),
    ("2026-05-01", "Ngày Quốc tế Lao động", False),
    ("2026-09-01", "Nghỉ dịp Quốc khánh", False),
    ("2026-09-02", "Quốc khánh", False),
    ("2027-01-01", "Tết Dương lịch", False),
    *((f"2027-02-{d:02d}", "Nghỉ Tết Nguyên đán Đinh Mùi", False) for d in range(5, 11)),
    ("2027-04-16", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", False),
    ("2027-04-30", "Ngày Chiến thắng", False),
    ("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động (1/5 rơi vào thứ Bảy)", False),
    ("2027-09-02", "Quốc khánh", False),
    ("2027-09-03", "Nghỉ dịp Quốc khánh", False),
]

PEOPLE = [
    ("Nguyễn Văn An", "0912 345 678", "an.nguyen@example.com", "Tổ 3, phường Trung tâm"),
    ("Trần Thị Bình", "0987 654 321", "", "Thôn Đông, xã Sông Cầu"),
    ("Lê Hoàng Cường", "", "cuong.le@example.com", ""),
    ("Phạm Thị Dung", "0905 111 222", "dung.pham@example.com", "Số 12 đường Lê Lợi"),
    ("Hoàng Minh Đức", "0868 222 333", "", ""),
    ("Vũ Thị Hà", "0977 444 555", "ha.vu@example.com", "Xóm Bãi, xã Sông Cầu"),
    ("Công ty TNHH Hưng Thịnh", "0200 3 888 999", "lienhe@hungthinh.example.com", "Khu công nghiệp phía Bắc"),
]

# (procedure title, kind, subject, content, answer, public title, public question), published on "Hỏi đáp".
PUBLISHED = [
    (
        "Đăng ký khai sinh",
        Kind.QUESTION,
        "Cha mẹ chưa đăng ký kết hôn có làm giấy khai sinh cho con được không",
        "Vợ chồng tôi chung sống chưa đăng ký kết hôn, nay sinh con. Xin hỏi có đăng ký khai sinh cho cháu được "
        "không, cần mang giấy tờ gì và tên cha có được ghi vào giấy khai sinh không?",
        "Trẻ em được đăng ký khai sinh dù cha mẹ chưa đăng ký kết hôn. Người đi đăng ký nộp tờ khai theo mẫu, "
        "giấy chứng sinh và xuất trình giấy tờ tùy thân. Để ghi tên người cha, cha mẹ làm thủ tục đăng ký khai "
        "sinh kết hợp nhận cha, mẹ, con tại UBND cấp xã; khi đó cần thêm tờ khai nhận cha, mẹ, con và chứng cứ "
        "chứng minh quan hệ cha con (nếu có). Thủ tục được giải quyết trong ngày làm việc khi hồ sơ đầy đủ.",
        "Cha mẹ chưa đăng ký kết hôn có đăng ký khai sinh cho con được không?",
        "Cha mẹ chung sống nhưng chưa đăng ký kết hôn thì có đăng ký khai sinh cho con được không, cần giấy tờ gì "
        "và tên người cha có được ghi vào giấy khai sinh không?",
    ),
    (
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        Kind.REPORT,
        "Bị yêu cầu nộp bản sao chứng thực trong vòng 6 tháng",
        "Khi nộp hồ sơ xin việc, tôi bị yêu cầu nộp bản sao chứng thực có thời hạn dưới 6 tháng. Quy định này có "
        "đúng không? Tôi đã chứng thực bản sao từ năm ngoái.",
        "Pháp luật về chứng thực không quy định thời hạn sử dụng của bản sao có chứng thực. Bản sao được chứng "
        "thực từ bản chính có giá trị sử dụng thay cho bản chính trong các giao dịch, trừ trường hợp pháp luật có "
        "quy định khác. Cơ quan, tổ chức tiếp nhận không được yêu cầu bản sao phải chứng thực trong 6 tháng nếu "
        "không có quy định riêng; Sở Tư pháp đã có văn bản nhắc các đơn vị liên quan.",
        "Bản sao có chứng thực có thời hạn sử dụng 6 tháng không?",
        "Nhiều nơi yêu cầu bản sao có chứng thực không quá 6 tháng. Bản sao có chứng thực có thời hạn sử dụng không?",
    ),
    (
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        Kind.QUESTION,
        "Làm lý lịch tư pháp trực tuyến được không",
        "Tôi đang làm việc ở tỉnh khác, xin hỏi có thể xin Phiếu lý lịch tư pháp qua mạng và nhận kết quả qua "
        "bưu điện không, lệ phí bao nhiêu?",
        "Công dân có thể nộp yêu cầu cấp Phiếu lý lịch tư pháp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc "
        "ứng dụng VNeID và chọn nhận kết quả qua dịch vụ bưu chính công ích. Lệ phí theo quy định hiện hành; một "
        "số đối tượng được miễn. Thời hạn giải quyết không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "Có thể xin Phiếu lý lịch tư pháp trực tuyến và nhận qua bưu điện không?",
        "Người đang làm việc ở tỉnh khác có xin Phiếu lý lịch tư pháp trực tuyến và nhận kết quả qua bưu điện được không?",
    ),
    (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Kind.QUESTION,
        "Nhà một tầng ở nông thôn có cần giấy phép xây dựng",
        "Gia đình tôi định xây nhà một tầng trên đất ở tại thôn Đông, xã Sông Cầu. Xin hỏi có phải xin giấy phép xây dựng không?",
        "Nhà ở riêng lẻ ở nông thôn được miễn giấy phép xây dựng khi không thuộc khu vực đã có quy hoạch đô thị, "
        "quy hoạch chi tiết xây dựng điểm dân cư nông thôn được duyệt và không thuộc khu vực bảo tồn, di tích. "
        "Gia đình nên hỏi UBND xã về quy hoạch tại vị trí thửa đất trước khi khởi công; nếu thuộc khu vực có quy "
        "hoạch thì phải xin giấy phép, thời hạn giải quyết không quá 15 ngày làm việc.",
        "Xây nhà một tầng ở nông thôn có phải xin giấy phép xây dựng không?",
        "Gia đình muốn xây nhà một tầng trên đất ở tại xã. Có phải xin giấy phép xây dựng không?",
    ),
    (
        "Đăng ký thành lập hộ kinh doanh",
        Kind.PROPOSAL,
        "Đề nghị cho nhận kết quả đăng ký hộ kinh doanh bản điện tử",
        "Tôi đề nghị cho phép hộ kinh doanh nhận Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử, không phải "
        "đến bộ phận một cửa nhận bản giấy.",
        "Cảm ơn kiến nghị của ông. Hiện nay hộ kinh doanh nộp hồ sơ trực tuyến toàn trình được nhận kết quả bản "
        "điện tử có giá trị pháp lý như bản giấy và có thể chọn nhận thêm bản giấy qua bưu chính. UBND tỉnh đã "
        "chỉ đạo các xã, phường hướng dẫn người dân lựa chọn hình thức nhận kết quả ngay khi nộp hồ sơ.",
        "Hộ kinh doanh có được nhận giấy chứng nhận đăng ký bản điện tử không?",
        "Kiến nghị cho phép hộ kinh doanh nhận Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử thay vì đến nhận bản giấy.",
    ),
    (
        "Hưởng trợ cấp thất nghiệp",
        Kind.QUESTION,
        "Thời hạn nộp hồ sơ hưởng trợ cấp thất nghiệp",
        "Tôi nghỉ việc từ tháng trước. Xin hỏi tôi phải nộp hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu và nộp ở đâu?",
        "Người lao động nộp hồ sơ trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động, tại trung tâm "
        "dịch vụ việc làm nơi muốn nhận trợ cấp hoặc nộp trực tuyến. Hồ sơ gồm đề nghị hưởng theo mẫu, giấy tờ "
        "chứng minh chấm dứt hợp đồng và sổ bảo hiểm xã hội.",
        "Nộp hồ sơ hưởng trợ cấp thất nghiệp trong thời hạn nào?",
        "Sau khi nghỉ việc, người lao động phải nộp hồ sơ hưởng trợ cấp thất nghiệp trong bao lâu và nộp ở đâu?",
    ),
]

# (procedure title or None, kind, final status, days ago received, subject, content, answer or reason)
OTHERS = [
    (
        None,
        Kind.REPORT,
        Status.NEW,
        1,
        "Bộ phận một cửa phường không nhận hồ sơ buổi chiều thứ Sáu",
        "Chiều thứ Sáu tuần trước tôi đến bộ phận một cửa phường Trung tâm lúc 15 giờ để nộp hồ sơ nhưng được "
        "thông báo đã nghỉ nhận hồ sơ. Đề nghị kiểm tra giờ làm việc niêm yết.",
        "",
    ),
    (
        "Đăng ký thường trú",
        Kind.QUESTION,
        Status.NEW,
        12,
        "Nhập hộ khẩu cho con về nhà ông bà",
        "Con tôi 5 tuổi, muốn đăng ký thường trú về nhà ông bà nội. Cần những giấy tờ gì?",
        "",
    ),
    (
        "Đổi giấy phép lái xe",
        Kind.REPORT,
        Status.ASSIGNED,
        3,
        "Hẹn trả giấy phép lái xe đổi trực tuyến",
        "Tôi nộp hồ sơ đổi giấy phép lái xe trực tuyến nhưng chưa rõ thời hạn nhận kết quả qua bưu điện.",
        "",
    ),
    (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Kind.REPORT,
        Status.ASSIGNED,
        25,
        "Hồ sơ xin giấy phép xây dựng quá hạn",
        "Tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ đã hơn 20 ngày làm việc nhưng chưa nhận được kết quả "
        "hoặc thông báo bổ sung hồ sơ.",
        "",
    ),
    (
        "Đăng ký kết hôn",
        Kind.QUESTION,
        Status.RETURNED,
        10,
        "Đăng ký kết hôn ở nơi tạm trú",
        "Tôi đang tạm trú tại phường Trung tâm, hộ khẩu ở tỉnh khác. Có đăng ký kết hôn tại phường nơi tạm trú được không?",
        "Anh chị đăng ký ở đâu cũng được.",
    ),
    (
        "Đăng ký khai tử",
        Kind.QUESTION,
        Status.ANSWERED,
        8,
        "Thời hạn đăng ký khai tử",
        "Ông tôi mất được 20 ngày, gia đình chưa đăng ký khai tử. Có bị phạt không và cần giấy tờ gì?",
        "Trong thời hạn 15 ngày kể từ ngày có người chết, người thân có trách nhiệm đăng ký khai tử. Quá hạn vẫn "
        "được đăng ký; hồ sơ gồm tờ khai và giấy báo tử hoặc giấy tờ thay giấy báo tử.",
    ),
    (
        "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi trở lên",
        Kind.QUESTION,
        Status.APPROVED,
        9,
        "Làm căn cước cho con 14 tuổi",
        "Con tôi vừa đủ 14 tuổi, cần làm thẻ căn cước ở đâu, có mất phí không?",
        "Công dân từ đủ 14 tuổi làm thủ tục cấp thẻ căn cước tại cơ quan quản lý căn cước cấp xã nơi cư trú hoặc cấp "
        "tỉnh; lần đầu cấp thẻ cho công dân đủ 14 tuổi không mất lệ phí.",
    ),
    (
        None,
        Kind.PROPOSAL,
        Status.CLOSED,
        40,
        "Đề nghị kéo dài giờ làm việc Trung tâm Phục vụ hành chính công",
        "Đề nghị Trung tâm Phục vụ hành chính công làm việc sáng thứ Bảy để người lao động thuận tiện nộp hồ sơ.",
        "Trung tâm đã tổ chức tiếp nhận hồ sơ sáng thứ Bảy từ tháng này; cảm ơn kiến nghị của ông.",
    ),
    (
        "Đổi giấy phép lái xe",
        Kind.REPORT,
        Status.MERGED,
        4,
        "Chưa nhận được giấy phép lái xe đổi",
        "Tôi cũng nộp hồ sơ đổi giấy phép lái xe trực tuyến và chưa biết khi nào nhận được kết quả.",
        "",
    ),
    (
        None,
        Kind.REPORT,
        Status.REJECTED,
        6,
        "Khiếu nại quyết định xử phạt vi phạm hành chính",
        "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính về trật tự xây dựng và đề nghị hủy quyết định.",
        "Nội dung là khiếu nại quyết định hành chính, không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính "
        "(Nghị định 20/2008/NĐ-CP). Đề nghị ông gửi đơn khiếu nại đến người đã ra quyết định theo Luật Khiếu nại.",
    ),
]
