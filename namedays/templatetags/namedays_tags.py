"""The masthead's "Vārda diena: …" line, on every page."""

from django import template

from namedays.models import NameDay

register = template.Library()


@register.inclusion_tag("namedays/_header.html")
def todays_namedays():
    """Today's traditional names in Riga (one query); nothing before the calendar is loaded."""
    return {"name_day": NameDay.objects.today()}
