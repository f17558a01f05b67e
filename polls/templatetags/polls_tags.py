"""The current poll in the sidebar of every page."""

from django import template

from polls.models import Poll

register = template.Library()


@register.inclusion_tag("polls/_widget.html", takes_context=True)
def current_poll(context):
    """The sidebar's poll, the same HTML for every reader of a page (it may be cached):
    polls.js fills in what differs per reader."""
    poll = Poll.objects.current()
    request = context.get("request")
    return {
        "poll": poll,
        "results": poll.results() if poll else None,
        "next": request.get_full_path() if request else "",
    }
