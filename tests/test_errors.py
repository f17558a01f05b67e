"""Branded, translated error pages."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/nav-tadas-lapas/", "Lapa nav atrasta"),
        ("/ru/nav-tadas-lapas/", "Страница не найдена"),
        ("/en/nav-tadas-lapas/", "Page not found"),
    ],
)
def test_unknown_page_gives_a_translated_404_inside_the_layout(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in response.text
    assert 'class="masthead"' in response.text


@pytest.mark.urls("tests.urls_failing")
def test_server_error_gives_a_translated_500_page():
    client = Client(raise_request_exception=False)
    response = client.get("/ru/failing/")
    assert response.status_code == 500
    assert "<h1>Ошибка сервера</h1>" in response.text
