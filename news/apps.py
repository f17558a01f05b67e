from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pagecache import follow_schedule


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        follow_schedule(self.get_model("Article"))  # scheduled articles appear on time
