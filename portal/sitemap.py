"""The sitemap of every language: Wagtail's lists only the tree under the site's root page, which leaves the
English home and its pages (siblings of the Vietnamese home) out, and names no translations."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        below_a_home = Q()
        for path in homes:
            below_a_home |= Q(path__startswith=path)
        return Page.objects.filter(below_a_home).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Each page once, with its published translations as hreflang alternates (search engines then show
        each reader the page in their language)."""
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {p.pk: p.get_full_url(self.request) for p in pages}
        translations = defaultdict(list)
        for p in pages:
            translations[p.translation_key].append(p)
        urls = []
        for p in pages:
            url = {"item": p, "location": locations[p.pk], "lastmod": p.last_published_at or p.latest_revision_created_at}
            if len(translations[p.translation_key]) > 1:
                url["alternates"] = [
                    {"lang_code": languages[t.locale_id], "location": locations[t.pk]} for t in translations[p.translation_key]
                ]
            urls.append(url)
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
