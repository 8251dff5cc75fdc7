"""Published answers go through the search pipeline: kind "Hỏi đáp" in site search on both stores, found
without diacritics, gone once unpublished."""

import pytest

from feedback import workflow
from feedback.models import Submission
from search import api
from search.models import Kind
from tests.feedback.conftest import post_submission

pytestmark = pytest.mark.django_db


def site_search(text, kinds=()):
    return api.search(api.SearchRequest(text=text, kinds=kinds, scope="trang"))


def plain(title):
    return str(title).replace("<mark>", "").replace("</mark>", "")


def test_a_published_answer_is_found_in_site_search_by_kind_and_leaves_when_unpublished(
    portal, client, store, django_capture_on_commit_callbacks
):
    post_submission(client)
    submission = Submission.objects.get()
    workflow.perform(portal.reform, submission, "assign", {"agency": portal.justice})
    workflow.perform(portal.justice_staff, submission, "answer", {"answer": "Mang giấy chứng sinh và giấy tờ tùy thân."})
    workflow.perform(portal.moderator, submission, "approve", {})
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(
            portal.moderator,
            submission,
            "publish",
            {
                "public_title": "Đăng ký khai sinh cho con sinh ở tỉnh khác",
                "public_question": "Con sinh ở tỉnh khác thì đăng ký khai sinh ở đâu?",
                "public_answer": "Mang giấy chứng sinh và giấy tờ tùy thân đến UBND cấp xã nơi cư trú.",
            },
        )
    results = site_search("giay chung sinh", kinds=(Kind.QUESTION,))
    assert [plain(hit.title) for hit in results.hits] == ["Đăng ký khai sinh cho con sinh ở tỉnh khác"]
    assert results.hits[0].kind_label == "Hỏi đáp"
    everything = site_search("khai sinh tinh khac")
    assert results.hits[0].url in [hit.url for hit in everything.hits]
    assert everything.kinds.get(Kind.QUESTION) == 1
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(portal.moderator, Submission.objects.get(), "unpublish", {"reason": "Quy định thay đổi."})
    assert site_search("giay chung sinh", kinds=(Kind.QUESTION,)).hits == []
