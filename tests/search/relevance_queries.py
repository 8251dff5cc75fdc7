"""The developers' public relevance set: citizen queries by kind, and the procedure (or, for document
numbers, the document) each one wants. Queries about things the portal has nothing on are listed apart:
they must show the "nothing found" help or a short list labelled as partial matches."""

import unicodedata

KHAI_SINH = "Đăng ký khai sinh"
KHAI_TU = "Đăng ký khai tử"
KET_HON = "Đăng ký kết hôn"
KET_HON_NN = "Đăng ký kết hôn có yếu tố nước ngoài"
DOC_THAN = "Cấp Giấy xác nhận tình trạng hôn nhân"
BAN_SAO = "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
CHU_KY = "Chứng thực chữ ký trong các giấy tờ, văn bản"
DI_CHUC = "Chứng thực di chúc"
GPXD_NHA = "Cấp giấy phép xây dựng nhà ở riêng lẻ"
GPXD_CT = "Cấp giấy phép xây dựng công trình"
SO_DO = "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu"
BIEN_DONG = "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
MAT_SO = "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất"
TACH_THUA = "Tách thửa hoặc hợp thửa đất"
THE_CHAP = "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất"
HKD = "Đăng ký thành lập hộ kinh doanh"
DNTN = "Đăng ký thành lập doanh nghiệp tư nhân"
TNHH1 = "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên"
CO_PHAN = "Đăng ký thành lập công ty cổ phần"
GIAI_THE = "Giải thể doanh nghiệp"
THUONG_TRU = "Đăng ký thường trú"
TAM_TRU = "Đăng ký tạm trú"
TAM_VANG = "Khai báo tạm vắng"
XOA_THUONG_TRU = "Xóa đăng ký thường trú"
CCCD = "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi trở lên"
CAP_LAI_CCCD = "Cấp lại thẻ căn cước"
LLTP = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"
DOI_GPLX = "Đổi giấy phép lái xe"
CAP_LAI_GPLX = "Cấp lại giấy phép lái xe"
DK_XE = "Đăng ký xe lần đầu"
THAT_NGHIEP = "Hưởng trợ cấp thất nghiệp"
TRO_CAP_XH = "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội"
MAI_TANG = "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội"
HO_CHIEU = "Cấp hộ chiếu phổ thông ở trong nước"
THAI_SAN = "Giải quyết hưởng chế độ thai sản"
OM_DAU = "Giải quyết hưởng chế độ ốm đau"
BHXH_1_LAN = "Giải quyết hưởng bảo hiểm xã hội một lần"
BHXH_TU_NGUYEN = "Đăng ký tham gia bảo hiểm xã hội tự nguyện"
BHYT_TRE_EM = "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
CON_NUOI = "Đăng ký việc nuôi con nuôi trong nước"
KARAOKE = "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke"
RUOU = "Cấp Giấy phép bán lẻ rượu"
GP_LAO_DONG = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"
PHONG_KHAM = "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa"
CHUYEN_TRUONG = "Chuyển trường đối với học sinh trung học phổ thông"
VAN_BANG = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
TRICH_LUC = "Cấp bản sao trích lục hộ tịch"
THO_CUNG = "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ"
LE_HOI = "Đăng ký tổ chức lễ hội"
HUONG_DAN_VIEN = "Cấp thẻ hướng dẫn viên du lịch tại điểm"
PCCC = "Thẩm định thiết kế về phòng cháy và chữa cháy"
AN_TOAN_TP = "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản"
NHA_XA_HOI = "Mua, thuê, thuê mua nhà ở xã hội"
TRO_GIUP_PL = "Yêu cầu trợ giúp pháp lý"
NHAP_QUOC_TICH = "Nhập quốc tịch Việt Nam"
GIAM_HO = "Đăng ký giám hộ"


def nfd(text):
    return unicodedata.normalize("NFD", text)


