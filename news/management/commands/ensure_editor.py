"""Make sure somebody can log in to the admin after `make run` on a fresh database.

Takes the account from DJANGO_SUPERUSER_USERNAME / _PASSWORD / _EMAIL when they are set (the
variables Django's createsuperuser reads); otherwise creates the account "redaktors" with a
random password, printed once. Never changes an existing account.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = "Create an editor (superuser) account unless one exists, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--site-url", default="http://127.0.0.1:8000")

    def handle(self, *args, site_url, **options):
        User = get_user_model()
        admin_url = site_url.rstrip("/") + reverse("admin:index")
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        if username:
            password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Log in at {admin_url} as {username}.")
                return
            if not password:
                raise CommandError("DJANGO_SUPERUSER_USERNAME is set, so set the _PASSWORD too.")
            email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
            User.objects.create_superuser(username, email, password)
            self.stdout.write(self.style.SUCCESS(f"Created {username}; log in at {admin_url}."))
            return

        existing = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Log in at {admin_url} as {existing.username} "
                f"(forgot the password? manage.py changepassword {existing.username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("redaktors", "", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the editor account. Log in at {admin_url}\n"
                f"  user: redaktors\n  password: {password}\n"
                "The password is shown only now; change it with: "
                "manage.py changepassword redaktors"
            )
        )
