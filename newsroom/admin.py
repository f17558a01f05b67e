"""The newsroom's admin: the site editors work in, branded with the paper's name."""

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pagecache.admin import PageCacheAdminSite


class NewsroomAdminSite(PageCacheAdminSite):
    site_header = site_title = settings.NEWSPAPER["name"]
    index_title = _("Newsroom")

    def index(self, request, extra_context=None):
        """The front page is an editor's day: what waits for their decision, what goes out
        today, today's photo of the day and the poll readers vote in."""
        context = dict(extra_context or {})
        if request.user.has_perm("news.publish_article"):
            Article = apps.get_model("news", "Article")
            Photo = apps.get_model("gallery", "Photo")
            Poll = apps.get_model("polls", "Poll")
            today = timezone.localdate()
            context["waiting_for_review"] = Article.objects.waiting_for_review().count()
            context["dashboard"] = {
                "scheduled_today": list(
                    Article.objects.scheduled().on_day(today).order_by("published_at")[:20]
                ),
                "photo_of_the_day": Photo.objects.filter(shown_on=today).first(),
                "running_poll": Poll.objects.open().order_by("closes_at").first(),
            }
        return super().index(request, context)
