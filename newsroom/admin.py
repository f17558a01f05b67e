"""The newsroom's admin: the site editors work in, branded with the paper's name."""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pagecache.admin import PageCacheAdminSite


class NewsroomAdminSite(PageCacheAdminSite):
    site_header = site_title = settings.NEWSPAPER["name"]
    index_title = _("Newsroom")

    def index(self, request, extra_context=None):
        """The front page says what waits for an editor's decision."""
        context = dict(extra_context or {})
        if request.user.has_perm("news.publish_article"):
            Article = apps.get_model("news", "Article")
            context["waiting_for_review"] = Article.objects.waiting_for_review().count()
        return super().index(request, context)
