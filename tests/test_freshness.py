"""A publish and a takedown reach readers through nginx within seconds (issue 19).

Pages go out with `max-age=0` (browsers ask again) and a short `s-maxage` (nginx keeps
them a few seconds, then fetches the new page in the background): here gunicorn with
production settings and Redis, nginx in front as deploy/nginx.conf sets it up, and an
editor working in the admin while readers read through nginx.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from tests.factories import make_article
from tests.servers import PrivateRedis, gunicorn, nginx, production_env, wait_until
from tests.test_scaling import HOST, log_in, request

pytestmark = pytest.mark.django_db(transaction=True)
VISIBLE_WITHIN = 10  # seconds


@pytest.fixture
def site(tmp_path):
    """(the app server, nginx in front of it), with a Redis of their own."""
    redis = PrivateRedis(tmp_path).start()
    env = production_env(
        tmp_path / "static",
        connection.settings_dict["NAME"],
        ALLOWED_HOSTS=HOST,
        CACHE_URL=redis.url(),
        CACHE_PAGES="true",
        CACHE_PAGE_PARTS="true",
    )
    try:
        with (
            gunicorn(env, tmp_path / "gunicorn.log", "--workers", "2") as app,
            nginx(tmp_path / "nginx", [app], https=True) as proxy,
        ):
            yield app, proxy
    finally:
        redis.stop()


def admin_action(app, cookies, action, article):
    _, _, page, _ = request(app, "/admin/news/article/", cookies=cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    status, *_ = request(
        app,
        "/admin/news/article/",
        {"action": action, "_selected_action": article.pk, "csrfmiddlewaretoken": token},
        cookies,
    )
    assert status == 302


def test_a_publish_and_a_takedown_reach_readers_through_nginx(site, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # the server's
    app, proxy = site
    editor = django_user_model.objects.create_user("ilze", password="Latgale-2024!", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktori"))
    make_article(title_lv="Vakardienas ziņa")
    draft = make_article(title_lv="Jaunais tilts atklāts", is_published=False)
    first = request(proxy, "/")
    second = request(proxy, "/")
    assert "Vakardienas ziņa" in second[2] and "Jaunais tilts atklāts" not in second[2]
    assert (first[1]["X-Cache"], second[1]["X-Cache"]) == ("MISS", "HIT")
    cache_control = second[1]["Cache-Control"]
    assert "max-age=0" in cache_control and "s-maxage=" in cache_control
    cookies = log_in(app, "ilze", "Latgale-2024!")

    admin_action(app, cookies, "publish", draft)
    wait_until(
        lambda: "Jaunais tilts atklāts" in request(proxy, "/")[2],
        VISIBLE_WITHIN,
        "the published article on the front page through nginx",
    )
    address = draft.get_absolute_url()
    for _ in range(2):  # the article's page, now cached by nginx too
        assert request(proxy, address)[0] == 200
    assert request(proxy, address)[1]["X-Cache"] == "HIT"

    admin_action(app, cookies, "unpublish", draft)
    wait_until(
        lambda: (
            request(proxy, address)[0] == 404
            and "Jaunais tilts atklāts" not in request(proxy, "/")[2]
        ),
        VISIBLE_WITHIN,
        "the article taken down, through nginx",
    )
