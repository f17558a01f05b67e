from django.contrib.sitemaps import Sitemap

from gallery.models import Photo


class PhotoOfTheDaySitemap(Sitemap):
    """Every photo of the day whose day has come, in each language."""

    changefreq = "yearly"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return Photo.objects.shown().order_by("-shown_on").only("shown_on", "updated_at")

    def lastmod(self, photo):
        return photo.updated_at
