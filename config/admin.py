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
        """Every admin view; an editor's POST (save, delete, bulk action) makes cached pages
        stale. Only an editor's: anyone may post to the login page, and must not be able
        to empty the caches that keep the site up."""
        wrapped = super().admin_view(view, cacheable)

        def changing_view(request, *args, **kwargs):
            response = wrapped(request, *args, **kwargs)
            if request.method == "POST" and self.has_permission(request):
                transaction.on_commit(content_changed)
            return response

        return changing_view


class NewsroomAdminConfig(AdminConfig):
    default_site = "config.admin.NewsroomAdminSite"
