"""What the site needs to know about a request, whichever app serves it."""

from django.conf import settings


def client_address(request):
    """The reader's network address (the per-address vote limit, django-axes' lockouts).

    REMOTE_ADDR, unless TRUSTED_PROXY_COUNT reverse proxies stand in front (nginx: 1): then
    the address the outermost of them saw, counted from the right of X-Forwarded-For.
    Entries further left come from the client and could be anything.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("X-Forwarded-For", "").split(",")
    forwarded = [address.strip() for address in forwarded if address.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
