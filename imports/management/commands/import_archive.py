"""manage.py import_archive FILE [--media-dir DIR] [--dry-run]: see README, "Moving an
existing site", and docs/import-format.md."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.progress import Progress, duration
from imports.importer import Importer
from imports.jsonl import JsonLinesReader
from imports.parallel import ParallelImportError, import_in_parallel
from imports.records import BadRecord, ImportFileError
from imports.wxr import WxrReader
from pagecache.generation import content_changed


def reader_for(path):
    """The reader for the file's content (not its name): WXR is XML, the neutral format
    JSON Lines."""
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file.")
    with open(path, "rb") as file:
        start = file.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start:
        raise ImportFileError(f"{path}: the file is empty.")
    if start.startswith(b"<"):
        return WxrReader(path)
    if start.startswith(b"{"):
        return JsonLinesReader(path)
    raise ImportFileError(
        f"{path}: neither a WordPress export (WXR, XML) nor JSON Lines (one JSON object a line)."
    )


class Command(BaseCommand):
    help = (
        "Import an archive of articles: a WordPress export (WXR) or the JSON Lines format of "
        "docs/import-format.md. Reruns update and never duplicate."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--media-dir", type=Path, help="the folder of the photos (wp-content/uploads)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would change, write nothing"
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="worker processes (one a core: photos are the work), default 1",
        )

    def handle(self, *args, file, media_dir, dry_run, jobs, **options):
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"{media_dir}: no such folder (--media-dir).")
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        started = time.monotonic()
        verbosity = options["verbosity"]
        try:
            reader = reader_for(file)
            # The whole file is read once before anything is written: a truncated or
            # malformed file is refused with nothing imported.
            total = reader.build_index().posts if isinstance(reader, WxrReader) else reader.check()
            self.stderr.write(f"{file}: {total:,} articles to read.")

            def say(line):
                if line.startswith("Skipped") or dry_run or verbosity > 1:
                    self.stdout.write(line)

            importer = Importer(media_dir, dry_run=dry_run, say=say)
            progress = Progress(total, label="Articles", stream=self.stderr)
            if jobs > 1:
                import_in_parallel(reader.stories(), importer, jobs, progress.advance)
            for story in reader.stories() if jobs == 1 else ():
                if isinstance(story, BadRecord):
                    importer.skip(story.id, story.reason)
                else:
                    importer.add(story)
                progress.advance()
        except (ImportFileError, ParallelImportError) as error:
            raise CommandError(str(error)) from None
        except OSError as error:  # the media storage: a full disk, a read-only folder
            raise CommandError(
                f"Stopped: photo files cannot be written ({error.strerror or error}). Every "
                "article before this one is in; fix it and run the command again."
            ) from None
        if not dry_run and (importer.summary.created or importer.summary.updated):
            content_changed()
        self.stderr.write(progress.finish())
        self.stdout.write(importer.summary.line(dry_run))
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        self.stderr.write(f"Done in {duration(time.monotonic() - started)}.")
