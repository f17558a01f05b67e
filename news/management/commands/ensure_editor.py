"""Make sure somebody can log in to the admin after `make run` on a fresh database.

Takes the account from DJANGO_SUPERUSER_USERNAME / _PASSWORD / _EMAIL when they are set (the
variables Django's createsuperuser reads: a superuser, for whoever runs the site); otherwise
creates the everyday editor "redaktors", a member of the "Redaktori" role and not a superuser,
with a random password, printed once. Never changes an existing account.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = "Create an editor account unless one exists, and say how to log in."

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

        editors = Group.objects.get(name="Redaktori")
        existing = (
            editors.user_set.filter(is_superuser=False, is_active=True, is_staff=True)
            .order_by("pk")
            .first()
        )
        if existing:
            self.stdout.write(
                f"Log in at {admin_url} as {existing.username} "
                f"(forgot the password? manage.py changepassword {existing.username})."
            )
            return
        password = secrets.token_urlsafe(12)
        username = "redaktors"
        while User.objects.filter(username=username).exists():
            username += "1"
        User.objects.create_user(username, "", password, is_staff=True).groups.add(editors)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the editor account. Log in at {admin_url}\n"
                f"  user: {username}\n  password: {password}\n"
                "The password is shown only now; change it with: "
                f"manage.py changepassword {username}"
            )
        )
