from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = _("Photos")

    def ready(self):
        from django.test.signals import setting_changed

        setting_changed.connect(forget_media_urls)


def forget_media_urls(setting, **kwargs):
    """Tests that change where media lives must not see URLs remembered from before."""
    if setting in {"MEDIA_URL", "STORAGES"}:
        from gallery.models import media_url

        media_url.cache_clear()
