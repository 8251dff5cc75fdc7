from news.choices import DocumentStatus, DocumentType

from .documents import DecisionFile, DecisionPage, DocumentIndexPage
from .news import NewsAttachment, NewsIndexPage, NewsPage, NewsPageTag, RelatedNews

__all__ = [
    "DecisionFile",
    "DecisionPage",
    "DocumentIndexPage",
    "DocumentStatus",
    "DocumentType",
    "NewsAttachment",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "RelatedNews",
]
