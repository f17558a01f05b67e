"""The old addresses are the editors' content: the Redaktori role (news 0006, which renamed
the Editors group) holds their permissions. Where addresses 0002 ran after that rename, it
made a new, empty "Editors" group: that one goes."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Redaktori")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="addresses"))
    Group.objects.filter(name="Editors", user__isnull=True).delete()


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Redaktori"):
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="addresses"))


class Migration(migrations.Migration):
    dependencies = [("addresses", "0002_editors_manage_old_addresses"), ("news", "0006_newsroom_roles")]

    operations = [migrations.RunPython(grant, revoke)]