RELEVANCE = {
    "no_diacritics": [
        ("dang ky khai sinh", KHAI_SINH),
        ("dang ky ket hon", KET_HON),
        ("xac nhan tinh trang hon nhan", DOC_THAN),
        ("chung thuc ban sao", BAN_SAO),
        ("cap giay phep xay dung nha o", GPXD_NHA),
        ("dang ky tam tru", TAM_TRU),
        ("khai bao tam vang", TAM_VANG),
        ("doi giay phep lai xe", DOI_GPLX),
        ("ho chieu pho thong", HO_CHIEU),
        ("che do thai san", THAI_SAN),
        ("tach thua dat", TACH_THUA),
        ("the chap quyen su dung dat", THE_CHAP),
        ("nuoi con nuoi", CON_NUOI),
        ("ban le ruou", RUOU),
        ("dang ky giam ho", GIAM_HO),
    ],
    "partial_diacritics": [
        ("đăng ky khai sinh", KHAI_SINH),
        ("dang ký kết hon", KET_HON),
        ("chứng thuc di chuc", DI_CHUC),
        ("cap lai the căn cước", CAP_LAI_CCCD),
        ("tro cap thất nghiệp", THAT_NGHIEP),
    ],
    "telex_vni": [
        ("ddang kys khai sinh", KHAI_SINH),
        ("ddangw kys keets hoon", KET_HON),
        ("khai tuwr", KHAI_TU),
        ("dang ky thuowngf tru", THUONG_TRU),
        ("ho65 chie61u", HO_CHIEU),
        ("ke61t ho6n", KET_HON),
        ("the3 ca8n cu7o71c", CCCD),
        ("lys lichj tuw phaps", LLTP),
    ],
    "typo_one_edit": [
        ("khai sihn", KHAI_SINH),
        ("dang ky ket hoon", KET_HON),
        ("chung thuc ban sap", BAN_SAO),
        ("giay phep lai xee", DOI_GPLX),
        ("tro cap that nghiep hang thnag", THAT_NGHIEP),
        ("dang ky tam trus", TAM_TRU),
        ("ly lich tu phpa", LLTP),
        ("thanh lap ho kinh doan", HKD),
        ("che do om dao", OM_DAU),
        ("ho chieu pho thogn", HO_CHIEU),
    ],
    "typo_two_edits": [
        ("dang ky khia snh", KHAI_SINH),
        ("chung thuc di chucc", DI_CHUC),
        ("thanh lap doanh ngihep tu nhan", DNTN),
        ("dang ky thuongg truu", THUONG_TRU),
        ("tro cap thatt nghiepp", THAT_NGHIEP),
        ("karaokee", KARAOKE),
        ("giay phep xay dungg nha o rieng lee", GPXD_NHA),
        ("hop tac xa thanhh lapp", "Đăng ký thành lập hợp tác xã"),
    ],
    "abbreviation": [
        ("cap GPXD nha o", GPXD_NHA),
        ("cap lai GPXD", "Cấp lại giấy phép xây dựng"),
        ("lam CCCD lan dau", CCCD),
        ("cap lai CCCD bi mat", CAP_LAI_CCCD),
        ("doi GPLX het han", DOI_GPLX),
        ("xin LLTP", LLTP),
        ("dang ky HKD", HKD),
        ("huong BHTN", THAT_NGHIEP),
        ("BHXH mot lan", BHXH_1_LAN),
        ("the BHYT cho tre em", BHYT_TRE_EM),
        ("tham dinh thiet ke PCCC", PCCC),
        ("cap lai so do bi mat", MAT_SO),
    ],
    "everyday": [
        ("làm giấy khai sinh cho con", KHAI_SINH),
        ("làm giấy chứng tử", KHAI_TU),
        ("làm giấy kết hôn", KET_HON),
        ("xin giấy xác nhận độc thân", DOC_THAN),
        ("công chứng bản sao", BAN_SAO),
        ("xin giấy phép xây nhà", GPXD_NHA),
        ("cấp sổ đỏ", SO_DO),
        ("sang tên sổ đỏ", BIEN_DONG),
        ("mở cửa hàng", HKD),
        ("mở công ty cổ phần", CO_PHAN),
        ("nhập hộ khẩu", THUONG_TRU),
        ("làm hộ chiếu", HO_CHIEU),
        ("đổi bằng lái xe", DOI_GPLX),
        ("mất bằng lái xe", CAP_LAI_GPLX),
        ("làm lại căn cước bị mất", CAP_LAI_CCCD),
        ("đăng ký xe máy mới mua", DK_XE),
        ("tách sổ đỏ", TACH_THUA),
        ("vay ngân hàng thế chấp sổ đỏ", THE_CHAP),
        ("xin việc cho người nước ngoài", GP_LAO_DONG),
        ("mở phòng khám", PHONG_KHAM),
        ("chuyển trường cho con lên cấp 3", CHUYEN_TRUONG),
        ("xin bản sao bằng tốt nghiệp", VAN_BANG),
        ("mua nhà ở xã hội", NHA_XA_HOI),
        ("nhờ luật sư miễn phí", TRO_GIUP_PL),
        ("xin vào quốc tịch Việt Nam", NHAP_QUOC_TICH),
    ],
    "life_event": [
        ("người thân qua đời", KHAI_TU),
        ("bố mất cần làm giấy tờ gì", KHAI_TU),
        ("em bé mới sinh", KHAI_SINH),
        ("vừa sinh con", KHAI_SINH),
        ("mua đất muốn sang tên", BIEN_DONG),
        ("mua bán nhà đất", BIEN_DONG),
        ("thừa kế nhà đất", BIEN_DONG),
        ("bị mất việc làm", THAT_NGHIEP),
        ("nghỉ việc được hưởng gì", THAT_NGHIEP),
        ("chuyển hộ khẩu", THUONG_TRU),
        ("hỗ trợ người già neo đơn", TRO_CAP_XH),
        ("người cao tuổi", TRO_CAP_XH),
        ("mở quán bán hàng", HKD),
        ("sắp cưới vợ", KET_HON),
        ("lấy chồng nước ngoài", KET_HON_NN),
        ("xây nhà mới", GPXD_NHA),
        ("nghỉ hưu", BHXH_1_LAN),
        ("mang thai sinh con được hưởng gì", THAI_SAN),
        ("người khuyết tật", TRO_CAP_XH),
        ("khởi nghiệp mở doanh nghiệp", DNTN),
    ],
    "word_order": [
        ("khai sinh dang ky", KHAI_SINH),
        ("ket hon dang ky", KET_HON),
        ("giay phep lai xe doi", DOI_GPLX),
        ("tam tru dang ky", TAM_TRU),
        ("ho kinh doanh thanh lap", HKD),
        ("di chuc chung thuc", DI_CHUC),
    ],
    "one_word": [
        ("khai sinh", KHAI_SINH),
        ("khai tử", KHAI_TU),
        ("karaoke", KARAOKE),
        ("rượu", RUOU),
        ("hộ chiếu", HO_CHIEU),
        ("thai sản", THAI_SAN),
        ("di chúc", DI_CHUC),
        ("CCCD", CCCD),
        ("LLTP", LLTP),
        ("BHTN", THAT_NGHIEP),
    ],
    "two_letters": [
        ("kh", KET_HON),
        ("ks", KHAI_SINH),
        ("kt", KHAI_TU),
        ("nh", BHXH_1_LAN),
    ],
    "long_question": [
        ("cho tôi hỏi muốn đăng ký khai sinh cho con thì cần những giấy tờ gì và làm ở đâu", KHAI_SINH),
        ("tôi bị mất giấy phép lái xe thì phải làm thủ tục gì để cấp lại", CAP_LAI_GPLX),
        ("gia đình tôi muốn tách thửa đất để chia cho các con thì làm thế nào", TACH_THUA),
        ("vợ chồng tôi muốn nhận con nuôi thì thủ tục như thế nào", CON_NUOI),
        ("em mới nghỉ việc ở công ty thì làm sao để nhận trợ cấp thất nghiệp", THAT_NGHIEP),
        ("tôi muốn mở một quán karaoke nhỏ thì cần xin giấy phép gì", KARAOKE),
        ("con tôi sắp đi du học thì làm hộ chiếu ở đâu", HO_CHIEU),
        ("bà tôi là người cao tuổi neo đơn có được trợ cấp xã hội hàng tháng không", TRO_CAP_XH),
    ],
    "code": [
        ("1.001193", KHAI_SINH),
        ("mã 1.001193", KHAI_SINH),
        ("thủ tục 1.001193", KHAI_SINH),
        ("ma thu tuc 1.001193", KHAI_SINH),
        ("1.900067", HKD),
        ("thu tuc 2.900145 doi bang lai", DOI_GPLX),
        ("tra cứu mã 2.900103", THAT_NGHIEP),
        ("1.900139", TAM_TRU),
    ],
    "document_number": [
        ("91/QĐ-UBND", "91/QĐ-UBND – Công bố danh mục thủ tục hộ tịch"),
        ("91/QD-UBND", "91/QĐ-UBND – Công bố danh mục thủ tục hộ tịch"),
        ("quyết định 91/qđ-ubnd", "91/QĐ-UBND – Công bố danh mục thủ tục hộ tịch"),
        ("so 1234/QĐ-UBND nhan dan tinh", "1234/QĐ-UBND – Phê duyệt phương án đơn giản hóa thủ tục"),
        ("van ban 15/2025/TT-BTP", "15/2025/TT-BTP – Hướng dẫn một số nội dung về chứng thực"),
    ],
    "nfd": [
        (nfd("đăng ký khai sinh"), KHAI_SINH),
        (nfd("kết hôn"), KET_HON),
        (nfd("chứng thực di chúc"), DI_CHUC),
        (nfd("hưởng trợ cấp thất nghiệp"), THAT_NGHIEP),
        (nfd("thẻ bảo hiểm y tế trẻ em"), BHYT_TRE_EM),
    ],
    "punctuation": [
        ("khai sinh?", KHAI_SINH),
        ("đăng ký... kết hôn!!!", KET_HON),
        ("giấy-phép-xây-dựng nhà ở", GPXD_NHA),
        ("(tạm trú)", TAM_TRU),
        ("hộ chiếu, làm ở đâu?", HO_CHIEU),
        ("“lao động tiên tiến”", "Tặng danh hiệu “Lao động tiên tiến”"),
    ],
    "uppercase": [
        ("ĐĂNG KÝ KHAI SINH", KHAI_SINH),
        ("DANG KY TAM TRU", TAM_TRU),
        ("CHỨNG THỰC CHỮ KÝ", CHU_KY),
        ("Cấp Lại Thẻ Căn Cước", CAP_LAI_CCCD),
        ("LÀM HỘ CHIẾU", HO_CHIEU),
    ],
}

