import json
import re

import pytest
from django.core.management import call_command

from procedures.models import AgencyPage, Official


@pytest.mark.django_db
def test_demo_has_an_english_version_with_the_organisation_and_named_contacts(client):
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)
    for url, heading in (
        ("/en/", None),
        ("/en/gioi-thieu/", "<h1>Introduction</h1>"),
        ("/en/so-do-to-chuc/", "<h1>Organisation chart</h1>"),
        ("/en/danh-ba/", "<h1>Contacts</h1>"),
    ):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert '<html lang="en">' in html
        assert heading is None or heading in html
    assert 'href="/en/tra-cuu-thu-tuc/"' in client.get("/en/").content.decode()
    assert client.get("/en/tra-cuu-thu-tuc/", {"q": "khai sinh"}).status_code == 200
    chart = client.get("/en/so-do-to-chuc/").content.decode()
    assert "Office of the Provincial People&#x27;s Committee" in chart and "Department of Justice" in chart
    staffed = AgencyPage.objects.filter(officials__isnull=False).distinct()
    assert staffed.count() >= 6 and staffed.filter(short_name="VP-UBND").exists()
    assert Official.objects.filter(leader=True).values("agency").distinct().count() >= 6
    contacts = client.get("/en/danh-ba/").content.decode()
    data = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', contacts, re.S)]
    with_people = [d for d in data if d.get("member")]
    assert len(with_people) >= 6 and all(d["@type"] == "GovernmentOrganization" for d in data)
    assert "National Public Service Portal" in contacts
