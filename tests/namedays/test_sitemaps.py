import pytest
from django.contrib.sitemaps.views import sitemap

from namedays.sitemaps import NameDayPagesSitemap, NameDaySitemap

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]


def test_sitemap_lists_every_date_page_in_every_language(rf, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = sitemap(rf.get("/sitemap-namedays.xml"), {"namedays": NameDaySitemap})
        response.render()
    xml = response.content.decode()
    assert xml.count("<url>") == 366 * 3
    assert "<loc>http://testserver/vardadienas/02-29/</loc>" in xml
    assert 'hreflang="ru" href="http://testserver/ru/vardadienas/02-29/"' in xml


def test_sitemap_lists_todays_page_and_the_calendar(rf):
    response = sitemap(rf.get("/sitemap-namedays.xml"), {"pages": NameDayPagesSitemap})
    response.render()
    xml = response.content.decode()
    assert "<loc>http://testserver/vardadienas/</loc>" in xml
    assert "<loc>http://testserver/en/vardadienas/kalendars/</loc>" in xml
