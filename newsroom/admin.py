from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pagecache.admin import PageCacheAdminSite


class NewsroomAdminSite(PageCacheAdminSite):
    site_header = site_title = settings.NEWSPAPER["name"]
    index_title = _("Newsroom")
