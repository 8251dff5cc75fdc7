"""One pagination for every listing: Django pages (news, documents, procedures) and the search pages' own paging."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_listing_links_the_next_page_keeping_its_filters(client, tree):
    for n in range(13):
        factories.NewsPageFactory(parent=tree.category, title=f"Tin {n}", slug=f"tin-{n}")
    html = client.get(tree.category.url, {"date_from": "01/01/2000"}).content.decode()
    assert 'aria-label="Phân trang"' in html and "Trang 1 / 2" in html
    assert 'href="?date_from=01%2F01%2F2000&amp;page=2" rel="next"' in html
    second = client.get(tree.category.url, {"page": "2"}).content.decode()
    assert "Trang 2 / 2" in second and 'rel="prev"' in second and 'rel="next"' not in second


def test_search_results_page_through_their_own_parameter():
    template = Template('{% include "portal/includes/pagination.html" with number=2 pages=3 param="trang" %}')
    request = RequestFactory().get("/tra-cuu-thu-tuc/", {"q": "khai sinh", "trang": "2"})
    html = template.render(Context({"request": request}))
    assert 'href="?q=khai+sinh&amp;trang=1" rel="prev"' in html and 'href="?q=khai+sinh&amp;trang=3" rel="next"' in html
    assert "Trang 2 / 3" in html
    assert "nav" not in Template('{% include "portal/includes/pagination.html" with number=1 pages=1 %}').render(
        Context({"request": request})
    )
