import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 30
# Characters XML 1.0 cannot carry (pasted from word processors: vertical tab, form feed…).
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text):
    return NOT_XML.sub("", text or "")


class PlainTextRss(Rss201rev2Feed):
    """RSS 2.0 whose item descriptions are the articles' plain-text summaries as written: in a CDATA
    section, so the text is neither entity-escaped in the file nor turned into markup by a reader."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.startElement("description", {})
            handler.ignorableWhitespace("<![CDATA[" + item["description"].replace("]]>", "]]]]><![CDATA[>") + "]]>")
            handler.endElement("description")


class CategoryFeed(Feed):
    """RSS 2.0 of the newest articles below a news index page."""

    feed_type = PlainTextRss

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return xml_text(self.index.title)

    def link(self):
        return self.index.url

    def description(self):
        return xml_text(self.index.intro or self.index.title)

    def items(self):
        return self.index.articles()[:FEED_ITEMS]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.display_date

    def item_author_name(self, item):
        return xml_text(item.author) or None

    def item_categories(self, item):
        return [xml_text(tag.name) for tag in item.tags.all()]
