from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressesConfig(AppConfig):
    name = "addresses"
    verbose_name = _("Old addresses")

    def ready(self):
        from addresses import signals

        signals.follow_settings()
