"""Teasers and the front page's section blocks as HTML, kept under what they show.

After an editor changes one article, its teaser (or its section's block) is rendered
again and every other part comes from the cache: the page reads the stories' ids and a
digest of what each teaser shows (two light queries), asks the cache for all parts at
once (pagecache.parts), and loads as articles only the stories whose parts are missing.
"""

from django.template.loader import get_template

from news.models import Article, FrontPage, SectionBlock
from pagecache.parts import kept_parts

CARD = "news/_article_card.html"
BLOCK = "news/_section_block.html"


def front_page_parts(articles, latest, featured, per_section):
    """The front page of `articles` (published, for listing) as a FrontPage of HTML: the
    lead, the featured and latest teasers, the section blocks."""
    ids = articles.front_page_ids(latest, featured, per_section)
    if ids.lead is None:
        return ids  # nothing published
    versions = articles.teaser_versions(ids.articles())
    wanted = {("lead", ids.lead): ("lead-card", versions[ids.lead])}
    wanted |= {("card", pk): ("card", versions[pk]) for pk in ids.featured + ids.latest}
    blocks = {("block", block.section): block.articles for block in ids.sections}
    wanted |= {
        name: ("section-block", *(versions[pk] for pk in pks)) for name, pks in blocks.items()
    }

    def render_missing(names):
        needed = [
            pk for kind, key in names for pk in (blocks[kind, key] if kind == "block" else [key])
        ]
        loaded = articles.teasers(needed)
        return {name: render_part(name, blocks, loaded) for name in names}

    html = kept_parts(wanted, render_missing)
    return FrontPage(
        lead=html["lead", ids.lead],
        featured=[html["card", pk] for pk in ids.featured],
        latest=[html["card", pk] for pk in ids.latest],
        sections=[html["block", block.section] for block in ids.sections],
    )


def render_part(name, blocks, loaded):
    kind, key = name
    if kind == "lead":
        context = {"article": loaded[key], "large": True, "loading": "eager"}
        return get_template(CARD).render(context)
    if kind == "card":
        return get_template(CARD).render({"article": loaded[key], "compact": True})
    articles = [loaded[pk] for pk in blocks[name]]
    return get_template(BLOCK).render({"block": SectionBlock(articles[0].section, articles)})


def list_cards(pks):
    """The teasers of the listed articles `pks` (a page of ids), as HTML, in that order."""
    pks = list(pks)
    versions = Article.objects.teaser_versions(pks)
    wanted = {pk: ("list-card", versions[pk]) for pk in pks}

    def render_missing(missing):
        loaded = Article.objects.teasers(missing)
        return {pk: get_template(CARD).render({"article": loaded[pk]}) for pk in missing}

    html = kept_parts(wanted, render_missing)
    return [html[pk] for pk in pks]
