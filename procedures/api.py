"""Read-only JSON API of the catalogue: a filtered, paginated list and the full record by code."""

from django import forms
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from procedures import selectors
from procedures.exchange.records import to_national
from procedures.exchange.store import procedures_for_export, to_record
from procedures.models import AgencyPage, OnlineLevel, ProcedureField, ProcedureIndexPage, ProcedureLevel, ProcedurePage

MAX_PAGE_SIZE = 100


class ProcedureFilter(forms.Form):
    agency = forms.CharField(required=False, max_length=100)
    field = forms.CharField(required=False, max_length=50)
    level = forms.CharField(required=False, max_length=50)
    online = forms.ChoiceField(required=False, choices=[("", "")] + list(OnlineLevel.choices))
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def clean_agency(self):
        return self._lookup("agency", AgencyPage, "short_name", _("Không có cơ quan mã %(value)s."))

    def clean_field(self):
        return self._lookup("field", ProcedureField, "code", _("Không có lĩnh vực mã %(value)s."))

    def clean_level(self):
        return self._lookup("level", ProcedureLevel, "code", _("Không có cấp thực hiện mã %(value)s."))

    def _lookup(self, name, model, key, message):
        value = self.cleaned_data[name]
        if not value:
            return None
        obj = model.objects.filter(**{key: value}).first()
        if obj is None:
            raise forms.ValidationError(message % {"value": value})
        return obj


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(form):
    return _json({"errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()}}, status=400)


@require_GET
def procedure_list(request):
    form = ProcedureFilter(request.GET)
    if not form.is_valid():
        return _error(form)
    data = form.cleaned_data
    index = get_object_or_404(ProcedureIndexPage)
    procedures = selectors.live_procedures(index).prefetch_related("fields", "levels").order_by("code")
    if data["agency"]:
        procedures = procedures.child_of(data["agency"])
    if data["field"]:
        procedures = procedures.filter(fields=data["field"])
    if data["level"]:
        procedures = procedures.filter(levels=data["level"])
    if data["online"]:
        procedures = procedures.filter(online_level=data["online"])
    paginator = Paginator(procedures, data["page_size"] or 20)
    number = data["page"] or 1
    if number > max(paginator.num_pages, 1):
        return _json({"errors": {"page": [str(_("Trang không tồn tại."))]}}, status=404)
    page = paginator.page(number)
    items = list(page.object_list)
    selectors.attach_agencies(items)
    return _json(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "results": [
                {
                    "code": p.code,
                    "name": p.title,
                    "url": request.build_absolute_uri(p.url),
                    "api_url": request.build_absolute_uri(f"{request.path}{p.code}/"),
                    "agency": {"code": p.agency.short_name, "name": p.agency.title} if p.agency else None,
                    "fields": [{"code": f.code, "name": f.name} for f in p.fields.all()],
                    "levels": [{"code": lv.code, "name": lv.name} for lv in p.levels.all()],
                    "online_level": p.online_level,
                    "four_on_the_spot": p.four_on_the_spot,
                }
                for p in items
            ],
        }
    )


@require_GET
def procedure_detail(request, code):
    page = procedures_for_export(ProcedurePage.objects.live().public()).filter(code=code).first()
    if page is None:
        return _json({"errors": {"code": [str(_("Không có thủ tục mã %(code)s.") % {"code": code})]}}, status=404)
    selectors.attach_agencies([page])
    record = to_national(to_record(page))
    record["url"] = request.build_absolute_uri(page.url)
    return _json(record)
