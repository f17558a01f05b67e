"""The name-day pages for search engines: readers search "vārda diena 14. novembrī"."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from namedays.models import NameDay


class NameDayPagesSitemap(Sitemap):
    """Today's names and the whole year."""

    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["namedays:today", "namedays:calendar"]

    def location(self, name):
        return reverse(name)


class NameDaySitemap(Sitemap):
    """The 366 date pages; they change only with a new official revision."""

    changefreq = "yearly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return NameDay.objects.all()
