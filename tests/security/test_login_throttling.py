"""Password guessing at the admin login is throttled (django-axes): after LOGIN_FAILURE_LIMIT
wrong passwords one user name is locked out from one address for LOGIN_LOCKOUT_MINUTES."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db

PASSWORD = "Latgale-2024!"  # the `editor` fixture's
LOCKED = "Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu"


def log_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def guess_wrong(client, username, times, address="192.0.2.10"):
    return [log_in(client, username, f"minejums-{n}", address) for n in range(times)][-1]


def test_wrong_passwords_below_the_limit_do_not_lock_out(client, editor):
    guess_wrong(client, "redaktore", settings.LOGIN_FAILURE_LIMIT - 1)
    assert log_in(client, "redaktore", PASSWORD).status_code == 302
    assert client.session[SESSION_KEY] == str(editor.pk)


def test_too_many_wrong_passwords_lock_out_even_the_right_one(client, editor):
    locked = guess_wrong(client, "redaktore", settings.LOGIN_FAILURE_LIMIT)

    assert locked.status_code == 429
    assert LOCKED in locked.text
    assert f"bloķēta uz {settings.LOGIN_LOCKOUT_MINUTES} minūtēm" in locked.text
    assert 'id="login-form"' in locked.text  # the login page still, in the admin's layout
    answer = log_in(client, "redaktore", PASSWORD)
    assert answer.status_code == 429 and LOCKED in answer.text
    assert SESSION_KEY not in client.session


def test_lockout_ends_after_its_minutes(client, editor):
    guess_wrong(client, "redaktore", settings.LOGIN_FAILURE_LIMIT)
    later = timezone.now() + datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=5)
    with time_machine.travel(later):
        assert log_in(client, "redaktore", PASSWORD).status_code == 302


def test_lockout_is_for_one_user_name_from_one_address(client, editor, django_user_model):
    django_user_model.objects.create_user("fotografs", password=PASSWORD, is_staff=True)
    guess_wrong(client, "redaktore", settings.LOGIN_FAILURE_LIMIT, address="192.0.2.10")

    assert log_in(client, "fotografs", PASSWORD, address="192.0.2.10").status_code == 302
    client.logout()
    assert log_in(client, "redaktore", PASSWORD, address="198.51.100.7").status_code == 302


def test_limits_and_the_admin_address_come_from_the_environment():
    result = run_manage(
        "shell",
        "--no-imports",
        "--command",
        "from django.conf import settings; from django.urls import reverse; "
        "print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME, reverse('admin:login'))",
        DEBUG="true",
        LOGIN_FAILURE_LIMIT="3",
        LOGIN_LOCKOUT_MINUTES="60",
        ADMIN_URL="redakcija-7f3k/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "1:00:00", "/redakcija-7f3k/login/"]
