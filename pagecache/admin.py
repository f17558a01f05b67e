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
        # A model admin's view: page parts of other apps stay valid when it changes rows,
        # but for the models it says its views also write (`page_cache_models`).
        model_admin = getattr(view, "__self__", None)
        model = getattr(model_admin, "model", None)
        models = getattr(model_admin, "page_cache_models", [model]) if model else [None]

        def changing_view(request, *args, **kwargs):
            response = wrapped(request, *args, **kwargs)
            if request.method == "POST" and self.has_permission(request):
                for changed in models:
                    transaction.on_commit(lambda changed=changed: content_changed(changed))
            return response

        return changing_view
