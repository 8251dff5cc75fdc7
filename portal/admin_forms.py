from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form leaves its password field unlabelled, so Django shows the English "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class PageForm(WagtailAdminPageForm):
    """Help texts for the page fields Wagtail leaves without one (the publishing schedule, comment
    notifications), and the model's own wording for inherited fields (`admin_help_texts`)."""

    HELP_TEXTS = {
        "go_live_at": _("Ngày giờ trang tự xuất bản, dạng dd/mm/yyyy hh:mm; để trống để xuất bản khi bấm Xuất bản"),
        "expire_at": _("Ngày giờ trang tự ngừng xuất bản, dạng dd/mm/yyyy hh:mm; để trống nếu không hết hạn"),
        "comment_notifications": _("Nhận thư điện tử khi có bình luận mới trên trang này"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = getattr(self._meta.model, "admin_help_texts", {})
        for name, text in self.HELP_TEXTS.items():
            if name in self.fields and not self.fields[name].help_text:
                self.fields[name].help_text = text
        for name, text in own.items():
            if name in self.fields:
                self.fields[name].help_text = text
