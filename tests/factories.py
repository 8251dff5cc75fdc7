"""Factories for users and pages; pages are added to the tree the way editors add them."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import DecisionPage, DocumentIndexPage, DocumentType, NewsIndexPage, NewsPage
from portal.models import HomePage, StandardPage
from portal.roles import role_group
from procedures.models import AgencyPage, ProcedureIndexPage, ProcedurePage
from procedures.reform.models import StatisticsPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.vn")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[role_group(key) for key in extracted])
        if create:
            self.save()


class PageFactory(factory.Factory):
    """Builds an unsaved page; `_create` adds it under `parent` and publishes it unless live=False."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")

    @classmethod
    def _create(cls, model_class, parent, live=True, **kwargs):
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = "trang-chu"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    slug = factory.Sequence(lambda n: f"trang-{n}")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Tin cải cách hành chính số {n}")
    slug = factory.Sequence(lambda n: f"tin-{n}")
    summary = "Tóm tắt tin về cải cách hành chính."
    display_date = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(hours=n))


class DocumentIndexPageFactory(PageFactory):
    class Meta:
        model = DocumentIndexPage

    title = "Văn bản"
    slug = "van-ban"


class DecisionPageFactory(PageFactory):
    class Meta:
        model = DecisionPage

    doc_type = DocumentType.DECISION
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    title = factory.LazyAttribute(lambda d: f"Quyết định {d.number}")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    issuer = "UBND tỉnh"
    signer = "Chủ tịch UBND tỉnh"
    date_issued = datetime.date(2025, 1, 15)
    summary = "Công bố danh mục thủ tục hành chính."


class ProcedureIndexPageFactory(PageFactory):
    class Meta:
        model = ProcedureIndexPage

    title = "Thủ tục hành chính"
    slug = "thu-tuc-hanh-chinh"


class AgencyPageFactory(PageFactory):
    class Meta:
        model = AgencyPage

    title = factory.Sequence(lambda n: f"Sở số {n}")
    slug = factory.Sequence(lambda n: f"so-{n}")
    short_name = factory.Sequence(lambda n: f"S{n}")


class StatisticsPageFactory(PageFactory):
    class Meta:
        model = StatisticsPage

    title = "Thống kê, đánh giá"
    slug = "thong-ke-danh-gia"


class ProcedurePageFactory(PageFactory):
    class Meta:
        model = ProcedurePage

    title = factory.Sequence(lambda n: f"Thủ tục {n}")
    slug = factory.Sequence(lambda n: f"thu-tuc-{n}")
    code = factory.Sequence(lambda n: f"9.{n:06d}")
    description = "Thủ tục thử nghiệm."
