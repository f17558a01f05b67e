import pytest
from django.contrib.auth.models import Permission


@pytest.fixture
def photo_editor(django_user_model):
    """A staff member who may manage photos and nothing else (not a superuser)."""
    user = django_user_model.objects.create_user(
        "fotoredaktors", password="Latgale-2024!", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="gallery"))
    return user


@pytest.fixture
def editor_client(client, photo_editor):
    client.force_login(photo_editor)
    return client
