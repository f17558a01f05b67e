"""What each role may do with every model in the admin (issue 14), asked of the admin itself
and of its pages: journalists write and upload, editors run the content, administrators
the accounts and login lockouts. Every registered model must appear in the table, so a
new admin cannot slip in without a decision about who may use it."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db

ROLES = {"journalist": "Žurnālisti", "editor": "Redaktori", "administrator": "Administratori"}
ALL, NONE, VIEW = "acdv", "", "v"

# model: {role: what of add (a), change (c), delete (d), view (v) the role's admin allows}
POLICY = {
    "news.article": {"journalist": "acv", "editor": ALL, "administrator": NONE},
    "news.section": {"journalist": VIEW, "editor": ALL, "administrator": NONE},
    # Journalists pick authors and topics for their drafts; editors keep the lists.
    "news.author": {"journalist": VIEW, "editor": ALL, "administrator": NONE},
    "news.topic": {"journalist": VIEW, "editor": ALL, "administrator": NONE},
    "pages.page": {"journalist": NONE, "editor": ALL, "administrator": NONE},
    "gallery.photo": {"journalist": "acv", "editor": ALL, "administrator": NONE},
    "polls.poll": {"journalist": NONE, "editor": ALL, "administrator": NONE},
    "polls.vote": {"journalist": NONE, "editor": VIEW, "administrator": NONE},
    "namedays.nameday": {"journalist": NONE, "editor": "cv", "administrator": NONE},
    "namedays.name": {"journalist": NONE, "editor": ALL, "administrator": NONE},
    "addresses.oldaddress": {"journalist": NONE, "editor": ALL, "administrator": NONE},
    "auth.user": {"journalist": NONE, "editor": NONE, "administrator": ALL},
    "auth.group": {"journalist": NONE, "editor": NONE, "administrator": ALL},
    "axes.accessattempt": {"journalist": NONE, "editor": NONE, "administrator": "cdv"},
    "axes.accesslog": {"journalist": NONE, "editor": NONE, "administrator": "cdv"},
    "axes.accessfailurelog": {"journalist": NONE, "editor": NONE, "administrator": "cdv"},
}

# model: {role: the actions offered on its list}
ACTIONS = {
    "news.article": {
        "journalist": {"submit_for_review"},
        "editor": {"submit_for_review", "publish", "unpublish", "delete_selected"},
    },
    "gallery.photo": {
        "journalist": {"make_missing_renditions"},
        "editor": {"make_missing_renditions", "delete_selected"},
    },
    "polls.poll": {"editor": {"close_now", "export_results", "delete_selected"}},
    "news.section": {"editor": {"delete_selected"}},
    "news.author": {"editor": {"delete_selected"}},
    "news.topic": {"editor": {"delete_selected"}},
    "pages.page": {"editor": {"delete_selected"}},
    "namedays.name": {"editor": {"delete_selected"}},
    "addresses.oldaddress": {"editor": {"delete_selected"}},
    "auth.user": {"administrator": {"delete_selected"}},
    "auth.group": {"administrator": {"delete_selected"}},
    "axes.accessattempt": {"administrator": {"cleanup_expired_attempts", "delete_selected"}},
    "axes.accesslog": {"administrator": {"delete_selected"}},
    "axes.accessfailurelog": {"administrator": {"delete_selected"}},
}

REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)


@pytest.fixture
def member(django_user_model, request):
    """A staff member of the role the test is parametrised with; not a superuser."""

    def make(role):
        user = django_user_model.objects.create_user(
            f"{role}-user", password="Latgale-2024!", is_staff=True
        )
        user.groups.add(Group.objects.get(name=ROLES[role]))
        return user

    return make


def model_admin_of(label):
    return next(ma for m, ma in admin.site._registry.items() if m._meta.label_lower == label)


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_every_registered_model_has_a_decision():
    assert sorted(POLICY) == REGISTERED


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", REGISTERED)
def test_the_admin_allows_each_role_what_its_policy_says(label, role, member):
    model_admin = model_admin_of(label)
    request = request_by(member(role))
    allowed = {
        "a": model_admin.has_add_permission(request),
        "c": model_admin.has_change_permission(request),
        "d": model_admin.has_delete_permission(request),
        "v": model_admin.has_view_permission(request),
    }
    assert "".join(k for k, v in allowed.items() if v) == POLICY[label][role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", REGISTERED)
def test_each_roles_actions_are_those_of_its_policy(label, role, member):
    model_admin = model_admin_of(label)
    request = request_by(member(role))
    offered = set(model_admin.get_actions(request)) if POLICY[label][role] else set()
    assert offered == ACTIONS.get(label, {}).get(role, set())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("label", REGISTERED)
def test_the_pages_refuse_what_the_policy_refuses(label, role, member, client):
    """Enforced by the server: the list and the add form answer 403 to whoever may not."""
    client.force_login(member(role))
    app_label, model_name = label.split(".")
    policy = POLICY[label][role]
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == (200 if policy else 403)
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert add.status_code == (200 if "a" in policy else 403)


@pytest.mark.parametrize("role", ["journalist", "administrator"])
def test_an_action_not_offered_is_refused_when_posted(role, member, client):
    """A direct POST of a publisher's action by anyone else changes nothing."""
    article = make_article(is_published=False)
    client.force_login(member(role))
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert not article.is_published
