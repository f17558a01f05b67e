"""Administrators manage accounts in their language (issue 14): permissions are named in
Latvian, not as Django stored them ("Can add poll"), and login lockout records too."""

import pytest
from axes.models import AccessLog
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator_client(client, django_user_model):
    user = django_user_model.objects.create_user("admins", password="Latgale-2024!", is_staff=True)
    user.groups.add(Group.objects.get(name="Administratori"))
    client.force_login(user)
    return client


def test_a_groups_permissions_are_named_in_latvian(administrator_client):
    editors = Group.objects.get(name="Redaktori")
    page = administrator_client.get(reverse("admin:auth_group_change", args=[editors.pk])).text
    assert "Aptaujas | aptauja | Var pievienot: aptauja" in page
    assert "Ziņas | raksts | Var publicēt un ieplānot rakstus" in page
    assert "Can add" not in page


def test_a_login_record_is_named_in_latvian(administrator_client):
    log = AccessLog.objects.create(
        username="minetajs", ip_address="192.0.2.7", attempt_time=timezone.now()
    )
    page = administrator_client.get(reverse("admin:axes_accesslog_change", args=[log.pk])).text
    assert "minetajs pieteikšanās" in page
    assert "Access Log for" not in page
