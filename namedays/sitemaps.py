"""The name-day pages for search engines: readers search "vārda diena 14. novembrī"."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from namedays.models import NameDay


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


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

    def lastmod(self, name):
        """Both mark today's names, so they change every midnight."""
        return start_of(timezone.localdate())


class NameDaySitemap(Sitemap):
    """The 366 date pages; they change only with a new official revision."""

    changefreq = "yearly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return NameDay.objects.all()

    def lastmod(self, name_day):
        """The page links to the articles of the date's last occurrence, so it changed then."""
        return start_of(name_day.last_occurrence())
