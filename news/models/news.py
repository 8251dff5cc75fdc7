from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.web.chrome import for_page, public

LISTED = ("title", "url_path", "path", "depth", "locale", "display_date", "summary")  # what a news item shows
OG_IMAGE = "fill-1200x630|format-jpeg"  # what social networks show of a shared article
LD_IMAGE = "fill-1200x675|format-jpeg"  # what search engines show (16:9, JSON-LD)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The "Tin tức" section and each category below it; lists every article beneath it."""

    intro = models.TextField(_("Giới thiệu"), blank=True)
    show_on_home = models.BooleanField(_("Hiện trên trang chủ"), default=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("show_on_home"), FieldPanel("sidebar")]
    subpage_types = ["news.NewsIndexPage", "news.NewsPage"]
    parent_page_types = ["portal.HomePage", "news.NewsIndexPage"]

    class Meta:
        verbose_name = _("Chuyên mục tin")
        verbose_name_plural = _("Chuyên mục tin")

    def articles(self):
        return (
            public(NewsPage.objects.live())
            .descendant_of(self)
            .select_related("main_image")
            .prefetch_related("main_image__renditions")
            .order_by("-display_date", "-pk")
        )

    @path("")
    def listing(self, request):
        return self.serve_with("news.views.listing", request)

    @path("rss/", name="rss")
    def rss(self, request):
        return self.serve_with("news.views.rss", request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(BasePage):
    accepts_ratings = True
    accepts_comments = True

    summary = models.TextField(_("Sapo (tóm tắt)"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("Nội dung"), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Ảnh đại diện"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    main_image_caption = models.CharField(_("Chú thích ảnh"), max_length=500, blank=True)
    main_image_credit = models.CharField(_("Tác giả ảnh"), max_length=255, blank=True)
    author = models.CharField(_("Tác giả"), max_length=255, blank=True)
    source = models.CharField(_("Nguồn"), max_length=255, blank=True)
    display_date = models.DateTimeField(_("Ngày giờ hiển thị"), default=timezone.now, db_index=True)
    featured = models.BooleanField(_("Tin nổi bật"), default=False, db_index=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Từ khóa"))
    legacy_url = models.CharField(_("Địa chỉ ở cổng cũ"), max_length=500, blank=True, db_index=True, editable=False)
    legacy_view_count = models.PositiveIntegerField(_("Lượt xem ở cổng cũ"), default=0, editable=False)
    legacy_checksum = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_caption"), FieldPanel("main_image_credit")],
            heading=_("Ảnh đại diện"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("display_date"), FieldPanel("featured"), FieldPanel("tags")],
            heading=_("Thông tin bài viết"),
        ),
        InlinePanel("attachments", label=_("Tệp đính kèm")),
        InlinePanel("related_links", label=_("Tin liên quan")),
        FieldPanel("sidebar"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("display_date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Tin bài")
        verbose_name_plural = _("Tin bài")

    @cached_property
    def related_news(self):
        """Hand-picked related articles, else the newest in the same category."""
        chosen = [link.news for link in self.related_links.select_related("news__main_image")]
        if chosen:
            visible = set(public(NewsPage.objects.live()).filter(pk__in=[n.pk for n in chosen]).values_list("pk", flat=True))
            chosen = [news for news in chosen if news.pk in visible]
        if chosen:
            return chosen
        parent = self.get_parent()
        return list(
            public(NewsPage.objects.live())
            .child_of(parent)
            .exclude(pk=self.pk)
            .select_related("main_image")
            .only(*LISTED, "main_image")
            .order_by("-display_date")[:5]
        )

    @cached_property
    def tag_list(self):
        """The tags, read once for the keywords and the links under the article."""
        return list(self.tags.all())

    def structured_data(self, request, tags):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.display_date.isoformat(),
            "dateModified": (self.last_published_at or self.display_date).isoformat(),
            "mainEntityOfPage": self.get_full_url(request),
            "keywords": [tag.name for tag in tags],
        }
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author}
        if self.source:
            data["isBasedOn"] = self.source
        if self.main_image:
            data["image"] = [request.build_absolute_uri(self.main_image.get_renditions(LD_IMAGE)[LD_IMAGE].url)]
        return data

    def shown(self):
        """What the article lists besides its own fields: its related articles and its tags."""
        return {"related_news": self.related_news, "tags": self.tag_list}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept until a publish in its section (or of a hand-picked article elsewhere: news.wagtail_hooks).
        context.update(for_page(request, self, "news-shown", self.shown))
        # Every image the page shows, with its renditions, in two queries: Wagtail would ask the shared
        # cache for each image and write back what it found (get_rendition always writes; get_renditions
        # not for prefetched renditions).
        images = [article.main_image for article in (self, *context["related_news"]) if article.main_image_id]
        prefetch_related_objects(images, "renditions")
        if self.main_image:
            context["og_image"] = self.main_image.get_renditions(OG_IMAGE)[OG_IMAGE]
        # The category's own fields are not shown: its title and address come from the page row.
        context["category"] = self.get_parent().specific_deferred
        context["attachments"] = self.attachments.select_related("document")
        context["structured_data"] = self.structured_data(request, context["tags"])
        return context


class NewsAttachment(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("Tệp"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Tên hiển thị"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]


class RelatedNews(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    news = models.ForeignKey(NewsPage, verbose_name=_("Tin"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("news")]
