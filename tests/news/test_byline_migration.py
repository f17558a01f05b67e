"""news 0010: the free-text bylines become Authors, one per signed name (issue 16).

The database is migrated back to before the change, rows are written with the old columns,
and it is migrated forward again, inside the test's transaction (rolled back after it).
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db

BEFORE = [("news", "0009_author_topic")]
AFTER = [("news", "0011_remove_article_author")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_each_signed_name_becomes_one_author_linked_to_its_articles():
    apps = migrate(BEFORE)
    Section = apps.get_model("news", "Section")
    Article = apps.get_model("news", "Article")
    section = Section.objects.create(name="Novadā", name_lv="Novadā", slug="novads")

    def article(slug, author, role):
        return Article.objects.create(
            section=section,
            title="T",
            title_lv="T",
            slug=slug,
            author=author,
            author_role=role,
            published_at=timezone.now(),
        ).pk

    first = article("pirmais", "Inese Kalniņa", "")
    second = article("otrais", "Inese  Kalniņa", "žurnāliste")
    third = article("tresais", "Jānis Ozols", "fotogrāfs")
    unsigned = article("ceturtais", "", "")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # lets 0011 alter the table

    apps = migrate(AFTER)

    Author = apps.get_model("news", "Author")
    ArticleAuthor = apps.get_model("news", "ArticleAuthor")
    authors = {a.name_lv: (a.slug, a.role_lv) for a in Author.objects.all()}
    assert authors == {
        "Inese Kalniņa": ("inese-kalnina", "žurnāliste"),
        "Jānis Ozols": ("janis-ozols", "fotogrāfs"),
    }
    links = {
        (i.article_id, i.author.name_lv) for i in ArticleAuthor.objects.select_related("author")
    }
    assert links == {
        (first, "Inese Kalniņa"),
        (second, "Inese Kalniņa"),
        (third, "Jānis Ozols"),
    }
    assert not ArticleAuthor.objects.filter(article_id=unsigned).exists()


def test_migrating_back_writes_the_first_author_into_the_old_columns():
    apps = migrate(BEFORE)
    Section = apps.get_model("news", "Section")
    Article = apps.get_model("news", "Article")
    section = Section.objects.create(name="Novadā", name_lv="Novadā", slug="novads")
    pk = Article.objects.create(
        section=section,
        title="T",
        title_lv="T",
        slug="raksts",
        author="Anna Vanaga",
        author_role="skolotāja",
        published_at=timezone.now(),
    ).pk
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migrate(AFTER)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    apps = migrate(BEFORE)

    article = apps.get_model("news", "Article").objects.get(pk=pk)
    assert (article.author, article.author_role) == ("Anna Vanaga", "skolotāja")
