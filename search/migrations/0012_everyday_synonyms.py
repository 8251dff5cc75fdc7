"""More of the words citizens use for what the catalogue names otherwise, across its fields (schools,
vehicles, land, health, trade, family records, social insurance): "bằng tốt nghiệp" for "văn bằng",
"xe máy" for "xe mô tô", "cấp 3" for "trung học phổ thông". Editors maintain them afterwards; a group an
editor already has is left as it is."""

from django.db import migrations

EVERYDAY = "cách nói thường ngày"
SYNONYMS = [
    ("văn bằng, bằng tốt nghiệp, bằng cấp, bằng đại học", EVERYDAY),
    ("trung học phổ thông, THPT, cấp 3, cấp ba, lớp 10, lớp 11, lớp 12", EVERYDAY),
    ("trung học cơ sở, THCS, cấp 2, cấp hai", EVERYDAY),
    ("mầm non, mẫu giáo, nhà trẻ", EVERYDAY),
    ("trợ giúp pháp lý, luật sư miễn phí, tư vấn pháp luật miễn phí", EVERYDAY),
    ("xe mô tô, xe máy, xe gắn máy", EVERYDAY),
    ("xe ô tô, ô tô, xe hơi", EVERYDAY),
    ("lần đầu, mới mua, mua mới", EVERYDAY),
    ("bán lẻ xăng dầu, cây xăng, trạm xăng, cây xăng dầu", EVERYDAY),
    ("kinh doanh dược, nhà thuốc, hiệu thuốc, quầy thuốc, bán thuốc tây", EVERYDAY),
    ("khuyến mại, khuyến mãi", "hai cách viết"),
    ("giải thể doanh nghiệp, đóng cửa công ty, giải thể công ty, dẹp công ty", EVERYDAY),
    ("tạm ngừng kinh doanh, tạm nghỉ kinh doanh, tạm nghỉ bán, nghỉ bán một thời gian", EVERYDAY),
    ("chấm dứt hoạt động hộ kinh doanh, đóng cửa hàng, dẹp quán, nghỉ kinh doanh hẳn", EVERYDAY),
    ("thay đổi người đại diện theo pháp luật, đổi giám đốc, thay giám đốc", EVERYDAY),
    ("thay đổi vốn điều lệ, tăng vốn, giảm vốn", EVERYDAY),
    ("thay đổi địa chỉ trụ sở, chuyển địa chỉ công ty, chuyển trụ sở", EVERYDAY),
    ("cải chính, sửa sai, sửa lại, đính chính", EVERYDAY),
    ("chỉnh sửa nội dung, sửa thông tin, sửa sai thông tin", EVERYDAY),
    ("khai tử, giấy chứng tử, báo tử", EVERYDAY),
    ("nhận cha mẹ con, nhận con riêng, nhận cha cho con, nhận bố cho con", EVERYDAY),
    ("nuôi con nuôi, nhận con nuôi, xin con nuôi", EVERYDAY),
    ("thôi quốc tịch, bỏ quốc tịch", EVERYDAY),
    ("nhập quốc tịch, xin vào quốc tịch, vào quốc tịch", EVERYDAY),
    ("trở lại quốc tịch, lấy lại quốc tịch, xin lại quốc tịch", EVERYDAY),
    ("chứng thực di chúc, lập di chúc, làm di chúc, viết di chúc", EVERYDAY),
    ("phân chia di sản, chia thừa kế, chia di sản", EVERYDAY),
    ("tài sản là động sản, mua bán xe, bán xe, mua xe", EVERYDAY),
    ("chứng thực chữ ký người dịch, dịch thuật công chứng, dịch công chứng", EVERYDAY),
    ("chứng thực bản sao, sao y, photo công chứng, sao y bản chính", EVERYDAY),
    ("chuyển mục đích sử dụng đất, lên thổ cư, chuyển lên đất ở, chuyển đổi đất", EVERYDAY),
    ("đất ở, thổ cư", EVERYDAY),
    ("đất nông nghiệp, đất vườn, đất ruộng, đất trồng lúa", EVERYDAY),
    ("tranh chấp đất đai, tranh chấp đất, kiện đất", EVERYDAY),
    ("xóa đăng ký thế chấp, xóa thế chấp, giải chấp", EVERYDAY),
    ("thế chấp, vay ngân hàng, cầm sổ", EVERYDAY),
    ("sửa chữa, cải tạo, sửa nhà, nâng cấp nhà", EVERYDAY),
    ("xây dựng, xây", EVERYDAY),
    ("xin giấy phép, xin phép", EVERYDAY),
    ("di dời công trình, dời nhà", EVERYDAY),
    ("xóa đăng ký thường trú, cắt hộ khẩu, xóa hộ khẩu, chuyển khẩu đi", EVERYDAY),
    ("tạm trú, thuê trọ, ở trọ, nhà trọ", EVERYDAY),
    ("cấp đổi thẻ căn cước, đổi căn cước, đổi thẻ căn cước", EVERYDAY),
    ("cấp lại thẻ căn cước, làm lại căn cước, mất căn cước", EVERYDAY),
    ("hộ chiếu, passport", EVERYDAY),
    ("hưởng bảo hiểm xã hội một lần, rút bảo hiểm xã hội một lần, rút bảo hiểm một lần, rút sổ bảo hiểm", EVERYDAY),
    ("ốm đau, nghỉ ốm, nghỉ bệnh, bị ốm", EVERYDAY),
    ("thai sản, nghỉ sinh, nghỉ đẻ, mang bầu", EVERYDAY),
    ("trẻ em, em bé, con nhỏ, cháu bé", EVERYDAY),
    ("giấy phép lao động, thuê người nước ngoài, thuê lao động nước ngoài", EVERYDAY),
    ("phòng khám chuyên khoa, phòng khám nha khoa, phòng nha, phòng mạch", EVERYDAY),
    ("hành nghề khám bệnh, chữa bệnh, hành nghề bác sĩ, làm bác sĩ", EVERYDAY),
    ("cơ sở lưu trú du lịch, khách sạn, nhà nghỉ, homestay", EVERYDAY),
    ("bán lẻ rượu, bán rượu, bán rượu bia", EVERYDAY),
    ("bán lẻ sản phẩm thuốc lá, bán thuốc lá", EVERYDAY),
    ("trang thông tin điện tử, trang web, website, báo điện tử", EVERYDAY),
    ("bưu chính, chuyển phát, giao hàng, ship hàng", EVERYDAY),
    ("kinh doanh vận tải bằng xe ô tô, chạy taxi, chạy xe khách, xe hợp đồng", EVERYDAY),
    ("thi công công trình trên đường bộ, đào đường, đào vỉa hè", EVERYDAY),
    ("khai thác nước dưới đất, khoan giếng, đào giếng", EVERYDAY),
    ("kiểm dịch động vật, vận chuyển gia súc, chở lợn, chở heo", EVERYDAY),
    ("an toàn thực phẩm, ATTP, vệ sinh thực phẩm", EVERYDAY),
    ("thành lập hội, lập hội, lập câu lạc bộ", EVERYDAY),
    ("hợp tác xã, HTX", ""),
    ("hỗ trợ chi phí mai táng, tiền mai táng, tiền ma chay, tiền chôn cất", EVERYDAY),
    ("trợ cấp xã hội hàng tháng, trợ cấp người già, tiền trợ cấp hàng tháng", EVERYDAY),
    ("cách ly trẻ em, trẻ em bị bạo hành, trẻ bị xâm hại", EVERYDAY),
    ("bằng khen, giấy khen", EVERYDAY),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("search", "0011_popular_queries")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
