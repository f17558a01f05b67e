"""Every admin page a journalist or an editor can open speaks Latvian: no English interface
text in what they read, nor in buttons, titles and placeholders (issue 14)."""

import re
from html.parser import HTMLParser

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils.timezone import now
from reversion.models import Version

from tests.factories import make_article
from tests.gallery.factories import make_photo
from tests.polls.factories import make_poll

pytestmark = pytest.mark.django_db

# Words of English interface text; article text in the pages is Latvian test data.
ENGLISH_WORDS = """
    add change delete save select search history filter view home log logout out password
    the and of this is you your are yes date time user action today now show hide clear
    choose remove go run welcome documentation recent actions none all by edit new another
    selected items item results result total close open cancel submit back next previous page
    name title lead body author section photo photos poll polls article articles published
    draft scheduled featured created updated unknown field required please correct error
    below above with for from at on in or not recover deleted revert version versions
    object objects upload uploading uploaded kept text texts
"""
ENGLISH = frozenset(ENGLISH_WORDS.split())
ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template", "svg", "noscript"}:
            self.skip += 1
        attrs = dict(attrs)
        self.parts += [value for name, value in attrs.items() if name in ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template", "svg", "noscript"}:
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def english_in(html):
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for part in parser.parts:
        if re.fullmatch(r"\S+/\S+", part.strip()):
            continue  # a file's name, an address
        # Addresses in help texts ("/zinas/browse/420/article/3/slug.html") are not words.
        words = [w.lower() for w in re.findall(r"\w+", re.sub(r"\S*/\S*", " ", part))]
        if any(w in ENGLISH for w in words):
            found.add(part.strip()[:80])
    return found


def admin_pages(user, objects):
    request = RequestFactory().get("/")
    request.user = user
    pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_module_permission(request):
            continue
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{info}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{info}_add"))
        for obj in objects:
            if type(obj) is model and model_admin.has_view_permission(request, obj):
                pages.append(reverse(f"{info}_change", args=[obj.pk]))
                pages.append(reverse(f"{info}_history", args=[obj.pk]))
    return pages


@pytest.fixture
def newsroom_objects(journalist, editor, client):
    with reversion.create_revision():
        article = make_article(main_photo=make_photo(), created_by=journalist, is_published=False)
        reversion.set_user(journalist)
    client.force_login(editor)
    return [article, article.section, article.main_photo, make_poll()]


@pytest.fixture
def administrator(django_user_model):
    """A member of "Administratori": users, groups and login lockouts."""
    user = django_user_model.objects.create_user(
        "administrators", password="Latgale-2024!", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Administratori"))
    return user


@pytest.fixture
def lockout_records():
    """One of each of django-axes' records, so that its change pages are crawled too."""
    attempt = AccessAttempt.objects.create(
        username="minetajs", ip_address="192.0.2.7", failures_since_start=2, attempt_time=now()
    )
    log = AccessLog.objects.create(username="minetajs", ip_address="192.0.2.7", attempt_time=now())
    failure = AccessFailureLog.objects.create(
        username="minetajs", ip_address="192.0.2.7", attempt_time=now()
    )
    return [attempt, log, failure]


@pytest.mark.parametrize("role", ["journalist", "editor", "administrator"])
def test_no_english_on_any_admin_page(client, request, role, newsroom_objects, lockout_records):
    user = request.getfixturevalue(role)
    client.force_login(user)
    article = newsroom_objects[0]
    group = Group.objects.get(name="Redaktori")
    pages = admin_pages(user, [*newsroom_objects, *lockout_records, user, group])
    if user.has_perm("news.change_article"):
        version = Version.objects.get_for_object(article).first()
        pages.append(reverse("admin:news_article_compare", args=[article.pk, version.pk]))
        pages.append(reverse("admin:news_article_upload_photos", args=[article.pk]))
        pages.append(reverse("admin:news_article_photo_texts", args=[article.pk]))
    if user.has_perm("news.publish_article"):
        pages.append(reverse("admin:news_article_recoverlist"))
        pages.append(reverse("admin:news_article_revision", args=[article.pk, version.pk]))
    problems = {}
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, path
        found = english_in(answer.text)
        if found:
            problems[path] = sorted(found)
    assert problems == {}
