"""Editors see and edit old addresses in the admin, as they do articles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("addresses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="addresses"))


class Migration(migrations.Migration):
    dependencies = [("addresses", "0001_initial"), ("news", "0002_editors_group")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