NOTHING = [
    "kết quả xổ số miền bắc hôm nay",
    "xo so mien nam",
    "thời tiết ngày mai",
    "du bao thoi tiet ha noi",
    "lịch thi đấu bóng đá",
    "ket qua bong da ngoai hang anh",
    "cách nấu phở bò",
    "cong thuc lam banh flan",
    "giá iphone 16 pro max",
    "gia dien thoai samsung",
    "giá vàng hôm nay",
    "tỷ giá đô la mỹ",
    "phim hành động hay nhất",
    "lời bài hát",
    "game bắn cá đổi thưởng",
    "mua vé máy bay giá rẻ",
    "tử vi tuổi dần",
    "cách giảm cân nhanh",
]

# The documents the document-number queries want, added to the relevance site.
DOCUMENTS = [
    ("91/QĐ-UBND", "Công bố danh mục thủ tục hộ tịch"),
    ("191/QĐ-UBND", "Kế hoạch kiểm tra công vụ năm 2025"),
    ("1234/QĐ-UBND", "Phê duyệt phương án đơn giản hóa thủ tục"),
    ("15/2025/TT-BTP", "Hướng dẫn một số nội dung về chứng thực"),
]

# Everyday phrasing and long questions written as citizens would before the everyday synonyms (search
# migration 0012), the question phrasing and the weighting by rarity were added, and held out while
# they were made: their figures before and after are in the README.
HELD_OUT = {
    "everyday": [
        ("xin giấy phép bán thuốc lá", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá"),
        ("mở cây xăng", "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu"),
        ("mở nhà thuốc", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược"),
        ("đăng ký xe ô tô mới mua", DK_XE),
        ("làm sổ đỏ lần đầu", SO_DO),
        ("mất sổ đỏ", MAT_SO),
        ("xoa the chap so do", "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất"),
        ("sửa sai tên trong giấy khai sinh", "Thay đổi, cải chính, bổ sung thông tin hộ tịch"),
        ("công chứng hợp đồng mua bán xe máy", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản"),
        ("đổi thẻ căn cước hết hạn", "Cấp đổi thẻ căn cước"),
        ("tranh chấp đất với hàng xóm", "Hòa giải tranh chấp đất đai"),
        ("chuyển đất vườn lên đất ở", "Chuyển mục đích sử dụng đất"),
        ("xin phép sửa nhà", "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình"),
        ("nghỉ ốm có được bảo hiểm trả tiền không", OM_DAU),
        ("làm thẻ bảo hiểm y tế cho bé", BHYT_TRE_EM),
        ("mở trường mầm non", "Thành lập trường mầm non tư thục"),
        ("đăng ký chương trình khuyến mãi", "Xác nhận đăng ký thực hiện khuyến mại"),
        ("bỏ quốc tịch việt nam", "Thôi quốc tịch Việt Nam ở trong nước"),
        ("đóng cửa công ty", GIAI_THE),
        ("rút bảo hiểm xã hội một lần", BHXH_1_LAN),
        ("học sinh lớp 10 chuyển trường", CHUYEN_TRUONG),
        ("sửa sai thông tin trên bằng tốt nghiệp", "Chỉnh sửa nội dung văn bằng, chứng chỉ"),
    ],
    "long_question": [
        ("tôi bị mất sổ đỏ thì phải làm thủ tục gì để được cấp lại ạ", MAT_SO),
        ("cho tôi hỏi thẻ căn cước của tôi hết hạn rồi thì đổi ở đâu", "Cấp đổi thẻ căn cước"),
        ("mẹ tôi mới mất muốn làm giấy chứng tử thì cần mang theo những gì", KHAI_TU),
        ("em muốn đăng ký kết hôn với người nước ngoài thì cần chuẩn bị hồ sơ như thế nào", KET_HON_NN),
        ("nhà tôi muốn mở quán tạp hóa nhỏ trước nhà thì phải đăng ký ở đâu", HKD),
        ("tôi muốn xây lại căn nhà cấp 4 thành nhà 2 tầng thì có cần xin phép không", GPXD_NHA),
        ("công ty tôi muốn thuê người nước ngoài làm việc thì làm thủ tục gì", GP_LAO_DONG),
        ("bố mẹ tôi muốn lập di chúc để lại đất cho con cháu thì làm sao", DI_CHUC),
        (
            "tôi đã trả hết nợ ngân hàng muốn xóa thế chấp sổ đỏ thì làm thế nào",
            "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất",
        ),
        ("xin hỏi làm lý lịch tư pháp để đi xuất khẩu lao động mất bao lâu", LLTP),
        ("vợ tôi sắp sinh em bé thì được hưởng chế độ bảo hiểm gì", THAI_SAN),
        ("tôi muốn mở một phòng khám nha khoa tư nhân thì cần giấy phép gì", PHONG_KHAM),
        ("tôi mới chuyển đến thuê trọ ở đây thì có phải khai báo gì không", TAM_TRU),
        ("gia đình tôi muốn chuyển đất nông nghiệp sang đất ở thì làm thủ tục ở đâu", "Chuyển mục đích sử dụng đất"),
    ],
}
for held_kind, held_queries in HELD_OUT.items():
    RELEVANCE[held_kind] = RELEVANCE[held_kind] + held_queries
