"""The newsroom's "Editors" group: every content permission, nothing over users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ["news", "gallery", "polls", "namedays"]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0001_initial"),
        ("gallery", "0002_one_photo_per_day_error_at_the_date"),
        ("namedays", "0001_initial"),
        ("polls", "0002_vote_choice_of_poll"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
