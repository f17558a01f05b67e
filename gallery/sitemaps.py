from django.conf import settings
from django.contrib.sitemaps import Sitemap

from config.languages import languages_with
from gallery.models import Photo


class PhotoOfTheDaySitemap(Sitemap):
    """Every photo of the day whose day has come, in each language."""

    changefreq = "yearly"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        titles = [f"title_{code}" for code, _name in settings.LANGUAGES]
        return Photo.objects.shown().order_by("-shown_on").only("shown_on", "updated_at", *titles)

    def get_languages_for_item(self, photo):
        """Only the languages the photo has a title in."""
        return languages_with(photo, "title")

    def lastmod(self, photo):
        return photo.updated_at
