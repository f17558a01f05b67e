from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.front_page, name="front_page"),
    path(
        "zinas/<date:day>/<slug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
    path("zinas/<date:day>/", views.archive_day, name="archive_day"),
    path("zinas/<month:month>/", views.archive_month, name="archive_month"),
    path("rubrikas/<slug:slug>/", views.section_detail, name="section_detail"),
    path("rubrikas/<slug:slug>/rss/", feeds.SectionFeed(), name="section_feed"),
    path("meklet/", views.search, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
]
