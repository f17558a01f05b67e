"""The newsroom's admin site: Django's, plus "an editor changed something" for the caches."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from config.pagecache import content_changed


class NewsroomAdminSite(admin.AdminSite):
    site_header = site_title = settings.NEWSPAPER["name"]
    index_title = _("Newsroom")

    def admin_view(self, view, cacheable=False):
        """Every admin view; a POST (save, delete, bulk action) makes cached pages stale."""
        wrapped = super().admin_view(view, cacheable)

        def changing_view(request, *args, **kwargs):
            response = wrapped(request, *args, **kwargs)
            if request.method == "POST":
                transaction.on_commit(content_changed)
            return response

        return changing_view


class NewsroomAdminConfig(AdminConfig):
    default_site = "config.admin.NewsroomAdminSite"
