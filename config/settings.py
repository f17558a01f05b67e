"""Settings for the whole site, read from the environment (see .env.example).

One file for every environment: a difference between development and production is an
environment variable, never a second settings module.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config import reporting
from config.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")  # real environment variables win

DEBUG = env.bool("DEBUG", default=False)

# Production (DEBUG off) refuses to start without its secrets; development gets a
# throwaway key so that `make run` works on a fresh clone.
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="development-only-key-never-used-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see .env.example). For development, "
            "`make run` writes a .env with DEBUG=true, or set DEBUG=true yourself."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must be set when DEBUG is off, e.g. ALLOWED_HOSTS=news.example.lv."
        )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "newsroom.apps.NewsroomAdminConfig",  # django.contrib.admin with the newsroom's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",  # revisions of articles, kept by every admin save
    "axes",  # locks out password guessing at the admin login
    "pagecache",
    "newsroom",
    "namedays",
    "gallery",
    "news",
    "polls",
    "pages",
    "addresses",
    "imports",
]

MIDDLEWARE = [
    "config.logs.RequestIdMiddleware",  # first: every line and response gets the request's id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so that a cached page skips everything below it: a page is stored with every
    # header the middleware below gave it (its security policy too), which a hit repeats.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Below the page cache, which then keeps its 301s; reads its table only on a 404.
    "addresses.middleware.OldAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into its page
]

ROOT_URLCONF = "config.urls"
# Models whose earlier addresses keep working after an editor changes them (addresses app).
OLD_ADDRESS_MODELS = ["news.Article", "news.Section"]
WSGI_APPLICATION = "config.wsgi.application"
ADMIN_URL = env("ADMIN_URL", default="admin/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",  # the admin's nonces
                "config.context_processors.site",
                "pagecache.context_processors.generation",
            ],
            # Tags every template has: translated fields' languages, the page's metadata.
            "builtins": ["config.languages", "config.social"],
        },
    },
]

# Database: PostgreSQL only. `make` finds or starts a server and passes DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL")}
if DATABASES["default"].get("ENGINE") != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL (postgres://…).")
# Set in Python, not in the URL: django-environ turns URL options into strings.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Several app processes (or machines) on one PostgreSQL: a pool per process (psycopg's)
# caps and reuses connections; connections are checked before use, so a database restart
# costs only the requests that were running.
if DATABASE_POOL_SIZE := env.int("DATABASE_POOL_SIZE", default=0):
    from psycopg_pool import ConnectionPool

    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_SIZE,
        "timeout": 10,
        "check": ConnectionPool.check_connection,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared Redis in production (CACHE_URL=redis://…), process-local memory otherwise.
# redis:// always means Django's own RedisCache, made to fail soft (config/cache.py): with
# Redis down, pages are served without it. Short timeouts keep a dead Redis from stalling.
_cache_url = env("CACHE_URL", default="locmemcache://")
_shared_cache = _cache_url.startswith(("redis://", "rediss://"))
CACHES = {
    "default": env.cache_url_config(
        _cache_url, backend="config.cache.FailSoftRedisCache" if _shared_cache else None
    )
}
if _shared_cache:
    CACHES["default"]["OPTIONS"] = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
# Whole pages and page parts are cached only in a cache every app process shares, since
# invalidation (the pagecache app) must reach them all.
CACHE_PAGES = env.bool("CACHE_PAGES", default=_shared_cache)
CACHE_PAGE_PARTS = env.bool("CACHE_PAGE_PARTS", default=_shared_cache)
# The longest a reader's page is kept in the app's cache; changes still show at once,
# because an editor's change or a scheduled time starts a new generation.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# The longest a page part kept under what it shows (a teaser: its article as saved, the
# language, the templates) may stay: it is re-rendered only when one of those changes.
# Keep it below the lifetime of signed media URLs if MEDIA_STORAGE signs them.
PAGE_PART_SECONDS = env.int("PAGE_PART_SECONDS", default=3600)
# The longest a shared cache (nginx, a CDN) may keep a reader's page (s-maxage): the most
# a publish or a takedown waits there. Browsers always ask again (max-age=0).
SHARED_CACHE_SECONDS = env.int("SHARED_CACHE_SECONDS", default=5)
# {% cache %} fragments in templates use this alias: the shared cache, or none at all.
CACHES["template_fragments"] = (
    CACHES["default"]
    if CACHE_PAGE_PARTS
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Latvian is the source and needs no URL prefix; /ru/ and /en/ for the others.
LANGUAGE_CODE = "lv"
LANGUAGES = [
    ("lv", _("Latvian")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Riga"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "lv"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("lv",)
# The tabbed translation admin's jQuery UI, served from the site (static/vendor), not from
# Google's CDN, which the CSP refuses. The setting has no MODELTRANSLATION_ prefix.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Static files: WhiteNoise serves them compressed under hashed names in production.
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
# Uploads up to the photo size limit stay in memory: a full /tmp must not break them.
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# A photo form that comes back with errors keeps the chosen file here for a day, on the app
# server's disk and outside the media, which anyone may read (gallery.forms.KEPT_FOR_SECONDS).
KEPT_UPLOADS_ROOT = env.path("KEPT_UPLOADS_ROOT", default=BASE_DIR / "var" / "kept-uploads")
STORAGES = {
    # Media: any Django storage, e.g. MEDIA_STORAGE=storages.backends.s3.S3Storage with its
    # options as JSON in MEDIA_STORAGE_OPTIONS, for an S3-compatible store.
    "default": {
        "BACKEND": env("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Backups (scripts/backup.py): archives in BACKUP_DIR; after each one, the newest of each
# of the last BACKUP_KEEP_DAILY days, BACKUP_KEEP_WEEKLY weeks and BACKUP_KEEP_MONTHLY
# months are kept, here and off-site. BACKUP_STORAGE (any Django storage, e.g. an S3 bucket
# through django-storages) receives a copy of each; BACKUP_ENCRYPT_TO (age public keys)
# encrypts them, so that only the holder of a secret key kept elsewhere can read them.
BACKUP_DIR = BASE_DIR / env("BACKUP_DIR", default="var/backups")  # relative: to the checkout
BACKUP_KEEP = {
    "daily": env.int("BACKUP_KEEP_DAILY", default=7),
    "weekly": env.int("BACKUP_KEEP_WEEKLY", default=4),
    "monthly": env.int("BACKUP_KEEP_MONTHLY", default=12),
}
BACKUP_ENCRYPT_TO = env.list("BACKUP_ENCRYPT_TO", default=[])
if BACKUP_STORAGE := env("BACKUP_STORAGE", default=""):
    STORAGES["backups"] = {
        "BACKEND": BACKUP_STORAGE,
        "OPTIONS": env.json("BACKUP_STORAGE_OPTIONS", default={}),
    }

# Security: strict by default once DEBUG is off; the proxy header only when behind one.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz(/status)?$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token, polls.js fetches one
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy, in development too, so that nothing inline creeps in unnoticed.
# Reader pages need no nonce: their only scripts and styles are files. The admin's inline
# import map and constants carry the request's nonce ({% csp_nonce_attr %}).
# The rich-text editor (Tiptap inside django-prose-editor) adds its base stylesheet as a
# <style> element without a nonce: it is allowed by its hash. Should an upgrade change that
# stylesheet, the editor's journey test (tests/journeys) fails and names the new hash.
_TIPTAP_BASE_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, _TIPTAP_BASE_STYLE],
    # Photos may come from a media store elsewhere (MEDIA_STORAGE): list its origin here.
    "img-src": [CSP.SELF, *env.list("CSP_IMAGE_ORIGINS", default=[])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Admin login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES, even with
# the right password; other people and other addresses are not affected.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are kept; successful logins need no record
AXES_CLIENT_IP_CALLABLE = "config.http.client_address"  # honours TRUSTED_PROXY_COUNT
AXES_LOCKOUT_CALLABLE = "newsroom.views.login_locked_out"

# Logs: one format and one time zone in every process (config/logs.py), JSON lines with
# LOG_FORMAT=json; each line of a request carries its id (X-Request-ID).
LOGGING = logging_config(
    level=env("LOG_LEVEL", default="INFO"),
    json_lines=env("LOG_FORMAT", default="text") == "json",
    time_zone=TIME_ZONE,
)

# Server errors reach a person: Django mails the traceback to ADMINS ("Name <address>",
# comma-separated) through the mail server of EMAIL_URL (smtp+tls://user:password@host:587),
# and, when SENTRY_DSN is set, reports it to Sentry or a self-hosted GlitchTip without
# readers' personal data (config/reporting.py).
ADMINS = env.list("ADMINS", default=[])
_email_url = env("EMAIL_URL", default="smtp://localhost:25")
_mail = env.email_url_config(_email_url)
MAILERS = {"default": {"BACKEND": _mail["EMAIL_BACKEND"]}}
if _mail["EMAIL_BACKEND"].endswith(".smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": _mail["EMAIL_HOST"],
        "port": _mail["EMAIL_PORT"],
        "username": _mail["EMAIL_HOST_USER"],
        "password": _mail["EMAIL_HOST_PASSWORD"],
        "use_tls": _mail.get("EMAIL_USE_TLS", False),
        "use_ssl": _mail.get("EMAIL_USE_SSL", False),
        "timeout": 10,  # a mail server that hangs must not hold a worker's thread for long
    }
elif _mail["EMAIL_BACKEND"].endswith(".filebased.EmailBackend"):  # filemail:///folder
    # From the URL itself: django-environ 0.14 drops the folder's leading slash.
    MAILERS["default"]["OPTIONS"] = {"file_path": urlsplit(_email_url).path}
SERVER_EMAIL = DEFAULT_FROM_EMAIL = env("SERVER_EMAIL", default="vestis@localhost")
# Error mails leave out readers' addresses and cookies, as the reports do.
DEFAULT_EXCEPTION_REPORTER_FILTER = "config.reporting.ExceptionReporterFilter"
if SENTRY_DSN := env("SENTRY_DSN", default=""):
    reporting.start(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# Polls: how many votes one network address may cast in one poll (against stuffing).
POLL_VOTES_PER_ADDRESS = env.int("POLL_VOTES_PER_ADDRESS", default=20)
# How many reverse proxies in front of the app append the client's address to
# X-Forwarded-For (1 behind nginx as in README). 0: use the connection's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# A view may answer its own CSRF failures (a poll vote posted from a cached page, which
# carries no token, is shown back to be confirmed); every other form gets
# templates/403_csrf.html.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# The newspaper itself: name, crests and contacts printed in the header and footer.
NEWSPAPER = {
    "name": env("NEWSPAPER_NAME", default="Krāslavas Vēstis"),
    "logos": env.list("NEWSPAPER_LOGOS", default=["img/logo.svg"]),
    "address": env("NEWSPAPER_ADDRESS", default="Rīgas iela 51, Krāslava, LV-5601"),
    "phone": env("NEWSPAPER_PHONE", default="+371 65600000"),
    "email": env("NEWSPAPER_EMAIL", default="redakcija@example.lv"),
    "since": env.int("NEWSPAPER_SINCE", default=1990),
}
EMAIL_SUBJECT_PREFIX = f"[{NEWSPAPER['name']}] "  # error mails say which paper's site
