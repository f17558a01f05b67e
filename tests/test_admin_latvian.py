"""The admin speaks correct Latvian where Django's and django-axes' catalogues do not
(issue 14): the project's catalogue comes first."""

import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_article_pages_of_the_admin_read_as_latvian(client, editor):
    client.force_login(editor)
    make_article()
    changelist = client.get(reverse("admin:news_article_changelist")).text
    for broken in [
        "Pievienot raksts",
        "Pēc stāvoklis",
        "Izdzēst izvēlēto raksti",
        "Atlasīt raksts",
    ]:
        assert broken not in changelist
    assert "Pievienot: raksts" in changelist
    assert "Filtrs: stāvoklis" in changelist
    assert "Dzēst atzīmētos (raksti)" in changelist
    add = client.get(reverse("admin:news_article_add")).text
    assert "Select an option" not in add and "— izvēlieties —" in add
    assert ">photo<" not in add.lower().replace(" ", "")


def test_login_lockouts_and_roles_in_latvian(admin_client):
    index = admin_client.get(reverse("admin:index")).text
    assert "Access attempts" not in index and "Pieteikšanās mēģinājumi" in index
    groups = admin_client.get(reverse("admin:auth_group_changelist")).text
    assert "Redaktori" in groups and ">Editors<" not in groups
