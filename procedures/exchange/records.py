"""The canonical record and its conversion to and from the national sharing structure."""

import datetime
import html
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from portal.text import nfc, unstorable
from procedures.models import Channel, OnlineLevel, TimeUnit

CHANNEL_CODES = {"1": Channel.IN_PERSON, "2": Channel.ONLINE, "3": Channel.POST}
CHANNEL_NUMBERS = {value: key for key, value in CHANNEL_CODES.items()}
ONLINE_CODES = {"TOANTRINH": OnlineLevel.FULL, "MOTPHAN": OnlineLevel.PARTIAL, "": OnlineLevel.NONE}
ONLINE_NAMES = {value: key for key, value in ONLINE_CODES.items()}
TIME_UNITS = {str(unit.label): unit.value for unit in TimeUnit} | {unit.value: unit.value for unit in TimeUnit}


class RecordError:
    """One problem of a record: the column (a path in the national structure) and the reason."""

    def __init__(self, column, reason):
        self.column = column
        self.reason = reason

    def __repr__(self):
        return f"RecordError({self.column!r}, {self.reason!r})"


class InvalidRecord(Exception):
    """Every problem found in one record; `record` holds what could be read (its code, its related codes)."""

    def __init__(self, errors, record=None):
        super().__init__("; ".join(f"{e.column}: {e.reason}" for e in errors))
        self.errors = errors
        self.record = record


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


@dataclass
class Parsed:
    """One record of a file as read: the record (None when not even its shape could be read) and its problems."""

    sheet: str
    row: int
    record: Record | None
    problems: list  # [(sheet, row, column, reason)]


