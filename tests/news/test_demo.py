"""The demo issue `make run` loads into an empty database (news/demo.py)."""

import pytest
from django.core.management import call_command

from gallery.models import Photo
from news.models import Article
from polls.models import Poll

pytestmark = pytest.mark.django_db


def test_the_demo_issue_fills_the_front_page_in_both_languages_once(client):
    """One test, since drawing the issue's photos takes seconds: loaded, then left alone."""
    call_command("load_demo", verbosity=0)

    latvian, russian = client.get("/"), client.get("/ru/")

    assert "Krāslavā atjaunos Daugavas krastmalu" in latvian.text
    assert "В Краславе обновят набережную Даугавы" in russian.text
    assert Photo.objects.shown().count() == 30
    assert Poll.objects.current().results().total == 39
    article = Article.objects.get(title_lv="Krāslavā atjaunos Daugavas krastmalu")
    assert article.main_photo.renditions and article.gallery_photos()
    assert [author.slug for author in article.byline()] == ["inese-kalnina"]
    author_page = client.get("/ru/autori/inese-kalnina/").text
    assert "журналист" in author_page and "В Краславе обновят набережную Даугавы" in author_page
    assert "В Краславе обновят набережную Даугавы" in client.get("/ru/temas/daugava/").text

    articles = Article.objects.count()
    call_command("load_demo", verbosity=0)
    assert Article.objects.count() == articles
