from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NamedaysConfig(AppConfig):
    name = "namedays"
    verbose_name = _("Name days")
