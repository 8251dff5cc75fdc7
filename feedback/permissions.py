"""Who may see and do what with feedback; every view and action asks here, and nowhere else.

- The reform office (permission `triage_submission`, group "Cán bộ CCHC") sees everything and routes it.
- Approvers (`approve_submission`: the reform office and "Người duyệt") see everything, approve and publish.
- Department staff see and answer what is assigned to their agency. That right is placeful, as for
  procedures: it derives from page permissions on the agency page the submission is assigned to.
- Personal data is shown to the reform office and to the agency handling the submission only.
"""

from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from feedback.choices import AT_AGENCY, Status

TRIAGE = "feedback.triage_submission"
APPROVE = "feedback.approve_submission"
REPORT = "feedback.view_feedback_report"
PERSONAL_DATA = "feedback.manage_personal_data"

_pages = PagePermissionPolicy()


def answerable_agency_ids(user):
    """Agencies whose page the user may edit (their own agency's subtree), cached on the user object."""
    cached = getattr(user, "_feedback_agencies", None)
    if cached is None:
        from procedures.models import AgencyPage

        if not (user.is_authenticated and user.is_active):
            cached = frozenset()
        else:
            editable = _pages.instances_user_has_permission_for(user, "change")
            cached = frozenset(AgencyPage.objects.filter(pk__in=editable.values("pk")).values_list("pk", flat=True))
        user._feedback_agencies = cached
    return cached


def is_office(user):
    return user.has_perm(TRIAGE) or user.has_perm(APPROVE)


def can_enter(user):
    return user.is_active and (is_office(user) or bool(answerable_agency_ids(user)))


def visible(user, queryset):
    if is_office(user):
        return queryset
    return queryset.filter(agency_id__in=answerable_agency_ids(user))


def can_view(user, submission):
    return is_office(user) or (submission.agency_id is not None and submission.agency_id in answerable_agency_ids(user))


def answers_for(user, submission):
    return submission.agency_id is not None and submission.agency_id in answerable_agency_ids(user)


def sees_personal_data(user, submission):
    return user.has_perm(TRIAGE) or answers_for(user, submission)


# Each action: the states it applies to and who may take it there.
RULES = {
    "assign": ((Status.NEW, *AT_AGENCY), lambda u, s: u.has_perm(TRIAGE)),
    "reject": ((Status.NEW,), lambda u, s: u.has_perm(TRIAGE)),
    "merge": ((Status.NEW, *AT_AGENCY), lambda u, s: u.has_perm(TRIAGE)),
    "answer": (AT_AGENCY, answers_for),
    "refer_back": (AT_AGENCY, answers_for),
    "return": ((Status.ANSWERED, Status.APPROVED), lambda u, s: u.has_perm(APPROVE) or u.has_perm(TRIAGE)),
    "approve": ((Status.ANSWERED,), lambda u, s: u.has_perm(APPROVE)),
    "publish": ((Status.APPROVED, Status.PUBLISHED), lambda u, s: u.has_perm(APPROVE) and s.publish_allowed),
    "unpublish": ((Status.PUBLISHED,), lambda u, s: u.has_perm(APPROVE)),
    "close": ((Status.APPROVED,), lambda u, s: u.has_perm(APPROVE) or u.has_perm(TRIAGE)),
    "note": (tuple(Status), can_view),
}


def can(user, action, submission):
    states, allowed = RULES[action]
    return submission.status in states and can_view(user, submission) and allowed(user, submission)


def allowed_actions(user, submission):
    return [name for name in RULES if can(user, name, submission)]


class SubmissionPolicy(BasePermissionPolicy):
    """The admin's view of the rules above: listing and inspecting; changes go through the actions only."""

    def user_has_permission(self, user, action):
        return action == "view" and can_enter(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and can_view(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return self.model.objects.none()
        return visible(user, self.model.objects.all())
