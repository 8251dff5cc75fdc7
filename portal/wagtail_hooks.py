from wagtail import hooks

from portal.web.page_cache import mark_cacheable

hooks.register("before_serve_page", mark_cacheable)
