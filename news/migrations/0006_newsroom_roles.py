"""The newsroom's three roles, named in Latvian.

- Redaktori (editors): the "Editors" group of 0002 renamed, members kept; every content
  permission, publishing included, nothing over users or groups.
- Žurnālisti (journalists): write articles and upload photos, change their own drafts and
  photos (ArticleAdmin/PhotoAdmin narrow "change" to their own), submit for review; no
  publishing, no polls, no name days, no deleting.
- Administratori (administrators): users, groups and login lockouts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ["news", "gallery", "polls", "namedays"]
JOURNALISTS = [
    ("news", "add_article"),
    ("news", "change_article"),
    ("news", "view_article"),
    ("news", "view_section"),
    ("gallery", "add_photo"),
    ("gallery", "change_photo"),
    ("gallery", "view_photo"),
]
ADMINISTRATOR_APPS = ["auth", "axes"]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        editors, _ = Group.objects.get_or_create(name="Redaktori")
    else:
        editors.name = "Redaktori"
        editors.save(update_fields=["name"])
    editors.permissions.set(Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))

    journalists, _ = Group.objects.get_or_create(name="Žurnālisti")
    journalists.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in JOURNALISTS
        ]
    )

    administrators, _ = Group.objects.get_or_create(name="Administratori")
    administrators.permissions.set(
        Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Žurnālisti", "Administratori"]).delete()
    Group.objects.filter(name="Redaktori").update(name="Editors")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_review_and_publish_permission"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
