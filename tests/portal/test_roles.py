"""Each role, through the admin URLs: what it may do succeeds, what it may not gets 403."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage
from portal.models import SiteSettings
from portal.roles import REVIEW_WORKFLOW, agency_role
from tests import factories

pytestmark = pytest.mark.django_db


def news_form(title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "summary": "Tóm tắt",
            "display_date": "2025-07-01 08:00",
            "body": streamfield([]),
            "sidebar": streamfield([]),
            "attachments": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "main_image_caption": "",
            "main_image_credit": "",
            "author": "",
            "source": "",
            "tags": "",
        }
    )
    data["slug"] = title.lower().replace(" ", "-")
    data[action] = "1"
    return data


def assert_denied(response):
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def add_news_url(parent):
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", parent.pk))


def test_anonymous_visitors_are_sent_to_login(client, tree):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_editor_creates_news_and_submits_it_for_review(client, tree, users):
    client.force_login(users.editor)
    assert client.get(add_news_url(tree.category)).status_code == 200

    response = client.post(add_news_url(tree.category), news_form("Tin biên tập gửi duyệt", "action-submit"))
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Tin biên tập gửi duyệt")
    assert page.live is False
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.workflow.name == REVIEW_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(page.url or f"/tin-tuc/cchc/{page.slug}/").status_code == 404


def test_editor_cannot_publish(client, tree, users):
    client.force_login(users.editor)
    client.post(add_news_url(tree.category), news_form("Tin tự xuất bản", "action-publish"))
    page = NewsPage.objects.get(title="Tin tự xuất bản")
    assert page.live is False
    live = factories.NewsPageFactory(parent=tree.category)
    assert_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=(live.pk,))))
    assert_denied(client.post(reverse("wagtailadmin_pages:delete", args=(live.pk,))))
    live.refresh_from_db()
    assert live.live is True


def test_editor_gets_403_outside_news_and_documents(client, tree, users):
    client.force_login(users.editor)
    assert client.get(reverse("wagtailadmin_pages:add", args=("news", "decisionpage", tree.documents.pk))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.justice.pk,))).status_code == 403
    assert client.get(reverse("wagtailadmin_pages:add", args=("portal", "standardpage", tree.home.pk))).status_code == 403
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.home.pk,))).status_code == 403


def test_moderator_approves_and_the_article_goes_live(client, tree, users):
    client.force_login(users.editor)
    client.post(add_news_url(tree.category), news_form("Tin chờ duyệt", "action-submit"))
    page = NewsPage.objects.get(title="Tin chờ duyệt")
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)

    client.force_login(users.moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": "Đồng ý"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live is True
    client.logout()
    assert client.get(page.url).status_code == 200


def test_editor_cannot_approve_a_review_task(client, tree, users):
    client.force_login(users.editor)
    client.post(add_news_url(tree.category), news_form("Tin tự duyệt", "action-submit"))
    page = NewsPage.objects.get(title="Tin tự duyệt")
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.live is False


def test_moderator_publishes_directly_but_not_outside_news(client, tree, users):
    client.force_login(users.moderator)
    client.post(add_news_url(tree.category), news_form("Tin người duyệt đăng", "action-publish"))
    assert NewsPage.objects.get(title="Tin người duyệt đăng").live is True
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.construction.pk,))).status_code == 403


def test_reform_office_staff_cannot_touch_news(client, tree, users):
    client.force_login(users.reform)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(add_news_url(tree.category)).status_code == 403


def test_agency_editor_manages_only_their_agency(client, tree):
    justice_editor = factories.UserFactory(groups=[agency_role(tree.justice)])
    client.force_login(justice_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.justice.pk,))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.construction.pk,))).status_code == 403
    assert client.get(add_news_url(tree.category)).status_code == 403


def test_admin_group_runs_everything(client, tree, users):
    client.force_login(users.admin)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.home.pk,))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.construction.pk,))).status_code == 200
    site_id = tree.home.get_site().pk
    assert client.get(reverse("wagtailsettings:edit", args=("portal", "sitesettings", site_id))).status_code == 200
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200


def test_site_settings_are_closed_to_editors(client, tree, users):
    client.force_login(users.editor)
    site_id = tree.home.get_site().pk
    assert_denied(client.get(reverse("wagtailsettings:edit", args=("portal", "sitesettings", site_id))))
    response = client.post(reverse("wagtailsettings:edit", args=("portal", "sitesettings", site_id)), {"portal_name": "Bị đổi"})
    assert_denied(response)
    assert SiteSettings.objects.get().portal_name != "Bị đổi"


def test_sections_created_later_get_the_same_rights(client, tree, users):
    second_root = factories.NewsIndexPageFactory(parent=tree.home, title="Tin địa phương", slug="dia-phuong")
    client.force_login(users.editor)
    assert client.get(add_news_url(second_root)).status_code == 200
    assert Page.objects.get(pk=second_root.pk).workflowpage.workflow.name == REVIEW_WORKFLOW


def test_renaming_every_group_breaks_nothing(client, tree, users):
    """Roles are found by key: after admins rename each group, rights, new sections, agencies, the demo users and
    the admins' permission sync all still work."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    from demo.site import load_users
    from portal.roles import ADMINS, EDITORS, MODERATORS, REFORM_OFFICE, agency_role, role_group

    for group in Group.objects.all():
        group.name = f"{group.name} (đổi tên)"
        group.save()

    assert role_group(ADMINS).name == "Quản trị (đổi tên)"
    new_section = factories.NewsIndexPageFactory(parent=tree.home, title="Tin địa phương", slug="dia-phuong")
    client.force_login(users.editor)
    assert client.get(add_news_url(new_section)).status_code == 200
    client.force_login(users.moderator)
    client.post(add_news_url(new_section), news_form("Tin sau đổi tên", "action-publish"))
    assert NewsPage.objects.get(title="Tin sau đổi tên").live

    justice_editor = factories.UserFactory(groups=[agency_role(tree.justice)])
    assert justice_editor.groups.get().name == "Cán bộ STP (đổi tên)"
    client.force_login(justice_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(tree.justice.pk,))).status_code == 200
    new_agency = factories.AgencyPageFactory(parent=tree.procedures, short_name="SYT", title="Sở Y tế", slug="so-y-te")
    assert role_group(agency_role(new_agency)).name == "Cán bộ SYT"

    load_users()
    for key in (ADMINS, EDITORS, MODERATORS, REFORM_OFFICE):
        assert role_group(key).name.endswith("(đổi tên)")
    assert not Group.objects.filter(name="Quản trị").exists(), "no second admins group is made"

    role_group(ADMINS).permissions.clear()
    call_command("migrate", verbosity=0)  # post_migrate gives the admins' group every permission again
    assert role_group(ADMINS).permissions.count() == Permission.objects.count()
