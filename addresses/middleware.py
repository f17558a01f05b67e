from django.http import HttpResponsePermanentRedirect

from addresses.models import OldAddress
from addresses.shapes import POST_PARAMETERS


class OldAddressMiddleware:
    """Answer an old address with a 301 to its object's canonical address.

    The table is read only when the site has no page at the address (a 404), so a normal
    page costs nothing. WordPress's `/?p=<id>` is the one exception: its path is the front
    page, which exists, so a front-page request with `p` or `page_id` is looked up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.names_a_post(request) and (redirect := self.redirect(request)):
            return redirect
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return self.redirect(request) or response
        return response

    @staticmethod
    def names_a_post(request):
        """WordPress's /?p=<id>: the front page's path with a post's id."""
        return request.path_info in ("/", "/ru/") and not POST_PARAMETERS.isdisjoint(request.GET)

    def redirect(self, request):
        row = OldAddress.objects.matching(request.get_full_path())
        url = row.target_url() if row else None
        if not url or url == request.path:
            return None
        return HttpResponsePermanentRedirect(url)
