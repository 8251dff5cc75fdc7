"""An index on wagtailcore_page (depth, path).

Treebeard finds a page's children with `depth = d AND path BETWEEN p0000 AND pZZZZ`; with only the
path index that range covers every descendant, so listing the children of a section with 100,000
procedures below it scans them all. With (depth, path) it reads just the children.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_roles_and_workflow"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX portal_page_depth_path_idx ON wagtailcore_page (depth, path)",
            "DROP INDEX portal_page_depth_path_idx",
        )
    ]
