from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Citizens' feedback on administrative regulations (PAKN) and the published questions and answers."""

    name = "feedback"
    verbose_name = _("Phản ánh, kiến nghị")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from portal.roles import MODERATORS, PUBLISH_PAGE_PERMISSIONS, REFORM_OFFICE, register_section

        from .models import FeedbackPage, QuestionIndexPage, Submission
        from .permissions import SubmissionPolicy

        register_permission_policy(Submission, SubmissionPolicy(Submission))

        register_section(FeedbackPage, {REFORM_OFFICE: PUBLISH_PAGE_PERMISSIONS})
        register_section(QuestionIndexPage, {REFORM_OFFICE: PUBLISH_PAGE_PERMISSIONS, MODERATORS: PUBLISH_PAGE_PERMISSIONS})
