from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")
    default = True

    def ready(self):
        """Users and groups with their permissions named in the admin's language, and
        django-axes' records named in it too; runs after the admin's autodiscovery
        (NewsroomAdminConfig comes first in INSTALLED_APPS)."""
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog
        from django.contrib import admin
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from newsroom import auth_admin
        from newsroom.auth_admin import NewsroomGroupAdmin, NewsroomUserAdmin

        # django-axes has no translatable names for its records (see auth_admin).
        AccessAttempt.__str__ = auth_admin.access_attempt_str
        AccessLog.__str__ = auth_admin.access_log_str
        AccessFailureLog.__str__ = auth_admin.access_failure_str

        for model, model_admin in [
            (Group, NewsroomGroupAdmin),
            (get_user_model(), NewsroomUserAdmin),
        ]:
            if admin.site.is_registered(model):
                admin.site.unregister(model)
            admin.site.register(model, model_admin)


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the newsroom's site as `admin.site`."""

    default_site = "newsroom.admin.NewsroomAdminSite"
    default = False
