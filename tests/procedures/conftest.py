import copy
import json

import pytest

BASE = {
    "MATTHC": "1.001193",
    "TENTTHC": "Đăng ký khai sinh",
    "LOAITTHC": "Thủ tục hành chính được công bố",
    "QUYETDINHCONGBO": "91/QĐ-UBND",
    "TUKHOA": "làm giấy khai sinh",
    "MOTA": "Đăng ký khai sinh cho trẻ em.",
    "COQUANQUANLY": {"MA": "STP", "TEN": "Sở Tư pháp"},
    "CAPTHUCHIEN": [{"MA": "XA", "TEN": "Cấp Xã"}],
    "LINHVUCTHUCHIEN": [{"MA": "HT", "TEN": "Hộ tịch"}],
    "DOITUONGTHUCHIEN": [{"MA": "CD", "TEN": "Công dân Việt Nam"}],
    "COQUANTHUCHIEN": [{"MA": "UBND-XA", "TEN": "UBND cấp xã"}],
    "COQUANCOTHAMQUYEN": "Chủ tịch UBND cấp xã",
    "COQUANPHOIHOP": "",
    "DIACHITIEPNHAN": "Bộ phận Một cửa UBND cấp xã",
    "YEUCAU": "Người đi đăng ký phải mang giấy tờ tùy thân.",
    "MUCDODVC": "TOANTRINH",
    "DUONGDANDVC": "https://dichvucong.gov.vn/ks",
    "BONTAICHO": False,
    "LIENTHONG": True,
    "TRINHTUTHUCHIEN": [
        {
            "TRUONGHOP": "",
            "BUOC": [{"TENBUOC": "Nộp hồ sơ", "MOTA": "Tại bộ phận một cửa"}, {"TENBUOC": "Trả kết quả", "MOTA": ""}],
        }
    ],
    "CACHTHUCTHUCHIEN": [
        {
            "KENH": 1,
            "TRUONGHOP": "",
            "THOIGIAN": [{"SOLUONG": 1, "DONVI": "ngày làm việc", "MOTA": "Trong ngày nếu nộp trước 15 giờ"}],
            "PHILEPHI": [{"SOTIEN": None, "DONVI": "", "MOTA": "Miễn lệ phí"}],
        },
        {
            "KENH": 2,
            "TRUONGHOP": "",
            "THOIGIAN": [{"SOLUONG": 1, "DONVI": "ngày làm việc", "MOTA": ""}],
            "PHILEPHI": [{"SOTIEN": None, "DONVI": "", "MOTA": ""}],
        },
    ],
    "THANHPHANHOSO": [
        {
            "TRUONGHOP": "",
            "GIAYTO": [
                {"TENGIAYTO": "Tờ khai đăng ký khai sinh", "SOBANCHINH": 1, "SOBANSAO": 0, "TENMAUDON": "Mẫu tờ khai khai sinh"},
                {"TENGIAYTO": "Giấy chứng sinh", "SOBANCHINH": 1, "SOBANSAO": 0, "TENMAUDON": ""},
            ],
        }
    ],
    "KETQUATHUCHIEN": [{"TENKETQUA": "Giấy khai sinh"}],
    "CANCUPHAPLY": [
        {"SOVANBAN": "60/2014/QH13", "TENVANBAN": "Luật Hộ tịch", "NGAYBANHANH": "20/11/2014", "COQUANBANHANH": "Quốc hội"}
    ],
    "THUTUCLIENQUAN": [],
}


def national(code="1.001193", **overrides):
    record = copy.deepcopy(BASE)
    record["MATTHC"] = code
    record.update(overrides)
    return record


@pytest.fixture
def write_json(tmp_path):
    def write(records, name="tthc.json"):
        path = tmp_path / name
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        return path

    return write
