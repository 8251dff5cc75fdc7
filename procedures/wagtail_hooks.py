from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import DecisionPage
from portal.web.page_cache import page_section
from procedures.models import ApplicantType, ProcedureField, ProcedureLevel, ProcedurePage


class ProcedureFieldViewSet(SnippetViewSet):
    model = ProcedureField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class ProcedureLevelViewSet(SnippetViewSet):
    model = ProcedureLevel
    icon = "list-ol"
    menu_label = _("Cấp thực hiện")
    list_display = ["name", "code", "sort_order"]


class ApplicantTypeViewSet(SnippetViewSet):
    model = ApplicantType
    icon = "group"
    menu_label = _("Đối tượng thực hiện")
    list_display = ["name", "code"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (ProcedureFieldViewSet, ProcedureLevelViewSet, ApplicantTypeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Danh mục TTHC")
    menu_name = "procedure_catalogue"


register_snippet(CatalogueViewSetGroup)


@hooks.register("page_cache_shown_on")
def procedures_citing(page):
    """A decision's title and number show on the procedures whose legal bases cite it (one per section)."""
    if not isinstance(page, DecisionPage):
        return []
    citing = ProcedurePage.objects.filter(legal_bases__document=page).only("url_path", "depth")
    return list({page_section(procedure): procedure for procedure in citing}.values())
