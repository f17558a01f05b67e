from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")
    default = True


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the newsroom's site as `admin.site`."""

    default_site = "newsroom.admin.NewsroomAdminSite"
    default = False
