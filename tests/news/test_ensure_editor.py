import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_creates_an_editor_once_and_prints_how_to_log_in(capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    call_command("ensure_editor")
    first = capsys.readouterr().out
    call_command("ensure_editor")
    second = capsys.readouterr().out

    editor = User.objects.get()
    assert editor.username == "redaktors" and editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Redaktori"]
    password = first.split("password: ")[1].split()[0]
    assert editor.check_password(password)
    assert "Log in at http://127.0.0.1:8000/admin/ as redaktors" in second


def test_takes_the_account_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "ilze")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Latgale-2024!")
    call_command("ensure_editor")
    call_command("ensure_editor")

    editor = User.objects.get()
    assert editor.username == "ilze"
    assert editor.check_password("Latgale-2024!")
