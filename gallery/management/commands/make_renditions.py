"""Make the renditions that photos lack (issue 6).

Photos get their renditions when they are uploaded; this catches up after media was
restored from a backup, moved to another storage, or RENDITION_WIDTHS changed. Running it
twice changes nothing the second time.
"""

from django.core.management.base import BaseCommand

from config.progress import Progress
from gallery.models import Photo
from pagecache import content_changed


class Command(BaseCommand):
    help = "Make missing photo renditions (all of them with --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Remake every rendition, even existing ones."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the photos that need renditions."
        )

    def handle(self, *args, force, dry_run, verbosity, **options):
        made = 0
        photos = Photo.objects.order_by("pk")
        progress = Progress(
            photos.count(), label="Photos", stream=self.stderr if verbosity else None
        )
        for photo in photos.iterator(chunk_size=100):
            progress.advance()
            missing = photo.missing_renditions(force=force)
            if not missing:
                continue
            if not dry_run:
                photo.make_renditions(force=force)
            made += 1
            if verbosity > 1:
                self.stdout.write(f"{photo.image.name}: {len(missing)} renditions")
        if made and not dry_run:
            content_changed()  # cached pages name the files that were replaced
        if verbosity:
            verb = "need" if dry_run else "got"
            self.stdout.write(self.style.SUCCESS(f"{made} photos {verb} renditions."))