class Reader:
    """Reads one record, noting every problem instead of stopping at the first; a bad value reads as empty."""

    def __init__(self):
        self.errors = []

    def error(self, column, reason):
        self.errors.append(RecordError(column, reason))

    def text(self, value, column, limit=None, required=False):
        if value is None:
            value = ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, str | int | float):
            self.error(column, _("phải là chuỗi ký tự"))
            return ""
        value = nfc(str(value)).strip()
        bad = unstorable(value)
        if bad:
            self.error(column, _("chứa ký tự không lưu được: %(char)s") % {"char": bad})
            return ""
        if required and not value:
            self.error(column, _("bắt buộc, đang để trống"))
        if limit and len(value) > limit:
            self.error(column, _("dài quá %(limit)d ký tự") % {"limit": limit})
            return value[:limit]
        return value

    def number(self, value, column, integer=False):
        if value in (None, ""):
            return None
        try:
            parsed = Decimal(str(value).replace(" ", "").replace(",", "."))
        except InvalidOperation:
            self.error(column, _("không phải số: %(value)s") % {"value": shown(value)})
            return None
        if not parsed.is_finite():
            self.error(column, _("không phải số: %(value)s") % {"value": shown(value)})
            return None
        if parsed < 0:
            self.error(column, _("không được âm"))
            return None
        if integer:
            if parsed != parsed.to_integral_value():
                self.error(column, _("phải là số nguyên"))
                return None
            return int(parsed)
        return parsed.normalize() if parsed == parsed.to_integral_value() else parsed

    def flag(self, value, column):
        if isinstance(value, bool):
            return value
        folded = self.text(value, column).lower()
        if folded in {"", "0", "false", "khong", "không", "no"}:
            return False
        if folded in {"1", "true", "co", "có", "yes", "x"}:
            return True
        self.error(column, _("phải là có/không"))
        return False

    def date(self, value, column):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        raw = self.text(value, column)
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
        if raw:
            self.error(column, _("ngày không hợp lệ: %(value)s (dùng dd/mm/yyyy)") % {"value": shown(raw)})
        return None

    def listed(self, items, column, kind=dict):
        """The elements of a list that have the expected kind; each other element is a problem."""
        if items in (None, ""):
            return []
        if not isinstance(items, list):
            self.error(column, _("phải là một danh sách"))
            return []
        kept = []
        for index, item in enumerate(items):
            if isinstance(item, kind):
                kept.append(item)
            else:
                self.error(
                    f"{column}[{index + 1}]", _("phải là một đối tượng JSON") if kind is dict else _("phải là một giá trị")
                )
        return kept

    def pairs(self, items, column, code_key="MA", name_key="TEN"):
        result = []
        for index, item in enumerate(self.listed(items, column)):
            where = f"{column}[{index + 1}]"
            result.append(
                (
                    self.text(item.get(code_key), f"{where}.{code_key}", 50, True),
                    self.text(item.get(name_key), f"{where}.{name_key}", 255, True),
                )
            )
        return result

    def record(self, data):
        code = self.text(data.get("MATTHC"), "MATTHC", 50, True)
        implementing = self.pairs(data.get("COQUANTHUCHIEN"), "COQUANTHUCHIEN")
        manager = data.get("COQUANQUANLY")
        agency = ("", "")
        if manager:
            agency = (self.pairs([manager], "COQUANQUANLY") or [agency])[0]
        elif implementing:
            agency = implementing[0]
        else:
            self.error("COQUANQUANLY", _("cần cơ quan quản lý hoặc ít nhất một cơ quan thực hiện"))
        online = self.text(data.get("MUCDODVC"), "MUCDODVC").upper().replace(" ", "").replace("_", "")
        if online not in ONLINE_CODES:
            self.error("MUCDODVC", _("chỉ nhận TOANTRINH, MOTPHAN hoặc để trống"))
            online = ""
        related = self.listed(data.get("THUTUCLIENQUAN"), "THUTUCLIENQUAN", kind=str | int | float)
        return Record(
            code=code,
            name=self.text(data.get("TENTTHC"), "TENTTHC", 255, True),
            agency=agency,
            procedure_type=self.text(data.get("LOAITTHC"), "LOAITTHC", 255),
            decision_number=self.text(data.get("QUYETDINHCONGBO"), "QUYETDINHCONGBO", 100),
            keywords=self.text(data.get("TUKHOA"), "TUKHOA", 500),
            description=self.text(data.get("MOTA"), "MOTA"),
            levels=self.pairs(data.get("CAPTHUCHIEN"), "CAPTHUCHIEN"),
            fields=self.pairs(data.get("LINHVUCTHUCHIEN"), "LINHVUCTHUCHIEN"),
            applicants=self.pairs(data.get("DOITUONGTHUCHIEN"), "DOITUONGTHUCHIEN"),
            implementing=implementing,
            authorised=self.text(data.get("COQUANCOTHAMQUYEN"), "COQUANCOTHAMQUYEN"),
            coordinating=self.text(data.get("COQUANPHOIHOP"), "COQUANPHOIHOP"),
            where_to_submit=self.text(data.get("DIACHITIEPNHAN"), "DIACHITIEPNHAN"),
            requirements="\n".join(line.strip() for line in self.text(data.get("YEUCAU"), "YEUCAU").splitlines() if line.strip()),
            online_level=ONLINE_CODES[online],
            online_url=self.text(data.get("DUONGDANDVC"), "DUONGDANDVC", 500),
            four_on_the_spot=self.flag(data.get("BONTAICHO", False), "BONTAICHO"),
            inter_agency=self.flag(data.get("LIENTHONG", False), "LIENTHONG"),
            steps=self.steps(data),
            channels=self.channels(data),
            dossier=self.dossier(data),
            results=[
                self.text(r.get("TENKETQUA"), f"KETQUATHUCHIEN[{i + 1}].TENKETQUA", required=True)
                for i, r in enumerate(self.listed(data.get("KETQUATHUCHIEN"), "KETQUATHUCHIEN"))
            ],
            legal_bases=self.legal_bases(data),
            related=[self.text(c, f"THUTUCLIENQUAN[{i + 1}]", 50, True) for i, c in enumerate(related)],
        )

    def steps(self, data):
        steps = []
        for g, group in enumerate(self.listed(data.get("TRINHTUTHUCHIEN"), "TRINHTUTHUCHIEN")):
            where = f"TRINHTUTHUCHIEN[{g + 1}]"
            case = self.text(group.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
            for s, step in enumerate(self.listed(group.get("BUOC"), f"{where}.BUOC")):
                step_where = f"{where}.BUOC[{s + 1}]"
                steps.append(
                    (
                        case,
                        self.text(step.get("TENBUOC"), f"{step_where}.TENBUOC", 255, True),
                        self.text(step.get("MOTA"), f"{step_where}.MOTA"),
                    )
                )
        return steps

    def channels(self, data):
        channels = []
        for c, channel in enumerate(self.listed(data.get("CACHTHUCTHUCHIEN"), "CACHTHUCTHUCHIEN")):
            where = f"CACHTHUCTHUCHIEN[{c + 1}]"
            kind = CHANNEL_CODES.get(self.text(channel.get("KENH"), f"{where}.KENH"))
            if kind is None:
                self.error(f"{where}.KENH", _("chỉ nhận 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính)"))
            case = self.text(channel.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
            times = self.listed(channel.get("THOIGIAN"), f"{where}.THOIGIAN") or [{}]
            fees = self.listed(channel.get("PHILEPHI"), f"{where}.PHILEPHI") or [{}]
            for t in range(max(len(times), len(fees))):
                time = times[t] if t < len(times) else {}
                fee = fees[t] if t < len(fees) else {}
                unit_column = f"{where}.THOIGIAN[{t + 1}].DONVI"
                unit_label = self.text(time.get("DONVI"), unit_column) or str(TimeUnit.WORKING_DAYS.label)
                unit = TIME_UNITS.get(unit_label.lower())
                if unit is None:
                    self.error(unit_column, _("đơn vị thời hạn không hợp lệ: %(value)s") % {"value": shown(unit_label)})
                channels.append(
                    (
                        kind,
                        case,
                        self.number(time.get("SOLUONG"), f"{where}.THOIGIAN[{t + 1}].SOLUONG"),
                        unit,
                        self.text(time.get("MOTA"), f"{where}.THOIGIAN[{t + 1}].MOTA"),
                        self.number(fee.get("SOTIEN"), f"{where}.PHILEPHI[{t + 1}].SOTIEN", integer=True),
                        self.text(fee.get("DONVI"), f"{where}.PHILEPHI[{t + 1}].DONVI", 100),
                        self.text(fee.get("MOTA"), f"{where}.PHILEPHI[{t + 1}].MOTA"),
                    )
                )
        return channels

    def dossier(self, data):
        dossier = []
        for g, group in enumerate(self.listed(data.get("THANHPHANHOSO"), "THANHPHANHOSO")):
            where = f"THANHPHANHOSO[{g + 1}]"
            case = self.text(group.get("TRUONGHOP"), f"{where}.TRUONGHOP", 255)
            for d, doc in enumerate(self.listed(group.get("GIAYTO"), f"{where}.GIAYTO")):
                doc_where = f"{where}.GIAYTO[{d + 1}]"
                dossier.append(
                    (
                        case,
                        self.text(doc.get("TENGIAYTO"), f"{doc_where}.TENGIAYTO", required=True),
                        self.number(doc.get("SOBANCHINH"), f"{doc_where}.SOBANCHINH", integer=True) or 0,
                        self.number(doc.get("SOBANSAO"), f"{doc_where}.SOBANSAO", integer=True) or 0,
                        self.text(doc.get("TENMAUDON"), f"{doc_where}.TENMAUDON", 255),
                    )
                )
        return dossier

    def legal_bases(self, data):
        legal = []
        for b, basis in enumerate(self.listed(data.get("CANCUPHAPLY"), "CANCUPHAPLY")):
            where = f"CANCUPHAPLY[{b + 1}]"
            legal.append(
                (
                    self.text(basis.get("SOVANBAN"), f"{where}.SOVANBAN", 100, True),
                    self.text(basis.get("TENVANBAN"), f"{where}.TENVANBAN"),
                    self.date(basis.get("NGAYBANHANH"), f"{where}.NGAYBANHANH"),
                    self.text(basis.get("COQUANBANHANH"), f"{where}.COQUANBANHANH", 255),
                )
            )
        return legal


def shown(value, limit=60):
    """A value quoted in a message: shortened, with invisible characters spelled out."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return repr(text)


def from_national(data):
    """A record from one entry of the national structure; raises InvalidRecord listing every problem."""
    if not isinstance(data, dict):
        raise InvalidRecord([RecordError("", _("mỗi thủ tục phải là một đối tượng JSON"))])
    reader = Reader()
    record = reader.record(data)
    if reader.errors:
        raise InvalidRecord(reader.errors, record)
    return record


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
