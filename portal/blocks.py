"""StreamField blocks shared by every section's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

TABLE_OPTIONS = {
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "language": "en-US",
}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề lớn (H2)")), ("h3", _("Tiêu đề vừa (H3)")), ("h4", _("Tiêu đề nhỏ (H4)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "portal/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Tác giả ảnh"), required=False, max_length=255, help_text=_("Hiển thị dạng “Ảnh: …”"))

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "portal/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "portal/blocks/document_link.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "portal/blocks/quote.html"


RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "hr",
    "blockquote",
    "superscript",
    "subscript",
]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Bảng"), table_options=TABLE_OPTIONS, template="portal/blocks/table.html")
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Nhúng (video, bản đồ)"), icon="media")


class LinkBlock(blocks.StructBlock):
    """A link to a page of ours or to another agency's site, optionally shown as a banner image."""

    title = blocks.CharBlock(label=_("Tên liên kết"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Trang trong cổng"), required=False)
    url = blocks.URLBlock(label=_("Hoặc địa chỉ ngoài"), required=False)
    image = ImageChooserBlock(label=_("Ảnh banner"), required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Chọn một trang hoặc nhập địa chỉ liên kết."))}
            )
        return value


class LinksSidebarBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề khối"), default=_("Liên kết"), max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Các liên kết"))

    class Meta:
        icon = "link"
        label = _("Liên kết / banner")
        template = "portal/sidebar/links.html"


class MapSidebarBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề khối"), default=_("Bản đồ hành chính"), max_length=255)
    image = ImageChooserBlock(label=_("Ảnh bản đồ"), required=False)
    url = blocks.URLBlock(label=_("Liên kết bản đồ"))
    description = blocks.TextBlock(label=_("Mô tả"), required=False)

    class Meta:
        icon = "site"
        label = _("Bản đồ hành chính")
        template = "portal/sidebar/map.html"


class ContactSidebarBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề khối"), default=_("Liên hệ"), max_length=255)
    organisation = blocks.CharBlock(label=_("Đơn vị"), max_length=255)
    address = blocks.TextBlock(label=_("Địa chỉ"), required=False)
    phone = blocks.CharBlock(label=_("Điện thoại"), required=False, max_length=50)
    hotline = blocks.CharBlock(label=_("Đường dây nóng"), required=False, max_length=50)
    email = blocks.EmailBlock(label=_("Thư điện tử"), required=False)

    class Meta:
        icon = "mail"
        label = _("Hộp liên hệ")
        template = "portal/sidebar/contact.html"


class ScheduleEntryBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Ngày"))
    time = blocks.TimeBlock(label=_("Giờ"), required=False)
    activity = blocks.CharBlock(label=_("Nội dung"), max_length=500)
    place = blocks.CharBlock(label=_("Địa điểm"), required=False, max_length=255)
    chaired_by = blocks.CharBlock(label=_("Chủ trì"), required=False, max_length=255)


class ScheduleSidebarBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề khối"), default=_("Lịch công tác"), max_length=255)
    entries = blocks.ListBlock(ScheduleEntryBlock(), label=_("Lịch"))

    class Meta:
        icon = "date"
        label = _("Lịch công tác")
        template = "portal/sidebar/schedule.html"


class SidebarBlock(blocks.StreamBlock):
    links = LinksSidebarBlock()
    map = MapSidebarBlock()
    contact = ContactSidebarBlock()
    schedule = ScheduleSidebarBlock()


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Mạng xã hội"),
        choices=[("facebook", "Facebook"), ("youtube", "YouTube"), ("zalo", "Zalo"), ("tiktok", "TikTok"), ("other", _("Khác"))],
    )
    url = blocks.URLBlock(label=_("Địa chỉ"))

    class Meta:
        icon = "link-external"
        label = _("Mạng xã hội")


class PortalLinkBlock(blocks.StructBlock):
    """A link to another agency's portal (the decree asks for the list); English pages show `name_en`."""

    name = blocks.CharBlock(label=_("Tên cổng"), max_length=255)
    name_en = blocks.CharBlock(label=_("Tên tiếng Anh"), max_length=255, required=False)
    url = blocks.URLBlock(label=_("Địa chỉ"))

    class Meta:
        icon = "link-external"
        label = _("Cổng thông tin khác")
