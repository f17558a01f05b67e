"""Editors (Redaktori) manage the paper's pages; journalists do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_page", "change_page", "delete_page", "view_page"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Redaktori")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="pages", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Redaktori"):
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="pages", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_page"),
        ("news", "0006_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
