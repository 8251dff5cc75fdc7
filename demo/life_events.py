"""Demo life events (sự kiện cuộc sống) mapped to the demo procedures, in the order a citizen does
them, with the words citizens use for each."""

from procedures.models import LifeEvent, LifeEventProcedure, ProcedurePage

EVENTS = [
    (
        "Sinh con",
        "sinh-con",
        "Các thủ tục khi gia đình có em bé mới sinh.",
        "mới sinh con, vừa sinh con, em bé mới sinh, sinh em bé, có con nhỏ, làm giấy tờ cho con, mang thai, sinh đẻ",
        [
            "Đăng ký khai sinh",
            "Đăng ký thường trú",
            "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
            "Giải quyết hưởng chế độ thai sản",
        ],
    ),
    (
        "Kết hôn",
        "ket-hon",
        "Các thủ tục khi kết hôn.",
        "cưới vợ, lấy vợ, lấy chồng, cưới chồng, đám cưới, cưới hỏi, làm đám cưới, lấy chồng nước ngoài",
        ["Cấp Giấy xác nhận tình trạng hôn nhân", "Đăng ký kết hôn", "Đăng ký kết hôn có yếu tố nước ngoài"],
    ),
    (
        "Người thân qua đời",
        "nguoi-than-qua-doi",
        "Các thủ tục khi trong gia đình có người mất.",
        "người thân qua đời, người nhà mất, bố mất, mẹ mất, ông mất, bà mất, có người chết, tang lễ, mai táng, chôn cất",
        [
            "Đăng ký khai tử",
            "Xóa đăng ký thường trú",
            "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
            "Chứng thực văn bản thỏa thuận phân chia di sản",
        ],
    ),
    (
        "Mua bán, thừa kế nhà đất",
        "mua-ban-thua-ke-nha-dat",
        "Các thủ tục khi mua, bán, được tặng cho hoặc thừa kế nhà đất.",
        "mua đất, bán đất, mua nhà, bán nhà, mua bán nhà đất, sang tên, thừa kế, tặng cho nhà đất, chuyển nhượng đất",
        [
            "Chứng thực hợp đồng, giao dịch liên quan đến thực hiện quyền của người sử dụng đất",
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Tách thửa hoặc hợp thửa đất",
        ],
    ),
    (
        "Xây dựng nhà ở",
        "xay-dung-nha-o",
        "Các thủ tục khi xây mới, sửa chữa nhà ở.",
        "xây nhà, xây nhà mới, làm nhà, sửa nhà, cơi nới nhà",
        ["Cấp giấy phép xây dựng nhà ở riêng lẻ", "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình"],
    ),
    (
        "Mất việc làm",
        "mat-viec-lam",
        "Các thủ tục khi người lao động mất việc, nghỉ việc.",
        "mất việc, mất việc làm, bị sa thải, nghỉ việc, thất nghiệp, không có việc làm, bị cho thôi việc",
        ["Hưởng trợ cấp thất nghiệp", "Giải quyết hưởng bảo hiểm xã hội một lần", "Đăng ký tham gia bảo hiểm xã hội tự nguyện"],
    ),
    (
        "Thành lập và hoạt động doanh nghiệp",
        "thanh-lap-doanh-nghiep",
        "Các thủ tục khi mở và vận hành doanh nghiệp.",
        "mở công ty, khởi nghiệp, mở doanh nghiệp, làm chủ doanh nghiệp, kinh doanh lớn",
        [
            "Đăng ký thành lập doanh nghiệp tư nhân",
            "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
            "Đăng ký thành lập công ty cổ phần",
            "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp",
            "Giải thể doanh nghiệp",
        ],
    ),
    (
        "Hộ kinh doanh",
        "ho-kinh-doanh",
        "Các thủ tục khi mở cửa hàng, quán nhỏ của gia đình.",
        "mở cửa hàng, mở quán, bán hàng, buôn bán nhỏ, mở tiệm, kinh doanh nhỏ, quán ăn, tạp hóa",
        [
            "Đăng ký thành lập hộ kinh doanh",
            "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
            "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh",
            "Chấm dứt hoạt động hộ kinh doanh",
        ],
    ),
    (
        "Nghỉ hưu",
        "nghi-huu",
        "Các thủ tục khi người lao động nghỉ hưu.",
        "nghỉ hưu, về hưu, hết tuổi lao động, lương hưu",
        [
            "Giải quyết hưởng bảo hiểm xã hội một lần",
            "Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
        ],
    ),
    (
        "Người cao tuổi",
        "nguoi-cao-tuoi",
        "Các chế độ và thủ tục cho người cao tuổi.",
        "người cao tuổi, người già, người già neo đơn, cụ già, ông bà già, người già cô đơn, không nơi nương tựa",
        [
            "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội",
            "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội",
            "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        ],
    ),
    (
        "Người khuyết tật",
        "nguoi-khuyet-tat",
        "Các chế độ và thủ tục cho người khuyết tật.",
        "người khuyết tật, tàn tật, khuyết tật, người tàn tật",
        [
            "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội",
            "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội",
        ],
    ),
    (
        "Thay đổi nơi cư trú",
        "thay-doi-noi-cu-tru",
        "Các thủ tục khi chuyển nhà, chuyển hộ khẩu.",
        "chuyển hộ khẩu, chuyển nhà, chuyển chỗ ở, đổi chỗ ở, dọn nhà, chuyển đến nơi mới",
        ["Đăng ký thường trú", "Đăng ký tạm trú", "Xóa đăng ký thường trú", "Khai báo tạm vắng"],
    ),
]


def load_life_events():
    """The demo events with their procedures in order (those of the catalogue that exist); returns the count."""
    procedures = {}
    for pk, title in ProcedurePage.objects.values_list("pk", "title"):
        procedures.setdefault(title, pk)
    for name, slug, description, words, titles in EVENTS:
        event, _created = LifeEvent.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "words": words}
        )
        event.steps.all().delete()
        LifeEventProcedure.objects.bulk_create(
            [
                LifeEventProcedure(event=event, procedure_id=procedures[title], sort_order=order)
                for order, title in enumerate(titles)
                if title in procedures
            ]
        )
    return len(EVENTS)
