"""The footer's links to the editors' pages."""

from django import template

from pages.models import Page

register = template.Library()


@register.inclusion_tag("pages/_footer_links.html")
def footer_pages():
    """Published pages in the editors' order; one query."""
    return {"pages": Page.objects.published().only("slug", "title")}
