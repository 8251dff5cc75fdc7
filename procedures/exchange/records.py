"""The canonical record and its conversion to and from the national sharing structure."""

import datetime
import html
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from portal.text import nfc
from procedures.models import Channel, OnlineLevel, TimeUnit

CHANNEL_CODES = {"1": Channel.IN_PERSON, "2": Channel.ONLINE, "3": Channel.POST}
CHANNEL_NUMBERS = {value: key for key, value in CHANNEL_CODES.items()}
ONLINE_CODES = {"TOANTRINH": OnlineLevel.FULL, "MOTPHAN": OnlineLevel.PARTIAL, "": OnlineLevel.NONE}
ONLINE_NAMES = {value: key for key, value in ONLINE_CODES.items()}
TIME_UNITS = {str(unit.label): unit.value for unit in TimeUnit} | {unit.value: unit.value for unit in TimeUnit}


class RecordError(Exception):
    def __init__(self, column, reason):
        super().__init__(reason)
        self.column = column
        self.reason = reason


@dataclass
class Record:
    code: str
    name: str
    agency: tuple
    procedure_type: str = ""
    decision_number: str = ""
    keywords: str = ""
    description: str = ""
    levels: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    applicants: list = field(default_factory=list)
    implementing: list = field(default_factory=list)
    authorised: str = ""
    coordinating: str = ""
    where_to_submit: str = ""
    requirements: str = ""
    online_level: str = OnlineLevel.NONE
    online_url: str = ""
    four_on_the_spot: bool = False
    inter_agency: bool = False
    steps: list = field(default_factory=list)
    channels: list = field(default_factory=list)
    dossier: list = field(default_factory=list)
    results: list = field(default_factory=list)
    legal_bases: list = field(default_factory=list)
    related: list = field(default_factory=list)

    def as_comparable(self):
        return asdict(self)


def text(value, column, limit=None, required=False):
    if value is None:
        value = ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, str | int | float):
        raise RecordError(column, _("phải là chuỗi ký tự"))
    value = nfc(str(value)).strip()
    if required and not value:
        raise RecordError(column, _("bắt buộc, đang để trống"))
    if limit and len(value) > limit:
        raise RecordError(column, _("dài quá %(limit)d ký tự") % {"limit": limit})
    return value


def number(value, column, integer=False):
    if value in (None, ""):
        return None
    try:
        parsed = Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise RecordError(column, _("không phải số: %(value)r") % {"value": value}) from None
    if parsed < 0:
        raise RecordError(column, _("không được âm"))
    if integer:
        if parsed != parsed.to_integral_value():
            raise RecordError(column, _("phải là số nguyên"))
        return int(parsed)
    return parsed.normalize() if parsed == parsed.to_integral_value() else parsed


def flag(value, column):
    if isinstance(value, bool):
        return value
    folded = text(value, column).lower()
    if folded in {"", "0", "false", "khong", "không", "no"}:
        return False
    if folded in {"1", "true", "co", "có", "yes", "x"}:
        return True
    raise RecordError(column, _("phải là có/không"))


def date(value, column):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value, column)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise RecordError(column, _("ngày không hợp lệ: %(value)r (dùng dd/mm/yyyy)") % {"value": raw})


def pairs(items, column, code_key="MA", name_key="TEN"):
    if items in (None, ""):
        return []
    if not isinstance(items, list):
        raise RecordError(column, _("phải là một danh sách"))
    result = []
    for index, item in enumerate(items):
        where = f"{column}[{index + 1}]"
        if not isinstance(item, dict):
            raise RecordError(where, _("phải là một đối tượng {MA, TEN}"))
        result.append(
            (
                text(item.get(code_key), f"{where}.{code_key}", 50, True),
                text(item.get(name_key), f"{where}.{name_key}", 255, True),
            )
        )
    return result


def listed(items, column):
    """A list of objects; each element must be a JSON object."""
    if items in (None, ""):
        return []
    if not isinstance(items, list):
        raise RecordError(column, _("phải là một danh sách"))
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise RecordError(f"{column}[{index + 1}]", _("phải là một đối tượng JSON"))
    return items


def codes(items):
    if items in (None, ""):
        return []
    if not isinstance(items, list):
        raise RecordError("THUTUCLIENQUAN", _("phải là danh sách mã thủ tục"))
    return items


