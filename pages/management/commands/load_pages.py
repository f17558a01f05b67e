"""Create short Latvian drafts of the pages a paper must have (pages/data/demo_pages.toml),
so that `make run` shows them in the footer and the editors have something to rewrite.
Pages that already exist (by slug) are left as the editors have them."""

import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand

from pagecache import content_changed
from pages.models import Page

PAGES = Path(__file__).resolve().parents[2] / "data" / "demo_pages.toml"


class Command(BaseCommand):
    help = "Create the draft pages (about us, advertising, …) that do not exist yet."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say what would be made.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        drafts = tomllib.loads(PAGES.read_text())["pages"]
        missing = [d for d in drafts if not Page.objects.filter(slug=d["slug"]).exists()]
        if not dry_run:
            for position, draft in enumerate(drafts):
                if draft in missing:
                    Page.objects.create(
                        slug=draft["slug"],
                        title_lv=draft["title"],
                        body_lv=draft["body"].strip(),
                        position=position,
                        is_published=True,
                    )
            if missing:
                content_changed()
        if verbosity:
            verb = "Would create" if dry_run else "Created"
            self.stdout.write(self.style.SUCCESS(f"{verb} {len(missing)} pages."))
