from django.contrib import admin
from django.db import transaction

from pagecache.generation import content_changed


class PageCacheAdminSite(admin.AdminSite):
    """An admin site whose editors' changes show on readers' pages at once."""

    def admin_view(self, view, cacheable=False):
        """Every admin view; an editor's POST (save, delete, bulk action) makes cached pages
        stale, and the page parts of the model's app. Only an editor's: anyone may post to
        the login page, and must not be able to empty the caches that keep the site up."""
        wrapped = super().admin_view(view, cacheable)
        # A model admin's view: page parts of other apps stay valid when it changes rows.
        model = getattr(getattr(view, "__self__", None), "model", None)

        def changing_view(request, *args, **kwargs):
            response = wrapped(request, *args, **kwargs)
            if request.method == "POST" and self.has_permission(request):
                transaction.on_commit(lambda: content_changed(model))
            return response

        return changing_view
