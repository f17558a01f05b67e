import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from gallery.models import Photo

FEED_LENGTH = 30


class PhotoOfTheDayFeed(Feed):
    """The latest photos of the day; each item links to its day page and encloses a JPEG.

    `get_object()` returns the request, because media URLs must be absolute in a feed and
    a Feed instance is shared by every thread, so nothing may be stored on it.
    """

    feed_type = Rss201rev2Feed
    description = _("The photo of the day from the newspaper's photographers.")
    description_template = "gallery/feed_description.html"  # gets the photo as `obj`

    def get_object(self, request):
        return request

    def title(self):
        return f"{_('Photo of the day')} · {settings.NEWSPAPER['name']}"

    def link(self):
        return reverse("gallery:latest")

    def items(self, request):
        photos = list(Photo.objects.shown().order_by("-shown_on")[:FEED_LENGTH])
        for photo in photos:
            photo.feed_image = photo.fallback_rendition()
            photo.feed_image_url = request.build_absolute_uri(photo.url_of(photo.feed_image))
        return photos

    def item_title(self, photo):
        return photo.title

    def item_pubdate(self, photo):
        return timezone.make_aware(datetime.datetime.combine(photo.shown_on, datetime.time.min))

    def item_updateddate(self, photo):
        return photo.updated_at

    def item_enclosures(self, photo):
        if photo.feed_image.get("format") != "jpg":
            return []  # renditions not made yet: the master may be PNG, its size unknown
        return [
            Enclosure(
                photo.feed_image_url,
                str(photo.feed_image["size"]),
                "image/jpeg",
            )
        ]
