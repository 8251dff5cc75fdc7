"""Give pages made under older address rules the rule of portal.text.slugify, with a 301 from each old address.

Older rules left Unicode slugs (percent-encoded in the address bar), words without "đ" ("91-q-ubnd"), words
cut short ("…-nuoc-ng") and addresses made of the parent's address and a number ("thong-tin-cai-cach-h-9").
Each page whose address changes, and every page below it, keeps its old path as a permanent redirect.
Search entries keep their stored addresses until `manage.py search_index rebuild`; the redirects serve them.
"""

from django.db import migrations

from portal.text import repaired_slug


def _old_path(url_path, sites):
    """The path a visitor sees (below the site root), and that site."""
    for root_path, site_id in sites:
        if url_path.startswith(root_path):
            path = "/" + url_path[len(root_path) :]
            return (path[:-1] if path.endswith("/") and len(path) > 1 else path), site_id
    return None, None


def fold_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    pages = {p.path: p for p in Page.objects.order_by("path").only("id", "path", "depth", "slug", "title", "url_path", "live")}
    if not pages:
        return
    steplen = len(min(pages, key=len))
    sites = sorted(
        ((site.root_page.url_path, site.pk) for site in Site.objects.select_related("root_page")), key=lambda s: -len(s[0])
    )
    taken = {}
    for path, page in pages.items():
        taken.setdefault(path[:-steplen], set()).add(page.slug)
    new_slugs = {}
    for path, page in pages.items():
        parent = pages.get(path[:-steplen])
        if page.depth < 3 or parent is None:
            continue
        siblings = taken[path[:-steplen]]
        slug = repaired_slug(page.slug, page.title, new_slugs.get(parent.path, parent.slug))
        if slug == page.slug:
            continue
        siblings.discard(page.slug)
        base, number = slug, 1
        while slug in siblings:
            number += 1
            slug = f"{base}-{number}"
        siblings.add(slug)
        new_slugs[path] = slug
    if not new_slugs:
        return
    changed = []
    for path, page in pages.items():
        parent = pages.get(path[:-steplen])
        slug = new_slugs.get(path, page.slug)
        url_path = f"{parent.url_path}{slug}/" if parent is not None else page.url_path
        if url_path == page.url_path and slug == page.slug:
            continue
        old_path, site_id = _old_path(page.url_path, sites)
        if old_path and page.live and not Redirect.objects.filter(old_path=old_path, site_id=site_id).exists():
            Redirect.objects.create(old_path=old_path, site_id=site_id, redirect_page_id=page.pk, is_permanent=True)
        page.slug, page.url_path = slug, url_path
        changed.append(page)
    Page.objects.bulk_update(changed, ["slug", "url_path"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_roles_by_key"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(fold_slugs, migrations.RunPython.noop)]
