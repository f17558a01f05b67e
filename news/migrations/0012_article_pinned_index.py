"""An index of the pinned articles: the front page's lead and the page cache's next
scheduled change looked for a running pin by reading the whole table (issue 19)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0011_remove_article_author")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(pinned_until__isnull=False),
                fields=["pinned_until"],
                name="article_pinned",
            ),
        ),
    ]
