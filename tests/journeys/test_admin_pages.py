"""The admin keeps working under the site's Content Security Policy: every list, add and
change page of every model opens in a real browser without a single violation or error."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import make_article
from tests.gallery.factories import make_photo
from tests.journeys.conftest import log_in, watch
from tests.polls.factories import make_poll, make_votes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def admin_pages(user, objects):
    """The index, and every model's list, add form and (for `objects`) change form."""
    request = RequestFactory().get("/")
    request.user = user
    pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{info}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{info}_add"))
        pages += [reverse(f"{info}_change", args=[o.pk]) for o in objects if type(o) is model]
    return pages


def test_every_admin_page_opens_without_a_policy_violation(page, django_user_model):
    boss = django_user_model.objects.create_superuser("galvenais", password="Latgale-2024!")
    poll = make_poll()
    make_votes(poll.choices.first(), 3)
    article = make_article(main_photo=make_photo())
    seen = watch(page)
    log_in(page, "galvenais", "Latgale-2024!")
    for path in admin_pages(boss, [article, article.section, article.main_photo, poll]):
        page.goto(path)
        expect(page.locator("#footer")).to_be_attached()
    seen.assert_clean()
