from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pagecache import follow_schedule


class PollsConfig(AppConfig):
    name = "polls"
    verbose_name = _("Polls")

    def ready(self):
        follow_schedule(self.get_model("Poll"))  # the sidebar's poll opens and closes on time
