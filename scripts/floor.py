"""The floor: bare Django serving fixed bytes, what no page of the site can beat.

A settings module, URLconf and view in one, as `django-admin startproject` makes them
(its apps and middleware, nothing of the site's), answering every request with the bytes
of the file named by FLOOR_PAGE: the site's front page, as the benchmark saves it. The
benchmark serves it with the same gunicorn options as the site and counts its
instructions per request the same way (scripts/bench.py, scripts/instructions.py).

    DJANGO_SETTINGS_MODULE=scripts.floor FLOOR_PAGE=page.html \
        gunicorn 'django.core.wsgi:get_wsgi_application()'
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = os.environ.get("SECRET_KEY") or "the-floor-has-no-secrets"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "scripts.floor"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
USE_TZ = True
STATIC_URL = "static/"

PAGE = Path(os.environ["FLOOR_PAGE"]).read_bytes() if os.environ.get("FLOOR_PAGE") else b""


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page), path("healthz", page)]
