"""Fill an empty database with the demo issue (news/demo.py), so a new install shows
something. It does nothing when articles already exist, so `make run` can call it every
time."""

from django.core.management.base import BaseCommand

from news import demo
from news.models import Article
from pagecache import content_changed


class Command(BaseCommand):
    help = "Load invented demo articles, photos and a poll into an empty database."

    def handle(self, *args, **options):
        if Article.objects.exists():
            self.stdout.write("Demo content not loaded: the database already has articles.")
            return
        made = demo.load_issue()
        content_changed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(made['sections'])} sections, {len(made['articles'])} articles, "
                f"{len(made['photos'])} photos of the day and the poll "
                f"\u201c{made['poll'].question_lv}\u201d."
            )
        )
