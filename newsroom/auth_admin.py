"""Users and groups in the newsroom's admin (registered by NewsroomConfig.ready(), after
the admin's autodiscovery): django.contrib.auth's admins, with permissions named in the
admin's language. Not in newsroom/admin.py, which the admin site itself is loaded from
before django.contrib.auth.admin can register anything on it."""

from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Django stores a permission's name in English when it creates it ("Can add poll") and the
# admin shows it as stored; the newsroom's administrators read it in their language.
PERMISSION_NAMES = {
    "add": _("Can add: %(name)s"),
    "change": _("Can change: %(name)s"),
    "delete": _("Can delete: %(name)s"),
    "view": _("Can view: %(name)s"),
}


def permission_label(permission):
    """“Section | model | what it allows”, in the active language."""
    action, _sep, _rest = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in PERMISSION_NAMES and model is not None:
        allows = PERMISSION_NAMES[action] % {"name": model._meta.verbose_name}
    else:
        allows = gettext(permission.name)  # declared translatable in the model's Meta
    return f"{permission.content_type} | {allows}"


class TranslatedPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        return field


class NewsroomGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    pass


class NewsroomUserAdmin(TranslatedPermissionsMixin, UserAdmin):
    pass


# django-axes names its records in English f-strings ("Access Log for … @ …"), which the
# admin shows as page titles, breadcrumbs and history; these say the same in the admin's
# language.
def access_attempt_str(attempt):
    return _("Login attempts of %(username)s, since %(time)s") % {
        "username": attempt.username,
        "time": date_format(localtime(attempt.attempt_time), "DATETIME_FORMAT"),
    }


def access_log_str(log):
    return _("Login of %(username)s at %(time)s") % {
        "username": log.username,
        "time": date_format(localtime(log.attempt_time), "DATETIME_FORMAT"),
    }


def access_failure_str(failure):
    return _("Failed login of %(username)s at %(time)s from %(address)s") % {
        "username": failure.username,
        "time": date_format(localtime(failure.attempt_time), "DATETIME_FORMAT"),
        "address": failure.ip_address,
    }
