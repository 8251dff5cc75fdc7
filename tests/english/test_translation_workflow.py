import pytest
from django.urls import reverse
from wagtail.models import Locale

from portal.models import StandardPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_editor_submits_a_page_for_english_translation_in_the_admin(client, tree, users):
    english, _ = Locale.objects.get_or_create(language_code="en")
    intro = factories.StandardPageFactory(parent=tree.home, title="Giới thiệu", slug="gioi-thieu")
    client.force_login(users.admin)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[intro.pk]))
    assert form.status_code == 200 and "Dịch trang" in form.content.decode()
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[intro.pk]), {"locales": [english.pk], "include_subtree": ""}
    )
    assert response.status_code == 302
    translated = StandardPage.objects.get(locale=english, translation_key=intro.translation_key)
    assert translated.get_parent().specific.locale == english  # the English home was made on the way
    assert not translated.live  # a draft until the editor translates and publishes it
