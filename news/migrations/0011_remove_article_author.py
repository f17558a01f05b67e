"""The free-text byline, now in Author rows (0010), goes (issue 16)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0010_bylines_to_authors")]

    operations = [
        migrations.RemoveField(model_name="article", name="author"),
        migrations.RemoveField(model_name="article", name="author_role"),
    ]
