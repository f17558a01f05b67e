"""The search-quality benchmark of issue 15: does the site's search find what a reader means?

It loads a fixed corpus (tests/data/search_corpus.json: 320 short Latvian articles about
Krāslava and Latgale, most with a Russian translation, some with a Russian title and lead
only) into a database of its own, runs every query of the labelled set
(tests/data/search_queries.json) through the site's search, `ArticleQuerySet.search()`, in
the query's page language, and prints precision, recall and every query that fails.

A query's labels say which articles it should find ("find": their text has an inflected
form of the word or name asked for), which it may find or not ("neutral": e.g. "Krāslava"
and an article that names only krāslavieši) and, for reading, which are the traps it must
not find ("traps": "skola" and an article with "skolotāja" alone). Every article that is
neither found nor neutral counts against precision, traps or not.

    .venv/bin/python scripts/search_quality.py                # the site's search
    .venv/bin/python scripts/search_quality.py --failures     # and every failing query

docs/search.md has the figures and the failures; tests/news/test_search_quality.py holds
the site to them.
"""

import argparse
import json
import os
import sys
import typing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

CORPUS = BASE_DIR / "tests" / "data" / "search_corpus.json"
QUERIES = BASE_DIR / "tests" / "data" / "search_queries.json"


class Outcome(typing.NamedTuple):
    query: dict
    found: set

    @property
    def missed(self):
        return set(self.query["find"]) - self.found

    @property
    def wrong(self):
        return self.found - set(self.query["find"]) - set(self.query["neutral"])

    @property
    def fails(self):
        return bool(self.missed or self.wrong)


class Figures(typing.NamedTuple):
    outcomes: list

    @property
    def precision(self):
        right = sum(len(o.found & set(o.query["find"])) for o in self.outcomes)
        judged = sum(len(o.found - set(o.query["neutral"])) for o in self.outcomes)
        return right / judged if judged else 1.0

    @property
    def recall(self):
        right = sum(len(o.found & set(o.query["find"])) for o in self.outcomes)
        return right / sum(len(o.query["find"]) for o in self.outcomes)

    @property
    def failures(self):
        return [o for o in self.outcomes if o.fails]


def load_corpus():
    """The corpus's articles, saved with their ids, published a day apart."""
    import datetime

    from django.utils import timezone

    from news.models import Article, Section

    section, _ = Section.objects.get_or_create(slug="korpuss", defaults={"name_lv": "Korpuss"})
    now = timezone.now()
    articles = json.loads(CORPUS.read_text())
    Article.objects.bulk_create(
        Article(
            **entry,
            title=entry["title_lv"],
            slug=f"korpuss-{entry['id']}",
            section=section,
            is_published=True,
            published_at=now - datetime.timedelta(days=entry["id"]),
        )
        for entry in articles
    )
    return len(articles)


def evaluate(search=None, queries=None):
    """Figures for `search(text)` (a queryset of articles; the site's search by default)
    over the labelled queries, each asked in its page language."""
    from django.utils import translation

    from news.models import Article

    search = search or (lambda text: Article.objects.published().search(text))
    outcomes = []
    for query in queries or json.loads(QUERIES.read_text()):
        with translation.override(query["lang"]):
            found = set(search(query["q"]).values_list("pk", flat=True))
        outcomes.append(Outcome(query, found))
    return Figures(outcomes)


def report(figures, failures=True):
    lines = [
        f"{len(figures.outcomes)} queries: precision {figures.precision:.3f}, "
        f"recall {figures.recall:.3f}, {len(figures.failures)} failing"
    ]
    if failures:
        for outcome in figures.failures:
            query = outcome.query
            lines.append(
                f"  #{query['number']} {query['q']!r} ({query['lang']}, {query['about']}): "
                f"missed {sorted(outcome.missed) or '-'}, "
                f"wrongly found {sorted(outcome.wrong) or '-'}"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="vestis_search_quality")
    parser.add_argument("--failures", action="store_true", help="list every failing query")
    options = parser.parse_args()

    server_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/vestis"
    url = urlunsplit(urlsplit(server_url)._replace(path=f"/{options.database}"))
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.setdefault("SECRET_KEY", "search-quality")
    os.environ.setdefault("DEBUG", "true")
    from scripts.database import drop_database, ensure_database

    ensure_database(url)
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import transaction

        call_command("migrate", verbosity=0)
        with transaction.atomic():
            load_corpus()
            print(report(evaluate(), failures=options.failures))
            transaction.set_rollback(True)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(url)


if __name__ == "__main__":
    main()