def from_national(data):
    """A record from one entry of the national structure; raises RecordError naming the column."""
    if not isinstance(data, dict):
        raise RecordError("", _("mỗi thủ tục phải là một đối tượng JSON"))
    code = text(data.get("MATTHC"), "MATTHC", 50, True)
    implementing = pairs(data.get("COQUANTHUCHIEN"), "COQUANTHUCHIEN")
    manager = data.get("COQUANQUANLY")
    if manager:
        agency = pairs([manager], "COQUANQUANLY")[0]
    elif implementing:
        agency = implementing[0]
    else:
        raise RecordError("COQUANQUANLY", _("cần cơ quan quản lý hoặc ít nhất một cơ quan thực hiện"))
    online = text(data.get("MUCDODVC"), "MUCDODVC").upper().replace(" ", "").replace("_", "")
    if online not in ONLINE_CODES:
        raise RecordError("MUCDODVC", _("chỉ nhận TOANTRINH, MOTPHAN hoặc để trống"))

    steps = []
    for g, group in enumerate(listed(data.get("TRINHTUTHUCHIEN"), "TRINHTUTHUCHIEN")):
        where = f"TRINHTUTHUCHIEN[{g + 1}]"
        case = text(group.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
        for s, step in enumerate(listed(group.get("BUOC"), f"{where}.BUOC")):
            step_where = f"{where}.BUOC[{s + 1}]"
            steps.append(
                (
                    case,
                    text(step.get("TENBUOC"), f"{step_where}.TENBUOC", 255, True),
                    text(step.get("MOTA"), f"{step_where}.MOTA"),
                )
            )

    channels = []
    for c, channel in enumerate(listed(data.get("CACHTHUCTHUCHIEN"), "CACHTHUCTHUCHIEN")):
        where = f"CACHTHUCTHUCHIEN[{c + 1}]"
        kind = CHANNEL_CODES.get(text(channel.get("KENH"), f"{where}.KENH"))
        if kind is None:
            raise RecordError(f"{where}.KENH", _("chỉ nhận 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính)"))
        case = text(channel.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
        times = listed(channel.get("THOIGIAN"), f"{where}.THOIGIAN") or [{}]
        fees = listed(channel.get("PHILEPHI"), f"{where}.PHILEPHI") or [{}]
        for t in range(max(len(times), len(fees))):
            time = times[t] if t < len(times) else {}
            fee = fees[t] if t < len(fees) else {}
            unit_label = text(time.get("DONVI"), f"{where}.THOIGIAN[{t + 1}].DONVI") or str(TimeUnit.WORKING_DAYS.label)
            unit = TIME_UNITS.get(unit_label.lower())
            if unit is None:
                raise RecordError(
                    f"{where}.THOIGIAN[{t + 1}].DONVI", _("đơn vị thời hạn không hợp lệ: %(value)r") % {"value": unit_label}
                )
            channels.append(
                (
                    kind,
                    case,
                    number(time.get("SOLUONG"), f"{where}.THOIGIAN[{t + 1}].SOLUONG"),
                    unit,
                    text(time.get("MOTA"), f"{where}.THOIGIAN[{t + 1}].MOTA"),
                    number(fee.get("SOTIEN"), f"{where}.PHILEPHI[{t + 1}].SOTIEN", integer=True),
                    text(fee.get("DONVI"), f"{where}.PHILEPHI[{t + 1}].DONVI", 100),
                    text(fee.get("MOTA"), f"{where}.PHILEPHI[{t + 1}].MOTA"),
                )
            )

    dossier = []
    for g, group in enumerate(listed(data.get("THANHPHANHOSO"), "THANHPHANHOSO")):
        where = f"THANHPHANHOSO[{g + 1}]"
        case = text(group.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
        for d, doc in enumerate(listed(group.get("GIAYTO"), f"{where}.GIAYTO")):
            doc_where = f"{where}.GIAYTO[{d + 1}]"
            dossier.append(
                (
                    case,
                    text(doc.get("TENGIAYTO"), f"{doc_where}.TENGIAYTO", required=True),
                    number(doc.get("SOBANCHINH"), f"{doc_where}.SOBANCHINH", integer=True) or 0,
                    number(doc.get("SOBANSAO"), f"{doc_where}.SOBANSAO", integer=True) or 0,
                    text(doc.get("TENMAUDON"), f"{doc_where}.TENMAUDON", 255),
                )
            )

    legal = []
    for b, basis in enumerate(listed(data.get("CANCUPHAPLY"), "CANCUPHAPLY")):
        where = f"CANCUPHAPLY[{b + 1}]"
        legal.append(
            (
                text(basis.get("SOVANBAN"), f"{where}.SOVANBAN", 100, True),
                text(basis.get("TENVANBAN"), f"{where}.TENVANBAN"),
                date(basis.get("NGAYBANHANH"), f"{where}.NGAYBANHANH"),
                text(basis.get("COQUANBANHANH"), f"{where}.COQUANBANHANH", 255),
            )
        )

    return Record(
        code=code,
        name=text(data.get("TENTTHC"), "TENTTHC", 255, True),
        agency=agency,
        procedure_type=text(data.get("LOAITTHC"), "LOAITTHC", 255),
        decision_number=text(data.get("QUYETDINHCONGBO"), "QUYETDINHCONGBO", 100),
        keywords=text(data.get("TUKHOA"), "TUKHOA", 500),
        description=text(data.get("MOTA"), "MOTA"),
        levels=pairs(data.get("CAPTHUCHIEN"), "CAPTHUCHIEN"),
        fields=pairs(data.get("LINHVUCTHUCHIEN"), "LINHVUCTHUCHIEN"),
        applicants=pairs(data.get("DOITUONGTHUCHIEN"), "DOITUONGTHUCHIEN"),
        implementing=implementing,
        authorised=text(data.get("COQUANCOTHAMQUYEN"), "COQUANCOTHAMQUYEN"),
        coordinating=text(data.get("COQUANPHOIHOP"), "COQUANPHOIHOP"),
        where_to_submit=text(data.get("DIACHITIEPNHAN"), "DIACHITIEPNHAN"),
        requirements="\n".join(line.strip() for line in text(data.get("YEUCAU"), "YEUCAU").splitlines() if line.strip()),
        online_level=ONLINE_CODES[online],
        online_url=text(data.get("DUONGDANDVC"), "DUONGDANDVC", 500),
        four_on_the_spot=flag(data.get("BONTAICHO", False), "BONTAICHO"),
        inter_agency=flag(data.get("LIENTHONG", False), "LIENTHONG"),
        steps=steps,
        channels=channels,
        dossier=dossier,
        results=[
            text(r.get("TENKETQUA"), f"KETQUATHUCHIEN[{i + 1}].TENKETQUA", required=True)
            for i, r in enumerate(listed(data.get("KETQUATHUCHIEN"), "KETQUATHUCHIEN"))
        ],
        legal_bases=legal,
        related=[text(c, f"THUTUCLIENQUAN[{i + 1}]", 50, True) for i, c in enumerate(codes(data.get("THUTUCLIENQUAN")))],
    )


def _grouped(rows, key_name, item):
    groups = {}
    for row in rows:
        groups.setdefault(row[0], []).append(item(row))
    return [{"TRUONGHOP": case, key_name: items} for case, items in groups.items()]


def _decimal_out(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def to_national(record):
    return {
        "MATTHC": record.code,
        "TENTTHC": record.name,
        "LOAITTHC": record.procedure_type,
        "QUYETDINHCONGBO": record.decision_number,
        "TUKHOA": record.keywords,
        "MOTA": record.description,
        "COQUANQUANLY": {"MA": record.agency[0], "TEN": record.agency[1]},
        "CAPTHUCHIEN": [{"MA": c, "TEN": n} for c, n in record.levels],
        "LINHVUCTHUCHIEN": [{"MA": c, "TEN": n} for c, n in record.fields],
        "DOITUONGTHUCHIEN": [{"MA": c, "TEN": n} for c, n in record.applicants],
        "COQUANTHUCHIEN": [{"MA": c, "TEN": n} for c, n in record.implementing],
        "COQUANCOTHAMQUYEN": record.authorised,
        "COQUANPHOIHOP": record.coordinating,
        "DIACHITIEPNHAN": record.where_to_submit,
        "YEUCAU": record.requirements,
        "MUCDODVC": ONLINE_NAMES[record.online_level],
        "DUONGDANDVC": record.online_url,
        "BONTAICHO": record.four_on_the_spot,
        "LIENTHONG": record.inter_agency,
        "TRINHTUTHUCHIEN": _grouped(record.steps, "BUOC", lambda s: {"TENBUOC": s[1], "MOTA": s[2]}),
        "CACHTHUCTHUCHIEN": [
            {
                "KENH": int(CHANNEL_NUMBERS[c[0]]),
                "TRUONGHOP": c[1],
                "THOIGIAN": [{"SOLUONG": _decimal_out(c[2]), "DONVI": str(TimeUnit(c[3]).label), "MOTA": c[4]}],
                "PHILEPHI": [{"SOTIEN": c[5], "DONVI": c[6], "MOTA": c[7]}],
            }
            for c in record.channels
        ],
        "THANHPHANHOSO": _grouped(
            record.dossier, "GIAYTO", lambda d: {"TENGIAYTO": d[1], "SOBANCHINH": d[2], "SOBANSAO": d[3], "TENMAUDON": d[4]}
        ),
        "KETQUATHUCHIEN": [{"TENKETQUA": r} for r in record.results],
        "CANCUPHAPLY": [
            {"SOVANBAN": n, "TENVANBAN": t, "NGAYBANHANH": d.strftime("%d/%m/%Y") if d else "", "COQUANBANHANH": i}
            for n, t, d, i in record.legal_bases
        ],
        "THUTUCLIENQUAN": list(record.related),
    }


_PARAGRAPH = re.compile(r"<p[^>]*>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def text_to_richtext(value):
    return "".join(f"<p>{html.escape(line)}</p>" for line in value.splitlines() if line.strip())


def richtext_to_text(value):
    paragraphs = _PARAGRAPH.findall(value or "") or ([value] if value else [])
    return "\n".join(html.unescape(_TAG.sub("", p)).strip() for p in paragraphs if p.strip())
